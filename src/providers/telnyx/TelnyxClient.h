#pragma once

#include "core/PortOrderDetails.h"
#include "core/PortingOrder.h"
#include "providers/ProviderCalls.h"
#include "providers/telnyx/TelnyxNumbers.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

namespace trunkline::providers::telnyx {

// Telnyx API v2 porting operations (docs/api/telnyx-porting.md) on a ready (Bearer key) ApiClient: porting
// orders, their porting phone numbers and German phone-number extensions. Paths are below "/v2"; when
// the ApiClient's base URL already ends in /v2 (https://api.telnyx.com/v2) it is not added again.
// Results come back through callbacks, only while this object lives.
class TelnyxClient : public QObject, public ProviderClient {
    Q_OBJECT

public:
    explicit TelnyxClient(net::ApiClient* api, QObject* parent = nullptr);

    // page[size] for lists: 1..250 (the documented maximum, the default here).
    static constexpr int kMaxPageSize = 250;

    // The first porting order only: what a connection test reads.
    net::ApiRequest firstPortingOrder() const;
    // statuses empty = all orders.
    net::PagedFetch* listPortingOrders(const QList<core::PortingOrderStatus>& statuses,
                                       PageHandler<core::PortingOrder> onPage, ListDone done);
    net::ApiReply* getPortingOrder(const QString& orderId, Callback<core::PortingOrder> done);
    // A German extended-number order is created with the route number only (§4.1); Telnyx may split
    // numbers into several orders, so the answer is a list.
    net::ApiReply* createPortingOrder(const QStringList& phoneNumbers, const QString& customerReference,
                                      Callback<QList<core::PortingOrder>> done);
    // PATCH with any UpdatePortingOrder body (TelnyxMapper::portingOrderPatchBody() makes one from a record).
    net::ApiReply* patchPortingOrder(const QString& orderId, const QJsonObject& patch,
                                     Callback<core::PortingOrder> done);
    net::ApiReply* deletePortingOrder(const QString& orderId, Completion done); // drafts only
    net::ApiReply* confirmPortingOrder(const QString& orderId, Callback<core::PortingOrder> done);
    net::ApiReply* cancelPortingOrder(const QString& orderId, Callback<core::PortingOrder> done);

    // POST /documents with the file inline (base64): done() with the document id an order names.
    net::ApiReply* uploadDocument(const core::OrderDocument& document, Callback<QString> done);
    // The LOA the provider wants signed for the order, as a PDF (GET /porting_orders/{id}/loa_template).
    net::ApiReply* loaTemplate(const QString& orderId, Callback<QByteArray> done);

    net::PagedFetch* listPortingPhoneNumbers(const QString& orderId,
                                             PageHandler<core::PortingPhoneNumber> onPage, ListDone done);

    net::PagedFetch* listPhoneNumberExtensions(const QString& orderId,
                                               PageHandler<core::PhoneNumberExtension> onPage, ListDone done);
    // A lost answer is checked (the number's extension list searched for the same range) before anything
    // is re-sent. createPortingOrder is not checked this way: it ends with OutcomeUnknown instead.
    void createPhoneNumberExtension(const QString& orderId, const core::PhoneNumberExtension& extension,
                                    Callback<core::PhoneNumberExtension> done);
    // Answers with the deleted record (200, not 204: §4.4).
    net::ApiReply* deletePhoneNumberExtension(const QString& orderId, const QString& extensionId,
                                              Callback<core::PhoneNumberExtension> done);

    // --- buying numbers ---
    // The numbers Telnyx sells that match the filter (one answer, not paged).
    net::ApiReply* searchAvailableNumbers(const NumberSearchFilter& filter,
                                          Callback<QList<AvailableNumber>> done);
    // Orders one number found by the search. Telnyx keeps the order's customer_reference, so a lost answer
    // is looked up among the orders with that reference (twice, the provider given a moment between)
    // before the order is sent again: a number is never bought twice. Without a reference a lost answer
    // ends as OutcomeUnknown.
    void orderNumber(const QString& e164, const QString& customerReference, Callback<NumberOrder> done);
    // The orders placed with `customerReference` that include `e164`: the first found, or nullopt.
    void findNumberOrder(const QString& e164, const QString& customerReference, LookupDone<NumberOrder> done);
    // The account's numbers (GET /phone_numbers), as company numbers.
    net::PagedFetch* listPhoneNumbers(PageHandler<core::PhoneNumberRecord> onPage, ListDone done);
    // The account's number `e164`, or nullopt when the account does not have it.
    void findPhoneNumber(const QString& e164, LookupDone<core::PhoneNumberRecord> done);

private:
    QString path(const QString& below) const;
    net::PagedFetch::RequestForPage pageRequests(const QString& path, const QUrlQuery& filters,
                                                 const QString& subject) const;
    static net::PagedFetch::PageReader pageReader();
    net::ApiReply* orderCall(QByteArray method, const QString& below, const QString& orderId,
                             const QByteArray& body, Callback<core::PortingOrder> done);
};

} // namespace trunkline::providers::telnyx
