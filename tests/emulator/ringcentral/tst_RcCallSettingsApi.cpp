// RingCentral emulator over real sockets. Call settings of an extension: caller ID, notification settings,
// business hours, the answering rules (default and custom) and greetings.

#include "RcApiTest.h"

using namespace trunkline::emulator;
using namespace trunkline::emulator::test;

class tst_RcCallSettingsApi : public RcApiTest {
    Q_OBJECT

private slots:
    void callerId();
    void notificationSettings();
    void businessHoursAndAnsweringRule();
    void customRules();
    void afterHoursRuleGoesToAnApplication();
    void greetings();

private:
    // The users' extension paths ("/restapi/v1.0/account/~/extension/<id>"), in list order.
    QStringList userExtensions() {
        QStringList paths;
        for (const auto& value :
             m_client->get(path(s("/extension?type=User&perPage=1000")), m_admin).records())
            paths << path(s("/extension/")) +
                         QString::number(static_cast<qint64>(obj(value).value(s("id")).toDouble()));
        return paths;
    }
    QJsonArray records(const QString& uri) {
        const TestReply reply = m_client->get(uri, m_admin);
        return reply.status == 200 ? reply.records() : QJsonArray{};
    }
};

void tst_RcCallSettingsApi::callerId() {
    const QString uri = path(s("/extension/~/caller-id"));
    const TestReply read = m_client->get(uri, m_admin);
    QCOMPARE(read.status, 200);
    const QJsonArray features = read.json().value(s("byFeature")).toArray();
    QVERIFY(features.size() >= 5);
    const QString mainId = QString::number(
        static_cast<qint64>(m_client->get(path(s("/phone-number?usageType=MainCompanyNumber")), m_admin)
                                .records()
                                .first()
                                .toObject()
                                .value(s("id"))
                                .toDouble()));
    const QJsonObject change{
        {s("byFeature"),
         QJsonArray{
             QJsonObject{{s("feature"), s("RingOut")},
                         {s("callerId"), QJsonObject{{s("type"), s("PhoneNumber")},
                                                     {s("phoneInfo"), QJsonObject{{s("id"), mainId}}}}}},
             QJsonObject{{s("feature"), s("MobileApp")},
                         {s("callerId"), QJsonObject{{s("type"), s("Blocked")}}}}}},
        {s("extensionNameForOutboundCalls"), true}};
    const TestReply updated = m_client->putJson(uri, change, m_admin);
    QCOMPARE(updated.status, 200);
    QVERIFY(updated.json().value(s("extensionNameForOutboundCalls")).toBool());
    bool sawRingOut = false;
    bool sawBlocked = false;
    for (const auto& f : m_client->get(uri, m_admin).json().value(s("byFeature")).toArray()) {
        const QJsonObject callerId = obj(obj(f).value(s("callerId")));
        if (obj(f).value(s("feature")).toString() == u"RingOut")
            sawRingOut = obj(callerId.value(s("phoneInfo"))).value(s("id")).toString() == mainId;
        if (obj(f).value(s("feature")).toString() == u"MobileApp")
            sawBlocked = callerId.value(s("type")).toString() == u"Blocked";
    }
    QVERIFY(sawRingOut && sawBlocked);
    // The user asks to show the number `id` as RingOut's caller ID.
    const auto showAsRingOutCallerId = [this, &uri](const QString& id) {
        const QJsonObject ringOut{{s("feature"), s("RingOut")},
                                  {s("callerId"), QJsonObject{{s("type"), s("PhoneNumber")},
                                                              {s("phoneInfo"), QJsonObject{{s("id"), id}}}}}};
        return m_client->putJson(uri, {{s("byFeature"), QJsonArray{ringOut}}}, m_user);
    };
    // Another user's direct number cannot be shown; unknown features are rejected.
    const QJsonArray direct =
        m_client->get(path(s("/phone-number?usageType=DirectNumber")), m_user).records();
    const QString foreign =
        QString::number(static_cast<qint64>(direct.first().toObject().value(s("id")).toDouble()));
    const TestReply notMine = showAsRingOutCallerId(foreign);
    QCOMPARE(notMine.status, 400);
    QCOMPARE(notMine.json().value(s("parameterName")).toString(), s("byFeature.callerId.phoneInfo.id"));
    // The user's own fax line lacks the CallerId feature: refused, naming the feature.
    QString faxLine;
    for (const auto& r : m_client->get(path(s("/extension/~/phone-number")), m_user).records()) {
        if (!obj(r).value(s("features")).toArray().contains(s("CallerId")))
            faxLine = QString::number(static_cast<qint64>(obj(r).value(s("id")).toDouble()));
    }
    QVERIFY(!faxLine.isEmpty());
    const TestReply noFeature = showAsRingOutCallerId(faxLine);
    QCOMPARE(noFeature.status, 400);
    QCOMPARE(noFeature.json().value(s("parameterName")).toString(), s("byFeature.callerId.phoneInfo.id"));
    QVERIFY2(noFeature.json().value(s("message")).toString().contains(s("CallerId")),
             noFeature.body.constData());
    const TestReply badFeature = m_client->putJson(
        uri,
        {{s("byFeature"),
          QJsonArray{QJsonObject{{s("feature"), s("Telepathy")}, {s("callerId"), QJsonObject{}}}}}},
        m_admin);
    QCOMPARE(badFeature.status, 400);
    QCOMPARE(badFeature.json().value(s("parameterName")).toString(), s("byFeature.feature"));
}

void tst_RcCallSettingsApi::notificationSettings() {
    const QString uri = path(s("/extension/~/notification-settings"));
    const QJsonObject read = m_client->get(uri, m_admin).json();
    QVERIFY(read.value(s("voicemails")).toObject().value(s("notifyByEmail")).toBool());
    const TestReply updated = m_client->putJson(
        uri,
        {{s("voicemails"), QJsonObject{{s("notifyBySms"), true},
                                       {s("advancedSmsPhoneNumbers"), QJsonArray{s("+4915112345678")}}}},
         {s("emailAddresses"), QJsonArray{s("ops@example.com")}}},
        m_admin);
    QCOMPARE(updated.status, 200);
    const QJsonObject after = m_client->get(uri, m_admin).json();
    QVERIFY(obj(after.value(s("voicemails"))).value(s("notifyBySms")).toBool());
    QVERIFY(obj(after.value(s("voicemails"))).value(s("notifyByEmail")).toBool()); // untouched fields stay
    QCOMPARE(after.value(s("emailAddresses")).toArray().first().toString(), s("ops@example.com"));

    const TestReply noAddress =
        m_client->putJson(uri, {{s("includeManagers"), false}, {s("emailAddresses"), QJsonArray{}}}, m_admin);
    QCOMPARE(noAddress.status, 400);
    QCOMPARE(noAddress.json().value(s("parameterName")).toString(), s("emailAddresses"));
    const TestReply badMail = m_client->putJson(uri, {{s("emailAddresses"), QJsonArray{s("nope")}}}, m_admin);
    QCOMPARE(badMail.status, 400);
    const TestReply badType =
        m_client->putJson(uri, {{s("missedCalls"), QJsonObject{{s("notifyByEmail"), s("yes")}}}}, m_admin);
    QCOMPARE(badType.status, 400);
    QCOMPARE(badType.json().value(s("parameterName")).toString(), s("missedCalls.notifyByEmail"));
}

void tst_RcCallSettingsApi::businessHoursAndAnsweringRule() {
    const QString ext = path(s("/extension/~"));
    QCOMPARE(m_client->get(ext + s("/answering-rule"), m_admin).records().size(), 2);
    // A forwarding number to ring in the business-hours rule.
    const QString forwardingId =
        m_client->postJson(ext + s("/forwarding-number"), {{s("phoneNumber"), s("+4915199887766")}}, m_admin)
            .json()
            .value(s("id"))
            .toString();
    const QJsonObject rule{
        {s("callHandlingAction"), s("ForwardCalls")},
        {s("forwarding"),
         QJsonObject{
             {s("ringingMode"), s("Simultaneously")},
             {s("rules"), QJsonArray{QJsonObject{{s("index"), 1},
                                                 {s("ringCount"), 3},
                                                 {s("forwardingNumbers"),
                                                  QJsonArray{QJsonObject{{s("id"), forwardingId}}}}}}}}}};
    const TestReply put = m_client->putJson(ext + s("/answering-rule/business-hours-rule"), rule, m_admin);
    QCOMPARE(put.status, 200);
    const QJsonObject forwarding = obj(put.json().value(s("forwarding")));
    QCOMPARE(forwarding.value(s("ringingMode")).toString(), s("Simultaneously"));
    const QJsonObject number = obj(
        obj(forwarding.value(s("rules")).toArray().first()).value(s("forwardingNumbers")).toArray().first());
    QCOMPARE(number.value(s("phoneNumber")).toString(), s("+4915199887766"));
    // Unknown forwarding number ids and caller conditions are refused.
    QJsonObject unknown = rule;
    unknown.insert(
        s("forwarding"),
        QJsonObject{{s("rules"), QJsonArray{QJsonObject{{s("forwardingNumbers"),
                                                         QJsonArray{QJsonObject{{s("id"), s("42")}}}}}}}});
    QCOMPARE(m_client->putJson(ext + s("/answering-rule/business-hours-rule"), unknown, m_admin).status, 404);
    QCOMPARE(
        m_client
            ->putJson(ext + s("/answering-rule/business-hours-rule"), {{s("callers"), QJsonArray{}}}, m_admin)
            .status,
        400);
    QCOMPARE(m_client
                 ->putJson(ext + s("/answering-rule/business-hours-rule"),
                           {{s("callHandlingAction"), s("Dance")}}, m_admin)
                 .json()
                 .value(s("parameterName"))
                 .toString(),
             s("callHandlingAction"));
    // Transfer to another extension of the account (e.g. an IVR): kept and shown; unknown ids refused.
    const QString target = m_client->get(path(s("/extension")), m_admin)
                               .records()
                               .last()
                               .toObject()
                               .value(s("id"))
                               .toVariant()
                               .toString();
    const QJsonObject transfer{
        {s("callHandlingAction"), s("TransferToExtension")},
        {s("transfer"), QJsonObject{{s("extension"), QJsonObject{{s("id"), target}}}}}};
    const TestReply transferred =
        m_client->putJson(ext + s("/answering-rule/business-hours-rule"), transfer, m_admin);
    QCOMPARE(transferred.status, 200);
    QCOMPARE(obj(obj(m_client->get(ext + s("/answering-rule/business-hours-rule"), m_admin)
                         .json()
                         .value(s("transfer")))
                     .value(s("extension")))
                 .value(s("id"))
                 .toString(),
             target);
    const QJsonObject nowhere{
        {s("transfer"), QJsonObject{{s("extension"), QJsonObject{{s("id"), s("777")}}}}}};
    const TestReply refused =
        m_client->putJson(ext + s("/answering-rule/business-hours-rule"), nowhere, m_admin);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json().value(s("parameterName")).toString(), s("transfer.extension.id"));
    // Deleting the forwarding number removes it from the rule.
    QCOMPARE(m_client->del(ext + s("/forwarding-number/") + forwardingId, m_admin).status, 204);
    QVERIFY(obj(m_client->get(ext + s("/answering-rule/business-hours-rule"), m_admin)
                    .json()
                    .value(s("forwarding")))
                .value(s("rules"))
                .toArray()
                .isEmpty());

    // Business hours: bad times are refused; an empty schedule means 24/7 and removes the after-hours rule.
    const TestReply badRange = m_client->putJson(
        ext + s("/business-hours"),
        {{s("schedule"),
          QJsonObject{{s("weeklyRanges"),
                       QJsonObject{{s("monday"), QJsonArray{QJsonObject{{s("from"), s("18:00")},
                                                                        {s("to"), s("09:00")}}}}}}}}},
        m_admin);
    QCOMPARE(badRange.status, 400);
    QCOMPARE(badRange.json().value(s("parameterName")).toString(), s("schedule.weeklyRanges.monday"));
    const TestReply badDay = m_client->putJson(
        ext + s("/business-hours"),
        {{s("schedule"), QJsonObject{{s("weeklyRanges"), QJsonObject{{s("someday"), QJsonArray{}}}}}}},
        m_admin);
    QCOMPARE(badDay.status, 400);
    QCOMPARE(m_client->putJson(ext + s("/business-hours"), {{s("schedule"), QJsonObject{}}}, m_admin).status,
             200);
    QVERIFY(
        m_client->get(ext + s("/business-hours"), m_admin).json().value(s("schedule")).toObject().isEmpty());
    QCOMPARE(m_client->get(ext + s("/answering-rule"), m_admin).records().size(), 1);
    QCOMPARE(m_client->get(ext + s("/answering-rule/after-hours-rule"), m_admin).status, 404);
}

void tst_RcCallSettingsApi::customRules() {
    // The demo gives some people two custom rules: VIP callers forwarded, a holiday closure (disabled).
    QString ext;
    for (const QString& candidate : userExtensions()) {
        if (!records(candidate + s("/answering-rule?type=Custom")).isEmpty()) {
            ext = candidate;
            break;
        }
    }
    QVERIFY(!ext.isEmpty());
    const QJsonArray custom = records(ext + s("/answering-rule?type=Custom&view=Detailed"));
    QCOMPARE(custom.size(), 2);
    const QJsonObject vip = obj(custom.at(0));
    QCOMPARE(vip.value(s("type")).toString(), s("Custom"));
    QCOMPARE(vip.value(s("name")).toString(), s("VIP callers"));
    QCOMPARE(obj(vip.value(s("callers")).toArray().first()).value(s("callerId")).toString(),
             s("+16505550100"));
    QCOMPARE(vip.value(s("callHandlingAction")).toString(), s("UnconditionalForwarding"));
    const QJsonObject holiday = obj(custom.at(1));
    QVERIFY(!holiday.value(s("enabled")).toBool(true));
    QCOMPARE(obj(obj(holiday.value(s("schedule"))).value(s("ranges")).toArray().first())
                 .value(s("from"))
                 .toString(),
             s("2026-12-24T00:00:00"));
    // The simple view names custom rules; the type filter is checked.
    QCOMPARE(obj(records(ext + s("/answering-rule?type=Custom")).first()).value(s("name")).toString(),
             s("VIP callers"));
    QCOMPARE(records(ext + s("/answering-rule")).size(), 4);
    QCOMPARE(m_client->get(ext + s("/answering-rule?type=Holiday"), m_admin).status, 400);

    // Create: a name and a condition are required.
    const QJsonObject night{
        {s("name"), s("Night line")},
        {s("calledNumbers"), QJsonArray{QJsonObject{{s("phoneNumber"), s("+4930901899")}}}},
        {s("callHandlingAction"), s("TakeMessagesOnly")}};
    const TestReply created = m_client->postJson(ext + s("/answering-rule"), night, m_admin);
    QCOMPARE(created.status, 200);
    const QString id = created.json().value(s("id")).toString();
    bool numeric = false;
    id.toLongLong(&numeric);
    QVERIFY2(numeric, qPrintable(id));
    QCOMPARE(created.json().value(s("type")).toString(), s("Custom"));
    QJsonObject noCondition = night;
    noCondition.remove(s("calledNumbers"));
    const TestReply refused = m_client->postJson(ext + s("/answering-rule"), noCondition, m_admin);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json().value(s("parameterName")).toString(), s("schedule"));
    QCOMPARE(m_client
                 ->postJson(ext + s("/answering-rule"),
                            {{s("callers"), QJsonArray{QJsonObject{{s("callerId"), s("+15551234567")}}}}},
                            m_admin)
                 .json()
                 .value(s("parameterName"))
                 .toString(),
             s("name"));

    // Update: the action and the conditions; a condition cannot be emptied away.
    const TestReply updated = m_client->putJson(
        ext + s("/answering-rule/") + id,
        {{s("callHandlingAction"), s("PlayAnnouncementOnly")},
         {s("schedule"),
          QJsonObject{{s("weeklyRanges"),
                       QJsonObject{{s("sunday"), QJsonArray{QJsonObject{{s("from"), s("00:00")},
                                                                        {s("to"), s("24:00")}}}}}}}}},
        m_admin);
    QCOMPARE(updated.status, 200);
    const QJsonObject read = m_client->get(ext + s("/answering-rule/") + id, m_admin).json();
    QCOMPARE(read.value(s("callHandlingAction")).toString(), s("PlayAnnouncementOnly"));
    QCOMPARE(read.value(s("name")).toString(), s("Night line"));
    QVERIFY(obj(obj(read.value(s("schedule"))).value(s("weeklyRanges"))).contains(s("sunday")));
    QCOMPARE(m_client
                 ->putJson(ext + s("/answering-rule/") + id,
                           {{s("calledNumbers"), QJsonArray{}}, {s("schedule"), QJsonObject{}}}, m_admin)
                 .status,
             400);

    // Delete: custom rules only.
    QCOMPARE(m_client->del(ext + s("/answering-rule/after-hours-rule"), m_admin).status, 400);
    QCOMPARE(m_client->del(ext + s("/answering-rule/") + id, m_admin).status, 204);
    QCOMPARE(m_client->get(ext + s("/answering-rule/") + id, m_admin).status, 404);
    QCOMPARE(records(ext + s("/answering-rule?type=Custom")).size(), 2);
}

void tst_RcCallSettingsApi::afterHoursRuleGoesToAnApplication() {
    // The demo sends some people's calls after hours to a call queue or IVR menu ("Go to application").
    QJsonObject rule;
    QString ext;
    for (const QString& candidate : userExtensions()) {
        rule = m_client->get(candidate + s("/answering-rule/after-hours-rule"), m_admin).json();
        if (rule.value(s("callHandlingAction")).toString() == u"TransferToExtension") {
            ext = candidate;
            break;
        }
    }
    QVERIFY(!ext.isEmpty());
    QCOMPARE(rule.value(s("type")).toString(), s("AfterHours"));
    QCOMPARE(obj(rule.value(s("schedule"))).value(s("ref")).toString(), s("AfterHours"));
    const QString target =
        obj(obj(rule.value(s("transfer"))).value(s("extension"))).value(s("id")).toString();
    const QString type =
        m_client->get(path(s("/extension/")) + target, m_admin).json().value(s("type")).toString();
    QVERIFY2(type == u"Department" || type == u"IvrMenu", qPrintable(type));

    // Edited like the business-hours rule: another action, and back to the application.
    const TestReply messages = m_client->putJson(ext + s("/answering-rule/after-hours-rule"),
                                                 {{s("callHandlingAction"), s("TakeMessagesOnly")}}, m_admin);
    QCOMPARE(messages.status, 200);
    QCOMPARE(m_client->get(ext + s("/answering-rule/after-hours-rule"), m_admin)
                 .json()
                 .value(s("callHandlingAction"))
                 .toString(),
             s("TakeMessagesOnly"));
    const QString self = ext.section(u'/', -1);
    const TestReply toSelf =
        m_client->putJson(ext + s("/answering-rule/after-hours-rule"),
                          {{s("callHandlingAction"), s("TransferToExtension")},
                           {s("transfer"), QJsonObject{{s("extension"), QJsonObject{{s("id"), self}}}}}},
                          m_admin);
    QCOMPARE(toSelf.status, 400);
    QCOMPARE(toSelf.json().value(s("parameterName")).toString(), s("transfer.extension.id"));
    // No conditions on a default rule.
    QCOMPARE(
        m_client
            ->putJson(ext + s("/answering-rule/after-hours-rule"), {{s("callers"), QJsonArray{}}}, m_admin)
            .status,
        400);
}

void tst_RcCallSettingsApi::greetings() {
    const QJsonArray presets = m_client->get(s("/restapi/v1.0/dictionary/greeting"), m_admin).records();
    QVERIFY(presets.size() >= 3);
    const QJsonArray voicemail = records(s("/restapi/v1.0/dictionary/greeting?type=Voicemail"));
    QCOMPARE(voicemail.size(), 1);
    QCOMPARE(obj(voicemail.first()).value(s("name")).toString(), s("Default"));
    QCOMPARE(m_client->get(s("/restapi/v1.0/dictionary/greeting?type=Jingle"), m_admin).status, 400);

    // Rules name their greetings: presets with their names, custom recordings by id.
    const QJsonObject business =
        m_client->get(path(s("/extension/~/answering-rule/business-hours-rule")), m_admin).json();
    const QJsonObject first = obj(business.value(s("greetings")).toArray().first());
    QCOMPARE(first.value(s("type")).toString(), s("Voicemail"));
    QCOMPARE(obj(first.value(s("preset"))).value(s("name")).toString(), s("Default"));
    QString customUri;
    QString ext;
    for (const QString& candidate : userExtensions()) {
        const QJsonObject rule =
            m_client->get(candidate + s("/answering-rule/after-hours-rule"), m_admin).json();
        for (const auto& greeting : rule.value(s("greetings")).toArray()) {
            if (obj(greeting).contains(s("custom"))) {
                customUri = obj(obj(greeting).value(s("custom"))).value(s("uri")).toString();
                ext = candidate;
            }
        }
        if (!ext.isEmpty())
            break;
    }
    QVERIFY(!ext.isEmpty());
    const QString greetingId = customUri.section(u'/', -1);
    const TestReply custom = m_client->get(ext + s("/greeting/") + greetingId, m_admin);
    QCOMPARE(custom.status, 200);
    QCOMPARE(custom.json().value(s("type")).toString(), s("Voicemail"));
    QCOMPARE(obj(custom.json().value(s("answeringRule"))).value(s("id")).toString(), s("after-hours-rule"));
    QCOMPARE(m_client->get(ext + s("/greeting/42"), m_admin).status, 404);
}

QTEST_GUILESS_MAIN(tst_RcCallSettingsApi)
#include "tst_RcCallSettingsApi.moc"
