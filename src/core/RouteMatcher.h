#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace trunkline::core {

// One Restcomm IncomingPhoneNumber as the route matcher sees it.
struct RouteEntry {
    QString phoneNumber;     // exactly as stored: "+16502530000", "1234", "^\+1650.*", "*"
    QString organizationSid; // organisation owning the number
    bool pureSip = false;    // SIP/virtual number (only these can be regexes)
    QString id;              // caller's key, e.g. the number's sid; not used for matching
    bool smsRouted = false;  // has an SMS URL or application (regexes never route SMS; the linter says so)
};

// One regex of the destination organisation as the selector tried it, for explaining a result.
struct RegexTrial {
    qsizetype entryIndex = -1;
    QString matchedCandidate; // the first candidate it found a match in; empty = none
    QString error;            // it failed to compile (the server then stops trying regexes)
};

struct RouteMatch {
    enum class Kind {
        None,  // no number handles the dialed string
        Exact, // Restcomm's REGULAR result: a stored number equals one candidate
        Regex, // Restcomm's REGEX result: a regex entry (or the "*" fallback row) matched
    };
    Kind kind = Kind::None;
    qsizetype entryIndex = -1;         // index into the entries given to match()
    QString matchedCandidate;          // the candidate string that matched
    bool organizationFiltered = false; // exact rows existed but the organisation rules removed them
    QString regexError;                // a regex failed to compile; Restcomm then stops trying regexes
    QStringList candidates;            // the candidate strings, in the order they were tried
    // Every regex of the destination organisation in evaluation order (longest first), with what it
    // matched: the winner is the first that matched; the later ones show what it won against. Empty
    // when no regex was tried (exact match, no organisation, a dial string that is not digits * # +).
    QList<RegexTrial> regexTrials;

    bool found() const { return kind != Kind::None; }
};

// Which stored number or regex handles a dialed number, the way Restcomm-Connect's
// NumberSelectorServiceImpl decides it (docs/api/restcomm-numbers.md §8), including its quirks: a regex
// starting with "+" never matches, one starting with "*" means "contains the rest", matching is a substring
// search, Java-only syntax such as "^*" is accepted. Pure function of its inputs (Qt Core only).
class RouteMatcher {
    Q_DECLARE_TR_FUNCTIONS(RouteMatcher)

public:
    // Step 1: the dialed string, its US E.164 form (no '*'/'#'; libphonenumber 4.3 behaviour, which
    // strips a leading national prefix "1": "1234" -> "+1234"), and the "+"-toggled form; no duplicates.
    static QStringList candidates(QStringView dialed);

    // True when a stored SIP number counts as a regex: it contains one of * # ^ | . $ \ [ ]
    static bool isRegexEntry(QStringView phoneNumber);

    // Restcomm's rewrite before compiling: leading "+" -> every "+" becomes "/+"; else leading "*" ->
    // every "*" becomes "/*".
    static QString restcommRewrite(QStringView stored);

    // Translates a Java regex into an equivalent PCRE2 (QRegularExpression) pattern: quantified anchors
    // ("^*"), back-references to missing groups (never match in Java). nullopt + translated *error when
    // Java would refuse to compile it (or PCRE2 cannot express it).
    // *errorPosition (optional) is the 0-based index in javaPattern the error concerns.
    static std::optional<QString> javaToPcre(QStringView javaPattern, QString* error = nullptr,
                                             qsizetype* errorPosition = nullptr);

    // The regex entries of an organisation in the order the selector evaluates them: longest first,
    // equal lengths descending (the reverse of the database's ascending order).
    static QList<qsizetype> regexOrder(const QList<RouteEntry>& entries, QStringView organization);

    // The whole selection. sourceOrganization (caller's SIP From host) and destinationOrganization
    // (request-URI host) may be empty = unknown.
    static RouteMatch match(QStringView dialed, const QList<RouteEntry>& entries,
                            QStringView sourceOrganization, QStringView destinationOrganization);
};

} // namespace trunkline::core
