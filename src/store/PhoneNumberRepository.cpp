#include "store/PhoneNumberRepository.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

QString digitsOf(const QString& text) {
    QString digits;
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9') {
            digits += c;
        }
    }
    return digits;
}

// Restcomm's extra attributes are one JSON object: the console shows and edits them as a block and
// never filters by them. Null strings stay JSON null, as on the wire.
QJsonValue text(const QString& value) {
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QString text(const QJsonObject& object, QLatin1StringView key) {
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

QString restcommToJson(const core::RestcommAttributes& r) {
    QJsonObject o;
    o.insert("account_sid"_L1, text(r.accountSid));
    o.insert("voice_url"_L1, text(r.voiceUrl));
    o.insert("voice_method"_L1, text(r.voiceMethod));
    o.insert("voice_fallback_url"_L1, text(r.voiceFallbackUrl));
    o.insert("voice_fallback_method"_L1, text(r.voiceFallbackMethod));
    o.insert("status_callback"_L1, text(r.statusCallback));
    o.insert("status_callback_method"_L1, text(r.statusCallbackMethod));
    o.insert("voice_caller_id_lookup"_L1, r.voiceCallerIdLookup);
    o.insert("voice_application_sid"_L1, text(r.voiceApplicationSid));
    o.insert("sms_url"_L1, text(r.smsUrl));
    o.insert("sms_method"_L1, text(r.smsMethod));
    o.insert("sms_fallback_url"_L1, text(r.smsFallbackUrl));
    o.insert("sms_fallback_method"_L1, text(r.smsFallbackMethod));
    o.insert("sms_application_sid"_L1, text(r.smsApplicationSid));
    o.insert("ussd_url"_L1, text(r.ussdUrl));
    o.insert("ussd_method"_L1, text(r.ussdMethod));
    o.insert("ussd_fallback_url"_L1, text(r.ussdFallbackUrl));
    o.insert("ussd_fallback_method"_L1, text(r.ussdFallbackMethod));
    o.insert("ussd_application_sid"_L1, text(r.ussdApplicationSid));
    o.insert("refer_url"_L1, text(r.referUrl));
    o.insert("refer_method"_L1, text(r.referMethod));
    o.insert("refer_application_sid"_L1, text(r.referApplicationSid));
    o.insert("voice_capable"_L1, r.voiceCapable);
    o.insert("sms_capable"_L1, r.smsCapable);
    o.insert("mms_capable"_L1, r.mmsCapable);
    o.insert("fax_capable"_L1, r.faxCapable);
    o.insert("pure_sip"_L1, r.pureSip);
    o.insert("api_version"_L1, text(r.apiVersion));
    o.insert("date_created"_L1, text(sql::toText(r.dateCreated).toString()));
    o.insert("date_updated"_L1, text(sql::toText(r.dateUpdated).toString()));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

core::RestcommAttributes restcommFromJson(const QString& json) {
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    core::RestcommAttributes r;
    r.accountSid = text(o, "account_sid"_L1);
    r.voiceUrl = text(o, "voice_url"_L1);
    r.voiceMethod = text(o, "voice_method"_L1);
    r.voiceFallbackUrl = text(o, "voice_fallback_url"_L1);
    r.voiceFallbackMethod = text(o, "voice_fallback_method"_L1);
    r.statusCallback = text(o, "status_callback"_L1);
    r.statusCallbackMethod = text(o, "status_callback_method"_L1);
    r.voiceCallerIdLookup = o.value("voice_caller_id_lookup"_L1).toBool();
    r.voiceApplicationSid = text(o, "voice_application_sid"_L1);
    r.smsUrl = text(o, "sms_url"_L1);
    r.smsMethod = text(o, "sms_method"_L1);
    r.smsFallbackUrl = text(o, "sms_fallback_url"_L1);
    r.smsFallbackMethod = text(o, "sms_fallback_method"_L1);
    r.smsApplicationSid = text(o, "sms_application_sid"_L1);
    r.ussdUrl = text(o, "ussd_url"_L1);
    r.ussdMethod = text(o, "ussd_method"_L1);
    r.ussdFallbackUrl = text(o, "ussd_fallback_url"_L1);
    r.ussdFallbackMethod = text(o, "ussd_fallback_method"_L1);
    r.ussdApplicationSid = text(o, "ussd_application_sid"_L1);
    r.referUrl = text(o, "refer_url"_L1);
    r.referMethod = text(o, "refer_method"_L1);
    r.referApplicationSid = text(o, "refer_application_sid"_L1);
    r.voiceCapable = o.value("voice_capable"_L1).toBool();
    r.smsCapable = o.value("sms_capable"_L1).toBool();
    r.mmsCapable = o.value("mms_capable"_L1).toBool();
    r.faxCapable = o.value("fax_capable"_L1).toBool();
    r.pureSip = o.value("pure_sip"_L1).toBool();
    r.apiVersion = text(o, "api_version"_L1);
    r.dateCreated = sql::toDateTime(o.value("date_created"_L1).toVariant());
    r.dateUpdated = sql::toDateTime(o.value("date_updated"_L1).toVariant());
    return r;
}

QVariantList toValues(const core::PhoneNumberRecord& n) {
    return {n.id,
            n.provider,
            n.e164,
            digitsOf(n.e164),
            n.label,
            core::toWire(n.usageType),
            core::toWire(n.paymentType),
            core::toWire(n.callType),
            core::toWire(n.status),
            sql::joinWords(core::numberFeaturesToWire(n.features)),
            n.extensionId,
            n.extensionNumber,
            n.restcomm ? QVariant(restcommToJson(*n.restcomm)) : QVariant()};
}

core::PhoneNumberRecord fromRow(const QSqlQuery& q) {
    core::PhoneNumberRecord n;
    n.id = q.value(0).toString();
    n.provider = q.value(1).toString();
    n.e164 = q.value(2).toString();
    n.label = q.value(4).toString();
    n.usageType = core::usageTypeFromWire(q.value(5).toString()).value_or(core::UsageType::DirectNumber);
    n.paymentType = core::paymentTypeFromWire(q.value(6).toString()).value_or(core::PaymentType::Local);
    n.callType = core::callTypeFromWire(q.value(7).toString()).value_or(core::CallType::VoiceFax);
    n.status = core::numberStatusFromWire(q.value(8).toString()).value_or(core::NumberStatus::Unknown);
    n.features = core::numberFeaturesFromWire(sql::splitWords(q.value(9).toString()));
    n.extensionId = q.value(10).toString();
    n.extensionNumber = q.value(11).toString();
    if (!q.value(12).isNull()) {
        n.restcomm = restcommFromJson(q.value(12).toString());
    }
    return n;
}

} // namespace

PhoneNumberRepository::PhoneNumberRepository(Database& database)
    : RecordAccess(database,
                   {u"phone_numbers"_s,
                    {u"id"_s, u"provider"_s, u"e164"_s, u"digits"_s, u"label"_s, u"usage_type"_s,
                     u"payment_type"_s, u"call_type"_s, u"status"_s, u"features"_s, u"extension_id"_s,
                     u"extension_number"_s, u"restcomm_json"_s},
                    QT_TRANSLATE_NOOP("Repository", "phone numbers")},
                   toValues, fromRow, u"e164, id"_s) {
}

namespace {

sql::Where whereOf(const PhoneNumberFilter& filter) {
    sql::Where where;
    // Only digits reach the LIKE patterns, so no user text can act as a wildcard.
    const QString contained = digitsOf(filter.digitsContain);
    if (!contained.isEmpty()) {
        where.conditions << u"digits LIKE ?"_s;
        where.values << QString(u'%' + contained + u'%');
    }
    const QString prefix = digitsOf(filter.e164Prefix);
    if (!prefix.isEmpty()) {
        where.conditions << u"digits LIKE ?"_s;
        where.values << QString(prefix + u'%');
    }
    if (filter.usageType) {
        where.conditions << u"usage_type = ?"_s;
        where.values << core::toWire(*filter.usageType);
    }
    if (!filter.provider.isEmpty()) {
        where.conditions << u"provider = ?"_s;
        where.values << filter.provider;
    }
    if (filter.extensionId) {
        where.conditions << u"extension_id = ?"_s;
        where.values << sql::notNull(*filter.extensionId);
    }
    return where;
}

} // namespace

QList<core::PhoneNumberRecord> PhoneNumberRepository::list(qint64 profileId, const PhoneNumberFilter& filter,
                                                           QString* error, const Page& page) const {
    return select(profileId, whereOf(filter), error, page);
}

int PhoneNumberRepository::count(qint64 profileId, const PhoneNumberFilter& filter, QString* error) const {
    return RecordAccess::count(profileId, whereOf(filter), error);
}

} // namespace trunkline::store
