#include "net/RateLimitPacer.h"

#include "net/MonotonicClock.h"

#include <algorithm>

namespace trunkline::net {

namespace {
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
    const qint64 cutoff = now() - group.windowMs - marginFor(group.windowMs);
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
    // The server may count requests this pacer did not send (another app of the same user).
    if (state.serverRemaining == 0 && t - state.serverRemainingAt < state.windowMs) {
        const qint64 reference = state.sends.empty() ? state.serverRemainingAt : state.sends.front();
        delay = std::max(delay, reference + state.windowMs + margin - t);
    }
    return std::max<qint64>(0, delay);
}

void RateLimitPacer::recordSend(const QString& group) {
    Group& state = m_groups[group];
    state.sends.push_back(now());
    if (state.serverRemaining > 0)
        --state.serverRemaining;
}

void RateLimitPacer::recordHeaders(const QString& group, const QByteArray& limit, const QByteArray& remaining,
                                   const QByteArray& windowSeconds) {
    bool limitOk = false;
    const int parsedLimit = limit.trimmed().toInt(&limitOk);
    if (!limitOk || parsedLimit <= 0)
        return; // no user-level limit on this response
    Group& state = m_groups[group];
    state.limit = parsedLimit;
    bool windowOk = false;
    const double window = windowSeconds.trimmed().toDouble(&windowOk);
    if (windowOk && window > 0)
        state.windowMs = static_cast<qint64>(window * 1000.0);
    bool remainingOk = false;
    const int parsedRemaining = remaining.trimmed().toInt(&remainingOk);
    if (remainingOk) {
        state.serverRemaining = parsedRemaining;
        state.serverRemainingAt = now();
    }
}

void RateLimitPacer::recordRejection(const QString& group, qint64 retryAfterMs) {
    Group& state = m_groups[group];
    state.penaltyUntil = std::max(state.penaltyUntil, now() + retryAfterMs);
}

} // namespace trunkline::net
