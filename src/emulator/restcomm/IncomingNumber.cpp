#include "emulator/restcomm/IncomingNumber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QXmlStreamWriter>
#include <utility>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::restcomm {

namespace {

enum class Column { Text, Method, Bool, AppSid, Dates, Capabilities };

struct OutputField {
    QString json;
    QString xml;
    Column kind;
};

// Restcomm's member order (docs/api/restcomm-numbers.md §3, confirmed by the upstream expected JSON).
const QList<OutputField>& outputFields() {
    static const QList<OutputField> fields{
        {u"sid"_s, u"Sid"_s, Column::Text},
        {u"account_sid"_s, u"AccountSid"_s, Column::Text},
        {u"friendly_name"_s, u"FriendlyName"_s, Column::Text},
        {u"phone_number"_s, u"PhoneNumber"_s, Column::Text},
        {u"voice_url"_s, u"VoiceUrl"_s, Column::Text},
        {u"voice_method"_s, u"VoiceMethod"_s, Column::Method},
        {u"voice_fallback_url"_s, u"VoiceFallbackUrl"_s, Column::Text},
        {u"voice_fallback_method"_s, u"VoiceFallbackMethod"_s, Column::Method},
        {u"status_callback"_s, u"StatusCallback"_s, Column::Text},
        {u"status_callback_method"_s, u"StatusCallbackMethod"_s, Column::Method},
        {u"voice_caller_id_lookup"_s, u"VoiceCallerIdLookup"_s, Column::Bool},
        {u"voice_application_sid"_s, u"VoiceApplicationSid"_s, Column::AppSid},
        {u"date_created"_s, u"DateCreated"_s, Column::Dates},
        {u"sms_url"_s, u"SmsUrl"_s, Column::Text},
        {u"sms_method"_s, u"SmsMethod"_s, Column::Method},
        {u"sms_fallback_url"_s, u"SmsFallbackUrl"_s, Column::Text},
        {u"sms_fallback_method"_s, u"SmsFallbackMethod"_s, Column::Method},
        {u"sms_application_sid"_s, u"SmsApplicationSid"_s, Column::AppSid},
        {u"ussd_url"_s, u"UssdUrl"_s, Column::Text},
        {u"ussd_method"_s, u"UssdMethod"_s, Column::Method},
        {u"ussd_fallback_url"_s, u"UssdFallbackUrl"_s, Column::Text},
        {u"ussd_fallback_method"_s, u"UssdFallbackMethod"_s, Column::Method},
        {u"ussd_application_sid"_s, u"UssdApplicationSid"_s, Column::AppSid},
        {u"refer_url"_s, u"ReferUrl"_s, Column::Text},
        {u"refer_method"_s, u"ReferMethod"_s, Column::Method},
        {u"refer_application_sid"_s, u"ReferApplicationSid"_s, Column::AppSid},
        {u"capabilities"_s, u"Capabilities"_s, Column::Capabilities},
        {u"api_version"_s, u"ApiVersion"_s, Column::Text},
        {u"uri"_s, u"Uri"_s, Column::Text},
    };
    return fields;
}

QByteArray boolText(bool b) {
    return b ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
}

QString applicationNameKey(const QString& sidKey) {
    QString key = sidKey;
    key.replace(u"_sid"_s, u"_name"_s);
    return key;
}

// The flags of a number as its saved state names them (toState, fromState).
constexpr std::pair<QLatin1StringView, bool IncomingNumber::*> kStateFlags[] = {
    {"voice_caller_id_lookup"_L1, &IncomingNumber::voiceCallerIdLookup},
    {"voice_capable"_L1, &IncomingNumber::voiceCapable},
    {"sms_capable"_L1, &IncomingNumber::smsCapable},
    {"mms_capable"_L1, &IncomingNumber::mmsCapable},
    {"fax_capable"_L1, &IncomingNumber::faxCapable},
    {"pure_sip"_L1, &IncomingNumber::pureSip}};

} // namespace

QByteArray RestcommJson::scalar(const QString& text) {
    if (text.isNull())
        return QByteArrayLiteral("null");
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray RestcommJson::object(const QList<QPair<QString, QByteArray>>& members, int indent) {
    if (members.isEmpty())
        return QByteArrayLiteral("{}");
    QByteArray out = "{\n";
    for (qsizetype i = 0; i < members.size(); ++i) {
        out += pad(indent + 2) + scalar(members.at(i).first) + ": " + members.at(i).second;
        out += i + 1 < members.size() ? ",\n" : "\n";
    }
    out += pad(indent) + '}';
    return out;
}

QString IncomingNumber::restcommDate(const QDateTime& dateTime) {
    // Java "EEE, d MMM yyyy HH:mm:ss Z", US locale; the emulator's server time zone is UTC.
    return QLocale::c().toString(dateTime.toUTC(), u"ddd, d MMM yyyy HH:mm:ss"_s) + u" +0000"_s;
}

QByteArray IncomingNumber::toRestcommJson(int indent, const QHash<QString, QString>& applicationNames) const {
    QList<QPair<QString, QByteArray>> members;
    for (const OutputField& f : outputFields()) {
        switch (f.kind) {
        case Column::Text:
        case Column::Method:
            members.append({f.json, RestcommJson::scalar(value(f.json))});
            break;
        case Column::Bool:
            members.append({f.json, boolText(voiceCallerIdLookup)});
            break;
        case Column::AppSid:
            members.append({f.json, RestcommJson::scalar(value(f.json))});
            // The name appears only with a sid; it is null unless the list query joined it in.
            if (!value(f.json).isNull())
                members.append({applicationNameKey(f.json),
                                RestcommJson::scalar(applicationNames.value(value(f.json)))});
            break;
        case Column::Dates:
            members.append({u"date_created"_s, RestcommJson::scalar(restcommDate(dateCreated))});
            members.append({u"date_updated"_s, RestcommJson::scalar(restcommDate(dateUpdated))});
            break;
        case Column::Capabilities:
            members.append({f.json, RestcommJson::object({{u"voice_capable"_s, boolText(voiceCapable)},
                                                          {u"sms_capable"_s, boolText(smsCapable)},
                                                          {u"mms_capable"_s, boolText(mmsCapable)},
                                                          {u"fax_capable"_s, boolText(faxCapable)}},
                                                         indent + 2)});
            break;
        }
    }
    // The stored uri gets ".json" in JSON answers (docs/api/restcomm-numbers.md §3).
    for (auto& member : members)
        if (member.first == u"uri")
            member.second = RestcommJson::scalar(value(u"uri"_s) + u".json"_s);
    return RestcommJson::object(members, indent);
}

QByteArray IncomingNumber::toRestcommXml(const QHash<QString, QString>& applicationNames) const {
    QByteArray out;
    QXmlStreamWriter xml(&out);
    writeRestcommXml(xml, applicationNames);
    return out;
}

void IncomingNumber::writeRestcommXml(QXmlStreamWriter& xml,
                                      const QHash<QString, QString>& applicationNames) const {
    xml.writeStartElement(u"IncomingPhoneNumber"_s);
    for (const OutputField& f : outputFields()) {
        switch (f.kind) {
        case Column::Text:
        case Column::AppSid:
            if (!value(f.json).isNull())
                xml.writeTextElement(f.xml, value(f.json));
            if (f.kind == Column::AppSid && !value(f.json).isNull() &&
                applicationNames.contains(value(f.json))) {
                QString name = f.xml;
                name.replace(u"Sid"_s, u"Name"_s);
                xml.writeTextElement(name, applicationNames.value(value(f.json)));
            }
            break;
        case Column::Method:
            xml.writeTextElement(f.xml, value(f.json)); // null methods are empty elements
            break;
        case Column::Bool:
            xml.writeTextElement(f.xml, voiceCallerIdLookup ? u"true"_s : u"false"_s);
            break;
        case Column::Dates:
            xml.writeTextElement(u"DateCreated"_s, restcommDate(dateCreated));
            xml.writeTextElement(u"DateUpdated"_s, restcommDate(dateUpdated));
            break;
        case Column::Capabilities:
            xml.writeStartElement(u"Capabilities"_s);
            xml.writeTextElement(u"Voice"_s, voiceCapable ? u"true"_s : u"false"_s);
            xml.writeTextElement(u"Sms"_s, smsCapable ? u"true"_s : u"false"_s);
            xml.writeTextElement(u"Mms"_s, mmsCapable ? u"true"_s : u"false"_s);
            xml.writeTextElement(u"Fax"_s, faxCapable ? u"true"_s : u"false"_s);
            xml.writeEndElement();
            break;
        }
    }
    xml.writeEndElement();
}

QJsonObject IncomingNumber::toState() const {
    QJsonObject columns;
    for (auto it = text.begin(); it != text.end(); ++it)
        columns.insert(it.key(), it.value().isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(it.value()));
    QJsonObject state{{u"columns"_s, columns},
                      {u"organization_sid"_s, organizationSid},
                      {u"type"_s, type},
                      {u"date_created"_s, dateCreated.toString(Qt::ISODateWithMs)},
                      {u"date_updated"_s, dateUpdated.toString(Qt::ISODateWithMs)}};
    for (const auto& [key, member] : kStateFlags)
        state.insert(key, this->*member);
    return state;
}

IncomingNumber IncomingNumber::fromState(const QJsonObject& state) {
    IncomingNumber n;
    const QJsonObject columns = state.value(u"columns"_s).toObject();
    for (auto it = columns.begin(); it != columns.end(); ++it)
        n.text.insert(it.key(), it.value().isNull() ? QString() : it.value().toString());
    for (const auto& [key, member] : kStateFlags)
        n.*member = state.value(key).toBool();
    n.organizationSid = state.value(u"organization_sid"_s).toString();
    n.type = state.value(u"type"_s).toString(u"Global"_s);
    n.dateCreated = QDateTime::fromString(state.value(u"date_created"_s).toString(), Qt::ISODateWithMs);
    n.dateUpdated = QDateTime::fromString(state.value(u"date_updated"_s).toString(), Qt::ISODateWithMs);
    return n;
}

const QList<QPair<QString, QString>>& IncomingNumber::parameterColumns() {
    static const QList<QPair<QString, QString>> columns{
        {u"FriendlyName"_s, u"friendly_name"_s},
        {u"ApiVersion"_s, u"api_version"_s},
        {u"VoiceUrl"_s, u"voice_url"_s},
        {u"VoiceMethod"_s, u"voice_method"_s},
        {u"VoiceFallbackUrl"_s, u"voice_fallback_url"_s},
        {u"VoiceFallbackMethod"_s, u"voice_fallback_method"_s},
        {u"StatusCallback"_s, u"status_callback"_s},
        {u"StatusCallbackMethod"_s, u"status_callback_method"_s},
        {u"VoiceApplicationSid"_s, u"voice_application_sid"_s},
        {u"SmsUrl"_s, u"sms_url"_s},
        {u"SmsMethod"_s, u"sms_method"_s},
        {u"SmsFallbackUrl"_s, u"sms_fallback_url"_s},
        {u"SmsFallbackMethod"_s, u"sms_fallback_method"_s},
        {u"SmsApplicationSid"_s, u"sms_application_sid"_s},
        {u"UssdUrl"_s, u"ussd_url"_s},
        {u"UssdMethod"_s, u"ussd_method"_s},
        {u"UssdFallbackUrl"_s, u"ussd_fallback_url"_s},
        {u"UssdFallbackMethod"_s, u"ussd_fallback_method"_s},
        {u"UssdApplicationSid"_s, u"ussd_application_sid"_s},
        {u"ReferUrl"_s, u"refer_url"_s},
        {u"ReferMethod"_s, u"refer_method"_s},
        {u"ReferApplicationSid"_s, u"refer_application_sid"_s},
    };
    return columns;
}

} // namespace trunkline::emulator::restcomm
