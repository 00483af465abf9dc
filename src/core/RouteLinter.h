#pragma once

#include "core/RouteMatcher.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace trunkline::core {

// One thing the route linter found about an organisation's incoming numbers and regex routes.
struct RouteFinding {
    enum class Severity { Error, Warning, Info };
    enum class Kind {
        InvalidRegex,      // Java would refuse it; the server then stops trying every shorter regex
        PlusNeverMatches,  // a regex starting with "+" is rewritten to "/+" and never matches a number
        MatchesEverything, // matches every (or almost every) number of the sample
        Shadowed,          // every number it matches is taken first by a longer regex
        Unreachable,       // an exact number no caller can reach (a duplicate row, or not dialable)
        SamePrefixVariant, // the same number written with "+" and "00" (or without): two routes for one
        SmsNotRouted,      // regex routes are voice only: SMS to matching numbers is not routed by them
    };

    Severity severity = Severity::Warning;
    Kind kind = Kind::InvalidRegex;
    qsizetype entryIndex = -1; // the entry concerned; -1 for the organisation as a whole
    qsizetype otherIndex = -1; // the entry it conflicts with (shadowing regex, first duplicate)
    qsizetype position = -1;   // for InvalidRegex: the index in the stored pattern
    QString organizationSid;
    QString message; // translated, names the entry and the rule
};

// Looks for the mistakes admins make with Restcomm's number selection (docs/api/restcomm-numbers.md §8,
// seed 003). Regexes are judged by what RouteMatcher (the server's own rules) does with a fixed,
// seeded sample of dialed numbers: E.164 and national numbers of several lengths, short codes, star
// codes with a closing '#', and strings built from each pattern itself. "Almost everything" is 90 % of
// the sample's plain numbers. A pattern that matches nothing of the sample is not called shadowed.
class RouteLinter {
    Q_DECLARE_TR_FUNCTIONS(RouteLinter)

public:
    static QList<RouteFinding> lint(const QList<RouteEntry>& entries);
    static bool hasErrors(const QList<RouteFinding>& findings);

    // The dialed strings the regex checks use (deterministic), exposed for tests.
    static QStringList sampleNumbers();
};

} // namespace trunkline::core
