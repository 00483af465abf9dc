#include "MapperJson.h"
#include "providers/restcomm/RestcommMapper.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace trunkline;
using namespace Qt::StringLiterals;
using providers::restcomm::ProvisionRequest;
using providers::restcomm::RestcommMapper;
using test::parse;
using test::readSample;

namespace {

// A representation as Restcomm prints it (docs/api/restcomm-numbers.md §3), minus uri and application names,
// which the record does not keep.
const QByteArray kMinimalCreate = R"({"sid":"PN0123456789abcdef0123456789abcdef",
  "account_sid":"ACae6e420f425248d6a26948c17a9e2acf","friendly_name":"My Company Line",
  "phone_number":"+14156902867","voice_url":"http:\/\/example.com\/voice.xml","voice_method":"GET",
  "voice_fallback_url":null,"voice_fallback_method":"POST","status_callback":null,"status_callback_method":"POST",
  "voice_caller_id_lookup":false,"voice_application_sid":null,"date_created":"Mon, 4 Nov 2013 12:14:11 +0000",
  "date_updated":"Mon, 4 Nov 2013 12:14:11 +0000","sms_url":null,"sms_method":"POST","sms_fallback_url":null,
  "sms_fallback_method":"POST","sms_application_sid":null,"ussd_url":null,"ussd_method":"POST",
  "ussd_fallback_url":null,"ussd_fallback_method":"POST","ussd_application_sid":null,"refer_url":null,
  "refer_method":"POST","refer_application_sid":null,
  "capabilities":{"voice_capable":false,"sms_capable":false,"mms_capable":false,"fax_capable":false},
  "api_version":"2012-04-24"})";

const QByteArray kSipRegex = R"({"sid":"PH0000000000000000000000000000000a",
  "account_sid":"ACae6e420f425248d6a26948c17a9e2acg","friendly_name":"Regex",
  "phone_number":"^\\+1650.*","voice_url":null,"voice_method":null,"voice_fallback_url":null,
  "voice_fallback_method":null,"status_callback":null,"status_callback_method":null,
  "voice_caller_id_lookup":true,"voice_application_sid":"AP0123456789abcdef0123456789abcdef",
  "date_created":"Wed, 16 Jan 2019 23:05:09 +0000","date_updated":"Thu, 17 Jan 2019 01:00:00 +0000",
  "sms_url":"http:\/\/x\/sms","sms_method":"GET","sms_fallback_url":null,"sms_fallback_method":null,
  "sms_application_sid":null,"ussd_url":null,"ussd_method":null,"ussd_fallback_url":null,
  "ussd_fallback_method":null,"ussd_application_sid":null,"refer_url":null,"refer_method":null,
  "refer_application_sid":null,
  "capabilities":{"voice_capable":true,"sms_capable":true,"mms_capable":false,"fax_capable":true},
  "api_version":"2012-04-24"})";

} // namespace

class tst_RestcommMapper : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("voiceUrl");
        QTest::addColumn<bool>("voiceCapable");
        QTest::addColumn<bool>("callerIdLookup");
        QTest::newRow("minimal create")
            << kMinimalCreate << u"http://example.com/voice.xml"_s << false << false;
        QTest::newRow("SIP regex with application") << kSipRegex << QString() << true << true;
    }
    void roundTrip() {
        QFETCH(QByteArray, json);
        QFETCH(QString, voiceUrl);
        QFETCH(bool, voiceCapable);
        QFETCH(bool, callerIdLookup);
        const auto [input, number, problem] = readSample(json, RestcommMapper::incomingNumber);
        QVERIFY2(number, qPrintable(problem));
        QCOMPARE(number->provider, core::kProviderRestcomm.toString());
        QCOMPARE(number->id, input.value(u"sid"_s).toString());
        QCOMPARE(number->e164, input.value(u"phone_number"_s).toString());
        QVERIFY(number->restcomm);
        QCOMPARE(number->restcomm->voiceUrl, voiceUrl);
        QCOMPARE(number->restcomm->voiceUrl.isNull(), voiceUrl.isNull()); // JSON null stays null
        QCOMPARE(number->restcomm->voiceCapable, voiceCapable);
        QCOMPARE(number->restcomm->voiceCallerIdLookup, callerIdLookup);
        QCOMPARE(RestcommMapper::incomingNumberToJson(*number), input);
    }

    // Restcomm's list names the applications beside their sids; a single read sends null (§3). The names
    // are read where sent and stay null where not.
    void applicationNamesAreRead() {
        QJsonObject listed = parse(kSipRegex);
        listed.insert(u"voice_application_sid"_s, u"AP73926e7113fa4d95981aa96b76eca854"_s);
        listed.insert(u"voice_application_name"_s, u"Main IVR"_s);
        listed.insert(u"sms_application_name"_s, QJsonValue::Null);
        QString problem;
        const auto number = RestcommMapper::incomingNumber(listed, &problem);
        QVERIFY2(number, qPrintable(problem));
        QCOMPARE(number->restcomm->voiceApplicationName, u"Main IVR"_s);
        QVERIFY(number->restcomm->smsApplicationName.isNull());
        QVERIFY(number->restcomm->referApplicationName.isNull()); // not sent at all
    }

    void dates_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("utc");
        QTest::newRow("UTC, day not padded")
            << u"Mon, 4 Nov 2013 12:14:11 +0000"_s
            << QDateTime(QDate(2013, 11, 4), QTime(12, 14, 11), QTimeZone::utc());
        QTest::newRow("negative offset") << u"Sun, 3 Nov 2013 22:00:00 -0500"_s
                                         << QDateTime(QDate(2013, 11, 4), QTime(3, 0), QTimeZone::utc());
        QTest::newRow("positive offset") << u"Tue, 15 Jan 2019 01:30:00 +0130"_s
                                         << QDateTime(QDate(2019, 1, 15), QTime(0, 0), QTimeZone::utc());
        QTest::newRow("no zone") << u"Mon, 4 Nov 2013 12:14:11"_s << QDateTime();
        QTest::newRow("garbage") << u"yesterday"_s << QDateTime();
    }
    void dates() {
        QFETCH(QString, text);
        QFETCH(QDateTime, utc);
        const QDateTime parsed = RestcommMapper::date(text);
        QCOMPARE(parsed.isValid(), utc.isValid());
        if (utc.isValid()) {
            QCOMPARE(parsed, utc);
            QCOMPARE(RestcommMapper::date(RestcommMapper::dateJson(parsed)), utc);
        }
    }

    void updateForm() {
        QString problem;
        auto number = RestcommMapper::incomingNumber(parse(kMinimalCreate), &problem);
        QVERIFY(number);
        number->label = u"Renamed & moved"_s;
        number->restcomm->voiceUrl = QString(); // cleared
        number->restcomm->smsCapable = true;
        const QUrlQuery form = RestcommMapper::updateForm(
            *number, {u"label"_s, u"voiceUrl"_s, u"voiceMethod"_s, u"smsCapable"_s, u"faxCapable"_s});
        QCOMPARE(form.queryItemValue(u"FriendlyName"_s, QUrl::FullyDecoded), u"Renamed & moved"_s);
        QVERIFY(form.hasQueryItem(u"VoiceUrl"_s));
        QCOMPARE(form.queryItemValue(u"VoiceUrl"_s), QString()); // empty = clear (§6)
        QCOMPARE(form.queryItemValue(u"VoiceMethod"_s), u"GET"_s);
        QCOMPARE(form.queryItemValue(u"SmsCapable"_s), u"true"_s);
        QCOMPARE(form.queryItemValue(u"FaxCapable"_s), u"false"_s);
        QVERIFY2(!form.hasQueryItem(u"PhoneNumber"_s), "the number itself cannot change");
        // Only the touched fields: the others keep what the provider holds (no whole-record write).
        QCOMPARE(form.queryItems().size(), 5);
        QVERIFY(!form.hasQueryItem(u"SmsUrl"_s));
        QVERIFY(!form.hasQueryItem(u"VoiceCallerIdLookup"_s));
        QVERIFY(RestcommMapper::updateForm(*number, {}).isEmpty());
        // Null methods cannot be cleared in Restcomm, so they are not sent at all.
        auto sip = RestcommMapper::incomingNumber(parse(kSipRegex), &problem);
        QVERIFY(sip);
        const QUrlQuery sipForm =
            RestcommMapper::updateForm(*sip, {u"voiceMethod"_s, u"voiceCallerIdLookup"_s});
        QVERIFY(!sipForm.hasQueryItem(u"VoiceMethod"_s));
        QCOMPARE(sipForm.queryItemValue(u"VoiceCallerIdLookup"_s), u"true"_s);
    }

    void provisionForm_data() {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("areaCode");
        QTest::addColumn<bool>("pureSip");
        QTest::addColumn<QStringList>("keys");
        QTest::newRow("provider number") << u"+14156902867"_s << QString() << false
                                         << QStringList{u"PhoneNumber"_s, u"FriendlyName"_s, u"VoiceUrl"_s};
        QTest::newRow("pure SIP") << u"11223344"_s << QString() << true
                                  << QStringList{u"PhoneNumber"_s, u"FriendlyName"_s, u"isSIP"_s,
                                                 u"VoiceUrl"_s};
        QTest::newRow("area code") << QString() << u"415"_s << false
                                   << QStringList{u"AreaCode"_s, u"FriendlyName"_s, u"VoiceUrl"_s};
    }
    void provisionForm() {
        QFETCH(QString, number);
        QFETCH(QString, areaCode);
        QFETCH(bool, pureSip);
        QFETCH(QStringList, keys);
        ProvisionRequest request;
        request.number.e164 = number;
        request.number.label = u"Front desk"_s;
        request.areaCode = areaCode;
        core::RestcommAttributes attributes;
        attributes.pureSip = pureSip;
        attributes.voiceUrl = u"http://example.com/v.xml"_s;
        request.number.restcomm = attributes;
        const QUrlQuery form = RestcommMapper::provisionForm(request);
        QStringList sent;
        for (const auto& [key, value] : form.queryItems())
            sent.append(key);
        QCOMPARE(sent, keys);
        if (pureSip)
            QCOMPARE(form.queryItemValue(u"isSIP"_s), u"true"_s);
    }

    void problems() {
        QString problem;
        QVERIFY(!RestcommMapper::incomingNumber(parse(R"({"sid":"PN1"})"), &problem));
        QVERIFY2(problem.contains(u"phone_number"_s), qPrintable(problem));
        QVERIFY(!RestcommMapper::availableNumber(parse(R"({"friendlyName":"x"})"), &problem));
        const auto available = RestcommMapper::availableNumber(
            parse(R"({"friendlyName":"(675) 653-2355","phoneNumber":"+16756532355","isoCountry":"US",
                      "voiceCapable":true,"smsCapable":false})"),
            &problem);
        QVERIFY(available);
        QCOMPARE(available->phoneNumber, u"+16756532355"_s);
        QVERIFY(available->voiceCapable);
        QVERIFY(!available->smsCapable);
    }
};

QTEST_GUILESS_MAIN(tst_RestcommMapper)
#include "tst_RestcommMapper.moc"
