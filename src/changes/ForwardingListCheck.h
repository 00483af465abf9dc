#pragma once

#include "core/ForwardingNumber.h"
#include "core/RuleViolation.h"

#include <QList>
#include <QSet>

namespace trunkline::store {
class Database;
}

namespace trunkline::changes {

// The forwarding list rules (core::validateForwardingList) need to know which of the list's numbers are
// the account's own direct numbers (a forwarding number may not be one). The forwarding editor and the
// CLI's `stage` look them up here, so both refuse the same lists.
namespace ForwardingListCheck {

// The E.164 numbers among `list` that the profile's stored phone numbers hold; only the list's numbers
// are looked up, not the whole account.
QSet<QString> accountNumbersAmong(store::Database& database, qint64 profileId,
                                  const QList<core::ForwardingNumber>& list);

// Changes to the extension's list that are staged and not applied yet (pending, applying, failed or a
// conflict). A list with such changes is locked: a list edit is planned against the stored list
// (ForwardingListPlan), so a second plan on top of an unapplied one would be planned against the wrong list.
int unappliedChanges(store::Database& database, qint64 profileId, const QString& extensionId,
                     QString* error = nullptr);

core::RuleViolations violations(store::Database& database, qint64 profileId,
                                const QList<core::ForwardingNumber>& list);

// RingCentral's update request has no `features` and cannot take a flip digit away, so an entry the
// provider holds keeps the features it was added with (a change would only end "not kept"). One
// violation (field /records/N/features) per entry of `edited` whose features differ from `stored`.
// Why: the sentence the violation and the forwarding editor's disabled checkboxes show.
QString featuresKeptReason();
core::RuleViolations featuresKeptSinceAdded(const QList<core::ForwardingNumber>& stored,
                                            const QList<core::ForwardingNumber>& edited);

} // namespace ForwardingListCheck

} // namespace trunkline::changes
