#pragma once

#include "store/AuditEntry.h"
#include "store/PendingChange.h"
#include "store/Profile.h"
#include "sync/ChangeClaims.h"
#include "sync/SyncForward.h"
#include "sync/SyncTypes.h"

#include <QObject>
#include <QSet>
#include <functional>
#include <optional>

namespace trunkline::sync {

// Pushes a profile's due pending changes to RingCentral, one after the other in the order they were
// staged (a later change may build on an earlier one). For each: claim it for this applier with a lease
// (ChangeClaims; a change another applier holds is skipped and reported), check whether the remote record
// already holds the change's values (then it is applied: an earlier attempt took effect), else check it
// still has the version the edit was made on (else: conflict, remote untouched), apply (an update sends
// only the fields it touches), read the record back and write it to the store, then mark applied and log
// it only when the provider holds every reviewed value (else failed, naming the fields it did not keep).
// Creates are never sent twice: the attempt is counted durably before a create is sent, and a create
// tried before is first looked up at the provider (twice, the provider given time to settle between) and
// only sent when it is not there.
class ChangePusher : public QObject {
    Q_OBJECT

public:
    ChangePusher(store::Database& database, store::Profile profile,
                 providers::ringcentral::RingCentralClient& client, QObject* parent = nullptr);

    // Pushes every due change (every pending or failed one, due or not, when `ignoreBackoff`: the admin's
    // Apply), or only `onlyChangeId` (the admin's explicit "apply", due or not).
    void start(std::optional<qint64> onlyChangeId = {}, bool ignoreBackoff = false);
    // Only these of the due changes (the admin's Apply selected); call before start().
    void restrictTo(const QSet<qint64>& changeIds) { m_only = changeIds; }
    // Stops after the change in hand (a change is never abandoned halfway).
    void cancel() { m_cancelled = true; }
    // See SyncEngine::Options::settleDelay.
    void setSettleDelay(std::chrono::milliseconds delay) { m_settleDelay = delay; }

    // A change that failed for a local reason (the store refused, a lookup could not finish) is retried
    // this many times, then left failed with its reason until the admin applies it explicitly.
    static constexpr int kMaxLocalAttempts = 5;

signals:
    void progress(const trunkline::sync::SyncProgress& progress);
    void finished(const trunkline::sync::SyncReport& report);

private:
    void next();
    void apply(const store::PendingChange& change);
    void applyExtension(const store::PendingChange& change);
    void createExtension(const store::PendingChange& change);
    // Looks for the extension a create tried before may have made; `settled`: the second look, after
    // the settle delay.
    void lookUpExtension(const store::PendingChange& change, bool settled);
    void sendExtensionCreate(const store::PendingChange& change);
    void applyForwarding(const store::PendingChange& change, bool settled = false);
    void createForwarding(const store::PendingChange& change, const QString& extensionId);
    void verifyExtension(const store::PendingChange& change, const QString& extensionId);
    void verifyForwarding(const store::PendingChange& change, const QString& extensionId,
                          const QString& forwardingId);

    // Outcomes; each ends the change in hand and moves on.
    // The change's audit entry: who, where, what, and the values before.
    store::AuditEntry auditEntry(const store::PendingChange& change, const QString& action,
                                 const QString& summary) const;
    // `readBack`: what the provider holds of the members the change touched (PendingChange::readBack).
    void succeeded(const store::PendingChange& change, const QString& summary,
                   const QJsonObject& readBack = {});
    void failed(const store::PendingChange& change, const net::ApiError& error);
    void failedLocally(const store::PendingChange& change, const QString& message);
    void conflict(const store::PendingChange& change, const QString& message);
    void notKept(const store::PendingChange& change, const QStringList& fields);
    // What the read-back after a write compares with the provider's record: an update's payload, or the
    // members a create's request carries.
    static QJsonObject reviewedMembers(const store::PendingChange& change);
    void markFailed(const store::PendingChange& change, const QString& message, const QDateTime& retryAt);

    // Stores the provider's record of the extension, then ends the change: succeeded with `summary`, or
    // failed locally when the store refuses the record.
    void storeAndSucceed(const store::PendingChange& change, const core::Extension& extension,
                         const QString& summary);

    // Counts the attempt of a claimed create durably before it is sent; false (the change ended failed,
    // nothing sent) when the store cannot.
    bool countCreateAttempt(const store::PendingChange& change);
    // Runs `then` after the settle delay (only while this pusher lives).
    void afterSettling(std::function<void()> then);

    static QString changedText(const QStringList& fields);
    bool storeExtension(const core::Extension& extension, QString* error);
    bool storeForwardingList(const QString& extensionId, const QList<core::ForwardingNumber>& list,
                             QString* error);

    store::Database& m_database;
    ChangeClaims m_claims;
    std::chrono::milliseconds m_settleDelay = kDefaultSettleDelay;
    store::Profile m_profile;
    providers::ringcentral::RingCentralClient& m_client;
    QList<store::PendingChange> m_queue;
    QSet<qint64> m_only; // empty = every due change
    qint64 m_total = 0;
    bool m_cancelled = false;
    SyncReport m_report;
};

} // namespace trunkline::sync
