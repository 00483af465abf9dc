#pragma once

#include <QCoreApplication>
#include <QString>

namespace trunkline::store {
class Database;
struct PendingChange;
} // namespace trunkline::store

namespace trunkline::changes {

// RingCentral shows a number as an extension's caller ID only when the number has the CallerId feature
// (docs/api/ringcentral.md §4.1). ChangeStager asks this before staging a caller-ID change, so the form and
// `trunkline-cli stage` refuse the same choices.
class CallerIdCheck {
    Q_DECLARE_TR_FUNCTIONS(CallerIdCheck)

public:
    // Why `proposed` may not be staged, naming the field and the rule; empty when it may: another kind of
    // change, a caller ID that is blocked or the current location, or a number whose features no
    // extension's number list has reported yet (the provider then has the last word).
    static QString refusal(store::Database& database, const store::PendingChange& proposed);
};

} // namespace trunkline::changes
