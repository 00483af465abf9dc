#pragma once

#include "core/PortOrderDetails.h"
#include "emulator/telnyx/TelnyxState.h"

#include <QCoreApplication>

namespace trunkline::emulator::telnyx {

// The resources of the Telnyx porting API, one class each (src/emulator/telnyx/Telnyx*Api.cpp), which
// TelnyxService routes to after authentication and rate limiting. Each works on the service's TelnyxState.

// /v2/porting_orders[/{id}[/actions/confirm|cancel]] (docs/api/telnyx-porting.md §2, §3): list with filters
// and sort, create (split by country and number type), read, PATCH (schema-checked merge), delete drafts, and
// the confirm/cancel actions of the status machine.
class TelnyxPortingOrdersApi {
    Q_DECLARE_TR_FUNCTIONS(TelnyxService)

public:
    static EmulatorResponse list(TelnyxState& state, const EmulatorRequest& request);
    static EmulatorResponse create(TelnyxState& state, const EmulatorRequest& request);
    static EmulatorResponse get(TelnyxState& state, const EmulatorRequest& request, const QString& id);
    static EmulatorResponse patch(TelnyxState& state, const EmulatorRequest& request, const QString& id);
    static EmulatorResponse remove(TelnyxState& state, const QString& id);
    static EmulatorResponse confirm(TelnyxState& state, const QString& id);
    static EmulatorResponse cancel(TelnyxState& state, const QString& id);
    // GET /porting_orders/{id}/loa_template: a one-page PDF naming the order and its numbers for the end
    // user to sign (the real template's layout is not published; this one only has to be a real PDF).
    static EmulatorResponse loaTemplate(const TelnyxState& state, const QString& id);
};

// GET /v2/porting_phone_numbers (docs/api/telnyx-porting.md §3): the numbers of every order with their
// order's status, filterable, as JSON pages or as CSV (Accept: text/csv).
class TelnyxPortingNumbersApi {
    Q_DECLARE_TR_FUNCTIONS(TelnyxService)

public:
    static EmulatorResponse list(TelnyxState& state, const EmulatorRequest& request);
};

// /v2/porting_orders/{id}/phone_number_extensions[/{id}] (docs/api/telnyx-porting.md §4): the German extended
// numbers of an order's route numbers, checked with core's porting rules (seed 002).
class TelnyxNumberExtensionsApi {
    Q_DECLARE_TR_FUNCTIONS(TelnyxService)

public:
    static EmulatorResponse list(TelnyxState& state, const EmulatorRequest& request, const QString& orderId);
    static EmulatorResponse create(TelnyxState& state, const EmulatorRequest& request,
                                   const QString& orderId);
    static EmulatorResponse remove(TelnyxState& state, const QString& orderId, const QString& extensionId);
};

// /v2/documents[/{id}] (docs/api/telnyx-porting.md §5): an upload gives the document id that an order's
// documents.loa / documents.invoice name. Only the inline JSON form ({file: base64, filename}) is served:
// the multipart form is not, and a `url` is refused because the emulator fetches nothing from elsewhere.
class TelnyxDocumentsApi {
    Q_DECLARE_TR_FUNCTIONS(TelnyxService)

public:
    // Our choice, UNCONFIRMED upstream: the largest file taken, and the types (by their first bytes), the
    // ones the app checks before it uploads.
    static constexpr qsizetype kMaxBytes = core::OrderDetailsRules::kMaxDocumentBytes;

    static EmulatorResponse create(TelnyxState& state, const EmulatorRequest& request);
    static EmulatorResponse get(TelnyxState& state, const QString& id);
    // True when `id` names an uploaded document.
    static bool exists(const TelnyxState& state, const QString& id);
};

} // namespace trunkline::emulator::telnyx
