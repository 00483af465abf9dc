// A first load into an empty phone_numbers table goes without most of its indexes and builds them
// afterwards (store/DeferredIndexes): the same indexes come back, with the same definitions, after the
// load, after a reopen, and only where SQLite is the engine.

#include "EngineTestCase.h"
#include "NumberIndexes.h"
#include "store/DeferredIndexes.h"
#include "store/PhoneNumberRepository.h"

#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline::store;

namespace {

QList<trunkline::core::PhoneNumberRecord> numbers(int count) {
    QList<trunkline::core::PhoneNumberRecord> records;
    for (int i = 0; i < count; ++i) {
        trunkline::core::PhoneNumberRecord number;
        number.provider = u"ringcentral"_s;
        number.id = u"n%1"_s.arg(i);
        number.e164 = u"+4930%1"_s.arg(1000 + i);
        number.label = u"Durchwahl %1"_s.arg(count - i);
        records << number;
    }
    return records;
}

QString queryPlan(TestDatabase& test, const QString& select) {
    QSqlQuery query(test.database().connection());
    QString plan;
    if (query.exec(u"EXPLAIN QUERY PLAN "_s + select)) {
        while (query.next())
            plan += query.value(3).toString() + u'\n';
    }
    return plan;
}

} // namespace

class tst_DeferredIndexes : public EngineTestCase {
    Q_OBJECT

private slots:
    void emptyTableKeepsOnlyItsKeyAndTwoIndexesUntilBuilt() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        if (test.isPostgres())
            QSKIP("PostgreSQL keeps its indexes (deferOnPostgresChangesNothing)");
        const QMap<QString, QString> before = numberIndexes(test);
        QVERIFY(before.size() > 5);
        DeferredIndexes indexes(test.database());
        QString error;

        const int deferred = indexes.deferForEmptyNumbers(&error);
        QVERIFY2(deferred >= 0, qPrintable(error));
        const QMap<QString, QString> during = numberIndexes(test);
        QCOMPARE(QStringList(during.keys()),
                 QStringList({u"phone_numbers_by_extension"_s, u"phone_numbers_sorted_by_e164"_s,
                              u"sqlite_autoindex_phone_numbers_1"_s}));
        QCOMPARE(deferred, before.size() - during.size());
        QStringList expected = before.keys();
        for (const QString& kept : during.keys())
            expected.removeOne(kept);
        QCOMPARE(indexes.pending(&error), expected);

        // The load, then the indexes: the same definitions as the schema's, and used again.
        const qint64 profile = test.addProfile();
        QVERIFY(PhoneNumberRepository(test.database()).upsert(profile, numbers(50), &error));
        QVERIFY2(queryPlan(test, u"SELECT id FROM phone_numbers ORDER BY label, profile_id, id"_s)
                     .contains(u"TEMP B-TREE"_s),
                 "without its index, a sort by label sorts the whole table");
        QVERIFY2(indexes.buildAll(&error), qPrintable(error));
        QCOMPARE(numberIndexes(test), before);
        QCOMPARE(indexes.pending(&error), QStringList());
        QVERIFY(error.isEmpty());
        QVERIFY(queryPlan(test, u"SELECT id FROM phone_numbers ORDER BY label, profile_id, id"_s)
                    .contains(u"phone_numbers_sorted_by_label"_s));
    }

    void tableWithRowsDefersNothing() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        QString error;
        QVERIFY(PhoneNumberRepository(test.database()).upsert(profile, numbers(1), &error));
        const QMap<QString, QString> before = numberIndexes(test);

        QCOMPARE(DeferredIndexes(test.database()).deferForEmptyNumbers(&error), 0);
        QCOMPARE(numberIndexes(test), before);
        QCOMPARE(DeferredIndexes(test.database()).pending(&error), QStringList());
    }

    void deferOnPostgresChangesNothing() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        if (!test.isPostgres())
            QSKIP("SQLite defers (emptyTableKeepsOnlyItsKeyAndTwoIndexesUntilBuilt)");
        const QMap<QString, QString> before = numberIndexes(test);
        QString error;
        QCOMPARE(DeferredIndexes(test.database()).deferForEmptyNumbers(&error), 0);
        QCOMPARE(numberIndexes(test), before);
        QVERIFY(DeferredIndexes(test.database()).buildAll(&error));
    }

    void reopeningBuildsWhatALoadLeftDeferred() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        if (test.isPostgres())
            QSKIP("only SQLite defers");
        const QMap<QString, QString> before = numberIndexes(test);
        QString error;
        QVERIFY(DeferredIndexes(test.database()).deferForEmptyNumbers(&error) > 0);
        QVERIFY(PhoneNumberRepository(test.database()).upsert(test.addProfile(), numbers(20), &error));
        test.close();

        QVERIFY2(test.open(), qPrintable(test.error()));
        QCOMPARE(numberIndexes(test), before);
        QCOMPARE(DeferredIndexes(test.database()).pending(&error), QStringList());
    }

    void anIndexBuiltElsewhereIsOnlyForgotten() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        if (test.isPostgres())
            QSKIP("only SQLite defers");
        const QMap<QString, QString> before = numberIndexes(test);
        DeferredIndexes indexes(test.database());
        QString error;
        QVERIFY(indexes.deferForEmptyNumbers(&error) > 0);
        const QString first = indexes.pending(&error).constFirst();
        // Another connection (a second console opening the file) built it from the same definition.
        QSqlQuery other(test.database().connection());
        QVERIFY(other.exec(before.value(first)));

        QVERIFY2(indexes.build(first, &error), qPrintable(error));
        QVERIFY(!indexes.pending(&error).contains(first));
        QVERIFY2(indexes.buildAll(&error), qPrintable(error));
        QCOMPARE(numberIndexes(test), before);
    }
};

QTEST_GUILESS_MAIN(tst_DeferredIndexes)
#include "tst_DeferredIndexes.moc"
