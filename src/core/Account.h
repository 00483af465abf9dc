#pragma once

#include <QString>
#include <QStringList>

namespace trunkline::core {

// The company's business address (GET /account/~/business-address, docs/api/ringcentral.md §2).
struct BusinessAddress {
    QString street;
    QString city;
    QString state;
    QString zip;
    QString country;

    bool isEmpty() const {
        return street.isEmpty() && city.isEmpty() && state.isEmpty() && zip.isEmpty() && country.isEmpty();
    }
    friend bool operator==(const BusinessAddress&, const BusinessAddress&) = default;
};

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
    QString servicePlanEdition; // servicePlan.edition, e.g. "Standard"; empty when not reported
    // billingPlan: its name, how often it bills (duration + durationUnit, e.g. 1 Month) and its type
    // (Initial | Regular | Suspended | Trial | TrialNoCC | Free).
    QString billingPlan;
    int billingDuration = 0;
    QString billingDurationUnit; // Day | Month | Year
    QString billingPlanType;
    QStringList enabledFeatures; // service-info serviceFeatures[] with enabled true, by featureName
    QStringList disabledFeatures;
    BusinessAddress businessAddress;
    QString companyName; // business-address company

    friend bool operator==(const Account&, const Account&) = default;
};

} // namespace trunkline::core
