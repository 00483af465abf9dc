#include "emulator/telnyx/TelnyxRecords.h"

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

QString TelnyxRecords::uuid(QRandomGenerator& rng) {
    QByteArray bytes(16, '\0');
    for (int i = 0; i < 16; i += 4) {
        const quint32 v = rng.generate();
        for (int b = 0; b < 4; ++b)
            bytes[i + b] = static_cast<char>((v >> (8 * b)) & 0xffu);
    }
    bytes[6] = static_cast<char>((static_cast<quint8>(bytes[6]) & 0x0fu) | 0x40u); // version 4
    bytes[8] = static_cast<char>((static_cast<quint8>(bytes[8]) & 0x3fu) | 0x80u); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QString TelnyxRecords::timestamp(const QDateTime& utc) {
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QString TelnyxRecords::loaRequirementTypeId() {
    return u"3f7a5e2c-0b1d-4c8e-9a61-7d2f4b8c1e01"_s;
}

QString TelnyxRecords::invoiceRequirementTypeId() {
    return u"9b2c6d41-5e7f-4a30-8c12-1f6e3d9a7b02"_s;
}

QJsonObject TelnyxRecords::newOrder(const QString& id, const QString& userId, const QString& countryCode,
                                    const QString& phoneNumberType, const QString& customerReference,
                                    const QString& customerGroupReference, const QDateTime& now) {
    const QString stamp = timestamp(now);
    auto orNull = [](const QString& s) {
        return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    };
    const QJsonValue null(QJsonValue::Null);
    QJsonArray requirements;
    for (const QString& typeId : {loaRequirementTypeId(), invoiceRequirementTypeId()})
        requirements.append(QJsonObject{{u"field_type"_s, u"document"_s},
                                        {u"field_value"_s, null},
                                        {u"record_type"_s, u"porting_requirement"_s},
                                        {u"requirement_type_id"_s, typeId}});
    return QJsonObject{
        {u"id"_s, id},
        {u"record_type"_s, u"porting_order"_s},
        {u"created_at"_s, stamp},
        {u"updated_at"_s, stamp},
        {u"customer_reference"_s, orNull(customerReference)},
        {u"customer_group_reference"_s, orNull(customerGroupReference)},
        {u"description"_s, QStringLiteral("%1 porting order").arg(countryCode)},
        {u"user_id"_s, userId},
        {u"webhook_url"_s, null},
        {u"support_key"_s, null},
        {u"parent_support_key"_s, null},
        {u"status"_s, QJsonObject{{u"value"_s, u"draft"_s}, {u"details"_s, QJsonArray{}}}},
        {u"requirements"_s, requirements},
        {u"requirements_met"_s, false},
        {u"additional_steps"_s, QJsonArray{}},
        {u"phone_number_type"_s, phoneNumberType},
        {u"old_service_provider_ocn"_s, null},
        {u"phone_number_configuration"_s, QJsonObject{{u"billing_group_id"_s, null},
                                                      {u"connection_id"_s, null},
                                                      {u"emergency_address_id"_s, null},
                                                      {u"messaging_profile_id"_s, null},
                                                      {u"tags"_s, QJsonArray{}}}},
        {u"activation_settings"_s, QJsonObject{{u"activation_status"_s, null},
                                               {u"fast_port_eligible"_s, false},
                                               {u"foc_datetime_requested"_s, null},
                                               {u"foc_datetime_actual"_s, null}}},
        {u"end_user"_s, QJsonObject{{u"admin"_s, QJsonObject{{u"entity_name"_s, null},
                                                             {u"auth_person_name"_s, null},
                                                             {u"billing_phone_number"_s, null},
                                                             {u"account_number"_s, null},
                                                             {u"pin_passcode"_s, null},
                                                             {u"business_identifier"_s, null},
                                                             {u"tax_identifier"_s, null}}},
                                    {u"location"_s, QJsonObject{{u"street_address"_s, null},
                                                                {u"extended_address"_s, null},
                                                                {u"locality"_s, null},
                                                                {u"administrative_area"_s, null},
                                                                {u"postal_code"_s, null},
                                                                {u"country_code"_s, countryCode}}}}},
        {u"documents"_s, QJsonObject{{u"loa"_s, null}, {u"invoice"_s, null}}},
        {u"misc"_s, null},
        {u"messaging"_s, QJsonObject{{u"enable_messaging"_s, false},
                                     {u"messaging_capable"_s, false},
                                     {u"messaging_port_completed"_s, false},
                                     {u"messaging_port_status"_s, u"not_applicable"_s}}},
        {u"user_feedback"_s, QJsonObject{{u"user_comment"_s, null}, {u"user_rating"_s, null}}},
    };
}

QJsonObject TelnyxRecords::newPortingNumber(const QString& id, const QString& orderId, const QString& e164,
                                            const QString& phoneNumberType, const QString& countryCode) {
    return QJsonObject{
        {u"id"_s, id}, // UNCONFIRMED field name (docs/api/telnyx-porting.md §3): we send "id"
        {u"record_type"_s, u"porting_phone_number"_s},
        {u"phone_number"_s, e164},
        {u"phone_number_type"_s, phoneNumberType},
        {u"porting_order_id"_s, orderId},
        // International (non-US/CA) numbers are "provisional" by default (docs/api/telnyx-porting.md §3).
        {u"portability_status"_s,
         countryCode == u"US" || countryCode == u"CA" ? u"confirmed"_s : u"provisional"_s},
        {u"requirements_status"_s, u"requirement-info-pending"_s},
    };
}

QJsonObject TelnyxRecords::rangeJson(const core::NumberRange& range) {
    return QJsonObject{{u"start_at"_s, range.startAt}, {u"end_at"_s, range.endAt}};
}

QJsonObject TelnyxRecords::newExtension(const QString& id, const QString& orderId,
                                        const QString& portingPhoneNumberId, const core::NumberRange& range,
                                        const QList<core::NumberRange>& activationRanges,
                                        const QDateTime& now) {
    QJsonArray activations;
    for (const core::NumberRange& r : activationRanges)
        activations.append(rangeJson(r));
    const QString stamp = timestamp(now);
    return QJsonObject{
        {u"id"_s, id},
        {u"record_type"_s, u"porting_phone_number_extension"_s},
        {u"porting_phone_number_id"_s, portingPhoneNumberId},
        {u"extension_range"_s, rangeJson(range)},
        {u"activation_ranges"_s, activations},
        {u"created_at"_s, stamp},
        {u"updated_at"_s, stamp},
        {u"porting_order_id"_s, orderId}, // internal: removed before sending
    };
}

core::PortingOrderStatus TelnyxRecords::status(const QJsonObject& order) {
    const QString wire = order.value(u"status"_s).toObject().value(u"value"_s).toString();
    return core::fromWire<core::PortingOrderStatus>(wire).value_or(core::PortingOrderStatus::Draft);
}

void TelnyxRecords::setStatus(QJsonObject& order, core::PortingOrderStatus status,
                              const QJsonArray& details) {
    order.insert(u"status"_s, QJsonObject{{u"value"_s, core::toWire(status)}, {u"details"_s, details}});
    QJsonObject activation = order.value(u"activation_settings"_s).toObject();
    activation.insert(u"activation_status"_s, status == core::PortingOrderStatus::Draft
                                                  ? QJsonValue(QJsonValue::Null)
                                                  : QJsonValue(activationStatusFor(status)));
    order.insert(u"activation_settings"_s, activation);
}

QString TelnyxRecords::activationStatusFor(core::PortingOrderStatus status) {
    using S = core::PortingOrderStatus;
    switch (status) {
    case S::Draft:
    case S::InProcess:
        return u"New"_s;
    case S::Submitted:
    case S::Exception:
        return u"Pending"_s;
    case S::FocDateConfirmed:
        return u"Concurred"_s;
    case S::Ported:
        return u"Active"_s;
    case S::CancelPending:
        return u"Cancel Pending"_s;
    case S::Cancelled:
        return u"Cancelled"_s;
    }
    return u"New"_s;
}

bool TelnyxRecords::requirementsMet(const QJsonObject& order) {
    const QJsonObject documents = order.value(u"documents"_s).toObject();
    bool loa = documents.value(u"loa"_s).isString();
    bool invoice = documents.value(u"invoice"_s).isString();
    for (const QJsonValue& v : order.value(u"requirements"_s).toArray()) {
        const QJsonObject req = v.toObject();
        if (!req.value(u"field_value"_s).isString())
            continue;
        if (req.value(u"requirement_type_id"_s).toString() == loaRequirementTypeId())
            loa = true;
        if (req.value(u"requirement_type_id"_s).toString() == invoiceRequirementTypeId())
            invoice = true;
    }
    return loa && invoice;
}

} // namespace trunkline::emulator::telnyx
