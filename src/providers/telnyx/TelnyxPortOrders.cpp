#include "providers/telnyx/TelnyxPortOrders.h"

#include "providers/telnyx/TelnyxClient.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace trunkline::providers::telnyx {

namespace {

// UpdatePortingOrder with what the order needs before it is submitted (§2), naming the uploaded documents.
QJsonObject detailsPatch(const PortOrderRequest& request, const QString& loaId, const QString& invoiceId) {
    const QJsonObject admin{{u"entity_name"_s, request.entityName},
                            {u"auth_person_name"_s, request.authPersonName}};
    const QJsonObject location{{u"street_address"_s, request.streetAddress},
                               {u"postal_code"_s, request.postalCode},
                               {u"locality"_s, request.locality},
                               {u"country_code"_s, u"DE"_s}};
    // The day is what the admin chooses; the time of day is not asked, so the morning (UTC) is sent.
    const QDateTime foc(request.requestedDate, QTime(9, 0), QTimeZone::utc());
    QJsonObject patch{{u"end_user"_s, QJsonObject{{u"admin"_s, admin}, {u"location"_s, location}}},
                      {u"activation_settings"_s,
                       QJsonObject{{u"foc_datetime_requested"_s, foc.toString(Qt::ISODateWithMs)}}}};
    QJsonObject documents;
    if (!loaId.isEmpty())
        documents.insert(u"loa"_s, loaId);
    if (!invoiceId.isEmpty())
        documents.insert(u"invoice"_s, invoiceId);
    if (!documents.isEmpty())
        patch.insert(u"documents"_s, documents);
    return patch;
}

class Placement final : public PortOrderPlacement {
public:
    explicit Placement(net::ApiClient* api)
        : m_client(api) {}

    // The documents go first: a file the provider refuses leaves no draft behind.
    void createDraft(const PortOrderRequest& request,
                     std::function<void(const Outcome<core::PortingOrder>&)> done) override {
        upload(
            request.loa,
            [this, request, done](const QString& loaId) {
                upload(
                    request.invoice,
                    [this, request, done, loaId](const QString& invoiceId) {
                        createOrder(request, loaId, invoiceId, done);
                    },
                    done);
            },
            done);
    }

    void submit(const QString& orderId, Callback<core::PortingOrder> done) override {
        m_client.confirmPortingOrder(orderId, std::move(done));
    }

    void cancel(const QString& orderId, Callback<core::PortingOrder> done) override {
        m_client.cancelPortingOrder(orderId, std::move(done));
    }

    void deleteDraft(const QString& orderId, Completion done) override {
        m_client.deletePortingOrder(orderId, std::move(done));
    }

    void deleteExtension(const QString& orderId, const QString& extensionId, Completion done) override {
        m_client.deletePhoneNumberExtension(
            orderId, extensionId,
            [done](const Outcome<core::PhoneNumberExtension>& deleted) { done(deleted.error); });
    }

private:
    using Done = std::function<void(const Outcome<core::PortingOrder>&)>;

    // next(id) once the document is uploaded, next("") for one left empty; done() with the error else.
    void upload(const core::OrderDocument& document, std::function<void(const QString&)> next,
                const Done& done) {
        if (document.content.isEmpty()) {
            next(QString());
            return;
        }
        m_client.uploadDocument(document, [next, done](const Outcome<QString>& uploaded) {
            if (uploaded.ok())
                next(*uploaded.value);
            else
                done({std::nullopt, uploaded.error});
        });
    }

    void createOrder(const PortOrderRequest& request, const QString& loaId, const QString& invoiceId,
                     const Done& done) {
        m_client.createPortingOrder(
            {request.routeE164}, request.customerReference,
            [this, request, loaId, invoiceId, done](const Outcome<QList<core::PortingOrder>>& created) {
                if (!created.ok() || created.value->isEmpty()) {
                    done({std::nullopt, created.error});
                    return;
                }
                const core::PortingOrder order = created.value->first();
                m_client.patchPortingOrder(
                    order.id, detailsPatch(request, loaId, invoiceId),
                    [this, request, order, done](const Outcome<core::PortingOrder>& patched) {
                        if (!patched.ok())
                            done({order, patched.error});
                        else
                            attachExtension(request, *patched.value, done);
                    });
            });
    }

    // Extended numbers hang off the route number's porting phone number, found on the order (§4.1 step 2).
    void attachExtension(const PortOrderRequest& request, const core::PortingOrder& order,
                         const std::function<void(const Outcome<core::PortingOrder>&)>& done) {
        auto found = std::make_shared<QString>();
        m_client.listPortingPhoneNumbers(
            order.id,
            [found, route = request.routeE164](int, const QList<core::PortingPhoneNumber>& page) {
                for (const core::PortingPhoneNumber& number : page) {
                    if (number.phoneNumber == route)
                        *found = number.id;
                }
            },
            [this, request, order, found, done](const ListOutcome& listed) {
                if (!listed.complete || found->isEmpty()) {
                    net::ApiError error = listed.error.value_or(net::ApiError{});
                    if (!listed.error) {
                        error.kind = net::ApiError::Kind::Protocol;
                        error.provider = m_client.api()->providerName();
                        error.detail = QCoreApplication::translate(
                            "TelnyxPortOrders",
                            "The route number is not among the order's porting phone numbers.");
                    }
                    done({order, error});
                    return;
                }
                core::PhoneNumberExtension extension;
                extension.portingPhoneNumberId = *found;
                extension.extensionRange = request.extensionRange;
                extension.activationRanges = request.activationRanges;
                m_client.createPhoneNumberExtension(
                    order.id, extension, [order, done](const Outcome<core::PhoneNumberExtension>& attached) {
                        done({order, attached.error});
                    });
            });
    }

    TelnyxClient m_client;
};

} // namespace

std::unique_ptr<PortOrderPlacement> makePortOrderPlacement(net::ApiClient* api) {
    return std::make_unique<Placement>(api);
}

} // namespace trunkline::providers::telnyx
