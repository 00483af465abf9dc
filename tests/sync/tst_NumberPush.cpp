#include "SyncFixture.h"
#include "changes/NumberChangePayloads.h"
#include "store/AuditLogRepository.h"

#include <QUrlQuery>

using namespace trunkline;
using changes::NumberChangePayloads;
using synctest::SyncFixture;

// Phone-number changes pushed by the sync engine (NumberPusher) against the in-process emulator: what
// reaches the provider is read back from the emulator over HTTP.
class tst_NumberPush : public QObject {
    Q_OBJECT

    static bool audited(SyncFixture& f, const QString& action, const QString& key) {
        for (const store::AuditEntry& entry :
             store::AuditLogRepository(f.database.database()).list(f.profile.id))
            if (entry.entity == NumberChangePayloads::kPhoneNumber && entry.action == action &&
                entry.entityKey == key && entry.actor == f.database.database().sessionUser())
                return true;
        return false;
    }
    // The account's numbers as Restcomm lists them, in one page.
    static QJsonArray restcommListing(SyncFixture& f) {
        const auto reply =
            f.restcommRequest("GET", f.restcommNumbersPath() + QStringLiteral(".json?PageSize=1000"));
        return reply.json().value(QLatin1String("incomingPhoneNumbers")).toArray();
    }
    // How many of the account's numbers Restcomm lists with exactly this phone number.
    static int remoteCount(SyncFixture& f, const QString& e164) {
        int count = 0;
        for (const QJsonValue& v : restcommListing(f))
            count += v.toObject().value(QLatin1String("phone_number")).toString() == e164 ? 1 : 0;
        return count;
    }
    static int remoteTotal(SyncFixture& f) { return static_cast<int>(restcommListing(f).size()); }
    // The first number Telnyx sells in the area code.
    static QString telnyxForSale(SyncFixture& f, const QString& areaCode) {
        const emulator::test::TestReply r =
            f.telnyxRequest("GET", QStringLiteral("/v2/available_phone_numbers?filter[country_code]=US&"
                                                  "filter[national_destination_code]=") +
                                       areaCode);
        return r.json()
            .value(QLatin1String("data"))
            .toArray()
            .at(0)[QLatin1String("phone_number")]
            .toString();
    }
    // Stages `edited` over the stored number, made on its stored version as the console does; the change's
    // id.
    static qint64 stageNumberEdit(SyncFixture& f, const core::PhoneNumberRecord& stored,
                                  const core::PhoneNumberRecord& edited) {
        const QString version = store::PhoneNumberRepository(f.database.database()).versionOf(stored);
        return f.stage(NumberChangePayloads::numberUpdate(f.profile.id, stored, edited, version));
    }
    // Another admin renames the number at Restcomm; the HTTP status.
    static int renameAtRestcomm(SyncFixture& f, const QString& sid, const QString& name) {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("FriendlyName"), name);
        return f
            .restcommRequest("POST",
                             f.restcommNumbersPath() + QLatin1Char('/') + sid + QStringLiteral(".json"),
                             form.toString(QUrl::FullyEncoded).toUtf8())
            .status;
    }
    // A US number Restcomm offers for sale.
    static QString availableNumber(SyncFixture& f) {
        const auto reply = f.restcommRequest(
            "GET", QStringLiteral("/restcomm/2012-04-24/Accounts/%1/AvailablePhoneNumbers/US/Local.json")
                       .arg(f.profile.accountId));
        return reply.jsonArray().at(0).toObject().value(QLatin1String("phoneNumber")).toString();
    }
    static QJsonObject restcommState(SyncFixture& f) {
        for (emulator::ProviderService* service : f.emulator.server().services()) {
            if (service->prefix() == QLatin1String("/restcomm"))
                return service->snapshot();
        }
        return {};
    }

private slots:
    void restcommUpdateReachesProviderStoreAndAuditLog() {
        SyncFixture f(synctest::quietOptions(10, 5), QStringLiteral("restcomm"));
        const std::optional<core::PhoneNumberRecord> stored = f.syncedDid();
        QVERIFY2(stored, qPrintable(f.error()));
        core::PhoneNumberRecord edited = *stored;
        edited.label = QStringLiteral("Support hotline");
        edited.restcomm->voiceUrl = QStringLiteral("http://127.0.0.1:9/voice/support");
        store::PhoneNumberRepository numbers(f.database.database());
        const qint64 id = stageNumberEdit(f, *stored, edited);

        QVERIFY2(f.appliedByPush(id, {.pull = true}), qPrintable(f.error()));
        const QJsonObject remote = f.restcommNumber(stored->id);
        QCOMPARE(remote.value(QLatin1String("friendly_name")).toString(), edited.label);
        QCOMPARE(remote.value(QLatin1String("voice_url")).toString(), edited.restcomm->voiceUrl);
        const std::optional<core::PhoneNumberRecord> after = numbers.find(f.profile.id, stored->id);
        QVERIFY(after);
        QCOMPARE(after->label, edited.label);
        QCOMPARE(after->restcomm->voiceUrl, edited.restcomm->voiceUrl);
        QVERIFY(audited(f, QStringLiteral("update"), stored->id));
        // What Restcomm held afterwards of the reviewed members is kept with the change.
        const QJsonObject readBack = f.changeOf(id).readBack;
        QCOMPARE(readBack.value(QLatin1String("label")).toString(), edited.label);
        QCOMPARE(readBack.value(QLatin1String("voiceUrl")).toString(), edited.restcomm->voiceUrl);
        QCOMPARE(readBack.keys(), f.changeOf(id).payload.keys());
        // The audit log keeps before and after too, for when the change is long gone.
        store::AuditEntry logged;
        for (const store::AuditEntry& entry :
             store::AuditLogRepository(f.database.database()).list(f.profile.id)) {
            if (entry.entityKey == stored->id && entry.action == QLatin1String("update"))
                logged = entry;
        }
        QCOMPARE(logged.entityKey, stored->id);
        QCOMPARE(logged.before.value(QLatin1String("label")).toString(), stored->label);
        QCOMPARE(logged.after, readBack);

        // Nothing is sent again: the next sync has nothing due and the record is unchanged.
        const sync::SyncReport again = f.runSync();
        QVERIFY(again.complete);
        QCOMPARE(again.applied, 0);
        QCOMPARE(f.restcommNumber(stored->id).value(QLatin1String("friendly_name")).toString(), edited.label);
    }

    // Only Restcomm's list names a number's applications; its single read answers null. The names are
    // shown but are no part of the number's version: an edit of a number with an application is applied,
    // not mistaken for a remote change, and the name the list gave stays after the answer is stored.
    void restcommApplicationNamesAreNoChange() {
        SyncFixture f(synctest::quietOptions(10, 5), QStringLiteral("restcomm"));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        std::optional<core::PhoneNumberRecord> withApp;
        for (const core::PhoneNumberRecord& n : f.localNumbers()) {
            if (n.restcomm && !n.restcomm->voiceApplicationSid.isEmpty())
                withApp = n;
        }
        QVERIFY(withApp);
        QCOMPARE(withApp->restcomm->voiceApplicationName, QStringLiteral("Main IVR"));
        const QJsonObject single = f.restcommNumber(withApp->id);
        QVERIFY(single.value(QLatin1String("voice_application_name")).isNull()); // as Restcomm does

        core::PhoneNumberRecord edited = *withApp;
        edited.label = QStringLiteral("Reception IVR");
        store::PhoneNumberRepository numbers(f.database.database());
        const qint64 id = stageNumberEdit(f, *withApp, edited);
        const sync::SyncReport report = f.runSync({.pull = false});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.conflicts, 0);
        QCOMPARE(f.changeOf(id).state, store::ChangeState::Applied);
        const std::optional<core::PhoneNumberRecord> after = numbers.find(f.profile.id, withApp->id);
        QCOMPARE(after->label, edited.label);
        QCOMPARE(after->restcomm->voiceApplicationName, QStringLiteral("Main IVR"));
    }

    // Migrate (restcomm §7): the super admin moves a sub-account's numbers to another organisation; the
    // change is applied and the emulator holds the account tree in the new organisation. Restcomm refuses
    // the super admin's own numbers (400, its reason shown) and any caller that is not a super admin
    // (an empty 403, for which the change names the rule).
    void restcommMigrationAllowedAndRefused() {
        SyncFixture f(synctest::quietOptions(10, 5), QStringLiteral("restcomm"));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QJsonObject state = restcommState(f);
        QJsonObject branch;
        for (const QJsonValue& account : state.value(QLatin1String("accounts")).toArray()) {
            if (account[QLatin1String("friendly_name")].toString() == QLatin1String("Branch office"))
                branch = account.toObject();
        }
        const QString branchSid = branch.value(QLatin1String("sid")).toString();
        QVERIFY(!branchSid.isEmpty());
        const QString spare = state.value(QLatin1String("organizations"))
                                  .toObject()
                                  .toVariantMap()
                                  .key(QStringLiteral("spare.restcomm.com"));
        QVERIFY(!spare.isEmpty());
        QVERIFY(branch.value(QLatin1String("organization_sid")).toString() != spare);
        QVERIFY(NumberChangePayloads::migrationProblems(branchSid, spare, f.profile.accountId).isEmpty());

        const qint64 moved = f.stage(NumberChangePayloads::numberMigration(f.profile.id, branchSid, spare));
        sync::SyncReport report = f.runSync({.pull = false});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(f.changeOf(moved).state, store::ChangeState::Applied);
        for (const QJsonValue& account : restcommState(f).value(QLatin1String("accounts")).toArray()) {
            if (account[QLatin1String("sid")].toString() == branchSid)
                QCOMPARE(account[QLatin1String("organization_sid")].toString(), spare);
        }

        // The super admin's own numbers: refused locally by the rules, and by Restcomm with its reason.
        QCOMPARE(NumberChangePayloads::migrationProblems(f.profile.accountId, spare, f.profile.accountId)
                     .value(0)
                     .field,
                 QStringLiteral("accountSid"));
        const qint64 own =
            f.stage(NumberChangePayloads::numberMigration(f.profile.id, f.profile.accountId, spare));
        report = f.runSync({.pull = false});
        QCOMPARE(f.changeOf(own).state, store::ChangeState::Failed);
        QVERIFY2(f.changeOf(own).lastError.contains(
                     QLatin1String("Super Admin account numbers can not be migrated")),
                 qPrintable(f.changeOf(own).lastError));

        // Signed in as the branch office (a sub-account): not a super admin.
        f.restcommSignIn = {{branchSid, branch.value(QLatin1String("auth_token")).toString().toUtf8()}};
        QVERIFY2(f.connectTo(f.emulator.server()), qPrintable(f.error()));
        QVERIFY(store::ProfileRepository(f.database.database()).update(f.profile));
        const qint64 refused = f.stage(NumberChangePayloads::numberMigration(f.profile.id, branchSid, spare));
        report = f.runSync({.pull = false});
        QCOMPARE(f.changeOf(refused).state, store::ChangeState::Failed);
        QVERIFY2(f.changeOf(refused).lastError.contains(QLatin1String("Only a super admin")),
                 qPrintable(f.changeOf(refused).lastError));
    }

    // Restcomm took the rename but the process died before recording it: the number holds the change's
    // label with a new version. Applied, not a conflict.
    void restcommAlreadyAppliedBeatsVersionConflict() {
        SyncFixture f(synctest::quietOptions(10, 5), QStringLiteral("restcomm"));
        const std::optional<core::PhoneNumberRecord> stored = f.syncedDid();
        QVERIFY2(stored, qPrintable(f.error()));
        core::PhoneNumberRecord edited = *stored;
        edited.label = QStringLiteral("Renamed before the crash");
        store::PhoneNumberRepository numbers(f.database.database());
        const qint64 id = stageNumberEdit(f, *stored, edited);
        QCOMPARE(renameAtRestcomm(f, stored->id, edited.label), 200);

        QVERIFY2(f.appliedByPush(id), qPrintable(f.error()));
        QCOMPARE(numbers.find(f.profile.id, stored->id)->label, edited.label);
    }

    // Restcomm cannot clear a voice method, so the form cannot carry that edit: the rest is sent, the
    // number is read back, and the change fails naming the field instead of being marked applied.
    void restcommFieldNotKeptFailsTheChange() {
        SyncFixture f(synctest::quietOptions(10, 5), QStringLiteral("restcomm"));
        const std::optional<core::PhoneNumberRecord> stored = f.syncedDid();
        QVERIFY2(stored, qPrintable(f.error()));
        QVERIFY(!stored->restcomm->voiceMethod.isEmpty());
        core::PhoneNumberRecord edited = *stored;
        edited.label = QStringLiteral("Reception");
        edited.restcomm->voiceMethod = QString();
        store::PhoneNumberRepository numbers(f.database.database());
        const qint64 id = stageNumberEdit(f, *stored, edited);

        const std::optional<store::PendingChange> change = f.stoppedByPush(id, store::ChangeState::Failed);
        QVERIFY2(change, qPrintable(f.error()));
        QVERIFY2(change->lastError.contains(QLatin1String("did not keep voiceMethod")),
                 qPrintable(change->lastError));
        const QJsonObject remote = f.restcommNumber(stored->id);
        QCOMPARE(remote.value(QLatin1String("friendly_name")).toString(), edited.label);
        QCOMPARE(remote.value(QLatin1String("voice_method")).toString(), stored->restcomm->voiceMethod);
        // The store shows what Restcomm holds.
        const std::optional<core::PhoneNumberRecord> after = numbers.find(f.profile.id, stored->id);
        QVERIFY(after);
        QCOMPARE(after->label, edited.label);
        QCOMPARE(after->restcomm->voiceMethod, stored->restcomm->voiceMethod);
        QVERIFY(!audited(f, QStringLiteral("update"), stored->id));
    }

    void restcommRemoteEditIsAConflictAndStaysUntouched() {
        SyncFixture f(synctest::quietOptions(10, 5), QStringLiteral("restcomm"));
        const std::optional<core::PhoneNumberRecord> stored = f.syncedDid();
        QVERIFY2(stored, qPrintable(f.error()));
        core::PhoneNumberRecord edited = *stored;
        edited.label = QStringLiteral("Mine");
        store::PhoneNumberRepository numbers(f.database.database());
        const qint64 id = stageNumberEdit(f, *stored, edited);
        // Another admin renames the number meanwhile.
        QCOMPARE(renameAtRestcomm(f, stored->id, QStringLiteral("Theirs")), 200);

        const std::optional<store::PendingChange> change = f.stoppedByPush(id, store::ChangeState::Conflict);
        QVERIFY2(change, qPrintable(f.error()));
        QVERIFY2(change->lastError.contains(QLatin1String("label")), qPrintable(change->lastError));
        QCOMPARE(f.restcommNumber(stored->id).value(QLatin1String("friendly_name")).toString(),
                 QStringLiteral("Theirs"));
        QVERIFY(audited(f, QStringLiteral("conflict"), stored->id));
        // The local copy takes Restcomm's number, for resolving the conflict against it.
        QCOMPARE(numbers.find(f.profile.id, stored->id)->label, QStringLiteral("Theirs"));
        QCOMPARE(change->baseVersion, numbers.versionOf(*stored));
    }

    void restcommProvisionAndRelease() {
        SyncFixture f(synctest::quietOptions(10, 5), QStringLiteral("restcomm"));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QString wanted = availableNumber(f);
        QVERIFY(!wanted.isEmpty());
        QCOMPARE(remoteCount(f, wanted), 0);
        const qint64 provision = f.stage(NumberChangePayloads::numberProvision(
            f.profile.id,
            NumberChangePayloads::provisionFields(wanted, {}, QStringLiteral("New line"), false,
                                                  QStringLiteral("Local"), QStringLiteral("US"))));
        const std::optional<core::PhoneNumberRecord> victim = f.someDid();
        QVERIFY(victim);
        store::PhoneNumberRepository numbers(f.database.database());
        const qint64 release =
            f.stage(NumberChangePayloads::numberDelete(f.profile.id, *victim, numbers.versionOf(*victim)));

        const sync::SyncReport report = f.runSync({.pull = false});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.applied, 2);
        QCOMPARE(f.changeOf(provision).state, store::ChangeState::Applied);
        QCOMPARE(f.changeOf(release).state, store::ChangeState::Applied);
        QCOMPARE(remoteCount(f, wanted), 1);
        QVERIFY(f.restcommNumber(victim->id).isEmpty());
        QVERIFY(!numbers.find(f.profile.id, victim->id));
        std::optional<core::PhoneNumberRecord> created;
        for (const core::PhoneNumberRecord& n : f.localNumbers())
            if (n.e164 == wanted)
                created = n;
        QVERIFY(created);
        QCOMPARE(f.restcommNumber(created->id).value(QLatin1String("friendly_name")).toString(),
                 QStringLiteral("New line"));
        QVERIFY(audited(f, QStringLiteral("create"), f.changeOf(provision).entityKey));
        QVERIFY(audited(f, QStringLiteral("delete"), victim->id));
    }

    // An area-code provision cannot be looked up afterwards, so its attempt must be on disk before it is
    // sent: after a crash or power cut the next run sees attempts > 0 and never buys a second number.
    void areaCodeProvisionAttemptIsCountedBeforeItIsSent() {
        SyncFixture f(synctest::quietOptions(10, 5), QStringLiteral("restcomm"));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const qint64 byArea = f.stage(NumberChangePayloads::numberProvision(
            f.profile.id,
            NumberChangePayloads::provisionFields({}, QStringLiteral("650"), {}, false,
                                                  QStringLiteral("Local"), QStringLiteral("US"))));
        int attemptsWhenSent = -1;
        int sent = 0;
        QObject::connect(&f.emulator.server(), &emulator::EmulatorServer::requestServed, &f.emulator.server(),
                         [&](const QByteArray& method, const QString& path, int) {
                             if (method == "POST" && path.contains(QLatin1String("IncomingPhoneNumbers"))) {
                                 attemptsWhenSent = f.changeOf(byArea).attempts;
                                 ++sent;
                             }
                         });
        // Restcomm answers an area-code provision with a 500 (docs/api/restcomm-numbers.md §5.2), so
        // whether a number was bought is unknown: the change fails and is never sent again.
        f.runSync({.pull = false});
        QCOMPARE(attemptsWhenSent, 1);
        QCOMPARE(f.changeOf(byArea).state, store::ChangeState::Failed);
        // The admin applies it explicitly: still not sent a second time.
        f.runSync({.pull = false, .onlyChangeId = byArea});
        QCOMPARE(sent, 1);
        QCOMPARE(f.changeOf(byArea).state, store::ChangeState::Failed);
    }

    void restcommProvisionRetryIsNeverSentTwice() {
        SyncFixture f(synctest::quietOptions(10, 5), QStringLiteral("restcomm"));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        // A given number whose first attempt took effect but whose answer was lost.
        const QString wanted = availableNumber(f);
        const qint64 given = f.stage(NumberChangePayloads::numberProvision(
            f.profile.id, NumberChangePayloads::provisionFields(
                              wanted, {}, {}, false, QStringLiteral("Local"), QStringLiteral("US"))));
        QVERIFY(f.markTriedOnce(given));
        // '+' percent-encoded: a form decoder reads a bare '+' as a space.
        const QByteArray form = "PhoneNumber=" + QUrl::toPercentEncoding(wanted);
        const int status =
            f.restcommRequest("POST", f.restcommNumbersPath() + QStringLiteral("/Local.json"), form).status;
        QVERIFY2(status == 200 || status == 201, qPrintable(QString::number(status)));
        // An area-code provision tried before: nothing can tell whether it took effect.
        const qint64 byArea = f.stage(NumberChangePayloads::numberProvision(
            f.profile.id,
            NumberChangePayloads::provisionFields({}, QStringLiteral("650"), {}, false,
                                                  QStringLiteral("Local"), QStringLiteral("US"))));
        QVERIFY(f.markTriedOnce(byArea));
        const int before = remoteTotal(f);

        const sync::SyncReport report = f.runSync({.pull = false});
        QVERIFY2(report.applied == 1, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.failed, 1);
        QCOMPARE(f.changeOf(given).state, store::ChangeState::Applied);
        QCOMPARE(remoteCount(f, wanted), 1);
        const store::PendingChange parked = f.changeOf(byArea);
        QCOMPARE(parked.state, store::ChangeState::Failed);
        QVERIFY2(parked.lastError.contains(QLatin1String("650")), qPrintable(parked.lastError));
        QCOMPARE(remoteTotal(f), before); // nothing new was provisioned
        bool stored = false;
        for (const core::PhoneNumberRecord& n : f.localNumbers())
            stored |= n.e164 == wanted;
        QVERIFY(stored);
    }

    // Telnyx: a number picked from the search is staged like Restcomm's provision, ordered by the pusher,
    // read back from the account into the store, and pulled by the next sync.
    void telnyxOrderIsAppliedAndSynced() {
        SyncFixture f(synctest::quietOptions(10, 5), QStringLiteral("telnyx"));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        QVERIFY(f.localNumbers().isEmpty());
        const QString wanted = telnyxForSale(f, QStringLiteral("415"));
        QVERIFY(wanted.startsWith(QLatin1String("+1415")));
        const qint64 id = f.stage(NumberChangePayloads::numberProvision(
            f.profile.id, NumberChangePayloads::provisionFields(
                              wanted, {}, {}, false, QStringLiteral("Local"), QStringLiteral("US"))));
        sync::SyncReport report = f.runSync({.pull = false});
        QVERIFY2(report.applied == 1, qPrintable(report.errors.join(u'\n') + f.changeOf(id).lastError));
        QCOMPARE(f.changeOf(id).state, store::ChangeState::Applied);
        const QJsonArray orders = f.telnyxState(QStringLiteral("number_orders"));
        QCOMPARE(orders.size(), 1);
        QCOMPARE(orders.at(0)[QLatin1String("customer_reference")].toString(),
                 QStringLiteral("trunkline-%1-%2").arg(id).arg(f.changeOf(id).createdAt.toSecsSinceEpoch()));
        QCOMPARE(f.telnyxState(QStringLiteral("phone_numbers")).size(), 1);
        QCOMPARE(f.localNumbers().size(), 1); // read back at once
        QCOMPARE(f.localNumbers().first().e164, wanted);

        report = f.runSync();
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(f.localNumbers().size(), 1);
        QCOMPARE(f.localNumbers().first().e164, wanted);
        QCOMPARE(f.localNumbers().first().provider, QStringLiteral("telnyx"));
    }

    // A Telnyx order tried before (its answer lost, or the applier killed): the order placed with the
    // change's reference is found and the change applied; the number is not ordered a second time.
    void telnyxOrderTriedBeforeIsLookedUpNotOrderedTwice() {
        SyncFixture f(synctest::quietOptions(10, 5), QStringLiteral("telnyx"));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QString wanted = telnyxForSale(f, QStringLiteral("212"));
        const qint64 id = f.stage(NumberChangePayloads::numberProvision(
            f.profile.id, NumberChangePayloads::provisionFields(
                              wanted, {}, {}, false, QStringLiteral("Local"), QStringLiteral("US"))));
        QVERIFY(f.markTriedOnce(id));
        // The earlier attempt's order reached Telnyx.
        const QString reference =
            QStringLiteral("trunkline-%1-%2").arg(id).arg(f.changeOf(id).createdAt.toSecsSinceEpoch());
        const int status =
            f.telnyxRequest("POST", QStringLiteral("/v2/number_orders"),
                            QJsonObject{{QStringLiteral("phone_numbers"),
                                         QJsonArray{QJsonObject{{QStringLiteral("phone_number"), wanted}}}},
                                        {QStringLiteral("customer_reference"), reference}})
                .status;
        QCOMPARE(status, 200);
        int posts = 0;
        QObject::connect(&f.emulator.server(), &emulator::EmulatorServer::requestServed, &f.emulator.server(),
                         [&](const QByteArray& method, const QString& path, int) {
                             posts += method == "POST" && path.endsWith(QLatin1String("/number_orders"));
                         });
        const sync::SyncReport report = f.runSync({.pull = false});
        QVERIFY2(report.applied == 1, qPrintable(report.errors.join(u'\n') + f.changeOf(id).lastError));
        QCOMPARE(posts, 0);
        QCOMPARE(f.telnyxState(QStringLiteral("number_orders")).size(), 1);
        QCOMPARE(f.localNumbers().size(), 1);

        // Tried before but never reached Telnyx: looked up twice, then ordered once.
        const QString next = telnyxForSale(f, QStringLiteral("212"));
        const qint64 second = f.stage(NumberChangePayloads::numberProvision(
            f.profile.id, NumberChangePayloads::provisionFields(next, {}, {}, false, QStringLiteral("Local"),
                                                                QStringLiteral("US"))));
        QVERIFY(f.markTriedOnce(second));
        QVERIFY(f.runSync({.pull = false}).applied == 1);
        QCOMPARE(posts, 1);
        QCOMPARE(f.telnyxState(QStringLiteral("number_orders")).size(), 2);
    }

    // RingCentral moves a number between the company and an extension (v2 assignPhoneNumberV2): a company
    // number becomes a user's direct number, then goes back to the company; each is read back, stored and
    // audited, and the change keeps what RingCentral held afterwards.
    void ringCentralNumberIsAssignedAndReturned() {
        SyncFixture f(synctest::quietOptions(10, 5));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        std::optional<core::PhoneNumberRecord> company;
        for (const core::PhoneNumberRecord& n : f.localNumbers()) {
            if (n.usageType == core::UsageType::CompanyNumber && n.extensionId.isEmpty())
                company = n;
        }
        QVERIFY(company);
        std::optional<core::Extension> user;
        for (const core::Extension& e : f.localExtensions()) {
            if (e.type == core::ExtensionType::User)
                user = e;
        }
        QVERIFY(user);
        store::PhoneNumberRepository numbers(f.database.database());
        core::PhoneNumberRecord edited = *company;
        edited.extensionId = user->id;
        const qint64 assigned = stageNumberEdit(f, *company, edited);
        sync::SyncReport report = f.runSync({.pull = false});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(f.changeOf(assigned).state, store::ChangeState::Applied);
        QCOMPARE(f.changeOf(assigned).readBack, (QJsonObject{{QStringLiteral("extensionId"), user->id}}));
        QJsonObject remote =
            f.remoteGet(QStringLiteral("/restapi/v1.0/account/~/phone-number/") + company->id).json();
        QCOMPARE(remote.value(QLatin1String("usageType")).toString(), QStringLiteral("DirectNumber"));
        QCOMPARE(remote.value(QLatin1String("extension"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toVariant()
                     .toString(),
                 user->id);
        const core::PhoneNumberRecord direct = *numbers.find(f.profile.id, company->id);
        QCOMPARE(direct.extensionId, user->id);
        QVERIFY(audited(f, QStringLiteral("update"), company->id));

        core::PhoneNumberRecord back = direct;
        back.extensionId.clear();
        const qint64 returned = stageNumberEdit(f, direct, back);
        report = f.runSync({.pull = false});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(f.changeOf(returned).state, store::ChangeState::Applied);
        remote = f.remoteGet(QStringLiteral("/restapi/v1.0/account/~/phone-number/") + company->id).json();
        QCOMPARE(remote.value(QLatin1String("usageType")).toString(), QStringLiteral("CompanyNumber"));
        QVERIFY(!remote.contains(QLatin1String("extension")));
        QVERIFY(numbers.find(f.profile.id, company->id)->extensionId.isEmpty());
    }

    void ringCentralNumberChangesFailWithTheReason_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("label") << QStringLiteral("label") << QStringLiteral("label");
        QTest::newRow("release") << QStringLiteral("delete") << QStringLiteral("released");
    }
    void ringCentralNumberChangesFailWithTheReason() {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        SyncFixture f(synctest::quietOptions(10, 5));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QList<core::PhoneNumberRecord> numbers = f.localNumbers();
        QVERIFY(!numbers.isEmpty());
        const core::PhoneNumberRecord stored = numbers.constFirst();
        const QString version = store::PhoneNumberRepository(f.database.database()).versionOf(stored);
        core::PhoneNumberRecord edited = stored;
        edited.label = QStringLiteral("Renamed");
        const qint64 id =
            f.stage(kind == QLatin1String("label")
                        ? NumberChangePayloads::numberUpdate(f.profile.id, stored, edited, version)
                        : NumberChangePayloads::numberDelete(f.profile.id, stored, version));

        const sync::SyncReport report = f.runSync({.pull = false});
        QCOMPARE(report.failed, 1);
        QVERIFY(!report.complete);
        const store::PendingChange change = f.changeOf(id);
        QCOMPARE(change.state, store::ChangeState::Failed);
        QVERIFY2(change.lastError.contains(QLatin1String("RingCentral")), qPrintable(change.lastError));
        QVERIFY2(change.lastError.contains(expected), qPrintable(change.lastError));
        // The failed attempt is in the audit log too, with the reason and what it tried.
        QVERIFY(audited(f, QStringLiteral("failed"), stored.id));
        // The number is still there, unchanged, at the provider.
        const QJsonObject remote =
            f.remoteGet(QStringLiteral("/restapi/v1.0/account/~/phone-number/") + stored.id).json();
        QCOMPARE(remote.value(QLatin1String("phoneNumber")).toString(), stored.e164);
        QCOMPARE(remote.value(QLatin1String("label")).toString(), stored.label);
    }
};

QTEST_GUILESS_MAIN(tst_NumberPush)
#include "tst_NumberPush.moc"
