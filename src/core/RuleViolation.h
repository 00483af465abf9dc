#pragma once

#include <QList>
#include <QString>

namespace trunkline::core {

// One broken rule found by a validator. `field` is a JSON-pointer-like path ("/extension_range/end_at",
// "/records/3/phoneNumber") so the emulator can copy it into an error's source.pointer and the GUI can
// map it to the widget that holds the value; `message` is translated and names the field and the rule.
struct RuleViolation {
    QString field;
    QString message;

    friend bool operator==(const RuleViolation&, const RuleViolation&) = default;
};

using RuleViolations = QList<RuleViolation>;

} // namespace trunkline::core
