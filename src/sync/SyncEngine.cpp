#include "sync/SyncEngine.h"

#include "changes/ChangeStager.h"
#include "connection/ConnectionFactory.h"
#include "providers/ProviderRegistry.h"
#include "providers/ringcentral/RingCentralClient.h"
#include "store/AuditLogRepository.h"
#include "store/DeferredIndexes.h"
#include "store/ExtensionRepository.h"
#include "sync/ChangePusher.h"
#include "sync/DetailQueue.h"
#include "sync/ProviderPull.h"
#include "sync/ProviderPulls.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace trunkline::sync {

SyncEngine::SyncEngine(store::Database& database, QObject* parent)
    : QObject(parent)
    , m_database(database) {
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<SyncReport>();
}

SyncEngine::~SyncEngine() {
    delete m_run;
    for (const Background& background : std::as_const(m_background))
        delete background.owner;
}

bool SyncEngine::sync(const store::Profile& profile, connection::Connection& connection, Options options) {
    if (m_running)
        return false;
    m_running = true;
    m_cancelled = false;
    m_profile = profile;
    m_connection = &connection;
    m_options = options;
    m_report = {};
    m_run = new QObject(this);
    m_ringCentral = nullptr;

    // The provider's pull (and, where extensions have details, the client that fetches them).
    const ProviderPulls::Made made =
        ProviderPulls::make(m_database, profile.id, connection, options.pageSize, m_run);
    m_pull = made.pull;
    m_ringCentral = made.details;
    if (!m_pull) {
        m_report.errors << tr("Profile %1: syncing with provider \"%2\" is not supported.")
                               .arg(profile.name, profile.provider);
        QTimer::singleShot(0, this, &SyncEngine::finish);
        return true;
    }
    connect(m_pull, &ProviderPull::progress, this, &SyncEngine::progress);
    connect(m_pull, &ProviderPull::finished, this, &SyncEngine::pullDone);
    if (options.pull) {
        deferIndexesForLoad();
        QTimer::singleShot(0, m_pull, &ProviderPull::start);
    } else {
        m_report.complete = true;
        QTimer::singleShot(0, this, &SyncEngine::startPush);
    }
    return true;
}

void SyncEngine::cancel() {
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    if (m_pull)
        m_pull->cancel();
    if (m_details) {
        m_details->clear();
    }
    if (m_pusher)
        m_pusher->cancel();
}

void SyncEngine::deferIndexesForLoad() {
    store::DeferredIndexes indexes(m_database);
    QString error;
    // A cancelled sync leaves its deferred indexes unbuilt; this load either builds them first (into a
    // table that has rows) or defers them again (into an empty one).
    if (!indexes.buildAll(&error) || indexes.deferForEmptyNumbers(&error) < 0)
        m_report.errors << error;
    m_indexesToBuild = indexes.pending(&error);
    m_indexesBuilt = 0;
}

void SyncEngine::pullDone(const SyncReport& report) {
    m_report.merge(report);
    m_report.complete = report.complete;
    buildNextIndex();
}

// One deferred index per turn of the event loop (about a second each for a million numbers), so that a
// cancel is seen between two; a cancelled sync leaves the rest to the next sync or Database::open().
void SyncEngine::buildNextIndex() {
    if (m_indexesToBuild.isEmpty() || m_cancelled) {
        afterPull();
        return;
    }
    emit progress({tr("Indexing phone numbers"), m_indexesBuilt, m_indexesBuilt + m_indexesToBuild.size()});
    QString error;
    if (store::DeferredIndexes(m_database).build(m_indexesToBuild.takeFirst(), &error)) {
        ++m_indexesBuilt;
    } else {
        m_report.errors << error;
        m_report.complete = false;
        m_indexesToBuild.clear(); // the next open tries again
    }
    QTimer::singleShot(0, m_run, [this] { buildNextIndex(); });
}

void SyncEngine::afterPull() {
    // Edits staged while the pull ran (the console stays usable) were made on the versions it replaced.
    QString rebaseError;
    if (changes::ChangeStager(m_database).followPulledRecords(m_profile.id, &rebaseError) < 0)
        m_report.errors << rebaseError;
    writeAudit();
    if (m_cancelled) {
        finish();
        return;
    }
    if (m_options.details && m_ringCentral)
        startDetails();
    else
        startPush();
}

void SyncEngine::startDetails() {
    m_details = new DetailQueue(m_database, m_profile.id, *m_ringCentral, m_run);
    // A sync that waits for every extension's details keeps enough of them going to fill the client's
    // request slots; the client still bounds what is in flight and paces each usage group.
    m_details->setMaxInFlight(16);
    connect(m_details, &DetailQueue::progress, this, &SyncEngine::progress);
    connect(m_details, &DetailQueue::detailsRefreshed, this, [this](const QString& id, const QString& error) {
        if (error.isEmpty()) {
            m_report.pulled[u"forwarding lists"_s] += 1;
        } else {
            m_report.complete = false;
            if (!m_report.errors.contains(error))
                m_report.errors << error;
        }
        emit detailsRefreshed(m_profile.id, id, error);
    });
    connect(m_details, &DetailQueue::idle, this, [this] {
        if (!m_pusher && m_running)
            startPush();
    });
    QStringList ids;
    for (const core::Extension& extension : store::ExtensionRepository(m_database).list(m_profile.id))
        ids << extension.id;
    m_details->enqueueByAge(ids);
}

void SyncEngine::startPush() {
    if (m_pusher)
        return;
    if (m_cancelled || !m_options.push || !m_connection) {
        finish();
        return;
    }
    // The pusher reaches the connection through a RingCentral client. For the other providers that
    // client only carries the connection's ApiClient: the pusher accepts nothing but phone-number changes
    // there (NumberPusher makes the provider's own client) and fails any other kind with a message.
    auto* client = m_ringCentral
                       ? m_ringCentral
                       : new providers::ringcentral::RingCentralClient(m_connection->client.get(), m_run);
    store::Profile pushing = m_profile;
    const QString ownAlias = m_connection->provider ? m_connection->provider->ownAccountAlias : QString();
    if (!m_connection->accountId.isEmpty() && m_connection->accountId != ownAlias)
        pushing.accountId = m_connection->accountId; // demo profiles learn their AccountSid on connecting
    m_pusher = new ChangePusher(m_database, pushing, *client, m_run);
    m_pusher->setSettleDelay(m_options.settleDelay);
    m_connection->client->setSettleDelay(m_options.settleDelay);
    connect(m_pusher, &ChangePusher::progress, this, &SyncEngine::progress);
    connect(m_pusher, &ChangePusher::finished, this, [this](const SyncReport& report) {
        const bool pullComplete = m_report.complete;
        m_report.merge(report);
        // Conflicts and failed changes are kept for the admin; the sync itself is complete when every
        // list arrived whole and every due change was dealt with.
        m_report.complete = pullComplete && report.complete && report.failed == 0;
        finish();
    });
    m_pusher->restrictTo(m_options.onlyChangeIds);
    m_pusher->start(m_options.onlyChangeId, m_options.ignoreBackoff);
}

void SyncEngine::finish() {
    if (!m_running)
        return;
    m_running = false;
    m_report.cancelled = m_cancelled;
    if (m_cancelled)
        m_report.complete = false;
    const SyncReport report = m_report;
    // The clients may still be delivering a last queued signal: delete them from the event loop.
    m_run->deleteLater();
    m_run = nullptr;
    m_ringCentral = nullptr;
    m_connection = nullptr;
    m_pull = nullptr;
    m_pusher = nullptr;
    m_details = nullptr;
    emit finished(report);
}

void SyncEngine::writeAudit() {
    QStringList figures;
    for (auto it = m_report.pulled.cbegin(); it != m_report.pulled.cend(); ++it)
        figures << tr("%1 %2").arg(it.value()).arg(it.key());
    for (auto it = m_report.removed.cbegin(); it != m_report.removed.cend(); ++it)
        figures << tr("%1 %2 removed").arg(it.value()).arg(it.key());
    store::AuditEntry entry;
    entry.profileId = m_profile.id;
    entry.profileName = m_profile.name;
    entry.entity = u"profile"_s;
    entry.entityKey = QString::number(m_profile.id);
    entry.action = u"pull"_s;
    entry.summary = (m_report.complete ? tr("Complete pull: %1") : tr("Partial pull (nothing removed): %1"))
                        .arg(figures.isEmpty() ? tr("no records") : figures.join(u", "_s));
    QString error;
    if (!store::AuditLogRepository(m_database).append(entry, &error))
        m_report.errors << error;
}

DetailQueue* SyncEngine::startBackgroundDetails(const store::Profile& profile,
                                                connection::Connection& connection) {
    const providers::ProviderCapabilities* provider = providers::findProvider(profile.provider);
    if (!provider || !provider->extensionDetails)
        return nullptr;
    stopBackgroundDetails(profile.id);
    Background background;
    background.owner = new QObject(this);
    auto* client = new providers::ringcentral::RingCentralClient(connection.client.get(), background.owner);
    background.queue = new DetailQueue(m_database, profile.id, *client, background.owner);
    // Background work leaves room for the admin's own requests (and for requestNow()).
    background.queue->setMaxInFlight(2);
    const qint64 profileId = profile.id;
    connect(background.queue, &DetailQueue::detailsRefreshed, this,
            [this, profileId](const QString& id, const QString& error) {
                emit detailsRefreshed(profileId, id, error);
            });
    connect(background.queue, &DetailQueue::progress, this,
            [this, profileId](const SyncProgress& step) { emit backgroundProgress(profileId, step); });
    QStringList ids;
    for (const core::Extension& extension : store::ExtensionRepository(m_database).list(profile.id))
        ids << extension.id;
    // Details fetched recently (before a restart, say) wait: an opened extension is refreshed anyway.
    background.queue->enqueueStale(ids, kBackgroundDetailsFreshFor);
    m_background.insert(profile.id, background);
    return background.queue;
}

void SyncEngine::stopBackgroundDetails(qint64 profileId) {
    const Background background = m_background.take(profileId);
    if (background.owner) {
        background.queue->clear();
        background.owner->deleteLater();
    }
}

bool SyncEngine::refreshExtensionDetails(qint64 profileId, const QString& extensionId) {
    const auto it = m_background.constFind(profileId);
    if (it == m_background.cend())
        return false;
    it->queue->requestNow(extensionId);
    return true;
}

} // namespace trunkline::sync
