#pragma once

#include "emulator/Clock.h"
#include "emulator/ProviderService.h"
#include "emulator/telnyx/TelnyxErrors.h"
#include "emulator/telnyx/TelnyxRecords.h"

#include <QCoreApplication>
#include <QMutex>
#include <QStringList>
#include <optional>

namespace trunkline::emulator {
struct EmulatorOptions;
}

namespace trunkline::emulator::telnyx {

// Telnyx API v2 porting endpoints under /v2 (telnyx-porting.md, seed 002): porting orders with their
// status machine, porting phone numbers, German phone-number extensions. Bearer auth with one demo key.
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
    Clock& clock() { return m_clock; }

private:
    EmulatorResponse dispatch(const EmulatorRequest& request, const QStringList& segments);

    EmulatorResponse listOrders(const EmulatorRequest& request);
    EmulatorResponse createOrder(const EmulatorRequest& request);
    EmulatorResponse getOrder(const EmulatorRequest& request, const QString& id);
    EmulatorResponse patchOrder(const EmulatorRequest& request, const QString& id);
    EmulatorResponse deleteOrder(const QString& id);
    EmulatorResponse confirmOrder(const QString& id);
    EmulatorResponse cancelOrder(const QString& id);
    EmulatorResponse listPortingNumbers(const EmulatorRequest& request);
    EmulatorResponse listExtensions(const EmulatorRequest& request, const QString& orderId);
    EmulatorResponse createExtension(const EmulatorRequest& request, const QString& orderId);
    EmulatorResponse deleteExtension(const QString& orderId, const QString& extensionId);

    // Index of the order, or an error response (malformed id -> 404 "10006", unknown -> 404 "10005").
    std::optional<EmulatorResponse> findOrder(const QString& id, qsizetype* index) const;
    QJsonObject orderForOutput(const QJsonObject& order, bool includePhoneNumbers) const;
    QJsonObject portingNumberForOutput(const QJsonObject& number) const;
    QJsonObject orderEnvelope(const QJsonObject& order) const; // {data, meta{phone_numbers_url}}
    void touch(QJsonObject& order);
    QString newId(); // a uuid no record uses yet
    // Status changes made through the API start the carrier side of the lifecycle, which then runs on
    // emulated time: in-process -> submitted -> foc-date-confirmed -> ported, cancel-pending -> cancelled.
    void markStatusChange(QJsonObject& order, core::PortingOrderStatus status);
    void advanceLifecycle();

    mutable QMutex m_mutex;
    Clock m_clock;
    bool m_rateLimits = true;
    qint64 m_windowStartMs = 0; // fixed one-minute window of emulated time
    int m_windowCount = 0;
    QString m_apiKey;
    QString m_userId;
    QRandomGenerator m_ids; // ids of records created through the API (deterministic per seed)
    TelnyxData m_data;
};

} // namespace trunkline::emulator::telnyx
