// NumberChangePayloads: the phone-number pending changes the console stages and the pusher reads back.

#include "changes/NumberChangePayloads.h"
#include "store/PendingChangeRepository.h"
#include "sync/NumberPusher.h"

#include <QJsonDocument>
#include <QTest>
#include <functional>

using namespace Qt::StringLiterals;
using trunkline::changes::NumberChangePayloads;
using trunkline::core::PhoneNumberRecord;
using trunkline::core::RestcommAttributes;
using trunkline::store::ChangeOperation;
using trunkline::sync::NumberPusher;

using Edit = std::function<void(PhoneNumberRecord&)>;
Q_DECLARE_METATYPE(Edit)

namespace {

PhoneNumberRecord restcommNumber() {
    PhoneNumberRecord number;
    number.provider = u"restcomm"_s;
    number.id = u"PN0123456789abcdef0123456789abcdef"_s;
    number.e164 = u"+16505551234"_s;
    number.label = u"Front desk"_s;
    RestcommAttributes attributes;
    attributes.voiceUrl = u"https://apps.example.com/voice"_s;
    attributes.voiceMethod = u"POST"_s;
    attributes.smsMethod = u"POST"_s;
    number.restcomm = attributes;
    return number;
}

QByteArray compact(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_NumberChangePayloads : public QObject {
    Q_OBJECT

private slots:
    void difference_data();
    void difference();
    void noChangeIsEmpty();
    void updateChange();
    void differencesNameReadOnlyMembers();
    void applyCreatesRestcommAttributes();
    void provision_data();
    void provision();
    void deleteChange();
};

void tst_NumberChangePayloads::difference_data() {
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QByteArray>("expected");

    auto text = [](QString RestcommAttributes::*member, QString value) {
        return Edit([member, value](PhoneNumberRecord& n) { (*n.restcomm).*member = value; });
    };
    QTest::newRow("label") << Edit([](PhoneNumberRecord& n) { n.label = u"Sales"_s; })
                           << QByteArray(R"({"label":"Sales"})");
    QTest::newRow("assign") << Edit([](PhoneNumberRecord& n) { n.extensionId = u"ext-7"_s; })
                            << QByteArray(R"({"extensionId":"ext-7"})");
    QTest::newRow("clear voiceUrl") << text(&RestcommAttributes::voiceUrl, QString())
                                    << QByteArray(R"({"voiceUrl":null})");
    QTest::newRow("voiceMethod") << text(&RestcommAttributes::voiceMethod, u"GET"_s)
                                 << QByteArray(R"({"voiceMethod":"GET"})");
    QTest::newRow("voiceFallbackUrl") << text(&RestcommAttributes::voiceFallbackUrl, u"http://f.example/v"_s)
                                      << QByteArray(R"({"voiceFallbackUrl":"http://f.example/v"})");
    QTest::newRow("voiceFallbackMethod") << text(&RestcommAttributes::voiceFallbackMethod, u"GET"_s)
                                         << QByteArray(R"({"voiceFallbackMethod":"GET"})");
    QTest::newRow("statusCallback") << text(&RestcommAttributes::statusCallback, u"https://s.example/cb"_s)
                                    << QByteArray(R"({"statusCallback":"https://s.example/cb"})");
    QTest::newRow("statusCallbackMethod") << text(&RestcommAttributes::statusCallbackMethod, u"POST"_s)
                                          << QByteArray(R"({"statusCallbackMethod":"POST"})");
    QTest::newRow("voiceApplicationSid") << text(&RestcommAttributes::voiceApplicationSid, u"AP1"_s)
                                         << QByteArray(R"({"voiceApplicationSid":"AP1"})");
    QTest::newRow("smsUrl") << text(&RestcommAttributes::smsUrl, u"https://s.example/sms"_s)
                            << QByteArray(R"({"smsUrl":"https://s.example/sms"})");
    QTest::newRow("smsMethod") << text(&RestcommAttributes::smsMethod, u"GET"_s)
                               << QByteArray(R"({"smsMethod":"GET"})");
    QTest::newRow("smsFallbackUrl") << text(&RestcommAttributes::smsFallbackUrl, u"https://s.example/f"_s)
                                    << QByteArray(R"({"smsFallbackUrl":"https://s.example/f"})");
    QTest::newRow("smsFallbackMethod") << text(&RestcommAttributes::smsFallbackMethod, u"GET"_s)
                                       << QByteArray(R"({"smsFallbackMethod":"GET"})");
    QTest::newRow("smsApplicationSid") << text(&RestcommAttributes::smsApplicationSid, u"AP2"_s)
                                       << QByteArray(R"({"smsApplicationSid":"AP2"})");
    QTest::newRow("referUrl") << text(&RestcommAttributes::referUrl, u"https://r.example/"_s)
                              << QByteArray(R"({"referUrl":"https://r.example/"})");
    QTest::newRow("referMethod") << text(&RestcommAttributes::referMethod, u"GET"_s)
                                 << QByteArray(R"({"referMethod":"GET"})");
    QTest::newRow("referApplicationSid") << text(&RestcommAttributes::referApplicationSid, u"AP3"_s)
                                         << QByteArray(R"({"referApplicationSid":"AP3"})");
    QTest::newRow("callerIdLookup") << Edit([](PhoneNumberRecord& n) {
        n.restcomm->voiceCallerIdLookup = true;
    }) << QByteArray(R"({"voiceCallerIdLookup":true})");
    QTest::newRow("label and unassign") << Edit([](PhoneNumberRecord& n) {
        n.label = QString();
        n.extensionId.clear();
        n.restcomm->smsUrl = u"https://x.example/"_s;
    }) << QByteArray(R"({"label":"","smsUrl":"https://x.example/"})");
}

void tst_NumberChangePayloads::difference() {
    QFETCH(Edit, edit);
    QFETCH(QByteArray, expected);
    const PhoneNumberRecord stored = restcommNumber();
    PhoneNumberRecord edited = stored;
    edit(edited);

    const QJsonObject payload = NumberChangePayloads::numberDifference(stored, edited);
    QCOMPARE(compact(payload), expected);
    // The pusher gets the edited record back from the stored one and the payload.
    PhoneNumberRecord applied = NumberChangePayloads::applyNumberFields(stored, payload);
    QCOMPARE(applied.label, edited.label);
    QCOMPARE(applied.extensionId, edited.extensionId);
    QVERIFY(applied.restcomm.has_value());
    QVERIFY(NumberChangePayloads::numberDifference(applied, edited).isEmpty());
    QCOMPARE(NumberChangePayloads::numberDifferences(applied, edited), QStringList());
    QCOMPARE(NumberChangePayloads::numberDifferences(stored, edited), payload.keys());
}

void tst_NumberChangePayloads::noChangeIsEmpty() {
    const PhoneNumberRecord stored = restcommNumber();
    PhoneNumberRecord edited = stored;
    edited.restcomm->voiceFallbackUrl = u""_s; // empty and null both mean unset
    QVERIFY(NumberChangePayloads::numberDifference(stored, edited).isEmpty());
}

void tst_NumberChangePayloads::updateChange() {
    const PhoneNumberRecord stored = restcommNumber();
    PhoneNumberRecord edited = stored;
    edited.label = u"Support"_s;
    const auto change = NumberChangePayloads::numberUpdate(4, stored, edited, u"v1"_s);
    QCOMPARE(change.profileId, 4);
    QCOMPARE(change.entity, u"phone_number"_s);
    QCOMPARE(change.entityKey, stored.id);
    QCOMPARE(change.operation, ChangeOperation::Update);
    QCOMPARE(change.baseVersion, u"v1"_s);
    QCOMPARE(compact(change.payload), QByteArray(R"({"label":"Support"})"));
}

void tst_NumberChangePayloads::differencesNameReadOnlyMembers() {
    PhoneNumberRecord a = restcommNumber();
    PhoneNumberRecord b = a;
    b.e164 = u"+16505550000"_s;
    b.status = trunkline::core::NumberStatus::Pending;
    QCOMPARE(NumberChangePayloads::numberDifferences(a, b), (QStringList{u"e164"_s, u"status"_s}));
}

void tst_NumberChangePayloads::applyCreatesRestcommAttributes() {
    PhoneNumberRecord ringCentral;
    ringCentral.provider = u"ringcentral"_s;
    ringCentral.extensionId = u"101"_s;
    ringCentral.extensionNumber = u"101"_s;
    PhoneNumberRecord labelled =
        NumberChangePayloads::applyNumberFields(ringCentral, QJsonObject{{u"extensionId"_s, u""_s}});
    QVERIFY(!labelled.restcomm);
    QVERIFY(labelled.extensionId.isEmpty());
    QVERIFY(labelled.extensionNumber.isEmpty());
    const PhoneNumberRecord restcomm = NumberChangePayloads::applyNumberFields(
        ringCentral, QJsonObject{{u"referUrl"_s, u"https://r.example/"_s}});
    QVERIFY(restcomm.restcomm);
    QCOMPARE(restcomm.restcomm->referUrl, u"https://r.example/"_s);
}

void tst_NumberChangePayloads::provision_data() {
    QTest::addColumn<QString>("phoneNumber");
    QTest::addColumn<QString>("areaCode");
    QTest::addColumn<bool>("isSip");
    QTest::addColumn<QString>("numberType");
    QTest::addColumn<QString>("isoCountry");
    QTest::addColumn<QString>("entityKey");
    QTest::addColumn<QByteArray>("payload");

    QTest::newRow("local number") << u"+16505550100"_s << QString() << false << u"Local"_s << u"US"_s
                                  << u"new:+16505550100"_s
                                  << QByteArray(R"({"friendlyName":"Lobby","isSip":false,"isoCountry":"US",)"
                                                R"("numberType":"Local","phoneNumber":"+16505550100"})");
    QTest::newRow("area code") << QString() << u"650"_s << false << u"Local"_s << u"US"_s << u"new:650"_s
                               << QByteArray(R"({"areaCode":"650","friendlyName":"Lobby","isSip":false,)"
                                             R"("isoCountry":"US","numberType":"Local"})");
    QTest::newRow("sip") << u"alice-sip"_s << QString() << true << QString() << QString()
                         << u"new:alice-sip"_s
                         << QByteArray(R"({"friendlyName":"Lobby","isSip":true,"isoCountry":"",)"
                                       R"("numberType":"","phoneNumber":"alice-sip"})");
}

void tst_NumberChangePayloads::provision() {
    QFETCH(QString, phoneNumber);
    QFETCH(QString, areaCode);
    QFETCH(bool, isSip);
    QFETCH(QString, numberType);
    QFETCH(QString, isoCountry);
    QFETCH(QString, entityKey);
    QFETCH(QByteArray, payload);

    const QJsonObject request = NumberChangePayloads::provisionFields(phoneNumber, areaCode, u"Lobby"_s,
                                                                      isSip, numberType, isoCountry);
    QCOMPARE(compact(request), payload);
    const auto change = NumberChangePayloads::numberProvision(9, request);
    QCOMPARE(change.profileId, 9);
    QCOMPARE(change.entity, u"phone_number"_s);
    QCOMPARE(change.operation, ChangeOperation::Create);
    QCOMPARE(change.entityKey, entityKey);
    QVERIFY(change.baseVersion.isEmpty());

    const auto restcommRequest = NumberPusher::provisionRequest(change.payload);
    QCOMPARE(restcommRequest.number.e164, phoneNumber);
    QCOMPARE(restcommRequest.areaCode, areaCode);
    QCOMPARE(restcommRequest.numberType, numberType);
    QCOMPARE(restcommRequest.number.label, u"Lobby"_s);
    QVERIFY(restcommRequest.number.restcomm);
    QCOMPARE(restcommRequest.number.restcomm->pureSip, isSip);
}

void tst_NumberChangePayloads::deleteChange() {
    const PhoneNumberRecord stored = restcommNumber();
    const auto change = NumberChangePayloads::numberDelete(2, stored, u"v7"_s);
    QCOMPARE(change.operation, ChangeOperation::Delete);
    QCOMPARE(change.entityKey, stored.id);
    QCOMPARE(change.baseVersion, u"v7"_s);
    QVERIFY(change.payload.isEmpty());
}

QTEST_GUILESS_MAIN(tst_NumberChangePayloads)
#include "tst_NumberChangePayloads.moc"
