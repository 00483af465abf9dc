#pragma once

#include "store/PendingChange.h"

#include <QCoreApplication>
#include <QStringList>
#include <chrono>
#include <optional>

namespace trunkline::store {
class Database;
}

namespace trunkline::sync {

// One applier's claims on pending changes (docs/architecture.md, "Claims and leases"). The owner names the
// applier for the admin and is unique per run: "user@host:pid#token". A claim holds for the lease; an
// applier that dies leaves its changes `applying` until the lease lapses, then any applier recovers them
// and checks the provider before sending anything (the claim counts an attempt).
class ChangeClaims {
    Q_DECLARE_TR_FUNCTIONS(ChangeClaims)

public:
    // Long enough for one change's requests with retries and backoff; a change is claimed just before it
    // is applied, so the lease covers one change, not a whole queue.
    static constexpr std::chrono::seconds kDefaultLease{10 * 60};

    explicit ChangeClaims(store::Database& database, std::chrono::seconds lease = kDefaultLease);

    const QString& owner() const { return m_owner; }

    // Claims `change` for this applier: the change as stored once claimed (its attempts count the earlier
    // tries), or nullopt with *why saying plainly why it was skipped (claimed by another applier, applied
    // by one meanwhile, ...).
    std::optional<store::PendingChange> claim(const store::PendingChange& change, QString* why);
    // Ends the claims of the profile's changes whose applier ran on this host and is no longer running
    // (killed, crashed), so that this run recovers them now instead of when their lease lapses. One
    // sentence per recovered change. An applier on another host is only known dead by its lease.
    QStringList releaseDeadAppliers(qint64 profileId, QString* error);
    // The changes of the profile that other appliers hold right now, one sentence each.
    QStringList heldByOthers(qint64 profileId, QString* error) const;

private:
    static QString newOwner();
    // True when `owner` names a process of this host that has exited.
    static bool isDeadLocalApplier(const QString& owner);

    store::Database& m_database;
    std::chrono::seconds m_lease;
    QString m_owner;
};

} // namespace trunkline::sync
