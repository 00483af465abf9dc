#pragma once

#include "emulator/EmulatorOptions.h"

#include <random>

namespace trunkline::emulator {

enum class FaultKind {
    None,
    ServerError,     // 500 or 503 with the provider's error body; the handler does not run
    TooManyRequests, // 429 with Retry-After; the handler does not run
    Drop,            // connection closed without an answer; the handler does not run
    Truncate,        // headers with the full Content-Length, then only part of the body, then close
};

struct FaultDecision {
    FaultKind kind = FaultKind::None;
    int status = 0;    // 500/503 for ServerError, 429 for TooManyRequests
    int latencyMs = 0; // wait before answering (any kind)
};

// Draws one fault decision per request from a generator seeded with the emulator's seed, so the same
// seed and the same request order give the same faults. Decisions are made BEFORE a handler runs: a
// faulted write is never applied, so injected faults can never corrupt the emulator's data (a client
// that retries cannot double-apply because of an injected fault). Truncation of a safe request (GET)
// cuts the real answer; truncation of a write cuts an error answer and does not apply the write.
class FaultInjector {
public:
    FaultInjector(const FaultSpec& spec, quint32 seed);

    FaultDecision next();
    const FaultSpec& spec() const { return m_spec; }

private:
    FaultSpec m_spec;
    std::mt19937_64 m_random;
};

} // namespace trunkline::emulator
