#pragma once

#include "core/RuleViolation.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace trunkline::core {

// What a German porting order needs before it is submitted, besides its numbers (docs/api/
// telnyx-porting.md §2, UpdatePortingOrder): the end user (entity and authorised person), the service
// address, and the requested porting (FOC) date. The LOA and invoice documents are uploaded elsewhere.
struct OrderDetails {
    QString entityName;        // end_user.admin.entity_name
    QString authPersonName;    // end_user.admin.auth_person_name
    QString streetAddress;     // end_user.location.street_address
    QString postalCode;        // end_user.location.postal_code
    QString locality;          // end_user.location.locality
    QDate requestedDate;       // activation_settings.foc_datetime_requested (the day)
    QString customerReference; // optional

    friend bool operator==(const OrderDetails&, const OrderDetails&) = default;
};

// Checks the details as they are typed; fields are the UpdatePortingOrder JSON pointers, so an error
// the server names by its source.pointer lands on the same field. `today` is passed in for the tests.
class OrderDetailsRules {
    Q_DECLARE_TR_FUNCTIONS(OrderDetailsRules)

public:
    static RuleViolations check(const OrderDetails& details, const QDate& today);
};

} // namespace trunkline::core
