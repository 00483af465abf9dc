#include "MapperJson.h"
#include "core/EndpointType.h"
#include "providers/ringcentral/RingCentralMapper.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace trunkline;
using namespace Qt::StringLiterals;
using providers::ringcentral::RingCentralMapper;
using test::parse;
using test::readSample;

namespace {

// The forwarding entry the request body tests send: type Other, third in the flip list.
core::ForwardingNumber flipThree(const QString& label) {
    core::ForwardingNumber f;
    f.id = u"5"_s;
    f.phoneNumber = u"+4930999"_s;
    f.type = core::ForwardingType::Other;
    f.label = label;
    f.flipNumber = 3;
    return f;
}

} // namespace

class tst_RingCentralMapper : public QObject {
    Q_OBJECT

private slots:
    // JSON -> record -> JSON: inputs hold exactly the fields the record keeps, so the round trip is exact.
    void extensionRoundTrip_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("admin");

        QTest::newRow("admin user") << QByteArray(
                                           R"({"id":256440016,"extensionNumber":"101","name":"Anna Berg",
            "type":"User","status":"Enabled","contact":{"firstName":"Anna","lastName":"Berg",
            "email":"anna@example.com","businessPhone":"+4930123456","department":"IT"},
            "permissions":{"admin":{"enabled":true}},"regionalSettings":{"timezone":{"name":"Europe/Berlin"}}})")
                                    << u"256440016"_s << u"101"_s << int(core::ExtensionType::User)
                                    << int(core::ExtensionStatus::Enabled) << u"anna@example.com"_s << true;
        QTest::newRow("call queue disabled")
            << QByteArray(R"({"id":4711,"extensionNumber":"800","name":"Support",
            "type":"Department","status":"Disabled","contact":{"firstName":"Support","email":"q@example.com"},
            "permissions":{"admin":{"enabled":false}}})")
            << u"4711"_s << u"800"_s << int(core::ExtensionType::Department)
            << int(core::ExtensionStatus::Disabled) << u"q@example.com"_s << false;
        QTest::newRow("unassigned without number")
            << QByteArray(R"({"id":99,"name":"Spare","type":"Limited",
            "status":"Unassigned","contact":{"firstName":"Spare","email":"s@example.com"},
            "permissions":{"admin":{"enabled":false}}})")
            << u"99"_s << QString() << int(core::ExtensionType::Limited)
            << int(core::ExtensionStatus::Unassigned) << u"s@example.com"_s << false;
    }
    void extensionRoundTrip() {
        QFETCH(QByteArray, json);
        QFETCH(QString, id);
        QFETCH(QString, number);
        QFETCH(int, type);
        QFETCH(int, status);
        QFETCH(QString, email);
        QFETCH(bool, admin);
        const auto [input, extension, problem] = readSample(json, RingCentralMapper::extension);
        QVERIFY2(extension, qPrintable(problem));
        QCOMPARE(extension->id, id);
        QCOMPARE(extension->extensionNumber, number);
        QCOMPARE(int(extension->type), type);
        QCOMPARE(int(extension->status), status);
        QCOMPARE(extension->contact.email, email);
        QCOMPARE(extension->admin, admin);
        QCOMPARE(RingCentralMapper::extensionToJson(*extension), input);
    }

    void extensionReading_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("readable");
        QTest::addColumn<QString>("expected"); // type wire value, or a word the problem must contain

        QTest::newRow("unknown type becomes Unknown")
            << QByteArray(R"({"id":1,"type":"HoloDeck","status":"Enabled"})") << true << u"Unknown"_s;
        QTest::newRow("id as string") << QByteArray(R"({"id":"12","type":"User"})") << true << u"User"_s;
        QTest::newRow("missing id") << QByteArray(R"({"extensionNumber":"101","type":"User"})") << false
                                    << u"id"_s;
        QTest::newRow("undocumented status")
            << QByteArray(R"({"id":1,"extensionNumber":"102","status":"Sleeping"})") << false
            << u"Sleeping"_s;
    }
    void extensionReading() {
        QFETCH(QByteArray, json);
        QFETCH(bool, readable);
        QFETCH(QString, expected);
        QString problem;
        const auto extension = RingCentralMapper::extension(parse(json.constData()), &problem);
        QCOMPARE(extension.has_value(), readable);
        if (readable)
            QCOMPARE(core::toWire(extension->type), expected);
        else
            QVERIFY2(problem.contains(expected), qPrintable(problem));
    }

    void extensionBodies() {
        core::Extension e;
        e.id = u"7"_s;
        e.extensionNumber = u"205"_s;
        e.type = core::ExtensionType::User;
        e.status = core::ExtensionStatus::Unassigned;
        e.contact.firstName = u"Jo"_s;
        e.contact.email = u"jo@example.com"_s;
        const QStringList all = {u"extensionNumber"_s, u"status"_s, u"contact.firstName"_s};
        const QJsonObject update = RingCentralMapper::extensionUpdateBody(e, all);
        QVERIFY2(!update.contains(u"status"_s), "Unassigned cannot be set by PUT");
        QCOMPARE(update.value(u"extensionNumber"_s).toString(), u"205"_s);
        QCOMPARE(update.value(u"contact"_s).toObject().value(u"firstName"_s).toString(), u"Jo"_s);
        QVERIFY(!update.contains(u"id"_s));
        e.status = core::ExtensionStatus::Disabled;
        QCOMPARE(RingCentralMapper::extensionUpdateBody(e, all).value(u"status"_s).toString(), u"Disabled"_s);
        const QJsonObject create = RingCentralMapper::extensionCreateBody(e);
        QCOMPARE(create.value(u"type"_s).toString(), u"User"_s);
        QCOMPARE(create.value(u"contact"_s).toObject().value(u"email"_s).toString(), u"jo@example.com"_s);
    }

    void extensionUpdateSendsTouchedFieldsOnly() {
        // A PUT carries what the change touches and nothing else: a whole record would overwrite edits
        // made at the provider meanwhile, and a field left out because it is empty would never be cleared.
        core::Extension e;
        e.extensionNumber = u"104"_s;
        e.type = core::ExtensionType::User;
        e.status = core::ExtensionStatus::Enabled;
        e.contact.firstName = u"Anna"_s;
        e.contact.lastName = u"Wolf-Berger"_s;
        e.contact.email = u"anna@example.com"_s;
        e.contact.department = u"Sales"_s;
        const QJsonObject body =
            RingCentralMapper::extensionUpdateBody(e, {u"contact.lastName"_s, u"contact.jobTitle"_s});
        const QJsonObject expected{
            {u"contact"_s, QJsonObject{{u"lastName"_s, u"Wolf-Berger"_s}, {u"jobTitle"_s, u""_s}}}};
        QCOMPARE(body, expected);
        QVERIFY2(RingCentralMapper::extensionUpdateBody(e, {}).isEmpty(), "no touched field, no member");
    }

    void forwardingUpdateSendsTouchedFieldsOnly() {
        const core::ForwardingNumber f = flipThree(u""_s);
        const QJsonObject body = RingCentralMapper::forwardingUpdateBody(f, {u"extensionId"_s, u"label"_s});
        QCOMPARE(body, (QJsonObject{{u"label"_s, u""_s}}));
    }

    void phoneNumberRoundTrip_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("usage");
        QTest::addColumn<int>("payment");
        QTest::addColumn<QString>("extensionNumber");
        QTest::addColumn<int>("features");

        QTest::newRow("main company number")
            << QByteArray(R"({"id":1001,"phoneNumber":"+18775550010",
            "usageType":"MainCompanyNumber","paymentType":"TollFree","type":"VoiceFax","status":"Normal"})")
            << int(core::UsageType::MainCompanyNumber) << int(core::PaymentType::TollFree) << QString() << 0;
        QTest::newRow("direct number with features")
            << QByteArray(R"({"id":1002,"phoneNumber":"+4930555123",
            "usageType":"DirectNumber","paymentType":"Local","type":"VoiceOnly","status":"PortedIn",
            "label":"Desk","features":["CallerId","SmsSender"],"extension":{"id":256440016,"extensionNumber":"101"}})")
            << int(core::UsageType::DirectNumber) << int(core::PaymentType::Local) << u"101"_s
            << int(core::NumberFeatures(core::NumberFeature::CallerId | core::NumberFeature::SmsSender));
        QTest::newRow("forwarded number pending")
            << QByteArray(R"({"id":1003,"phoneNumber":"+442071234567",
            "usageType":"ForwardedNumber","paymentType":"External","type":"FaxOnly","status":"Pending"})")
            << int(core::UsageType::ForwardedNumber) << int(core::PaymentType::External) << QString() << 0;
    }
    void phoneNumberRoundTrip() {
        QFETCH(QByteArray, json);
        QFETCH(int, usage);
        QFETCH(int, payment);
        QFETCH(QString, extensionNumber);
        QFETCH(int, features);
        const auto [input, number, problem] = readSample(json, RingCentralMapper::phoneNumber);
        QVERIFY2(number, qPrintable(problem));
        QCOMPARE(number->provider, core::kProviderRingCentral.toString());
        QCOMPARE(number->e164, input.value(u"phoneNumber"_s).toString());
        QCOMPARE(int(number->usageType), usage);
        QCOMPARE(int(number->paymentType), payment);
        QCOMPARE(number->extensionNumber, extensionNumber);
        QCOMPARE(int(number->features.toInt()), features);
        QCOMPARE(RingCentralMapper::phoneNumberToJson(*number), input);
    }

    void phoneNumberProblems_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("word");
        QTest::newRow("unknown usage")
            << QByteArray(R"({"id":1,"phoneNumber":"+15550001","usageType":"Magic"})") << u"usageType"_s;
        QTest::newRow("no number") << QByteArray(R"({"id":1,"usageType":"DirectNumber"})")
                                   << u"phoneNumber"_s;
        QTest::newRow("no id") << QByteArray(R"({"phoneNumber":"+15550001"})") << u"id"_s;
    }
    void phoneNumberProblems() {
        QFETCH(QByteArray, json);
        QFETCH(QString, word);
        QString problem;
        QVERIFY(!RingCentralMapper::phoneNumber(parse(json.constData()), &problem));
        QVERIFY2(problem.contains(word), qPrintable(problem));
    }

    void forwardingRoundTrip_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("flip");
        QTest::newRow("mobile in flip list") << QByteArray(R"({"id":"33","phoneNumber":"+491701234567",
            "label":"Mobile","type":"Mobile","features":["CallForwarding","CallFlip"],"flipNumber":"2"})")
                                             << int(core::ForwardingType::Mobile) << 2;
        QTest::newRow("other with label") << QByteArray(R"({"id":"34","phoneNumber":"+4940111222",
            "label":"Holiday flat","type":"Other","features":["CallForwarding"]})")
                                          << int(core::ForwardingType::Other) << 0;
    }
    void forwardingRoundTrip() {
        QFETCH(QByteArray, json);
        QFETCH(int, type);
        QFETCH(int, flip);
        const auto [input, forwarding, problem] = readSample(json, RingCentralMapper::forwardingNumber);
        QVERIFY2(forwarding, qPrintable(problem));
        QCOMPARE(int(forwarding->type), type);
        QCOMPARE(forwarding->flipNumber, flip);
        QCOMPARE(RingCentralMapper::forwardingNumberToJson(*forwarding), input);
    }

    void forwardingFlipNumberTypes() {
        // An integer in POST, a string in PUT and in answers (docs/api/ringcentral.md §5.1).
        core::ForwardingNumber f = flipThree(u"Lab"_s);
        QCOMPARE(RingCentralMapper::forwardingCreateBody(f).value(u"flipNumber"_s), QJsonValue(3));
        QCOMPARE(RingCentralMapper::forwardingUpdateBody(f, {u"flipNumber"_s}).value(u"flipNumber"_s),
                 QJsonValue(u"3"_s));
        QCOMPARE(RingCentralMapper::forwardingCreateBody(f).value(u"label"_s).toString(), u"Lab"_s);
        f.type = core::ForwardingType::Home;
        QVERIFY2(!RingCentralMapper::forwardingCreateBody(f).contains(u"label"_s), "label only for Other");
        QString problem;
        QVERIFY(!RingCentralMapper::forwardingNumber(parse(R"({"id":"1","flipNumber":"x"})"), &problem));
        QVERIFY(problem.contains(u"flipNumber"_s));
        const auto fromPost =
            RingCentralMapper::forwardingNumber(parse(R"({"id":"1","flipNumber":4})"), &problem);
        QVERIFY(fromPost);
        QCOMPARE(fromPost->flipNumber, 4);
    }

    void account() {
        const QJsonObject info = parse(R"({"id":400131,"mainNumber":"+18775550010","status":"Confirmed",
            "serviceInfo":{"brand":{"name":"Old"},"servicePlan":{"name":"Old plan"}},
            "operator":{"id":400131004,"extensionNumber":"101"}})");
        const QJsonObject service =
            parse(R"({"brand":{"name":"RingCentral"},"servicePlan":{"name":"Professional"}})");
        QString problem;
        const auto account = RingCentralMapper::account(info, service, {}, &problem);
        QVERIFY2(account, qPrintable(problem));
        QCOMPARE(account->id, u"400131"_s);
        QCOMPARE(account->brand, u"RingCentral"_s); // service-info wins
        QCOMPARE(account->servicePlan, u"Professional"_s);
        QCOMPARE(account->operatorExtensionId, u"400131004"_s);
        QCOMPARE(account->operatorName, u"101"_s);
        const auto fallback = RingCentralMapper::account(info, {}, {}, &problem);
        QVERIFY(fallback);
        QCOMPARE(fallback->brand, u"Old"_s);
        const auto back =
            RingCentralMapper::account(RingCentralMapper::accountToJson(*account), {}, {}, &problem);
        QVERIFY(back);
        QCOMPARE(*back, *account);
        QVERIFY(!RingCentralMapper::account(parse(R"({"status":"Confirmed"})"), {}, {}, &problem));
    }

    // The seeds' settings in full: service plan with edition, billing plan, features and business address
    // (GET /account/~/service-info and /business-address as docs/api/ringcentral.md §2 describes them).
    void accountPlanFeaturesAndAddress() {
        const QJsonObject info = parse(R"({"id":"400131","status":"Confirmed"})");
        const QJsonObject service = parse(R"({"servicePlanName":"Professional",
            "servicePlan":{"id":"1216","name":"Professional","edition":"Standard"},
            "billingPlan":{"id":"159","name":"Monthly - 14.99 - Pro 101503","durationUnit":"Month",
                           "duration":1,"type":"Regular","includedPhoneLines":100},
            "serviceFeatures":[{"featureName":"CallerIdControl","enabled":true},
                               {"featureName":"SiteCodes","enabled":false},{"featureName":"SMS","enabled":true},
                               {"enabled":true}]})");
        const QJsonObject address = parse(R"({"company":"MyCompany Inc.","email":"office@example.com",
            "businessAddress":{"street":"20 Davis Drive","city":"Belmont","state":"CA","zip":"94002",
                               "country":"United States"}})");
        QString problem;
        const auto account = RingCentralMapper::account(info, service, address, &problem);
        QVERIFY2(account, qPrintable(problem));
        QCOMPARE(account->servicePlan, u"Professional"_s);
        QCOMPARE(account->servicePlanEdition, u"Standard"_s);
        QCOMPARE(account->billingPlan, u"Monthly - 14.99 - Pro 101503"_s);
        QCOMPARE(account->billingDuration, 1);
        QCOMPARE(account->billingDurationUnit, u"Month"_s);
        QCOMPARE(account->billingPlanType, u"Regular"_s);
        QCOMPARE(account->enabledFeatures, (QStringList{u"CallerIdControl"_s, u"SMS"_s})); // nameless skipped
        QCOMPARE(account->disabledFeatures, QStringList{u"SiteCodes"_s});
        QCOMPARE(account->companyName, u"MyCompany Inc."_s);
        QCOMPARE(account->businessAddress, (core::BusinessAddress{u"20 Davis Drive"_s, u"Belmont"_s, u"CA"_s,
                                                                  u"94002"_s, u"United States"_s}));
        // A user who may not read the address still gets the rest.
        const auto withoutAddress = RingCentralMapper::account(info, service, {}, &problem);
        QVERIFY(withoutAddress);
        QVERIFY(withoutAddress->businessAddress.isEmpty());
        QCOMPARE(withoutAddress->billingPlan, account->billingPlan);
    }

    // A device's type, HardPhone when absent (the spec's default), and the endpoint type it gives.
    void deviceTypesAndEndpoint_data() {
        QTest::addColumn<QStringList>("devices");
        QTest::addColumn<QString>("endpoint");
        QTest::newRow("no device") << QStringList{} << u"Virtual"_s;
        QTest::newRow("desk phone") << QStringList{u"HardPhone"_s} << u"Device"_s;
        QTest::newRow("adapter") << QStringList{u"OtherPhone"_s} << u"Device"_s;
        QTest::newRow("softphone") << QStringList{u"SoftPhone"_s} << u"Softphone"_s;
        QTest::newRow("web phone") << QStringList{u"WebRTC"_s} << u"Softphone"_s;
        QTest::newRow("mobile app") << QStringList{u"MobileDevice"_s} << u"Mobile"_s;
        QTest::newRow("desk phone beats mobile")
            << QStringList{u"MobileDevice"_s, u"HardPhone"_s} << u"Device"_s;
        QTest::newRow("softphone beats mobile")
            << QStringList{u"MobileDevice"_s, u"SoftPhone"_s} << u"Softphone"_s;
        QTest::newRow("unknown type is a device") << QStringList{u"Hologram"_s} << u"Device"_s;
    }

    void deviceTypesAndEndpoint() {
        QFETCH(QStringList, devices);
        QFETCH(QString, endpoint);
        QStringList read;
        QString problem;
        for (const QString& type : devices)
            read << *RingCentralMapper::deviceType(QJsonObject{{u"id"_s, u"1"_s}, {u"type"_s, type}},
                                                   &problem);
        QCOMPARE(core::toWire(core::endpointTypeOfDevices(read)), endpoint);
        QCOMPARE(RingCentralMapper::deviceType(QJsonObject{{u"id"_s, u"1"_s}}, &problem), u"HardPhone"_s);
    }

    // Features are "reported" only when the record has the member: the account list and a non-admin's
    // view of another extension leave it out, which is not "no features".
    void numberFeaturesReported() {
        QString problem;
        const auto listed = RingCentralMapper::phoneNumber(
            parse(R"({"id":1,"phoneNumber":"+16505550100","usageType":"DirectNumber","paymentType":"Local",
                      "type":"FaxOnly","status":"Normal","features":[]})"),
            &problem);
        QVERIFY2(listed, qPrintable(problem));
        QVERIFY(listed->featuresReported);
        QVERIFY(!listed->features);
        const auto silent = RingCentralMapper::phoneNumber(
            parse(R"({"id":2,"phoneNumber":"+16505550101","usageType":"DirectNumber","paymentType":"Local",
                      "type":"VoiceFax","status":"Normal"})"),
            &problem);
        QVERIFY2(silent, qPrintable(problem));
        QVERIFY(!silent->featuresReported);
    }

    void callerIdNumber_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("number");
        QTest::newRow("RingOut wins") << QByteArray(R"({"byFeature":[
            {"feature":"CallFlip","callerId":{"type":"PhoneNumber","phoneInfo":{"id":"1","phoneNumber":"+111"}}},
            {"feature":"RingOut","callerId":{"type":"PhoneNumber","phoneInfo":{"id":"2","phoneNumber":"+222"}}}]})")
                                      << u"+222"_s;
        QTest::newRow("blocked skipped") << QByteArray(R"({"byFeature":[
            {"feature":"RingOut","callerId":{"type":"Blocked"}},
            {"feature":"MobileApp","callerId":{"type":"PhoneNumber","phoneInfo":{"phoneNumber":"+333"}}}]})")
                                         << u"+333"_s;
        QTest::newRow("nothing") << QByteArray(R"({"byFeature":[]})") << QString();
    }
    void callerIdNumber() {
        QFETCH(QByteArray, json);
        QFETCH(QString, number);
        QCOMPARE(RingCentralMapper::callerIdNumber(parse(json.constData())), number);
    }
};

QTEST_GUILESS_MAIN(tst_RingCentralMapper)
#include "tst_RingCentralMapper.moc"
