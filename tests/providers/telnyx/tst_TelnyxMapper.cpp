#include "MapperJson.h"
#include "providers/telnyx/TelnyxMapper.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace trunkline;
using namespace Qt::StringLiterals;
using providers::telnyx::TelnyxMapper;
using test::parse;
using test::readSample;

class tst_TelnyxMapper : public QObject {
    Q_OBJECT

private slots:
    void portingOrderRoundTrip_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("codes");
        QTest::addColumn<QString>("country");

        QTest::newRow("draft DE") << QByteArray(R"({"id":"0b4f9c34-7d0a-4bb2-9c1e-1f4a5d6e7f80",
            "record_type":"porting_order","status":{"value":"draft","details":[]},
            "end_user":{"location":{"country_code":"DE"}},"customer_reference":"Berlin office",
            "support_key":null,"activation_settings":{"foc_datetime_requested":null},
            "created_at":"2026-11-02T09:15:00.123Z","updated_at":"2026-11-02T09:16:30.000Z"})")
                                  << int(core::PortingOrderStatus::Draft) << QStringList() << u"DE"_s;
        QTest::newRow("exception with unknown code")
            << QByteArray(R"({"id":"5e1a9b7c-0000-4000-8000-000000000001",
            "record_type":"porting_order","status":{"value":"exception","details":[{"code":"FOC_REJECTED"},
            {"code":"LOA_ILLEGIBLE"}]},"end_user":{"location":{"country_code":"DE"}},"customer_reference":null,
            "support_key":"sr_1a2b3c","activation_settings":{"foc_datetime_requested":"2026-12-01T08:00:00.000Z"},
            "created_at":"2026-10-01T10:00:00.000Z","updated_at":"2026-10-05T11:30:00.500Z"})")
            << int(core::PortingOrderStatus::Exception) << QStringList{u"FOC_REJECTED"_s, u"LOA_ILLEGIBLE"_s}
            << u"DE"_s;
        QTest::newRow("cancel pending")
            << QByteArray(R"({"id":"5e1a9b7c-0000-4000-8000-000000000002",
            "record_type":"porting_order","status":{"value":"cancel-pending","details":[]},
            "end_user":{"location":{"country_code":"US"}},"customer_reference":"x","support_key":"sr_9",
            "activation_settings":{"foc_datetime_requested":null},
            "created_at":"2026-10-01T10:00:00.000Z","updated_at":"2026-10-01T10:00:00.000Z"})")
            << int(core::PortingOrderStatus::CancelPending) << QStringList() << u"US"_s;
    }
    void portingOrderRoundTrip() {
        QFETCH(QByteArray, json);
        QFETCH(int, status);
        QFETCH(QStringList, codes);
        QFETCH(QString, country);
        const auto [input, order, problem] = readSample(json, TelnyxMapper::portingOrder);
        QVERIFY2(order, qPrintable(problem));
        QCOMPARE(int(order->status), status);
        QCOMPARE(order->exceptionCodes, codes);
        QCOMPARE(order->countryCode, country);
        QCOMPARE(order->createdAt.timeSpec(), Qt::UTC);
        QCOMPARE(TelnyxMapper::portingOrderToJson(*order), input);
    }

    void portingOrderProblems_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("word");
        QTest::newRow("no id") << QByteArray(R"({"status":{"value":"draft"}})") << u"id"_s;
        QTest::newRow("unknown status")
            << QByteArray(R"({"id":"a","status":{"value":"lost-in-space"}})") << u"lost-in-space"_s;
    }
    void portingOrderProblems() {
        QFETCH(QByteArray, json);
        QFETCH(QString, word);
        QString problem;
        QVERIFY(!TelnyxMapper::portingOrder(parse(json), &problem));
        QVERIFY2(problem.contains(word), qPrintable(problem));
    }

    void patchBody() {
        core::PortingOrder order;
        order.customerReference = u"Ref 7"_s;
        QJsonObject patch = TelnyxMapper::portingOrderPatchBody(order);
        QCOMPARE(patch.value(u"customer_reference"_s).toString(), u"Ref 7"_s);
        QVERIFY(patch.value(u"activation_settings"_s).toObject().value(u"foc_datetime_requested"_s).isNull());
        order.customerReference.clear();
        order.focDatetimeRequested = QDateTime(QDate(2026, 12, 24), QTime(9, 30), QTimeZone::utc());
        patch = TelnyxMapper::portingOrderPatchBody(order);
        QVERIFY2(patch.value(u"customer_reference"_s).isNull(), "explicit null clears the reference");
        QCOMPARE(
            patch.value(u"activation_settings"_s).toObject().value(u"foc_datetime_requested"_s).toString(),
            u"2026-12-24T09:30:00.000Z"_s);
    }

    void portingPhoneNumber_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("roundTrips");
        QTest::newRow("id field") << QByteArray(R"({"id":"f24151b6-0000-4000-8000-000000000001",
            "record_type":"porting_phone_number","porting_order_id":"o1","phone_number":"+492012345678",
            "phone_number_type":"landline","porting_order_status":"draft","activation_status":null,
            "portability_status":"provisional","requirements_status":"requirement-info-pending"})")
                                  << u"f24151b6-0000-4000-8000-000000000001"_s << true;
        QTest::newRow("documented id name only") << QByteArray(R"({"porting_phone_number_id":"p-2",
            "porting_order_id":"o1","phone_number":"+492012345679","porting_order_status":"in-process"})")
                                                 << u"p-2"_s << false;
    }
    void portingPhoneNumber() {
        QFETCH(QByteArray, json);
        QFETCH(QString, id);
        QFETCH(bool, roundTrips);
        auto [input, number, problem] = readSample(json, TelnyxMapper::portingPhoneNumber);
        QVERIFY2(number, qPrintable(problem));
        QCOMPARE(number->id, id);
        QCOMPARE(number->portingOrderId, u"o1"_s);
        if (roundTrips)
            QCOMPARE(TelnyxMapper::portingPhoneNumberToJson(*number), input);
        const auto again =
            TelnyxMapper::portingPhoneNumber(TelnyxMapper::portingPhoneNumberToJson(*number), &problem);
        QVERIFY(again);
        QCOMPARE(*again, *number);
        QVERIFY(!TelnyxMapper::portingPhoneNumber(parse(R"({"phone_number":"+4930"})"), &problem));
    }

    void phoneNumberExtension_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("rangeSize");
        QTest::addColumn<int>("activations");
        QTest::newRow("docs example 0-99")
            << QByteArray(R"({"id":"e1","record_type":"porting_phone_number_extension",
            "porting_phone_number_id":"p1","extension_range":{"start_at":0,"end_at":99},
            "activation_ranges":[{"start_at":4,"end_at":4},{"start_at":19,"end_at":20},{"start_at":42,"end_at":42}],
            "created_at":"2021-03-19T10:07:15.527Z","updated_at":"2021-03-19T10:07:15.527Z"})")
            << 100 << 3;
        QTest::newRow("single digit, none active") << QByteArray(R"({"id":"e2",
            "record_type":"porting_phone_number_extension","porting_phone_number_id":"p1",
            "extension_range":{"start_at":0,"end_at":9},"activation_ranges":[],
            "created_at":"2021-03-19T10:07:15.527Z","updated_at":"2021-03-20T00:00:00.000Z"})")
                                                   << 10 << 0;
    }
    void phoneNumberExtension() {
        QFETCH(QByteArray, json);
        QFETCH(int, rangeSize);
        QFETCH(int, activations);
        const auto [input, extension, problem] = readSample(json, TelnyxMapper::phoneNumberExtension);
        QVERIFY2(extension, qPrintable(problem));
        QCOMPARE(extension->extensionRange.size(), rangeSize);
        QCOMPARE(extension->activationRanges.size(), activations);
        QCOMPARE(TelnyxMapper::phoneNumberExtensionToJson(*extension), input);
        const QJsonObject body = TelnyxMapper::phoneNumberExtensionCreateBody(*extension);
        QCOMPARE(body.keys(),
                 (QStringList{u"activation_ranges"_s, u"extension_range"_s, u"porting_phone_number_id"_s}));
    }

    void phoneNumberExtensionProblems() {
        QString problem;
        QVERIFY(!TelnyxMapper::phoneNumberExtension(
            parse(R"({"id":"e","extension_range":{"start_at":"0","end_at":9}})"), &problem));
        QVERIFY2(problem.contains(u"extension_range"_s), qPrintable(problem));
        QVERIFY(!TelnyxMapper::phoneNumberExtension(
            parse(
                R"({"id":"e","extension_range":{"start_at":0,"end_at":9},"activation_ranges":[{"start_at":1}]})"),
            &problem));
        QVERIFY2(problem.contains(u"activation_ranges"_s), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(tst_TelnyxMapper)
#include "tst_TelnyxMapper.moc"
