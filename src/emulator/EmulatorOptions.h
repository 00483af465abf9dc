#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>
#include <optional>

namespace trunkline::emulator {

// Which fraction of responses the server spoils, and how. Fractions are 0..1 and are drawn from a
// generator seeded with EmulatorOptions::seed, so the same seed and request order give the same faults.
struct FaultSpec {
    double serverError = 0;     // "5xx": answer 500 or 503 instead of calling the service
    double tooManyRequests = 0; // "429": answer 429 with Retry-After instead of calling the service
    double drop = 0;            // "drop": close the connection without any answer
    double truncate = 0;        // "truncate": send the headers and only part of the body, then close
    int latencyMinMs = 0;       // "latency=MIN-MAX": every answer waits a uniform delay in this range
    int latencyMaxMs = 0;

    bool any() const {
        return serverError > 0 || tooManyRequests > 0 || drop > 0 || truncate > 0 || latencyMaxMs > 0;
    }

    // Parses "5xx=0.1,429=0.05,drop=0.02,truncate=0.01,latency=50-400" (any subset, any order; an empty
    // spec means no faults). On error returns nullopt and, if error is set, a translated message that
    // names the offending item and the rule.
    static std::optional<FaultSpec> parse(QStringView spec, QString* error);
};

// Everything the emulator is started with (the executable's command line, or a test's choice).
struct EmulatorOptions {
    quint32 seed = 1;       // same seed, same demo data, same fault sequence
    int numbers = -1;       // phone numbers to generate; -1 = a realistic small office
    int extensions = -1;    // extensions to generate; -1 = a realistic small office
    double timeScale = 1.0; // every window, penalty and token lifetime runs this many times faster
    bool rateLimits = true; // provider rate limits (RingCentral usage groups) on or off
    FaultSpec faults;
    QString stateFile; // optional JSON snapshot: loaded at start if it exists, saved on change/exit
    quint16 port = 0;  // 0 = any free port
};

} // namespace trunkline::emulator
