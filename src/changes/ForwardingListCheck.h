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

// RingCentral sets a forwarding number's features; no request carries them. Every number added gets call
// forwarding and call flip (the create response always lists both, with a flip digit assigned when none
// is asked for), and the update request cannot change them. A new entry therefore starts with
// featuresOfNewEntry(), and a stored entry keeps the features it has.
core::ForwardingFeatures featuresOfNewEntry();
// Why: the sentence the violations and the forwarding editor's display-only checkboxes show.
QString featuresSetByProviderReason();
// One violation (field /records/N/features) per entry of `edited` whose features differ from the stored
// entry's (matched by id) or, for a new entry, from featuresOfNewEntry().
core::RuleViolations featuresSetByProvider(const QList<core::ForwardingNumber>& stored,
                                           const QList<core::ForwardingNumber>& edited);

} // namespace ForwardingListCheck

} // namespace trunkline::changes
