#include "emulator/ringcentral/RcRateLimiter.h"

namespace trunkline::emulator::ringcentral {

RcRateLimiter::RcRateLimiter(const Clock* clock, bool enabled)
    : m_clock(clock)
    , m_enabled(enabled) {
}

int RcRateLimiter::limit(RcGroup group) {
    switch (group) {
    case RcGroup::Light:
        return 50;
    case RcGroup::Medium:
        return 40;
    case RcGroup::Heavy:
        return 10;
    case RcGroup::Auth:
        return 5;
    }
    return 50;
}

QByteArray RcRateLimiter::groupName(RcGroup group) {
    switch (group) {
    case RcGroup::Light:
        return QByteArrayLiteral("light");
    case RcGroup::Medium:
        return QByteArrayLiteral("medium");
    case RcGroup::Heavy:
        return QByteArrayLiteral("heavy");
    case RcGroup::Auth:
        return QByteArrayLiteral("auth");
    }
    return QByteArrayLiteral("light");
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
