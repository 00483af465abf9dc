// ChangeStager: every record kind becomes a pending change through it, repeated edits merge into one row
// that keeps the first edit's base, an edit back to the base drops the row, discards, and the signal.
// Every case runs on SQLite and, with TRUNKLINE_TEST_PG_URL, on PostgreSQL.

#include "EngineTestCase.h"
#include "ExtensionRecord.h"
#include "NumberEdits.h"
#include "StagingRecords.h"
#include "changes/ChangePayloads.h"
#include "changes/ChangeStager.h"
#include "changes/ForwardingListPlan.h"
#include "changes/NumberChangePayloads.h"
#include "changes/SettingsPayloads.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/Migrator.h"
#include "store/PendingChangeRepository.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace trunkline;
using changes::ChangeStager;
using changes::StagingResult;
using store::ChangeOperation;
using store::PendingChange;
using namespace test; // StagingRecords.h, NumberEdits.h

Q_DECLARE_METATYPE(store::PendingChange)

namespace {

core::Extension extension() {
    core::Extension e = test::extension(u"E1"_s, u"101"_s, u"Sales"_s);
    e.contact.email = u"sales@example.com"_s;
    e.contact.company = u"ACME"_s;
    return e;
}

// Two admins staging into one store, each through a connection of their own as two consoles do.
struct TwoAdmins {
    TwoAdmins(store::Database& database, std::unique_ptr<store::Database> second)
        : berndsConnection(std::move(second))
        , anna(database)
        , bernd(*berndsConnection) {}
    std::unique_ptr<store::Database> berndsConnection;
    ChangeStager anna;
    ChangeStager bernd;
};

// Nothing when the second connection does not open.
std::unique_ptr<TwoAdmins> twoAdmins(store::Database& database) {
    std::unique_ptr<store::Database> second = database.cloneForThisThread(nullptr);
    return second ? std::make_unique<TwoAdmins>(database, std::move(second)) : nullptr;
}

const QString kSubAccount = u"AC"_s + QString(32, u'b');
const QString kOrganization = u"OR"_s + QString(32, u'c');

// number() labelled `label` and assigned to extension 102, on `revision` of its staged change (0: the one
// staged now).
PendingChange assignTo102(qint64 profile, const QString& label, qint64 revision = 0) {
    core::PhoneNumberRecord edited = number();
    edited.label = label;
    edited.extensionId = u"102"_s;
    PendingChange change = changes::NumberChangePayloads::numberUpdate(profile, number(), edited, u"v1"_s);
    change.revision = revision;
    return change;
}

// The start of the cases where two admins edit one number: Anna stages "Front desk" as its label, then
// Bernd, whose editor showed the same revision of that change, saves his edit (also assigning it to 102)
// before her next edit.
struct BerndSavedFirst {
    std::unique_ptr<TwoAdmins> admins;
    qint64 seen = 0;            // the revision both editors showed
    PendingChange berndsChange; // as Bernd saved it
};
// Nothing, with the reason in the log, when Bernd's connection does not open or a stage is refused.
std::optional<BerndSavedFirst> berndSavesFirst(store::Database& database, qint64 profile) {
    BerndSavedFirst race{twoAdmins(database), 0, {}};
    if (!race.admins) {
        qWarning("Bernd's connection does not open");
        return std::nullopt;
    }
    const StagingResult added = race.admins->anna.stage(relabel(profile, u"Front desk"_s));
    if (!added.ok()) {
        qWarning("Anna's first edit is refused: %s", qPrintable(added.error));
        return std::nullopt;
    }
    race.seen = added.steps.first().after->revision;
    const StagingResult saved = race.admins->bernd.stage(assignTo102(profile, u"Front desk"_s, race.seen));
    if (!saved.ok()) {
        qWarning("Bernd's edit is refused: %s", qPrintable(saved.error));
        return std::nullopt;
    }
    race.berndsChange = *saved.steps.first().after;
    return race;
}

QJsonObject businessHours(bool voicemail) {
    return {{u"callHandlingAction"_s, u"TakeMessagesOnly"_s},
            {u"voicemail"_s,
             QJsonObject{{u"enabled"_s, voicemail}, {u"recipient"_s, QJsonObject{{u"id"_s, u"1"_s}}}}}};
}

} // namespace

class tst_ChangeStager : public EngineTestCase {
    Q_OBJECT

private:
    QList<PendingChange> rows(TestDatabase& test, qint64 profile) {
        return store::PendingChangeRepository(test.database()).list(profile);
    }

private slots:

    void stagesEachRecordKind_data() {
        QTest::addColumn<PendingChange>("proposed");
        QTest::addColumn<QJsonObject>("baseValues");
        const qint64 p = 1; // the first profile of a fresh database
        QTest::newRow("number") << relabel(p, u"Front desk"_s) << QJsonObject{{u"label"_s, u"Reception"_s}};
        QTest::newRow("number release")
            << changes::NumberChangePayloads::numberDelete(p, number(), u"v1"_s)
            << QJsonObject{{u"label"_s, u"Reception"_s}, {u"extensionId"_s, u"101"_s}};
        core::Extension renamed = extension();
        renamed.name = u"Support"_s;
        renamed.contact.email = u"support@example.com"_s;
        QTest::newRow("extension") << changes::ChangePayloads::extensionUpdate(p, extension(), renamed,
                                                                               u"v2"_s)
                                   << QJsonObject{
                                          {u"name"_s, u"Sales"_s},
                                          {u"contact"_s, QJsonObject{{u"email"_s, u"sales@example.com"_s}}}};
        QTest::newRow("extension create")
            << changes::ChangePayloads::extensionCreate(p, renamed) << QJsonObject{};
        const QString kind = store::ExtensionSettingsRepository::kBusinessHours;
        QTest::newRow("settings")
            << changes::SettingsPayloads::settingsUpdate(p, u"E1"_s, kind, businessHours(true),
                                                         businessHours(false))
            << QJsonObject{{u"kind"_s, kind},
                           {u"settings"_s, QJsonObject{{u"callHandlingAction"_s, u"TakeMessagesOnly"_s},
                                                       {u"voicemail"_s, QJsonObject{{u"enabled"_s, true}}}}}};
        QTest::newRow("forwarding") << changes::ChangePayloads::forwardingUpdate(
                                           p, u"E1"_s, forwarding(u"F1"_s, u"+4915112345"_s, 1),
                                           forwarding(u"F1"_s, u"+4915199999"_s, 1))
                                    << QJsonObject{{u"extensionId"_s, u"E1"_s},
                                                   {u"phoneNumber"_s, u"+4915112345"_s}};
        QTest::newRow("number migration")
            << changes::NumberChangePayloads::numberMigration(p, kSubAccount, kOrganization) << QJsonObject{};
    }
    void stagesEachRecordKind() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QFETCH(PendingChange, proposed);
        QFETCH(QJsonObject, baseValues);
        QCOMPARE(test.addProfile(), proposed.profileId);
        QVERIFY(changes::EntityKind::all().contains(proposed.entity));
        QCOMPARE(proposed.baseValues, baseValues);

        ChangeStager stager(test.database());
        const StagingResult result = stager.stage(proposed);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.steps.size(), 1);
        QVERIFY(result.steps.first().isAdded());
        const QList<PendingChange> staged = rows(test, proposed.profileId);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.first(), *result.steps.first().after);
        QCOMPARE(staged.first().entity, proposed.entity);
        QCOMPARE(staged.first().entityKey, proposed.entityKey);
        QCOMPARE(staged.first().operation, proposed.operation);
        QCOMPARE(staged.first().payload, proposed.payload);
        QCOMPARE(staged.first().baseVersion, proposed.baseVersion);
        QCOMPARE(staged.first().baseValues, baseValues);
    }

    void flipListIsStagedAsPlannedSequence() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        // Two entries swap their flip digits: the plan parks one on a free digit first, so the same entry
        // appears twice and the rows must not merge.
        const QList<core::ForwardingNumber> stored = {forwarding(u"F1"_s, u"+4915111111"_s, 1),
                                                      forwarding(u"F2"_s, u"+4915122222"_s, 2)};
        const QList<core::ForwardingNumber> edited = {forwarding(u"F1"_s, u"+4915111111"_s, 2),
                                                      forwarding(u"F2"_s, u"+4915122222"_s, 1)};
        const QList<PendingChange> plan = changes::ForwardingListPlan::plan(profile, u"E1"_s, stored, edited);
        QCOMPARE(plan.size(), 3);
        ChangeStager stager(test.database());
        const StagingResult result = stager.stageSequence(plan);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.steps.size(), 3);
        const QList<PendingChange> staged = rows(test, profile);
        QCOMPARE(staged.size(), 3);
        for (qsizetype i = 0; i < staged.size(); ++i) {
            QCOMPARE(staged.at(i).entity, changes::EntityKind::kForwardingNumber);
            QCOMPARE(staged.at(i).payload, plan.at(i).payload);
        }
        QCOMPARE(staged.at(0).entityKey, staged.at(2).entityKey);
    }

    void sequenceIsAllOrNothing() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        ChangeStager stager(test.database());
        QSignalSpy changed(&stager, &ChangeStager::changed);
        PendingChange keyless = changes::NumberChangePayloads::numberDelete(profile, number(), u"v"_s);
        keyless.entityKey.clear();
        const StagingResult result = stager.stageSequence(
            {changes::NumberChangePayloads::numberDelete(profile, number(), u"v"_s), keyless});
        QVERIFY(!result.ok());
        QVERIFY(result.steps.isEmpty());
        QVERIFY(rows(test, profile).isEmpty());
        QCOMPARE(changed.count(), 0);
    }

    void mergesRepeatedEditsIntoOneChange() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        ChangeStager stager(test.database());
        const StagingResult added = stager.stage(relabel(profile, u"Front desk"_s));
        QVERIFY2(added.ok(), qPrintable(added.error));

        // The second edit is the whole change as now wanted (label again, and an assignment).
        const StagingResult revised = stager.stage(assignTo102(profile, u"Lobby"_s));
        QVERIFY2(revised.ok(), qPrintable(revised.error));
        QCOMPARE(revised.steps.size(), 1);
        QVERIFY(revised.steps.first().isRevised());
        QCOMPARE(revised.steps.first().before->payload, (QJsonObject{{u"label"_s, u"Front desk"_s}}));

        const QList<PendingChange> staged = rows(test, profile);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.first().id, added.steps.first().after->id);
        QCOMPARE(staged.first().payload,
                 (QJsonObject{{u"label"_s, u"Lobby"_s}, {u"extensionId"_s, u"102"_s}}));
        QCOMPARE(staged.first().baseValues,
                 (QJsonObject{{u"label"_s, u"Reception"_s}, {u"extensionId"_s, u"101"_s}}));
        QCOMPARE(staged.first(), *revised.steps.first().after);

        // A create with the key of a staged create revises it too.
        core::Extension created = extension();
        created.id.clear();
        QVERIFY(stager.stage(changes::ChangePayloads::extensionCreate(profile, created)).ok());
        created.name = u"Sales team"_s;
        const StagingResult createAgain =
            stager.stage(changes::ChangePayloads::extensionCreate(profile, created));
        QVERIFY(createAgain.ok());
        QVERIFY(createAgain.steps.first().isRevised());
        QCOMPARE(rows(test, profile).size(), 2);
    }

    // Two admins (two stagers on two connections to one store) open the same staged change; Bernd saves
    // first. Anna's edit was made on the revision before his and is refused with a message, not written
    // over his.
    void editOfAnOlderRevisionIsRefused() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        const std::optional<BerndSavedFirst> race = berndSavesFirst(test.database(), profile);
        QVERIFY(race);
        ChangeStager& anna = race->admins->anna;
        QCOMPARE(race->seen, 1);
        QCOMPARE(race->berndsChange.revision, 2);

        PendingChange annasEdit = relabel(profile, u"Lobby"_s, race->seen);
        const StagingResult refused = anna.stage(annasEdit);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains(u"edited by someone else"_s), qPrintable(refused.error));
        const QList<PendingChange> staged = rows(test, profile);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.first().payload, race->berndsChange.payload);

        // Reloaded (the revision she now sees), her edit goes through.
        annasEdit.revision = staged.first().revision;
        QVERIFY(anna.stage(annasEdit).ok());
        QCOMPARE(rows(test, profile).first().payload.value(u"label"_s).toString(), u"Lobby"_s);
    }

    // Anna's editor showed the number with nothing staged; Bernd stages an edit of it afterwards. Anna's
    // edit, made without seeing his, is refused rather than merged into his, and so is her edit back to the
    // stored values (it would drop his) and a release (it would drop his unseen). Made on his revision
    // (her view shows it now), it goes through.
    void changeStagedSinceTheEditorShowedNoneIsRefused() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        const std::unique_ptr<TwoAdmins> admins = twoAdmins(test.database());
        QVERIFY(admins);
        ChangeStager& anna = admins->anna;
        ChangeStager& bernd = admins->bernd;

        const StagingResult saved = bernd.stage(assignTo102(profile, number().label));
        QVERIFY2(saved.ok(), qPrintable(saved.error));
        const PendingChange berndsChange = *saved.steps.first().after;

        PendingChange annasEdit = relabel(profile, u"Lobby"_s, PendingChange::kShowedNoStagedChange);
        const StagingResult refused = anna.stage(annasEdit);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains(u"staged by someone else since you opened this record"_s),
                 qPrintable(refused.error));
        QVERIFY2(refused.error.contains(u"the view now shows it"_s), qPrintable(refused.error));

        QVERIFY(!anna.stage(relabel(profile, number().label, PendingChange::kShowedNoStagedChange)).ok());
        PendingChange annasRelease = changes::NumberChangePayloads::numberDelete(profile, number(), u"v1"_s);
        annasRelease.revision = PendingChange::kShowedNoStagedChange;
        QVERIFY(!anna.stage(annasRelease).ok());
        const QList<PendingChange> kept = rows(test, profile);
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().payload, berndsChange.payload);
        QCOMPARE(kept.first().revision, berndsChange.revision);

        annasEdit.revision = berndsChange.revision;
        const StagingResult again = anna.stage(annasEdit);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QVERIFY(again.steps.first().isRevised());
        QCOMPARE(rows(test, profile).size(), 1);
        QCOMPARE(rows(test, profile).first().payload.value(u"label"_s).toString(), u"Lobby"_s);

        // With nothing staged, "showed none" is true and the edit is added; the CLI's 0 still takes the
        // staged change as read now.
        core::Extension renamed = extension();
        renamed.name = u"Support"_s;
        PendingChange fresh =
            changes::ChangePayloads::extensionUpdate(profile, extension(), renamed, u"v1"_s);
        fresh.revision = PendingChange::kShowedNoStagedChange;
        const StagingResult added = anna.stage(fresh);
        QVERIFY2(added.ok(), qPrintable(added.error));
        QVERIFY(added.steps.first().isAdded());
        renamed.name = u"Support EU"_s;
        const StagingResult readNow =
            bernd.stage(changes::ChangePayloads::extensionUpdate(profile, extension(), renamed, u"v1"_s));
        QVERIFY2(readNow.ok(), qPrintable(readNow.error));
        QVERIFY(readNow.steps.first().isRevised());

        // A create keyed like one someone else staged since is refused too.
        core::Extension created = extension();
        created.id.clear();
        QVERIFY(bernd.stage(changes::ChangePayloads::extensionCreate(profile, created)).ok());
        created.name = u"Sales team"_s;
        PendingChange create = changes::ChangePayloads::extensionCreate(profile, created);
        create.revision = PendingChange::kShowedNoStagedChange;
        const StagingResult createRefused = anna.stage(create);
        QVERIFY(!createRefused.ok());
        QVERIFY2(createRefused.error.contains(u"staged by someone else"_s), qPrintable(createRefused.error));
    }

    // An edit back to the stored values drops the staged change only while it has the revision the edit
    // was made on: Bernd's revision in between is refused, not discarded; so is a release over it.
    void editBackToTheStoredValuesKeepsAnotherAdminsRevision() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        const std::optional<BerndSavedFirst> race = berndSavesFirst(test.database(), profile);
        QVERIFY(race);
        ChangeStager& anna = race->admins->anna;
        const qint64 seen = race->seen;
        const PendingChange& berndsChange = race->berndsChange;

        PendingChange back = relabel(profile, number().label, seen);
        const StagingResult refused = anna.stage(back);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains(u"edited by someone else"_s), qPrintable(refused.error));
        PendingChange release = changes::NumberChangePayloads::numberDelete(profile, number(), u"v1"_s);
        release.revision = seen;
        QVERIFY(!anna.stage(release).ok());
        QCOMPARE(rows(test, profile), QList<PendingChange>{berndsChange});

        // Made on his revision, the edit back drops the change.
        back.revision = berndsChange.revision;
        const StagingResult dropped = anna.stage(back);
        QVERIFY2(dropped.ok(), qPrintable(dropped.error));
        QVERIFY(dropped.steps.first().isDropped());
        QVERIFY(rows(test, profile).isEmpty());
    }

    // A change left `applying` by an applier that died can be discarded once its lease has lapsed.
    void stuckChangeIsDiscardedAfterItsLease() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        ChangeStager stager(test.database());
        const StagingResult staged =
            stager.stage(changes::ChangePayloads::extensionDelete(profile, extension(), u"v"_s));
        QVERIFY(staged.ok());
        const qint64 id = staged.steps.first().after->id;
        QVERIFY(
            store::PendingChangeRepository(test.database())
                .markApplying(id, {u"ghost@gone:1#deadbeef"_s, QDateTime::currentDateTimeUtc().addSecs(-1)}));
        const StagingResult discarded = stager.discard(id);
        QVERIFY2(discarded.ok(), qPrintable(discarded.error));
        QVERIFY(rows(test, profile).isEmpty());
    }

    void keepsTheBaseOfTheFirstEdit() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        ChangeStager stager(test.database());
        core::Extension renamed = extension();
        renamed.name = u"Support"_s;
        QVERIFY(stager.stage(changes::ChangePayloads::extensionUpdate(profile, extension(), renamed, u"v1"_s))
                    .ok());

        // A pull changed the stored record (name and company) before the admin edited again.
        core::Extension pulled = extension();
        pulled.name = u"Sales EU"_s;
        pulled.contact.company = u"ACME GmbH"_s;
        core::Extension again = pulled;
        again.name = u"Support"_s;
        again.contact.company = u"ACME Inc"_s;
        QVERIFY(stager.stage(changes::ChangePayloads::extensionUpdate(profile, pulled, again, u"v2"_s)).ok());

        const QList<PendingChange> staged = rows(test, profile);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.first().baseVersion, u"v1"_s);
        QCOMPARE(staged.first().baseValues,
                 (QJsonObject{{u"name"_s, u"Sales"_s},
                              {u"contact"_s, QJsonObject{{u"company"_s, u"ACME GmbH"_s}}}}));
        QCOMPARE(staged.first().payload,
                 (QJsonObject{{u"name"_s, u"Support"_s},
                              {u"contact"_s, QJsonObject{{u"company"_s, u"ACME Inc"_s}}}}));
    }

    void editingBackToTheBaseRemovesTheChange() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        ChangeStager stager(test.database());
        QVERIFY(stager.stage(relabel(profile, u"Front desk"_s)).ok());

        const StagingResult back = stager.stage(relabel(profile, number().label));
        QVERIFY2(back.ok(), qPrintable(back.error));
        QCOMPARE(back.steps.size(), 1);
        QVERIFY(back.steps.first().isDropped());
        QVERIFY(rows(test, profile).isEmpty());

        // A settings document edited back carries its whole form part, equal to the base values.
        const QString kind = store::ExtensionSettingsRepository::kBusinessHours;
        QVERIFY(stager
                    .stage(changes::SettingsPayloads::settingsUpdate(
                        profile, u"E1"_s, kind, businessHours(true), businessHours(false)))
                    .ok());
        QCOMPARE(rows(test, profile).size(), 1);
        const StagingResult settingsBack = stager.stage(changes::SettingsPayloads::settingsUpdate(
            profile, u"E1"_s, kind, businessHours(true), businessHours(true)));
        QVERIFY(settingsBack.ok());
        QVERIFY(settingsBack.steps.first().isDropped());
        QVERIFY(rows(test, profile).isEmpty());

        // With nothing staged, an edit that changes nothing stages nothing.
        const StagingResult nothing = stager.stage(changes::ChangePayloads::forwardingUpdate(
            profile, u"E1"_s, forwarding(u"F1"_s, u"+4915112345"_s, 1),
            forwarding(u"F1"_s, u"+4915112345"_s, 1)));
        QVERIFY(nothing.ok());
        QVERIFY(nothing.steps.isEmpty());
        QVERIFY(rows(test, profile).isEmpty());
    }

    void deleteReplacesStagedUpdates() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        ChangeStager stager(test.database());
        QVERIFY(stager.stage(relabel(profile, u"Front desk"_s)).ok());
        const StagingResult release =
            stager.stage(changes::NumberChangePayloads::numberDelete(profile, number(), u"v1"_s));
        QVERIFY(release.ok());
        QCOMPARE(release.steps.size(), 2);
        QVERIFY(release.steps.at(0).isDropped());
        QVERIFY(release.steps.at(1).isAdded());
        const QList<PendingChange> staged = rows(test, profile);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.first().operation, ChangeOperation::Delete);

        const StagingResult twice =
            stager.stage(changes::NumberChangePayloads::numberDelete(profile, number(), u"v1"_s));
        QVERIFY(twice.ok());
        QVERIFY(twice.steps.isEmpty());
        QCOMPARE(rows(test, profile).size(), 1);
    }

    void changesBeingAppliedAreLeftAlone() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        ChangeStager stager(test.database());
        const StagingResult first = stager.stage(relabel(profile, u"Front desk"_s));
        QVERIFY(store::PendingChangeRepository(test.database())
                    .markApplying(first.steps.first().after->id, applier()));

        // A new edit while the first is being sent is a change of its own.
        const StagingResult second = stager.stage(relabel(profile, u"Lobby"_s));
        QVERIFY(second.ok());
        QVERIFY(second.steps.first().isAdded());
        QCOMPARE(rows(test, profile).size(), 2);

        const StagingResult refused = stager.discard(first.steps.first().after->id);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains(u"being applied"_s), qPrintable(refused.error));
    }

    void discardOneAndAll() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        const qint64 other = test.addProfile(u"Branch"_s);
        ChangeStager stager(test.database());
        const StagingResult a =
            stager.stage(changes::NumberChangePayloads::numberDelete(profile, number(), u"v"_s));
        const StagingResult b =
            stager.stage(changes::NumberChangePayloads::numberMigration(profile, kSubAccount, kOrganization));
        const StagingResult c =
            stager.stage(changes::ChangePayloads::extensionDelete(profile, extension(), u"v"_s));
        const StagingResult elsewhere =
            stager.stage(changes::NumberChangePayloads::numberDelete(other, number(), u"v"_s));
        QVERIFY(a.ok() && b.ok() && c.ok() && elsewhere.ok());

        const StagingResult one = stager.discard(b.steps.first().after->id);
        QVERIFY2(one.ok(), qPrintable(one.error));
        QCOMPARE(one.steps.size(), 1);
        QCOMPARE(*one.steps.first().before, *b.steps.first().after);
        QCOMPARE(rows(test, profile).size(), 2);

        const StagingResult gone = stager.discard(b.steps.first().after->id);
        QVERIFY(!gone.ok());
        QVERIFY2(gone.error.contains(u"no longer exists"_s), qPrintable(gone.error));

        // A conflict is discarded with the rest.
        store::PendingChangeRepository repository(test.database());
        const qint64 conflicted = c.steps.first().after->id;
        QVERIFY(repository.markApplying(conflicted, applier()) &&
                repository.markConflict(conflicted, applier().owner, u"moved"_s));
        const StagingResult all = stager.discardAll(profile);
        QVERIFY2(all.ok(), qPrintable(all.error));
        QCOMPARE(all.steps.size(), 2);
        QVERIFY(rows(test, profile).isEmpty());
        QCOMPARE(rows(test, other).size(), 1);
    }

    void changesStagedBeforeSchema7GainBaseValues() {
        TRUNKLINE_OPEN_UNMIGRATED_TEST_DATABASE(test);
        QString error;
        QVERIFY2(store::Migrator(test.database()).migrateTo(6, &error), qPrintable(error));
        const qint64 profile = test.addProfile();
        // A label edit as the previous release staged it: no base values column yet.
        QSqlQuery insert(test.database().connection());
        insert.prepare(u"INSERT INTO pending_changes (profile_id, entity, entity_key, operation, payload, "
                       u"base_version, created_at, updated_at) VALUES (?, 'phone_number', 'N1', 'update', "
                       u"'{\"label\":\"Front desk\"}', 'v1', '2026-01-01T00:00:00.000Z', "
                       u"'2026-01-01T00:00:00.000Z')"_s);
        insert.addBindValue(profile);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        insert.finish();
        QVERIFY2(store::Migrator(test.database()).migrate(&error), qPrintable(error));

        const QList<PendingChange> before = rows(test, profile);
        QCOMPARE(before.size(), 1);
        QVERIFY(before.first().baseValues.isEmpty());
        core::PhoneNumberRecord edited = number();
        edited.label = u"Lobby"_s;
        ChangeStager stager(test.database());
        const StagingResult revised =
            stager.stage(changes::NumberChangePayloads::numberUpdate(profile, number(), edited, u"v2"_s));
        QVERIFY2(revised.ok(), qPrintable(revised.error));
        QVERIFY(revised.steps.first().isRevised());
        const PendingChange after = rows(test, profile).first();
        QCOMPARE(after.payload, (QJsonObject{{u"label"_s, u"Lobby"_s}}));
        QCOMPARE(after.baseValues, (QJsonObject{{u"label"_s, u"Reception"_s}}));
        QCOMPARE(after.baseVersion, u"v1"_s);
    }

    void signalsWhatChanged() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        ChangeStager& stager = ChangeStager::of(test.database());
        QCOMPARE(&ChangeStager::of(test.database()), &stager);
        QSignalSpy changed(&stager, &ChangeStager::changed);

        const StagingResult added = stager.stage(relabel(profile, u"Front desk"_s));
        const qint64 id = added.steps.first().after->id;
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first(), (QVariantList{profile, changes::EntityKind::kPhoneNumber, u"N1"_s, id}));

        QVERIFY(stager.stage(relabel(profile, u"Lobby"_s)).ok());
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().at(3).toLongLong(), id);

        // Staging the same change again does nothing and says nothing.
        QVERIFY(stager.stage(relabel(profile, u"Lobby"_s)).ok());
        QCOMPARE(changed.count(), 2);

        QVERIFY(
            stager.stage(changes::NumberChangePayloads::numberMigration(profile, kSubAccount, kOrganization))
                .ok());
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed.last().at(1).toString(), changes::EntityKind::kNumberMigration);
        QCOMPARE(changed.last().at(2).toString(), kSubAccount);

        QVERIFY(stager.discardAll(profile).ok());
        QCOMPARE(changed.count(), 5);

        // A refused command signals nothing.
        QVERIFY(!stager.discard(id).ok());
        QCOMPARE(changed.count(), 5);
    }
};

QTEST_GUILESS_MAIN(tst_ChangeStager)
#include "tst_ChangeStager.moc"
