// Builds JSON from concatenated strings; QStringBuilder's lazy results do not convert to QJsonValue.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/ringcentral/RcApi.h"
#include "emulator/ringcentral/RcBodyReader.h"
#include "emulator/ringcentral/RcErrors.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

namespace {

const QStringList kNotificationBlocks = {u"voicemails"_s, u"inboundFaxes"_s, u"outboundFaxes"_s,
                                         u"inboundTexts"_s, u"missedCalls"_s};

QJsonObject defaultNotifications(const RcExtension& e) {
    auto block = [](bool byEmail, bool attachment) {
        QJsonObject o{{u"notifyByEmail"_s, byEmail},
                      {u"notifyBySms"_s, false},
                      {u"advancedEmailAddresses"_s, QJsonArray{}},
                      {u"advancedSmsEmailAddresses"_s, QJsonArray{}}};
        if (attachment)
            o.insert(u"includeAttachment"_s, false);
        return o;
    };
    QJsonObject voicemails = block(true, true);
    voicemails.insert(u"includeTranscription"_s, false);
    voicemails.insert(u"markAsRead"_s, false);
    QJsonObject faxes = block(true, true);
    faxes.insert(u"markAsRead"_s, false);
    return {{u"emailAddresses"_s, QJsonArray{e.email}},
            {u"smsEmailAddresses"_s, QJsonArray{}},
            {u"advancedMode"_s, false},
            {u"includeManagers"_s, true},
            {u"voicemails"_s, voicemails},
            {u"inboundFaxes"_s, faxes},
            {u"outboundFaxes"_s, block(false, false)},
            {u"inboundTexts"_s, block(false, false)},
            {u"missedCalls"_s, block(false, false)}};
}

// The settings as GET answers them: the stored ones (or the defaults) with the uri and the recipients.
QJsonObject notificationsJson(const RcCall& call, const RcExtension& e) {
    QJsonObject o = e.notificationSettings.isEmpty() ? defaultNotifications(e) : e.notificationSettings;
    o.insert(u"uri"_s, call.extensionUri(e.id) + u"/notification-settings"_s);
    o.insert(u"emailRecipients"_s, QJsonArray{QJsonObject{{u"extensionId"_s, QString::number(e.id)},
                                                          {u"fullName"_s, e.name},
                                                          {u"extensionNumber"_s, e.extensionNumber},
                                                          {u"emailAddresses"_s, o.value(u"emailAddresses"_s)},
                                                          {u"permission"_s, u"FullAccess"_s}}});
    return o;
}

} // namespace

EmulatorResponse RcNotificationsApi::get(RcCall& call, const RcExtension& extension) {
    return jsonResponse(notificationsJson(call, extension));
}

EmulatorResponse RcNotificationsApi::put(RcCall& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = RcBodyReader::parse(call.request, &body))
        return *error;
    QJsonObject settings = extension.notificationSettings.isEmpty() ? defaultNotifications(extension)
                                                                    : extension.notificationSettings;
    RcBodyReader r;
    // String lists: e-mail lists must hold e-mail addresses, SMS lists at most ten E.164 numbers.
    auto stringList = [&](const QJsonObject& from, const QString& key, const QString& path, bool emails,
                          bool phones, QJsonObject* into) {
        QJsonArray list;
        if (!r.array(from, key, path, &list))
            return;
        if (phones && list.size() > 10) {
            r.fail(path, tr("At most 10 phone numbers are allowed, got %1.").arg(list.size()));
            return;
        }
        for (const auto& item : list) {
            if (!r.typeCheck(item, QJsonValue::String, path, tr("a list of strings")))
                return;
            const QString text = item.toString();
            if (emails && !RcBodyReader::isEmail(text)) {
                r.fail(path, tr("\"%1\" is not an e-mail address.").arg(text), text);
                return;
            }
            if (phones && !JsonRequestReader::isValidE164(text)) {
                r.fail(path, tr("\"%1\" is not a valid phone number in E.164 format.").arg(text), text);
                return;
            }
        }
        into->insert(key, list);
    };
    stringList(body, u"emailAddresses"_s, u"emailAddresses"_s, true, false, &settings);
    stringList(body, u"smsEmailAddresses"_s, u"smsEmailAddresses"_s, true, false, &settings);
    stringList(body, u"smsPhoneNumbers"_s, u"smsPhoneNumbers"_s, false, true, &settings);
    bool flag = false;
    if (r.boolean(body, u"advancedMode"_s, u"advancedMode"_s, &flag))
        settings.insert(u"advancedMode"_s, flag);
    if (r.boolean(body, u"includeManagers"_s, u"includeManagers"_s, &flag))
        settings.insert(u"includeManagers"_s, flag);
    for (const QString& name : kNotificationBlocks) {
        QJsonObject incoming;
        if (!r.object(body, name, name, &incoming))
            continue;
        QJsonObject block = settings.value(name).toObject();
        for (const QString& key : {u"notifyByEmail"_s, u"notifyBySms"_s, u"includeAttachment"_s,
                                   u"includeTranscription"_s, u"markAsRead"_s}) {
            if (r.boolean(incoming, key, name + u'.' + key, &flag))
                block.insert(key, flag);
        }
        stringList(incoming, u"advancedEmailAddresses"_s, name + u".advancedEmailAddresses"_s, true, false,
                   &block);
        stringList(incoming, u"advancedSmsEmailAddresses"_s, name + u".advancedSmsEmailAddresses"_s, true,
                   false, &block);
        stringList(incoming, u"advancedSmsPhoneNumbers"_s, name + u".advancedSmsPhoneNumbers"_s, false, true,
                   &block);
        settings.insert(name, block);
    }
    if (r.failed())
        return r.error();
    if (!settings.value(u"includeManagers"_s).toBool(true) &&
        settings.value(u"emailAddresses"_s).toArray().isEmpty())
        return RcErrors::invalidParameter(
            u"emailAddresses"_s, tr("The e-mail addresses cannot be empty when includeManagers is false."));
    extension.notificationSettings = settings;
    return jsonResponse(notificationsJson(call, extension));
}
} // namespace trunkline::emulator::ringcentral
