// Telnyx emulator, directly and over sockets. Number orders: a number found by the search is bought
// (the order answers "success") and appears in the account's /v2/phone_numbers; a number not for sale
// (never found, bought already) refuses the whole order, pointing at it; orders are found again by their
// customer reference; the account's numbers survive a snapshot.

#include "TelnyxApiTest.h"

class TestTelnyxNumberOrdersApi : public TelnyxApiTest {
    Q_OBJECT

    static QString forSale(TelnyxService& service, const QString& areaCode) {
        const Reply r =
            call(service, "GET",
                 u"/v2/available_phone_numbers?filter[country_code]=US&filter[national_destination_code]="_s +
                     areaCode);
        return r.dataArray().at(0).toObject().value(u"phone_number"_s).toString();
    }
    static Reply order(TelnyxService& service, const QStringList& numbers, const QString& reference = {}) {
        QJsonArray wanted;
        for (const QString& n : numbers)
            wanted.append(QJsonObject{{u"phone_number"_s, n}});
        QJsonObject body{{u"phone_numbers"_s, wanted}};
        if (!reference.isEmpty())
            body.insert(u"customer_reference"_s, reference);
        return callJson(service, "POST", u"/v2/number_orders"_s, body);
    }

private Q_SLOTS:
    void anOrderBuysTheNumberIntoTheAccount() {
        TelnyxService& service = make(4);
        QCOMPARE(call(service, "GET", u"/v2/phone_numbers"_s).dataArray().size(), 0); // nothing owned yet
        const QString number = forSale(service, u"415"_s);
        QVERIFY(number.startsWith(u"+1415"_s));
        const Reply r = order(service, {number}, u"ref-1"_s);
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.data();
        QCOMPARE(o.value(u"record_type"_s).toString(), u"number_order"_s);
        QCOMPARE(o.value(u"status"_s).toString(), u"success"_s);
        QCOMPARE(o.value(u"customer_reference"_s).toString(), u"ref-1"_s);
        QCOMPARE(o.value(u"phone_numbers_count"_s).toInt(), 1);
        QCOMPARE(o.value(u"phone_numbers"_s).toArray().at(0)[u"phone_number"_s].toString(), number);

        const Reply owned = call(service, "GET", u"/v2/phone_numbers"_s);
        QCOMPARE(owned.status, 200);
        QCOMPARE(owned.dataArray().size(), 1);
        const QJsonObject n = owned.dataArray().at(0).toObject();
        QCOMPARE(n.value(u"phone_number"_s).toString(), number);
        QCOMPARE(n.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(n.value(u"phone_number_type"_s).toString(), u"local"_s);
        QVERIFY(!n.value(u"id"_s).toString().isEmpty());
        QCOMPARE(owned.meta().value(u"total_results"_s).toInt(), 1);
        // Found by its digits; a filter that is no number is refused.
        QCOMPARE(call(service, "GET", u"/v2/phone_numbers?filter[phone_number]="_s + number.mid(1))
                     .dataArray()
                     .size(),
                 1);
        QCOMPARE(
            call(service, "GET", u"/v2/phone_numbers?filter[phone_number]=19999999999"_s).dataArray().size(),
            0);
        QCOMPARE(call(service, "GET", u"/v2/phone_numbers?filter[phone_number]=%2B1"_s).status, 400);

        const Reply read = call(service, "GET", u"/v2/number_orders/"_s + o.value(u"id"_s).toString());
        QCOMPARE(read.status, 200);
        QCOMPARE(read.data(), o);
        QCOMPARE(call(service, "GET", u"/v2/number_orders/0b6a8d36-5b8f-4d5e-9a51-0c7b8f3e2a10"_s).status,
                 404);
    }

    void aNumberIsBoughtOnce() {
        TelnyxService& service = make(4);
        const QString number = forSale(service, u"212"_s);
        QCOMPARE(order(service, {number}).status, 200);
        const Reply again = order(service, {number});
        QCOMPARE(again.status, 422);
        QCOMPARE(again.code(), u"10015"_s);
        QCOMPARE(again.pointer(), u"/phone_numbers/0/phone_number"_s);
        QCOMPARE(call(service, "GET", u"/v2/phone_numbers"_s).dataArray().size(), 1);
    }

    void anOrderIsAllOrNothing() {
        TelnyxService& service = make(4);
        const QString good = forSale(service, u"512"_s);
        const Reply r = order(service, {good, u"+15125550000"_s, u"5125550001"_s});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.pointers(),
                 (QStringList{u"/phone_numbers/1/phone_number"_s, u"/phone_numbers/2/phone_number"_s}));
        QCOMPARE(r.code(1), u"10016"_s); // not +E.164
        QCOMPARE(call(service, "GET", u"/v2/phone_numbers"_s).dataArray().size(), 0);
        QCOMPARE(forSale(service, u"512"_s), good); // still for sale
        QCOMPARE(callJson(service, "POST", u"/v2/number_orders"_s, QJsonObject{}).status, 422);
    }

    void ordersAreFoundByTheirReference() {
        TelnyxService& service = make(4);
        QCOMPARE(order(service, {forSale(service, u"415"_s)}, u"trunkline-1"_s).status, 200);
        QCOMPARE(order(service, {forSale(service, u"415"_s)}, u"trunkline-2"_s).status, 200);
        const Reply r = call(service, "GET", u"/v2/number_orders?filter[customer_reference]=trunkline-2"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.dataArray().size(), 1);
        QCOMPARE(r.dataArray().at(0)[u"customer_reference"_s].toString(), u"trunkline-2"_s);
        QCOMPARE(call(service, "GET", u"/v2/number_orders?filter[status]=success"_s).dataArray().size(), 2);
        QCOMPARE(call(service, "GET", u"/v2/number_orders?filter[status]=pending"_s).dataArray().size(), 0);
    }

    void boughtNumbersSurviveASnapshot() {
        TelnyxService& service = make(4);
        const QString number = forSale(service, u"415"_s);
        QCOMPARE(order(service, {number}).status, 200);
        TelnyxService restored(4, EmulatorOptions{});
        restored.restore(service.snapshot());
        const Reply owned = call(restored, "GET", u"/v2/phone_numbers"_s);
        QCOMPARE(owned.dataArray().size(), 1);
        QCOMPARE(owned.dataArray().at(0)[u"phone_number"_s].toString(), number);
        QCOMPARE(order(restored, {number}).status, 422); // not for sale again
    }
};

TELNYX_API_TEST_MAIN(TestTelnyxNumberOrdersApi)
#include "tst_TelnyxNumberOrdersApi.moc"
