#pragma once

#include "emulator/telnyx/TelnyxState.h"

#include <QCoreApplication>

namespace trunkline::emulator::telnyx {

// /v2/porting_orders[/{id}[/actions/confirm|cancel]] (telnyx-porting.md §2, §3): list with filters and
// sort, create (split by country and number type), read, PATCH (schema-checked merge), delete drafts,
// and the confirm/cancel actions of the status machine.
class TelnyxPortingOrdersApi {
    Q_DECLARE_TR_FUNCTIONS(TelnyxService) // the messages keep the service's translation context

public:
    static EmulatorResponse list(TelnyxState& state, const EmulatorRequest& request);
    static EmulatorResponse create(TelnyxState& state, const EmulatorRequest& request);
    static EmulatorResponse get(TelnyxState& state, const EmulatorRequest& request, const QString& id);
    static EmulatorResponse patch(TelnyxState& state, const EmulatorRequest& request, const QString& id);
    static EmulatorResponse remove(TelnyxState& state, const QString& id);
    static EmulatorResponse confirm(TelnyxState& state, const QString& id);
    static EmulatorResponse cancel(TelnyxState& state, const QString& id);
};

} // namespace trunkline::emulator::telnyx
