#include "emulator/ringcentral/RcRateLimiter.h"

namespace trunkline::emulator::ringcentral {

RcRateLimiter::RcRateLimiter(const Clock* clock, bool enabled)
    : m_clock(clock)
    , m_enabled(enabled) {
}

namespace {

// A usage group's default limit per window and its name in X-Rate-Limit-Group (docs/api/ringcentral.md §7.3).
struct GroupLimit {
    RcGroup group;
    int limit;
    QByteArrayView name;
};

constexpr GroupLimit kGroupLimits[] = {{RcGroup::Light, 50, "light"},
                                       {RcGroup::Medium, 40, "medium"},
                                       {RcGroup::Heavy, 10, "heavy"},
                                       {RcGroup::Auth, 5, "auth"}};

const GroupLimit& groupLimit(RcGroup group) {
    for (const GroupLimit& g : kGroupLimits)
        if (g.group == group)
            return g;
    return kGroupLimits[0];
}

} // namespace

int RcRateLimiter::limit(RcGroup group) {
    return groupLimit(group).limit;
}

QByteArray RcRateLimiter::groupName(RcGroup group) {
    return groupLimit(group).name.toByteArray();
}

RcRateDecision RcRateLimiter::check(const QString& user, RcGroup group) {
    RcRateDecision decision;
    if (!m_enabled)
        return decision;
    const qint64 now = m_clock->nowMs();
    const qint64 windowMs = windowSeconds * 1000;
    Bucket& bucket = m_buckets[user + u'|' + QString::number(static_cast<int>(group))];
    while (!bucket.hits.empty() && bucket.hits.front() <= now - windowMs)
        bucket.hits.pop_front();

    const int max = limit(group);
    const QByteArray windowHeader = QByteArray::number(m_clock->realSecondsCeil(windowSeconds));
    decision.headers = {{QByteArrayLiteral("X-Rate-Limit-Group"), groupName(group)},
                        {QByteArrayLiteral("X-Rate-Limit-Limit"), QByteArray::number(max)},
                        {QByteArrayLiteral("X-Rate-Limit-Window"), windowHeader}};

    if (now < bucket.penaltyUntilMs || static_cast<int>(bucket.hits.size()) >= max) {
        // Over the limit, or knocking during the penalty: the penalty (re)starts now.
        bucket.penaltyUntilMs = now + penaltySeconds * 1000;
        decision.allowed = false;
        decision.retryAfterSeconds = m_clock->realSecondsCeil(penaltySeconds);
        decision.headers.append({QByteArrayLiteral("X-Rate-Limit-Remaining"), QByteArrayLiteral("0")});
        decision.headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(decision.retryAfterSeconds)});
        return decision;
    }
    bucket.hits.push_back(now);
    decision.headers.append({QByteArrayLiteral("X-Rate-Limit-Remaining"),
                             QByteArray::number(max - static_cast<int>(bucket.hits.size()))});
    return decision;
}

} // namespace trunkline::emulator::ringcentral
