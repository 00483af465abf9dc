#include "BoolRows.h"
#include "SyncFixture.h"
#include "changes/ChangePayloads.h"
#include "changes/ForwardingListCheck.h"
#include "providers/ringcentral/RingCentralMapper.h"
#include "store/AuditLogRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "sync/ChangePusher.h"

#include <QProcess>
#include <QSysInfo>

using namespace trunkline;
using namespace Qt::StringLiterals;
using changes::ChangePayloads;
using synctest::SyncFixture;

namespace {
const QString kExtensionPath = QStringLiteral("/restapi/v1.0/account/~/extension/");

core::Extension newUser(const QString& number) {
    core::Extension e;
    e.extensionNumber = number;
    e.type = core::ExtensionType::User;
    e.status = core::ExtensionStatus::Enabled;
    e.contact.firstName = QStringLiteral("Nina");
    e.contact.lastName = QStringLiteral("Neu") + number;
    e.contact.email = QStringLiteral("nina%1@example.com").arg(number);
    return e;
}
} // namespace

class tst_SyncPush : public QObject {
    Q_OBJECT

    // Stages "Local title" as the extension's job title, then another admin changes `remoteField`
    // (contact.department or contact.jobTitle) at the provider. Returns the change's id.
    static qint64 stageTitleAndChangeAtProvider(SyncFixture& f, const core::Extension& stored,
                                                const QString& remoteField) {
        const qint64 id = f.stageJobTitle(stored, u"Local title"_s);
        core::Extension theirs = stored;
        theirs.contact.department = u"Remote department"_s;
        theirs.contact.jobTitle = u"Remote title"_s;
        const auto put = f.remotePut(
            kExtensionPath + stored.id,
            providers::ringcentral::RingCentralMapper::extensionUpdateBody(theirs, {remoteField}));
        if (put.status != 200)
            qWarning("remote edit refused: %s", put.body.constData());
        return id;
    }
    // Another admin creates `extension` at the provider (or the create of a process that died lands
    // there). False, with the provider's answer in the log, when it is refused.
    static bool createdAtProvider(SyncFixture& f, const core::Extension& extension) {
        const auto post =
            f.emulator.postJson(QStringLiteral("/restapi/v1.0/account/~/extension"),
                                providers::ringcentral::RingCentralMapper::extensionCreateBody(extension),
                                {emulator::test::EmulatorTestClient::bearer(f.adminToken())});
        if (post.status != 200 && post.status != 201)
            qWarning("remote create refused: %d %s", post.status, post.body.constData());
        return post.status == 200 || post.status == 201;
    }
    static store::ChangeState stateOf(SyncFixture& f, qint64 id) {
        return store::PendingChangeRepository(f.database.database()).find(id)->state;
    }
    static int remoteCountWithNumber(SyncFixture& f, const QString& number) {
        int count = 0;
        for (const QJsonObject& e : f.remoteExtensions())
            count += e.value(QLatin1String("extensionNumber")).toString() == number ? 1 : 0;
        return count;
    }
    static QString freeNumber(SyncFixture& f, int start) {
        for (int n = start;; ++n) {
            if (remoteCountWithNumber(f, QString::number(n)) == 0)
                return QString::number(n);
        }
    }
    static bool audited(SyncFixture& f, const QString& entity, const QString& action) {
        for (const store::AuditEntry& entry :
             store::AuditLogRepository(f.database.database()).list(f.profile.id))
            if (entry.entity == entity && entry.action == action &&
                entry.actor == f.database.database().sessionUser())
                return true;
        return false;
    }

private slots:
    void extensionUpdateReachesProviderStoreAndAuditLog() {
        SyncFixture f(synctest::quietOptions(30, 20));
        const std::optional<core::Extension> stored = f.syncedUser();
        QVERIFY2(stored, qPrintable(f.error()));
        core::Extension edited = *stored;
        edited.contact.jobTitle = QStringLiteral("Head of Porting");
        edited.contact.department = QStringLiteral("Telephony");
        store::ExtensionRepository extensions(f.database.database());
        const qint64 id = f.stageEdit(*stored, edited);

        QVERIFY2(f.appliedByPush(id, {.pull = true}), qPrintable(f.error()));
        const QJsonObject remote = f.remoteGet(kExtensionPath + stored->id).json();
        QCOMPARE(
            remote.value(QLatin1String("contact")).toObject().value(QLatin1String("jobTitle")).toString(),
            QStringLiteral("Head of Porting"));
        QCOMPARE(extensions.find(f.profile.id, stored->id)->contact.department, QStringLiteral("Telephony"));
        QVERIFY(audited(f, ChangePayloads::kExtension, QStringLiteral("update")));
    }

    void extensionTimeZoneIsSetByItsDictionaryId() {
        SyncFixture f(synctest::quietOptions(30, 20));
        const std::optional<core::Extension> stored = f.syncedUser();
        QVERIFY2(stored, qPrintable(f.error()));
        const QString zone = stored->timeZone == QLatin1String("Europe/Berlin")
                                 ? QStringLiteral("Europe/London")
                                 : QStringLiteral("Europe/Berlin");
        core::Extension moved = *stored;
        moved.timeZone = zone;
        store::ExtensionRepository extensions(f.database.database());
        const qint64 id = f.stageEdit(*stored, moved);

        QVERIFY2(f.appliedByPush(id), qPrintable(f.error()));
        const QJsonObject remoteZone = f.remoteGet(kExtensionPath + stored->id)
                                           .json()
                                           .value(QLatin1String("regionalSettings"))
                                           .toObject()
                                           .value(QLatin1String("timezone"))
                                           .toObject();
        QCOMPARE(remoteZone.value(QLatin1String("name")).toString(), zone);
        QCOMPARE(extensions.find(f.profile.id, stored->id)->timeZone, zone);

        // A zone the provider's list does not hold fails with its name; nothing is sent.
        const core::Extension current = *extensions.find(f.profile.id, stored->id);
        core::Extension far = current;
        far.timeZone = QStringLiteral("Asia/Tokyo");
        const qint64 refused = f.stage(
            ChangePayloads::extensionUpdate(f.profile.id, current, far, extensions.versionOf(current)));
        const std::optional<store::PendingChange> change =
            f.stoppedByPush(refused, store::ChangeState::Failed);
        QVERIFY2(change, qPrintable(f.error()));
        QVERIFY2(change->lastError.contains(QLatin1String("Asia/Tokyo")), qPrintable(change->lastError));
        QCOMPARE(f.remoteGet(kExtensionPath + stored->id)
                     .json()
                     .value(QLatin1String("regionalSettings"))
                     .toObject()
                     .value(QLatin1String("timezone"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
                 zone);
    }

    void extensionCreateAndDelete() {
        SyncFixture f(synctest::quietOptions(30, 20));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QString number = freeNumber(f, 7001);
        const qint64 create = f.stage(ChangePayloads::extensionCreate(f.profile.id, newUser(number)));
        const std::optional<core::Extension> victim = f.someUser();
        QVERIFY(victim);
        store::ExtensionRepository extensions(f.database.database());
        const qint64 remove =
            f.stage(ChangePayloads::extensionDelete(f.profile.id, *victim, extensions.versionOf(*victim)));

        const sync::SyncReport report = f.runSync();
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.applied, 2);
        QCOMPARE(stateOf(f, create), store::ChangeState::Applied);
        QCOMPARE(stateOf(f, remove), store::ChangeState::Applied);
        QCOMPARE(remoteCountWithNumber(f, number), 1);
        QVERIFY(!f.remoteExtensions().contains(victim->id));
        QVERIFY(!extensions.find(f.profile.id, victim->id));
        bool storedLocally = false;
        for (const core::Extension& e : f.localExtensions())
            storedLocally |= e.extensionNumber == number;
        QVERIFY(storedLocally);
        QVERIFY(audited(f, ChangePayloads::kExtension, QStringLiteral("create")));
        QVERIFY(audited(f, ChangePayloads::kExtension, QStringLiteral("delete")));
    }

    void forwardingNumberCreateUpdateDelete() {
        SyncFixture f(synctest::quietOptions(30, 15));
        const std::optional<core::Extension> owner = f.syncedUser({.details = true});
        QVERIFY2(owner, qPrintable(f.error()));
        store::ForwardingNumberRepository forwarding(f.database.database());
        const QList<core::ForwardingNumber> before = forwarding.list(f.profile.id, owner->id);

        core::ForwardingNumber added;
        added.phoneNumber = QStringLiteral("+4930555000");
        added.type = core::ForwardingType::Other;
        added.label = QStringLiteral("Lab phone");
        added.features = changes::ForwardingListCheck::featuresOfNewEntry();
        const qint64 create = f.stage(ChangePayloads::forwardingCreate(f.profile.id, owner->id, added));
        sync::SyncReport report = f.runSync();
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(stateOf(f, create), store::ChangeState::Applied);
        QList<core::ForwardingNumber> after = forwarding.list(f.profile.id, owner->id);
        QCOMPARE(after.size(), before.size() + 1);
        const core::ForwardingNumber created = after.constLast();
        QCOMPARE(created.phoneNumber, added.phoneNumber);
        QVERIFY(!created.id.isEmpty());

        core::ForwardingNumber relabelled = created;
        relabelled.label = QStringLiteral("Lab phone 2");
        const qint64 update =
            f.stage(ChangePayloads::forwardingUpdate(f.profile.id, owner->id, created, relabelled));
        QVERIFY(f.runSync().complete);
        QCOMPARE(stateOf(f, update), store::ChangeState::Applied);
        const QJsonArray remoteList =
            f.remoteGet(kExtensionPath + owner->id + QStringLiteral("/forwarding-number"))
                .json()
                .value(QLatin1String("records"))
                .toArray();
        bool relabelledRemotely = false;
        for (const QJsonValue& entry : remoteList)
            relabelledRemotely |=
                entry.toObject().value(QLatin1String("label")).toString() == relabelled.label;
        QVERIFY(relabelledRemotely);

        const qint64 remove = f.stage(ChangePayloads::forwardingDelete(f.profile.id, owner->id, relabelled));
        QVERIFY(f.runSync().complete);
        QCOMPARE(stateOf(f, remove), store::ChangeState::Applied);
        QCOMPARE(forwarding.list(f.profile.id, owner->id), before);
    }

    // What was reviewed is what is sent: a cleared job title and a new last name (and with it the
    // display name RingCentral derives) are both at the provider afterwards, and only then applied.
    void clearedAndChangedFieldsReachTheProvider() {
        SyncFixture f(synctest::quietOptions(30, 20));
        const std::optional<core::Extension> user = f.syncedUser();
        QVERIFY2(user, qPrintable(f.error()));
        const auto titled = f.remotePut(
            kExtensionPath + user->id,
            QJsonObject{{QStringLiteral("contact"),
                         QJsonObject{{QStringLiteral("jobTitle"), QStringLiteral("Office lead")}}}});
        QVERIFY2(titled.status == 200, titled.body.constData());
        QVERIFY(f.runSync().complete);
        store::ExtensionRepository extensions(f.database.database());
        const std::optional<core::Extension> stored = extensions.find(f.profile.id, user->id);
        QVERIFY(stored);
        QCOMPARE(stored->contact.jobTitle, QStringLiteral("Office lead"));

        core::Extension edited = *stored;
        edited.contact.jobTitle.clear();
        edited.contact.lastName = QStringLiteral("Wolf-Berger");
        edited.name = edited.contact.firstName + QStringLiteral(" Wolf-Berger");
        const qint64 id = f.stageEdit(*stored, edited);

        QVERIFY2(f.appliedByPush(id), qPrintable(f.error()));
        const QJsonObject remote = f.remoteGet(kExtensionPath + stored->id).json();
        const QJsonObject contact = remote.value(QLatin1String("contact")).toObject();
        QCOMPARE(contact.value(QLatin1String("jobTitle")).toString(), QString());
        QCOMPARE(contact.value(QLatin1String("lastName")).toString(), QStringLiteral("Wolf-Berger"));
        QCOMPARE(remote.value(QLatin1String("name")).toString(), edited.name);
        QCOMPARE(contact.value(QLatin1String("email")).toString(), stored->contact.email);
        QCOMPARE(extensions.find(f.profile.id, stored->id)->contact.jobTitle, QString());
    }

    // A name RingCentral does not keep (it derives the name from first and last name, so a PUT cannot
    // carry one) is not reported as applied: the change fails, naming the field, and the store shows
    // what the provider holds.
    void fieldTheProviderDoesNotKeepFailsTheChange() {
        SyncFixture f(synctest::quietOptions(30, 20));
        const std::optional<core::Extension> stored = f.syncedUser();
        QVERIFY2(stored, qPrintable(f.error()));
        core::Extension renamed = *stored;
        renamed.name = stored->name + QStringLiteral("-Berger");
        store::ExtensionRepository extensions(f.database.database());
        const qint64 id = f.stageEdit(*stored, renamed);

        const std::optional<store::PendingChange> change = f.stoppedByPush(id, store::ChangeState::Failed);
        QVERIFY2(change, qPrintable(f.error()));
        QVERIFY2(change->lastError.contains(QLatin1String("did not keep name")),
                 qPrintable(change->lastError));
        QCOMPARE(f.remoteGet(kExtensionPath + stored->id).json().value(QLatin1String("name")).toString(),
                 stored->name);
        QCOMPARE(extensions.find(f.profile.id, stored->id)->name, stored->name);
        QVERIFY(!audited(f, ChangePayloads::kExtension, QStringLiteral("update")));
    }

    // UpdateForwardingNumberRequest has no features: a features edit is sent as far as it can be and
    // ends failed naming "features", not applied.
    void forwardingFeaturesTheProviderDoesNotKeepFailTheChange() {
        SyncFixture f(synctest::quietOptions(30, 15));
        const std::optional<core::Extension> owner = f.syncedUser({.details = true});
        QVERIFY2(owner, qPrintable(f.error()));
        store::ForwardingNumberRepository forwarding(f.database.database());
        core::ForwardingNumber added;
        added.phoneNumber = QStringLiteral("+4930555001");
        added.type = core::ForwardingType::Other;
        added.label = QStringLiteral("Desk");
        // Staged before the editor showed features read-only: call forwarding alone. RingCentral gives a
        // new number both, so the create did not end as reviewed.
        added.features = core::ForwardingFeature::CallForwarding;
        const qint64 create = f.stage(ChangePayloads::forwardingCreate(f.profile.id, owner->id, added));
        QVERIFY(f.runSync().complete);
        const store::PendingChange createChange = f.changeOf(create);
        QCOMPARE(createChange.state, store::ChangeState::Conflict);
        QVERIFY2(createChange.lastError.contains(QLatin1String("did not keep features")),
                 qPrintable(createChange.lastError));
        const core::ForwardingNumber created = forwarding.list(f.profile.id, owner->id).constLast();
        QCOMPARE(created.phoneNumber, added.phoneNumber);
        QCOMPARE(created.features, changes::ForwardingListCheck::featuresOfNewEntry());

        core::ForwardingNumber edited = created;
        edited.label = QStringLiteral("Desk 2");
        edited.features = created.features ^ core::ForwardingFeature::CallFlip;
        const qint64 id = f.stage(ChangePayloads::forwardingUpdate(f.profile.id, owner->id, created, edited));
        const std::optional<store::PendingChange> change = f.stoppedByPush(id, store::ChangeState::Failed);
        QVERIFY2(change, qPrintable(f.error()));
        QVERIFY2(change->lastError.contains(QLatin1String("features")), qPrintable(change->lastError));
        QVERIFY2(!change->lastError.contains(QLatin1String("label")), qPrintable(change->lastError));
        // The part the request could carry was sent, and the store shows the provider's record.
        const QList<core::ForwardingNumber> after = forwarding.list(f.profile.id, owner->id);
        const auto it = std::find_if(after.cbegin(), after.cend(),
                                     [&](const core::ForwardingNumber& e) { return e.id == created.id; });
        QVERIFY(it != after.cend());
        QCOMPARE(it->label, QStringLiteral("Desk 2"));
        QCOMPARE(it->features, created.features);
    }

    void remoteEditAfterStagingIsAConflict() {
        SyncFixture f(synctest::quietOptions(30, 20));
        const std::optional<core::Extension> stored = f.syncedUser();
        QVERIFY2(stored, qPrintable(f.error()));
        const qint64 id = f.stageJobTitle(*stored, QStringLiteral("Local title"));
        // Another admin changes the same extension at the provider.
        core::Extension theirs = *stored;
        theirs.contact.department = QStringLiteral("Remote department");
        const auto put = f.remotePut(kExtensionPath + stored->id,
                                     providers::ringcentral::RingCentralMapper::extensionUpdateBody(
                                         theirs, {QStringLiteral("contact.department")}));
        QVERIFY2(put.status == 200, put.body.constData());

        const std::optional<store::PendingChange> change = f.stoppedByPush(id, store::ChangeState::Conflict);
        QVERIFY2(change, qPrintable(f.error()));
        QVERIFY2(change->lastError.startsWith(QLatin1String("changed at the provider since you edited it")),
                 qPrintable(change->lastError));
        QVERIFY2(change->lastError.contains(QLatin1String("contact.department")),
                 qPrintable(change->lastError));
        const QJsonObject contact =
            f.remoteGet(kExtensionPath + stored->id).json().value(QLatin1String("contact")).toObject();
        QCOMPARE(contact.value(QLatin1String("department")).toString(), QStringLiteral("Remote department"));
        QVERIFY(contact.value(QLatin1String("jobTitle")).toString() != QLatin1String("Local title"));
        // The local copy takes the provider's extension, for resolving the conflict against it.
        const std::optional<core::Extension> local =
            store::ExtensionRepository(f.database.database()).find(f.profile.id, stored->id);
        QCOMPARE(local->contact.department, QStringLiteral("Remote department"));
        QCOMPARE(local->contact.jobTitle, stored->contact.jobTitle);
    }

    // The console stays usable while a sync runs, so an edit can be staged on a version the running pull is
    // about to replace. When the provider changed other fields, the pull moves the edit onto the new
    // version: it is applied, and the other admin's field is not written back.
    void editOnAVersionThePullReplacesIsApplied() {
        SyncFixture f(synctest::quietOptions(30, 20));
        const std::optional<core::Extension> stored = f.syncedUser();
        QVERIFY2(stored, qPrintable(f.error()));
        const qint64 id = stageTitleAndChangeAtProvider(f, *stored, u"contact.department"_s);

        QVERIFY2(f.appliedByPush(id, {.pull = true}), qPrintable(f.error()));
        const QJsonObject contact =
            f.remoteGet(kExtensionPath + stored->id).json().value(QLatin1String("contact")).toObject();
        QCOMPARE(contact.value(QLatin1String("jobTitle")).toString(), u"Local title"_s);
        QCOMPARE(contact.value(QLatin1String("department")).toString(), u"Remote department"_s);
    }

    // ... and when the provider changed the same field, the edit stays on its base and is parked as a
    // conflict for the admin: neither value is lost.
    void editOfAFieldThePullChangedStaysAConflict() {
        SyncFixture f(synctest::quietOptions(30, 20));
        const std::optional<core::Extension> stored = f.syncedUser();
        QVERIFY2(stored, qPrintable(f.error()));
        const qint64 id = stageTitleAndChangeAtProvider(f, *stored, u"contact.jobTitle"_s);

        const sync::SyncReport report = f.runSync();
        QCOMPARE(report.conflicts, 1);
        QCOMPARE(report.applied, 0);
        const store::PendingChange change = f.changeOf(id);
        QCOMPARE(change.state, store::ChangeState::Conflict);
        QCOMPARE(change.payload.value(u"contact"_s).toObject().value(u"jobTitle"_s).toString(),
                 u"Local title"_s);
        QCOMPARE(f.remoteGet(kExtensionPath + stored->id)
                     .json()
                     .value(QLatin1String("contact"))
                     .toObject()
                     .value(QLatin1String("jobTitle"))
                     .toString(),
                 u"Remote title"_s);
    }

    // A create that was in hand when the process died: it is looked up before anything is sent.
    void interruptedCreateIsCheckedBeforeResending_data() {
        addBoolRows("tookEffect", "never reached the provider", "took effect");
    }
    void interruptedCreateIsCheckedBeforeResending() {
        QFETCH(bool, tookEffect);
        SyncFixture f(synctest::quietOptions(30, 20));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QString number = freeNumber(f, 7101);
        const core::Extension wanted = newUser(number);
        const qint64 id = f.stage(ChangePayloads::extensionCreate(f.profile.id, wanted));
        QVERIFY(
            store::PendingChangeRepository(f.database.database()).markApplying(id, SyncFixture::deadClaim()));
        if (tookEffect)
            QVERIFY(createdAtProvider(f, wanted));
        QVERIFY2(f.appliedByPush(id), qPrintable(f.error()));
        QCOMPARE(remoteCountWithNumber(f, number), 1);
    }

    // The provider took an edit but the process died before recording it: the remote record holds the
    // change's values with a new version. That is an applied change, not a conflict.
    void alreadyAppliedBeatsVersionConflict() {
        SyncFixture f(synctest::quietOptions(30, 20));
        const std::optional<core::Extension> stored = f.syncedUser();
        QVERIFY2(stored, qPrintable(f.error()));
        core::Extension edited = *stored;
        edited.contact.jobTitle = QStringLiteral("Applied before the crash");
        store::ExtensionRepository extensions(f.database.database());
        const qint64 id = f.stageEdit(*stored, edited);
        const auto put = f.remotePut(kExtensionPath + stored->id,
                                     providers::ringcentral::RingCentralMapper::extensionUpdateBody(
                                         edited, {QStringLiteral("contact.jobTitle")}));
        QVERIFY2(put.status == 200, put.body.constData());

        QVERIFY2(f.appliedByPush(id), qPrintable(f.error()));
        QCOMPARE(extensions.find(f.profile.id, stored->id)->contact.jobTitle, edited.contact.jobTitle);
    }

    // Another applier (the GUI, a second CLI, another admin on a shared store) holds the change: it is
    // left alone, named in the report, and not counted as a failure.
    void changeHeldByAnotherApplierIsSkipped() {
        SyncFixture f(synctest::quietOptions(30, 20));
        const std::optional<core::Extension> stored = f.syncedUser();
        QVERIFY2(stored, qPrintable(f.error()));
        const QString title = QStringLiteral("Someone else's to send");
        const qint64 id = f.stageJobTitle(*stored, title);
        const store::ChangeClaim other = SyncFixture::liveClaim();
        QVERIFY(store::PendingChangeRepository(f.database.database()).markApplying(id, other));

        const sync::SyncReport report = f.runSync({.pull = false});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.applied, 0);
        QCOMPARE(report.failed, 0);
        QCOMPARE(report.skipped.size(), 1);
        QVERIFY2(report.skipped.first().contains(QStringLiteral("claimed by %1 until").arg(other.owner)),
                 qPrintable(report.skipped.first()));
        const store::PendingChange change = f.changeOf(id);
        QCOMPARE(change.state, store::ChangeState::Applying);
        QCOMPARE(change.claimOwner, other.owner);
        QVERIFY(f.remoteGet(kExtensionPath + stored->id)
                    .json()
                    .value(QLatin1String("contact"))
                    .toObject()
                    .value(QLatin1String("jobTitle"))
                    .toString() != title);
    }

    // A kill -9 leaves the change `applying` with a lease of minutes. An applier of this host whose process
    // is gone is known dead at once: the next run recovers its change (checking the provider first) and
    // says so; one whose process still runs keeps its claim.
    void changeOfAKilledLocalApplierIsRecovered() {
        SyncFixture f(synctest::quietOptions(30, 20));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QList<core::Extension> users = f.someUsers(2);
        QCOMPARE(users.size(), 2);
        store::PendingChangeRepository changes(f.database.database());
        const qint64 deadId = f.stageJobTitle(users.at(0), QStringLiteral("Recovered after kill -9"));
        const qint64 liveId = f.stageJobTitle(users.at(1), QStringLiteral("Still someone's"));

        QProcess exited;
        exited.start(QStringLiteral("true"), {});
        QVERIFY(exited.waitForStarted());
        const qint64 exitedPid = exited.processId();
        QVERIFY(exited.waitForFinished());
        QProcess running;
        running.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(running.waitForStarted());
        const auto localClaim = [](qint64 pid) {
            return store::ChangeClaim{
                QStringLiteral("admin@%1:%2#0000abcd").arg(QSysInfo::machineHostName()).arg(pid),
                QDateTime::currentDateTimeUtc().addSecs(600)};
        };
        const store::ChangeClaim dead = localClaim(exitedPid);
        const store::ChangeClaim live = localClaim(running.processId());
        QVERIFY(changes.markApplying(deadId, dead));
        QVERIFY(changes.markApplying(liveId, live));

        const sync::SyncReport report = f.runSync({.pull = false});
        running.kill();
        running.waitForFinished();
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.applied, 1);
        QCOMPARE(report.recovered.size(), 1);
        QVERIFY2(report.recovered.first().contains(dead.owner), qPrintable(report.recovered.first()));
        QCOMPARE(stateOf(f, deadId), store::ChangeState::Applied);
        QCOMPARE(f.changeOf(deadId).attempts, 1); // counted: the dead applier may have sent it
        QCOMPARE(report.skipped.size(), 1);
        QVERIFY2(report.skipped.first().contains(live.owner), qPrintable(report.skipped.first()));
        QCOMPARE(f.changeOf(liveId).claimOwner, live.owner);
        QCOMPARE(stateOf(f, liveId), store::ChangeState::Applying);
    }

    // The attempt is on disk before the create leaves: a crash or power cut after sending cannot make the
    // next run think it was never sent.
    void createAttemptIsCountedBeforeItIsSent() {
        SyncFixture f(synctest::quietOptions(30, 20));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QString number = freeNumber(f, 7301);
        const qint64 id = f.stage(ChangePayloads::extensionCreate(f.profile.id, newUser(number)));
        int attemptsWhenSent = -1;
        QObject::connect(&f.emulator.server(), &emulator::EmulatorServer::requestServed, &f.emulator.server(),
                         [&](const QByteArray& method, const QString& path, int) {
                             if (method == "POST" && path.endsWith(QLatin1String("/extension")))
                                 attemptsWhenSent = f.changeOf(id).attempts;
                         });
        QVERIFY2(f.appliedByPush(id), qPrintable(f.error()));
        QCOMPARE(attemptsWhenSent, 1);
        QCOMPARE(remoteCountWithNumber(f, number), 1);
    }

    // A create is read back like an update: when the provider holds something else than was reviewed
    // (here someone renames the new user between the create and the read-back), the change is not
    // called applied. It is a conflict for the admin, not a failure to retry: a retry would find the
    // record and call it created.
    void createReadBackNamesWhatTheProviderDidNotKeep() {
        SyncFixture f(synctest::quietOptions(30, 20));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QString number = freeNumber(f, 7501);
        core::Extension wanted = newUser(number);
        wanted.contact.jobTitle = QStringLiteral("Reviewed title");
        const qint64 id = f.stage(ChangePayloads::extensionCreate(f.profile.id, wanted));
        // Renamed once the create is stored and before its answer is written, so that the read-back
        // cannot overtake the rename (an answer may be read and acted on before the emulator is done
        // with what it does after writing it).
        bool changedInBetween = false;
        f.emulator.server().setAnswerDropper([&](const emulator::EmulatorRequest& request) {
            if (changedInBetween || request.method != "POST" ||
                !request.path.endsWith(QLatin1String("/extension")))
                return false;
            for (const QJsonObject& e : f.remoteExtensions()) {
                if (e.value(QLatin1String("extensionNumber")).toString() != number)
                    continue;
                const auto put = f.remotePut(
                    kExtensionPath + e.value(QLatin1String("id")).toVariant().toString(),
                    QJsonObject{{u"contact"_s, QJsonObject{{u"jobTitle"_s, u"Someone else's"_s}}}});
                changedInBetween = put.status == 200;
            }
            return false; // answered as usual
        });
        const std::optional<store::PendingChange> change = f.stoppedByPush(id, store::ChangeState::Conflict);
        QVERIFY2(change, qPrintable(f.error()));
        QVERIFY(changedInBetween);
        QVERIFY2(change->lastError.contains(QStringLiteral("did not keep contact.jobTitle")),
                 qPrintable(change->lastError));
        QCOMPARE(remoteCountWithNumber(f, number), 1);
    }

    // A create whose answer was lost lands at the provider only after the first lookup: the pusher gives
    // the provider time to settle, looks again and finds it instead of creating a second one.
    void createLandingLateIsFoundAfterSettling() {
        SyncFixture f(synctest::quietOptions(30, 20));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QString number = freeNumber(f, 7401);
        const core::Extension wanted = newUser(number);
        const qint64 id = f.stage(ChangePayloads::extensionCreate(f.profile.id, wanted));
        QVERIFY(f.markTriedOnce(id));
        bool landed = false;
        QObject::connect(&f.emulator.server(), &emulator::EmulatorServer::requestServed, &f.emulator.server(),
                         [&](const QByteArray& method, const QString& path, int) {
                             if (landed || method != "GET" || !path.endsWith(QLatin1String("/extension")))
                                 return;
                             // The lost create arrives just after the first lookup was answered.
                             landed = true;
                             QVERIFY(createdAtProvider(f, wanted));
                         });
        QVERIFY2(f.appliedByPush(id, {.pull = false, .settleDelay = std::chrono::milliseconds(200)}),
                 qPrintable(f.error()));
        QVERIFY(landed);
        QCOMPARE(remoteCountWithNumber(f, number), 1);
    }

    // Someone else made an extension with the create's number: it is not taken for the one the create
    // was to make (its person differs); the admin is told, nothing is sent.
    void extensionWithTheNumberOfAnotherPersonIsNotTheCreated() {
        SyncFixture f(synctest::quietOptions(30, 20));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QString number = freeNumber(f, 7501);
        const qint64 id = f.stage(ChangePayloads::extensionCreate(f.profile.id, newUser(number)));
        QVERIFY(f.markTriedOnce(id));
        core::Extension someoneElse = newUser(number);
        someoneElse.contact.firstName = QStringLiteral("Otto");
        someoneElse.contact.lastName = QStringLiteral("Other");
        someoneElse.contact.email = QStringLiteral("otto@example.com");
        QVERIFY(createdAtProvider(f, someoneElse));

        const std::optional<store::PendingChange> change = f.stoppedByPush(
            id, store::ChangeState::Conflict, {.pull = false, .settleDelay = std::chrono::milliseconds(0)});
        QVERIFY2(change, qPrintable(f.error()));
        QVERIFY2(change->lastError.contains(QStringLiteral("is used at the provider by")),
                 qPrintable(change->lastError));
        QCOMPARE(remoteCountWithNumber(f, number), 1);
    }

    // The admin's Apply sends a failed change that is still waiting for its retry time; a sync does not.
    void applyIgnoresTheBackoffOfAFailedChange() {
        SyncFixture f(synctest::quietOptions(30, 20));
        const std::optional<core::Extension> stored = f.syncedUser();
        QVERIFY2(stored, qPrintable(f.error()));
        const qint64 id = f.stageJobTitle(*stored, QStringLiteral("Sent when asked"));
        store::PendingChangeRepository changes(f.database.database());
        const store::ChangeClaim earlier = SyncFixture::liveClaim();
        QVERIFY(changes.markApplying(id, earlier));
        QVERIFY(changes.markFailed(id, earlier.owner, QStringLiteral("HTTP 503"),
                                   QDateTime::currentDateTimeUtc().addSecs(3600)));

        // A sync leaves it alone but says it is still open, so that `trunkline-cli sync` does not claim
        // everything is done (exit 4).
        const sync::SyncReport waiting = f.runSync({.pull = false});
        QCOMPARE(waiting.applied, 0);
        QCOMPARE(waiting.waiting.size(), 1);
        QVERIFY2(waiting.waiting.first().contains(QStringLiteral("HTTP 503")),
                 qPrintable(waiting.waiting.first()));
        QCOMPARE(stateOf(f, id), store::ChangeState::Failed);
        const sync::SyncReport report = f.runSync({.pull = false, .ignoreBackoff = true});
        QVERIFY(report.waiting.isEmpty());
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.applied, 1);
        QCOMPARE(stateOf(f, id), store::ChangeState::Applied);
    }

    // Apply selected: only the chosen changes are claimed and sent; the others stay pending, untried.
    void onlyTheChosenChangesArePushed() {
        SyncFixture f(synctest::quietOptions(30, 20));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QList<core::Extension> users = f.someUsers(2);
        QCOMPARE(users.size(), 2);
        QList<qint64> ids;
        for (const core::Extension& user : users)
            ids << f.stageJobTitle(user, QStringLiteral("Chosen or not"));
        QVERIFY2(f.appliedByPush(ids.last(),
                                 {.pull = false, .onlyChangeIds = {ids.last()}, .ignoreBackoff = true}),
                 qPrintable(f.error()));
        QCOMPARE(stateOf(f, ids.first()), store::ChangeState::Pending);
        QCOMPARE(store::PendingChangeRepository(f.database.database()).find(ids.first())->attempts, 0);
        const auto jobTitle = [&f](const core::Extension& user) {
            return f.remoteGet(kExtensionPath + user.id)
                .json()
                .value(QLatin1String("contact"))
                .toObject()
                .value(QLatin1String("jobTitle"))
                .toString();
        };
        QCOMPARE(jobTitle(users.last()), QStringLiteral("Chosen or not"));
        QCOMPARE(jobTitle(users.first()), users.first().contact.jobTitle);
    }

    // A change that keeps failing for a local reason is retried a bounded number of times, then stays
    // failed with its reason (not due again until the admin applies it explicitly).
    void localFailureGivesUpAfterBoundedAttempts() {
        SyncFixture f(synctest::quietOptions(10, 5));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        store::PendingChange unknown;
        unknown.profileId = f.profile.id;
        unknown.entity = QStringLiteral("mystery");
        unknown.entityKey = QStringLiteral("m1");
        unknown.payload = QJsonObject{{QStringLiteral("x"), 1}};
        store::PendingChangeRepository changes(f.database.database());
        QVERIFY(changes.enqueue(unknown));
        for (int i = 0; i < sync::ChangePusher::kMaxLocalAttempts - 1; ++i)
            QVERIFY(f.markTriedOnce(unknown.id));

        sync::SyncReport report = f.runSync({.pull = false});
        QCOMPARE(report.failed, 1);
        const store::PendingChange change = f.changeOf(unknown.id);
        QCOMPARE(change.state, store::ChangeState::Failed);
        QVERIFY2(change.lastError.contains(QStringLiteral("cannot be applied")),
                 qPrintable(change.lastError));
        QVERIFY2(change.lastError.contains(
                     QStringLiteral("gave up after %1 attempts").arg(sync::ChangePusher::kMaxLocalAttempts)),
                 qPrintable(change.lastError));
        report = f.runSync({.pull = false});
        QCOMPARE(report.failed, 0);
        QCOMPARE(f.changeOf(unknown.id).attempts, sync::ChangePusher::kMaxLocalAttempts);
    }

    // Every fault kind: whatever the provider does to the answers, after enough syncs every change is
    // applied exactly once and the local copy equals the provider's data.
    void faultsLoseNothingAndApplyNothingTwice_data() {
        QTest::addColumn<QString>("faults");
        QTest::newRow("5xx") << QStringLiteral("5xx=0.3");
        QTest::newRow("429") << QStringLiteral("429=0.3");
        QTest::newRow("drop") << QStringLiteral("drop=0.2");
        QTest::newRow("truncate") << QStringLiteral("truncate=0.2");
        QTest::newRow("all at once") << QStringLiteral("5xx=0.1,429=0.1,drop=0.1,truncate=0.1");
    }
    void faultsLoseNothingAndApplyNothingTwice() {
        QFETCH(QString, faults);
        emulator::EmulatorOptions options = synctest::quietOptions(150, 60);
        QString error;
        options.faults = *emulator::FaultSpec::parse(faults, &error);
        SyncFixture f(options);
        QVERIFY2(f.setUp(), qPrintable(f.error()));
        f.line->client->setRetryPolicy(
            net::RetryPolicy(4, std::chrono::milliseconds(5), std::chrono::milliseconds(50)));

        // First a clean local copy (as many syncs as the faults need).
        sync::SyncReport report;
        for (int round = 0; round < 10 && !report.complete; ++round)
            report = f.runSync({.pageSize = 20});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));

        QStringList created;
        QHash<QString, QString> titles;
        int n = 7200;
        for (const core::Extension& e : f.localExtensions()) {
            if (titles.size() == 4)
                break;
            if (e.type != core::ExtensionType::User || e.admin)
                continue;
            const QString title = QStringLiteral("Title %1").arg(titles.size());
            titles.insert(e.id, title);
            f.stageJobTitle(e, title);
        }
        for (int i = 0; i < 4; ++i) {
            created << freeNumber(f, n);
            n = created.constLast().toInt() + 1;
            f.stage(ChangePayloads::extensionCreate(f.profile.id, newUser(created.constLast())));
        }

        store::PendingChangeRepository changes(f.database.database());
        for (int round = 0; round < 30; ++round) {
            report = f.runSync({.pageSize = 20});
            const QList<store::PendingChange> open =
                changes.list(f.profile.id, {store::ChangeState::Pending, store::ChangeState::Failed,
                                            store::ChangeState::Applying});
            if (report.complete && open.isEmpty())
                break;
            // Failed changes wait for their retry time; let it come.
            QDateTime next;
            for (const store::PendingChange& change : open)
                if (change.nextAttemptAt.isValid() && (!next.isValid() || change.nextAttemptAt < next))
                    next = change.nextAttemptAt;
            if (next.isValid())
                QTest::qWait(
                    int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(next) + 50, 0, 5000)));
        }
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        const QList<store::PendingChange> all = changes.list(f.profile.id);
        QCOMPARE(all.size(), 8);
        for (const store::PendingChange& change : all)
            QVERIFY2(change.state == store::ChangeState::Applied, qPrintable(change.lastError));
        for (const QString& number : created)
            QCOMPARE(remoteCountWithNumber(f, number), 1);
        const QHash<QString, QJsonObject> remote = f.remoteExtensions();
        for (auto it = titles.cbegin(); it != titles.cend(); ++it)
            QCOMPARE(remote.value(it.key()).value(QLatin1String("jobTitle")).toString(), it.value());
        QCOMPARE(f.localExtensions().size(), remote.size());
        QCOMPARE(f.localNumbers().size(), f.remoteNumbers().size());
    }
};

QTEST_GUILESS_MAIN(tst_SyncPush)
#include "tst_SyncPush.moc"
