#include "core/RouteMatcher.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using trunkline::core::RouteEntry;
using trunkline::core::RouteMatch;
using trunkline::core::RouteMatcher;

namespace {

// "number|org|sip" -> RouteEntry; org may be empty, sip is "sip" or "did".
QList<RouteEntry> entriesFrom(const QStringList& rows) {
    QList<RouteEntry> out;
    for (const QString& row : rows) {
        const QStringList parts = row.split(u'|');
        out.append(RouteEntry{parts.at(0), parts.at(1), parts.at(2) == u"sip", QString::number(out.size())});
    }
    return out;
}

} // namespace

class TestRouteMatcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void candidates_data() {
        QTest::addColumn<QString>("dialed");
        QTest::addColumn<QStringList>("expected");
        // Upstream NumberSelectorServiceTest data points (libphonenumber 4.3 strips a leading "1").
        QTest::newRow("1234") << u"1234"_s << QStringList{u"1234"_s, u"+1234"_s};
        QTest::newRow("+1234") << u"+1234"_s << QStringList{u"+1234"_s, u"1234"_s};
        QTest::newRow("987456") << u"987456"_s << QStringList{u"987456"_s, u"+1987456"_s, u"+987456"_s};
        QTest::newRow("7788") << u"7788"_s << QStringList{u"7788"_s, u"+17788"_s, u"+7788"_s};
        QTest::newRow("national US") << u"6502530000"_s
                                     << QStringList{u"6502530000"_s, u"+16502530000"_s, u"+6502530000"_s};
        QTest::newRow("E.164") << u"+16502530000"_s << QStringList{u"+16502530000"_s, u"16502530000"_s};
        QTest::newRow("formatted") << u"(650) 253-0000"_s
                                   << QStringList{u"(650) 253-0000"_s, u"+16502530000"_s,
                                                  u"+(650) 253-0000"_s};
        QTest::newRow("star code: no E.164 form") << u"*777#"_s << QStringList{u"*777#"_s, u"+*777#"_s};
        QTest::newRow("hash: no E.164 form") << u"12#"_s << QStringList{u"12#"_s, u"+12#"_s};
        QTest::newRow("unknown country code") << u"+999123"_s << QStringList{u"+999123"_s, u"999123"_s};
        QTest::newRow("sip user: not a number")
            << u"alice@example.com"_s << QStringList{u"alice@example.com"_s, u"+alice@example.com"_s};
    }
    void candidates() {
        QFETCH(QString, dialed);
        QFETCH(QStringList, expected);
        QCOMPARE(RouteMatcher::candidates(dialed), expected);
    }

    void isRegexEntry_data() {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("regex");
        QTest::newRow("star") << u"*"_s << true;
        QTest::newRow("plus star") << u"+1650*"_s << true;
        QTest::newRow("anchored") << u"^\\+1650.*"_s << true;
        QTest::newRow("alternation") << u"1|2"_s << true;
        QTest::newRow("class") << u"[45]234[23]"_s << true;
        QTest::newRow("hash") << u"123#"_s << true;
        QTest::newRow("backslash") << u"7777\\8888"_s << true;
        QTest::newRow("plain SIP") << u"1234"_s << false;
        QTest::newRow("E.164") << u"+16502530000"_s << false;
        QTest::newRow("question mark alone") << u"555?"_s << false;
        QTest::newRow("parentheses alone") << u"12(3)4"_s << false;
        QTest::newRow("braces and dash") << u"1{2}-3"_s << false;
    }
    void isRegexEntry() {
        QFETCH(QString, number);
        QFETCH(bool, regex);
        QCOMPARE(RouteMatcher::isRegexEntry(number), regex);
    }

    void restcommRewrite_data() {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("rewritten");
        QTest::newRow("leading plus") << u"+1650*"_s << u"/+1650*"_s;
        QTest::newRow("every plus") << u"+1+2"_s << u"/+1/+2"_s;
        QTest::newRow("leading star") << u"*777#"_s << u"/*777#"_s;
        QTest::newRow("every star") << u"*1*"_s << u"/*1/*"_s;
        QTest::newRow("star alone") << u"*"_s << u"/*"_s;
        QTest::newRow("anchored untouched") << u"^\\+1650.*"_s << u"^\\+1650.*"_s;
        QTest::newRow("inner plus untouched") << u"1+"_s << u"1+"_s;
    }
    void restcommRewrite() {
        QFETCH(QString, stored);
        QFETCH(QString, rewritten);
        QCOMPARE(RouteMatcher::restcommRewrite(stored), rewritten);
    }

    void javaToPcre_data() {
        QTest::addColumn<QString>("java");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<bool>("matches");
        // Java accepts "^*" (an optional start anchor); PCRE2 would reject it.
        QTest::newRow("^* contains at end") << u"^*77...33#$"_s << u"*7712333#"_s << true;
        QTest::newRow("^* anywhere before") << u"^*77...33#$"_s << u"9*7712333#"_s << true;
        QTest::newRow("^* still needs the end") << u"^*77...33#$"_s << u"*7712333#9"_s << false;
        QTest::newRow("^+ is the anchor") << u"^+12"_s << u"123"_s << true;
        QTest::newRow("^+ still anchors") << u"^+12"_s << u"312"_s << false;
        QTest::newRow("$? optional") << u"12$?"_s << u"123"_s << true;
        // Java: \8 refers to a group that does not exist and never matches (not "7777 or 8888").
        QTest::newRow("missing group 7777") << u"7777\\8888"_s << u"7777"_s << false;
        QTest::newRow("missing group 8888") << u"7777\\8888"_s << u"8888"_s << false;
        QTest::newRow("existing group") << u"(7)\\1"_s << u"77"_s << true;
        QTest::newRow("rewritten plus never matches") << u"/+1650.*"_s << u"+16502530000"_s << false;
        QTest::newRow("rewritten star contains") << u"/*777#"_s << u"12777#3"_s << true;
        QTest::newRow("find, not full match") << u"999..."_s << u"1999123"_s << true;
        QTest::newRow("quantifier braces") << u"9{3}"_s << u"1999"_s << true;
        QTest::newRow("quoted") << u"\\Q+1.\\E"_s << u"+1."_s << true;
    }
    void javaToPcre() {
        QFETCH(QString, java);
        QFETCH(QString, subject);
        QFETCH(bool, matches);
        QString error;
        const std::optional<QString> pcre = RouteMatcher::javaToPcre(java, &error);
        QVERIFY2(pcre.has_value(), qPrintable(error));
        const QRegularExpression re(*pcre);
        QVERIFY2(re.isValid(), qPrintable(re.errorString()));
        QCOMPARE(re.match(subject).hasMatch(), matches);
    }

    void javaToPcreRejects_data() {
        QTest::addColumn<QString>("java");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("illegal repetition") << u"12{3"_s << u"Illegal repetition"_s;
        QTest::newRow("unclosed class") << u"[12"_s << u"Unclosed character class"_s;
        QTest::newRow("unclosed group") << u"(12"_s << u"not a valid regular expression"_s;
        QTest::newRow("dangling star") << u"1**"_s << u"not a valid regular expression"_s;
        QTest::newRow("trailing backslash") << u"12\\"_s << u"unfinished escape"_s;
    }
    void javaToPcreRejects() {
        QFETCH(QString, java);
        QFETCH(QString, messagePart);
        QString error;
        QVERIFY(!RouteMatcher::javaToPcre(java, &error).has_value());
        QVERIFY2(error.contains(messagePart), qPrintable(error));
    }

    void match_data() {
        QTest::addColumn<QStringList>("entries"); // "number|org|sip|did"
        QTest::addColumn<QString>("dialed");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<int>("kind");  // RouteMatch::Kind
        QTest::addColumn<int>("entry"); // expected entry index, -1 none
        QTest::addColumn<bool>("orgFiltered");

        const int none = int(RouteMatch::Kind::None);
        const int exact = int(RouteMatch::Kind::Exact);
        const int regex = int(RouteMatch::Kind::Regex);
        // Seed 003's regex table (destination organisation known).
        QTest::newRow("perfect match wins")
            << QStringList{u"16508251255|ORa|sip"_s, u"16.*|ORa|sip"_s} << u"16508251255"_s << QString()
            << u"ORa"_s << exact << 0 << false;
        QTest::newRow("no perfect match: regex")
            << QStringList{u"16508251256|ORa|sip"_s, u"16.*|ORa|sip"_s} << u"16508251255"_s << QString()
            << u"ORa"_s << regex << 1 << false;
        QTest::newRow("longest regex first")
            << QStringList{u"16508251256|ORa|sip"_s, u"16.*|ORa|sip"_s, u"16508.*|ORa|sip"_s}
            << u"16508251255"_s << QString() << u"ORa"_s << regex << 2 << false;
        QTest::newRow("equal length: descending text")
            << QStringList{u"1...|ORa|sip"_s, u"12..|ORa|sip"_s} << u"1234"_s << QString() << u"ORa"_s
            << regex << 1 << false;
        QTest::newRow("class example") << QStringList{u"[45]234[23]|ORa|sip"_s} << u"52343"_s << QString()
                                       << u"ORa"_s << regex << 0 << false;
        QTest::newRow("class example miss") << QStringList{u"[45]234[23]|ORa|sip"_s} << u"62344"_s
                                            << QString() << u"ORa"_s << none << -1 << false;
        QTest::newRow("^* star code") << QStringList{u"^*77...33#$|ORa|sip"_s} << u"*7712333#"_s << QString()
                                      << u"ORa"_s << regex << 0 << false;
        QTest::newRow("[12]2233#") << QStringList{u"^[12]2233#$|ORa|sip"_s} << u"22233#"_s << QString()
                                   << u"ORa"_s << regex << 0 << false;
        QTest::newRow("[12]2233# miss") << QStringList{u"^[12]2233#$|ORa|sip"_s} << u"32233#"_s << QString()
                                        << u"ORa"_s << none << -1 << false;
        QTest::newRow("+1650* never matches") << QStringList{u"+1650*|ORa|sip"_s} << u"+16502530000"_s
                                              << QString() << u"ORa"_s << none << -1 << false;
        QTest::newRow("^\\+1650.* via E.164 candidate")
            << QStringList{u"^\\+1650.*|ORa|sip"_s} << u"6502530000"_s << QString() << u"ORa"_s << regex << 0
            << false;
        QTest::newRow("star contains rest") << QStringList{u"*777#|ORa|sip"_s} << u"12777#3"_s << QString()
                                            << u"ORa"_s << regex << 0 << false;
        QTest::newRow("catch-all star") << QStringList{u"1234|ORa|sip"_s, u"*|ORa|sip"_s} << u"5551234"_s
                                        << QString() << u"ORa"_s << regex << 1 << false;
        // Organisation rules.
        // The "*" fallback lookup uses the step-2 rules, so the other organisation's row counts as filtered.
        QTest::newRow("regex of other org unused")
            << QStringList{u"*|ORb|sip"_s} << u"7777"_s << QString() << u"ORa"_s << none << -1 << true;
        QTest::newRow("no destination org: no regex") << QStringList{u"16.*|ORa|sip"_s} << u"16508251255"_s
                                                      << QString() << QString() << none << -1 << false;
        QTest::newRow("caller from other org: no regex") << QStringList{u"16.*|ORa|sip"_s} << u"16508251255"_s
                                                         << u"ORb"_s << u"ORa"_s << none << -1 << false;
        QTest::newRow("same org caller: regex") << QStringList{u"16.*|ORa|sip"_s} << u"16508251255"_s
                                                << u"ORa"_s << u"ORa"_s << regex << 0 << false;
        QTest::newRow("SIP number without destination org: filtered")
            << QStringList{u"1234|ORa|sip"_s} << u"1234"_s << QString() << QString() << none << -1 << true;
        QTest::newRow("provider number without destination org")
            << QStringList{u"+16502530000|ORa|did"_s} << u"16502530000"_s << QString() << QString() << exact
            << 0 << false;
        QTest::newRow("SIP number in destination org picked over other org")
            << QStringList{u"7777|ORb|sip"_s, u"7777|ORa|sip"_s} << u"7777"_s << QString() << u"ORa"_s
            << exact << 1 << false;
        QTest::newRow("cross-org caller reaches provider number only")
            << QStringList{u"7777|ORa|sip"_s, u"+17777|ORa|did"_s} << u"7777"_s << u"ORb"_s << u"ORa"_s
            << exact << 1 << true;
        QTest::newRow("letters are not dialable: no regex")
            << QStringList{u".*|ORa|sip"_s} << u"alice"_s << QString() << u"ORa"_s << none << -1 << false;
        // Step 4: a literal "*" provider row as the last resort.
        QTest::newRow("star fallback row")
            << QStringList{u"*|ORa|did"_s} << u"5550000"_s << QString() << u"ORa"_s << regex << 0 << false;
    }
    void match() {
        QFETCH(QStringList, entries);
        QFETCH(QString, dialed);
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QFETCH(int, kind);
        QFETCH(int, entry);
        QFETCH(bool, orgFiltered);
        const RouteMatch m = RouteMatcher::match(dialed, entriesFrom(entries), source, destination);
        QCOMPARE(int(m.kind), kind);
        QCOMPARE(m.entryIndex, qsizetype(entry));
        QCOMPARE(m.organizationFiltered, orgFiltered);
        QCOMPARE(m.found(), entry >= 0);
        QVERIFY(m.regexError.isEmpty());
    }

    void theTrialsShowWhatTheWinnerBeat() {
        // Seed 003: "16.*" and "16508.*" both match 16508251255; the longer one is tried first and wins.
        const QList<RouteEntry> entries = entriesFrom(
            {u"16508251256|ORa|sip"_s, u"16.*|ORa|sip"_s, u"16508.*|ORa|sip"_s, u"9.*|ORa|sip"_s});
        const RouteMatch m = RouteMatcher::match(u"16508251255", entries, {}, u"ORa");
        QCOMPARE(m.entryIndex, 2);
        QCOMPARE(m.regexTrials.size(), 3);
        QCOMPARE(m.regexTrials[0].entryIndex, 2); // longest first
        QCOMPARE(m.regexTrials[0].matchedCandidate, u"16508251255"_s);
        QCOMPARE(m.regexTrials[1].entryIndex, 1); // also matched, but shorter
        QCOMPARE(m.regexTrials[1].matchedCandidate, u"16508251255"_s);
        QCOMPARE(m.regexTrials[2].entryIndex, 3);
        QVERIFY(m.regexTrials[2].matchedCandidate.isEmpty());

        // An exact match tries no regex at all.
        QVERIFY(RouteMatcher::match(u"16508251256", entries, {}, u"ORa").regexTrials.isEmpty());
        // A broken regex after the winner does not turn the result into an error.
        const RouteMatch won =
            RouteMatcher::match(u"123", entriesFrom({u"1{2.|ORa|sip"_s, u"123.*|ORa|sip"_s}), {}, u"ORa");
        QCOMPARE(won.entryIndex, 1);
        QVERIFY(won.regexError.isEmpty());
        QCOMPARE(won.regexTrials.size(), 2);
        QVERIFY(!won.regexTrials[1].error.isEmpty());
    }

    void errorPositions_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("position");
        QTest::newRow("illegal repetition") << u"12{a"_s << 2;
        QTest::newRow("unclosed class") << u"1[23"_s << 1;
        QTest::newRow("unfinished escape") << u"12\\"_s << 2;
        QTest::newRow("unbalanced bracket") << u"12(3"_s << 4;
    }
    void errorPositions() {
        QFETCH(QString, pattern);
        QFETCH(int, position);
        QString error;
        qsizetype at = -1;
        QVERIFY(!RouteMatcher::javaToPcre(pattern, &error, &at));
        QVERIFY(!error.isEmpty());
        QCOMPARE(at, qsizetype(position));
    }

    void brokenRegexStopsTheSearch() {
        // "1{2.*" is longer, so it is tried first; Java refuses it ("Illegal repetition") and Restcomm's
        // single try/catch ends the regex loop: the shorter, valid "1.*" is never tried.
        const QList<RouteEntry> entries = entriesFrom({u"1.*|ORa|sip"_s, u"1{2.*|ORa|sip"_s});
        const RouteMatch m = RouteMatcher::match(u"123", entries, {}, u"ORa");
        QCOMPARE(m.kind, RouteMatch::Kind::None);
        QVERIFY2(m.regexError.contains(u"Illegal repetition"_s), qPrintable(m.regexError));

        // The literal "*" fallback still runs after the aborted regex loop.
        const RouteMatch star =
            RouteMatcher::match(u"123", entriesFrom({u"1{2.*|ORa|sip"_s, u"*|ORa|did"_s}), {}, u"ORa");
        QCOMPARE(star.kind, RouteMatch::Kind::Regex);
        QCOMPARE(star.entryIndex, qsizetype(1));

        const RouteMatch without = RouteMatcher::match(u"123", entriesFrom({u"1.*|ORa|sip"_s}), {}, u"ORa");
        QCOMPARE(without.kind, RouteMatch::Kind::Regex);
        QCOMPARE(without.matchedCandidate, u"123"_s);
    }
};

QTEST_GUILESS_MAIN(TestRouteMatcher)
#include "tst_RouteMatcher.moc"
