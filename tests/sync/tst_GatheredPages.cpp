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

// A GatheredPages and what it hands on, one list per write.
struct Rig {
    QObject owner;
    QList<QList<int>> batches;
    Pages pages{&owner, [this](const QList<int>& records) {
                    batches.append(records);
                }};

    // Long enough for a pending batch's wait to end twice over.
    static void waitPastTheWait() { QTest::qWait(static_cast<int>(Pages::longestWait.count()) * 2); }
};

} // namespace

class tst_GatheredPages : public QObject {
    Q_OBJECT

private slots:
    // Pages that arrive together are written together, in their order, once the first has waited.
    void pagesArrivingTogetherAreWrittenTogether() {
        Rig rig;
        Pages& pages = rig.pages;
        QElapsedTimer waited;
        waited.start();
        pages.add(page(0, 10));
        pages.add(page(10, 10));
        pages.add(page(20, 5));
        QVERIFY(rig.batches.isEmpty());

        QTRY_COMPARE(rig.batches.size(), 1);
        QCOMPARE(rig.batches.constFirst(), page(0, 25));
        // A coarse timer may fire up to 5 % early.
        QVERIFY2(waited.elapsed() >= Pages::longestWait.count() * 95 / 100,
                 qPrintable(QString::number(waited.elapsed())));
    }

    // A batch that reaches its size is written at once, without waiting, and its timer is stopped.
    void aFullBatchIsWrittenAtOnce() {
        Rig rig;
        Pages& pages = rig.pages;
        const int half = static_cast<int>(Pages::rowsPerWrite / 2);
        pages.add(page(0, half));
        QVERIFY(rig.batches.isEmpty());
        pages.add(page(half, static_cast<int>(Pages::rowsPerWrite) - half));
        QCOMPARE(rig.batches.size(), 1);
        QCOMPARE(rig.batches.constFirst(), page(0, static_cast<int>(Pages::rowsPerWrite)));

        Rig::waitPastTheWait();
        QCOMPARE(rig.batches.size(), 1);
    }

    // The list's end writes what is gathered, once; with nothing gathered it writes nothing.
    void flushWritesTheRestOnce() {
        Rig rig;
        Pages& pages = rig.pages;
        pages.flush();
        QVERIFY(rig.batches.isEmpty());

        pages.add(page(0, 3));
        pages.flush();
        QCOMPARE(rig.batches, QList<QList<int>>{page(0, 3)});
        pages.flush();
        Rig::waitPastTheWait();
        QCOMPARE(rig.batches.size(), 1);
    }

    // A page after a write starts a new batch with its own wait.
    void aLaterPageStartsANewBatch() {
        Rig rig;
        Pages& pages = rig.pages;
        pages.add(page(0, 4));
        QTRY_COMPARE(rig.batches.size(), 1);
        pages.add(page(4, 4));
        QCOMPARE(rig.batches.size(), 1);
        QTRY_COMPARE(rig.batches.size(), 2);
        QCOMPARE(rig.batches.constLast(), page(4, 4));
    }
};

QTEST_GUILESS_MAIN(tst_GatheredPages)
#include "tst_GatheredPages.moc"
