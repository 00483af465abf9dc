#pragma once

#include "connection/ConnectionFactory.h"
#include "gui/GuiForward.h"
#include "store/Profile.h"
#include "sync/SyncTypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace trunkline::gui {

class SyncWorker;

// Runs syncs for the window: every profile one after the other, or only the pending changes. The work
// itself (HTTP, JSON mapping, store writes, background extension details) runs on a thread of its own
// (SyncWorker) with its own database connection, so the console stays usable while a big account syncs;
// this class keeps the queue of profiles, reads their secrets (the keychain answers on this thread), and
// reports progress and the outcome in words for the status bar. Each profile's connection is opened once
// and kept on the sync thread: the token is reused and the detail queue keeps running on it.
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
    // The store changed (while a pull stores pages, after each profile, when background details arrive):
    // views re-read.
    void storeChanged();
    // The background fetch of a profile's extension details (forwarding lists, call settings): `done` of
    // `total` extensions, after and between syncs; done == total when it has caught up.
    void detailsProgress(const QString& profileName, qint64 done, qint64 total);
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
    void syncOnWorker(const std::optional<connection::ConnectionFactory::Credentials>& credentials);
    void onProfileFinished(const sync::SyncReport& report, bool connected);
    void finish();
    // Rows were stored (a page of `list` in a pull, a background detail): the views re-read now, then at
    // most once a second while more arrive; a list's first rows are shown at once.
    void storeGrew(const QString& list);

    store::Database& m_database;
    connection::ConnectionFactory& m_connections;
    QThread m_thread;
    SyncWorker* m_worker = nullptr; // lives on m_thread
    QString m_workerError;          // why the sync thread has no database connection, if it has none
    QSet<qint64> m_connected;       // profiles with an open connection on the sync thread
    bool m_forgetCurrent = false;   // the running profile's connection was forgotten meanwhile
    QList<store::Profile> m_queue;
    QHash<qint64, QString> m_profileNames; // of the profiles synced, for the detail queue's progress
    store::Profile m_current;
    QStringList m_errors;
    QTimer m_refreshPause;        // after a storeChanged() while rows arrive, the next waits this long
    bool m_refreshDue = false;    // rows arrived during the pause
    QSet<QString> m_listsShown;   // the lists (progress steps) of this profile's pull whose rows were shown
    QSet<qint64> m_only;          // Apply selected: these changes only
    QHash<qint64, int> m_planned; // a push: by profile id, how many of its changes the run applies
    int m_pushTotal = 0;          // ... over all its profiles
    int m_pushedBefore = 0;       // ... of the profiles done
    bool m_pull = true;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace trunkline::gui
