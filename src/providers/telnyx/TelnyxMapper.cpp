#include "providers/telnyx/TelnyxMapper.h"

#include "providers/ProviderCalls.h"

#include <QJsonArray>

namespace trunkline::providers::telnyx {

using namespace Qt::StringLiterals;

namespace {

QString text(const QJsonObject& object, QLatin1StringView key) {
    return object.value(key).toString();
}

QJsonValue textOrNull(const QString& value) {
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

bool readStatus(const QString& wire, const QString& what, core::PortingOrderStatus* out, QString* problem) {
    if (const auto status = core::fromWire<core::PortingOrderStatus>(wire)) {
        *out = *status;
        return true;
    }
    if (problem)
        *problem = TelnyxMapper::tr("%1: status “%2” is not one Telnyx documents.").arg(what, wire);
    return false;
}

std::optional<core::NumberRange> readRange(const QJsonValue& value, const QString& what, const QString& field,
                                           QString* problem) {
    const QJsonObject object = value.toObject();
    const QJsonValue start = object.value("start_at"_L1);
    const QJsonValue end = object.value("end_at"_L1);
    if (!start.isDouble() || !end.isDouble())
        return unreadable(
            problem, TelnyxMapper::tr("%1: field “%2” needs integer start_at and end_at.").arg(what, field));
    return core::NumberRange{start.toInt(), end.toInt()};
}

QJsonObject rangeJson(const core::NumberRange& range) {
    return QJsonObject{{u"start_at"_s, range.startAt}, {u"end_at"_s, range.endAt}};
}

} // namespace

QDateTime TelnyxMapper::timestamp(const QJsonValue& value) {
    if (!value.isString())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QJsonValue TelnyxMapper::timestampJson(const QDateTime& time) {
    if (!time.isValid())
        return QJsonValue(QJsonValue::Null);
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// --- porting orders ------------------------------------------------------------------------------------

std::optional<core::PortingOrder> TelnyxMapper::portingOrder(const QJsonObject& json, QString* problem) {
    core::PortingOrder order;
    order.id = text(json, "id"_L1);
    const QString what = tr("Porting order %1").arg(order.id);
    if (order.id.isEmpty())
        return unreadable(problem, tr("Porting order: the required field “id” is missing."));
    const QJsonObject status = json.value("status"_L1).toObject();
    if (!readStatus(text(status, "value"_L1), what, &order.status, problem))
        return std::nullopt;
    for (const QJsonValue& detail : status.value("details"_L1).toArray())
        order.exceptionCodes.append(detail.toObject().value("code"_L1).toString());
    order.countryCode = json.value("end_user"_L1)
                            .toObject()
                            .value("location"_L1)
                            .toObject()
                            .value("country_code"_L1)
                            .toString();
    order.customerReference = text(json, "customer_reference"_L1);
    order.supportKey = text(json, "support_key"_L1);
    order.focDatetimeRequested =
        timestamp(json.value("activation_settings"_L1).toObject().value("foc_datetime_requested"_L1));
    order.createdAt = timestamp(json.value("created_at"_L1));
    order.updatedAt = timestamp(json.value("updated_at"_L1));
    return order;
}

QJsonObject TelnyxMapper::portingOrderToJson(const core::PortingOrder& order) {
    QJsonArray details;
    for (const QString& code : order.exceptionCodes)
        details.append(QJsonObject{{u"code"_s, code}});
    return QJsonObject{
        {u"id"_s, order.id},
        {u"record_type"_s, u"porting_order"_s},
        {u"status"_s, QJsonObject{{u"value"_s, core::toWire(order.status)}, {u"details"_s, details}}},
        {u"end_user"_s,
         QJsonObject{{u"location"_s, QJsonObject{{u"country_code"_s, textOrNull(order.countryCode)}}}}},
        {u"customer_reference"_s, textOrNull(order.customerReference)},
        {u"support_key"_s, textOrNull(order.supportKey)},
        {u"activation_settings"_s,
         QJsonObject{{u"foc_datetime_requested"_s, timestampJson(order.focDatetimeRequested)}}},
        {u"created_at"_s, timestampJson(order.createdAt)},
        {u"updated_at"_s, timestampJson(order.updatedAt)},
    };
}

QJsonObject TelnyxMapper::portingOrderPatchBody(const core::PortingOrder& order) {
    // An explicit null clears a field (PATCH semantics, §2).
    return QJsonObject{{u"customer_reference"_s, textOrNull(order.customerReference)},
                       {u"activation_settings"_s, QJsonObject{{u"foc_datetime_requested"_s,
                                                               timestampJson(order.focDatetimeRequested)}}}};
}

// --- porting phone numbers -----------------------------------------------------------------------------

std::optional<core::PortingPhoneNumber> TelnyxMapper::portingPhoneNumber(const QJsonObject& json,
                                                                         QString* problem) {
    core::PortingPhoneNumber number;
    number.phoneNumber = text(json, "phone_number"_L1);
    const QString what = tr("Porting phone number %1").arg(number.phoneNumber);
    number.id = text(json, "id"_L1);
    if (number.id.isEmpty())
        number.id = text(json, "porting_phone_number_id"_L1);
    if (number.id.isEmpty())
        return unreadable(problem,
                          tr("%1: neither “id” nor “porting_phone_number_id” is present.").arg(what));
    number.portingOrderId = text(json, "porting_order_id"_L1);
    number.phoneNumberType = text(json, "phone_number_type"_L1);
    if (json.contains("porting_order_status"_L1) &&
        !readStatus(text(json, "porting_order_status"_L1), what, &number.portingOrderStatus, problem))
        return std::nullopt;
    number.activationStatus = text(json, "activation_status"_L1);
    number.portabilityStatus = text(json, "portability_status"_L1);
    number.requirementsStatus = text(json, "requirements_status"_L1);
    return number;
}

QJsonObject TelnyxMapper::portingPhoneNumberToJson(const core::PortingPhoneNumber& number) {
    return QJsonObject{{u"id"_s, number.id},
                       {u"record_type"_s, u"porting_phone_number"_s},
                       {u"porting_order_id"_s, number.portingOrderId},
                       {u"phone_number"_s, number.phoneNumber},
                       {u"phone_number_type"_s, number.phoneNumberType},
                       {u"porting_order_status"_s, core::toWire(number.portingOrderStatus)},
                       {u"activation_status"_s, textOrNull(number.activationStatus)},
                       {u"portability_status"_s, number.portabilityStatus},
                       {u"requirements_status"_s, number.requirementsStatus}};
}

// --- phone number extensions ---------------------------------------------------------------------------

std::optional<core::PhoneNumberExtension> TelnyxMapper::phoneNumberExtension(const QJsonObject& json,
                                                                             QString* problem) {
    core::PhoneNumberExtension extension;
    extension.id = text(json, "id"_L1);
    const QString what = tr("Phone number extension %1").arg(extension.id);
    if (extension.id.isEmpty())
        return unreadable(problem, tr("Phone number extension: the required field “id” is missing."));
    extension.portingPhoneNumberId = text(json, "porting_phone_number_id"_L1);
    const auto range = readRange(json.value("extension_range"_L1), what, u"extension_range"_s, problem);
    if (!range)
        return std::nullopt;
    extension.extensionRange = *range;
    for (const QJsonValue& value : json.value("activation_ranges"_L1).toArray()) {
        const auto activation = readRange(value, what, u"activation_ranges"_s, problem);
        if (!activation)
            return std::nullopt;
        extension.activationRanges.append(*activation);
    }
    extension.createdAt = timestamp(json.value("created_at"_L1));
    extension.updatedAt = timestamp(json.value("updated_at"_L1));
    return extension;
}

QJsonObject TelnyxMapper::phoneNumberExtensionToJson(const core::PhoneNumberExtension& extension) {
    QJsonObject json = phoneNumberExtensionCreateBody(extension);
    json.insert(u"id"_s, extension.id);
    json.insert(u"record_type"_s, u"porting_phone_number_extension"_s);
    json.insert(u"created_at"_s, timestampJson(extension.createdAt));
    json.insert(u"updated_at"_s, timestampJson(extension.updatedAt));
    return json;
}

QJsonObject TelnyxMapper::phoneNumberExtensionCreateBody(const core::PhoneNumberExtension& extension) {
    QJsonArray activations;
    for (const core::NumberRange& range : extension.activationRanges)
        activations.append(rangeJson(range));
    return QJsonObject{{u"porting_phone_number_id"_s, extension.portingPhoneNumberId},
                       {u"extension_range"_s, rangeJson(extension.extensionRange)},
                       {u"activation_ranges"_s, activations}};
}

} // namespace trunkline::providers::telnyx
