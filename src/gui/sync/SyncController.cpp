#include "gui/sync/SyncController.h"

#include "connection/ConnectionFactory.h"
#include "store/ProfileRepository.h"
#include "sync/SyncEngine.h"

#include <QLocale>
#include <QPointer>
#include <QTimer>

namespace trunkline::gui {

SyncController::SyncController(store::Database& database, connection::ConnectionFactory& connections,
                               QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_connections(connections)
    , m_engine(std::make_unique<sync::SyncEngine>(database)) {
    connect(m_engine.get(), &sync::SyncEngine::progress, this, [this](const sync::SyncProgress& step) {
        emit progress(tr("%1: %2").arg(m_current.name, step.what), step.done, step.total);
    });
    connect(m_engine.get(), &sync::SyncEngine::finished, this, &SyncController::onProfileFinished);
}

SyncController::~SyncController() = default;

void SyncController::syncAll() {
    if (m_running)
        return;
    QString error;
    const QList<store::Profile> profiles = store::ProfileRepository(m_database).list(&error);
    m_running = true;
    m_cancelled = false;
    m_errors.clear();
    m_profilesDone = 0;
    emit started();
    if (!error.isEmpty()) {
        m_errors << error;
        finish();
        return;
    }
    m_queue = profiles;
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

void SyncController::syncNext() {
    if (m_queue.isEmpty() || m_cancelled) {
        finish();
        return;
    }
    m_current = m_queue.takeFirst();
    emit progress(tr("%1: connecting").arg(m_current.name), 0, 0);
    QPointer<SyncController> self(this);
    m_connections.open(m_current, [self](std::optional<connection::Connection> opened, const QString& error) {
        if (!self)
            return;
        if (!opened) {
            self->m_errors << error;
            self->syncNext();
            return;
        }
        self->m_connection = std::make_unique<connection::Connection>(std::move(*opened));
        if (self->m_cancelled || !self->m_engine->sync(self->m_current, *self->m_connection)) {
            self->syncNext();
        }
    });
}

void SyncController::onProfileFinished(const sync::SyncReport& report) {
    for (const QString& error : report.errors)
        m_errors << tr("%1: %2").arg(m_current.name, error);
    if (report.complete)
        ++m_profilesDone;
    emit storeChanged();
    // The finished connection stays until the next one replaces it (or the sync ends): the engine's
    // last callbacks may still be on the stack here.
    syncNext();
}

void SyncController::finish() {
    m_running = false;
    QTimer::singleShot(0, this, [this] {
        if (!m_running)
            m_connection.reset();
    });
    m_lastFinished = QDateTime::currentDateTime();
    const QString at = QLocale().toString(m_lastFinished.time(), QLocale::ShortFormat);
    QString summary;
    if (m_cancelled)
        summary = tr("Sync cancelled at %1; the next sync finishes the job.").arg(at);
    else if (m_errors.isEmpty())
        summary = tr("Synced at %1.").arg(at);
    else
        summary =
            tr("Synced at %1 with %n problem(s): %2", "", int(m_errors.size())).arg(at, m_errors.first());
    emit finished(!m_cancelled && m_errors.isEmpty(), summary, m_errors);
}

} // namespace trunkline::gui
