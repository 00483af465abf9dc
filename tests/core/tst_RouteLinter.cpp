// RouteLinter: every kind of finding on a small organisation, its severity, the entry it names and its
// message; a clean set-up (seed 003's example) gets only the note that regexes are voice only.
#include "core/RouteLinter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using trunkline::core::RouteEntry;
using trunkline::core::RouteFinding;
using trunkline::core::RouteLinter;
using Kind = RouteFinding::Kind;
using Severity = RouteFinding::Severity;

namespace {

RouteEntry sip(const QString& number, const QString& org = u"ORa"_s) {
    return RouteEntry{number, org, true, number};
}
RouteEntry did(const QString& number, const QString& org = u"ORa"_s) {
    return RouteEntry{number, org, false, number};
}

// The findings of one kind, for compact assertions.
QList<RouteFinding> ofKind(const QList<RouteFinding>& findings, Kind kind) {
    QList<RouteFinding> out;
    for (const RouteFinding& finding : findings) {
        if (finding.kind == kind)
            out << finding;
    }
    return out;
}

} // namespace

class tst_RouteLinter : public QObject {
    Q_OBJECT

private slots:
    void theSeedsExampleIsClean() {
        const QList<RouteFinding> findings =
            RouteLinter::lint({did(u"16508251256"_s), sip(u"16.*"_s), sip(u"16508.*"_s)});
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].kind, Kind::SmsNotRouted);
        QCOMPARE(findings[0].severity, Severity::Info);
        QCOMPARE(findings[0].entryIndex, -1);
        QVERIFY(!RouteLinter::hasErrors(findings));
    }

    void anInvalidPatternIsAnErrorWithItsPosition() {
        const QList<RouteEntry> entries{sip(u"16{x.*"_s), sip(u"16.*"_s), sip(u"2.*"_s)};
        const QList<RouteFinding> findings = ofKind(RouteLinter::lint(entries), Kind::InvalidRegex);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].severity, Severity::Error);
        QCOMPARE(findings[0].entryIndex, 0);
        QCOMPARE(findings[0].position, 2);
        QVERIFY2(findings[0].message.startsWith(
                     u"“16{x.*” is not a valid pattern at position 3: Illegal repetition"_s),
                 qPrintable(findings[0].message));
        QVERIFY2(findings[0].message.endsWith(u"these shorter ones are never tried: “16.*”, “2.*”."_s),
                 qPrintable(findings[0].message));
        QVERIFY(RouteLinter::hasErrors(RouteLinter::lint(entries)));
    }

    void aPositionInAStarPatternCountsTheStoredText() {
        // "*7[7" is rewritten to "/*7[7" before compiling; the unclosed class is at index 2 as stored.
        const QList<RouteFinding> findings = ofKind(RouteLinter::lint({sip(u"*7[7"_s)}), Kind::InvalidRegex);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].position, 2);
    }

    void aPlusPatternNeverMatches() {
        const QList<RouteFinding> findings =
            ofKind(RouteLinter::lint({sip(u"+1650.*"_s)}), Kind::PlusNeverMatches);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].severity, Severity::Error);
        QCOMPARE(findings[0].message,
                 u"“+1650.*” starts with “+”, which Restcomm rewrites to “/+”, so it never "
                 u"matches a dialed number. Write it as “^\\+1650.*”."_s);
    }

    void patternsThatSwallowEverything_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("message");
        QTest::newRow("dot star")
            << u".*"_s
            << u"“.*” matches every number: all calls that no exact number takes go to it, "
               u"and no shorter pattern is ever reached."_s;
        QTest::newRow("a lone star (contains nothing)")
            << u"*"_s
            << u"“*” matches every number: all calls that no exact number takes go to it, and no shorter "
               u"pattern is ever reached."_s;
        QTest::newRow("any digit")
            << u"\\d"_s
            << u"“\\d” matches every number: all calls that no exact number takes go to "
               u"it, and no shorter pattern is ever reached."_s;
        QTest::newRow("almost: five digits in a row")
            << u"\\d{5}"_s
            << u"“\\d{5}” matches 94 % of a sample of 170 ordinary numbers: it takes almost every call that "
               u"no exact number takes."_s;
    }
    void patternsThatSwallowEverything() {
        QFETCH(QString, pattern);
        QFETCH(QString, message);
        const QList<RouteFinding> findings =
            ofKind(RouteLinter::lint({sip(pattern), did(u"+4930123456"_s)}), Kind::MatchesEverything);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].severity, Severity::Warning);
        QCOMPARE(findings[0].message, message);
    }

    void aNarrowPatternIsNotEverything() {
        QVERIFY(ofKind(RouteLinter::lint({sip(u"^555.*"_s)}), Kind::MatchesEverything).isEmpty());
    }

    void aShorterPatternInsideALongerOneIsShadowed() {
        const QList<RouteEntry> entries{sip(u"^555.*"_s), sip(u"^(555|777).*"_s), sip(u"^9.*"_s)};
        const QList<RouteFinding> findings = ofKind(RouteLinter::lint(entries), Kind::Shadowed);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].entryIndex, 0);
        QCOMPARE(findings[0].otherIndex, 1);
        QCOMPARE(
            findings[0].message,
            u"“^555.*” never wins: every number it matches is taken first by the longer pattern “^(555|777).*”."_s);
    }

    void unreachableExactNumbers() {
        const QList<RouteEntry> entries{did(u"+4930123456"_s), did(u"+4930123456"_s),
                                        sip(u"555?"_s),        did(u"16.*"_s),
                                        did(u"*"_s),           did(u"+4930123456"_s, u"ORb"_s)};
        const QList<RouteFinding> findings = ofKind(RouteLinter::lint(entries), Kind::Unreachable);
        QCOMPARE(findings.size(), 3); // the "*" fallback row and the other organisation's copy are fine
        QCOMPARE(findings[0].entryIndex, 1);
        QCOMPARE(findings[0].otherIndex, 0);
        QVERIFY(findings[0].message.contains(u"listed twice"_s));
        QCOMPARE(findings[1].entryIndex, 2);
        QCOMPARE(findings[1].message,
                 u"“555?” looks like a pattern but is matched only exactly: “?” does not make "
                 u"an entry a regex (only * # ^ | . $ \\ [ ] do), so only a caller dialing "
                 u"“555?” literally reaches it."_s);
        QCOMPARE(findings[2].entryIndex, 3);
        QVERIFY(findings[2].message.contains(u"not a SIP number"_s));
    }

    void theSameNumberWithAndWithoutPrefix() {
        const QList<RouteFinding> findings =
            ofKind(RouteLinter::lint({did(u"+4930123456"_s), did(u"004930123456"_s), did(u"4930123456"_s)}),
                   Kind::SamePrefixVariant);
        QCOMPARE(findings.size(), 2);
        QCOMPARE(findings[0].entryIndex, 1);
        QCOMPARE(findings[0].otherIndex, 0);
        QCOMPARE(findings[0].message,
                 u"“+4930123456” and “004930123456” are the same number written two ways; "
                 u"which one a call reaches depends on how the caller dials. Keep one."_s);
        QCOMPARE(findings[1].entryIndex, 2);
    }

    void smsIsNotRoutedByPatterns() {
        RouteEntry withSms = sip(u"^49.*"_s);
        withSms.smsRouted = true;
        const QList<RouteFinding> findings =
            ofKind(RouteLinter::lint({withSms, did(u"+4930123456"_s)}), Kind::SmsNotRouted);
        QCOMPARE(findings.size(), 2);
        QCOMPARE(findings[0].severity, Severity::Warning);
        QCOMPARE(findings[0].entryIndex, 0);
        QCOMPARE(findings[1].severity, Severity::Info);
        // Without any regex there is nothing to say about SMS.
        QVERIFY(ofKind(RouteLinter::lint({did(u"+4930123456"_s)}), Kind::SmsNotRouted).isEmpty());
    }

    void organisationsAreLintedApart() {
        const QList<RouteFinding> findings =
            RouteLinter::lint({sip(u".*"_s, u"ORa"_s), sip(u"^7.*"_s, u"ORb"_s)});
        // ".*" swallows ORa's calls but cannot shadow ORb's pattern.
        QCOMPARE(ofKind(findings, Kind::Shadowed).size(), 0);
        QCOMPARE(ofKind(findings, Kind::MatchesEverything).size(), 1);
        QCOMPARE(ofKind(findings, Kind::MatchesEverything)[0].organizationSid, u"ORa"_s);
    }
};

QTEST_GUILESS_MAIN(tst_RouteLinter)
#include "tst_RouteLinter.moc"
