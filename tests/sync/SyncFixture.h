#pragma once

// Shared by the sync tests: an emulator in this process (real sockets), a real SQLite file, a profile
// whose secret sits in a memory secret store (the CLI tests use the real keychain), a Connection made
// by the real ConnectionFactory, and blocking helpers around the asynchronous SyncEngine.

#include "../emulator/EmulatorTestClient.h"
#include "TestDatabase.h"
#include "changes/ChangePayloads.h"
#include "connection/ConnectionFactory.h"
#include "connection/ProfileSecrets.h"
#include "connection/ProviderSecret.h"
#include "demo/DemoEmulator.h"
#include "net/ApiClient.h"
#include "secrets/MemorySecretStore.h"
#include "store/ExtensionRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace synctest {

using namespace trunkline;

inline emulator::EmulatorOptions quietOptions(int numbers, int extensions) {
    emulator::EmulatorOptions options;
    options.numbers = numbers;
    options.extensions = extensions;
    options.rateLimits = false;
    return options;
}

// One provider account at the emulator and its local copy.
class SyncFixture {
public:
    // `engine`: "sqlite", or "postgres" for the tests of a team's store (skipped without a server).
    explicit SyncFixture(const emulator::EmulatorOptions& options,
                         const QString& provider = QStringLiteral("ringcentral"),
                         const QString& engine = QStringLiteral("sqlite"))
        : emulator(options)
        , database(engine)
        , m_provider(provider) {}

    // Opens the database, adds the profile and connects; false with error() on failure.
    bool setUp() {
        if (!emulator.started())
            return fail(emulator.startError());
        if (!database.open())
            return fail(database.error());
        profile.name = QStringLiteral("Emulated office");
        profile.provider = m_provider;
        profile.baseUrl = emulator.server().baseUrl().toString();
        if (!store::ProfileRepository(database.database()).add(profile, &m_error))
            return false;
        return connectTo(emulator.server());
    }

    // setUp() and a first full sync: where the push tests start, staging changes against what that sync
    // stored ({.details = true} for the tests of extension settings). False with error() when either fails.
    bool setUpSynced(sync::SyncEngine::Options options = {}) {
        if (!setUp())
            return false;
        const sync::SyncReport report = runSync(options);
        return report.complete ||
               fail(QStringLiteral("the first sync did not complete: ") + report.errors.join(u'\n'));
    }

    // Another Restcomm account (sid, token) to sign in as on the next connectTo(); the demo's super admin
    // when unset.
    std::optional<std::pair<QString, QByteArray>> restcommSignIn;

    // (Re)connects the profile to a server (tests switch to a faulty copy of the same account).
    bool connectTo(emulator::EmulatorServer& server) {
        const emulator::DemoCredentials credentials = server.credentials();
        connection::ProviderSecret secret;
        secret.clientId = credentials.ringCentralClientId.toUtf8();
        secret.clientSecret = credentials.ringCentralClientSecret.toUtf8();
        secret.token = credentials.ringCentralAdminJwt.toUtf8();
        if (profile.provider == QLatin1String("restcomm")) {
            secret = {};
            secret.token = restcommSignIn ? restcommSignIn->second : credentials.restcommAuthToken.toUtf8();
            profile.accountId = restcommSignIn ? restcommSignIn->first : credentials.restcommAccountSid;
        }
        if (profile.provider == QLatin1String("telnyx")) {
            secret = {};
            secret.token = credentials.telnyxApiKey.toUtf8();
        }
        profile.baseUrl = server.baseUrl().toString();
        if (!connection::ProfileSecrets(secrets).save(profile, secret.serialize(profile.provider)).ok())
            return fail(QStringLiteral("cannot save the secret"));
        connection::ConnectionFactory factory(secrets, network, demo);
        bool done = false;
        factory.open(profile, [&](std::optional<connection::Connection> opened, const QString& error) {
            if (opened)
                line = std::make_unique<connection::Connection>(std::move(*opened));
            m_error = error;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            return fail(QStringLiteral("connecting timed out"));
        return line != nullptr;
    }

    // Runs one sync to its end; the report (complete=false, errors=["timeout"] on a timeout).
    sync::SyncReport runSync(sync::SyncEngine::Options options = {}, int timeoutMs = 60000) {
        sync::SyncEngine engine(database.database());
        return runSync(engine, options, timeoutMs);
    }
    sync::SyncReport runSync(sync::SyncEngine& engine, sync::SyncEngine::Options options,
                             int timeoutMs = 60000) {
        QSignalSpy finished(&engine, &sync::SyncEngine::finished);
        if (!engine.sync(profile, *line, options))
            return timeoutReport(QStringLiteral("sync refused to start"));
        if (!finished.wait(timeoutMs) && finished.isEmpty())
            return timeoutReport(QStringLiteral("timeout"));
        return finished.constFirst().constFirst().value<sync::SyncReport>();
    }

    // --- the emulator's own data (its snapshot: no HTTP, so faults cannot spoil the comparison) --------
    QJsonObject remoteState() {
        for (emulator::ProviderService* service : emulator.server().services()) {
            if (service->prefix() == QLatin1String("/restapi"))
                return service->snapshot();
        }
        return {};
    }
    QHash<QString, QJsonObject> remoteExtensions() {
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue& value : remoteState().value(QLatin1String("extensions")).toArray())
            byId.insert(value.toObject().value(QLatin1String("id")).toString(), value.toObject());
        return byId;
    }
    // Number id -> E.164 (the snapshot keeps numbers as positional arrays: id, phoneNumber, ...).
    QHash<QString, QString> remoteNumbers() {
        QHash<QString, QString> byId;
        for (const QJsonValue& value : remoteState().value(QLatin1String("numbers")).toArray())
            byId.insert(value.toArray().at(0).toString(), value.toArray().at(1).toString());
        return byId;
    }

    // --- admin actions at the provider, as another admin would do them --------------------------------
    QString adminToken() {
        if (m_token.isEmpty())
            m_token = emulator.rcLogin(true);
        return m_token;
    }
    emulator::test::TestReply remoteDeleteExtension(const QString& id) {
        return emulator.del(QStringLiteral("/restapi/v1.0/account/~/extension/") + id,
                            {emulator::test::EmulatorTestClient::bearer(adminToken())});
    }
    emulator::test::TestReply remoteGet(const QString& path) {
        return emulator.get(path, {emulator::test::EmulatorTestClient::bearer(adminToken())});
    }
    emulator::test::TestReply remotePut(const QString& path, const QJsonObject& body) {
        return emulator.putJson(path, body, {emulator::test::EmulatorTestClient::bearer(adminToken())});
    }

    // Restcomm (profiles made with provider "restcomm"): the account's incoming numbers over HTTP.
    QString restcommNumbersPath() {
        return QStringLiteral("/restcomm/2012-04-24/Accounts/%1/IncomingPhoneNumbers")
            .arg(emulator.server().credentials().restcommAccountSid);
    }
    emulator::test::TestReply restcommRequest(const QByteArray& method, const QString& pathAndQuery,
                                              const QByteArray& form = {}) {
        const emulator::DemoCredentials credentials = emulator.server().credentials();
        emulator::test::HeaderList headers{emulator::test::EmulatorTestClient::basicAuth(
            credentials.restcommAccountSid, credentials.restcommAuthToken)};
        if (!form.isEmpty())
            headers.append(
                {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
        return emulator.request(method, pathAndQuery, form, headers);
    }
    // The number as Restcomm answers GET IncomingPhoneNumbers/{sid}.json (empty object when not found).
    QJsonObject restcommNumber(const QString& sid) {
        const emulator::test::TestReply reply =
            restcommRequest("GET", restcommNumbersPath() + QLatin1Char('/') + sid + QStringLiteral(".json"));
        return reply.status == 200 ? reply.json() : QJsonObject();
    }

    // Telnyx (profiles made with provider "telnyx"): a request with the demo key, and the service's data.
    emulator::test::TestReply telnyxRequest(const QByteArray& method, const QString& pathAndQuery,
                                            const QJsonObject& body = {}) {
        emulator::test::HeaderList headers{
            emulator::test::EmulatorTestClient::bearer(emulator.server().credentials().telnyxApiKey)};
        QByteArray bytes;
        if (!body.isEmpty()) {
            headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
            bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return emulator.request(method, pathAndQuery, bytes, headers);
    }
    QJsonArray telnyxState(const QString& key) {
        for (emulator::ProviderService* service : emulator.server().services()) {
            if (service->prefix() == QLatin1String("/v2"))
                return service->snapshot().value(key).toArray();
        }
        return {};
    }

    QList<core::Extension> localExtensions() {
        return store::ExtensionRepository(database.database()).list(profile.id);
    }
    QList<core::PhoneNumberRecord> localNumbers() {
        return store::PhoneNumberRepository(database.database()).list(profile.id);
    }
    // An enabled user extension without admin rights, as pulled.
    std::optional<core::Extension> someUser() {
        const QList<core::Extension> users = someUsers(1);
        return users.isEmpty() ? std::nullopt : std::optional(users.first());
    }
    // Up to `count` of them.
    QList<core::Extension> someUsers(qsizetype count) {
        QList<core::Extension> users;
        for (const core::Extension& e : localExtensions()) {
            if (users.size() < count && e.type == core::ExtensionType::User && !e.admin &&
                e.status == core::ExtensionStatus::Enabled)
                users << e;
        }
        return users;
    }
    // Queues a change as the console would; returns its id.
    qint64 stage(store::PendingChange change) {
        QString message;
        if (!store::PendingChangeRepository(database.database()).enqueue(change, &message))
            qWarning("%s", qPrintable(message));
        return change.id;
    }
    // An ordinary DID of the profile's own Restcomm account (not a SIP regex), as pulled.
    std::optional<core::PhoneNumberRecord> someDid() {
        for (const core::PhoneNumberRecord& n : localNumbers()) {
            if (n.e164.startsWith(u'+') && n.restcomm && !n.restcomm->pureSip &&
                n.restcomm->accountSid == profile.accountId)
                return n;
        }
        return std::nullopt;
    }
    // setUpSynced() and someUser() or someDid(): the stored record most push tests edit. nullopt with
    // error() when the set-up fails or the sync stored no such record.
    std::optional<core::Extension> syncedUser(sync::SyncEngine::Options options = {}) {
        return setUpSynced(options) ? found(someUser(), QStringLiteral("enabled user without admin rights"))
                                    : std::nullopt;
    }
    std::optional<core::PhoneNumberRecord> syncedDid() {
        return setUpSynced() ? found(someDid(), QStringLiteral("DID of the account")) : std::nullopt;
    }
    // Stages `edited` as an update of the stored extension `stored`, on the version the store holds;
    // returns the change id.
    qint64 stageEdit(const core::Extension& stored, const core::Extension& edited) {
        store::ExtensionRepository extensions(database.database());
        return stage(changes::ChangePayloads::extensionUpdate(profile.id, stored, edited,
                                                              extensions.versionOf(stored)));
    }
    // Stages a new job title for a stored extension, the edit most push tests make; returns the change id.
    qint64 stageJobTitle(const core::Extension& stored, const QString& title) {
        core::Extension edited = stored;
        edited.contact.jobTitle = title;
        return stageEdit(stored, edited);
    }
    store::PendingChange changeOf(qint64 id) {
        return *store::PendingChangeRepository(database.database()).find(id);
    }

    // Pushes (by default without pulling) expecting the one staged change `id` to be stopped: the report
    // applies nothing and counts one conflict or one failure, as `state` (Conflict or Failed) says, and
    // the change ends in that state. The change as it ended (its lastError says why); nullopt with
    // error() when the push went otherwise.
    std::optional<store::PendingChange> stoppedByPush(qint64 id, store::ChangeState state,
                                                      sync::SyncEngine::Options options = {.pull = false}) {
        const sync::SyncReport report = runSync(options);
        const int stopped = state == store::ChangeState::Conflict ? report.conflicts : report.failed;
        if (report.applied != 0 || stopped != 1) {
            fail(QStringLiteral("the push applied %1 and stopped %2 as %3, not 0 and 1: %4")
                     .arg(report.applied)
                     .arg(stopped)
                     .arg(store::toText(state), report.errors.join(u'\n')));
            return std::nullopt;
        }
        const store::PendingChange change = changeOf(id);
        if (change.state != state) {
            fail(QStringLiteral("the change ended %1, not %2: %3")
                     .arg(store::toText(change.state), store::toText(state), change.lastError));
            return std::nullopt;
        }
        return change;
    }

    // Pushes (by default without pulling) expecting the staged change `id` to go through: the report is
    // complete, applies one change and counts no conflict, and the change ends Applied. False with
    // error() when the push went otherwise.
    bool appliedByPush(qint64 id, sync::SyncEngine::Options options = {.pull = false}) {
        const sync::SyncReport report = runSync(options);
        if (!report.complete || report.applied != 1 || report.conflicts != 0)
            return fail(QStringLiteral("the push (%1) applied %2 with %3 conflicts, not 1 and 0: %4")
                            .arg(report.complete ? QStringLiteral("complete") : QStringLiteral("incomplete"))
                            .arg(report.applied)
                            .arg(report.conflicts)
                            .arg(report.errors.join(u'\n')));
        const store::PendingChange change = changeOf(id);
        if (change.state != store::ChangeState::Applied)
            return fail(QStringLiteral("the change ended %1, not applied: %2")
                            .arg(store::toText(change.state), change.lastError));
        return true;
    }

    QString error() const { return m_error; }

    emulator::test::EmulatorTestClient emulator;
    TestDatabase database;
    secrets::MemorySecretStore secrets;
    QNetworkAccessManager network;
    demo::DemoEmulator demo;
    store::Profile profile;
    std::unique_ptr<connection::Connection> line;

    // A claim of another applier that is working right now.
    static store::ChangeClaim liveClaim() {
        return {QStringLiteral("other@elsewhere:2#00000002"), QDateTime::currentDateTimeUtc().addSecs(600)};
    }
    // The claim of an applier that died mid-apply: its lease has lapsed.
    static store::ChangeClaim deadClaim() {
        return {QStringLiteral("ghost@gone:1#00000001"), QDateTime::currentDateTimeUtc().addSecs(-1)};
    }

    // Emulates an earlier attempt whose answer was lost: the change was claimed and failed once, and is
    // due again now. False when the store refuses.
    bool markTriedOnce(qint64 id) {
        store::PendingChangeRepository changes(database.database());
        const store::ChangeClaim earlier = liveClaim();
        return changes.markApplying(id, earlier) &&
               changes.markFailed(id, earlier.owner, QStringLiteral("answer lost"),
                                  QDateTime::currentDateTimeUtc());
    }

private:
    bool fail(const QString& message) {
        m_error = message;
        return false;
    }
    template <typename Record>
    std::optional<Record> found(std::optional<Record> record, const QString& what) {
        if (!record)
            fail(QStringLiteral("the first sync stored no ") + what);
        return record;
    }
    static sync::SyncReport timeoutReport(const QString& why) {
        sync::SyncReport report;
        report.errors << why;
        return report;
    }

    QString m_error;
    QString m_token;
    QString m_provider;
};

} // namespace synctest
