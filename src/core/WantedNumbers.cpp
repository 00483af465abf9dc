#include "core/WantedNumbers.h"

#include "core/PhoneNumber.h"
#include "core/PortingRules.h"

#include <algorithm>

namespace trunkline::core {

std::optional<QString> WantedNumbers::toE164(QStringView text, QString* error) {
    QString digits;
    bool plus = false;
    for (const QChar c : text.trimmed()) {
        if (c.isDigit()) {
            digits += c;
        } else if (c == u'+' && digits.isEmpty() && !plus) {
            plus = true;
        } else if (!c.isSpace() && !QStringView(u"/-.()").contains(c)) {
            *error =
                tr("“%1” contains “%2”; a number may hold only digits, spaces, + / - . ( )").arg(text, c);
            return std::nullopt;
        }
    }
    if (plus) {
        // already international
    } else if (digits.startsWith(u"00")) {
        digits.remove(0, 2);
    } else if (digits.startsWith(u'0')) {
        digits.replace(0, 1, QStringLiteral("49")); // German national notation: trunk prefix 0 instead of +49
    } else {
        *error = tr("“%1” has no country: write it as +49…, 0049… or with the area code's 0").arg(text);
        return std::nullopt;
    }
    const QString e164 = u'+' + digits;
    if (!PhoneNumber::isE164(e164)) {
        *error = tr("“%1” is not a phone number (+ and 2 to 15 digits)").arg(text);
        return std::nullopt;
    }
    return e164;
}

WantedNumbers::Plan WantedNumbers::plan(QStringView routeE164, const NumberRange& extensionRange,
                                        const QStringList& lines) {
    Plan plan;
    const int width = extensionDigitCount(extensionRange);
    for (qsizetype line = 0; line < lines.size(); ++line) {
        const QString text = lines[line].trimmed();
        if (text.isEmpty() || text.startsWith(u'#')) {
            continue;
        }
        const QString field = QStringLiteral("/wanted_numbers/%1").arg(line);
        QString error;
        const std::optional<QString> e164 = toE164(text, &error);
        if (!e164) {
            plan.problems.append({field, tr("Line %1: %2.").arg(line + 1).arg(error)});
            continue;
        }
        if (!e164->startsWith(routeE164) || e164->size() != routeE164.size() + width) {
            plan.problems.append(
                {field, tr("Line %1: %2 is not the route number %3 followed by a %4-digit extension.")
                            .arg(line + 1)
                            .arg(*e164, routeE164)
                            .arg(width)});
            continue;
        }
        const int extension = e164->mid(routeE164.size()).toInt();
        if (!extensionRange.contains(extension)) {
            plan.problems.append(
                {field, tr("Line %1: extension %2 of %3 is outside the extension range %4–%5.")
                            .arg(line + 1)
                            .arg(extension)
                            .arg(*e164)
                            .arg(extensionRange.startAt)
                            .arg(extensionRange.endAt)});
            continue;
        }
        plan.extensions.append(extension);
    }
    std::sort(plan.extensions.begin(), plan.extensions.end());
    plan.extensions.erase(std::unique(plan.extensions.begin(), plan.extensions.end()), plan.extensions.end());
    plan.activationRanges = runsOf(plan.extensions);
    return plan;
}

QList<NumberRange> WantedNumbers::runsOf(QList<int> extensions) {
    std::sort(extensions.begin(), extensions.end());
    QList<NumberRange> runs;
    for (const int extension : std::as_const(extensions)) {
        if (!runs.isEmpty() && extension <= runs.last().endAt + 1) {
            runs.last().endAt = std::max(runs.last().endAt, extension);
        } else {
            runs.append({extension, extension});
        }
    }
    return runs;
}

} // namespace trunkline::core
