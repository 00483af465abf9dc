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
    // Whatever a server sends, the result is at most kUnreadableWait: no overflow from "1e300" or a date
    // in the year 9999, and a caller compares it with kLongestWait.
    static std::optional<Millis> parseRetryAfter(const QByteArray& value);

    // The longest wait a server may ask for before a retry. Longer is refused with a clear error rather
    // than a sync that hangs for hours (a hostile or broken server, or a penalty the admin should see).
    static constexpr Millis kLongestWait{5 * 60 * 1000};
    static constexpr Millis kUnreadableWait{24LL * 60 * 60 * 1000};

private:
    int m_maxAttempts = 6;
    Millis m_baseDelay{250};
    Millis m_maxDelay{30000};
    QRandomGenerator m_random{QRandomGenerator::securelySeeded()};
};

} // namespace trunkline::net
