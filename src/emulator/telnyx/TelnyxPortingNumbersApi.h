#pragma once

#include "emulator/telnyx/TelnyxState.h"

#include <QCoreApplication>

namespace trunkline::emulator::telnyx {

// GET /v2/porting_phone_numbers (telnyx-porting.md §3): the numbers of every order with their order's
// status, filterable, as JSON pages or as CSV (Accept: text/csv).
class TelnyxPortingNumbersApi {
    Q_DECLARE_TR_FUNCTIONS(TelnyxService) // the messages keep the service's translation context

public:
    static EmulatorResponse list(TelnyxState& state, const EmulatorRequest& request);
};

} // namespace trunkline::emulator::telnyx
