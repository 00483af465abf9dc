#pragma once

#include <QString>

namespace trunkline::core {

// The company account as RingCentral describes it (GET /restapi/v1.0/account/~). Ids stay strings:
// RingCentral ids are int64 on the wire but only ever compared, never computed with.
struct Account {
    QString id;
    QString mainNumber; // E.164 with leading '+', normalised by the provider mapping
    QString brand;
    QString servicePlan;
    QString status; // Initial | Unconfirmed | Confirmed | Disabled (kept as text: display only)
    QString operatorExtensionId;
    QString operatorName;

    friend bool operator==(const Account&, const Account&) = default;
};

} // namespace trunkline::core
