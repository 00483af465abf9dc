#pragma once

#include "core/PortingOrder.h"
#include "core/RuleViolation.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace trunkline::core {

// The full numbers an admin wants live after a German extended-number port, turned into the activation
// ranges Telnyx takes (seed 002: "+49 20 1234567804, …19, …20, …42" -> 4-4, 19-20, 42-42).
//
// Any common notation is read: "+49 201 23456 7804", "0049 201 …", "0201/23456-7804" (German national,
// trunk prefix 0). Spaces, slashes, dashes, dots and brackets are ignored. libphonenumber is not asked:
// a route number plus its extension digits is often longer than it accepts as valid.
class WantedNumbers {
    Q_DECLARE_TR_FUNCTIONS(WantedNumbers)

public:
    // "+49…" digits, or nullopt with *error saying what is wrong with the text.
    static std::optional<QString> toE164(QStringView text, QString* error);

    struct Plan {
        QList<NumberRange> activationRanges; // ascending, disjoint, never touching: the fewest ranges
        QList<int> extensions;               // the wanted extensions, ascending, each once
        RuleViolations problems;             // field "/wanted_numbers/<line>" (0-based line of the input)
        bool ok() const { return problems.isEmpty(); }
    };

    // One wanted number per line (blank lines and lines starting with '#' are skipped). Every number
    // must be the route number followed by exactly as many digits as the extension range's end has,
    // and lie inside the range; each problem names the line and the rule.
    static Plan plan(QStringView routeE164, const NumberRange& extensionRange, const QStringList& lines);

    // The fewest ranges that cover exactly `extensions` (runs of consecutive values).
    static QList<NumberRange> runsOf(QList<int> extensions);
};

} // namespace trunkline::core
