#include "providers/telnyx/TelnyxNumbers.h"

#include "providers/ProviderCalls.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace trunkline::providers::telnyx {

std::optional<AvailableNumber> TelnyxNumbersMapper::availableNumber(const QJsonObject& json,
                                                                    QString* problem) {
    AvailableNumber number;
    number.phoneNumber = json.value("phone_number"_L1).toString();
    if (number.phoneNumber.isEmpty())
        return unreadable(problem,
                          tr("Available phone number: the required field “phone_number” is missing."));
    number.friendlyName = json.value("vanity_format"_L1).toString();
    QStringList places;
    for (const QJsonValue& region : json.value("region_information"_L1).toArray()) {
        const QString type = region["region_type"_L1].toString();
        const QString name = region["region_name"_L1].toString();
        if (type == u"country_code")
            number.isoCountry = name;
        else if (type == u"location")
            number.postalCode = name;
        else if (!name.isEmpty() && (type == u"rate_center" || type == u"state"))
            places << name;
    }
    number.region = places.join(u", "_s);
    for (const QJsonValue& feature : json.value("features"_L1).toArray()) {
        const QString name = feature["name"_L1].toString();
        number.voiceCapable |= name == u"voice";
        number.smsCapable |= name == u"sms";
        number.mmsCapable |= name == u"mms";
        number.faxCapable |= name == u"fax";
    }
    return number;
}

std::optional<NumberOrder> TelnyxNumbersMapper::numberOrder(const QJsonObject& json, QString* problem) {
    NumberOrder order;
    order.id = json.value("id"_L1).toString();
    if (order.id.isEmpty())
        return unreadable(problem, tr("Number order: the required field “id” is missing."));
    order.status = json.value("status"_L1).toString();
    order.customerReference = json.value("customer_reference"_L1).toString();
    for (const QJsonValue& number : json.value("phone_numbers"_L1).toArray())
        order.phoneNumbers << number["phone_number"_L1].toString();
    return order;
}

QJsonObject TelnyxNumbersMapper::numberOrderBody(const QStringList& phoneNumbers,
                                                 const QString& customerReference) {
    QJsonArray numbers;
    for (const QString& number : phoneNumbers)
        numbers.append(QJsonObject{{u"phone_number"_s, number}});
    QJsonObject body{{u"phone_numbers"_s, numbers}};
    if (!customerReference.isEmpty())
        body.insert(u"customer_reference"_s, customerReference);
    return body;
}

std::optional<core::PhoneNumberRecord> TelnyxNumbersMapper::phoneNumber(const QJsonObject& json,
                                                                        QString* problem) {
    core::PhoneNumberRecord number;
    number.provider = core::kProviderTelnyx.toString();
    number.id = json.value("id"_L1).toString();
    number.e164 = json.value("phone_number"_L1).toString();
    if (number.id.isEmpty() || number.e164.isEmpty())
        return unreadable(problem,
                          tr("Phone number %1: the required fields “id” and “phone_number” must be present.")
                              .arg(number.id.isEmpty() ? number.e164 : number.id));
    const QString type = json.value("phone_number_type"_L1).toString();
    number.paymentType = type == u"toll_free" ? core::PaymentType::TollFree
                         : type == u"mobile"  ? core::PaymentType::Mobile
                                              : core::PaymentType::Local;
    number.usageType = core::UsageType::CompanyNumber;
    // "active" is in service; "purchase-pending", "port-pending" and the like are not yet.
    number.status = json.value("status"_L1).toString() == u"active" ? core::NumberStatus::Normal
                                                                    : core::NumberStatus::Pending;
    return number;
}

} // namespace trunkline::providers::telnyx
