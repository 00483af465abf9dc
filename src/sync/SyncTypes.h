#pragma once

#include "net/ApiClient.h"

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <chrono>

namespace trunkline::sync {

// A create whose answer was lost may still land at the provider a moment later: before concluding from a
// lookup that it did not take effect, the pusher (for a create tried in an earlier run) and the client (for
// one lost just now) wait this long and look again.
inline constexpr std::chrono::milliseconds kDefaultSettleDelay = net::ApiClient::kDefaultSettleDelay;

// Where a sync stands, for a progress bar: `what` is translated ("Extensions"), `total` is 0 while the
// provider has not said how much there is.
struct SyncProgress {
    QString what;
    qint64 done = 0;
    qint64 total = 0;
};

// How one sync (or one of its parts) ended. `complete` is true only when every list arrived whole and
// every due change was dealt with (applied, or parked as a conflict / permanent failure with its message).
struct SyncReport {
    bool complete = false;
    bool cancelled = false;
    QStringList errors;         // translated, one line each, never containing secrets
    QMap<QString, int> pulled;  // entity ("accounts", "extensions", "numbers", ...) -> records received
    QMap<QString, int> removed; // entity -> local records removed after a complete list
    int applied = 0;            // pending changes applied
    int failed = 0;             // pending changes that failed this time (kept with their error)
    int conflicts = 0;          // pending changes flagged as conflicts
    // Changes left alone because another applier holds them or applied them meanwhile, one translated
    // sentence each: not an error (each change is applied once, by one applier).
    QStringList skipped;
    // Changes whose applier on this host had died (killed, crashed) and that this run took over.
    QStringList recovered;
    // Changes that failed in an earlier run and are not due yet (backoff), so this run left them alone:
    // still open, so the run is not done, one translated sentence each.
    QStringList waiting;

    // Adds another part's figures (pull of one provider, push).
    void merge(const SyncReport& other) {
        errors += other.errors;
        for (auto it = other.pulled.cbegin(); it != other.pulled.cend(); ++it)
            pulled[it.key()] += it.value();
        for (auto it = other.removed.cbegin(); it != other.removed.cend(); ++it)
            removed[it.key()] += it.value();
        applied += other.applied;
        failed += other.failed;
        conflicts += other.conflicts;
        skipped += other.skipped;
        recovered += other.recovered;
        waiting += other.waiting;
    }
};

} // namespace trunkline::sync

Q_DECLARE_METATYPE(trunkline::sync::SyncProgress)
Q_DECLARE_METATYPE(trunkline::sync::SyncReport)
