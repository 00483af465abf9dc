#pragma once

#include "core/PortingOrder.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <optional>

namespace trunkline::providers::telnyx {

// Telnyx v2 porting JSON (docs/api/telnyx-porting.md §2-§4) <-> Trunkline's records. Readers return nullopt
// and a translated *problem naming the record and field when a record is not what the API documents.
// Exception codes are an open set and kept as text; timestamps are ISO 8601 UTC with milliseconds.
class TelnyxMapper {
    Q_DECLARE_TR_FUNCTIONS(TelnyxMapper)

public:
    static std::optional<core::PortingOrder> portingOrder(const QJsonObject& json, QString* problem);
    static QJsonObject portingOrderToJson(const core::PortingOrder& order);
    // PATCH body (UpdatePortingOrder) with the fields the record can change: customer_reference and
    // activation_settings.foc_datetime_requested (null when unset).
    static QJsonObject portingOrderPatchBody(const core::PortingOrder& order);

    // The number's id is "id" on the emulator; the docs name "porting_phone_number_id", which is read
    // when "id" is missing (UNCONFIRMED upstream, docs/api/telnyx-porting.md §3).
    static std::optional<core::PortingPhoneNumber> portingPhoneNumber(const QJsonObject& json,
                                                                      QString* problem);
    static QJsonObject portingPhoneNumberToJson(const core::PortingPhoneNumber& number);

    static std::optional<core::PhoneNumberExtension> phoneNumberExtension(const QJsonObject& json,
                                                                          QString* problem);
    static QJsonObject phoneNumberExtensionToJson(const core::PhoneNumberExtension& extension);
    // POST body: porting_phone_number_id, extension_range, activation_ranges (all required).
    static QJsonObject phoneNumberExtensionCreateBody(const core::PhoneNumberExtension& extension);

    static QDateTime timestamp(const QJsonValue& value);
    static QJsonValue timestampJson(const QDateTime& time); // null when invalid
};

} // namespace trunkline::providers::telnyx
