#pragma once

#include "emulator/Clock.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <deque>

namespace trunkline::emulator::ringcentral {

// RingCentral's usage-plan groups (docs/api/ringcentral.md §7.2/§7.3).
enum class RcGroup { Light, Medium, Heavy, Auth };

struct RcRateDecision {
    bool allowed = true;
    qint64 retryAfterSeconds = 0;                 // real seconds, only when !allowed
    QList<QPair<QByteArray, QByteArray>> headers; // X-Rate-Limit-* (and Retry-After when refused)
};

// Per (user, app) and group sliding-window counter with RingCentral's default limits (Light 50, Medium 40,
// Heavy 10, Auth 5 per 60 s) and penalty (60 s; a request during the penalty restarts it — the "429
// trap"). Windows and penalties run on the emulator Clock; header values are real seconds, which is what
// a client waits.
class RcRateLimiter {
public:
    explicit RcRateLimiter(const Clock* clock, bool enabled);

    RcRateDecision check(const QString& user, RcGroup group);
    bool enabled() const { return m_enabled; }

    static int limit(RcGroup group);
    static QByteArray groupName(RcGroup group);
    static constexpr qint64 windowSeconds = 60;
    static constexpr qint64 penaltySeconds = 60;

private:
    struct Bucket {
        std::deque<qint64> hits; // emulated ms of allowed requests inside the window
        qint64 penaltyUntilMs = 0;
    };
    const Clock* m_clock;
    bool m_enabled;
    QHash<QString, Bucket> m_buckets;
};

} // namespace trunkline::emulator::ringcentral
