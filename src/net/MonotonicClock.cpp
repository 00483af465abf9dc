#include "net/MonotonicClock.h"

#include <QElapsedTimer>

namespace trunkline::net {

qint64 MonotonicClock::nowMs() {
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

} // namespace trunkline::net
