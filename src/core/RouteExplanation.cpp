#include "core/RouteExplanation.h"

#include "core/PhoneNumber.h"

#include <algorithm>

namespace trunkline::core {

namespace {

QString regexReason(const RouteMatch& match, const RegexTrial& trial) {
    if (!trial.error.isEmpty())
        return RouteExplanation::tr("not a valid pattern; Restcomm stops trying patterns here: %1")
            .arg(trial.error);
    const bool won = trial.entryIndex == match.entryIndex;
    if (trial.matchedCandidate.isEmpty()) {
        // A "*" row that matched as no regex still takes the call as the last resort.
        return won ? RouteExplanation::tr("no number or pattern matched; the “*” row takes the call")
                   : RouteExplanation::tr("does not match");
    }
    if (won)
        return RouteExplanation::tr("matches %1; the longest pattern that matches wins")
            .arg(trial.matchedCandidate);
    return RouteExplanation::tr("matches %1, but a longer pattern was tried first")
        .arg(trial.matchedCandidate);
}

} // namespace

QList<RouteCandidate> RouteExplanation::candidates(const RouteMatch& match, const QString& dialed) {
    QList<RouteCandidate> out;
    if (match.kind == RouteMatch::Kind::Exact) {
        out.append({match.entryIndex, RouteMatch::Kind::Exact, match.matchedCandidate, true,
                    tr("equals %1; an exact number wins before any pattern").arg(match.matchedCandidate)});
        return out;
    }
    for (const RegexTrial& trial : match.regexTrials) {
        out.append({trial.entryIndex, RouteMatch::Kind::Regex, trial.matchedCandidate,
                    trial.entryIndex == match.entryIndex, regexReason(match, trial)});
    }
    const bool winnerListed =
        std::any_of(out.cbegin(), out.cend(), [](const RouteCandidate& c) { return c.won; });
    if (match.kind == RouteMatch::Kind::Regex && !winnerListed) {
        out.append({match.entryIndex, RouteMatch::Kind::Regex, dialed, true,
                    tr("no number or pattern matched; the “*” row takes the call")});
    }
    return out;
}

QList<RouteEntry> RouteExplanation::entriesOf(const QList<PhoneNumberRecord>& numbers,
                                              const QString& organization) {
    QList<RouteEntry> entries;
    entries.reserve(numbers.size());
    for (const PhoneNumberRecord& number : numbers) {
        const bool sms = number.restcomm && (!number.restcomm->smsUrl.isEmpty() ||
                                             !number.restcomm->smsApplicationSid.isEmpty());
        // Restcomm's representation has no pure_sip (docs/api/restcomm-numbers.md §3): a number provisioned
        // through Trunkline remembers it; otherwise text that is not an E.164 number ("16.*", "1234") can
        // only have been stored with isSIP=true, since a provider number is normalised and checked (§5).
        const bool pureSip =
            (number.restcomm && number.restcomm->pureSip) || !PhoneNumber::isE164(number.e164);
        entries.append({number.e164, organization, pureSip, number.id, sms});
    }
    return entries;
}

} // namespace trunkline::core
