#include "core/RouteMatcher.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trunkline::core {

namespace {

// Country calling codes libphonenumber knows; a "+" number with another prefix fails to parse
// (INVALID_COUNTRY_CODE) and then has no E.164 candidate.
bool isCountryCode(int code) {
    static const QSet<int> codes{
        1,   7,   20,  27,  30,  31,  32,  33,  34,  36,  39,  40,  41,  43,  44,  45,  46,  47,  48,  49,
        51,  52,  53,  54,  55,  56,  57,  58,  60,  61,  62,  63,  64,  65,  66,  81,  82,  84,  86,  90,
        91,  92,  93,  94,  95,  98,  211, 212, 213, 216, 218, 220, 221, 222, 223, 224, 225, 226, 227, 228,
        229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248,
        249, 250, 251, 252, 253, 254, 255, 256, 257, 258, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269,
        290, 291, 297, 298, 299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374,
        375, 376, 377, 378, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423, 500, 501, 502, 503, 504,
        505, 506, 507, 508, 509, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 670, 672, 673, 674, 675,
        676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692, 800, 808, 850, 852,
        853, 855, 856, 870, 878, 880, 881, 882, 883, 886, 888, 960, 961, 962, 963, 964, 965, 966, 967, 968,
        970, 971, 972, 973, 974, 975, 976, 977, 979, 992, 993, 994, 995, 996, 998};
    return codes.contains(code);
}

QChar keypadDigit(QChar letter) {
    static const QString keypad = u"22233344455566677778889999"_s; // standard keypad, A..Z
    const char16_t upper = letter.toUpper().unicode();
    return keypad.at(upper - u'A');
}

// libphonenumber 4.3 parse(dialed, "US") + format(E164), reduced to what the selector relies on.
// nullopt where the library throws (not a number, too short, unknown country code).
std::optional<QString> usE164(QStringView dialed) {
    QString digits;
    bool plus = false;
    bool started = false;
    for (const QChar c : dialed) {
        if (!started && (c == u'+' || c.isDigit())) {
            started = true;
            if (c == u'+') {
                plus = true;
                continue;
            }
        }
        if (c.isDigit() && c.unicode() < 128)
            digits += c;
        else if (c.isLetter() && c.unicode() < 128)
            digits += keypadDigit(c); // vanity numbers
        else if (!QStringView(u" -.()/\u00a0").contains(c) && !(c == u'+' && !started))
            return std::nullopt; // not a viable phone number (e.g. "alice@host")
    }
    if (digits.size() < 2 || digits.size() > 17)
        return std::nullopt;
    if (!plus && digits.startsWith(u"011")) { // US international prefix
        plus = true;
        digits = digits.mid(3);
    }
    if (plus) {
        for (int length = 1; length <= 3 && length < digits.size(); ++length) {
            if (isCountryCode(digits.left(length).toInt())) {
                if (digits.size() - length < 2)
                    return std::nullopt; // TOO_SHORT_NSN
                return u'+' + digits;
            }
        }
        return std::nullopt;
    }
    // Region US: 4.3 strips a leading national prefix "1" (upstream test data: "1234" -> "+1234").
    QString national = digits.startsWith(u'1') ? digits.mid(1) : digits;
    if (national.size() < 2)
        return std::nullopt;
    return u"+1"_s + national;
}

bool sameOrg(QStringView a, QStringView b) {
    return !a.isEmpty() && a == b;
}

} // namespace

QStringList RouteMatcher::candidates(QStringView dialed) {
    QStringList out{dialed.toString()};
    auto add = [&](const QString& s) {
        if (!out.contains(s))
            out.append(s);
    };
    if (!dialed.contains(u'*') && !dialed.contains(u'#'))
        if (const std::optional<QString> e164 = usE164(dialed))
            add(*e164);
    if (dialed.startsWith(u'+'))
        add(dialed.mid(1).toString());
    else
        add(u'+' + dialed.toString());
    return out;
}

bool RouteMatcher::isRegexEntry(QStringView phoneNumber) {
    for (const QChar c : phoneNumber)
        if (QStringView(u"*#^|.$\\[]").contains(c))
            return true;
    return false;
}

QString RouteMatcher::restcommRewrite(QStringView stored) {
    QString out = stored.toString();
    if (out.startsWith(u'+'))
        out.replace(u"+"_s, u"/+"_s);
    else if (out.startsWith(u'*'))
        out.replace(u"*"_s, u"/*"_s);
    return out;
}

std::optional<QString> RouteMatcher::javaToPcre(QStringView java, QString* error, qsizetype* errorPosition) {
    qsizetype at = 0; // where the scan is, for the error position
    auto fail = [&](const QString& message) -> std::optional<QString> {
        if (error)
            *error = message;
        if (errorPosition)
            *errorPosition = at;
        return std::nullopt;
    };
    // Capturing groups, for Java's rule on back-references: \N refers to group N only if it exists.
    int groups = 0;
    {
        bool escaped = false;
        int classDepth = 0;
        for (qsizetype i = 0; i < java.size(); ++i) {
            const QChar c = java.at(i);
            if (escaped) {
                escaped = false;
                continue;
            }
            if (c == u'\\')
                escaped = true;
            else if (c == u'[')
                ++classDepth;
            else if (c == u']' && classDepth > 0)
                --classDepth;
            else if (c == u'(' && classDepth == 0) {
                const bool named = java.mid(i + 1, 2) == u"?<" && i + 3 < java.size() &&
                                   java.at(i + 3) != u'=' && java.at(i + 3) != u'!';
                if (i + 1 >= java.size() || java.at(i + 1) != u'?' || named)
                    ++groups;
            }
        }
    }

    static const QRegularExpression quantifier(u"^\\{(\\d+)(,(\\d*))?\\}"_s);
    QString out;
    int classDepth = 0;
    qsizetype classStart = 0;
    for (qsizetype i = 0; i < java.size(); ++i) {
        at = i;
        const QChar c = java.at(i);
        if (c == u'\\') {
            if (i + 1 >= java.size())
                return fail(tr("The pattern ends with an unfinished escape \"\\\"."));
            const QChar next = java.at(i + 1);
            if (classDepth == 0 && next.isDigit() && next != u'0') {
                // Java: take more digits while the group exists; a missing group never matches.
                qsizetype j = i + 1;
                int ref = next.digitValue();
                while (j + 1 < java.size() && java.at(j + 1).isDigit() &&
                       ref * 10 + java.at(j + 1).digitValue() <= groups) {
                    ref = ref * 10 + java.at(j + 1).digitValue();
                    ++j;
                }
                out += ref <= groups ? QStringLiteral("(?:\\%1)").arg(ref) : u"(?!)"_s;
                i = j;
                continue;
            }
            if (next == u'Q') { // \Q...\E quotes literally in both dialects
                const qsizetype end = java.indexOf(u"\\E", i + 2);
                const qsizetype stop = end < 0 ? java.size() : end + 2;
                out += java.mid(i, stop - i);
                i = stop - 1;
                continue;
            }
            out += c;
            out += next;
            ++i;
            continue;
        }
        if (classDepth > 0) {
            if (c == u'[') {
                ++classDepth;
                if (classDepth > 1)
                    return fail(
                        tr("Nested character classes (\"%1\") are Java-only and not supported.").arg(java));
            } else if (c == u']') {
                --classDepth;
            } else if (c == u'&' && java.mid(i, 2) == u"&&") {
                return fail(tr("Character class intersection \"&&\" is Java-only and not supported."));
            }
            out += c;
            continue;
        }
        if (c == u'[') {
            classDepth = 1;
            classStart = i;
            out += c;
            // "[]" or "[^]": in Java a ']' right after '[' or '[^' is literal only if escaped; keep as is.
            continue;
        }
        if (c == u'^' || c == u'$') {
            // Java accepts a quantified anchor ("^*"): zero repetitions allowed = no constraint; "+" or
            // "{n,}" with n >= 1 = the anchor itself. PCRE2 rejects both, so rewrite.
            qsizetype j = i + 1;
            bool optional = false;
            bool quantified = false;
            if (j < java.size() && (java.at(j) == u'*' || java.at(j) == u'?')) {
                optional = true;
                quantified = true;
                ++j;
            } else if (j < java.size() && java.at(j) == u'+') {
                quantified = true;
                ++j;
            } else if (j < java.size() && java.at(j) == u'{') {
                const auto m = quantifier.match(java.mid(j).toString());
                if (m.hasMatch()) {
                    quantified = true;
                    optional = m.captured(1).toInt() == 0;
                    j += m.capturedLength();
                }
            }
            if (quantified && j < java.size() && (java.at(j) == u'?' || java.at(j) == u'+'))
                ++j; // lazy / possessive suffix
            if (!optional)
                out += c;
            i = j - 1;
            continue;
        }
        if (c == u'{') {
            // Java refuses a '{' that does not start a quantifier ("Illegal repetition"); PCRE2 would
            // take it literally.
            const auto m = quantifier.match(java.mid(i).toString());
            if (!m.hasMatch() || out.isEmpty())
                return fail(tr("Illegal repetition near index %1: \"{\" must start a quantifier such as {3} "
                               "or {2,4}.")
                                .arg(i));
        }
        out += c;
    }
    if (classDepth > 0) {
        at = classStart;
        return fail(tr("Unclosed character class in \"%1\".").arg(java));
    }
    const QRegularExpression check(out);
    // PCRE2's offset is in the translated pattern, which differs from the Java one only where an anchor
    // or back-reference was rewritten; close enough to point at the spot.
    at = std::min<qsizetype>(check.patternErrorOffset(), java.size());
    if (!check.isValid())
        return fail(tr("The pattern \"%1\" is not a valid regular expression: %2 at offset %3.")
                        .arg(java.toString(), check.errorString())
                        .arg(check.patternErrorOffset()));
    return out;
}

RouteMatch RouteMatcher::match(QStringView dialed, const QList<RouteEntry>& entries,
                               QStringView sourceOrganization, QStringView destinationOrganization) {
    RouteMatch result;
    result.candidates = candidates(dialed);
    const bool destKnown = !destinationOrganization.isEmpty();
    const bool crossOrg = !sourceOrganization.isEmpty() && sourceOrganization != destinationOrganization;

    // Step 2 and 4's organisation rules: destination org if known, else provider (non-SIP) numbers only;
    // a caller from another organisation only reaches provider numbers.
    auto allowed = [&](const RouteEntry& e) {
        if (destKnown && e.organizationSid != destinationOrganization)
            return false;
        if (!destKnown && e.pureSip)
            return false;
        if (crossOrg && e.pureSip)
            return false;
        return true;
    };
    auto exactLookup = [&](const QString& number) -> qsizetype {
        bool any = false;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (entries.at(i).phoneNumber != number)
                continue;
            any = true;
            if (allowed(entries.at(i)))
                return i;
        }
        if (any)
            result.organizationFiltered = true;
        return -1;
    };

    for (const QString& candidate : std::as_const(result.candidates)) {
        const qsizetype index = exactLookup(candidate);
        if (index >= 0) {
            result.kind = RouteMatch::Kind::Exact;
            result.entryIndex = index;
            result.matchedCandidate = candidate;
            return result;
        }
    }

    // Step 3: regexes, only inside one known organisation and only for dial strings of digits * # + ,
    static const QRegularExpression dialable(u"^[\\d,*#+]+$"_s);
    if (!destKnown ||
        (!sourceOrganization.isEmpty() && !sameOrg(sourceOrganization, destinationOrganization)) ||
        !dialable.match(dialed).hasMatch())
        return result;

    const QList<qsizetype> regexes = regexOrder(entries, destinationOrganization);
    for (const qsizetype index : regexes) {
        RegexTrial trial{index, {}, {}};
        const std::optional<QString> pcre =
            javaToPcre(restcommRewrite(entries.at(index).phoneNumber), &trial.error);
        if (!pcre) {
            // One try/catch around the whole loop upstream: a broken regex ends the regex search
            // (the "*" fallback below still runs unless a regex already won).
            result.regexTrials.append(trial);
            if (!result.found())
                result.regexError = trial.error;
            break;
        }
        const QRegularExpression re(*pcre);
        for (const QString& candidate : std::as_const(result.candidates)) {
            if (re.match(candidate).hasMatch()) { // find(), not a full match
                trial.matchedCandidate = candidate;
                break;
            }
        }
        result.regexTrials.append(trial);
        // The first match wins; the rest are still tried, only to show what the winner beat.
        if (!result.found() && !trial.matchedCandidate.isEmpty()) {
            result.kind = RouteMatch::Kind::Regex;
            result.entryIndex = index;
            result.matchedCandidate = trial.matchedCandidate;
        }
    }
    if (result.found())
        return result;

    // Step 4: a literal "*" row (e.g. a provider number stored as "*") under the step-2 rules.
    const qsizetype star = exactLookup(u"*"_s);
    if (star >= 0) {
        result.kind = RouteMatch::Kind::Regex;
        result.entryIndex = star;
        result.matchedCandidate = dialed.toString();
    }
    return result;
}

QList<qsizetype> RouteMatcher::regexOrder(const QList<RouteEntry>& entries, QStringView organization) {
    QList<qsizetype> regexes;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const RouteEntry& e = entries.at(i);
        if (e.pureSip && e.organizationSid == organization && isRegexEntry(e.phoneNumber))
            regexes.append(i);
    }
    // Longest first; equal lengths in reverse DB order (DB: ascending phone_number), as Restcomm's
    // never-zero comparator yields.
    std::stable_sort(regexes.begin(), regexes.end(), [&](qsizetype a, qsizetype b) {
        const QString& pa = entries.at(a).phoneNumber;
        const QString& pb = entries.at(b).phoneNumber;
        if (pa.size() != pb.size())
            return pa.size() > pb.size();
        return pa > pb;
    });
    return regexes;
}

} // namespace trunkline::core
