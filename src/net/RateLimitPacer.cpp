#include "net/RateLimitPacer.h"

#include "net/MonotonicClock.h"
#include "net/RetryPolicy.h"

#include <algorithm>

namespace trunkline::net {

namespace {
// A window longer than an hour is not one any provider documents (RingCentral's are 60 s): a header
// saying otherwise is taken as an hour rather than overflowing the arithmetic below.
constexpr double kLongestWindowSeconds = 3600.0;

// Sends and the server's arrivals differ by a little network time; keep that much clear of the edge.
qint64 marginFor(qint64 windowMs) {
    return windowMs / 100 + 5;
}
} // namespace

RateLimitPacer::RateLimitPacer(Clock clock)
    : m_clock(clock ? std::move(clock) : Clock(&MonotonicClock::nowMs)) {
}

bool RateLimitPacer::knowsLimits(const QString& group) const {
    const auto it = m_groups.constFind(group);
    return it != m_groups.cend() && it->limit > 0;
}

void RateLimitPacer::forget(Group& group) const {
    // Two windows: a late answer is judged against the window that ended when its request was sent.
    const qint64 cutoff = now() - 2 * (group.windowMs + marginFor(group.windowMs));
    while (!group.sends.empty() && group.sends.front() <= cutoff)
        group.sends.pop_front();
}

qint64 RateLimitPacer::delayBeforeSend(const QString& group) const {
    const auto it = m_groups.find(group);
    if (it == m_groups.end())
        return 0;
    Group& state = *it;
    const qint64 t = now();
    qint64 delay = std::max<qint64>(0, state.penaltyUntil - t);
    if (state.limit <= 0)
        return delay;

    forget(state);
    const qint64 margin = marginFor(state.windowMs);
    if (std::cmp_greater_equal(state.sends.size(), state.limit)) {
        // The oldest send in the window must leave it before another may enter.
        const auto oldestThatMustExpire =
            state.sends.at(state.sends.size() - static_cast<size_t>(state.limit));
        delay = std::max(delay, oldestThatMustExpire + state.windowMs + margin - t);
    }
    // The server counted requests this pacer did not send (another app of the same user).
    if (state.foreignFullAt >= 0)
        delay = std::max(delay, state.foreignFullAt + state.windowMs + margin - t);
    return std::max<qint64>(0, delay);
}

qint64 RateLimitPacer::recordSend(const QString& group) {
    const qint64 t = now();
    m_groups[group].sends.push_back(t);
    return t;
}

void RateLimitPacer::correctSend(const QString& group, qint64 recordedAt, qint64 actualAt) {
    const auto it = m_groups.find(group);
    if (it == m_groups.end() || actualAt <= recordedAt)
        return;
    std::deque<qint64>& sends = it->sends;
    const auto recorded = std::find(sends.rbegin(), sends.rend(), recordedAt);
    if (recorded == sends.rend())
        return; // already forgotten
    sends.erase(std::next(recorded).base());
    sends.insert(std::upper_bound(sends.begin(), sends.end(), actualAt), actualAt);
}

qint64 RateLimitPacer::ownSendsBetween(const Group& group, qint64 from, qint64 to) const {
    return std::count_if(group.sends.cbegin(), group.sends.cend(),
                         [from, to](qint64 sent) { return sent > from && sent <= to; });
}

void RateLimitPacer::recordHeaders(const QString& group, const QByteArray& limit, const QByteArray& remaining,
                                   const QByteArray& windowSeconds, qint64 sentAt) {
    bool limitOk = false;
    const int parsedLimit = limit.trimmed().toInt(&limitOk);
    if (!limitOk || parsedLimit <= 0)
        return; // no user-level limit on this response
    Group& state = m_groups[group];
    state.limit = parsedLimit;
    bool windowOk = false;
    const double window = windowSeconds.trimmed().toDouble(&windowOk);
    if (windowOk && window > 0)
        state.windowMs = static_cast<qint64>(std::min(window, kLongestWindowSeconds) * 1000.0);
    bool remainingOk = false;
    const int parsedRemaining = remaining.trimmed().toInt(&remainingOk);
    // A full window is news only when this pacer's own sends in the window that ended with the answered
    // request do not fill it: answers arrive late, and a "0" from the previous window, read after that
    // window slid on, would otherwise hold every request back for a whole window.
    const qint64 margin = marginFor(state.windowMs);
    if (remainingOk && parsedRemaining == 0 &&
        ownSendsBetween(state, sentAt - state.windowMs - margin, sentAt) < state.limit) {
        state.foreignFullAt = std::max(state.foreignFullAt, sentAt);
    }
}

void RateLimitPacer::recordRejection(const QString& group, qint64 retryAfterMs) {
    Group& state = m_groups[group];
    const qint64 bounded = std::clamp<qint64>(retryAfterMs, 0, RetryPolicy::kLongestWait.count());
    state.penaltyUntil = std::max(state.penaltyUntil, now() + bounded);
}

} // namespace trunkline::net
