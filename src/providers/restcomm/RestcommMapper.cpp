#include "providers/restcomm/RestcommMapper.h"

#include "providers/ProviderCalls.h"

#include <QJsonArray>
#include <QLocale>
#include <QTimeZone>

namespace trunkline::providers::restcomm {

using namespace Qt::StringLiterals;

namespace {

// JSON null (or absent) -> null QString; a string as is.
QString nullable(const QJsonObject& object, QLatin1StringView key) {
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

QJsonValue nullableJson(const QString& value) {
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QString boolText(bool value) {
    return value ? u"true"_s : u"false"_s;
}

// The (JSON key, form parameter, member) triples of every text field, in Restcomm's order (§3).
struct TextField {
    QLatin1StringView json;
    QLatin1StringView form;
    QString core::RestcommAttributes::*member;
    bool isMethod;
};

const std::array<TextField, 20> kTextFields{{
    {"voice_url"_L1, "VoiceUrl"_L1, &core::RestcommAttributes::voiceUrl, false},
    {"voice_method"_L1, "VoiceMethod"_L1, &core::RestcommAttributes::voiceMethod, true},
    {"voice_fallback_url"_L1, "VoiceFallbackUrl"_L1, &core::RestcommAttributes::voiceFallbackUrl, false},
    {"voice_fallback_method"_L1, "VoiceFallbackMethod"_L1, &core::RestcommAttributes::voiceFallbackMethod,
     true},
    {"status_callback"_L1, "StatusCallback"_L1, &core::RestcommAttributes::statusCallback, false},
    {"status_callback_method"_L1, "StatusCallbackMethod"_L1, &core::RestcommAttributes::statusCallbackMethod,
     true},
    {"voice_application_sid"_L1, "VoiceApplicationSid"_L1, &core::RestcommAttributes::voiceApplicationSid,
     false},
    {"sms_url"_L1, "SmsUrl"_L1, &core::RestcommAttributes::smsUrl, false},
    {"sms_method"_L1, "SmsMethod"_L1, &core::RestcommAttributes::smsMethod, true},
    {"sms_fallback_url"_L1, "SmsFallbackUrl"_L1, &core::RestcommAttributes::smsFallbackUrl, false},
    {"sms_fallback_method"_L1, "SmsFallbackMethod"_L1, &core::RestcommAttributes::smsFallbackMethod, true},
    {"sms_application_sid"_L1, "SmsApplicationSid"_L1, &core::RestcommAttributes::smsApplicationSid, false},
    {"ussd_url"_L1, "UssdUrl"_L1, &core::RestcommAttributes::ussdUrl, false},
    {"ussd_method"_L1, "UssdMethod"_L1, &core::RestcommAttributes::ussdMethod, true},
    {"ussd_fallback_url"_L1, "UssdFallbackUrl"_L1, &core::RestcommAttributes::ussdFallbackUrl, false},
    {"ussd_fallback_method"_L1, "UssdFallbackMethod"_L1, &core::RestcommAttributes::ussdFallbackMethod, true},
    {"ussd_application_sid"_L1, "UssdApplicationSid"_L1, &core::RestcommAttributes::ussdApplicationSid,
     false},
    {"refer_url"_L1, "ReferUrl"_L1, &core::RestcommAttributes::referUrl, false},
    {"refer_method"_L1, "ReferMethod"_L1, &core::RestcommAttributes::referMethod, true},
    {"refer_application_sid"_L1, "ReferApplicationSid"_L1, &core::RestcommAttributes::referApplicationSid,
     false},
}};

struct FlagField {
    QLatin1StringView json; // inside "capabilities"
    QLatin1StringView form;
    bool core::RestcommAttributes::*member;
};

const std::array<FlagField, 4> kCapabilities{{
    {"voice_capable"_L1, "VoiceCapable"_L1, &core::RestcommAttributes::voiceCapable},
    {"sms_capable"_L1, "SmsCapable"_L1, &core::RestcommAttributes::smsCapable},
    {"mms_capable"_L1, "MmsCapable"_L1, &core::RestcommAttributes::mmsCapable},
    {"fax_capable"_L1, "FaxCapable"_L1, &core::RestcommAttributes::faxCapable},
}};

// Read, never written: Restcomm sends them only in lists, and takes none (§3).
constexpr std::pair<QLatin1StringView, QString core::RestcommAttributes::*> kApplicationNames[] = {
    {"voice_application_name"_L1, &core::RestcommAttributes::voiceApplicationName},
    {"sms_application_name"_L1, &core::RestcommAttributes::smsApplicationName},
    {"ussd_application_name"_L1, &core::RestcommAttributes::ussdApplicationName},
    {"refer_application_name"_L1, &core::RestcommAttributes::referApplicationName},
};

const QString kDateFormat = u"ddd, d MMM yyyy HH:mm:ss"_s;

// The app's name of a form parameter, as change payloads name the field: "VoiceUrl" -> "voiceUrl".
QString fieldName(QLatin1StringView form) {
    QString name = form.toString();
    name[0] = name[0].toLower();
    return name;
}

} // namespace

QDateTime RestcommMapper::date(const QJsonValue& value) {
    // Qt cannot parse a numeric "+0000" zone with a format, so the offset is applied by hand.
    const QString text = value.toString().trimmed();
    const qsizetype space = text.lastIndexOf(u' ');
    if (space < 0)
        return {};
    const QString zone = text.mid(space + 1);
    if (zone.size() != 5 || (zone[0] != u'+' && zone[0] != u'-'))
        return {};
    bool okHours = false;
    bool okMinutes = false;
    const int hours = zone.mid(1, 2).toInt(&okHours);
    const int minutes = zone.mid(3, 2).toInt(&okMinutes);
    if (!okHours || !okMinutes)
        return {};
    QDateTime local =
        QLocale(QLocale::English, QLocale::UnitedStates).toDateTime(text.left(space), kDateFormat);
    if (!local.isValid())
        return {};
    local.setTimeZone(QTimeZone::utc());
    const int offsetSeconds = (hours * 3600 + minutes * 60) * (zone[0] == u'-' ? -1 : 1);
    return local.addSecs(-offsetSeconds);
}

QJsonValue RestcommMapper::dateJson(const QDateTime& time) {
    if (!time.isValid())
        return QJsonValue(QJsonValue::Null);
    return QString(QLocale(QLocale::English, QLocale::UnitedStates).toString(time.toUTC(), kDateFormat) +
                   u" +0000"_s);
}

std::optional<core::PhoneNumberRecord> RestcommMapper::incomingNumber(const QJsonObject& json,
                                                                      QString* problem) {
    core::PhoneNumberRecord number;
    number.provider = core::kProviderRestcomm.toString();
    number.id = json.value("sid"_L1).toString();
    number.e164 = json.value("phone_number"_L1).toString();
    if (number.id.isEmpty() || number.e164.isEmpty())
        return unreadable(
            problem,
            tr("Incoming number %1: the required fields “sid” and “phone_number” must both be present.")
                .arg(number.id.isEmpty() ? number.e164 : number.id));
    number.label = json.value("friendly_name"_L1).toString();
    core::RestcommAttributes a;
    a.accountSid = json.value("account_sid"_L1).toString();
    for (const TextField& field : kTextFields)
        a.*field.member = nullable(json, field.json);
    a.voiceCallerIdLookup = json.value("voice_caller_id_lookup"_L1).toBool();
    const QJsonObject capabilities = json.value("capabilities"_L1).toObject();
    for (const FlagField& flag : kCapabilities)
        a.*flag.member = capabilities.value(flag.json).toBool(); // null is printed as false (§3)
    for (const auto& [key, member] : kApplicationNames)
        a.*member = nullable(json, key);
    // pure_sip is not part of Restcomm's representation; the record keeps what was provisioned.
    a.apiVersion = json.value("api_version"_L1).toString();
    a.dateCreated = date(json.value("date_created"_L1));
    a.dateUpdated = date(json.value("date_updated"_L1));
    number.restcomm = a;
    return number;
}

QJsonObject RestcommMapper::incomingNumberToJson(const core::PhoneNumberRecord& number) {
    const core::RestcommAttributes a = number.restcomm.value_or(core::RestcommAttributes{});
    QJsonObject json{{u"sid"_s, number.id},
                     {u"account_sid"_s, a.accountSid},
                     {u"friendly_name"_s, number.label},
                     {u"phone_number"_s, number.e164},
                     {u"voice_caller_id_lookup"_s, a.voiceCallerIdLookup},
                     {u"date_created"_s, dateJson(a.dateCreated)},
                     {u"date_updated"_s, dateJson(a.dateUpdated)},
                     {u"api_version"_s, a.apiVersion}};
    for (const TextField& field : kTextFields)
        json.insert(field.json, nullableJson(a.*field.member));
    QJsonObject capabilities;
    for (const FlagField& flag : kCapabilities)
        capabilities.insert(flag.json, a.*flag.member);
    json.insert(u"capabilities"_s, capabilities);
    return json;
}

QUrlQuery RestcommMapper::updateForm(const core::PhoneNumberRecord& number, const QStringList& fields) {
    const core::RestcommAttributes a = number.restcomm.value_or(core::RestcommAttributes{});
    QUrlQuery form;
    if (fields.contains(u"label"_s))
        form.addQueryItem(u"FriendlyName"_s, number.label);
    for (const TextField& field : kTextFields) {
        const QString& value = a.*field.member;
        if (!fields.contains(fieldName(field.form)) || (field.isMethod && value.isNull()))
            continue;
        form.addQueryItem(field.form.toString(), value); // empty clears a URL or sid (§6)
    }
    if (fields.contains(u"voiceCallerIdLookup"_s))
        form.addQueryItem(u"VoiceCallerIdLookup"_s, boolText(a.voiceCallerIdLookup));
    for (const FlagField& flag : kCapabilities) {
        if (fields.contains(fieldName(flag.form)))
            form.addQueryItem(flag.form.toString(), boolText(a.*flag.member));
    }
    return form;
}

QUrlQuery RestcommMapper::provisionForm(const ProvisionRequest& request) {
    const core::RestcommAttributes a = request.number.restcomm.value_or(core::RestcommAttributes{});
    QUrlQuery form;
    if (!request.number.e164.isEmpty())
        form.addQueryItem(u"PhoneNumber"_s, request.number.e164);
    else
        form.addQueryItem(u"AreaCode"_s, request.areaCode);
    if (!request.number.label.isEmpty())
        form.addQueryItem(u"FriendlyName"_s, request.number.label);
    // isSIP is sent only when true: Restcomm treats any present value as "skip the provider" (§5 quirk),
    // so "false" would store an unbought number.
    if (a.pureSip)
        form.addQueryItem(u"isSIP"_s, u"true"_s);
    for (const TextField& field : kTextFields) {
        const QString& value = a.*field.member;
        if (!value.isEmpty())
            form.addQueryItem(field.form.toString(), value);
    }
    if (a.voiceCallerIdLookup)
        form.addQueryItem(u"VoiceCallerIdLookup"_s, u"true"_s);
    for (const FlagField& flag : kCapabilities)
        if (a.*flag.member)
            form.addQueryItem(flag.form.toString(), u"true"_s);
    return form;
}

std::optional<AvailableNumber> RestcommMapper::availableNumber(const QJsonObject& json, QString* problem) {
    AvailableNumber number;
    number.phoneNumber = json.value("phoneNumber"_L1).toString();
    if (number.phoneNumber.isEmpty())
        return unreadable(problem, tr("Available number: the required field “phoneNumber” is missing."));
    number.friendlyName = json.value("friendlyName"_L1).toString();
    number.isoCountry = json.value("isoCountry"_L1).toString();
    number.region = json.value("region"_L1).toString();
    number.postalCode = json.value("postalCode"_L1).toString();
    number.voiceCapable = json.value("voiceCapable"_L1).toBool();
    number.smsCapable = json.value("smsCapable"_L1).toBool();
    number.mmsCapable = json.value("mmsCapable"_L1).toBool();
    number.faxCapable = json.value("faxCapable"_L1).toBool();
    return number;
}

} // namespace trunkline::providers::restcomm
