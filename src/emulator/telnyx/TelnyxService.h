#pragma once

#include "emulator/Clock.h"
#include "emulator/ProviderService.h"
#include "emulator/telnyx/TelnyxErrors.h"
#include "emulator/telnyx/TelnyxRecords.h"
#include "emulator/telnyx/TelnyxState.h"

#include <QCoreApplication>
#include <QMutex>
#include <QStringList>
#include <optional>

namespace trunkline::emulator {
struct EmulatorOptions;
}

namespace trunkline::emulator::telnyx {

// Telnyx API v2 porting endpoints under /v2 (docs/api/telnyx-porting.md, seed 002): porting orders with their
// status machine, porting phone numbers, German phone-number extensions; and buying numbers: the number
// search, number orders and the account's phone numbers. Bearer auth with one demo key.
class TelnyxService final : public ProviderService {
    Q_DECLARE_TR_FUNCTIONS(TelnyxService)

public:
    TelnyxService(quint32 seed, const EmulatorOptions& options);

    QString prefix() const override { return QStringLiteral("/v2"); }
    EmulatorResponse handle(const EmulatorRequest& request) override;
    QString credentialLine() const override;
    QJsonObject snapshot() const override;
    void restore(const QJsonObject& state) override;
    // Injected faults in Telnyx's errors[] format (429: code 10011 with the documented detail).
    EmulatorResponse faultResponse(int status, int retryAfterSeconds) const override;

    QString apiKey() const { return m_apiKey; }
    // Requests per emulated minute before 429 (UNCONFIRMED: Telnyx does not publish porting limits).
    static constexpr int kRequestsPerMinute = 1200;
    // Emulated time of this service; tests move it forward to reach FOC-date rules.
    Clock& clock() { return m_state.clock; }

private:
    // Runs the resource handler (Telnyx*Api) that the route table names for the path and method; 405 for a
    // path served with other methods only, 404 for any other path.
    EmulatorResponse dispatch(const EmulatorRequest& request, const QStringList& segments);

    mutable QMutex m_mutex;
    TelnyxState m_state;
    bool m_rateLimits = true;
    qint64 m_windowStartMs = 0; // fixed one-minute window of emulated time
    int m_windowCount = 0;
    QString m_apiKey;
};

} // namespace trunkline::emulator::telnyx
