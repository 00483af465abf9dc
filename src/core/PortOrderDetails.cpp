#include "core/PortOrderDetails.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trunkline::core {

RuleViolations OrderDetailsRules::check(const OrderDetails& details, const QDate& today) {
    RuleViolations violations;
    const auto required = [&violations](const QString& value, const QString& field, const QString& message) {
        if (value.trimmed().isEmpty())
            violations.append({field, message});
    };
    required(details.entityName, u"/end_user/admin/entity_name"_s,
             tr("The end user (the company that holds the numbers today) is required."));
    required(details.authPersonName, u"/end_user/admin/auth_person_name"_s,
             tr("The authorised person who signs the letter of authorisation is required."));
    required(details.streetAddress, u"/end_user/location/street_address"_s,
             tr("The street address where the numbers are in service is required."));
    required(details.locality, u"/end_user/location/locality"_s, tr("The town or city is required."));

    // German postal codes have exactly five digits (the numbers being ported are German, and so is
    // their service address).
    static const QRegularExpression germanPostalCode(u"^\\d{5}$"_s);
    if (!germanPostalCode.match(details.postalCode.trimmed()).hasMatch())
        violations.append(
            {u"/end_user/location/postal_code"_s, tr("A German postal code has five digits, e.g. 45127.")});

    // The losing carrier needs notice; a date in the past or today cannot be requested.
    if (!details.requestedDate.isValid() || details.requestedDate <= today)
        violations.append({u"/activation_settings/foc_datetime_requested"_s,
                           tr("The requested porting date must be after today.")});
    else if (details.requestedDate.dayOfWeek() > 5)
        violations.append({u"/activation_settings/foc_datetime_requested"_s,
                           tr("Numbers are ported on working days; choose a day from Monday to Friday.")});
    return violations;
}

} // namespace trunkline::core
