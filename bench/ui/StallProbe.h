#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>
#include <algorithm>

namespace trunkline::bench {

// The GUI thread's responsiveness: a timer that should fire every millisecond; a later turn means the
// event loop was busy for the difference. Shared by bench/ui (while a filter counts) and bench/sync's
// window probe (while a sync runs).
class StallProbe : public QObject {
public:
    explicit StallProbe(const QElapsedTimer& clock)
        : m_clock(clock) {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_gapsMs << double(now - m_last) / 1e6;
            m_last = now;
        });
    }
    void start() {
        m_last = 0;
        m_gapsMs.clear();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }

    double longest() const {
        return m_gapsMs.isEmpty() ? 0 : *std::max_element(m_gapsMs.cbegin(), m_gapsMs.cend());
    }
    int over(double ms) const {
        return int(std::count_if(m_gapsMs.cbegin(), m_gapsMs.cend(), [ms](double gap) { return gap > ms; }));
    }
    double percentile(double p) const {
        if (m_gapsMs.isEmpty())
            return 0;
        QList<double> sorted = m_gapsMs;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(p * double(sorted.size()))));
    }

private:
    const QElapsedTimer& m_clock;
    QTimer m_timer;
    qint64 m_last = 0;
    QList<double> m_gapsMs;
};

} // namespace trunkline::bench
