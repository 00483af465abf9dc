#include "sync/GatheredPages.h"

#include <QElapsedTimer>
#include <QTest>

using trunkline::sync::GatheredPages;

namespace {

using Pages = GatheredPages<int>;

QList<int> page(int first, int count) {
    QList<int> records;
    for (int i = 0; i < count; ++i)
        records.append(first + i);
    return records;
}

// What a GatheredPages hands on, one list per write.
struct Writes {
    QList<QList<int>> batches;
    Pages::Write recorder() {
        return [this](const QList<int>& records) {
            batches.append(records);
        };
    }
};

} // namespace

class tst_GatheredPages : public QObject {
    Q_OBJECT

private slots:
    // Pages that arrive together are written together, in their order, once the first has waited.
    void pagesArrivingTogetherAreWrittenTogether() {
        QObject owner;
        Writes writes;
        Pages pages(&owner, writes.recorder());
        QElapsedTimer waited;
        waited.start();
        pages.add(page(0, 10));
        pages.add(page(10, 10));
        pages.add(page(20, 5));
        QVERIFY(writes.batches.isEmpty());

        QTRY_COMPARE(writes.batches.size(), 1);
        QCOMPARE(writes.batches.constFirst(), page(0, 25));
        // A coarse timer may fire up to 5 % early.
        QVERIFY2(waited.elapsed() >= Pages::longestWait.count() * 95 / 100,
                 qPrintable(QString::number(waited.elapsed())));
    }

    // A batch that reaches its size is written at once, without waiting, and its timer is stopped.
    void aFullBatchIsWrittenAtOnce() {
        QObject owner;
        Writes writes;
        Pages pages(&owner, writes.recorder());
        const int half = static_cast<int>(Pages::rowsPerWrite / 2);
        pages.add(page(0, half));
        QVERIFY(writes.batches.isEmpty());
        pages.add(page(half, static_cast<int>(Pages::rowsPerWrite) - half));
        QCOMPARE(writes.batches.size(), 1);
        QCOMPARE(writes.batches.constFirst(), page(0, static_cast<int>(Pages::rowsPerWrite)));

        QTest::qWait(static_cast<int>(Pages::longestWait.count()) * 2);
        QCOMPARE(writes.batches.size(), 1);
    }

    // The list's end writes what is gathered, once; with nothing gathered it writes nothing.
    void flushWritesTheRestOnce() {
        QObject owner;
        Writes writes;
        Pages pages(&owner, writes.recorder());
        pages.flush();
        QVERIFY(writes.batches.isEmpty());

        pages.add(page(0, 3));
        pages.flush();
        QCOMPARE(writes.batches, QList<QList<int>>{page(0, 3)});
        pages.flush();
        QTest::qWait(static_cast<int>(Pages::longestWait.count()) * 2);
        QCOMPARE(writes.batches.size(), 1);
    }

    // A page after a write starts a new batch with its own wait.
    void aLaterPageStartsANewBatch() {
        QObject owner;
        Writes writes;
        Pages pages(&owner, writes.recorder());
        pages.add(page(0, 4));
        QTRY_COMPARE(writes.batches.size(), 1);
        pages.add(page(4, 4));
        QCOMPARE(writes.batches.size(), 1);
        QTRY_COMPARE(writes.batches.size(), 2);
        QCOMPARE(writes.batches.constLast(), page(4, 4));
    }
};

QTEST_GUILESS_MAIN(tst_GatheredPages)
#include "tst_GatheredPages.moc"
