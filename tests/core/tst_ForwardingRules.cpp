// Forwarding / call-flip list rules (docs/api/ringcentral.md §5.1): per entry while typing and for the whole
// list before it is sent. Every rule has a valid and a broken row with the exact message and field pointer.
#include "RuleViolations.h"
#include "core/ForwardingRules.h"

#include <QTest>

using namespace trunkline::core;
using namespace Qt::StringLiterals;

namespace {

const QSet<QString> kDirectNumbers{u"+49301234567"_s, u"+16503316252"_s};

// One entry written as "phone;type;features;flip;label;device" with features "F" (forwarding), "C" (flip),
// "FC" or "" so the tables stay one line per entry.
ForwardingNumber entry(const QString& spec) {
    const QStringList parts = spec.split(u';');
    Q_ASSERT(parts.size() == 6);
    ForwardingNumber number;
    number.phoneNumber = parts.at(0);
    number.type = *fromWire<ForwardingType>(parts.at(1));
    number.features = {};
    if (parts.at(2).contains(u'F')) {
        number.features |= ForwardingFeature::CallForwarding;
    }
    if (parts.at(2).contains(u'C')) {
        number.features |= ForwardingFeature::CallFlip;
    }
    number.flipNumber = parts.at(3).toInt();
    number.label = parts.at(4);
    number.deviceId = parts.at(5);
    return number;
}

// Distinct valid Berlin numbers that are not direct numbers of the account.
QString berlin(int i) {
    return u"+4930987654"_s + QString::number(i).rightJustified(2, u'0');
}

} // namespace

class tst_ForwardingRules : public QObject {
    Q_OBJECT

private slots:
    void validateForwardingNumber_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QStringList>("expected");

        // Valid.
        QTest::newRow("Other with custom label")
            << u"+4915123456789;Other;F;0;Anna's mobile;"_s << QStringList();
        QTest::newRow("Home without label") << u"+12125550000;Home;F;0;;"_s << QStringList();
        QTest::newRow("Home with its own label") << u"+12125550000;Home;F;0;Home;"_s << QStringList();
        QTest::newRow("Work labelled Office") << u"+12125550000;Work;FC;2;Office;"_s << QStringList();
        QTest::newRow("extension apps without number") << u";ExtensionApps;C;1;;"_s << QStringList();
        QTest::newRow("phone line with device") << u";PhoneLine;C;1;Desk phone;dev-1"_s << QStringList();
        QTest::newRow("flip number 10") << u"+12125550000;Other;C;10;;"_s << QStringList();
        QTest::newRow("label of 60 chars")
            << u"+12125550000;Other;F;0;"_s + QString(60, u'x') + u";"_s << QStringList();

        // Phone number.
        QTest::newRow("phone number missing")
            << u";Other;F;0;;"_s << QStringList{u"/phoneNumber  The phone number is required."_s};
        QTest::newRow("phone number not E.164")
            << u"030 1234567;Other;F;0;;"_s
            << QStringList{u"/phoneNumber  The phone number “030 1234567” must be "
                           "in E.164 form: + country code and number, digits "
                           "only."_s};
        QTest::newRow("phone number invalid")
            << u"+493212345678;Other;F;0;;"_s
            << QStringList{u"/phoneNumber  The phone number “+493212345678” is not "
                           "a valid number for region DE."_s};
        QTest::newRow("direct number of the account")
            << u"+49301234567;Mobile;F;0;;"_s
            << QStringList{
                   u"/phoneNumber  The phone number +49301234567 is a direct number of this account and "
                   "cannot be a forwarding number."_s};

        // Phone line.
        QTest::newRow("phone line without device")
            << u";PhoneLine;C;1;;"_s << QStringList{u"/deviceId  A phone line entry needs a device."_s};
        QTest::newRow("phone line with number")
            << u"+12125550000;PhoneLine;C;1;;dev-1"_s
            << QStringList{
                   u"/phoneNumber  A phone line entry names a device; it cannot also have the phone number "
                   "+12125550000."_s};

        // Label.
        QTest::newRow("label of 61 chars")
            << u"+12125550000;Other;F;0;"_s + QString(61, u'x') + u";"_s
            << QStringList{u"/label  The label has 61 characters; at most 60 are allowed."_s};
        QTest::newRow("custom label on Home")
            << u"+12125550000;Home;F;0;Grandma;"_s
            << QStringList{
                   u"/label  The label “Grandma” would be ignored: only entries of type Other keep a custom "
                   "label, this entry is of type Home."_s};

        // Features and flip number.
        QTest::newRow("no feature") << u"+12125550000;Other;;0;;"_s
                                    << QStringList{
                                           u"/features  Choose at least one of call forwarding and call "
                                           "flip."_s};
        QTest::newRow("flip entry without flip number")
            << u"+12125550000;Other;C;0;;"_s
            << QStringList{
                   u"/flipNumber  The flip number must be from 1 to 10 for an entry in the call flip list; "
                   "it is 0."_s};
        QTest::newRow("flip number 11")
            << u"+12125550000;Other;FC;11;;"_s
            << QStringList{
                   u"/flipNumber  The flip number must be from 1 to 10 for an entry in the call flip list; "
                   "it is 11."_s};
        QTest::newRow("flip number without flip feature")
            << u"+12125550000;Other;F;2;;"_s
            << QStringList{u"/flipNumber  The entry has flip number 2 but is not in the call flip list."_s};
    }

    void validateForwardingNumber() {
        QFETCH(QString, spec);
        QFETCH(QStringList, expected);
        QCOMPARE(describe(trunkline::core::validateForwardingNumber(entry(spec), kDirectNumbers)), expected);
    }

    void validateForwardingList_data() {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QStringList>("expected");

        // The RingCentral guide's example list: four entries, flip numbers 1-4.
        QTest::newRow("docs example") << QStringList{u"+17609410044;Other;C;1;John Smith Desk Phone;"_s,
                                                     u"+18559878944;Work;FC;2;Work;"_s,
                                                     u"+14803960003;Other;C;3;Jane Smith Softphone;"_s,
                                                     u"+12078260027;Other;FC;4;Other;"_s}
                                      << QStringList();
        QTest::newRow("empty list") << QStringList() << QStringList();
        QTest::newRow("flip numbers in any order")
            << QStringList{berlin(1) + u";Other;C;2;;"_s, berlin(2) + u";Other;C;1;;"_s,
                           berlin(3) + u";Other;F;0;;"_s}
            << QStringList();

        QStringList ten;
        for (int i = 0; i < 10; ++i) {
            ten.append(berlin(i) + u";Other;F;0;;"_s);
        }
        QTest::newRow("ten numbers") << ten << QStringList();
        QTest::newRow("eleven numbers")
            << (ten + QStringList{berlin(10) + u";Other;F;0;;"_s})
            << QStringList{u"/records  The list has 11 forwarding numbers; at most 10 are "
                           "allowed."_s};

        QTest::newRow("duplicate number")
            << QStringList{berlin(1) + u";Home;F;0;;"_s, berlin(2) + u";Other;F;0;;"_s,
                           berlin(1) + u";Mobile;F;0;;"_s}
            << QStringList{u"/records/2/phoneNumber  The phone number "_s + berlin(1) +
                           u" is already in the list as entry 1."_s};

        QStringList sevenCustom;
        for (int i = 0; i < 7; ++i) {
            sevenCustom.append(berlin(i) + u";Other;F;0;Label "_s + QString::number(i) + u";"_s);
        }
        QTest::newRow("seven custom labels")
            << (sevenCustom + QStringList{berlin(7) + u";Home;F;0;;"_s, berlin(8) + u";Other;F;0;Other;"_s})
            << QStringList();
        QTest::newRow("eight custom labels")
            << (sevenCustom + QStringList{berlin(7) + u";Other;F;0;Label 7;"_s})
            << QStringList{u"/records  The list uses 8 custom labels; at most 7 are allowed."_s};

        QTest::newRow("flip number used twice")
            << QStringList{berlin(1) + u";Other;C;1;;"_s, berlin(2) + u";Other;C;1;;"_s}
            << QStringList{u"/records/1/flipNumber  Flip number 1 is already used by entry 1."_s,
                           u"/records  Flip number 2 is missing: the 2 entries of the call flip list must "
                           u"use the flip "
                           "numbers 1 to 2 without gaps."_s};
        QTest::newRow("flip numbers with a gap")
            << QStringList{berlin(1) + u";Other;C;1;;"_s, berlin(2) + u";Other;C;3;;"_s}
            << QStringList{u"/records  Flip number 2 is missing: the 2 entries of the call flip list must "
                           u"use the flip "
                           "numbers 1 to 2 without gaps."_s};
        QTest::newRow("flip numbers not from 1")
            << QStringList{berlin(1) + u";Other;C;2;;"_s, berlin(2) + u";Other;FC;3;;"_s}
            << QStringList{u"/records  Flip number 1 is missing: the 2 entries of the call flip list must "
                           u"use the flip "
                           "numbers 1 to 2 without gaps."_s};

        QTest::newRow("entry rules get the record pointer")
            << QStringList{berlin(1) + u";Other;F;0;;"_s, u"+49301234567;Other;F;0;;"_s,
                           u";PhoneLine;F;0;;"_s}
            << QStringList{
                   u"/records/1/phoneNumber  The phone number +49301234567 is a direct number of this "
                   "account and cannot be a forwarding number."_s,
                   u"/records/2/deviceId  A phone line entry needs a device."_s};
    }

    void validateForwardingList() {
        QFETCH(QStringList, specs);
        QFETCH(QStringList, expected);
        QList<ForwardingNumber> list;
        for (const QString& spec : specs) {
            list.append(entry(spec));
        }
        QCOMPARE(describe(trunkline::core::validateForwardingList(list, kDirectNumbers)), expected);
    }
};

QTEST_APPLESS_MAIN(tst_ForwardingRules)
#include "tst_ForwardingRules.moc"
