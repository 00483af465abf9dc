// A process killed (SIGKILL) in the middle of a big write must leave the database consistent:
// integrity intact, and the interrupted batch stored either completely or not at all. The test
// re-executes its own binary as the writer ("--child-write"), so the writer is real code killed
// for real, not a simulation.

#include "EngineTestCase.h"
#include "NumberIndexes.h"
#include "store/DeferredIndexes.h"
#include "store/PhoneNumberRepository.h"
#include "store/Transaction.h"

#include <QProcess>
#include <QSqlQuery>
#include <QtTest>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace trunkline::store;

namespace {

constexpr int kChunk = 2000;
constexpr int kCommittedBatch = 3 * kChunk;

QList<trunkline::core::PhoneNumberRecord> chunk(const QString& prefix, int index) {
    QList<trunkline::core::PhoneNumberRecord> numbers;
    numbers.reserve(kChunk);
    for (int i = 0; i < kChunk; ++i) {
        trunkline::core::PhoneNumberRecord n;
        n.provider = u"ringcentral"_s;
        n.id = u"%1-%2-%3"_s.arg(prefix).arg(index).arg(i);
        n.e164 = u"+4930%1"_s.arg(index * kChunk + i, 8, 10, QLatin1Char('0'));
        n.label = u"Durchwahl %1 mit etwas Text, damit die Seiten voll werden"_s.arg(i);
        numbers << n;
    }
    return numbers;
}

void report(const char* line) {
    std::fputs(line, stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// mode "deferred": a first load that defers the indexes, committing chunk after chunk.
// mode "uncommitted": one transaction that never ends, reporting after each chunk.
// mode "committed": commits kCommittedBatch rows, reports COMMITTED, then writes like "uncommitted".
int childWrite(const QString& mode, const QString& location, qint64 profile) {
    QString error;
    auto db = Database::open(location, &error);
    if (!db) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 2;
    }
    PhoneNumberRepository repository(*db);
    if (mode == "deferred"_L1) {
        // A first load into the empty table: its indexes deferred, each chunk committed, none built.
        if (DeferredIndexes(*db).deferForEmptyNumbers(&error) <= 0) {
            std::fprintf(stderr, "child: nothing deferred %s\n", qPrintable(error));
            return 6;
        }
        for (int i = 0;; ++i) {
            if (!repository.upsert(profile, chunk(u"loaded"_s, i), &error)) {
                std::fprintf(stderr, "child: %s\n", qPrintable(error));
                return 5;
            }
            report("CHUNK");
        }
    }
    if (mode == "committed"_L1) {
        Transaction batch(*db);
        for (int i = 0; i < kCommittedBatch / kChunk; ++i) {
            if (!repository.upsert(profile, chunk(u"kept"_s, i), &error)) {
                std::fprintf(stderr, "child: %s\n", qPrintable(error));
                return 3;
            }
        }
        if (!batch.commit()) {
            return 4;
        }
        report("COMMITTED");
    }
    Transaction endless(*db);
    for (int i = 0;; ++i) {
        if (!repository.upsert(profile, chunk(u"lost"_s, i), &error)) {
            std::fprintf(stderr, "child: %s\n", qPrintable(error));
            return 5;
        }
        report("CHUNK");
    }
}

} // namespace

class tst_CrashConsistency : public EngineTestCase {
    Q_OBJECT

private slots:
    void killedWriterLeavesAllOrNothing_data() {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("expectedRows");
        QTest::newRow("killed inside the batch") << u"uncommitted"_s << 0;
        QTest::newRow("killed after a committed batch") << u"committed"_s << kCommittedBatch;
    }
    void killedWriterLeavesAllOrNothing() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QFETCH(QString, mode);
        QFETCH(int, expectedRows);
        const qint64 profile = test.addProfile();
        QVERIFY(profile > 0);
        test.close(); // the child is the only writer

        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {u"--child-write"_s, mode, test.location(), QString::number(profile)});
        QVERIFY(child.waitForStarted());
        // Kill only once the child is well into a batch: three chunks written, none committed.
        QByteArray output;
        while (output.count("CHUNK") < 3) {
            if (!child.waitForReadyRead(60000)) {
                QFAIL(qPrintable("the writer stopped early: "_L1 + QString::fromUtf8(output)));
            }
            output += child.readAllStandardOutput();
        }
        QCOMPARE(output.contains("COMMITTED"), mode == "committed"_L1);
        child.kill(); // SIGKILL: no destructors, no rollback by the writer
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        QVERIFY2(test.open(), qPrintable(test.error()));
        QSqlQuery query(test.database().connection());
        if (!test.isPostgres()) {
            QVERIFY(query.exec(u"PRAGMA integrity_check"_s) && query.next());
            QCOMPARE(query.value(0).toString(), u"ok"_s);
            query.finish();
        }
        const auto rows = PhoneNumberRepository(test.database()).list(profile);
        QCOMPARE(rows.size(), expectedRows);
        for (const auto& row : rows) {
            QVERIFY2(row.id.startsWith("kept-"_L1), qPrintable(row.id));
        }
        // And the database is still writable.
        QVERIFY(PhoneNumberRepository(test.database()).upsert(profile, chunk(u"after"_s, 0)));
    }

    // A kill during a first load leaves the table without most of its indexes; opening the file again
    // builds them, over the rows the load had committed.
    void killedFirstLoadGetsItsIndexesBack() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        if (test.isPostgres())
            QSKIP("only SQLite defers indexes during a load");
        const qint64 profile = test.addProfile();
        QVERIFY(profile > 0);
        const QMap<QString, QString> indexes = numberIndexes(test);
        QVERIFY(indexes.size() > 5);
        test.close();

        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {u"--child-write"_s, u"deferred"_s, test.location(), QString::number(profile)});
        QVERIFY(child.waitForStarted());
        QByteArray output;
        while (output.count("CHUNK") < 3) {
            if (!child.waitForReadyRead(60000))
                QFAIL(qPrintable("the loader stopped early: "_L1 + QString::fromUtf8(output)));
            output += child.readAllStandardOutput();
        }
        child.kill();
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // Before reopening: the load had the indexes deferred.
        QVERIFY2(test.open(false), qPrintable(test.error()));
        QVERIFY(numberIndexes(test).size() < indexes.size());
        test.close();

        QVERIFY2(test.open(), qPrintable(test.error()));
        QCOMPARE(numberIndexes(test), indexes);
        QString error;
        QCOMPARE(DeferredIndexes(test.database()).pending(&error), QStringList());
        QSqlQuery query(test.database().connection());
        QVERIFY(query.exec(u"PRAGMA integrity_check"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"ok"_s);
        query.finish();
        const auto rows = PhoneNumberRepository(test.database()).list(profile);
        QVERIFY(rows.size() >= 3 * kChunk);
        QCOMPARE(rows.size() % kChunk, 0); // whole chunks only
    }
};

int main(int argc, char** argv) {
    if (argc == 5 && qstrcmp(argv[1], "--child-write") == 0) {
        QCoreApplication app(argc, argv);
        return childWrite(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                          QByteArray(argv[4]).toLongLong());
    }
    QCoreApplication app(argc, argv);
    tst_CrashConsistency test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_CrashConsistency.moc"
