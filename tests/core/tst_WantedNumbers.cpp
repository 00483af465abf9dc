// WantedNumbers: the notations a pasted list may use, every refusal with its line and rule, and the
// derived activation ranges checked against brute force over random lists.
#include "core/PortingRules.h"
#include "core/WantedNumbers.h"

#include <QRandomGenerator>
#include <QTest>
#include <set>

using namespace trunkline::core;
using namespace Qt::StringLiterals;

namespace {

const QString kRoute = u"+492012345678"_s;

// The same full number in one of the notations people paste.
QString inNotation(const QString& e164, int notation) {
    const QString national = e164.mid(3); // after "+49"
    switch (notation % 5) {
    case 0:
        return e164;
    case 1:
        return u"+49 "_s + national.left(3) + u' ' + national.mid(3, 5) + u' ' + national.mid(8);
    case 2:
        return u"0049"_s + national;
    case 3:
        return u'0' + national.left(3) + u'/' + national.mid(3, 5) + u'-' + national.mid(8);
    default:
        return u"(0"_s + national.left(3) + u") "_s + national.mid(3);
    }
}

} // namespace

class tst_WantedNumbers : public QObject {
    Q_OBJECT

private slots:
    void notations_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("e164");
        QTest::newRow("E.164") << u"+49201234567804"_s << u"+49201234567804"_s;
        QTest::newRow("international, spaced") << u"+49 201 23456 7804"_s << u"+49201234567804"_s;
        QTest::newRow("00 prefix") << u"0049 201 234567804"_s << u"+49201234567804"_s;
        QTest::newRow("national") << u"0201 234567804"_s << u"+49201234567804"_s;
        QTest::newRow("national, slash and dash") << u"0201/2345678-04"_s << u"+49201234567804"_s;
        QTest::newRow("brackets and dots") << u"(0201) 2345.678.04"_s << u"+49201234567804"_s;
        QTest::newRow("another country") << u"+1 650 253 0000"_s << u"+16502530000"_s;
    }
    void notations() {
        QFETCH(QString, text);
        QFETCH(QString, e164);
        QString error;
        QCOMPARE(WantedNumbers::toE164(text, &error), std::optional<QString>(e164));
        QVERIFY(error.isEmpty());
    }

    void refusedNotations_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("letters")
            << u"0201 2345 ABC"_s
            << u"“0201 2345 ABC” contains “A”; a number may hold only digits, spaces, + / - . ( )"_s;
        QTest::newRow("no country")
            << u"201 234567804"_s
            << u"“201 234567804” has no country: write it as +49…, 0049… or with the area code's 0"_s;
        QTest::newRow("too long")
            << u"+49 2012 3456 7804 1234"_s
            << u"“+49 2012 3456 7804 1234” is not a phone number (+ and 2 to 15 digits)"_s;
        QTest::newRow("plus in the middle")
            << u"0201+234"_s
            << u"“0201+234” contains “+”; a number may hold only digits, spaces, + / - . ( )"_s;
    }
    void refusedNotations() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QString actual;
        QCOMPARE(WantedNumbers::toE164(text, &actual), std::nullopt);
        QCOMPARE(actual, error);
    }

    void theSeedsExample() {
        // Seed 002: +49 20 1234567804, …19, …20 and …42 in the block 0-99 -> 4-4, 19-20, 42-42.
        const WantedNumbers::Plan plan =
            WantedNumbers::plan(kRoute, {0, 99},
                                {u"+49 20 1234567804"_s, u"+49 20 1234567819"_s, u""_s, u"# comment"_s,
                                 u"0201234567820"_s, u"0049201234567842"_s, u"+49201234567819"_s});
        QVERIFY(plan.ok());
        QCOMPARE(plan.activationRanges, (QList<NumberRange>{{4, 4}, {19, 20}, {42, 42}}));
        QCOMPARE(plan.extensions, (QList<int>{4, 19, 20, 42}));
        QVERIFY(validateExtensionRanges(kRoute, PortingOrderStatus::Draft, {0, 99}, plan.activationRanges)
                    .isEmpty());
    }

    void eachRefusalNamesItsLine_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("another route")
            << u"+49 30 1234567804"_s
            << u"Line 2: +49301234567804 is not the route number +492012345678 followed by a 2-digit extension."_s;
        QTest::newRow("too few extension digits")
            << u"+49 201 2345678 4"_s
            << u"Line 2: +4920123456784 is not the route number +492012345678 followed by a 2-digit extension."_s;
        QTest::newRow("outside the block")
            << u"+49 201 2345678 95"_s
            << u"Line 2: extension 95 of +49201234567895 is outside the extension range 0–89."_s;
        QTest::newRow("not a number")
            << u"call Anna"_s
            << u"Line 2: “call Anna” contains “c”; a number may hold only digits, spaces, + / - . ( )."_s;
    }
    void eachRefusalNamesItsLine() {
        QFETCH(QString, line);
        QFETCH(QString, message);
        const WantedNumbers::Plan plan = WantedNumbers::plan(kRoute, {0, 89}, {u"+49201234567804"_s, line});
        QCOMPARE(plan.problems.size(), 1);
        QCOMPARE(plan.problems[0].field, u"/wanted_numbers/1"_s);
        QCOMPARE(plan.problems[0].message, message);
        QCOMPARE(plan.activationRanges, (QList<NumberRange>{{4, 4}})); // the good line still counts
    }

    void randomListsMatchBruteForce() {
        QRandomGenerator random(20261204);
        for (int round = 0; round < 300; ++round) {
            const NumberRange block = QList<NumberRange>{{0, 9}, {0, 99}, {0, 999}, {10, 59}}[round % 4];
            std::set<int> wanted;
            QStringList lines;
            const int count = random.bounded(0, block.size() + 1);
            for (int i = 0; i < count; ++i) {
                const int extension = block.startAt + random.bounded(block.size());
                wanted.insert(extension);
                const QString e164 =
                    kRoute + QString::number(extension).rightJustified(extensionDigitCount(block), u'0');
                lines << inNotation(e164, random.bounded(5));
            }
            const WantedNumbers::Plan plan = WantedNumbers::plan(kRoute, block, lines);
            QVERIFY2(plan.ok(), qPrintable(plan.problems.value(0).message));

            // Brute force: walk the block and count runs of wanted extensions.
            QList<NumberRange> expected;
            for (int extension = block.startAt; extension <= block.endAt; ++extension) {
                if (!wanted.count(extension))
                    continue;
                if (!expected.isEmpty() && expected.last().endAt == extension - 1)
                    expected.last().endAt = extension;
                else
                    expected.append({extension, extension});
            }
            QCOMPARE(plan.activationRanges, expected);
            QCOMPARE(plan.extensions.size(), qsizetype(wanted.size()));
            QVERIFY(validateExtensionRanges(kRoute, PortingOrderStatus::Draft, block, plan.activationRanges)
                        .isEmpty() ||
                    plan.activationRanges.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(tst_WantedNumbers)
#include "tst_WantedNumbers.moc"
