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

// GET /v2/available_phone_numbers: the number search over the pool of numbers for sale, by
// filter[country_code], filter[national_destination_code] (the area code, or a toll-free prefix),
// filter[phone_number][starts_with|contains|ends_with] (digits, or letters as on a phone keypad; starts_with
// begins after the destination code when one is given), filter[phone_number_type], filter[features][] and
// filter[limit]. Not paged: the answer is {data, meta{total_results, best_effort_results}}.
class TelnyxAvailableNumbersApi {
    Q_DECLARE_TR_FUNCTIONS(TelnyxService)

public:
    static constexpr int kDefaultLimit = 50; // UNCONFIRMED: Telnyx's default; the search returns at most this
    static constexpr int kMaxLimit = 100;
    static EmulatorResponse list(const TelnyxState& state, const EmulatorRequest& request);
    // The pool record as it is sent (internal members dropped).
    static QJsonObject forOutput(const QJsonObject& available);
};

// /v2/number_orders[/{id}]: buying numbers. POST {phone_numbers: [{phone_number}], customer_reference?}
// orders numbers found by the search; each ordered number leaves the pool and joins the account's
// /v2/phone_numbers at once (orders without regulatory requirements "activate momentarily"), and the order
// is answered with status "success". A number not in the pool (never found, or bought already) refuses the
// whole order (422, 10015, pointing at the number). GET lists the orders, filterable by status and
// customer_reference (how a client finds an order whose answer it lost), or reads one.
class TelnyxNumberOrdersApi {
    Q_DECLARE_TR_FUNCTIONS(TelnyxService)

public:
    static EmulatorResponse list(const TelnyxState& state, const EmulatorRequest& request);
    static EmulatorResponse create(TelnyxState& state, const EmulatorRequest& request);
    static EmulatorResponse get(const TelnyxState& state, const QString& id);
};

// GET /v2/phone_numbers: the account's numbers, paged, filterable by filter[phone_number] (3 to 15 digits
// found anywhere in the number) and filter[status].
class TelnyxPhoneNumbersApi {
    Q_DECLARE_TR_FUNCTIONS(TelnyxService)

public:
    static EmulatorResponse list(const TelnyxState& state, const EmulatorRequest& request);
};

} // namespace trunkline::emulator::telnyx
