// RouteExplanation: the candidates and reasons the route tester and `trunkline-cli route` show for each
// kind of RouteMatch (exact, longest pattern, a pattern that does not compile, the "*" row as the last
// resort), and the route entries of a Restcomm account's stored numbers.
#include "core/RouteExplanation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using trunkline::core::PhoneNumberRecord;
using trunkline::core::RestcommAttributes;
using trunkline::core::RouteCandidate;
using trunkline::core::RouteEntry;
using trunkline::core::RouteExplanation;
using trunkline::core::RouteMatch;
using trunkline::core::RouteMatcher;

namespace {

const QString kOrg = u"ORa"_s;

RouteEntry sip(const QString& number) {
    return RouteEntry{number, kOrg, true, number};
}

// "entry: reason" per candidate, the winner marked with "*", for compact comparisons.
QStringList explained(const QString& dialed, const QList<RouteEntry>& entries) {
    const RouteMatch match = RouteMatcher::match(dialed, entries, {}, kOrg);
    QStringList lines;
    for (const RouteCandidate& candidate : RouteExplanation::candidates(match, dialed))
        lines << (candidate.won ? u"* "_s : u"  "_s) + entries.at(candidate.entryIndex).phoneNumber +
                     u": "_s + candidate.reason;
    return lines;
}

} // namespace

class tst_RouteExplanation : public QObject {
    Q_OBJECT

private slots:
    void eachKindOfMatchIsExplained_data() {
        QTest::addColumn<QStringList>("stored");
        QTest::addColumn<QString>("dialed");
        QTest::addColumn<QStringList>("expected");
        const QStringList plan{u"16508251256"_s, u"16.*"_s, u"16508.*"_s, u"*"_s};
        QTest::newRow("exact number before any pattern")
            << plan << u"16508251256"_s
            << QStringList{u"* 16508251256: equals 16508251256; an exact number wins before any pattern"_s};
        // "*" is tried as a pattern too: rewritten to "/*", it finds an empty match in any number.
        QTest::newRow("the longest pattern wins, shorter ones that matched lost")
            << plan << u"16508251255"_s
            << QStringList{u"* 16508.*: matches 16508251255; the longest pattern that matches wins"_s,
                           u"  16.*: matches 16508251255, but a longer pattern was tried first"_s,
                           u"  *: matches 16508251255, but a longer pattern was tried first"_s};
        QTest::newRow("a broken pattern ends the search")
            << QStringList{u"[0-9.*"_s, u"16.*"_s} << u"16508251255"_s
            << QStringList{u"  [0-9.*: not a valid pattern; Restcomm stops trying patterns here: "_s};
        // The search ended at the broken pattern before "*" was tried as one: the "*" row still takes the
        // call as the last resort (§8 step 4).
        QTest::newRow("the star row as the last resort")
            << QStringList{u"[0-9.*"_s, u"*"_s} << u"16508251255"_s
            << QStringList{u"  [0-9.*: not a valid pattern; Restcomm stops trying patterns here: "_s,
                           u"* *: no number or pattern matched; the “*” row takes the call"_s};
    }

    void eachKindOfMatchIsExplained() {
        QFETCH(QStringList, stored);
        QFETCH(QString, dialed);
        QFETCH(QStringList, expected);
        QList<RouteEntry> entries;
        for (const QString& number : stored)
            entries << sip(number);
        const QStringList lines = explained(dialed, entries);
        QCOMPARE(lines.size(), expected.size());
        for (qsizetype i = 0; i < lines.size(); ++i)
            QVERIFY2(lines.at(i).startsWith(expected.at(i)), qPrintable(lines.at(i)));
    }

    // Not digits * # +: no pattern is tried, and no number equals it.
    void nothingMatchedNamesNoCandidate() {
        const QList<RouteEntry> entries{sip(u"1234"_s), sip(u"*"_s)};
        const RouteMatch match = RouteMatcher::match(u"alice"_s, entries, {}, kOrg);
        QCOMPARE(match.kind, RouteMatch::Kind::None);
        QVERIFY(RouteExplanation::candidates(match, u"alice"_s).isEmpty());
    }

    void entriesOfStoredNumbers() {
        PhoneNumberRecord provider;
        provider.id = u"PN1"_s;
        provider.e164 = u"+16502530000"_s;
        provider.restcomm = RestcommAttributes{};
        provider.restcomm->smsUrl = u"https://apps.example.com/sms.xml"_s;
        PhoneNumberRecord pattern;
        pattern.id = u"PN2"_s;
        pattern.e164 = u"16.*"_s; // only a SIP number can have been stored as text like this
        PhoneNumberRecord sipNumber;
        sipNumber.id = u"PN3"_s;
        sipNumber.e164 = u"+15550001"_s;
        sipNumber.restcomm = RestcommAttributes{};
        sipNumber.restcomm->pureSip = true;
        sipNumber.restcomm->smsApplicationSid = u"AP1"_s;

        const QList<RouteEntry> entries = RouteExplanation::entriesOf({provider, pattern, sipNumber}, kOrg);
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).phoneNumber, u"+16502530000"_s);
        QCOMPARE(entries.at(0).id, u"PN1"_s);
        QCOMPARE(entries.at(0).organizationSid, kOrg);
        QVERIFY(!entries.at(0).pureSip);
        QVERIFY(entries.at(0).smsRouted);
        QVERIFY(entries.at(1).pureSip);
        QVERIFY(!entries.at(1).smsRouted);
        QVERIFY(entries.at(2).pureSip);
        QVERIFY(entries.at(2).smsRouted);
    }
};

QTEST_GUILESS_MAIN(tst_RouteExplanation)
#include "tst_RouteExplanation.moc"
