#pragma once

// The rule tests compare violations as "pointer  message" lines, so a data table states field and message
// of each expected violation in one string, and a failure prints both lists readably.

#include "core/RuleViolation.h"

#include <QStringList>

inline QStringList describe(const QList<trunkline::core::RuleViolation>& violations) {
    QStringList lines;
    for (const trunkline::core::RuleViolation& violation : violations) {
        lines.append(violation.field + u"  " + violation.message);
    }
    return lines;
}
