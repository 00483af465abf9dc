#include "gui/syncstatus/SyncController.h"

#include "connection/ConnectionFactory.h"
#include "gui/syncstatus/SyncWorker.h"
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
    , m_worker(new SyncWorker(database)) {
    m_thread.setObjectName(u"sync"_s);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->open(&m_workerError); }, Qt::BlockingQueuedConnection);

    connect(m_worker, &SyncWorker::progress, this, [this](const sync::SyncProgress& step) {
        if (!m_running)
            return;
        emit progress(tr("%1: %2").arg(m_current.name, step.what), step.done, step.total);
        if (m_pull && step.done > 0)
            storeGrew(step.what);
        if (!m_pull)
            emit applyProgress(std::min(m_pushedBefore + int(step.done), m_pushTotal), m_pushTotal);
    });
    connect(m_worker, &SyncWorker::profileFinished, this, &SyncController::onProfileFinished);
    connect(m_worker, &SyncWorker::scopesGranted, this, &SyncController::scopesGranted);
    connect(m_worker, &SyncWorker::signedIn, this, &SyncController::signedIn);
    connect(m_worker, &SyncWorker::detailsStored, this, [this] { storeGrew({}); });
    connect(m_worker, &SyncWorker::detailsProgress, this,
            [this](qint64 profileId, const sync::SyncProgress& step) {
                emit detailsProgress(m_profileNames.value(profileId), step.done, step.total);
            });
    m_refreshPause.setSingleShot(true);
    m_refreshPause.setInterval(1000);
    connect(&m_refreshPause, &QTimer::timeout, this, [this] {
        if (m_refreshDue)
            storeGrew({});
    });
}

SyncController::~SyncController() {
    // The worker's connections, engine and database connection belong to the sync thread: they go there,
    // then the worker comes back to be deleted here once the thread has ended.
    QThread* here = thread();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, here] {
            worker->close();
            worker->moveToThread(here);
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void SyncController::syncAll() {
    start(true, [](const store::Profile&) { return 1; });
}

void SyncController::applyPending() {
    // Every profile with changes that may be applied: pending, failed, or `applying` (its lease may have
    // lapsed; the pusher recovers it or names who holds it).
    store::PendingChangeRepository changes(m_database);
    start(false, [&changes](const store::Profile& profile) {
        return int(changes.count(profile.id, {store::ChangeState::Pending, store::ChangeState::Failed,
                                              store::ChangeState::Applying}));
    });
}

void SyncController::applyChanges(const QSet<qint64>& changeIds) {
    store::PendingChangeRepository changes(m_database);
    start(
        false,
        [&changes, &changeIds](const store::Profile& profile) {
            return int(changes.count(profile.id, {store::ChangeState::Pending, store::ChangeState::Failed},
                                     changeIds));
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
    QMetaObject::invokeMethod(m_worker, &SyncWorker::cancel, Qt::QueuedConnection);
}

void SyncController::requestExtensionDetails(qint64 profileId, const QString& extensionId) {
    if (m_connected.contains(profileId))
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, profileId, extensionId] {
                worker->refreshExtensionDetails(profileId, extensionId);
            },
            Qt::QueuedConnection);
}

void SyncController::forgetConnection(qint64 profileId) {
    m_queue.removeIf([profileId](const store::Profile& queued) { return queued.id == profileId; });
    m_connected.remove(profileId);
    if (m_running && m_current.id == profileId)
        m_forgetCurrent = true;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, profileId] { worker->forget(profileId); }, Qt::QueuedConnection);
}

void SyncController::syncNext() {
    if (m_queue.isEmpty() || m_cancelled) {
        finish();
        return;
    }
    m_current = m_queue.takeFirst();
    m_listsShown.clear();
    m_profileNames.insert(m_current.id, m_current.name);
    m_forgetCurrent = false;
    if (!m_workerError.isEmpty()) {
        m_errors << tr("%1: %2").arg(m_current.name, m_workerError);
        syncNext();
        return;
    }
    if (m_connected.contains(m_current.id)) {
        syncOnWorker(std::nullopt);
        return;
    }
    emit progress(tr("%1: connecting").arg(m_current.name), 0, 0);
    // The keychain answers on this thread; the connection is built on the sync thread, which uses it.
    QPointer<SyncController> self(this);
    m_connections.resolve(
        m_current,
        [self](std::optional<connection::ConnectionFactory::Credentials> credentials, const QString& error) {
            if (!self)
                return;
            if (!credentials) {
                self->m_errors << tr("%1: %2").arg(self->m_current.name, error);
                self->syncNext();
                return;
            }
            self->syncOnWorker(credentials);
        });
}

void SyncController::syncOnWorker(
    const std::optional<connection::ConnectionFactory::Credentials>& credentials) {
    if (m_cancelled) {
        syncNext();
        return;
    }
    sync::SyncEngine::Options options;
    options.pull = m_pull;
    // Apply is the admin asking now: a failed change waiting for its retry time is sent too.
    options.ignoreBackoff = !m_pull;
    options.onlyChangeIds = m_only;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, profile = m_current, credentials, options] {
            worker->syncProfile(profile, credentials, options);
        },
        Qt::QueuedConnection);
}

void SyncController::onProfileFinished(const sync::SyncReport& report, bool connected) {
    if (connected && !m_forgetCurrent)
        m_connected.insert(m_current.id);
    else
        m_connected.remove(m_current.id);
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
    emit storeChanged();
    syncNext();
}

void SyncController::storeGrew(const QString& list) {
    // A list's first rows are not held back by another list's refresh: the numbers' first write may come
    // just after the extensions' first page.
    const bool firstRows = !list.isEmpty() && !m_listsShown.contains(list);
    if (firstRows)
        m_listsShown.insert(list);
    if (m_refreshPause.isActive() && !firstRows) {
        m_refreshDue = true;
        return;
    }
    m_refreshDue = false;
    emit storeChanged();
    m_refreshPause.start();
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
