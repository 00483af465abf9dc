#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <deque>
#include <functional>

namespace trunkline::net {

// Keeps every rate-limit group of one API user under its limit so that no request is ever answered
// with 429: it learns each group's limit and window from RingCentral's X-Rate-Limit-* headers, logs
// its own sends, and says how long to wait before the next send. RingCentral counts in a sliding
// window and penalises any request during a penalty (the "429 trap"), so waiting is always cheaper
// than trying. The clock is injectable (milliseconds, monotonic) for tests.
class RateLimitPacer {
public:
    using Clock = std::function<qint64()>;

    explicit RateLimitPacer(Clock clock = {});

    // False until a response told the group's limit: until then send one request at a time.
    bool knowsLimits(const QString& group) const;
    // Milliseconds to wait before one more request of the group may go out; 0 = now.
    qint64 delayBeforeSend(const QString& group) const;

    // Returns the time it recorded (to be given back with the answer's headers).
    qint64 recordSend(const QString& group);
    // The request recorded at recordedAt left later, at actualAt (an HTTP stack on another thread sends
    // when it gets to it): the server counts it from then, so its slot frees up that much later.
    void correctSend(const QString& group, qint64 recordedAt, qint64 actualAt);
    // From a response's headers: X-Rate-Limit-Limit, -Remaining, -Window (seconds, may be fractional);
    // sentAt is when the request they answer was sent (the server counted it then, not now).
    void recordHeaders(const QString& group, const QByteArray& limit, const QByteArray& remaining,
                       const QByteArray& windowSeconds, qint64 sentAt);
    // A 429: nothing of the group may go out for retryAfterMs.
    void recordRejection(const QString& group, qint64 retryAfterMs);

private:
    struct Group {
        int limit = -1;
        qint64 windowMs = 60000;
        // The latest "Remaining: 0" that this pacer's own sends do not explain (another app of the same
        // user): nothing more may go until that window has passed. -1 = none.
        qint64 foreignFullAt = -1;
        qint64 penaltyUntil = 0;
        std::deque<qint64> sends;
    };

    qint64 now() const { return m_clock(); }
    void forget(Group& group) const;
    qint64 ownSendsBetween(const Group& group, qint64 from, qint64 to) const;

    Clock m_clock;
    mutable QHash<QString, Group> m_groups;
};

} // namespace trunkline::net
