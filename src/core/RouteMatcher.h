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

    bool found() const { return kind != Kind::None; }
};

// Which stored number or regex handles a dialed number, the way Restcomm-Connect's
// NumberSelectorServiceImpl decides it (restcomm-numbers.md §8), including its quirks: a regex starting
// with "+" never matches, one starting with "*" means "contains the rest", matching is a substring
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
    static std::optional<QString> javaToPcre(QStringView javaPattern, QString* error = nullptr);

    // The whole selection. sourceOrganization (caller's SIP From host) and destinationOrganization
    // (request-URI host) may be empty = unknown.
    static RouteMatch match(QStringView dialed, const QList<RouteEntry>& entries,
                            QStringView sourceOrganization, QStringView destinationOrganization);
};

} // namespace trunkline::core
