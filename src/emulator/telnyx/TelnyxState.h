#pragma once

#include "core/PortingRules.h"
#include "emulator/Clock.h"
#include "emulator/ProviderService.h"
#include "emulator/telnyx/TelnyxRecords.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <optional>

namespace trunkline::emulator::telnyx {

// The porting records of the Telnyx service and what every resource needs of them: finding an order,
// the records as Telnyx sends them, new ids, and the carrier side of an order's lifecycle. Owned by
// TelnyxService and guarded by its mutex.
class TelnyxState {
    Q_DECLARE_TR_FUNCTIONS(TelnyxService) // the messages keep the service's translation context

public:
    TelnyxState(quint32 seed, double timeScale);

    TelnyxData data;
    Clock clock;
    QString userId; // the demo account's user, owner of new orders

    // Index of the order, or an error response (malformed id -> 404 "10006", unknown -> 404 "10005").
    std::optional<EmulatorResponse> findOrder(const QString& id, qsizetype* index) const;
    QJsonObject orderForOutput(const QJsonObject& order, bool includePhoneNumbers) const;
    QJsonObject portingNumberForOutput(const QJsonObject& number) const;
    QJsonObject orderEnvelope(const QJsonObject& order) const; // {data, meta{phone_numbers_url}}
    void touch(QJsonObject& order);
    QString newId();            // a uuid no record uses yet
    QString newPhoneNumberId(); // a phone number's id: digits, like Telnyx's, none in use yet

    // Status changes made through the API start the carrier side of the lifecycle, which then runs on
    // emulated time: in-process -> submitted -> foc-date-confirmed -> ported, cancel-pending -> cancelled.
    void markStatusChange(QJsonObject& order, core::PortingOrderStatus status);
    void advanceLifecycle();

private:
    QRandomGenerator m_ids; // ids of records created through the API (deterministic per seed)
};

} // namespace trunkline::emulator::telnyx
