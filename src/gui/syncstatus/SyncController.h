#pragma once

#include "gui/GuiForward.h"
#include "store/Profile.h"
#include "sync/SyncTypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace trunkline::gui {

// Runs syncs for the window: every profile one after the other, or only the pending changes. It opens
// each profile's connection once and keeps it (the token is reused and the background fetch of
// RingCentral extension details keeps running on it), drives the sync engine, and reports progress and
// the outcome in words for the status bar. All of it is asynchronous on the GUI thread's event loop.
class SyncController : public QObject {
    Q_OBJECT

public:
    SyncController(store::Database& database, connection::ConnectionFactory& connections,
                   QObject* parent = nullptr);
    ~SyncController() override;

    bool isRunning() const { return m_running; }

public slots:
    // Pulls every stored profile and pushes its pending changes; does nothing while a sync runs.
    void syncAll();
    // Pushes the pending changes of every profile that has some, without pulling.
    void applyPending();
    // Pushes only these changes (those of them that are pending or failed), without pulling.
    void applyChanges(const QSet<qint64>& changeIds);
    void cancel();
    // The admin opened an extension: its forwarding list and settings are fetched before anything else
    // (RingCentral profiles with an open connection; otherwise nothing happens).
    void requestExtensionDetails(qint64 profileId, const QString& extensionId);
    // The profile was edited or removed: its kept connection (and token) goes, so that the next sync
    // signs in with what is stored now. A sync running on it finishes first.
    void forgetConnection(qint64 profileId);

signals:
    void started();
    // A profile's part: e.g. "Demo office (RingCentral): Extensions", done of total (total 0 = unknown).
    void progress(const QString& what, qint64 done, qint64 total);
    // While changes are applied (applyPending, applyChanges): how many of all the run's changes are done.
    void applyProgress(int done, int total);
    // The store changed (after each profile, and when background details arrive): views re-read.
    void storeChanged();
    // The extension the profile's credentials sign in as (RingCentral), learnt after its sync.
    void signedIn(qint64 profileId, const QString& extensionId);
    // The app permissions (OAuth scopes) the profile's sign-in was granted, when the provider has them.
    void scopesGranted(qint64 profileId, const QStringList& scopes);
    // ok = every profile synced completely; summary is one line for the status bar; errors one per line.
    void finished(bool ok, const QString& summary, const QStringList& errors);

private:
    // `wanted` says whether to sync a profile and, for a push, how many of its changes it will apply.
    void start(bool pull, const std::function<int(const store::Profile&)>& wanted, QSet<qint64> only = {});
    void syncNext();
    void syncWith(connection::Connection& connection);
    void onProfileFinished(const sync::SyncReport& report);
    void askWhoIsSignedIn(qint64 profileId, connection::Connection& connection);
    void finish();
    void dropConnection(qint64 profileId);

    store::Database& m_database;
    connection::ConnectionFactory& m_connections;
    std::unique_ptr<sync::SyncEngine> m_engine;
    QHash<qint64, std::shared_ptr<connection::Connection>> m_open; // by profile id
    QSet<qint64> m_forgotten; // dropped once the sync running on them ends
    QList<store::Profile> m_queue;
    store::Profile m_current;
    QStringList m_errors;
    QTimer m_detailsArrived;
    QSet<qint64> m_only;          // Apply selected: these changes only
    QHash<qint64, int> m_planned; // a push: by profile id, how many of its changes the run applies
    int m_pushTotal = 0;          // ... over all its profiles
    int m_pushedBefore = 0;       // ... of the profiles done
    bool m_pull = true;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace trunkline::gui
