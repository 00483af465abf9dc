// Telnyx emulator, directly and over sockets. Porting orders: create (split, rejected bodies, duplicates),
// unknown and malformed ids, paging, list filters and sort, PATCH validation and merge.

#include "TelnyxApiTest.h"

#include <QSet>

class TestTelnyxPortingOrdersApi : public TelnyxApiTest {
    Q_OBJECT

private Q_SLOTS:
    void createSplitsByCountryAndStartsAsDraft() {
        TelnyxService& service = make(1);
        const Reply r =
            callJson(service, "POST", u"/v2/porting_orders"_s,
                     QJsonObject{{u"phone_numbers"_s,
                                  QJsonArray{u"+4920112345"_s, u"+4930123456"_s, u"+16502530123"_s}},
                                 {u"customer_reference"_s, u"REF-1"_s}});
        QCOMPARE(r.status, 201);
        const QJsonArray orders = r.dataArray();
        QCOMPARE(orders.size(), 2);
        const QJsonObject german = orders.at(0).toObject();
        QCOMPARE(statusOf(german), u"draft"_s);
        QCOMPARE(german.value(u"support_key"_s), QJsonValue(QJsonValue::Null));
        QCOMPARE(german.value(u"customer_reference"_s).toString(), u"REF-1"_s);
        QCOMPARE(german.value(u"porting_phone_numbers_count"_s).toInt(), 2);
        QCOMPARE(german.value(u"end_user"_s)
                     .toObject()
                     .value(u"location"_s)
                     .toObject()
                     .value(u"country_code"_s)
                     .toString(),
                 u"DE"_s);
        QCOMPARE(orders.at(1).toObject().value(u"porting_phone_numbers_count"_s).toInt(), 1);
    }

    void createRejectsBadRequests_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("malformed JSON")
            << QByteArray("{\"phone_numbers\": [") << 400 << u"10015"_s << QString();
        QTest::newRow("not an object") << QByteArray("[1]") << 400 << u"10015"_s << u"/"_s;
        QTest::newRow("missing numbers") << QByteArray("{}") << 422 << u"10004"_s << u"/phone_numbers"_s;
        QTest::newRow("numbers not an array")
            << QByteArray(R"({"phone_numbers":"+4920112345"})") << 422 << u"10015"_s << u"/phone_numbers"_s;
        QTest::newRow("empty array") << QByteArray(R"({"phone_numbers":[]})") << 422 << u"10015"_s
                                     << u"/phone_numbers"_s;
        QTest::newRow("number not a string")
            << QByteArray(R"({"phone_numbers":[4920112345]})") << 422 << u"10015"_s << u"/phone_numbers/0"_s;
        QTest::newRow("not E.164") << QByteArray(R"({"phone_numbers":["+4920112345","0201 12345"]})") << 422
                                   << u"10016"_s << u"/phone_numbers/1"_s;
        QTest::newRow("spaces") << QByteArray(R"({"phone_numbers":["+49 201 12345"]})") << 422 << u"10016"_s
                                << u"/phone_numbers/0"_s;
        QTest::newRow("twice") << QByteArray(R"({"phone_numbers":["+4920112345","+4920112345"]})") << 422
                               << u"10012"_s << u"/phone_numbers/1"_s;
        QTest::newRow("unknown field") << QByteArray(R"({"phone_numbers":["+4920112345"],"colour":"red"})")
                                       << 422 << u"10015"_s << u"/colour"_s;
        QTest::newRow("reference wrong type")
            << QByteArray(R"({"phone_numbers":["+4920112345"],"customer_reference":5})") << 422 << u"10015"_s
            << u"/customer_reference"_s;
    }

    void createRejectsBadRequests() {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, pointer);
        TelnyxService& service = make(1);
        const Reply r = call(service, "POST", u"/v2/porting_orders"_s, body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.code(), code);
        QCOMPARE(r.pointer(), pointer);
        QVERIFY(!r.error().value(u"detail"_s).toString().isEmpty());
        QVERIFY(!r.error().value(u"title"_s).toString().isEmpty());
    }

    void numberAlreadyOnAnOpenOrderIsADuplicate() {
        TelnyxService& service = make(1);
        newDraft(service, u"+4920112345"_s);
        const Reply again = createPortingOrder(service, u"+4920112345"_s);
        QCOMPARE(again.status, 422);
        QCOMPARE(again.code(), u"10012"_s);
        QCOMPARE(again.pointer(), u"/phone_numbers/0"_s);
    }

    void unknownAndMalformedIds_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString unknown = u"00000000-0000-4000-8000-000000000000"_s;
        QTest::newRow("get unknown") << QByteArray("GET") << u"/v2/porting_orders/"_s + unknown << 404
                                     << u"10005"_s;
        QTest::newRow("get malformed")
            << QByteArray("GET") << u"/v2/porting_orders/abc"_s << 404 << u"10006"_s;
        QTest::newRow("delete unknown")
            << QByteArray("DELETE") << u"/v2/porting_orders/"_s + unknown << 404 << u"10005"_s;
        QTest::newRow("confirm unknown")
            << QByteArray("POST") << u"/v2/porting_orders/"_s + unknown + u"/actions/confirm"_s << 404
            << u"10005"_s;
        QTest::newRow("extensions of unknown")
            << QByteArray("GET") << u"/v2/porting_orders/"_s + unknown + u"/phone_number_extensions"_s << 404
            << u"10005"_s;
        QTest::newRow("no such endpoint")
            << QByteArray("GET") << u"/v2/porting_things"_s << 404 << u"10005"_s;
        QTest::newRow("wrong method") << QByteArray("PUT") << u"/v2/porting_orders"_s << 405 << u"10015"_s;
    }

    void unknownAndMalformedIds() {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, code);
        TelnyxService& service = make(1);
        const Reply r = call(service, method, path);
        QCOMPARE(r.status, status);
        QCOMPARE(r.code(), code);
    }

    void paging_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("defaults") << QString() << 200 << QString();
        QTest::newRow("size 250") << u"page[size]=250"_s << 200 << QString();
        QTest::newRow("size 251") << u"page[size]=251"_s << 400 << u"page[size]"_s;
        QTest::newRow("size 0") << u"page[size]=0"_s << 400 << u"page[size]"_s;
        QTest::newRow("number 0") << u"page[number]=0"_s << 400 << u"page[number]"_s;
        QTest::newRow("number text") << u"page[number]=two"_s << 400 << u"page[number]"_s;
        QTest::newRow("bad status filter") << u"filter[status]=open"_s << 400 << u"filter[status]"_s;
        QTest::newRow("bad sort") << u"sort=name"_s << 400 << u"sort"_s;
    }

    void paging() {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, parameter);
        TelnyxService& service = make(5);
        const Reply r = call(service, "GET", u"/v2/porting_orders?"_s + query);
        QCOMPARE(r.status, status);
        if (status != 200) {
            QCOMPARE(r.error().value(u"source"_s).toObject().value(u"parameter"_s).toString(), parameter);
            return;
        }
        const QJsonObject meta = r.meta();
        const int size = meta.value(u"page_size"_s).toInt();
        const int total = meta.value(u"total_results"_s).toInt();
        QCOMPARE(size, query.isEmpty() ? 20 : 250);
        QCOMPARE(meta.value(u"page_number"_s).toInt(), 1);
        QCOMPARE(meta.value(u"total_pages"_s).toInt(), (total + size - 1) / size);
        QCOMPARE(r.dataArray().size(), qMin(total, size));
    }

    void listPagesThroughEverything() {
        EmulatorOptions big;
        big.numbers = 500; // 20 more orders
        TelnyxService& service = make(5, big);
        QSet<QString> seen;
        int totalPages = 0;
        int total = 0;
        for (int page = 1; page < 50; ++page) {
            const Reply r = call(service, "GET",
                                 u"/v2/porting_orders?page[size]=7&page[number]="_s + QString::number(page));
            QCOMPARE(r.status, 200);
            totalPages = r.meta().value(u"total_pages"_s).toInt();
            total = r.meta().value(u"total_results"_s).toInt();
            for (const QJsonValue& v : r.dataArray())
                seen.insert(v.toObject().value(u"id"_s).toString());
            if (page >= totalPages)
                break;
        }
        QVERIFY(total > 20);
        QCOMPARE(seen.size(), total);
        QCOMPARE(totalPages, (total + 6) / 7);
    }

    void listFiltersAndSort() {
        TelnyxService& service = make(5);
        Reply r = call(service, "GET", u"/v2/porting_orders?filter[status]=draft&page[size]=250"_s);
        QVERIFY(r.dataArray().size() >= 2);
        for (const QJsonValue& v : r.dataArray())
            QCOMPARE(statusOf(v.toObject()), u"draft"_s);
        r = call(service, "GET", u"/v2/porting_orders?filter[status][in][]=ported,cancelled"_s);
        QCOMPARE(r.dataArray().size(), 2);
        r = call(service, "GET", u"/v2/porting_orders?filter[customer_reference]=DEMO-1003"_s);
        QCOMPARE(r.dataArray().size(), 1);
        const QString number = r.dataArray()
                                   .at(0)
                                   .toObject()
                                   .value(u"phone_numbers"_s)
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(u"phone_number"_s)
                                   .toString();
        for (const QString& key : {u"filter[phone_numbers.phone_number][contains]="_s,
                                   u"filter[phone_numbers][phone_number][contains]="_s}) {
            r = call(service, "GET",
                     u"/v2/porting_orders?"_s + key +
                         QString::fromLatin1(QUrl::toPercentEncoding(number.mid(3))));
            QCOMPARE(r.dataArray().size(), 1);
        }
        r = call(service, "GET", u"/v2/porting_orders?include_phone_numbers=false"_s);
        QVERIFY(!r.dataArray().at(0).toObject().contains(u"phone_numbers"_s));
        QVERIFY(r.dataArray().at(0).toObject().value(u"porting_phone_numbers_count"_s).toInt() >= 1);
        // Default sort is newest first; "created_at" reverses it.
        const Reply newest = call(service, "GET", u"/v2/porting_orders?page[size]=250"_s);
        const Reply oldest = call(service, "GET", u"/v2/porting_orders?page[size]=250&sort=created_at"_s);
        const QJsonArray a = newest.dataArray();
        const QJsonArray b = oldest.dataArray();
        QCOMPARE(a.size(), b.size());
        QCOMPARE(a.first(), b.last());
        QVERIFY(a.at(0).toObject().value(u"created_at"_s).toString() >
                a.at(1).toObject().value(u"created_at"_s).toString());
    }

    void patchValidation_data() {
        QTest::addColumn<QJsonObject>("patch");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("name not a string")
            << QJsonObject{{u"end_user"_s, QJsonObject{{u"admin"_s, QJsonObject{{u"entity_name"_s, 5}}}}}}
            << u"10015"_s << u"/end_user/admin/entity_name"_s;
        QTest::newRow("unknown nested field")
            << QJsonObject{{u"end_user"_s, QJsonObject{{u"admin"_s, QJsonObject{{u"nickname"_s, u"x"_s}}}}}}
            << u"10015"_s << u"/end_user/admin/nickname"_s;
        QTest::newRow("unknown top-level field")
            << QJsonObject{{u"status"_s, u"ported"_s}} << u"10015"_s << u"/status"_s;
        QTest::newRow("loa not a uuid")
            << QJsonObject{{u"documents"_s, QJsonObject{{u"loa"_s, u"loa.pdf"_s}}}} << u"10006"_s
            << u"/documents/loa"_s;
        QTest::newRow("billing number not E.164")
            << QJsonObject{{u"end_user"_s,
                            QJsonObject{{u"admin"_s, QJsonObject{{u"billing_phone_number"_s, u"0201 1"_s}}}}}}
            << u"10016"_s << u"/end_user/admin/billing_phone_number"_s;
        QTest::newRow("webhook not a URL")
            << QJsonObject{{u"webhook_url"_s, u"not a url"_s}} << u"10015"_s << u"/webhook_url"_s;
        QTest::newRow("misc enum") << QJsonObject{{u"misc"_s, QJsonObject{{u"type"_s, u"half"_s}}}}
                                   << u"10015"_s << u"/misc/type"_s;
        QTest::newRow("keep needs billing number")
            << QJsonObject{{u"misc"_s, QJsonObject{{u"type"_s, u"partial"_s},
                                                   {u"remaining_numbers_action"_s, u"keep"_s}}}}
            << u"10015"_s << u"/misc/new_billing_phone_number"_s;
        QTest::newRow("FOC in the past")
            << QJsonObject{{u"activation_settings"_s,
                            QJsonObject{{u"foc_datetime_requested"_s, u"2001-01-01T09:00:00Z"_s}}}}
            << u"10015"_s << u"/activation_settings/foc_datetime_requested"_s;
        QTest::newRow("FOC not a date")
            << QJsonObject{{u"activation_settings"_s,
                            QJsonObject{{u"foc_datetime_requested"_s, u"tomorrow"_s}}}}
            << u"10015"_s << u"/activation_settings/foc_datetime_requested"_s;
        QTest::newRow("requirement of another type")
            << QJsonObject{{u"requirements"_s,
                            QJsonArray{QJsonObject{
                                {u"requirement_type_id"_s, u"11111111-1111-4111-8111-111111111111"_s},
                                {u"field_value"_s, u"x"_s}}}}}
            << u"10015"_s << u"/requirements/0/requirement_type_id"_s;
        QTest::newRow("requirement without value")
            << QJsonObject{{u"requirements"_s,
                            QJsonArray{QJsonObject{
                                {u"requirement_type_id"_s, u"11111111-1111-4111-8111-111111111111"_s}}}}}
            << u"10004"_s << u"/requirements/0/field_value"_s;
    }

    void patchValidation() {
        QFETCH(QJsonObject, patch);
        QFETCH(QString, code);
        QFETCH(QString, pointer);
        TelnyxService& service = make(9);
        const Draft d = newDraft(service);
        const Reply r = callJson(service, "PATCH", u"/v2/porting_orders/"_s + d.orderId, patch);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), code);
        QCOMPARE(r.pointer(), pointer);
    }

    void patchMergesAndNullClears() {
        TelnyxService& service = make(9);
        const Draft d = newDraft(service);
        const QString order = u"/v2/porting_orders/"_s + d.orderId;
        QCOMPARE(callJson(service, "PATCH", order, filledInPatch(service)).status, 200);
        Reply r = callJson(
            service, "PATCH", order,
            QJsonObject{{u"end_user"_s,
                         QJsonObject{{u"admin"_s, QJsonObject{{u"auth_person_name"_s, QJsonValue()}}}}},
                        {u"customer_reference"_s, u"NEW"_s}});
        QCOMPARE(r.status, 200);
        const QJsonObject admin = r.data().value(u"end_user"_s).toObject().value(u"admin"_s).toObject();
        QCOMPARE(admin.value(u"entity_name"_s).toString(), u"Muster GmbH"_s);       // left out: kept
        QCOMPARE(admin.value(u"auth_person_name"_s), QJsonValue(QJsonValue::Null)); // explicit null: cleared
        QCOMPARE(r.data().value(u"customer_reference"_s).toString(), u"NEW"_s);
        // Requirements can also be met through requirements[] by type id.
        const QJsonArray reqs = r.data().value(u"requirements"_s).toArray();
        QCOMPARE(reqs.size(), 2);
        r = callJson(service, "PATCH", order,
                     QJsonObject{{u"documents"_s,
                                  QJsonObject{{u"loa"_s, QJsonValue()}, {u"invoice"_s, QJsonValue()}}}});
        QCOMPARE(r.data().value(u"requirements_met"_s).toBool(), false);
        QJsonArray fill;
        for (const QJsonValue& req : reqs)
            fill.append(
                QJsonObject{{u"requirement_type_id"_s, req.toObject().value(u"requirement_type_id"_s)},
                            {u"field_value"_s, u"0b6a8d36-5b8f-4d5e-9a51-0c7b8f3e2a10"_s}});
        r = callJson(service, "PATCH", order, QJsonObject{{u"requirements"_s, fill}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"requirements_met"_s).toBool(), true);
    }
};

TELNYX_API_TEST_MAIN(TestTelnyxPortingOrdersApi)
#include "tst_TelnyxPortingOrdersApi.moc"
