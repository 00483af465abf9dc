// PayloadMembers: the member-wise payload operations behind base values and merged edits.

#include "changes/PayloadMembers.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace trunkline::changes;

class tst_PayloadMembers : public QObject {
    Q_OBJECT

private slots:
    void membersOfFollowsTheShape() {
        const QJsonObject record{
            {u"name"_s, u"Sales"_s},
            {u"status"_s, u"Enabled"_s},
            {u"contact"_s, QJsonObject{{u"email"_s, u"a@example.com"_s}, {u"company"_s, u"ACME"_s}}}};
        const QJsonObject shape{{u"name"_s, u"Support"_s},
                                {u"contact"_s, QJsonObject{{u"email"_s, u"b@example.com"_s}}},
                                {u"missing"_s, 1}};
        QCOMPARE(PayloadMembers::membersOf(record, shape),
                 (QJsonObject{{u"name"_s, u"Sales"_s},
                              {u"contact"_s, QJsonObject{{u"email"_s, u"a@example.com"_s}}}}));
    }

    void keepFirstAddsOnlyNewMembers() {
        const QJsonObject first{{u"label"_s, u"A"_s}, {u"contact"_s, QJsonObject{{u"email"_s, u"first"_s}}}};
        const QJsonObject later{
            {u"label"_s, u"Z"_s},
            {u"extensionId"_s, u"7"_s},
            {u"contact"_s, QJsonObject{{u"email"_s, u"later"_s}, {u"company"_s, u"ACME"_s}}}};
        QCOMPARE(
            PayloadMembers::keepFirst(first, later),
            (QJsonObject{{u"label"_s, u"A"_s},
                         {u"extensionId"_s, u"7"_s},
                         {u"contact"_s, QJsonObject{{u"email"_s, u"first"_s}, {u"company"_s, u"ACME"_s}}}}));
    }

    void pathsNameEveryLeafClearedOnesIncluded() {
        const QJsonObject payload{
            {u"name"_s, u"Anna Wolf-Berger"_s},
            {u"features"_s, QJsonArray{u"CallForwarding"_s}},
            {u"contact"_s, QJsonObject{{u"jobTitle"_s, u""_s}, {u"lastName"_s, u"Wolf-Berger"_s}}}};
        QCOMPARE(PayloadMembers::paths(payload),
                 (QStringList{u"contact.jobTitle"_s, u"contact.lastName"_s, u"features"_s, u"name"_s}));
    }

    void removeAtDropsTheMemberAndTheObjectsItEmpties() {
        QJsonObject payload{
            {u"name"_s, u"Anna Wolf-Berger"_s},
            {u"contact"_s, QJsonObject{{u"jobTitle"_s, u""_s}, {u"lastName"_s, u"Wolf-Berger"_s}}}};
        PayloadMembers::removeAt(payload, u"contact.jobTitle"_s);
        QCOMPARE(payload.value(u"contact"_s).toObject(), (QJsonObject{{u"lastName"_s, u"Wolf-Berger"_s}}));
        PayloadMembers::removeAt(payload, u"contact.lastName"_s);
        QCOMPARE(payload, (QJsonObject{{u"name"_s, u"Anna Wolf-Berger"_s}})); // no empty "contact" left
        // A path through a member that is not an object, or a missing one, leaves the payload as it was.
        PayloadMembers::removeAt(payload, u"name.first"_s);
        PayloadMembers::removeAt(payload, u"contact.email"_s);
        QCOMPARE(payload, (QJsonObject{{u"name"_s, u"Anna Wolf-Berger"_s}}));
        PayloadMembers::removeAt(payload, u"name"_s);
        QVERIFY(payload.isEmpty());
    }

    void differingPathsNameWhatTheRecordDoesNotHold() {
        const QJsonObject payload{
            {u"name"_s, u"Anna Wolf-Berger"_s},
            {u"flipNumber"_s, 3},
            {u"contact"_s, QJsonObject{{u"jobTitle"_s, u""_s}, {u"lastName"_s, u"Wolf-Berger"_s}}}};
        const QJsonObject record{
            {u"name"_s, u"Anna Wolf"_s},
            {u"status"_s, u"Enabled"_s},
            {u"flipNumber"_s, 3},
            {u"contact"_s, QJsonObject{{u"jobTitle"_s, u""_s}, {u"lastName"_s, u"Wolf-Berger"_s}}}};
        QCOMPARE(PayloadMembers::differingPaths(payload, record), QStringList{u"name"_s});
        // A member the record lacks is not held either.
        QCOMPARE(PayloadMembers::differingPaths(payload, QJsonObject{{u"flipNumber"_s, 3}}),
                 (QStringList{u"contact.jobTitle"_s, u"contact.lastName"_s, u"name"_s}));
        QVERIFY(PayloadMembers::differingPaths(payload, payload).isEmpty());
    }

    void containment_data() {
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QJsonObject>("base");
        QTest::addColumn<bool>("contained");
        const QJsonObject base{{u"label"_s, u"A"_s},
                               {u"flip"_s, QJsonArray{1, 2}},
                               {u"url"_s, QJsonValue(QJsonValue::Null)},
                               {u"contact"_s, QJsonObject{{u"email"_s, u"e"_s}, {u"company"_s, u"c"_s}}}};
        QTest::newRow("empty") << QJsonObject{} << base << true;
        QTest::newRow("same value") << QJsonObject{{u"label"_s, u"A"_s}} << base << true;
        QTest::newRow("other value") << QJsonObject{{u"label"_s, u"B"_s}} << base << false;
        QTest::newRow("unknown member") << QJsonObject{{u"name"_s, u"A"_s}} << base << false;
        QTest::newRow("same array") << QJsonObject{{u"flip"_s, QJsonArray{1, 2}}} << base << true;
        QTest::newRow("other array") << QJsonObject{{u"flip"_s, QJsonArray{2, 1}}} << base << false;
        QTest::newRow("null is not empty") << QJsonObject{{u"url"_s, u""_s}} << base << false;
        QTest::newRow("nested same") << QJsonObject{{u"contact"_s, QJsonObject{{u"email"_s, u"e"_s}}}} << base
                                     << true;
        QTest::newRow("nested other")
            << QJsonObject{{u"contact"_s, QJsonObject{{u"email"_s, u"x"_s}}}} << base << false;
    }
    void containment() {
        QFETCH(QJsonObject, payload);
        QFETCH(QJsonObject, base);
        QFETCH(bool, contained);
        QCOMPARE(PayloadMembers::isContainedIn(payload, base), contained);
    }
};

QTEST_GUILESS_MAIN(tst_PayloadMembers)
#include "tst_PayloadMembers.moc"
