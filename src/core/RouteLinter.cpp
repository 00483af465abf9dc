#include "core/RouteLinter.h"

#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trunkline::core {

namespace {

// How many of the sample's plain numbers a pattern may match before it "swallows almost everything".
constexpr double kAlmostEverything = 0.9;

QString quoted(const QString& text) {
    return u"“"_s + text + u"”"_s;
}

// Dial strings that a pattern itself suggests: its literal characters, '.' and \d as digits, a class as
// its first member; each top-level alternative on its own. They give the shadowing check numbers that
// the pattern surely matches, which random numbers rarely do for long patterns.
QStringList stringsSuggestedBy(const QString& pattern) {
    QStringList alternatives{QString()};
    int depth = 0;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'\\' && i + 1 < pattern.size()) {
            const QChar next = pattern.at(++i);
            alternatives.last() += next == u'd' ? u'5' : next;
        } else if (c == u'[') {
            const qsizetype end = pattern.indexOf(u']', i + 1);
            if (end < 0)
                break;
            const QString members = pattern.mid(i + 1, end - i - 1);
            alternatives.last() += members.startsWith(u'^') || members.isEmpty() ? u'0' : members.at(0);
            i = end;
        } else if (c == u'{') {
            const qsizetype end = pattern.indexOf(u'}', i + 1);
            i = end < 0 ? i : end;
        } else if (c == u'|' && depth == 0) {
            alternatives.append(QString());
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            --depth;
        } else if (c == u'.') {
            alternatives.last() += u'7';
        } else if (!QStringView(u"^$?").contains(c) && !(c == u'+' && i > 0)) {
            alternatives.last() += c; // digits, '#', '*' and a leading '+' are dialable as written
        }
    }
    QStringList suggested;
    for (const QString& text : std::as_const(alternatives)) {
        QString withoutStars = text;
        withoutStars.remove(u'*');
        for (const QString& candidate : QStringList{text, withoutStars, u"1"_s + text + u"9"_s}) {
            if (!candidate.isEmpty() && !suggested.contains(candidate))
                suggested << candidate;
        }
    }
    return suggested;
}

// The position in the stored pattern of a position in its Restcomm rewrite ("/" inserted before each
// "*" of a pattern starting with "*", or each "+" of one starting with "+").
qsizetype storedPosition(const QString& stored, qsizetype rewrittenPosition) {
    const QChar doubled = stored.startsWith(u'*') ? u'*' : stored.startsWith(u'+') ? u'+' : QChar();
    if (doubled.isNull())
        return rewrittenPosition;
    qsizetype inserted = 0;
    for (qsizetype i = 0; i < stored.size() && i + inserted < rewrittenPosition; ++i) {
        if (stored.at(i) == doubled)
            ++inserted;
    }
    return std::max<qsizetype>(0, rewrittenPosition - inserted);
}

// A number a caller writes in several ways: "+4930…", "004930…" and "4930…" are the same.
QString withoutInternationalPrefix(const QString& number) {
    if (number.startsWith(u'+'))
        return number.mid(1);
    if (number.startsWith(u"00"))
        return number.mid(2);
    return number;
}

struct RegexTally {
    int plainMatched = 0; // of the sample's plain numbers
    int matched = 0;      // of every sample string
    int won = 0;
    QHash<qsizetype, int> lostTo; // winning entry -> how many of this entry's matches it took
    bool tried = false;           // false: a broken longer regex stopped the server before it
};

class OrganizationLint {
    Q_DECLARE_TR_FUNCTIONS(RouteLinter)

public:
    OrganizationLint(const QList<RouteEntry>& entries, QString organization)
        : m_entries(entries)
        , m_organization(std::move(organization)) {}

    QList<RouteFinding> run() {
        checkExactEntries();
        const QList<qsizetype> regexes = RouteMatcher::regexOrder(m_entries, m_organization);
        checkRegexSyntax(regexes);
        checkRegexReach(regexes);
        checkSms(regexes);
        return m_findings;
    }

private:
    void add(RouteFinding::Severity severity, RouteFinding::Kind kind, qsizetype entry,
             const QString& message, qsizetype other = -1, qsizetype position = -1) {
        m_findings.append({severity, kind, entry, other, position, m_organization, message});
    }

    QString number(qsizetype index) const { return m_entries.at(index).phoneNumber; }

    bool inOrganization(qsizetype index) const {
        return m_entries.at(index).organizationSid == m_organization;
    }

    bool isRegex(qsizetype index) const {
        return m_entries.at(index).pureSip && RouteMatcher::isRegexEntry(number(index));
    }

    void checkExactEntries() {
        QHash<QString, qsizetype> firstByText;
        QHash<QString, qsizetype> firstByVariant;
        for (qsizetype i = 0; i < m_entries.size(); ++i) {
            if (!inOrganization(i) || isRegex(i))
                continue;
            const QString text = number(i);
            if (const auto first = firstByText.constFind(text); first != firstByText.cend()) {
                add(RouteFinding::Severity::Warning, RouteFinding::Kind::Unreachable, i,
                    tr("%1 is listed twice in this organisation; the first row takes every call, this one is "
                       "never reached.")
                        .arg(quoted(text)),
                    *first);
                continue;
            }
            firstByText.insert(text, i);
            const QString variant = withoutInternationalPrefix(text);
            if (const auto first = firstByVariant.constFind(variant); first != firstByVariant.cend()) {
                add(RouteFinding::Severity::Warning, RouteFinding::Kind::SamePrefixVariant, i,
                    tr("%1 and %2 are the same number written two ways; which one a call reaches depends on "
                       "how the caller dials. Keep one.")
                        .arg(quoted(number(*first)), quoted(text)),
                    *first);
            } else {
                firstByVariant.insert(variant, i);
            }
            checkLooksLikeAPattern(i);
        }
    }

    void checkLooksLikeAPattern(qsizetype index) {
        const QString text = number(index);
        if (RouteMatcher::isRegexEntry(text) && text != u"*") {
            add(RouteFinding::Severity::Warning, RouteFinding::Kind::Unreachable, index,
                tr("%1 is not a SIP number, so Restcomm matches it only exactly: only SIP numbers can be "
                   "regex "
                   "routes.")
                    .arg(quoted(text)));
            return;
        }
        static const QRegularExpression notRegexSyntax(uR"([?(){}\-]|(?<!^)\+)"_s);
        const QRegularExpressionMatch found = notRegexSyntax.match(text);
        if (found.hasMatch()) {
            add(RouteFinding::Severity::Warning, RouteFinding::Kind::Unreachable, index,
                tr("%1 looks like a pattern but is matched only exactly: %2 does not make an entry a regex "
                   "(only * # ^ | . $ \\ [ ] do), so only a caller dialing %1 literally reaches it.")
                    .arg(quoted(text), quoted(found.captured())));
        }
    }

    void checkRegexSyntax(const QList<qsizetype>& regexes) {
        for (qsizetype at = 0; at < regexes.size(); ++at) {
            const qsizetype index = regexes.at(at);
            const QString text = number(index);
            if (text.startsWith(u'+')) {
                add(RouteFinding::Severity::Error, RouteFinding::Kind::PlusNeverMatches, index,
                    tr("%1 starts with “+”, which Restcomm rewrites to “/+”, so it never matches a dialed "
                       "number. Write it as %2.")
                        .arg(quoted(text), quoted(u"^\\+"_s + text.mid(1))));
                continue;
            }
            QString error;
            qsizetype position = -1;
            if (RouteMatcher::javaToPcre(RouteMatcher::restcommRewrite(text), &error, &position))
                continue;
            position = storedPosition(text, position);
            QString message = tr("%1 is not a valid pattern at position %2: %3")
                                  .arg(quoted(text))
                                  .arg(position + 1)
                                  .arg(error);
            QStringList neverTried;
            for (qsizetype later = at + 1; later < regexes.size(); ++later)
                neverTried << quoted(number(regexes.at(later)));
            if (!neverTried.isEmpty()) {
                message +=
                    u' ' + tr("Restcomm stops at this pattern, so these shorter ones are never tried: %1.")
                               .arg(neverTried.join(u", "_s));
            }
            add(RouteFinding::Severity::Error, RouteFinding::Kind::InvalidRegex, index, message, -1,
                position);
            return; // the server tries nothing after it; findings about the rest would mislead
        }
    }

    // What the server does with the sample: which regexes match each number and which one wins.
    void checkRegexReach(const QList<qsizetype>& regexes) {
        if (regexes.isEmpty())
            return;
        QStringList samples = RouteLinter::sampleNumbers();
        const qsizetype plainCount = samples.size();
        for (const qsizetype index : regexes)
            samples << stringsSuggestedBy(number(index));

        QHash<qsizetype, RegexTally> tallies;
        for (qsizetype s = 0; s < samples.size(); ++s) {
            const RouteMatch match = RouteMatcher::match(samples.at(s), m_entries, {}, m_organization);
            for (const RegexTrial& trial : match.regexTrials) {
                RegexTally& tally = tallies[trial.entryIndex];
                tally.tried = true;
                if (trial.matchedCandidate.isEmpty())
                    continue;
                ++tally.matched;
                tally.plainMatched += s < plainCount ? 1 : 0;
                if (match.entryIndex == trial.entryIndex)
                    ++tally.won;
                else
                    ++tally.lostTo[match.entryIndex];
            }
        }
        for (const qsizetype index : regexes) {
            const RegexTally tally = tallies.value(index);
            if (!tally.tried || number(index).startsWith(u'+'))
                continue;
            const double share = double(tally.plainMatched) / double(plainCount);
            if (tally.plainMatched == plainCount) {
                add(RouteFinding::Severity::Warning, RouteFinding::Kind::MatchesEverything, index,
                    tr("%1 matches every number: all calls that no exact number takes go to it, and no "
                       "shorter pattern is ever reached.")
                        .arg(quoted(number(index))));
            } else if (share >= kAlmostEverything) {
                add(RouteFinding::Severity::Warning, RouteFinding::Kind::MatchesEverything, index,
                    tr("%1 matches %2 % of a sample of %3 ordinary numbers: it takes almost every call that "
                       "no "
                       "exact number takes.")
                        .arg(quoted(number(index)))
                        .arg(qRound(share * 100))
                        .arg(plainCount));
            }
            if (tally.matched > 0 && tally.won == 0) {
                const auto winner = std::max_element(tally.lostTo.cbegin(), tally.lostTo.cend());
                add(RouteFinding::Severity::Warning, RouteFinding::Kind::Shadowed, index,
                    tr("%1 never wins: every number it matches is taken first by the longer pattern %2.")
                        .arg(quoted(number(index)), quoted(number(winner.key()))),
                    winner.key());
            }
        }
    }

    void checkSms(const QList<qsizetype>& regexes) {
        if (regexes.isEmpty())
            return;
        for (const qsizetype index : regexes) {
            if (m_entries.at(index).smsRouted) {
                add(RouteFinding::Severity::Warning, RouteFinding::Kind::SmsNotRouted, index,
                    tr("%1 has an SMS route, but Restcomm does not use regex routes for SMS: messages to "
                       "matching numbers do not reach it.")
                        .arg(quoted(number(index))));
            }
        }
        add(RouteFinding::Severity::Info, RouteFinding::Kind::SmsNotRouted, -1,
            tr("Regex routes apply to voice calls only; SMS reach only exact numbers."));
    }

    const QList<RouteEntry>& m_entries;
    QString m_organization;
    QList<RouteFinding> m_findings;
};

} // namespace

QStringList RouteLinter::sampleNumbers() {
    QRandomGenerator random(20260312); // fixed: the same entries always get the same findings
    auto digits = [&random](int count) {
        QString text;
        for (int i = 0; i < count; ++i)
            text += QChar(u'0' + random.bounded(10));
        return text;
    };
    auto nonZero = [&random] {
        return QChar(u'1' + random.bounded(9));
    };
    QStringList samples;
    const QStringList countries{u"1"_s, u"49"_s, u"44"_s, u"33"_s, u"43"_s, u"41"_s, u"31"_s};
    for (int i = 0; i < 70; ++i) // international
        samples << u'+' + countries.at(i % countries.size()) + nonZero() + digits(8 + i % 4);
    for (int i = 0; i < 40; ++i) // US national, some with the leading 1
        samples << (i % 3 == 0 ? u"1"_s : QString()) + QChar(u'2' + random.bounded(8)) + digits(9);
    for (int i = 0; i < 30; ++i) // German national
        samples << u'0' + nonZero() + digits(8 + i % 4);
    for (int i = 0; i < 30; ++i) // short extensions
        samples << nonZero() + digits(2 + i % 3);
    return samples;
}

QList<RouteFinding> RouteLinter::lint(const QList<RouteEntry>& entries) {
    QStringList organizations;
    for (const RouteEntry& entry : entries) {
        if (!organizations.contains(entry.organizationSid))
            organizations << entry.organizationSid;
    }
    QList<RouteFinding> findings;
    for (const QString& organization : std::as_const(organizations))
        findings += OrganizationLint(entries, organization).run();
    return findings;
}

bool RouteLinter::hasErrors(const QList<RouteFinding>& findings) {
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const RouteFinding& f) { return f.severity == RouteFinding::Severity::Error; });
}

} // namespace trunkline::core
