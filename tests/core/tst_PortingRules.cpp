// German extended-number rules (seed 002, docs/api/telnyx-porting.md §4.1): every rule has a valid and a
// broken row with the exact message and the JSON pointer the emulator puts into source.pointer.
#include "RuleViolations.h"
#include "core/PortingRules.h"

#include <QTest>

using namespace trunkline::core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(trunkline::core::NumberRange)
Q_DECLARE_METATYPE(trunkline::core::PortingOrderStatus)

namespace {

// "4-4,19-20,42-42" -> ranges; keeps the data tables readable.
QList<NumberRange> ranges(QStringView text) {
    QList<NumberRange> result;
    for (const QStringView part : text.split(u',', Qt::SkipEmptyParts)) {
        const auto dash = part.indexOf(u'-', 1); // from 1: a leading '-' is a negative start
        result.append({part.left(dash).toInt(), part.mid(dash + 1).toInt()});
    }
    return result;
}

constexpr auto kRoute = u"+492012345678"; // seed 002: +49 20 12345678

} // namespace

class tst_PortingRules : public QObject {
    Q_OBJECT

private slots:
    void validateExtensionRanges_data() {
        QTest::addColumn<QString>("route");
        QTest::addColumn<PortingOrderStatus>("status");
        QTest::addColumn<NumberRange>("extensions");
        QTest::addColumn<QString>("activation");
        QTest::addColumn<QStringList>("expected"); // "pointer  message"

        const QString route = QString::fromUtf16(kRoute);
        using S = PortingOrderStatus;

        // Valid: the docs' examples and the edges of each rule.
        QTest::newRow("docs: 0-9 activate 4")
            << route << S::Draft << NumberRange{0, 9} << u"4-4"_s << QStringList();
        QTest::newRow("docs: 0-99 activate 4, 19-20, 42")
            << route << S::Draft << NumberRange{0, 99} << u"4-4,19-20,42-42"_s << QStringList();
        QTest::newRow("in-process may edit")
            << route << S::InProcess << NumberRange{0, 9} << u"0-9"_s << QStringList();
        QTest::newRow("exception may edit")
            << route << S::Exception << NumberRange{0, 9} << u"0-9"_s << QStringList();
        QTest::newRow("full 0-999 gives 15 digits")
            << route << S::Draft << NumberRange{0, 999} << u"0-999"_s << QStringList();
        QTest::newRow("adjacent ranges do not overlap")
            << route << S::Draft << NumberRange{0, 99} << u"15-18,19-20"_s << QStringList();
        QTest::newRow("13-digit route with 0-99")
            << u"+4920123456789"_s << S::Draft << NumberRange{0, 99} << u"1-1"_s << QStringList();

        // Route number.
        QTest::newRow("route missing")
            << QString() << S::Draft << NumberRange{0, 9} << u"4-4"_s
            << QStringList{u"/porting_phone_number_id  The route number is missing."_s};
        QTest::newRow("route not E.164") << u"+49 20 12345678"_s << S::Draft << NumberRange{0, 9} << u"4-4"_s
                                         << QStringList{u"/porting_phone_number_id  The route number “+49 20 "
                                                        "12345678” must be written in E.164 form, e.g. "
                                                        "+492012345678."_s};
        QTest::newRow("route not German")
            << u"+16503316252"_s << S::Draft << NumberRange{0, 9} << u"4-4"_s
            << QStringList{u"/porting_phone_number_id  The route number +16503316252 is "
                           "not German; extended numbers can only be ported for German "
                           "(+49) numbers."_s};
        QTest::newRow("route invalid")
            << u"+493212345678"_s << S::Draft << NumberRange{0, 9} << u"4-4"_s
            << QStringList{u"/porting_phone_number_id  The route number +493212345678 is "
                           "not a valid German phone number."_s};

        // Order status.
        const QStringList locked{u"submitted"_s, u"foc-date-confirmed"_s, u"ported"_s, u"cancelled"_s,
                                 u"cancel-pending"_s};
        const QStringList lockedNames{u"Submitted"_s, u"FOC date confirmed"_s, u"Ported"_s, u"Cancelled"_s,
                                      u"Cancel pending"_s};
        for (qsizetype i = 0; i < locked.size(); ++i) {
            QTest::addRow("status %s", qPrintable(locked.at(i)))
                << route << *fromWire<PortingOrderStatus>(locked.at(i)) << NumberRange{0, 9} << u"4-4"_s
                << QStringList{
                       u"/status  Extensions can only be changed while the porting order is Draft, In "
                       "process or Exception; this order is "_s +
                       lockedNames.at(i) + u"."_s};
        }

        // Extension range.
        QTest::newRow("extension start negative")
            << route << S::Draft << NumberRange{-1, 9} << u"4-4"_s
            << QStringList{u"/extension_range/start_at  Extension range start -1 "
                           "is outside 0–999."_s};
        QTest::newRow("extension end over 999")
            << route << S::Draft << NumberRange{0, 1000} << u"4-4"_s
            << QStringList{u"/extension_range/end_at  Extension range end 1000 is "
                           "outside 0–999."_s};
        QTest::newRow("extension start after end")
            << route << S::Draft << NumberRange{9, 0} << u"4-4"_s
            << QStringList{u"/extension_range  Extension range 9–0 starts after "
                           "it ends."_s};
        QTest::newRow("more than 15 digits")
            << u"+4920123456789"_s << S::Draft << NumberRange{0, 999} << u"4-4"_s
            << QStringList{u"/extension_range/end_at  Extended numbers of "
                           "+4920123456789 with range 0–999 would have 16 digits; a "
                           "phone number has at most 15."_s};

        // Activation ranges.
        QTest::newRow("no activation range")
            << route << S::Draft << NumberRange{0, 9} << QString()
            << QStringList{u"/activation_ranges  At least one activation range is "
                           "required; without one no extension would be active after "
                           "the port."_s};
        QTest::newRow("activation start after end")
            << route << S::Draft << NumberRange{0, 99} << u"4-4,20-19"_s
            << QStringList{u"/activation_ranges/1  Activation range 20–19 "
                           "starts after it ends."_s};
        QTest::newRow("activation outside 0-999")
            << route << S::Draft << NumberRange{0, 999} << u"990-1000"_s
            << QStringList{u"/activation_ranges/0  Activation range 990–1000 is "
                           "outside 0–999."_s};
        QTest::newRow("activation outside extension range")
            << route << S::Draft << NumberRange{0, 9} << u"5-12"_s
            << QStringList{
                   u"/activation_ranges/0  Activation range 5–12 is outside the extension range 0–9."_s};
        QTest::newRow("activation below extension range")
            << route << S::Draft << NumberRange{10, 19} << u"9-10"_s
            << QStringList{
                   u"/activation_ranges/0  Activation range 9–10 is outside the extension range 10–19."_s};
        QTest::newRow("overlap names both")
            << route << S::Draft << NumberRange{0, 99} << u"15-19,19-20"_s
            << QStringList{u"/activation_ranges/1  Activation range 19–20 overlaps "
                           "activation range 15–19."_s};
        QTest::newRow("duplicate range overlaps")
            << route << S::Draft << NumberRange{0, 9} << u"4-4,4-4"_s
            << QStringList{u"/activation_ranges/1  Activation range 4–4 overlaps "
                           "activation range 4–4."_s};
        QTest::newRow("one range overlaps two")
            << route << S::Draft << NumberRange{0, 99} << u"0-5,8-9,3-8"_s
            << QStringList{u"/activation_ranges/2  Activation range 3–8 overlaps "
                           "activation range 0–5."_s,
                           u"/activation_ranges/2  Activation range 3–8 overlaps "
                           "activation range 8–9."_s};

        // Several rules broken at once are all reported, in field order.
        QTest::newRow("everything wrong")
            << u"+16503316252"_s << S::Ported << NumberRange{5, 2} << u""_s
            << QStringList{u"/porting_phone_number_id  The route number +16503316252 is "
                           "not German; extended numbers can only be ported for German "
                           "(+49) numbers."_s,
                           u"/status  Extensions can only be changed while the porting "
                           "order is Draft, In process or Exception; this order is "
                           "Ported."_s,
                           u"/extension_range  Extension range 5–2 starts after it "
                           "ends."_s,
                           u"/activation_ranges  At least one activation range is "
                           "required; without one no extension would be active after "
                           "the port."_s};
    }

    void validateExtensionRanges() {
        QFETCH(QString, route);
        QFETCH(PortingOrderStatus, status);
        QFETCH(NumberRange, extensions);
        QFETCH(QString, activation);
        QFETCH(QStringList, expected);

        const auto violations =
            trunkline::core::validateExtensionRanges(route, status, extensions, ranges(activation));
        QCOMPARE(describe(violations), expected);
    }

    void validateRouteNumber() {
        QCOMPARE(describe(trunkline::core::validateRouteNumber(kRoute)), QStringList());
        const QStringList foreign = describe(trunkline::core::validateRouteNumber(u"+12125550100"));
        QCOMPARE(foreign.size(), 1);
        QVERIFY2(foreign.first().startsWith(
                     u"/porting_phone_number_id  The route number +12125550100 is not German"_s),
                 qPrintable(foreign.first()));
        // The same rules as the block's check, none of the block's own.
        QCOMPARE(describe(trunkline::core::validateRouteNumber(u"")),
                 describe(trunkline::core::validateExtensionRanges(u"", PortingOrderStatus::Draft, {0, 9},
                                                                   {{0, 0}})));
    }

    void canCancel() {
        QVERIFY(!trunkline::core::canCancel(PortingOrderStatus::Draft)); // deleted instead
        QVERIFY(trunkline::core::canCancel(PortingOrderStatus::InProcess));
        QVERIFY(trunkline::core::canCancel(PortingOrderStatus::Submitted));
        QVERIFY(trunkline::core::canCancel(PortingOrderStatus::Exception));
        QVERIFY(trunkline::core::canCancel(PortingOrderStatus::FocDateConfirmed));
        QVERIFY(!trunkline::core::canCancel(PortingOrderStatus::Ported));
        QVERIFY(!trunkline::core::canCancel(PortingOrderStatus::Cancelled));
        QVERIFY(!trunkline::core::canCancel(PortingOrderStatus::CancelPending));
    }

    void extensionDigitCount_data() {
        QTest::addColumn<NumberRange>("range");
        QTest::addColumn<int>("digits");
        QTest::newRow("0-9") << NumberRange{0, 9} << 1;
        QTest::newRow("4-4") << NumberRange{4, 4} << 1;
        QTest::newRow("0-99") << NumberRange{0, 99} << 2;
        QTest::newRow("10-19") << NumberRange{10, 19} << 2;
        QTest::newRow("0-999") << NumberRange{0, 999} << 3;
        QTest::newRow("100-100") << NumberRange{100, 100} << 3;
    }

    void extensionDigitCount() {
        QFETCH(NumberRange, range);
        QFETCH(int, digits);
        QCOMPARE(trunkline::core::extensionDigitCount(range), digits);
    }

    void expandExtensionRange_data() {
        QTest::addColumn<QString>("route");
        QTest::addColumn<NumberRange>("range");
        QTest::addColumn<QStringList>("expectedHead"); // the first numbers, in order
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("last");

        const QString route = QString::fromUtf16(kRoute);
        // Seed 002: 0-9 covers +49 20 123456780 through +49 20 123456789.
        QTest::newRow("docs 0-9") << route << NumberRange{0, 9}
                                  << QStringList{u"+4920123456780"_s, u"+4920123456781"_s} << 10
                                  << u"+4920123456789"_s;
        // Seed 002: in 0-99, extension 4 is +49 20 1234567804.
        QTest::newRow("docs 0-99") << route << NumberRange{0, 99}
                                   << QStringList{u"+49201234567800"_s, u"+49201234567801"_s,
                                                  u"+49201234567802"_s, u"+49201234567803"_s,
                                                  u"+49201234567804"_s}
                                   << 100 << u"+49201234567899"_s;
        QTest::newRow("docs 19-20 padded to two digits")
            << route << NumberRange{19, 20} << QStringList{u"+49201234567819"_s, u"+49201234567820"_s} << 2
            << u"+49201234567820"_s;
        QTest::newRow("0-999") << route << NumberRange{0, 999} << QStringList{u"+492012345678000"_s} << 1000
                               << u"+492012345678999"_s;
        QTest::newRow("route with spaces") << u"+49 20 12345678"_s << NumberRange{4, 4}
                                           << QStringList{u"+4920123456784"_s} << 1 << u"+4920123456784"_s;
        QTest::newRow("start after end") << route << NumberRange{5, 2} << QStringList() << 0 << QString();
        QTest::newRow("beyond 999") << route << NumberRange{0, 1000} << QStringList() << 0 << QString();
        QTest::newRow("negative") << route << NumberRange{-1, 9} << QStringList() << 0 << QString();
    }

    void expandExtensionRange() {
        QFETCH(QString, route);
        QFETCH(NumberRange, range);
        QFETCH(QStringList, expectedHead);
        QFETCH(int, count);
        QFETCH(QString, last);

        const QStringList numbers = trunkline::core::expandExtensionRange(route, range);
        QCOMPARE(numbers.size(), count);
        QCOMPARE(numbers.mid(0, expectedHead.size()), expectedHead);
        if (count > 0) {
            QCOMPARE(numbers.last(), last);
        }
    }

    void canEditExtensions_data() {
        QTest::addColumn<PortingOrderStatus>("status");
        QTest::addColumn<bool>("editable");
        for (const PortingOrderStatus status : allValues<PortingOrderStatus>()) {
            // Seed 002: only draft, in-process and exception orders take extension changes.
            const bool editable =
                QStringList{u"draft"_s, u"in-process"_s, u"exception"_s}.contains(toWire(status));
            QTest::addRow("%s", qPrintable(toWire(status))) << status << editable;
        }
    }

    void canEditExtensions() {
        QFETCH(PortingOrderStatus, status);
        QFETCH(bool, editable);
        QCOMPARE(trunkline::core::canEditExtensions(status), editable);
    }
};

QTEST_APPLESS_MAIN(tst_PortingRules)
#include "tst_PortingRules.moc"
