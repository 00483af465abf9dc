#include "net/RetryPolicy.h"

#include <QDateTime>
#include <algorithm>

namespace trunkline::net {

RetryPolicy::RetryPolicy(int maxAttempts, Millis baseDelay, Millis maxDelay)
    : m_maxAttempts(maxAttempts)
    , m_baseDelay(baseDelay)
    , m_maxDelay(maxDelay) {
}

RetryPolicy::Millis RetryPolicy::delayBefore(int attemptsSoFar, std::optional<Millis> retryAfter) {
    if (retryAfter)
        return *retryAfter;
    // Full jitter (a random delay in [0, base * 2^n]) spreads retries of many parallel requests so they
    // do not hit a recovering server in lock step.
    const int exponent = std::clamp(attemptsSoFar - 1, 0, 20);
    const qint64 ceiling = std::min<qint64>(m_maxDelay.count(), m_baseDelay.count() << exponent);
    const qint64 floor = ceiling / 4; // never retry instantly
    return Millis(floor + static_cast<qint64>(m_random.bounded(static_cast<double>(ceiling - floor + 1))));
}

std::optional<RetryPolicy::Millis> RetryPolicy::parseRetryAfter(const QByteArray& value) {
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const double seconds = trimmed.toDouble(&isNumber);
    if (isNumber) {
        // Compared as doubles first: "1e300" or "inf" converted to qint64 would be undefined behaviour.
        const double bounded =
            std::clamp(seconds * 1000.0, 0.0, static_cast<double>(kUnreadableWait.count()));
        return Millis(static_cast<qint64>(bounded));
    }
    // HTTP dates end in "GMT", which Qt's RFC 2822 parser wants as a numeric zone.
    QString text = QString::fromLatin1(trimmed);
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(3) + QLatin1String("+0000");
    const QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return Millis(
        std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(when), 0, kUnreadableWait.count()));
}

} // namespace trunkline::net
