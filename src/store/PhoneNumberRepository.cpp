#include "store/PhoneNumberRepository.h"

#include "store/Transaction.h"

#include <QJsonObject>
#include <utility>

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

// The members of the Restcomm attributes and their keys in the restcomm_json object.
using core::RestcommAttributes;
constexpr std::pair<QLatin1StringView, QString RestcommAttributes::*> kTextMembers[] = {
    {"account_sid"_L1, &RestcommAttributes::accountSid},
    {"voice_url"_L1, &RestcommAttributes::voiceUrl},
    {"voice_method"_L1, &RestcommAttributes::voiceMethod},
    {"voice_fallback_url"_L1, &RestcommAttributes::voiceFallbackUrl},
    {"voice_fallback_method"_L1, &RestcommAttributes::voiceFallbackMethod},
    {"status_callback"_L1, &RestcommAttributes::statusCallback},
    {"status_callback_method"_L1, &RestcommAttributes::statusCallbackMethod},
    {"voice_application_sid"_L1, &RestcommAttributes::voiceApplicationSid},
    {"sms_url"_L1, &RestcommAttributes::smsUrl},
    {"sms_method"_L1, &RestcommAttributes::smsMethod},
    {"sms_fallback_url"_L1, &RestcommAttributes::smsFallbackUrl},
    {"sms_fallback_method"_L1, &RestcommAttributes::smsFallbackMethod},
    {"sms_application_sid"_L1, &RestcommAttributes::smsApplicationSid},
    {"ussd_url"_L1, &RestcommAttributes::ussdUrl},
    {"ussd_method"_L1, &RestcommAttributes::ussdMethod},
    {"ussd_fallback_url"_L1, &RestcommAttributes::ussdFallbackUrl},
    {"ussd_fallback_method"_L1, &RestcommAttributes::ussdFallbackMethod},
    {"ussd_application_sid"_L1, &RestcommAttributes::ussdApplicationSid},
    {"refer_url"_L1, &RestcommAttributes::referUrl},
    {"refer_method"_L1, &RestcommAttributes::referMethod},
    {"refer_application_sid"_L1, &RestcommAttributes::referApplicationSid},
    {"api_version"_L1, &RestcommAttributes::apiVersion},
};
// Stored only when known, so that a number without them keeps the JSON (and the version) it had before
// they were stored at all: changes staged before that still apply without a false conflict.
constexpr std::pair<QLatin1StringView, QString RestcommAttributes::*> kNameMembers[] = {
    {"voice_application_name"_L1, &RestcommAttributes::voiceApplicationName},
    {"sms_application_name"_L1, &RestcommAttributes::smsApplicationName},
    {"ussd_application_name"_L1, &RestcommAttributes::ussdApplicationName},
    {"refer_application_name"_L1, &RestcommAttributes::referApplicationName},
};
constexpr std::pair<QLatin1StringView, bool RestcommAttributes::*> kFlagMembers[] = {
    {"voice_caller_id_lookup"_L1, &RestcommAttributes::voiceCallerIdLookup},
    {"voice_capable"_L1, &RestcommAttributes::voiceCapable},
    {"sms_capable"_L1, &RestcommAttributes::smsCapable},
    {"mms_capable"_L1, &RestcommAttributes::mmsCapable},
    {"fax_capable"_L1, &RestcommAttributes::faxCapable},
    {"pure_sip"_L1, &RestcommAttributes::pureSip},
};
constexpr std::pair<QLatin1StringView, QDateTime RestcommAttributes::*> kTimeMembers[] = {
    {"date_created"_L1, &RestcommAttributes::dateCreated},
    {"date_updated"_L1, &RestcommAttributes::dateUpdated},
};

QString restcommToJson(const RestcommAttributes& r) {
    QJsonObject o;
    for (const auto& [key, member] : kTextMembers)
        o.insert(key, text(r.*member));
    for (const auto& [key, member] : kFlagMembers)
        o.insert(key, r.*member);
    for (const auto& [key, member] : kTimeMembers)
        o.insert(key, text(sql::toText(r.*member).toString()));
    for (const auto& [key, member] : kNameMembers) {
        if (!(r.*member).isNull())
            o.insert(key, r.*member);
    }
    return sql::jsonText(o);
}

RestcommAttributes restcommFromJson(const QString& json) {
    const QJsonObject o = sql::jsonObject(json);
    RestcommAttributes r;
    for (const auto& [key, member] : kTextMembers)
        r.*member = text(o, key);
    for (const auto& [key, member] : kNameMembers)
        r.*member = text(o, key);
    for (const auto& [key, member] : kFlagMembers)
        r.*member = o.value(key).toBool();
    for (const auto& [key, member] : kTimeMembers)
        r.*member = sql::toDateTime(o.value(key).toVariant());
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
            sql::joinWords(core::flagsToWire(n.features)),
            n.extensionId,
            n.extensionNumber,
            n.restcomm ? QVariant(restcommToJson(*n.restcomm)) : QVariant()};
}

} // namespace

PhoneNumberRepository::PhoneNumberRepository(Database& database)
    : RecordAccess(
          database,
          {u"phone_numbers"_s,
           {u"id"_s, u"provider"_s, u"e164"_s, u"digits"_s, u"label"_s, u"usage_type"_s, u"payment_type"_s,
            u"call_type"_s, u"status"_s, u"features"_s, u"extension_id"_s, u"extension_number"_s,
            u"restcomm_json"_s},
           QT_TRANSLATE_NOOP("Repository", "phone numbers")},
          toValues, [](const QSqlQuery& q) { return decodeRow(q, 0); }, u"e164, id"_s) {
}

QString PhoneNumberRepository::versionOf(const core::PhoneNumberRecord& record) const {
    if (!record.restcomm)
        return RecordAccess::versionOf(record);
    core::PhoneNumberRecord unnamed = record;
    unnamed.restcomm->voiceApplicationName = QString();
    unnamed.restcomm->smsApplicationName = QString();
    unnamed.restcomm->ussdApplicationName = QString();
    unnamed.restcomm->referApplicationName = QString();
    return RecordAccess::versionOf(unnamed);
}

bool PhoneNumberRepository::upsert(qint64 profileId, const QList<core::PhoneNumberRecord>& records,
                                   QString* error) const {
    return RecordAccess::upsert(profileId, records, error,
                                [this](const core::PhoneNumberRecord& record) { return versionOf(record); });
}

bool PhoneNumberRepository::forEachExportRow(qint64 profileId, const TextRowSink& sink,
                                             QString* error) const {
    // The texts a record decoded and written out again would have: features are stored comma-separated,
    // times with milliseconds. The order is forEach()'s.
    return forEachTextRow(database(),
                          u"SELECT id, e164, label, usage_type, payment_type, call_type, status, "
                          u"REPLACE(COALESCE(listed_features, features, ''), ',', ' '), extension_id, "
                          u"extension_number, provider, "
                          u"CASE WHEN synced_at IS NULL OR synced_at = '' THEN '' "
                          u"ELSE SUBSTR(synced_at, 1, 19) || 'Z' END "
                          u"FROM phone_numbers WHERE profile_id = ? ORDER BY e164, id"_s,
                          {profileId}, sink, error);
}

bool PhoneNumberRepository::setListedFeatures(qint64 profileId, const QList<core::PhoneNumberRecord>& listed,
                                              QString* error) const {
    Transaction transaction(database());
    if (!transaction.isActive())
        return sql::fail(error, transaction.error());
    for (const core::PhoneNumberRecord& number : listed) {
        if (!number.featuresReported)
            continue;
        const auto what = [&number] {
            return QCoreApplication::translate("Repository", "Cannot save the features of number %1")
                .arg(number.e164);
        };
        if (!sql::execWrite(
                database(), u"UPDATE phone_numbers SET listed_features = ? WHERE profile_id = ? AND id = ?"_s,
                // No features is '', not NULL (= not read yet): a null QString would bind as NULL.
                {QString(u""_s + sql::joinWords(core::flagsToWire(number.features))), profileId, number.id},
                what, error))
            return false;
    }
    return transaction.commit() || sql::fail(error, transaction.error());
}

std::optional<core::NumberFeatures>
PhoneNumberRepository::listedFeatures(qint64 profileId, const QString& numberId, QString* error) const {
    const QVariant features = sql::readValue(
        database(), u"SELECT listed_features FROM phone_numbers WHERE profile_id = ? AND id = ?"_s,
        {profileId, numberId},
        QCoreApplication::translate("Repository", "Cannot read the features of number %1").arg(numberId),
        error);
    if (features.isNull())
        return std::nullopt;
    return core::flagsFromWire<core::NumberFeature>(sql::splitWords(features.toString()));
}

namespace {

// A number from its columns in the table's order (see decodeRow), the text of column i being text(i),
// whatever the row was read with.
template <class Text>
core::PhoneNumberRecord decodeColumns(const Text& text, bool restcommIsNull) {
    core::PhoneNumberRecord n;
    n.id = text(0);
    n.provider = text(1);
    n.e164 = text(2);
    n.label = text(4); // 3 is the digits column, kept only for filtering
    n.usageType = core::fromWire<core::UsageType>(text(5)).value_or(core::UsageType::DirectNumber);
    n.paymentType = core::fromWire<core::PaymentType>(text(6)).value_or(core::PaymentType::Local);
    n.callType = core::fromWire<core::CallType>(text(7)).value_or(core::CallType::VoiceFax);
    n.status = core::fromWire<core::NumberStatus>(text(8)).value_or(core::NumberStatus::Unknown);
    n.features = core::flagsFromWire<core::NumberFeature>(sql::splitWords(text(9)));
    n.extensionId = text(10);
    n.extensionNumber = text(11);
    if (!restcommIsNull) {
        n.restcomm = restcommFromJson(text(12));
    }
    return n;
}

} // namespace

core::PhoneNumberRecord PhoneNumberRepository::decodeRow(const QSqlQuery& q, int first) {
    return decodeColumns([&q, first](int column) { return q.value(first + column).toString(); },
                         q.value(first + 12).isNull());
}

core::PhoneNumberRecord PhoneNumberRepository::decodeTexts(const QList<QByteArrayView>& cells, int first) {
    return decodeColumns([&cells, first](int column) { return QString::fromUtf8(cells.at(first + column)); },
                         cells.at(first + 12).isNull());
}

namespace {

sql::Where whereOf(const PhoneNumberFilter& filter) {
    sql::Where where;
    // Only digits reach the LIKE patterns, so no user text can act as a wildcard.
    const QString contained = digitsOf(filter.digitsContain);
    if (!contained.isEmpty())
        where.add(u"digits LIKE ?"_s, {QString(u'%' + contained + u'%')});
    const QString prefix = digitsOf(filter.e164Prefix);
    if (!prefix.isEmpty())
        where.add(u"digits LIKE ?"_s, {QString(prefix + u'%')});
    if (filter.usageType)
        where.add(u"usage_type = ?"_s, {core::toWire(*filter.usageType)});
    if (!filter.provider.isEmpty())
        where.add(u"provider = ?"_s, {filter.provider});
    if (filter.extensionId)
        where.add(u"extension_id = ?"_s, {sql::notNull(*filter.extensionId)});
    return where;
}

} // namespace

std::optional<core::PhoneNumberRecord>
PhoneNumberRepository::findByE164(qint64 profileId, const QString& e164, QString* error) const {
    const QList<core::PhoneNumberRecord> found =
        select(profileId, {{u"e164 = ?"_s}, {e164}}, error, Page{0, 1});
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

QList<core::PhoneNumberRecord> PhoneNumberRepository::list(qint64 profileId, const PhoneNumberFilter& filter,
                                                           QString* error, const Page& page) const {
    return select(profileId, whereOf(filter), error, page);
}

int PhoneNumberRepository::count(qint64 profileId, const PhoneNumberFilter& filter, QString* error) const {
    return RecordAccess::count(profileId, whereOf(filter), error);
}

} // namespace trunkline::store
