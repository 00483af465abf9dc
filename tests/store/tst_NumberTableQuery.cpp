// The numbers table's pages with a text filter (label, extension): on SQLite an index walk that runs past
// its budget is read again by a scan of the table, and the rows are the same, page after page, in either
// order.

#include "EngineTestCase.h"
#include "store/NumberTableQuery.h"
#include "store/PhoneNumberRepository.h"

#include <QtTest>
#include <limits>

using namespace Qt::StringLiterals;
using namespace trunkline::store;

Q_DECLARE_METATYPE(trunkline::store::NumberSortKey)

namespace {

constexpr int kNumbers = 3000;

// Every seventh number is labelled "Reception <i>", the others "Desk <i>".
QList<trunkline::core::PhoneNumberRecord> numbers() {
    QList<trunkline::core::PhoneNumberRecord> records;
    for (int i = 0; i < kNumbers; ++i) {
        trunkline::core::PhoneNumberRecord number;
        number.provider = u"ringcentral"_s;
        number.id = u"n%1"_s.arg(i);
        number.e164 = u"+4930%1"_s.arg(500000 + (i * 7919) % kNumbers); // not in id order
        number.label = (i % 7 == 0 ? u"Reception %1"_s : u"Desk %1"_s).arg(i);
        records << number;
    }
    return records;
}

// The ids of every page the query reads, `limit` rows at a time.
QStringList allPages(const NumberTableQuery& query, const NumberTableFilter& filter, NumberSortKey key,
                     Qt::SortOrder order, int limit) {
    QStringList ids;
    std::optional<NumberPageKey> after;
    for (;;) {
        QString error;
        const QList<NumberRow> rows = query.page(filter, key, order, after, limit, &error);
        if (!error.isEmpty()) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        for (const NumberRow& row : rows)
            ids << row.record.id;
        if (rows.size() < limit)
            return ids;
        after = NumberTableQuery::keyOf(rows.constLast());
    }
}

} // namespace

class tst_NumberTableQuery : public EngineTestCase {
    Q_OBJECT

private slots:
    void aWalkPastItsBudgetReadsTheSamePagesByScan_data() {
        QTest::addColumn<NumberSortKey>("key");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::newRow("by number") << NumberSortKey::Number << Qt::AscendingOrder;
        QTest::newRow("by label, descending") << NumberSortKey::Label << Qt::DescendingOrder;
    }
    void aWalkPastItsBudgetReadsTheSamePagesByScan() {
        QFETCH(NumberSortKey, key);
        QFETCH(Qt::SortOrder, order);
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        QString error;
        QVERIFY2(PhoneNumberRepository(test.database()).upsert(profile, numbers(), &error),
                 qPrintable(error));
        NumberTableFilter filter;
        filter.text = u"RECEPTION"_s;

        NumberTableQuery walking(test.database());
        walking.setWalkBudget(std::numeric_limits<qint64>::max());
        NumberTableQuery outOfSteps(test.database());
        outOfSteps.setWalkBudget(0);
        const QStringList walked = allPages(walking, filter, key, order, 50);
        const QStringList scanned = allPages(outOfSteps, filter, key, order, 50);

        QCOMPARE(walked.size(), (kNumbers + 6) / 7);
        QCOMPARE(scanned, walked);
        QCOMPARE(walking.pagesReadByScan(), 0);
        if (test.isPostgres())
            QCOMPARE(outOfSteps.pagesReadByScan(), 0); // its planner chooses for itself
        else
            QVERIFY(outOfSteps.pagesReadByScan() > 0);
    }
};

QTEST_GUILESS_MAIN(tst_NumberTableQuery)
#include "tst_NumberTableQuery.moc"
