// ConflictMerge: who changed each member of a change in conflict, and the payload each resolution leaves
// (relative to theirs, so that the change can be re-staged on the record's current version).

#include "changes/ConflictMerge.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using changes::ConflictChoices;
using changes::ConflictField;
using changes::ConflictMerge;
using changes::ConflictSide;

Q_DECLARE_METATYPE(ConflictField::State)

namespace {

// An edit of a Restcomm number's label and voice URL; the provider's record as given.
ConflictMerge numberConflict(const QJsonObject& theirsRecord) {
    store::PendingChange change;
    change.id = 7;
    change.entity = u"phone_number"_s;
    change.entityKey = u"PN1"_s;
    change.payload = {{u"label"_s, u"Mine"_s}, {u"voiceUrl"_s, u"https://mine.example/voice"_s}};
    change.baseValues = {{u"label"_s, u"Base"_s}, {u"voiceUrl"_s, u"https://base.example/voice"_s}};
    change.baseVersion = u"v1"_s;
    return ConflictMerge(change, theirsRecord, u"v2"_s);
}

QJsonObject record(const QString& label, const QString& voiceUrl) {
    return {
        {u"label"_s, label}, {u"voiceUrl"_s, voiceUrl}, {u"smsUrl"_s, u"https://untouched.example/sms"_s}};
}

const ConflictField& fieldAt(const ConflictMerge& merge, const QString& path) {
    for (const ConflictField& field : merge.fields()) {
        if (field.path == path)
            return field;
    }
    qFatal("no field %s", qPrintable(path));
}

} // namespace

class tst_ConflictMerge : public QObject {
    Q_OBJECT

private slots:
    void statePerField_data() {
        QTest::addColumn<QString>("theirsLabel");
        QTest::addColumn<ConflictField::State>("labelState");
        QTest::newRow("only mine") << u"Base"_s << ConflictField::State::OnlyMine;
        QTest::newRow("both, alike") << u"Mine"_s << ConflictField::State::BothSame;
        QTest::newRow("both, differently") << u"Theirs"_s << ConflictField::State::BothDifferent;
    }
    void statePerField() {
        QFETCH(QString, theirsLabel);
        QFETCH(ConflictField::State, labelState);
        const ConflictMerge merge = numberConflict(record(theirsLabel, u"https://base.example/voice"_s));
        QCOMPARE(merge.fields().size(), 2); // the members the change touches, not the whole record
        const ConflictField& label = fieldAt(merge, u"label"_s);
        QCOMPARE(label.state, labelState);
        QCOMPARE(label.base, QJsonValue(u"Base"_s));
        QCOMPARE(label.mine, QJsonValue(u"Mine"_s));
        QCOMPARE(label.theirs, QJsonValue(theirsLabel));
        QCOMPARE(merge.conflictCount(), labelState == ConflictField::State::BothDifferent ? 1 : 0);
        QCOMPARE(merge.theirs(),
                 (QJsonObject{{u"label"_s, theirsLabel}, {u"voiceUrl"_s, u"https://base.example/voice"_s}}));
        QCOMPARE(merge.theirsVersion(), u"v2"_s);
    }

    void unchangedAndOnlyTheirs() {
        store::PendingChange change;
        change.entity = u"extension_settings"_s;
        change.payload = {{u"kind"_s, u"notifications"_s},
                          {u"settings"_s, QJsonObject{{u"a"_s, 1}, {u"b"_s, 2}}}};
        change.baseValues = {{u"kind"_s, u"notifications"_s},
                             {u"settings"_s, QJsonObject{{u"a"_s, 0}, {u"b"_s, 2}}}};
        const ConflictMerge merge(
            change, {{u"kind"_s, u"notifications"_s}, {u"settings"_s, QJsonObject{{u"a"_s, 0}, {u"b"_s, 3}}}},
            u"v2"_s);
        QCOMPARE(fieldAt(merge, u"kind"_s).state, ConflictField::State::Unchanged);
        QCOMPARE(fieldAt(merge, u"settings.a"_s).state, ConflictField::State::OnlyMine);
        QCOMPARE(fieldAt(merge, u"settings.b"_s).state, ConflictField::State::OnlyTheirs);
        // Keep mine keeps the provider's change of a member the admin did not change: the change carried
        // the old value, which is no decision to overwrite theirs.
        QCOMPARE(merge.keepMine().value(u"settings.b"_s), ConflictSide::Theirs);
        const std::optional<QJsonObject> mine = merge.resolve(merge.keepMine());
        QVERIFY(mine);
        QCOMPARE(*mine,
                 (QJsonObject{{u"kind"_s, u"notifications"_s}, {u"settings"_s, QJsonObject{{u"a"_s, 1}}}}));
        QVERIFY(!merge.changesNothing(*mine));
        // Taking theirs leaves only the kind, which names the document: nothing to change.
        const std::optional<QJsonObject> theirs = merge.resolve(merge.takeTheirs());
        QCOMPARE(*theirs, (QJsonObject{{u"kind"_s, u"notifications"_s}}));
        QVERIFY(merge.changesNothing(*theirs));
    }

    void keepMineTakeTheirsAndMerge() {
        const ConflictMerge merge = numberConflict(record(u"Theirs"_s, u"https://theirs.example/voice"_s));
        QCOMPARE(merge.conflictCount(), 2);
        QCOMPARE(*merge.resolve(merge.keepMine()),
                 (QJsonObject{{u"label"_s, u"Mine"_s}, {u"voiceUrl"_s, u"https://mine.example/voice"_s}}));
        const QJsonObject theirs = *merge.resolve(merge.takeTheirs());
        QCOMPARE(theirs, QJsonObject());
        QVERIFY(merge.changesNothing(theirs));
        const ConflictChoices mixed{{u"label"_s, ConflictSide::Theirs}, {u"voiceUrl"_s, ConflictSide::Mine}};
        const QJsonObject merged = *merge.resolve(mixed);
        QCOMPARE(merged, (QJsonObject{{u"voiceUrl"_s, u"https://mine.example/voice"_s}}));
        QVERIFY(!merge.changesNothing(merged));
    }

    void realConflictNeedsAChoice() {
        const ConflictMerge merge = numberConflict(record(u"Theirs"_s, u"https://base.example/voice"_s));
        QStringList unchosen;
        QVERIFY(!merge.resolve({}, &unchosen));
        QCOMPARE(unchosen, QStringList{u"label"_s});
        // The field only the admin changed takes mine by itself; the conflict takes the choice.
        const std::optional<QJsonObject> resolved =
            merge.resolve({{u"label"_s, ConflictSide::Theirs}}, &unchosen);
        QVERIFY(resolved);
        QVERIFY(unchosen.isEmpty());
        QCOMPARE(*resolved, (QJsonObject{{u"voiceUrl"_s, u"https://mine.example/voice"_s}}));
    }

    void nestedMembersAndEmptyParents() {
        store::PendingChange change;
        change.entity = u"extension"_s;
        change.payload = {{u"name"_s, u"Support"_s}, {u"contact"_s, QJsonObject{{u"jobTitle"_s, u"Lead"_s}}}};
        change.baseValues = {{u"name"_s, u"Sales"_s},
                             {u"contact"_s, QJsonObject{{u"jobTitle"_s, u"Agent"_s}}}};
        const QJsonObject theirsRecord{
            {u"name"_s, u"Sales"_s},
            {u"status"_s, u"Enabled"_s},
            {u"contact"_s, QJsonObject{{u"jobTitle"_s, u"Manager"_s}, {u"department"_s, u"Ops"_s}}}};
        const ConflictMerge merge(change, theirsRecord, u"v9"_s);
        QCOMPARE(fieldAt(merge, u"contact.jobTitle"_s).state, ConflictField::State::BothDifferent);
        QCOMPARE(fieldAt(merge, u"contact.jobTitle"_s).theirs, QJsonValue(u"Manager"_s));
        QCOMPARE(fieldAt(merge, u"name"_s).state, ConflictField::State::OnlyMine);
        // Taking theirs for the job title leaves no empty contact object behind.
        QCOMPARE(*merge.resolve({{u"contact.jobTitle"_s, ConflictSide::Theirs}}),
                 (QJsonObject{{u"name"_s, u"Support"_s}}));
    }

    // A cleared Restcomm text is JSON null: a value like any other, not "absent".
    void nullIsAValue() {
        store::PendingChange change;
        change.payload = {{u"voiceUrl"_s, QJsonValue::Null}};
        change.baseValues = {{u"voiceUrl"_s, u"https://base.example"_s}};
        const ConflictMerge merge(change, {{u"voiceUrl"_s, u"https://theirs.example"_s}}, u"v2"_s);
        QCOMPARE(merge.fields().constFirst().state, ConflictField::State::BothDifferent);
        QCOMPARE(*merge.resolve(merge.keepMine()), (QJsonObject{{u"voiceUrl"_s, QJsonValue::Null}}));
    }
};

QTEST_GUILESS_MAIN(tst_ConflictMerge)
#include "tst_ConflictMerge.moc"
