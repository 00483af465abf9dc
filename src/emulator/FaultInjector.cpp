#include "emulator/FaultInjector.h"

namespace trunkline::emulator {

FaultInjector::FaultInjector(const FaultSpec& spec, quint32 seed)
    : m_spec(spec)
    , m_random(0x7472756e6b6c696eULL ^ seed) // "trunklin": keeps the fault stream apart from data seeds
{
}

FaultDecision FaultInjector::next() {
    // Always draw the same three numbers per request so the stream stays aligned whatever the spec.
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double kindDraw = unit(m_random);
    const double statusDraw = unit(m_random);
    const double latencyDraw = unit(m_random);

    FaultDecision decision;
    double edge = m_spec.serverError;
    if (kindDraw < edge) {
        decision.kind = FaultKind::ServerError;
        decision.status = statusDraw < 0.5 ? 500 : 503;
    } else if (kindDraw < (edge += m_spec.tooManyRequests)) {
        decision.kind = FaultKind::TooManyRequests;
        decision.status = 429;
    } else if (kindDraw < (edge += m_spec.drop)) {
        decision.kind = FaultKind::Drop;
    } else if (kindDraw < (edge += m_spec.truncate)) {
        decision.kind = FaultKind::Truncate;
    }
    if (m_spec.latencyMaxMs > 0) {
        const double span = m_spec.latencyMaxMs - m_spec.latencyMinMs;
        decision.latencyMs = m_spec.latencyMinMs + static_cast<int>(latencyDraw * (span + 1.0));
        if (decision.latencyMs > m_spec.latencyMaxMs)
            decision.latencyMs = m_spec.latencyMaxMs;
    }
    return decision;
}

} // namespace trunkline::emulator
