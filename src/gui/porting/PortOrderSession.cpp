#include "gui/porting/PortOrderSession.h"

#include "connection/ConnectionFactory.h"
#include "providers/ProviderCapabilities.h"

#include <QCoreApplication>
#include <QPointer>
#include <utility>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

// What the admin calls the field a provider's error names (its JSON pointer); the pointer itself when
// it is none of the wizard's.
QString fieldName(const QString& pointer) {
    const QList<std::pair<QString, const char*>> names = {
        {u"/phone_numbers"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortOrderSession", "Route number")},
        {u"/porting_phone_number_id"_s,
         QT_TRANSLATE_NOOP("trunkline::gui::PortOrderSession", "Route number")},
        {u"/end_user/admin/entity_name"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortOrderSession", "End user")},
        {u"/end_user/admin/auth_person_name"_s,
         QT_TRANSLATE_NOOP("trunkline::gui::PortOrderSession", "Authorised person")},
        {u"/end_user/location"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortOrderSession", "Service address")},
        {u"/activation_settings"_s,
         QT_TRANSLATE_NOOP("trunkline::gui::PortOrderSession", "Requested porting date")},
        {u"/extension_range"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortOrderSession", "Extension block")},
        {u"/activation_ranges"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortOrderSession", "Active ranges")},
        {u"/documents"_s,
         QT_TRANSLATE_NOOP("trunkline::gui::PortOrderSession", "Documents (LOA and invoice)")},
        // An upload the provider refused (POST /documents names the file's members).
        {u"/file"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortOrderSession", "Documents (LOA and invoice)")}};
    for (const auto& [prefix, name] : names) {
        if (pointer.startsWith(prefix))
            return QCoreApplication::translate("trunkline::gui::PortOrderSession", name);
    }
    return pointer;
}

} // namespace

PortOrderSession::PortOrderSession(QObject* parent)
    : QObject(parent) {
}

PortOrderSession::~PortOrderSession() = default;

void PortOrderSession::setConnection(connection::ConnectionFactory* factory,
                                     std::optional<store::Profile> profile) {
    m_factory = factory;
    m_profile = std::move(profile);
    // Whatever ran on the old connection ends with it: its answers die with the placement.
    m_placement.reset();
    m_connection.reset();
    m_waiting.clear();
    m_busy.reset();
    emit changed();
}

void PortOrderSession::restore(const QString& orderId, const QString& portingPhoneNumberId) {
    m_order = core::PortingOrder();
    m_order.id = orderId;
    m_portingPhoneNumberId = orderId.isEmpty() ? QString() : portingPhoneNumberId;
    emit changed();
}

QString PortOrderSession::errorText(const net::ApiError& error) {
    return error.field.isEmpty() ? error.message()
                                 : tr("%1: %2").arg(fieldName(error.field), error.message());
}

std::optional<net::ApiError> PortOrderSession::errorOf(Step step) const {
    if (const auto found = m_errors.constFind(int(step)); found != m_errors.cend())
        return *found;
    return std::nullopt;
}

net::ApiError PortOrderSession::localError(const QString& detail) const {
    net::ApiError error;
    error.kind = net::ApiError::Kind::Protocol;
    error.provider = profileName();
    error.detail = detail;
    return error;
}

void PortOrderSession::withPlacement(PlacementWork work) {
    if (m_placement) {
        work(m_placement.get(), QString());
        return;
    }
    // One connection for the session: work that comes while it opens waits for it.
    m_waiting.append(std::move(work));
    if (m_waiting.size() > 1)
        return;
    // The keychain may take its time (an unlock prompt): the wizard can be closed before the answer.
    m_factory->open(*m_profile, [self = QPointer<PortOrderSession>(this)](
                                    std::optional<connection::Connection> connection, const QString& error) {
        if (self)
            self->opened(std::move(connection), error);
    });
}

void PortOrderSession::opened(std::optional<connection::Connection> connection, const QString& error) {
    QString reason;
    if (!connection || !connection->provider || !connection->provider->adapter) {
        reason = error.isEmpty() ? tr("The profile cannot be connected.") : error;
    } else {
        m_connection = std::make_unique<connection::Connection>(std::move(*connection));
        m_placement = m_connection->provider->adapter->portOrders(m_connection->client.get());
        if (!m_placement)
            reason = tr("%1 takes no port orders.").arg(m_connection->provider->displayName);
    }
    for (const PlacementWork& waiting : std::exchange(m_waiting, {}))
        waiting(m_placement.get(), reason);
}

void PortOrderSession::run(Step step, std::function<void(providers::PortOrderPlacement&)> work) {
    m_busy = step;
    m_errors.remove(int(step));
    emit changed();
    withPlacement([this, step, work](providers::PortOrderPlacement* placement, const QString& error) {
        if (placement)
            work(*placement);
        else
            finish(step, localError(error));
    });
}

void PortOrderSession::finish(Step step, const std::optional<net::ApiError>& error) {
    m_busy.reset();
    if (error)
        m_errors.insert(int(step), *error);
    emit changed();
    emit stepFinished(step);
}

void PortOrderSession::createDraft(const QString& routeE164) {
    if (!connected() || busy() || !m_order.id.isEmpty() || routeE164.isEmpty())
        return;
    run(Step::Draft, [this, routeE164](providers::PortOrderPlacement& placement) {
        placement.createDraft(routeE164, [this](const providers::Outcome<core::PortingOrder>& created) {
            if (created.ok())
                m_order = *created.value;
            finish(Step::Draft, created.error);
            if (created.ok())
                emit orderChanged(m_order.id);
        });
    });
}

void PortOrderSession::findRouteNumber(const QString& routeE164) {
    if (!connected() || busy() || m_order.id.isEmpty() || !m_portingPhoneNumberId.isEmpty())
        return;
    run(Step::RouteNumber, [this, routeE164](providers::PortOrderPlacement& placement) {
        placement.findRouteNumber(m_order.id, routeE164, [this](const providers::Outcome<QString>& found) {
            if (found.ok())
                m_portingPhoneNumberId = *found.value;
            finish(Step::RouteNumber, found.error);
        });
    });
}

void PortOrderSession::submit(const providers::PortOrderRequest& request) {
    if (!connected() || busy() || m_order.id.isEmpty() || m_portingPhoneNumberId.isEmpty() || m_submitted)
        return;
    run(Step::Submission, [this, request](providers::PortOrderPlacement& placement) {
        const QString orderId = m_order.id;
        placement.fillIn(
            orderId, request,
            [this, &placement, orderId, request](const providers::Outcome<core::PortingOrder>& filled) {
                if (!filled.ok()) {
                    finish(Step::Submission, filled.error);
                    return;
                }
                m_order = *filled.value;
                placement.setExtension(
                    orderId, m_portingPhoneNumberId, request.extensionRange, request.activationRanges,
                    [this, &placement, orderId](const providers::Outcome<QString>& attached) {
                        if (!attached.ok()) {
                            finish(Step::Submission, attached.error);
                            return;
                        }
                        placement.submit(orderId,
                                         [this](const providers::Outcome<core::PortingOrder>& submitted) {
                                             m_submitted = submitted.ok();
                                             if (submitted.ok())
                                                 m_order = *submitted.value;
                                             finish(Step::Submission, submitted.error);
                                             if (submitted.ok())
                                                 emit orderChanged(m_order.id);
                                         });
                    });
            });
    });
}

void PortOrderSession::fetchLoaTemplate(
    std::function<void(const std::optional<QByteArray>&, const QString& error)> done) {
    if (!connected() || m_order.id.isEmpty())
        return;
    withPlacement(
        [orderId = m_order.id, done](providers::PortOrderPlacement* placement, const QString& error) {
            if (!placement) {
                done(std::nullopt, error);
                return;
            }
            placement->loaTemplate(orderId, [done](const providers::Outcome<QByteArray>& pdf) {
                done(pdf.value, pdf.error ? pdf.error->message() : QString());
            });
        });
}

} // namespace trunkline::gui
