#pragma once

#include "emulator/telnyx/TelnyxState.h"

#include <QCoreApplication>

namespace trunkline::emulator::telnyx {

// /v2/porting_orders/{id}/phone_number_extensions[/{id}] (telnyx-porting.md §4): the German extended
// numbers of an order's route numbers, checked with core's porting rules (seed 002).
class TelnyxNumberExtensionsApi {
    Q_DECLARE_TR_FUNCTIONS(TelnyxService) // the messages keep the service's translation context

public:
    static EmulatorResponse list(TelnyxState& state, const EmulatorRequest& request, const QString& orderId);
    static EmulatorResponse create(TelnyxState& state, const EmulatorRequest& request,
                                   const QString& orderId);
    static EmulatorResponse remove(TelnyxState& state, const QString& orderId, const QString& extensionId);
};

} // namespace trunkline::emulator::telnyx
