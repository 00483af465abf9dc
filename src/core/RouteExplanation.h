#pragma once

#include "core/PhoneNumberRecord.h"
#include "core/RouteMatcher.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace trunkline::core {

// One stored entry named in the answer for a dialed string: what it matched, whether it took the call,
// and why, in the tester's words.
struct RouteCandidate {
    qsizetype entryIndex = -1;
    RouteMatch::Kind kind = RouteMatch::Kind::Exact;
    QString matchedCandidate; // the candidate string it matched; empty = none
    bool won = false;
    QString reason; // translated
};

// Explains a RouteMatch for people: the trunkline-cli route command and the Routing page word a result
// the same way, and both test the routes of a synced Restcomm profile the same way.
class RouteExplanation {
    Q_DECLARE_TR_FUNCTIONS(RouteExplanation)

public:
    // The exact number that won; otherwise every regex tried, longest first (the first that matched
    // won), and the "*" row when it took the call without matching as a regex (the search ended at a
    // broken pattern first). Empty when nothing matched and no regex was tried.
    static QList<RouteCandidate> candidates(const RouteMatch& match, const QString& dialed);

    // The route entries of one Restcomm account's stored numbers, in the same order, every one in
    // `organization` (all numbers of one account live in the account's organisation).
    static QList<RouteEntry> entriesOf(const QList<PhoneNumberRecord>& numbers, const QString& organization);
};

} // namespace trunkline::core
