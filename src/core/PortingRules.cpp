#include "core/PortingRules.h"

#include "core/PhoneNumber.h"

#include <QCoreApplication>

namespace trunkline::core {

namespace {

QString rangeText(const NumberRange& range) {
    return QStringLiteral("%1–%2").arg(range.startAt).arg(range.endAt);
}

bool insideLimits(int value) {
    return value >= 0 && value <= kMaxExtensionNumber;
}

QString activationPointer(qsizetype index) {
    return QStringLiteral("/activation_ranges/%1").arg(index);
}

// Route number checks. Returns the number of digits of the route when it is usable, else 0.
int checkRoute(QStringView route, QList<RuleViolation>& violations) {
    const QString field = QStringLiteral("/porting_phone_number_id");
    if (route.trimmed().isEmpty()) {
        violations.append(
            {field, QCoreApplication::translate("PortingRules", "The route number is missing.")});
        return 0;
    }
    if (!PhoneNumber::isE164(route)) {
        violations.append(
            {field,
             QCoreApplication::translate(
                 "PortingRules", "The route number “%1” must be written in E.164 form, e.g. +492012345678.")
                 .arg(route)});
        return 0;
    }
    if (!route.startsWith(u"+49")) {
        violations.append(
            {field,
             QCoreApplication::translate(
                 "PortingRules", "The route number %1 is not German; extended numbers can only be ported "
                                 "for German (+49) numbers.")
                 .arg(route)});
        return 0;
    }
    const ParseOutcome parsed = PhoneNumber::parse(route, {});
    if (!parsed.ok()) {
        violations.append(
            {field, QCoreApplication::translate("PortingRules",
                                                "The route number %1 is not a valid German phone number.")
                        .arg(route)});
        return 0;
    }
    return static_cast<int>(route.size() - 1);
}

// Extension range checks. Returns true when the range itself is well formed.
bool checkExtensionRange(const NumberRange& range, QList<RuleViolation>& violations) {
    bool ok = true;
    if (!insideLimits(range.startAt)) {
        violations.append(
            {QStringLiteral("/extension_range/start_at"),
             QCoreApplication::translate("PortingRules", "Extension range start %1 is outside 0–999.")
                 .arg(range.startAt)});
        ok = false;
    }
    if (!insideLimits(range.endAt)) {
        violations.append(
            {QStringLiteral("/extension_range/end_at"),
             QCoreApplication::translate("PortingRules", "Extension range end %1 is outside 0–999.")
                 .arg(range.endAt)});
        ok = false;
    }
    if (range.startAt > range.endAt) {
        violations.append(
            {QStringLiteral("/extension_range"),
             QCoreApplication::translate("PortingRules", "Extension range %1 starts after it ends.")
                 .arg(rangeText(range))});
        ok = false;
    }
    return ok;
}

void checkActivationRanges(const NumberRange& extensionRange, bool extensionRangeOk,
                           const QList<NumberRange>& activationRanges, QList<RuleViolation>& violations) {
    // UNCONFIRMED choice: Telnyx requires the activation_ranges key but no source says whether an empty
    // array is accepted. An order that ports a block with nothing active is almost always a mistake,
    // so Trunkline (and its emulator) require at least one activation range.
    if (activationRanges.isEmpty()) {
        violations.append(
            {QStringLiteral("/activation_ranges"),
             QCoreApplication::translate(
                 "PortingRules", "At least one activation range is required; without one no extension "
                                 "would be active after the port.")});
        return;
    }

    QList<bool> wellFormed(activationRanges.size(), true);
    for (qsizetype i = 0; i < activationRanges.size(); ++i) {
        const NumberRange& range = activationRanges.at(i);
        if (range.startAt > range.endAt) {
            violations.append(
                {activationPointer(i),
                 QCoreApplication::translate("PortingRules", "Activation range %1 starts after it ends.")
                     .arg(rangeText(range))});
            wellFormed[i] = false;
            continue;
        }
        if (!insideLimits(range.startAt) || !insideLimits(range.endAt)) {
            violations.append(
                {activationPointer(i),
                 QCoreApplication::translate("PortingRules", "Activation range %1 is outside 0–999.")
                     .arg(rangeText(range))});
            wellFormed[i] = false;
            continue;
        }
        if (extensionRangeOk && !extensionRange.contains(range)) {
            violations.append({activationPointer(i),
                               QCoreApplication::translate(
                                   "PortingRules", "Activation range %1 is outside the extension range %2.")
                                   .arg(rangeText(range), rangeText(extensionRange))});
        }
    }

    // Name both ranges of an overlap; report it on the later one, as that is usually the one just typed.
    for (qsizetype later = 1; later < activationRanges.size(); ++later) {
        if (!wellFormed.at(later)) {
            continue;
        }
        for (qsizetype earlier = 0; earlier < later; ++earlier) {
            if (wellFormed.at(earlier) && activationRanges.at(later).overlaps(activationRanges.at(earlier))) {
                violations.append({activationPointer(later),
                                   QCoreApplication::translate(
                                       "PortingRules", "Activation range %1 overlaps activation range %2.")
                                       .arg(rangeText(activationRanges.at(later)),
                                            rangeText(activationRanges.at(earlier)))});
            }
        }
    }
}

} // namespace

QList<RuleViolation> validateExtensionRanges(QStringView routeNumberE164, PortingOrderStatus status,
                                             const NumberRange& extensionRange,
                                             const QList<NumberRange>& activationRanges) {
    QList<RuleViolation> violations;
    const int routeDigits = checkRoute(routeNumberE164, violations);

    if (!canEditExtensions(status)) {
        violations.append(
            {QStringLiteral("/status"),
             QCoreApplication::translate(
                 "PortingRules",
                 "Extensions can only be changed while the porting order is Draft, In process or "
                 "Exception; this order is %1.")
                 .arg(displayName(status))});
    }

    const bool extensionRangeOk = checkExtensionRange(extensionRange, violations);
    if (extensionRangeOk && routeDigits > 0) {
        const int digits = routeDigits + extensionDigitCount(extensionRange);
        if (digits > kMaxE164Digits) {
            violations.append(
                {QStringLiteral("/extension_range/end_at"),
                 QCoreApplication::translate(
                     "PortingRules",
                     "Extended numbers of %1 with range %2 would have %3 digits; a phone number "
                     "has at most 15.")
                     .arg(routeNumberE164, rangeText(extensionRange))
                     .arg(digits)});
        }
    }

    checkActivationRanges(extensionRange, extensionRangeOk, activationRanges, violations);
    return violations;
}

QList<RuleViolation> validateRouteNumber(QStringView routeNumberE164) {
    QList<RuleViolation> violations;
    checkRoute(routeNumberE164, violations);
    return violations;
}

int extensionDigitCount(const NumberRange& range) {
    return static_cast<int>(QString::number(qMax(range.endAt, 0)).size());
}

QStringList expandExtensionRange(QStringView routeE164, const NumberRange& range) {
    QStringList numbers;
    if (!insideLimits(range.startAt) || !insideLimits(range.endAt) || range.startAt > range.endAt) {
        return numbers;
    }
    QString route;
    route.reserve(routeE164.size());
    for (const QChar c : routeE164) {
        if (c.isDigit() || (c == u'+' && route.isEmpty())) {
            route.append(c);
        }
    }
    const int width = extensionDigitCount(range);
    numbers.reserve(range.size());
    for (int extension = range.startAt; extension <= range.endAt; ++extension) {
        numbers.append(route + QStringLiteral("%1").arg(extension, width, 10, QLatin1Char('0')));
    }
    return numbers;
}

bool canCancel(PortingOrderStatus status) {
    return status == PortingOrderStatus::InProcess || status == PortingOrderStatus::Submitted ||
           status == PortingOrderStatus::Exception || status == PortingOrderStatus::FocDateConfirmed;
}

bool canDelete(PortingOrderStatus status) {
    return status == PortingOrderStatus::Draft;
}

bool canEditExtensions(PortingOrderStatus status) {
    return status == PortingOrderStatus::Draft || status == PortingOrderStatus::InProcess ||
           status == PortingOrderStatus::Exception;
}

} // namespace trunkline::core
