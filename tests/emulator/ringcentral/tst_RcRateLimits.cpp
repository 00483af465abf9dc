// RingCentral emulator over real sockets. Usage-group rate limits: headers, 429 with the penalty window,
// per-user and auth-group limits, off switch.

#include "RcApiTest.h"

using namespace trunkline::emulator;
using namespace trunkline::emulator::test;

class tst_RcRateLimits : public RcApiTest {
    Q_OBJECT

private slots:
    void rateLimitHeadersAnd429();
    void penaltyRestartsWhileKnocking();
    void rateLimitsOff();
    void authGroupLimit();
};

void tst_RcRateLimits::rateLimitHeadersAnd429() {
    EmulatorOptions options;
    options.rateLimits = true;
    EmulatorTestClient limited(options);
    QVERIFY(limited.started());
    const HeaderList auth{EmulatorTestClient::bearer(limited.rcLogin())};
    // Heavy group: 10 per 60 s.
    for (int i = 1; i <= 10; ++i) {
        const TestReply r = limited.get(path(s("/phone-number")), auth);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-rate-limit-group"), QByteArray("heavy"));
        QCOMPARE(r.header("x-rate-limit-limit"), QByteArray("10"));
        QCOMPARE(r.header("x-rate-limit-remaining"), QByteArray::number(10 - i));
        QCOMPARE(r.header("x-rate-limit-window"), QByteArray("60"));
    }
    const TestReply refused = limited.get(path(s("/phone-number")), auth);
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.rcErrorCode(), s("CMN-301"));
    QCOMPARE(refused.header("retry-after"), QByteArray("60"));
    QCOMPARE(refused.header("x-rate-limit-remaining"), QByteArray("0"));
    // Other groups count separately.
    const TestReply light = limited.get(path(QString()), auth);
    QCOMPARE(light.status, 200);
    QCOMPARE(light.header("x-rate-limit-group"), QByteArray("light"));
    QCOMPARE(light.header("x-rate-limit-limit"), QByteArray("50"));
    const TestReply medium = limited.get(path(s("/extension")), auth);
    QCOMPARE(medium.header("x-rate-limit-group"), QByteArray("medium"));
    QCOMPARE(medium.header("x-rate-limit-limit"), QByteArray("40"));
    // And per user.
    QCOMPARE(
        limited.get(path(s("/phone-number")), {EmulatorTestClient::bearer(limited.rcLogin(false))}).status,
        200);
}

void tst_RcRateLimits::penaltyRestartsWhileKnocking() {
    EmulatorOptions options;
    options.rateLimits = true;
    options.timeScale = 30; // window and penalty: 2 real seconds
    EmulatorTestClient limited(options);
    QVERIFY(limited.started());
    const HeaderList auth{EmulatorTestClient::bearer(limited.rcLogin())};
    for (int i = 0; i < 10; ++i)
        QCOMPARE(limited.get(path(s("/phone-number")), auth).status, 200);
    const TestReply refused = limited.get(path(s("/phone-number")), auth);
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.header("retry-after"), QByteArray("2"));
    QCOMPARE(refused.header("x-rate-limit-window"), QByteArray("2"));
    // Knocking again inside the penalty restarts it (the documented "429 trap"): waiting is inherent to
    // what is tested here, so these are real waits on the scaled clock.
    QTest::qWait(1200);
    QCOMPARE(limited.get(path(s("/phone-number")), auth).status, 429);
    QTest::qWait(1200); // 2.4 s after the first 429, but only 1.2 s after the restart
    QCOMPARE(limited.get(path(s("/phone-number")), auth).status, 429);
    QTest::qWait(2300);
    QCOMPARE(limited.get(path(s("/phone-number")), auth).status, 200);
}

void tst_RcRateLimits::rateLimitsOff() {
    for (int i = 0; i < 60; ++i) {
        const TestReply r = m_client->get(path(s("/phone-number")), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.headers.contains("x-rate-limit-group"));
    }
}

void tst_RcRateLimits::authGroupLimit() {
    EmulatorOptions options;
    options.rateLimits = true;
    EmulatorTestClient limited(options);
    QVERIFY(limited.started());
    const QString jwt = limited.credentials().ringCentralAdminJwt;
    for (int i = 0; i < 5; ++i) {
        const TestReply r = limited.rcTokenRequest(jwt);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-rate-limit-group"), QByteArray("auth"));
    }
    const TestReply sixth = limited.rcTokenRequest(jwt);
    QCOMPARE(sixth.status, 429);
    QVERIFY(!sixth.header("retry-after").isEmpty());
}

QTEST_GUILESS_MAIN(tst_RcRateLimits)
#include "tst_RcRateLimits.moc"
