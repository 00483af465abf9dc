#pragma once

#include "store/Profile.h"
#include "sync/SyncTypes.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <memory>
#include <optional>

namespace trunkline::connection {
class ConnectionFactory;
struct Connection;
} // namespace trunkline::connection
namespace trunkline::store {
class Database;
}
namespace trunkline::sync {
class SyncEngine;
}

namespace trunkline::gui {

// Runs a sync of every profile, one after the other, for the window: opens each profile's connection,
// drives the sync engine, and reports progress and the outcome in words for the status bar. The window
// stays responsive: all of it is asynchronous on the GUI thread's event loop.
class SyncController : public QObject {
    Q_OBJECT

public:
    SyncController(store::Database& database, connection::ConnectionFactory& connections,
                   QObject* parent = nullptr);
    ~SyncController() override;

    bool isRunning() const { return m_running; }
    QDateTime lastFinished() const { return m_lastFinished; }

public slots:
    // Syncs every stored profile; does nothing while a sync runs.
    void syncAll();
    void cancel();

signals:
    void started();
    // A profile's part: e.g. "Demo office (RingCentral): Extensions", done of total (total 0 = unknown).
    void progress(const QString& what, qint64 done, qint64 total);
    // The store changed (after each profile): views re-read their models.
    void storeChanged();
    // ok = every profile synced completely; summary is one line for the status bar; errors one per line.
    void finished(bool ok, const QString& summary, const QStringList& errors);

private:
    void syncNext();
    void onProfileFinished(const sync::SyncReport& report);
    void finish();

    store::Database& m_database;
    connection::ConnectionFactory& m_connections;
    std::unique_ptr<sync::SyncEngine> m_engine;
    std::unique_ptr<connection::Connection> m_connection;
    QList<store::Profile> m_queue;
    store::Profile m_current;
    QStringList m_errors;
    int m_profilesDone = 0;
    bool m_running = false;
    bool m_cancelled = false;
    QDateTime m_lastFinished;
};

} // namespace trunkline::gui
