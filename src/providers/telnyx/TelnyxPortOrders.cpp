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
    if (!request.customerReference.isEmpty())
        patch.insert(u"customer_reference"_s, request.customerReference);
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

    void createDraft(const QString& routeE164, Callback<core::PortingOrder> done) override {
        m_client.createPortingOrder({routeE164}, QString(),
                                    [done](const Outcome<QList<core::PortingOrder>>& created) {
                                        if (!created.ok() || created.value->isEmpty())
                                            done({std::nullopt, created.error});
                                        else
                                            done({created.value->first(), std::nullopt});
                                    });
    }

    void loaTemplate(const QString& orderId, Callback<QByteArray> done) override {
        m_client.loaTemplate(orderId, std::move(done));
    }

    void findRouteNumber(const QString& orderId, const QString& routeE164, Callback<QString> done) override {
        auto found = std::make_shared<QString>();
        m_client.listPortingPhoneNumbers(
            orderId,
            [found, routeE164](int, const QList<core::PortingPhoneNumber>& page) {
                for (const core::PortingPhoneNumber& number : page) {
                    if (number.phoneNumber == routeE164)
                        *found = number.id;
                }
            },
            [this, found, done](const ListOutcome& listed) {
                if (listed.complete && !found->isEmpty()) {
                    done({*found, std::nullopt});
                    return;
                }
                done({std::nullopt,
                      listed.error
                          ? *listed.error
                          : protocolError(QCoreApplication::translate(
                                "TelnyxPortOrders",
                                "The route number is not among the order's porting phone numbers."))});
            });
    }

    // The documents go first: a file the provider refuses leaves the order as it was.
    void fillIn(const QString& orderId, const PortOrderRequest& request,
                Callback<core::PortingOrder> done) override {
        upload(
            request.loa,
            [this, orderId, request, done](const QString& loaId) {
                upload(
                    request.invoice,
                    [this, orderId, request, done, loaId](const QString& invoiceId) {
                        m_client.patchPortingOrder(orderId, detailsPatch(request, loaId, invoiceId), done);
                    },
                    done);
            },
            done);
    }

    void setExtension(const QString& orderId, const QString& portingPhoneNumberId,
                      const core::NumberRange& block, const QList<core::NumberRange>& activationRanges,
                      Callback<QString> done) override {
        auto attached = std::make_shared<QList<core::PhoneNumberExtension>>();
        m_client.listPhoneNumberExtensions(
            orderId,
            [attached, portingPhoneNumberId](int, const QList<core::PhoneNumberExtension>& page) {
                for (const core::PhoneNumberExtension& extension : page) {
                    if (extension.portingPhoneNumberId == portingPhoneNumberId)
                        attached->append(extension);
                }
            },
            [=, this](const ListOutcome& listed) {
                if (!listed.complete) {
                    done({std::nullopt, listed.error ? *listed.error : protocolError(QString())});
                    return;
                }
                if (attached->size() == 1 && attached->first().extensionRange == block &&
                    attached->first().activationRanges == activationRanges) {
                    done({attached->first().id, std::nullopt});
                    return;
                }
                core::PhoneNumberExtension wanted;
                wanted.portingPhoneNumberId = portingPhoneNumberId;
                wanted.extensionRange = block;
                wanted.activationRanges = activationRanges;
                replaceExtensions(orderId, *attached, wanted, done);
            });
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
    net::ApiError protocolError(const QString& detail) const {
        net::ApiError error;
        error.kind = net::ApiError::Kind::Protocol;
        error.provider = m_client.api()->providerName();
        error.detail = detail;
        return error;
    }

    // next(id) once the document is uploaded, next("") for one left empty; done() with the error else.
    void upload(const core::OrderDocument& document, std::function<void(const QString&)> next,
                const Callback<core::PortingOrder>& done) {
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

    // Removes the blocks in `stale` one by one, then attaches `wanted`.
    void replaceExtensions(const QString& orderId, QList<core::PhoneNumberExtension> stale,
                           const core::PhoneNumberExtension& wanted, const Callback<QString>& done) {
        if (stale.isEmpty()) {
            m_client.createPhoneNumberExtension(orderId, wanted,
                                                [done](const Outcome<core::PhoneNumberExtension>& created) {
                                                    if (created.ok())
                                                        done({created.value->id, std::nullopt});
                                                    else
                                                        done({std::nullopt, created.error});
                                                });
            return;
        }
        const core::PhoneNumberExtension first = stale.takeFirst();
        deleteExtension(orderId, first.id, [=, this](const std::optional<net::ApiError>& error) {
            if (error)
                done({std::nullopt, error});
            else
                replaceExtensions(orderId, stale, wanted, done);
        });
    }

    TelnyxClient m_client;
};

} // namespace

std::unique_ptr<PortOrderPlacement> makePortOrderPlacement(net::ApiClient* api) {
    return std::make_unique<Placement>(api);
}

} // namespace trunkline::providers::telnyx
