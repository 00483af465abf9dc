#include "gui/syncstatus/SyncController.h"

#include "connection/ConnectionFactory.h"
#include "store/PendingChangeRepository.h"
#include "store/ProfileRepository.h"
#include "sync/SyncEngine.h"

#include <QLocale>
#include <QPointer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

SyncController::SyncController(store::Database& database, connection::ConnectionFactory& connections,
                               QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_connections(connections)
    , m_engine(std::make_unique<sync::SyncEngine>(database)) {
    connect(m_engine.get(), &sync::SyncEngine::progress, this, [this](const sync::SyncProgress& step) {
        if (!m_running)
            return;
        emit progress(tr("%1: %2").arg(m_current.name, step.what), step.done, step.total);
        if (!m_pull)
            emit applyProgress(std::min(m_pushedBefore + int(step.done), m_pushTotal), m_pushTotal);
    });
    connect(m_engine.get(), &sync::SyncEngine::finished, this, &SyncController::onProfileFinished);
    connect(m_engine.get(), &sync::SyncEngine::detailsRefreshed, this,
            [this](qint64, const QString&, const QString& error) {
                if (error.isEmpty() && !m_detailsArrived.isActive())
                    m_detailsArrived.start();
            });
    // Background details arrive extension by extension: the views re-read at most once a second.
    m_detailsArrived.setSingleShot(true);
    m_detailsArrived.setInterval(1000);
    connect(&m_detailsArrived, &QTimer::timeout, this, &SyncController::storeChanged);
}

SyncController::~SyncController() {
    // The background queues run on the connections: stop them before the connections go.
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it)
        m_engine->stopBackgroundDetails(it.key());
    m_engine.reset();
}

void SyncController::syncAll() {
    start(true, [](const store::Profile&) { return 1; });
}

void SyncController::applyPending() {
    // Every profile with changes that may be applied: pending, failed, or `applying` (its lease may have
    // lapsed; the pusher recovers it or names who holds it).
    store::PendingChangeRepository changes(m_database);
    start(false, [&changes](const store::Profile& profile) {
        return int(changes
                       .list(profile.id, {store::ChangeState::Pending, store::ChangeState::Failed,
                                          store::ChangeState::Applying})
                       .size());
    });
}

void SyncController::applyChanges(const QSet<qint64>& changeIds) {
    store::PendingChangeRepository changes(m_database);
    start(
        false,
        [&changes, &changeIds](const store::Profile& profile) {
            const QList<store::PendingChange> open =
                changes.list(profile.id, {store::ChangeState::Pending, store::ChangeState::Failed});
            return int(std::count_if(open.cbegin(), open.cend(), [&changeIds](const store::PendingChange& c) {
                return changeIds.contains(c.id);
            }));
        },
        changeIds);
}

void SyncController::start(bool pull, const std::function<int(const store::Profile&)>& wanted,
                           QSet<qint64> only) {
    if (m_running)
        return;
    QString error;
    const QList<store::Profile> profiles = store::ProfileRepository(m_database).list(&error);
    m_running = true;
    m_cancelled = false;
    m_pull = pull;
    m_only = std::move(only);
    m_pushTotal = 0;
    m_pushedBefore = 0;
    m_planned.clear();
    m_errors.clear();
    m_queue.clear();
    emit started();
    if (!error.isEmpty()) {
        m_errors << error;
        finish();
        return;
    }
    for (const store::Profile& profile : profiles) {
        if (const int count = wanted(profile); count > 0) {
            m_queue << profile;
            m_planned.insert(profile.id, count);
            m_pushTotal += count;
        }
    }
    if (!m_pull)
        emit applyProgress(0, m_pushTotal);
    syncNext();
}

void SyncController::cancel() {
    if (!m_running)
        return;
    m_cancelled = true;
    m_queue.clear();
    if (m_engine->isRunning())
        m_engine->cancel();
}

void SyncController::requestExtensionDetails(qint64 profileId, const QString& extensionId) {
    if (m_open.contains(profileId))
        m_engine->refreshExtensionDetails(profileId, extensionId);
}

void SyncController::forgetConnection(qint64 profileId) {
    m_queue.removeIf([profileId](const store::Profile& queued) { return queued.id == profileId; });
    if (m_running && m_current.id == profileId)
        m_forgotten.insert(profileId);
    else
        dropConnection(profileId);
}

void SyncController::dropConnection(qint64 profileId) {
    m_engine->stopBackgroundDetails(profileId);
    m_open.remove(profileId);
}

void SyncController::syncNext() {
    if (m_queue.isEmpty() || m_cancelled) {
        finish();
        return;
    }
    m_current = m_queue.takeFirst();
    if (const auto open = m_open.value(m_current.id)) {
        syncWith(*open);
        return;
    }
    emit progress(tr("%1: connecting").arg(m_current.name), 0, 0);
    QPointer<SyncController> self(this);
    const qint64 profileId = m_current.id;
    m_connections.open(m_current,
                       [self, profileId](std::optional<connection::Connection> opened, const QString& error) {
                           if (!self)
                               return;
                           if (!opened) {
                               self->m_errors << tr("%1: %2").arg(self->m_current.name, error);
                               self->syncNext();
                               return;
                           }
                           auto connection = std::make_shared<connection::Connection>(std::move(*opened));
                           self->m_open.insert(profileId, connection);
                           self->syncWith(*connection);
                       });
}

void SyncController::syncWith(connection::Connection& connection) {
    if (m_cancelled) {
        syncNext();
        return;
    }
    sync::SyncEngine::Options options;
    options.pull = m_pull;
    // Apply is the admin asking now: a failed change waiting for its retry time is sent too.
    options.ignoreBackoff = !m_pull;
    options.onlyChangeIds = m_only;
    if (!m_engine->sync(m_current, connection, options))
        syncNext();
}

void SyncController::onProfileFinished(const sync::SyncReport& report) {
    // The profile's changes are dealt with, applied or not (another applier's, a failed connection).
    m_pushedBefore += m_planned.value(m_current.id);
    if (!m_pull)
        emit applyProgress(m_pushedBefore, m_pushTotal);
    for (const QString& error : report.errors)
        m_errors << tr("%1: %2").arg(m_current.name, error);
    // Changes another applier holds are not this run's failures, but the admin is told they were skipped.
    for (const QString& skipped : report.skipped)
        m_errors << tr("%1: %2").arg(m_current.name, skipped);
    // A change taken over from a killed applier is applied now; the admin hears whose it was. (Failed
    // changes waiting for their retry are not repeated here: the Pending changes page shows them.)
    for (const QString& recovered : report.recovered)
        m_errors << tr("%1: %2").arg(m_current.name, recovered);
    // Extension details (forwarding lists, call settings) cost a request each: they follow in the
    // background, by priority, on the profile's connection.
    if (report.complete) {
        const auto open = m_open.value(m_current.id);
        if (open && open->provider && !m_forgotten.contains(m_current.id)) {
            if (const QStringList scopes = open->authenticator->grantedScopes(); !scopes.isEmpty())
                emit scopesGranted(m_current.id, scopes);
            if (open->provider->extensionDetails)
                m_engine->startBackgroundDetails(m_current, *open);
            if (open->provider->signedInExtension)
                askWhoIsSignedIn(m_current.id, *open);
        }
    }
    if (m_forgotten.remove(m_current.id))
        dropConnection(m_current.id);
    emit storeChanged();
    syncNext();
}

void SyncController::askWhoIsSignedIn(qint64 profileId, connection::Connection& connection) {
    // The console enables only what the signed-in extension may do.
    connection.provider->adapter->askSignedInExtension(connection.client.get(), this,
                                                       [this, profileId](const QString& extensionId) {
                                                           if (!extensionId.isEmpty())
                                                               emit signedIn(profileId, extensionId);
                                                       });
}

void SyncController::finish() {
    m_running = false;
    const QString at = QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat);
    QString summary;
    if (m_cancelled)
        summary = tr("Sync cancelled at %1; the next sync finishes the job.").arg(at);
    else if (m_errors.isEmpty())
        summary = m_pull ? tr("Synced at %1.").arg(at) : tr("Changes applied at %1.").arg(at);
    else
        summary =
            tr("Synced at %1 with problems (%2): %3").arg(at).arg(m_errors.size()).arg(m_errors.first());
    emit finished(!m_cancelled && m_errors.isEmpty(), summary, m_errors);
}

} // namespace trunkline::gui
