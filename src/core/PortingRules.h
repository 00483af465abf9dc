#pragma once

#include "core/PortingOrder.h"
#include "core/RuleViolation.h"

#include <QList>
#include <QStringList>
#include <QStringView>

namespace trunkline::core {

// German extended-number rules (docs/api/telnyx-porting.md §4.1, seed 002).
inline constexpr int kMaxExtensionNumber = 999;
inline constexpr int kMaxE164Digits = 15;

// Checks one extension block before it is sent to (or accepted by) Telnyx. Empty result = valid.
// Fields are Telnyx JSON pointers: "/porting_phone_number_id" (route number), "/status" (order status),
// "/extension_range/start_at", "/extension_range/end_at", "/extension_range",
// "/activation_ranges" (the array as a whole), "/activation_ranges/<i>" (one item).
QList<RuleViolation> validateExtensionRanges(QStringView routeNumberE164, PortingOrderStatus status,
                                             const NumberRange& extensionRange,
                                             const QList<NumberRange>& activationRanges);

// The route number's own rules (present, E.164, German, valid), field "/porting_phone_number_id": what
// validateExtensionRanges() checks first, for a form that asks for the route number before the block.
QList<RuleViolation> validateRouteNumber(QStringView routeNumberE164);

// Number of digits appended to the route number: the digit count of range.endAt (0–9 -> 1,
// 0–99 -> 2, 0–999 -> 3). UNCONFIRMED beyond the docs' 0–9 and 0–99 examples.
int extensionDigitCount(const NumberRange& range);

// Every full number of the range, route + zero-padded extension digits, e.g. route +492012345678,
// range 0–99 -> "+49201234567800" ... "+49201234567899". Empty for an invalid range.
QStringList expandExtensionRange(QStringView routeE164, const NumberRange& range);

// Extensions may be added or deleted only in draft, in-process or exception.
bool canEditExtensions(PortingOrderStatus status);

// An order can be cancelled once submitted and until it is ported or already cancelled (a draft is
// deleted instead). Telnyx also refuses within 48 hours of the FOC date; only the server knows that.
bool canCancel(PortingOrderStatus status);

// Only a draft can be deleted (docs/api/telnyx-porting.md: DELETE /porting_orders/{id}); a submitted
// order is cancelled instead.
bool canDelete(PortingOrderStatus status);

} // namespace trunkline::core
