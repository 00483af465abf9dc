#pragma once

#include <QRandomGenerator>
#include <chrono>
#include <optional>

namespace trunkline::net {

// Exponential backoff with full jitter, capped; a server's Retry-After wins over the formula.
// The random source is injectable so tests can make the delays deterministic.
class RetryPolicy {
public:
    using Millis = std::chrono::milliseconds;

    RetryPolicy() = default;
    RetryPolicy(int maxAttempts, Millis baseDelay, Millis maxDelay);

    int maxAttempts() const { return m_maxAttempts; }
    bool mayRetry(int attemptsSoFar) const { return attemptsSoFar < m_maxAttempts; }

    // Delay before attempt number attemptsSoFar + 1.
    Millis delayBefore(int attemptsSoFar, std::optional<Millis> retryAfter = std::nullopt);

    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    // "Retry-After: 12" (seconds; RingCentral, Telnyx) or an HTTP date. Absent/unreadable -> nullopt.
    static std::optional<Millis> parseRetryAfter(const QByteArray& value);

private:
    int m_maxAttempts = 6;
    Millis m_baseDelay{250};
    Millis m_maxDelay{30000};
    QRandomGenerator m_random{QRandomGenerator::securelySeeded()};
};

} // namespace trunkline::net
