#pragma once

#include "store/Profile.h"
#include "sync/SyncForward.h"
#include "sync/SyncTypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <chrono>
#include <optional>

namespace trunkline::sync {

class ChangePusher;
class DetailQueue;
class ProviderPull;

// Syncs one profile with its provider: pull (provider -> store), then push (pending changes -> provider).
// Everything is asynchronous on the caller's event loop; progress() reports what is being done and
// finished() comes exactly once per sync(). The store stays consistent whenever the process dies: every
// write is its own transaction and records are only removed after a complete list, so the next sync
// simply finishes the job.
class SyncEngine : public QObject {
    Q_OBJECT

public:
    struct Options {
        bool pull = true;
        bool push = true;
        bool details = false; // also fetch every extension's details (RingCentral), waiting for them
        std::optional<qint64> onlyChangeId{}; // push just this change (`pending apply ID`)
        QSet<qint64> onlyChangeIds{};         // push just these of the due changes (Apply selected)
        bool ignoreBackoff = false; // push failed changes too before their retry time (the admin's Apply)
        int pageSize = 0;           // records per list page; 0 = the provider client's default
        // How long a create tried before (answer lost) gives the provider to settle before a second
        // lookup and a re-send; tests shorten it.
        std::chrono::milliseconds settleDelay{kDefaultSettleDelay};
    };

    explicit SyncEngine(store::Database& database, QObject* parent = nullptr);
    ~SyncEngine() override;

    // Starts a sync; false (and nothing happens) when one is running. `connection` must stay alive
    // until finished().
    bool sync(const store::Profile& profile, connection::Connection& connection, Options options);
    bool sync(const store::Profile& profile, connection::Connection& connection) {
        return sync(profile, connection, Options{});
    }
    // Stops the sync as soon as possible; finished() follows with cancelled set.
    void cancel();
    bool isRunning() const { return m_running; }

    // How long the background queue leaves an extension's details alone once fetched.
    static constexpr std::chrono::hours kBackgroundDetailsFreshFor{12};

    // Background per-extension details for a RingCentral profile: every stored extension whose details
    // were never fetched or are older than kBackgroundDetailsFreshFor, never-fetched first, then the oldest.
    // `connection` must stay alive while the queue runs (stopBackgroundDetails).
    DetailQueue* startBackgroundDetails(const store::Profile& profile, connection::Connection& connection);
    void stopBackgroundDetails(qint64 profileId);
    // The admin opened an extension: fetch its details before anything else. False when no background
    // queue runs for the profile (start one first).
    bool refreshExtensionDetails(qint64 profileId, const QString& extensionId);

signals:
    void progress(const trunkline::sync::SyncProgress& progress);
    void finished(const trunkline::sync::SyncReport& report);
    void detailsRefreshed(qint64 profileId, const QString& extensionId, const QString& error);
    // How far a profile's background detail queue is (done of total extensions).
    void backgroundProgress(qint64 profileId, const trunkline::sync::SyncProgress& progress);

private:
    void deferIndexesForLoad();
    void pullDone(const SyncReport& report);
    void buildNextIndex();
    void afterPull();
    void startDetails();
    void startPush();
    void finish();
    void writeAudit();

    store::Database& m_database;
    bool m_running = false;
    bool m_cancelled = false;
    store::Profile m_profile;
    connection::Connection* m_connection = nullptr;
    Options m_options;
    SyncReport m_report;
    QStringList m_indexesToBuild; // deferred for this pull's load (store::DeferredIndexes)
    qint64 m_indexesBuilt = 0;
    QObject* m_run = nullptr; // parent of everything one sync creates
    providers::ringcentral::RingCentralClient* m_ringCentral = nullptr;
    QPointer<ProviderPull> m_pull;
    QPointer<ChangePusher> m_pusher;
    QPointer<DetailQueue> m_details;

    struct Background {
        QObject* owner = nullptr;
        DetailQueue* queue = nullptr;
    };
    QHash<qint64, Background> m_background;
};

} // namespace trunkline::sync
