#pragma once

#include <QtGlobal>

namespace trunkline::net {

// Milliseconds since an arbitrary start, never going backwards (token lifetimes, pacing).
struct MonotonicClock {
    static qint64 nowMs();
};

} // namespace trunkline::net
