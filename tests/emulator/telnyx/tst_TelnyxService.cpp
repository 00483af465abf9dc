// Telnyx emulator, directly and over sockets. The service as a whole: the demo key and Bearer authentication,
// deterministic German demo data, rate limits, injected faults and the state round trip.

#include "TelnyxApiTest.h"

#include <QSet>

class TestTelnyxService : public TelnyxApiTest {
    Q_OBJECT

private Q_SLOTS:
    void credentialLineNamesTheKey() {
        TelnyxService& service = make(7);
        QCOMPARE(service.credentialLine(), u"telnyx api_key="_s + service.apiKey());
        QVERIFY(service.apiKey().startsWith(u"KEY"_s));
        TelnyxService& other = make(8);
        QVERIFY(other.apiKey() != service.apiKey());
    }

    void authentication_data() {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::newRow("missing") << QByteArray("") << 401;
        QTest::newRow("wrong key") << QByteArray("Bearer KEYWRONG") << 401;
        QTest::newRow("basic scheme") << QByteArray("Basic a2V5OnNlY3JldA==") << 401;
        QTest::newRow("bearer lower-case scheme") << QByteArray("bearer {KEY}") << 200;
        QTest::newRow("correct") << QByteArray("Bearer {KEY}") << 200;
    }

    void authentication() {
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        TelnyxService& service = make(1);
        authorization.replace("{KEY}", service.apiKey().toLatin1());
        const Reply r = call(service, "GET", u"/v2/porting_orders"_s, {}, authorization);
        QCOMPARE(r.status, status);
        if (status == 401) {
            QCOMPARE(r.code(), u"10009"_s);
            QVERIFY(!r.body.contains(service.apiKey().toLatin1()));
        }
    }

    void demoDataIsDeterministicAndGerman() {
        TelnyxService& a = make(42);
        TelnyxService& b = make(42);
        TelnyxService& c = make(43);
        QCOMPARE(a.snapshot(), b.snapshot());
        QVERIFY(a.snapshot() != c.snapshot());
        const Reply orders = call(a, "GET", u"/v2/porting_orders?page[size]=250"_s);
        QCOMPARE(orders.status, 200);
        QSet<QString> statuses;
        for (const QJsonValue& v : orders.dataArray())
            statuses.insert(statusOf(v.toObject()));
        for (const QString& s : {u"draft"_s, u"in-process"_s, u"submitted"_s, u"exception"_s,
                                 u"foc-date-confirmed"_s, u"ported"_s, u"cancelled"_s})
            QVERIFY2(statuses.contains(s), qPrintable(s));
        const Reply numbers = call(a, "GET", u"/v2/porting_phone_numbers?page[size]=250"_s);
        int german = 0;
        for (const QJsonValue& v : numbers.dataArray())
            german += v.toObject().value(u"phone_number"_s).toString().startsWith(u"+49"_s) ? 1 : 0;
        QVERIFY(german >= 8);
    }

    void rateLimitHeadersAnd429() {
        TelnyxService& service = make(1);
        EmulatorRequest request;
        request.method = "GET";
        request.path = u"/v2/porting_orders/00000000-0000-4000-8000-000000000000"_s;
        request.headers.insert("authorization", "Bearer " + service.apiKey().toLatin1());
        auto header = [](const EmulatorResponse& r, const QByteArray& name) {
            for (const auto& [key, value] : r.headers)
                if (key == name)
                    return value;
            return QByteArray();
        };
        // Start a fresh window so the whole budget is available.
        service.clock().advance(60 * 1000 - service.clock().nowMs() % (60 * 1000));
        EmulatorResponse r = service.handle(request);
        QCOMPARE(header(r, "x-ratelimit-limit").toInt(), TelnyxService::kRequestsPerMinute);
        QCOMPARE(header(r, "x-ratelimit-remaining").toInt(), TelnyxService::kRequestsPerMinute - 1);
        QVERIFY(header(r, "x-ratelimit-reset").toInt() >= 1);
        for (int i = 1; i < TelnyxService::kRequestsPerMinute; ++i)
            r = service.handle(request);
        QCOMPARE(r.status, 404);
        QCOMPARE(header(r, "x-ratelimit-remaining").toInt(), 0);
        r = service.handle(request);
        QCOMPARE(r.status, 429);
        QCOMPARE((Reply{r.status, r.body}.code()), u"10011"_s);
        QVERIFY(header(r, "Retry-After").toInt() >= 1);
        service.clock().advance(60 * 1000);
        QCOMPARE(service.handle(request).status, 404); // next window

        EmulatorOptions unlimited;
        unlimited.rateLimits = false;
        TelnyxService& free = make(1, unlimited);
        request.headers.insert("authorization", "Bearer " + free.apiKey().toLatin1());
        for (int i = 0; i <= TelnyxService::kRequestsPerMinute; ++i)
            r = free.handle(request);
        QCOMPARE(r.status, 404);
    }

    void injectedFaultsUseTelnyxErrors() {
        TelnyxService& service = make(1);
        const EmulatorResponse tooMany = service.faultResponse(429, 3);
        QCOMPARE(tooMany.status, 429);
        const Reply r{tooMany.status, tooMany.body};
        QCOMPARE(r.code(), u"10011"_s);
        QCOMPARE(r.error().value(u"detail"_s).toString(),
                 u"You have exceeded the maximum number of allowed requests."_s);
        QVERIFY(tooMany.headers.contains(qMakePair(QByteArray("Retry-After"), QByteArray("3"))));
        const EmulatorResponse broken = service.faultResponse(503, 0);
        QCOMPARE(broken.status, 503);
        QCOMPARE((Reply{broken.status, broken.body}.code()), u"10007"_s);
        QVERIFY(broken.headers.isEmpty());
    }

    void snapshotRestoreRoundTrip() {
        TelnyxService& first = make(11);
        const Draft d = newDraft(first);
        TelnyxService& second = make(11);
        QCOMPARE(call(second, "GET", u"/v2/porting_orders/"_s + d.orderId).status, 404);
        second.restore(first.snapshot());
        const Reply r = call(second, "GET", u"/v2/porting_orders/"_s + d.orderId);
        QCOMPARE(r.status, 200);
        QCOMPARE(
            r.data().value(u"phone_numbers"_s).toArray().at(0).toObject().value(u"phone_number"_s).toString(),
            d.route);
        QCOMPARE(second.snapshot(), first.snapshot());
        // Same seed, same id generator: the next order must still get an id of its own.
        const Draft next = newDraft(second, u"+4930123456"_s);
        QVERIFY(!next.orderId.isEmpty());
        QVERIFY(next.orderId != d.orderId);
        QVERIFY(next.portingNumberId != d.portingNumberId);
        QCOMPARE(call(second, "GET", u"/v2/porting_orders/"_s + d.orderId).status, 200);
        // A snapshot of something else (an empty state file) keeps the seeded data.
        const QJsonObject before = second.snapshot();
        second.restore(QJsonObject{});
        QCOMPARE(second.snapshot(), before);
    }
};

TELNYX_API_TEST_MAIN(TestTelnyxService)
#include "tst_TelnyxService.moc"
