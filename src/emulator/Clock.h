#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QtGlobal>
#include <atomic>
#include <cmath>

namespace trunkline::emulator {

// The emulator's notion of "now": starts at the real wall-clock time and then runs timeScale times
// faster, so a 3600 s token lifetime ends after 1 real second at --time-scale 3600. Services use it
// for created_at stamps, token expiry, rate-limit windows and penalties. Thread-safe (read-only after
// construction except advance(), which is atomic).
class Clock {
public:
    explicit Clock(double timeScale = 1.0)
        : m_scale(timeScale > 0 ? timeScale : 1.0)
        , m_startEpochMs(QDateTime::currentMSecsSinceEpoch()) {
        m_elapsed.start();
    }

    double timeScale() const { return m_scale; }

    // Emulated milliseconds since the Unix epoch.
    qint64 nowMs() const {
        const auto scaled =
            static_cast<qint64>(std::llround(static_cast<double>(m_elapsed.nsecsElapsed()) / 1e6 * m_scale));
        return m_startEpochMs + scaled + m_offsetMs.load(std::memory_order_relaxed);
    }
    qint64 nowSecs() const { return nowMs() / 1000; }
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }

    // Emulated seconds that pass while realSeconds of real time pass.
    qint64 scaledSeconds(double realSeconds) const { return std::llround(realSeconds * m_scale); }

    // Real milliseconds that pass while emulatedMs of emulated time pass (for QTimer and Retry-After
    // values, which clients wait in real time). Never less than 1 ms for a positive interval.
    qint64 realMsFor(qint64 emulatedMs) const {
        if (emulatedMs <= 0)
            return 0;
        return qMax<qint64>(1, std::llround(static_cast<double>(emulatedMs) / m_scale));
    }
    // Real seconds (rounded up, at least 1) for an emulated interval, e.g. for a Retry-After header.
    qint64 realSecondsCeil(qint64 emulatedSeconds) const {
        if (emulatedSeconds <= 0)
            return 0;
        return qMax<qint64>(1,
                            static_cast<qint64>(std::ceil(static_cast<double>(emulatedSeconds) / m_scale)));
    }

    // Jumps emulated time forward (tests: expire a token without waiting).
    void advance(qint64 emulatedMs) { m_offsetMs.fetch_add(emulatedMs, std::memory_order_relaxed); }

private:
    double m_scale;
    qint64 m_startEpochMs;
    QElapsedTimer m_elapsed;
    std::atomic<qint64> m_offsetMs{0};
};

// Free helper for code that only needs the conversion: emulated seconds in realSeconds of real time.
inline qint64 scaledSeconds(double realSeconds, double timeScale) {
    return std::llround(realSeconds * (timeScale > 0 ? timeScale : 1.0));
}

} // namespace trunkline::emulator
