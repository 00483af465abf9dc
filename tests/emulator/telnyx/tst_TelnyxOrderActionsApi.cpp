// Telnyx emulator, directly and over sockets. The actions on a porting order: confirm and cancel through the
// status machine, the carrier side on emulated time, the exception and FOC rules, delete of drafts only.

#include "TelnyxApiTest.h"

class TestTelnyxOrderActionsApi : public TelnyxApiTest {
    Q_OBJECT

    // Fills in the draft at `order` and confirms it, so that it goes in process; false when either step
    // is refused.
    static bool fillInAndConfirm(TelnyxService& service, const QString& order) {
        return callJson(service, "PATCH", order, filledInPatch(service)).status == 200 &&
               call(service, "POST", order + u"/actions/confirm"_s).status == 200;
    }

private Q_SLOTS:
    void statusMachine() {
        TelnyxService& service = make(9);
        const Draft d = newDraft(service);
        const QString order = u"/v2/porting_orders/"_s + d.orderId;
        // Confirm needs the end user and the documents; every gap is named.
        Reply r = call(service, "POST", order + u"/actions/confirm"_s);
        QCOMPARE(r.status, 422);
        QVERIFY(r.pointers().contains(u"/end_user/admin/entity_name"_s));
        QVERIFY(r.pointers().contains(u"/end_user/location/postal_code"_s));
        QVERIFY(r.pointers().contains(u"/documents"_s));
        QCOMPARE(call(service, "POST", order + u"/actions/cancel"_s).status,
                 422); // drafts are deleted, not cancelled

        r = callJson(service, "PATCH", order, filledInPatch(service));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"requirements_met"_s).toBool(), true);
        r = call(service, "POST", order + u"/actions/confirm"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(statusOf(r.data()), u"in-process"_s);
        QVERIFY(r.data().value(u"support_key"_s).toString().startsWith(u"sr_"_s));
        QCOMPARE(r.meta().value(u"phone_numbers_url"_s).toString(),
                 u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId);
        QCOMPARE(call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId)
                     .dataArray()
                     .at(0)
                     .toObject()
                     .value(u"porting_order_status"_s)
                     .toString(),
                 u"in-process"_s);
        r = call(service, "POST", order + u"/actions/confirm"_s);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.pointer(), u"/status"_s);
        r = call(service, "DELETE", order);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.pointer(), u"/status"_s);
        r = call(service, "POST", order + u"/actions/cancel"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(statusOf(r.data()), u"cancel-pending"_s);
        QCOMPARE(call(service, "POST", order + u"/actions/cancel"_s).status, 422);
        QCOMPARE(callJson(service, "PATCH", order, QJsonObject{{u"customer_reference"_s, u"x"_s}}).status,
                 422);
        // The number is free again only once the order is cancelled or ported; cancel-pending still holds it.
        QCOMPARE(createPortingOrder(service, d.route).status, 422);
    }

    void confirmedOrderCompletesOnEmulatedTime() {
        TelnyxService& service = make(9);
        const Draft d = newDraft(service);
        const QString order = u"/v2/porting_orders/"_s + d.orderId;
        QVERIFY(fillInAndConfirm(service, order));
        auto status = [&] {
            return statusOf(call(service, "GET", order).data());
        };
        QCOMPARE(status(), u"in-process"_s);
        const qint64 hour = 3600LL * 1000;
        service.clock().advance(2 * hour);
        QCOMPARE(status(), u"submitted"_s);
        service.clock().advance(24 * hour);
        QCOMPARE(status(), u"foc-date-confirmed"_s);
        const QJsonObject activation =
            call(service, "GET", order).data().value(u"activation_settings"_s).toObject();
        const QDateTime foc =
            QDateTime::fromString(activation.value(u"foc_datetime_actual"_s).toString(), Qt::ISODateWithMs);
        QVERIFY(foc.isValid());
        QVERIFY(foc.toMSecsSinceEpoch() > service.clock().nowMs());
        service.clock().advance(foc.toMSecsSinceEpoch() - service.clock().nowMs());
        QCOMPARE(status(), u"ported"_s);
        const QJsonObject number =
            call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId)
                .dataArray()
                .at(0)
                .toObject();
        QCOMPARE(number.value(u"porting_order_status"_s).toString(), u"ported"_s);
        QCOMPARE(number.value(u"activation_status"_s).toString(), u"Active"_s);
        QVERIFY(!call(service, "GET", order).data().contains(u"_status_changed_at"_s));
        // Demo orders keep their status however much time passes.
        QVERIFY(!orderIdWithStatus(service, u"in-process"_s).isEmpty());
    }

    void cancelPendingBecomesCancelledAndFreesTheNumber() {
        TelnyxService& service = make(9);
        const Draft d = newDraft(service);
        const QString order = u"/v2/porting_orders/"_s + d.orderId;
        QVERIFY(fillInAndConfirm(service, order));
        QCOMPARE(call(service, "POST", order + u"/actions/cancel"_s).status, 200);
        service.clock().advance(3600LL * 1000);
        QCOMPARE(statusOf(call(service, "GET", order).data()), u"cancelled"_s);
        QCOMPARE(createPortingOrder(service, d.route).status, 201);
    }

    void exceptionResubmitsAndFocRule() {
        TelnyxService& service = make(9);
        const QString exception = orderIdWithStatus(service, u"exception"_s);
        Reply r = call(service, "POST", u"/v2/porting_orders/"_s + exception + u"/actions/confirm"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(statusOf(r.data()), u"submitted"_s);

        const QString confirmed = orderIdWithStatus(service, u"foc-date-confirmed"_s);
        const QDateTime foc = QDateTime::fromString(call(service, "GET", u"/v2/porting_orders/"_s + confirmed)
                                                        .data()
                                                        .value(u"activation_settings"_s)
                                                        .toObject()
                                                        .value(u"foc_datetime_actual"_s)
                                                        .toString(),
                                                    Qt::ISODateWithMs);
        QVERIFY(foc.isValid());
        // Move emulated time to 24 h before the FOC date: inside the 48 h window, cancelling is refused.
        service.clock().advance(foc.toMSecsSinceEpoch() - service.clock().nowMs() - 24LL * 3600 * 1000);
        r = call(service, "POST", u"/v2/porting_orders/"_s + confirmed + u"/actions/cancel"_s);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.pointer(), u"/activation_settings/foc_datetime_actual"_s);
    }

    void deleteOnlyDraft() {
        TelnyxService& service = make(9);
        const Draft d = newDraft(service);
        QCOMPARE(addExtensionBlock(service, d, range(1, 2)).status, 201);
        const Reply r = call(service, "DELETE", u"/v2/porting_orders/"_s + d.orderId);
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(call(service, "GET", u"/v2/porting_orders/"_s + d.orderId).status, 404);
        QCOMPARE(call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId)
                     .dataArray()
                     .size(),
                 0);
        for (const QString& status : {u"submitted"_s, u"ported"_s, u"cancelled"_s}) {
            const Reply refused =
                call(service, "DELETE", u"/v2/porting_orders/"_s + orderIdWithStatus(service, status));
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.pointer(), u"/status"_s);
        }
        // Extensions of a submitted order cannot be deleted either.
        const QString submitted = orderIdWithStatus(service, u"submitted"_s);
        const Reply exts =
            call(service, "GET", u"/v2/porting_orders/"_s + submitted + u"/phone_number_extensions"_s);
        QCOMPARE(exts.dataArray().size(), 1);
        const Reply refused = call(service, "DELETE",
                                   u"/v2/porting_orders/"_s + submitted + u"/phone_number_extensions/"_s +
                                       exts.dataArray().at(0).toObject().value(u"id"_s).toString());
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.pointer(), u"/status"_s);
    }
};

TELNYX_API_TEST_MAIN(TestTelnyxOrderActionsApi)
#include "tst_TelnyxOrderActionsApi.moc"
