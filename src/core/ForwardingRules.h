#pragma once

#include "core/ForwardingNumber.h"
#include "core/RuleViolation.h"

#include <QList>
#include <QSet>
#include <QString>

namespace trunkline::core {

// RingCentral forwarding / call-flip list rules (docs/api/ringcentral.md §5.1).
inline constexpr int kMaxForwardingNumbers = 10;
inline constexpr int kMaxForwardingLabelLength = 60;
inline constexpr int kMaxCustomForwardingLabels = 7;

// Field scheme (JSON pointers, like the porting rules): a single entry's fields are "/phoneNumber",
// "/label", "/type", "/deviceId", "/features", "/flipNumber"; in a list they are prefixed with
// "/records/<index>" ("/records/3/phoneNumber"); rules about the whole list use "/records".

// Per-entry checks, for checking while the admin types. accountDirectNumbersE164 are the account's
// direct numbers in E.164 (a forwarding number may not be one of them).
QList<RuleViolation> validateForwardingNumber(const ForwardingNumber& number,
                                              const QSet<QString>& accountDirectNumbersE164);

// Every per-entry check for each entry plus the list rules: at most ten entries, unique numbers,
// at most seven custom labels, flip numbers 1..n without gaps or duplicates.
QList<RuleViolation> validateForwardingList(const QList<ForwardingNumber>& list,
                                            const QSet<QString>& accountDirectNumbersE164);

} // namespace trunkline::core
