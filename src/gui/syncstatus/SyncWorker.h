#pragma once

#include "connection/ConnectionFactory.h"
#include "store/Profile.h"
#include "sync/SyncEngine.h"
#include "sync/SyncTypes.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace trunkline::store {
class Database;
}

namespace trunkline::gui {

// The half of SyncController that lives on the sync thread: its own database connection, its own network
// access manager, the profiles' open connections, and the sync engine (fetch, JSON mapping, store writes,
// background extension details). Nothing in here touches a widget; the GUI thread hears about progress and
// results through the signals (queued) and re-reads the store. Every slot runs on the sync thread.
class SyncWorker : public QObject {
    Q_OBJECT

public:
    // `database` is only cloned (on the sync thread, in open()); it is never used from here otherwise.
    explicit SyncWorker(const store::Database& database);
    ~SyncWorker() override;

    // Takes the thread's own database connection; false (and the reason) when that fails.
    bool open(QString* error);
    // Ends every background queue and drops the connections, the engine and the database connection,
    // before the thread ends (they belong to it).
    void close();

    // Syncs one profile: with its open connection, or with one built from `credentials` (kept for the
    // next sync). profileFinished() follows exactly once.
    void syncProfile(const store::Profile& profile,
                     const std::optional<connection::ConnectionFactory::Credentials>& credentials,
                     const sync::SyncEngine::Options& options);
    void cancel();
    void refreshExtensionDetails(qint64 profileId, const QString& extensionId);
    // The profile's connection goes (its token with it), after the sync running on it, if any.
    void forget(qint64 profileId);

signals:
    void progress(const trunkline::sync::SyncProgress& step);
    // `connected`: the profile now has an open connection here (the next sync needs no credentials).
    void profileFinished(const trunkline::sync::SyncReport& report, bool connected);
    void scopesGranted(qint64 profileId, const QStringList& scopes);
    void signedIn(qint64 profileId, const QString& extensionId);
    // A background extension detail was stored.
    void detailsStored();
    // How far the profile's background detail queue is.
    void detailsProgress(qint64 profileId, const trunkline::sync::SyncProgress& step);

private:
    void onEngineFinished(const sync::SyncReport& report);
    void followUp(const connection::Connection& connection);
    void drop(qint64 profileId);
    void finishWithError(const QString& error);

    const store::Database& m_source;
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<sync::SyncEngine> m_engine;
    QHash<qint64, std::shared_ptr<connection::Connection>> m_open; // by profile id
    QSet<qint64> m_forgotten; // dropped once the sync running on them ends
    store::Profile m_current;
};

} // namespace trunkline::gui
