#include "SyncFixture.h"
#include "changes/SettingsPayloads.h"
#include "store/AuditLogRepository.h"
#include "store/ExtensionSettingsRepository.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace trunkline;
using changes::SettingsPayloads;
using store::ExtensionSettingsRepository;
using synctest::SyncFixture;

namespace {

const QString kExtensionPath = QStringLiteral("/restapi/v1.0/account/~/extension/");

QString endpointOf(const QString& kind) {
    if (kind == ExtensionSettingsRepository::kCallerId)
        return QStringLiteral("/caller-id");
    if (kind == ExtensionSettingsRepository::kNotifications)
        return QStringLiteral("/notification-settings");
    if (kind == ExtensionSettingsRepository::kAfterHours)
        return QStringLiteral("/answering-rule/after-hours-rule");
    if (kind == ExtensionSettingsRepository::kCustomRules)
        return QStringLiteral("/answering-rule?type=Custom&view=Detailed&perPage=1000");
    return QStringLiteral("/answering-rule/business-hours-rule");
}

// What the admin does in the form, per kind, and the dotted paths that must show it at the provider.
QJsonObject edit(const QString& kind, QJsonObject settings) {
    if (kind == ExtensionSettingsRepository::kCallerId) {
        SettingsPayloads::setRingOutCallerId(settings, QStringLiteral("Blocked"), {});
    } else if (kind == ExtensionSettingsRepository::kNotifications) {
        settings.insert(QStringLiteral("emailAddresses"), QJsonArray{QStringLiteral("desk@example.com")});
        SettingsPayloads::setValueAt(settings, QStringLiteral("missedCalls.notifyBySms"), true);
        SettingsPayloads::setValueAt(settings, QStringLiteral("voicemails.includeAttachment"), true);
    } else {
        settings.insert(QStringLiteral("callHandlingAction"), QStringLiteral("UnconditionalForwarding"));
        SettingsPayloads::setValueAt(settings, QStringLiteral("unconditionalForwarding.phoneNumber"),
                                     QStringLiteral("+14155550123"));
        SettingsPayloads::setValueAt(settings, QStringLiteral("voicemail.enabled"), false);
    }
    return settings;
}

} // namespace

class tst_SettingsPush : public QObject {
    Q_OBJECT

    static QJsonObject remote(SyncFixture& f, const QString& extensionId, const QString& kind) {
        const QJsonObject answer = f.remoteGet(kExtensionPath + extensionId + endpointOf(kind)).json();
        // The custom rules are kept as their records, without the list's paging.
        return kind == ExtensionSettingsRepository::kCustomRules
                   ? QJsonObject{{QStringLiteral("records"), answer.value(QStringLiteral("records"))}}
                   : answer;
    }
    // The user's settings of `kind` in the store.
    static std::optional<QJsonObject> storedSettings(SyncFixture& f, const QString& userId,
                                                     const QString& kind) {
        return ExtensionSettingsRepository(f.database.database()).get(f.profile.id, userId, kind);
    }
    // Where the cases that edit settings start: the account synced with every extension's details, and a
    // user's settings of `kind` as that sync stored them. Nothing, with f.error() when the sync failed,
    // if any of it is missing.
    struct Synced {
        core::Extension user;
        QJsonObject stored;
    };
    static std::optional<Synced> syncedSettings(SyncFixture& f, const QString& kind) {
        if (!f.setUpSynced({.details = true}))
            return std::nullopt;
        const std::optional<core::Extension> user = f.someUser();
        if (!user)
            return std::nullopt;
        const std::optional<QJsonObject> stored = storedSettings(f, user->id, kind);
        if (!stored)
            return std::nullopt;
        return Synced{*user, *stored};
    }
    // The form's edit of the user's settings of `kind`, staged; the change's id.
    static qint64 stageSettingsEdit(SyncFixture& f, const QString& kind, const Synced& synced,
                                    const QJsonObject& edited) {
        return f.stage(
            SettingsPayloads::settingsUpdate(f.profile.id, synced.user.id, kind, synced.stored, edited));
    }
    // The kinds the console edits (custom rules are only shown).
    static void addKindRows() {
        QTest::addColumn<QString>("kind");
        for (const QString& kind : ExtensionSettingsRepository::kinds()) {
            if (!SettingsPayloads::formMembers(kind).isEmpty())
                QTest::newRow(qPrintable(kind)) << kind;
        }
    }

private slots:
    void payloadCarriesOnlyFormMembers() {
        const QJsonObject stored{
            {QStringLiteral("uri"), QStringLiteral("http://127.0.0.1:1/x")},
            {QStringLiteral("callHandlingAction"), QStringLiteral("ForwardCalls")},
            {QStringLiteral("screening"), QStringLiteral("Off")},
            {QStringLiteral("voicemail"),
             QJsonObject{{QStringLiteral("enabled"), true}, {QStringLiteral("recipient"), QJsonObject{}}}},
            {QStringLiteral("forwarding"),
             QJsonObject{{QStringLiteral("ringingMode"), QStringLiteral("Sequentially")}}}};
        const QJsonObject edited = edit(ExtensionSettingsRepository::kBusinessHours, stored);
        const store::PendingChange change = SettingsPayloads::settingsUpdate(
            7, QStringLiteral("e1"), ExtensionSettingsRepository::kBusinessHours, stored, edited);
        QCOMPARE(change.entity, QStringLiteral("extension_settings"));
        QCOMPARE(change.entityKey, QStringLiteral("e1/businessHours"));
        QCOMPARE(change.profileId, 7);
        QCOMPARE(change.operation, store::ChangeOperation::Update);
        QCOMPARE(change.baseVersion, ExtensionSettingsRepository::versionOf(stored));
        QCOMPARE(change.payload.value(QStringLiteral("kind")).toString(), QStringLiteral("businessHours"));
        const QJsonObject expected{
            {QStringLiteral("callHandlingAction"), QStringLiteral("UnconditionalForwarding")},
            {QStringLiteral("voicemail"), QJsonObject{{QStringLiteral("enabled"), false}}},
            {QStringLiteral("unconditionalForwarding"),
             QJsonObject{{QStringLiteral("phoneNumber"), QStringLiteral("+14155550123")}}}};
        QCOMPARE(change.payload.value(QStringLiteral("settings")).toObject(), expected);
        // Applying the payload to the stored document gives the edit back and keeps the other members.
        const QJsonObject staged = SettingsPayloads::withSettings(
            stored, change.payload.value(QStringLiteral("settings")).toObject());
        QCOMPARE(SettingsPayloads::differences(ExtensionSettingsRepository::kBusinessHours, staged, edited),
                 QStringList());
        QCOMPARE(staged.value(QStringLiteral("screening")), stored.value(QStringLiteral("screening")));
        QCOMPARE(SettingsPayloads::valueAt(staged, QStringLiteral("voicemail.recipient")),
                 QJsonValue(QJsonObject{}));
        QCOMPARE(SettingsPayloads::differences(ExtensionSettingsRepository::kBusinessHours, stored, edited),
                 (QStringList{QStringLiteral("callHandlingAction"), QStringLiteral("voicemail.enabled"),
                              QStringLiteral("unconditionalForwarding.phoneNumber")}));
    }

    void entityKeys_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("extensionId");
        QTest::addColumn<QString>("kind");
        QTest::newRow("caller id") << QStringLiteral("123/callerId") << true << QStringLiteral("123")
                                   << QStringLiteral("callerId");
        QTest::newRow("rule") << QStringLiteral("9/businessHours") << true << QStringLiteral("9")
                              << QStringLiteral("businessHours");
        QTest::newRow("after-hours rule")
            << QStringLiteral("9/afterHours") << true << QStringLiteral("9") << QStringLiteral("afterHours");
        QTest::newRow("unknown kind") << QStringLiteral("9/holidayRules") << false << QString() << QString();
        QTest::newRow("no kind") << QStringLiteral("9/") << false << QString() << QString();
        QTest::newRow("no extension") << QStringLiteral("/callerId") << false << QString() << QString();
        QTest::newRow("no slash") << QStringLiteral("9") << false << QString() << QString();
    }
    void entityKeys() {
        QFETCH(QString, key);
        QFETCH(bool, valid);
        QFETCH(QString, extensionId);
        QFETCH(QString, kind);
        QString splitExtension;
        QString splitKind;
        QCOMPARE(SettingsPayloads::splitEntityKey(key, &splitExtension, &splitKind), valid);
        if (valid) {
            QCOMPARE(splitExtension, extensionId);
            QCOMPARE(splitKind, kind);
            QCOMPARE(SettingsPayloads::entityKey(extensionId, kind), key);
        }
    }

    void detailsFetchStoresEverySetting() {
        SyncFixture f(synctest::quietOptions(20, 8));
        QVERIFY2(f.setUpSynced({.details = true}), qPrintable(f.error()));
        ExtensionSettingsRepository repository(f.database.database());
        const QList<core::Extension> extensions = f.localExtensions();
        QVERIFY(!extensions.isEmpty());
        for (const core::Extension& extension : extensions) {
            for (const QString& kind : ExtensionSettingsRepository::kinds()) {
                const std::optional<QJsonObject> stored = repository.get(f.profile.id, extension.id, kind);
                QVERIFY2(stored, qPrintable(extension.id + u' ' + kind));
                QCOMPARE(ExtensionSettingsRepository::versionOf(*stored),
                         ExtensionSettingsRepository::versionOf(remote(f, extension.id, kind)));
                QVERIFY(repository.syncedAt(f.profile.id, extension.id, kind));
            }
        }
    }

    // The admin sends an extension's calls after hours to an application (a call queue or IVR menu of
    // the account): the after-hours rule at the provider transfers to it, and the store holds the rule.
    void afterHoursGoToApplicationReachesTheProvider() {
        SyncFixture f(synctest::quietOptions(20, 12));
        const QString kind = ExtensionSettingsRepository::kAfterHours;
        const std::optional<Synced> synced = syncedSettings(f, kind);
        QVERIFY2(synced, qPrintable(f.error()));
        const auto& [user, stored] = *synced;
        QVERIFY(!stored.isEmpty());
        QString application;
        for (const core::Extension& e : f.localExtensions()) {
            if (e.type == core::ExtensionType::Department || e.type == core::ExtensionType::IvrMenu)
                application = e.id;
        }
        QVERIFY(!application.isEmpty());
        QJsonObject edited = stored;
        edited.insert(QStringLiteral("callHandlingAction"), QStringLiteral("TransferToExtension"));
        SettingsPayloads::setValueAt(edited, QStringLiteral("transfer.extension.id"), application);
        const qint64 id = stageSettingsEdit(f, kind, *synced, edited);

        const sync::SyncReport report = f.runSync({.pull = false});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(f.changeOf(id).state, store::ChangeState::Applied);
        const QJsonObject now = remote(f, user.id, kind);
        QCOMPARE(now.value(QStringLiteral("callHandlingAction")).toString(),
                 QStringLiteral("TransferToExtension"));
        QCOMPARE(SettingsPayloads::valueAt(now, QStringLiteral("transfer.extension.id")).toString(),
                 application);
        // The business-hours rule is not touched by it.
        QCOMPARE(remote(f, user.id, ExtensionSettingsRepository::kBusinessHours)
                     .value(QStringLiteral("callHandlingAction"))
                     .toString(),
                 QStringLiteral("ForwardCalls"));
        const std::optional<QJsonObject> after = storedSettings(f, user.id, kind);
        QVERIFY(after);
        QCOMPARE(SettingsPayloads::valueAt(*after, QStringLiteral("transfer.extension.id")).toString(),
                 application);
    }

    // The business hours became 24/7 at the provider after the edit: the after-hours rule is gone, and the
    // change is a conflict that says so (not "the extension was deleted").
    void afterHoursRuleGoneIsAConflict() {
        SyncFixture f(synctest::quietOptions(20, 6));
        const QString kind = ExtensionSettingsRepository::kAfterHours;
        const std::optional<Synced> synced = syncedSettings(f, kind);
        QVERIFY2(synced, qPrintable(f.error()));
        QVERIFY(!synced->stored.isEmpty());
        const qint64 id = stageSettingsEdit(f, kind, *synced, edit(kind, synced->stored));
        QCOMPARE(f.remotePut(kExtensionPath + synced->user.id + QStringLiteral("/business-hours"),
                             {{QStringLiteral("schedule"), QJsonObject{}}})
                     .status,
                 200);

        const std::optional<store::PendingChange> change = f.stoppedByPush(id, store::ChangeState::Conflict);
        QVERIFY2(change, qPrintable(f.error()));
        QVERIFY2(
            change->lastError.contains(QStringLiteral("has no after-hours rule at the provider any more")),
            qPrintable(change->lastError));
    }

    void updateReachesProviderStoreAndAuditLog_data() { addKindRows(); }
    void updateReachesProviderStoreAndAuditLog() {
        QFETCH(QString, kind);
        SyncFixture f(synctest::quietOptions(20, 6));
        const std::optional<Synced> synced = syncedSettings(f, kind);
        QVERIFY2(synced, qPrintable(f.error()));
        const auto& [user, stored] = *synced;
        const QJsonObject edited = edit(kind, stored);
        QVERIFY(!SettingsPayloads::differences(kind, stored, edited).isEmpty());
        const qint64 id = stageSettingsEdit(f, kind, *synced, edited);

        QVERIFY2(f.appliedByPush(id), qPrintable(f.error()));
        const QJsonObject now = remote(f, user.id, kind);
        QCOMPARE(SettingsPayloads::differences(kind, now, edited), QStringList());
        // The store holds the provider's answer, which is what the provider shows now.
        const std::optional<QJsonObject> after = storedSettings(f, user.id, kind);
        QVERIFY(after);
        QCOMPARE(ExtensionSettingsRepository::versionOf(*after), ExtensionSettingsRepository::versionOf(now));
        bool audited = false;
        for (const store::AuditEntry& entry :
             store::AuditLogRepository(f.database.database()).list(f.profile.id))
            audited |= entry.entity == SettingsPayloads::kEntity &&
                       entry.entityKey == SettingsPayloads::entityKey(user.id, kind) &&
                       entry.action == u"update" && entry.actor == f.database.database().sessionUser() &&
                       entry.summary.contains(user.id);
        QVERIFY(audited);
    }

    // The provider took the settings but the process died before recording it: the remote document
    // holds the change's values with a new version. Applied, not a conflict.
    void alreadyAppliedBeatsVersionConflict_data() { addKindRows(); }
    void alreadyAppliedBeatsVersionConflict() {
        QFETCH(QString, kind);
        SyncFixture f(synctest::quietOptions(20, 6));
        const std::optional<Synced> synced = syncedSettings(f, kind);
        QVERIFY2(synced, qPrintable(f.error()));
        const auto& [user, stored] = *synced;
        const store::PendingChange staged =
            SettingsPayloads::settingsUpdate(f.profile.id, user.id, kind, stored, edit(kind, stored));
        const qint64 id = f.stage(staged);
        QCOMPARE(f.remotePut(kExtensionPath + user.id + endpointOf(kind),
                             staged.payload.value(QStringLiteral("settings")).toObject())
                     .status,
                 200);
        QVERIFY(ExtensionSettingsRepository::versionOf(remote(f, user.id, kind)) != staged.baseVersion);

        QVERIFY2(f.appliedByPush(id), qPrintable(f.error()));
    }

    // The provider's 200 is not taken on trust: after the PUT the document is read again, and it is the
    // read-back that the store keeps and the change is judged by.
    void documentIsReadBackAfterThePut() {
        SyncFixture f(synctest::quietOptions(20, 6));
        const QString kind = ExtensionSettingsRepository::kNotifications;
        const std::optional<Synced> synced = syncedSettings(f, kind);
        QVERIFY2(synced, qPrintable(f.error()));
        const qint64 id = stageSettingsEdit(f, kind, *synced, edit(kind, synced->stored));
        QSignalSpy served(&f.emulator.server(), &emulator::EmulatorServer::requestServed);

        QCOMPARE(f.runSync({.pull = false}).applied, 1);
        QCOMPARE(f.changeOf(id).state, store::ChangeState::Applied);
        const QString path = synced->user.id + endpointOf(kind);
        qsizetype put = -1;
        qsizetype readBack = -1;
        for (qsizetype i = 0; i < served.size(); ++i) {
            const QByteArray method = served.at(i).at(0).toByteArray();
            if (!served.at(i).at(1).toString().endsWith(path))
                continue;
            if (method == "PUT")
                put = i;
            else if (method == "GET" && put >= 0)
                readBack = i;
        }
        QVERIFY2(put >= 0, "the settings were sent");
        QVERIFY2(readBack > put, "the document was read back after the PUT");
    }

    // The PUT carries only the members that differ at the provider (the payload holds every form member),
    // and a member the provider does not keep fails the change, naming it, instead of being applied.
    void putSendsChangedMembersAndAnUnkeptOneFails() {
        SyncFixture f(synctest::quietOptions(20, 6));
        const QString kind = ExtensionSettingsRepository::kNotifications;
        const std::optional<Synced> synced = syncedSettings(f, kind);
        QVERIFY2(synced, qPrintable(f.error()));
        const qint64 id = stageSettingsEdit(f, kind, *synced, edit(kind, synced->stored));
        // A provider that ignores the e-mail list: the test drops it from the body on the way in.
        QJsonObject sent;
        f.emulator.server().setRequestRewriter([&](emulator::EmulatorRequest& request) {
            if (request.method != "PUT" || !request.path.endsWith(endpointOf(kind)))
                return;
            sent = QJsonDocument::fromJson(request.body).object();
            QJsonObject kept = sent;
            kept.remove(QStringLiteral("emailAddresses"));
            request.body = QJsonDocument(kept).toJson(QJsonDocument::Compact);
        });

        const std::optional<store::PendingChange> change = f.stoppedByPush(id, store::ChangeState::Failed);
        f.emulator.server().setRequestRewriter({});
        QVERIFY2(change, qPrintable(f.error()));
        const QStringList members = sent.keys();
        QCOMPARE(members, (QStringList{QStringLiteral("emailAddresses"), QStringLiteral("missedCalls"),
                                       QStringLiteral("voicemails")}));
        QCOMPARE(sent.value(QStringLiteral("voicemails")).toObject().keys(),
                 QStringList{QStringLiteral("includeAttachment")});
        QVERIFY2(change->lastError.contains(QStringLiteral("did not keep emailAddresses,")),
                 qPrintable(change->lastError));
        QVERIFY2(!change->lastError.contains(QStringLiteral("notifyBySms")), qPrintable(change->lastError));
        // What the provider kept is there, and the store shows the provider's document.
        const QJsonObject now = remote(f, synced->user.id, kind);
        QCOMPARE(SettingsPayloads::valueAt(now, QStringLiteral("missedCalls.notifyBySms")), QJsonValue(true));
        QCOMPARE(storedSettings(f, synced->user.id, kind), std::optional<QJsonObject>(now));
    }

    void remoteChangeSinceStagingIsAConflict() {
        SyncFixture f(synctest::quietOptions(20, 6));
        const QString kind = ExtensionSettingsRepository::kBusinessHours;
        const std::optional<Synced> synced = syncedSettings(f, kind);
        QVERIFY2(synced, qPrintable(f.error()));
        const auto& [user, stored] = *synced;
        const qint64 id = stageSettingsEdit(f, kind, *synced, edit(kind, stored));
        // Another admin turns voicemail off meanwhile.
        const bool voicemailBefore =
            SettingsPayloads::valueAt(stored, QStringLiteral("voicemail.enabled")).toBool();
        QCOMPARE(f.remotePut(kExtensionPath + user.id + endpointOf(kind),
                             QJsonObject{{QStringLiteral("voicemail"),
                                          QJsonObject{{QStringLiteral("enabled"), !voicemailBefore}}}})
                     .status,
                 200);

        const std::optional<store::PendingChange> change = f.stoppedByPush(id, store::ChangeState::Conflict);
        QVERIFY2(change, qPrintable(f.error()));
        QVERIFY2(change->lastError.contains(QStringLiteral("voicemail.enabled")),
                 qPrintable(change->lastError));
        QVERIFY2(change->lastError.contains(QStringLiteral("business-hours rule of extension ") + user.id),
                 qPrintable(change->lastError));
        // Not overwritten: the other admin's value and the old action stay at the provider.
        const QJsonObject now = remote(f, user.id, kind);
        QCOMPARE(SettingsPayloads::valueAt(now, QStringLiteral("voicemail.enabled")).toBool(),
                 !voicemailBefore);
        QCOMPARE(now.value(QStringLiteral("callHandlingAction")),
                 stored.value(QStringLiteral("callHandlingAction")));
        // The local copy takes the provider's document, so that the admin resolves the conflict against
        // it; the change keeps the version and values it was made on.
        QCOMPARE(storedSettings(f, user.id, kind), std::optional<QJsonObject>(now));
        QCOMPARE(change->baseVersion, ExtensionSettingsRepository::versionOf(stored));
    }

    void refusedValueFailsWithTheProvidersMessage() {
        SyncFixture f(synctest::quietOptions(20, 6));
        const QString kind = ExtensionSettingsRepository::kNotifications;
        const std::optional<Synced> synced = syncedSettings(f, kind);
        QVERIFY2(synced, qPrintable(f.error()));
        const auto& [user, stored] = *synced;
        QJsonObject edited = stored;
        edited.insert(QStringLiteral("emailAddresses"), QJsonArray{QStringLiteral("not-an-address")});
        const qint64 id = stageSettingsEdit(f, kind, *synced, edited);

        const std::optional<store::PendingChange> change = f.stoppedByPush(id, store::ChangeState::Failed);
        QVERIFY2(change, qPrintable(f.error()));
        QVERIFY2(change->lastError.contains(QStringLiteral("not-an-address")), qPrintable(change->lastError));
        QCOMPARE(storedSettings(f, user.id, kind), std::optional<QJsonObject>(stored));
    }

    void malformedKeyFailsLocally() {
        SyncFixture f(synctest::quietOptions(10, 3));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        store::PendingChange change;
        change.profileId = f.profile.id;
        change.entity = SettingsPayloads::kEntity;
        change.entityKey = QStringLiteral("101");
        change.payload = QJsonObject{{QStringLiteral("settings"), QJsonObject{{QStringLiteral("x"), 1}}}};
        const qint64 id = f.stage(change);
        const sync::SyncReport report = f.runSync({.pull = false});
        QCOMPARE(report.failed, 1);
        QVERIFY2(f.changeOf(id).lastError.contains(QStringLiteral("expected \"<extension id>/<kind>\"")),
                 qPrintable(f.changeOf(id).lastError));
    }
};

QTEST_GUILESS_MAIN(tst_SettingsPush)
#include "tst_SettingsPush.moc"
