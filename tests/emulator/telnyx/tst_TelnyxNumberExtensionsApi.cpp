// Telnyx emulator, directly and over sockets. German phone-number extensions of an order: every rule of seed
// 002 with its pointer, identity checks, paging and delete.

#include "TelnyxApiTest.h"

class TestTelnyxNumberExtensionsApi : public TelnyxApiTest {
    Q_OBJECT

private Q_SLOTS:
    // Every rule of seed 002 and the structural checks, each with the pointer to the offending member.
    void extensionRules_data() {
        QTest::addColumn<QString>("orderKind"); // "draft", "us", or a demo status
        QTest::addColumn<QJsonObject>("body");  // "{PN}" in porting_phone_number_id = the route's id
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("pointers");
        auto body = [](const QJsonValue& ext, const QJsonValue& acts) {
            QJsonObject b{{u"porting_phone_number_id"_s, u"{PN}"_s}};
            if (!ext.isUndefined())
                b.insert(u"extension_range"_s, ext);
            if (!acts.isUndefined())
                b.insert(u"activation_ranges"_s, acts);
            return b;
        };
        const QJsonValue none(QJsonValue::Undefined);
        QTest::newRow("docs example 0-99")
            << u"draft"_s << body(range(0, 99), QJsonArray{range(4, 4), range(19, 20), range(42, 42)}) << 201
            << QString() << QStringList{};
        QTest::newRow("whole range active") << u"draft"_s << body(range(0, 999), QJsonArray{range(0, 999)})
                                            << 201 << QString() << QStringList{};
        QTest::newRow("allowed in in-process")
            << u"in-process"_s << body(range(100, 109), QJsonArray{range(100, 100)}) << 201 << QString()
            << QStringList{};
        QTest::newRow("allowed in exception")
            << u"exception"_s << body(range(500, 509), QJsonArray{range(500, 500)}) << 201 << QString()
            << QStringList{};
        QTest::newRow("end above 999") << u"draft"_s << body(range(0, 1000), QJsonArray{range(4, 4)}) << 422
                                       << u"10015"_s << QStringList{u"/extension_range/end_at"_s};
        QTest::newRow("negative start") << u"draft"_s << body(range(-1, 9), QJsonArray{range(4, 4)}) << 422
                                        << u"10015"_s << QStringList{u"/extension_range/start_at"_s};
        QTest::newRow("start after end") << u"draft"_s << body(range(9, 0), QJsonArray{range(4, 4)}) << 422
                                         << u"10015"_s << QStringList{u"/extension_range"_s};
        QTest::newRow("activation outside")
            << u"draft"_s << body(range(0, 9), QJsonArray{range(4, 4), range(8, 12)}) << 422 << u"10015"_s
            << QStringList{u"/activation_ranges/1"_s};
        QTest::newRow("activations overlap")
            << u"draft"_s << body(range(0, 99), QJsonArray{range(4, 4), range(19, 20), range(15, 19)}) << 422
            << u"10015"_s << QStringList{u"/activation_ranges/2"_s};
        QTest::newRow("activation reversed") << u"draft"_s << body(range(0, 99), QJsonArray{range(20, 19)})
                                             << 422 << u"10015"_s << QStringList{u"/activation_ranges/0"_s};
        QTest::newRow("no activation range") << u"draft"_s << body(range(0, 9), QJsonArray{}) << 422
                                             << u"10015"_s << QStringList{u"/activation_ranges"_s};
        QTest::newRow("not German") << u"us"_s << body(range(0, 9), QJsonArray{range(4, 4)}) << 422
                                    << u"10015"_s << QStringList{u"/porting_phone_number_id"_s};
        QTest::newRow("submitted order") << u"submitted"_s << body(range(0, 9), QJsonArray{range(4, 4)})
                                         << 422 << u"10015"_s << QStringList{u"/status"_s};
        QTest::newRow("ported order") << u"ported"_s << body(range(100, 109), QJsonArray{range(100, 100)})
                                      << 422 << u"10015"_s << QStringList{u"/status"_s};
        QTest::newRow("missing extension_range") << u"draft"_s << body(none, QJsonArray{range(4, 4)}) << 422
                                                 << u"10004"_s << QStringList{u"/extension_range"_s};
        QTest::newRow("missing activation_ranges") << u"draft"_s << body(range(0, 9), none) << 422
                                                   << u"10004"_s << QStringList{u"/activation_ranges"_s};
        QTest::newRow("missing end_at")
            << u"draft"_s << body(QJsonObject{{u"start_at"_s, 0}}, QJsonArray{range(4, 4)}) << 422
            << u"10004"_s << QStringList{u"/extension_range/end_at"_s};
        QTest::newRow("string instead of integer")
            << u"draft"_s
            << body(QJsonObject{{u"start_at"_s, u"0"_s}, {u"end_at"_s, 9}}, QJsonArray{range(4, 4)}) << 422
            << u"10015"_s << QStringList{u"/extension_range/start_at"_s};
        QTest::newRow("fraction") << u"draft"_s
                                  << body(range(0, 9),
                                          QJsonArray{QJsonObject{{u"start_at"_s, 4}, {u"end_at"_s, 4.5}}})
                                  << 422 << u"10015"_s << QStringList{u"/activation_ranges/0/end_at"_s};
        QTest::newRow("activation item not an object")
            << u"draft"_s << body(range(0, 9), QJsonArray{4}) << 422 << u"10015"_s
            << QStringList{u"/activation_ranges/0"_s};
        QTest::newRow("range not an object") << u"draft"_s << body(u"0-9"_s, QJsonArray{range(4, 4)}) << 422
                                             << u"10015"_s << QStringList{u"/extension_range"_s};
        QJsonObject withColour = body(range(0, 9), QJsonArray{range(4, 4)});
        withColour.insert(u"colour"_s, u"red"_s);
        QTest::newRow("unknown field")
            << u"draft"_s << withColour << 422 << u"10015"_s << QStringList{u"/colour"_s};
        QTest::newRow("unknown field in a range")
            << u"draft"_s
            << body(QJsonObject{{u"start_at"_s, 0}, {u"end_at"_s, 9}, {u"step"_s, 1}},
                    QJsonArray{range(4, 4)})
            << 422 << u"10015"_s << QStringList{u"/extension_range/step"_s};
    }

    void extensionRules() {
        QFETCH(QString, orderKind);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QStringList, pointers);
        TelnyxService& service = make(3);
        QString orderId;
        if (orderKind == u"draft") {
            orderId = newDraft(service).orderId;
        } else if (orderKind == u"us") {
            orderId = newDraft(service, u"+16502530199"_s).orderId;
        } else {
            orderId = orderIdWithStatus(service, orderKind);
        }
        QVERIFY(!orderId.isEmpty());
        const Reply numbers =
            call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + orderId);
        const QString pn = numbers.dataArray().at(0).toObject().value(u"id"_s).toString();
        QVERIFY(!pn.isEmpty());
        body.insert(u"porting_phone_number_id"_s, pn);
        const Reply r = callJson(service, "POST",
                                 u"/v2/porting_orders/"_s + orderId + u"/phone_number_extensions"_s, body);
        QCOMPARE(r.status, status);
        if (status == 201) {
            const QJsonObject ext = r.data();
            QCOMPARE(ext.value(u"record_type"_s).toString(), u"porting_phone_number_extension"_s);
            QCOMPARE(ext.value(u"porting_phone_number_id"_s).toString(), pn);
            QCOMPARE(ext.value(u"extension_range"_s).toObject(), body.value(u"extension_range"_s).toObject());
            QCOMPARE(ext.value(u"activation_ranges"_s).toArray(),
                     body.value(u"activation_ranges"_s).toArray());
            QVERIFY(!ext.contains(u"porting_order_id"_s));
            QVERIFY(
                QDateTime::fromString(ext.value(u"created_at"_s).toString(), Qt::ISODateWithMs).isValid());
            return;
        }
        QCOMPARE(r.code(), code);
        QCOMPARE(r.pointers(), pointers);
        QVERIFY(!r.error().value(u"detail"_s).toString().isEmpty());
    }

    void extensionIdentityChecks() {
        TelnyxService& service = make(3);
        const Draft d = newDraft(service);
        const Draft other = newDraft(service, u"+4930123456"_s);
        const QString path = u"/v2/porting_orders/"_s + d.orderId + u"/phone_number_extensions"_s;
        auto create = [&](const QJsonValue& id, const QJsonObject& ext = range(0, 9)) {
            return callJson(
                service, "POST", path,
                QJsonObject{{u"porting_phone_number_id"_s, id},
                            {u"extension_range"_s, ext},
                            {u"activation_ranges"_s, QJsonArray{range(ext.value(u"start_at"_s).toInt(),
                                                                      ext.value(u"start_at"_s).toInt())}}});
        };
        Reply r = create(u"not-a-uuid"_s);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), u"10006"_s);
        QCOMPARE(r.pointer(), u"/porting_phone_number_id"_s);
        r = create(other.portingNumberId); // exists, but on another order
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), u"10005"_s);
        QCOMPARE(r.pointer(), u"/porting_phone_number_id"_s);
        r = create(QJsonValue(5));
        QCOMPARE(r.code(), u"10015"_s);
        QCOMPARE(r.pointer(), u"/porting_phone_number_id"_s);
        r = callJson(service, "POST", path,
                     QJsonObject{{u"extension_range"_s, range(0, 9)},
                                 {u"activation_ranges"_s, QJsonArray{range(1, 1)}}});
        QCOMPARE(r.code(), u"10004"_s);
        QCOMPARE(r.pointer(), u"/porting_phone_number_id"_s);
        // A second block may not share extensions with the first.
        QCOMPARE(create(d.portingNumberId, range(0, 9)).status, 201);
        r = create(d.portingNumberId, range(5, 15));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), u"10012"_s);
        QCOMPARE(r.pointer(), u"/extension_range"_s);
        QCOMPARE(create(d.portingNumberId, range(10, 19)).status, 201);
        // Too many digits: a 12-digit route + 3 extension digits is fine, a 13-digit route + 3 is not.
        const Draft longRoute = newDraft(service, u"+4930123456789"_s);
        r = callJson(service, "POST",
                     u"/v2/porting_orders/"_s + longRoute.orderId + u"/phone_number_extensions"_s,
                     QJsonObject{{u"porting_phone_number_id"_s, longRoute.portingNumberId},
                                 {u"extension_range"_s, range(0, 999)},
                                 {u"activation_ranges"_s, QJsonArray{range(1, 1)}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.pointer(), u"/extension_range/end_at"_s);
        r = call(service, "POST", path, "{\"extension_range\": ");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), u"10015"_s);
    }

    void extensionListPagingAndDelete() {
        TelnyxService& service = make(3);
        const Draft d = newDraft(service);
        const QString path = u"/v2/porting_orders/"_s + d.orderId + u"/phone_number_extensions"_s;
        QStringList ids;
        for (int block = 0; block < 5; ++block) {
            const Reply r =
                callJson(service, "POST", path,
                         QJsonObject{{u"porting_phone_number_id"_s, d.portingNumberId},
                                     {u"extension_range"_s, range(block * 10, block * 10 + 9)},
                                     {u"activation_ranges"_s, QJsonArray{range(block * 10, block * 10)}}});
            QCOMPARE(r.status, 201);
            ids += r.data().value(u"id"_s).toString();
        }
        Reply page = call(service, "GET", path + u"?page[number]=2&page[size]=2"_s);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.dataArray().size(), 2);
        QCOMPARE(
            page.meta(),
            (QJsonObject{
                {u"page_number"_s, 2}, {u"page_size"_s, 2}, {u"total_pages"_s, 3}, {u"total_results"_s, 5}}));
        page = call(service, "GET", path + u"?page[number]=3&page[size]=2&sort=created_at"_s);
        QCOMPARE(page.dataArray().size(), 1);
        QCOMPARE(page.dataArray().at(0).toObject().value(u"id"_s).toString(), ids.last());
        page = call(service, "GET", path + u"?page[number]=9"_s);
        QCOMPARE(page.dataArray().size(), 0);
        QCOMPARE(page.meta().value(u"total_results"_s).toInt(), 5);
        QCOMPARE(call(service, "GET", path + u"?filter[porting_phone_number_id]="_s + d.portingNumberId)
                     .meta()
                     .value(u"total_results"_s)
                     .toInt(),
                 5);

        // Delete answers 200 with the deleted record (not 204).
        const Reply deleted = call(service, "DELETE", path + u'/' + ids.at(1));
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.data().value(u"id"_s).toString(), ids.at(1));
        QCOMPARE(deleted.data().value(u"extension_range"_s).toObject(), range(10, 19));
        QCOMPARE(call(service, "DELETE", path + u'/' + ids.at(1)).status, 404);
        QCOMPARE(call(service, "GET", path).meta().value(u"total_results"_s).toInt(), 4);
    }
};

TELNYX_API_TEST_MAIN(TestTelnyxNumberExtensionsApi)
#include "tst_TelnyxNumberExtensionsApi.moc"
