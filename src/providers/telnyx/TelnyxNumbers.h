#pragma once

#include "core/PhoneNumberRecord.h"
#include "providers/ProviderCapabilities.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace trunkline::providers::telnyx {

// A search of the numbers Telnyx sells (GET /available_phone_numbers); empty members are not sent.
struct NumberSearchFilter {
    QString countryCode;             // ISO alpha-2, filter[country_code]
    QString phoneNumberType;         // "local", "toll_free", "mobile", …: filter[phone_number_type]
    QString nationalDestinationCode; // the area code or toll-free prefix: filter[national_destination_code]
    QString startsWith;              // digits after the destination code: filter[phone_number][starts_with]
    QString contains;                // filter[phone_number][contains]
    int limit = 50;                  // filter[limit]
};

// A number order (POST /number_orders) as far as Trunkline reads it.
struct NumberOrder {
    QString id;
    QString status; // "pending", "success", "failure"
    QString customerReference;
    QStringList phoneNumbers;

    friend bool operator==(const NumberOrder&, const NumberOrder&) = default;
};

// Telnyx's number search, number orders and account numbers (JSON) <-> Trunkline's records. Readers return
// nullopt and a translated *problem naming the record and field when a record is not what Telnyx sends.
class TelnyxNumbersMapper {
    Q_DECLARE_TR_FUNCTIONS(TelnyxNumbersMapper)

public:
    static std::optional<AvailableNumber> availableNumber(const QJsonObject& json, QString* problem);
    static std::optional<NumberOrder> numberOrder(const QJsonObject& json, QString* problem);
    // POST /number_orders body for the numbers; customer_reference left out when empty.
    static QJsonObject numberOrderBody(const QStringList& phoneNumbers, const QString& customerReference);
    // An account number (GET /phone_numbers) as a company number of the profile: Telnyx has no extensions.
    static std::optional<core::PhoneNumberRecord> phoneNumber(const QJsonObject& json, QString* problem);
};

} // namespace trunkline::providers::telnyx
