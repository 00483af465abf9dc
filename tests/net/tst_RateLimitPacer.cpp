#include "net/RateLimitPacer.h"

#include <QTest>

using trunkline::net::RateLimitPacer;

// The pacer against a hand-driven clock: it must keep every window under the learned limit and
// wait out penalties, but never make a request wait when there is room.
class tst_RateLimitPacer : public QObject {
    Q_OBJECT

    qint64 m_now = 0;
    RateLimitPacer makePacer() {
        return RateLimitPacer([this] { return m_now; });
    }

private slots:
    void init() { m_now = 100000; }

    void unknownGroupSendsAtOnce() {
        RateLimitPacer pacer = makePacer();
        QCOMPARE(pacer.delayBeforeSend(QStringLiteral("Light")), 0);
        QVERIFY(!pacer.knowsLimits(QStringLiteral("Light")));
    }

    void learnsLimitFromHeaders() {
        RateLimitPacer pacer = makePacer();
        pacer.recordHeaders(QStringLiteral("Heavy"), "10", "9", "60", m_now);
        QVERIFY(pacer.knowsLimits(QStringLiteral("Heavy")));
        QVERIFY(!pacer.knowsLimits(QStringLiteral("Light")));
    }

    void responsesWithoutLimitTeachNothing() {
        RateLimitPacer pacer = makePacer();
        pacer.recordHeaders(QStringLiteral("Heavy"), "", "", "", m_now);
        QVERIFY(!pacer.knowsLimits(QStringLiteral("Heavy")));
    }

    void fullWindowWaitsForOldestSendToExpire() {
        RateLimitPacer pacer = makePacer();
        const QString heavy = QStringLiteral("Heavy");
        pacer.recordHeaders(heavy, "3", "3", "60", m_now);
        pacer.recordSend(heavy); // t = 100000
        m_now += 1000;
        pacer.recordSend(heavy); // t = 101000
        m_now += 1000;
        QCOMPARE(pacer.delayBeforeSend(heavy), 0); // room for a third
        pacer.recordSend(heavy);                   // t = 102000
        const qint64 delay = pacer.delayBeforeSend(heavy);
        // The first send leaves the 60 s window at 160000, plus a small safety margin.
        QVERIFY2(delay >= 160000 - m_now && delay <= 160000 - m_now + 1000,
                 qPrintable(QString::number(delay)));
        m_now += delay;
        QCOMPARE(pacer.delayBeforeSend(heavy), 0);
    }

    void aSendThatLeftLaterHoldsItsSlotLonger() {
        RateLimitPacer pacer = makePacer();
        const QString heavy = QStringLiteral("Heavy");
        pacer.recordHeaders(heavy, "1", "1", "60", m_now);
        const qint64 recorded = pacer.recordSend(heavy);
        const qint64 asRecorded = pacer.delayBeforeSend(heavy);
        pacer.correctSend(heavy, recorded, recorded + 400); // the HTTP stack sent it 400 ms later
        QCOMPARE(pacer.delayBeforeSend(heavy), asRecorded + 400);
        pacer.correctSend(heavy, recorded, recorded + 900); // corrected already: no send of that time
        QCOMPARE(pacer.delayBeforeSend(heavy), asRecorded + 400);
    }

    void aCorrectedSendKeepsTheSendsInOrder() {
        RateLimitPacer pacer = makePacer();
        const QString heavy = QStringLiteral("Heavy");
        pacer.recordHeaders(heavy, "2", "2", "60", m_now);
        const qint64 first = pacer.recordSend(heavy);
        m_now += 100;
        pacer.recordSend(heavy);
        const qint64 asRecorded = pacer.delayBeforeSend(heavy); // until the first leaves the window
        pacer.correctSend(heavy, first, first + 400);
        // The second send (100 ms after the first was recorded) is now the oldest: it leaves first.
        QCOMPARE(pacer.delayBeforeSend(heavy), asRecorded + 100);
    }

    void fractionalWindowsFromTimeScaledServers() {
        RateLimitPacer pacer = makePacer();
        const QString light = QStringLiteral("Light");
        pacer.recordHeaders(light, "1", "0", "0.5", m_now);
        pacer.recordSend(light);
        const qint64 delay = pacer.delayBeforeSend(light);
        QVERIFY2(delay >= 500 && delay < 600, qPrintable(QString::number(delay)));
    }

    void serverSaysNothingRemainsEvenWithoutOurSends() {
        RateLimitPacer pacer = makePacer();
        const QString medium = QStringLiteral("Medium");
        pacer.recordHeaders(medium, "40", "0", "60", m_now); // another app of the user used the budget
        QVERIFY(pacer.delayBeforeSend(medium) >= 60000);
    }

    void lateZeroExplainedByOwnSendsDoesNotHoldBack() {
        RateLimitPacer pacer = makePacer();
        const QString light = QStringLiteral("Light");
        pacer.recordHeaders(light, "2", "2", "1", m_now);
        const qint64 first = pacer.recordSend(light);
        pacer.recordSend(light);
        m_now += 1100; // the window has slid on: room for two more
        QCOMPARE(pacer.delayBeforeSend(light), 0);
        pacer.recordSend(light);
        // Only now the answer to the second request arrives: "0 remaining", which our own two sends
        // explain. It must not hold the fourth request back for another whole window.
        pacer.recordHeaders(light, "2", "0", "1", first);
        QCOMPARE(pacer.delayBeforeSend(light), 0);
        pacer.recordSend(light);
        QVERIFY(pacer.delayBeforeSend(light) > 0); // and the new window is full again
    }

    void zeroNotExplainedByOwnSendsWaitsFromItsSendTime() {
        RateLimitPacer pacer = makePacer();
        const QString light = QStringLiteral("Light");
        pacer.recordHeaders(light, "50", "49", "60", m_now);
        const qint64 sent = pacer.recordSend(light);
        m_now += 5000;
        pacer.recordHeaders(light, "50", "0", "60", sent); // someone else used the budget
        const qint64 delay = pacer.delayBeforeSend(light);
        QVERIFY2(delay >= sent + 60000 - m_now && delay <= sent + 61000 - m_now,
                 qPrintable(QString::number(delay)));
    }

    void rejectionImposesPenalty() {
        RateLimitPacer pacer = makePacer();
        const QString auth = QStringLiteral("Auth");
        pacer.recordRejection(auth, 30000);
        QCOMPARE(pacer.delayBeforeSend(auth), 30000);
        m_now += 10000;
        QCOMPARE(pacer.delayBeforeSend(auth), 20000);
        QCOMPARE(pacer.delayBeforeSend(QStringLiteral("Light")), 0); // groups count separately
    }

    void groupsAreIndependent() {
        RateLimitPacer pacer = makePacer();
        pacer.recordHeaders(QStringLiteral("Heavy"), "1", "1", "60", m_now);
        pacer.recordHeaders(QStringLiteral("Light"), "50", "50", "60", m_now);
        pacer.recordSend(QStringLiteral("Heavy"));
        QVERIFY(pacer.delayBeforeSend(QStringLiteral("Heavy")) > 0);
        QCOMPARE(pacer.delayBeforeSend(QStringLiteral("Light")), 0);
    }
};

QTEST_GUILESS_MAIN(tst_RateLimitPacer)
#include "tst_RateLimitPacer.moc"
