// Telnyx emulator, directly and over sockets. Porting phone numbers: an order read back with its numbers, and
// the number list filters.

#include "TelnyxApiTest.h"

class TestTelnyxPortingNumbersApi : public TelnyxApiTest {
    Q_OBJECT

private Q_SLOTS:
    void retrieveAndPortingNumbersFilter() {
        TelnyxService& service = make(1);
        const Draft d = newDraft(service);
        const Reply got = call(service, "GET", u"/v2/porting_orders/"_s + d.orderId);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.meta().value(u"phone_numbers_url"_s).toString(),
                 u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId);
        const Reply numbers =
            call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId);
        QCOMPARE(numbers.status, 200);
        QCOMPARE(numbers.dataArray().size(), 1);
        const QJsonObject n = numbers.dataArray().at(0).toObject();
        QCOMPARE(n.value(u"id"_s).toString(), d.portingNumberId);
        QCOMPARE(n.value(u"phone_number"_s).toString(), d.route);
        QCOMPARE(n.value(u"porting_order_status"_s).toString(), u"draft"_s);
        QCOMPARE(n.value(u"record_type"_s).toString(), u"porting_phone_number"_s);
        QCOMPARE(numbers.meta().value(u"total_results"_s).toInt(), 1);
        // The older spec's [in][] spelling, and the percent-encoded brackets the SDK may send.
        const Reply in =
            call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id][in][]="_s + d.orderId);
        QCOMPARE(in.dataArray().size(), 1);
        const Reply encoded =
            call(service, "GET", u"/v2/porting_phone_numbers?filter%5Bporting_order_id%5D="_s + d.orderId);
        QCOMPARE(encoded.dataArray().size(), 1);
        const Reply bad = call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]=nope"_s);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.error().value(u"source"_s).toObject().value(u"parameter"_s).toString(),
                 u"filter[porting_order_id]"_s);
        // Extended numbers are not porting phone numbers.
        QCOMPARE(addExtensionBlock(service, d, range(4, 4)).status, 201);
        QCOMPARE(call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId)
                     .dataArray()
                     .size(),
                 1);
    }
};

TELNYX_API_TEST_MAIN(TestTelnyxPortingNumbersApi)
#include "tst_TelnyxPortingNumbersApi.moc"
