#pragma once

#include "core/PortingOrder.h"
#include "gui/GuiForward.h"
#include "net/ApiError.h"
#include "store/Profile.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace trunkline::providers {
class PortOrderPlacement;
struct PortOrderRequest;
} // namespace trunkline::providers

namespace trunkline::gui {

// The porting wizard's line to the provider for one order. It opens the profile's connection once, runs
// each step of the provider's PortOrderPlacement for the page that shows it (the draft with the route
// number only, the route number's porting phone number, then documents, details, extension block and
// submission) and keeps what the provider has made so far, so that a page shows it and the wizard saves
// it with the local draft. Without a connection factory or profile nothing is sent: the wizard then only
// checks and keeps drafts (connected() is false).
class PortOrderSession : public QObject {
    Q_OBJECT

public:
    enum class Step { Draft, RouteNumber, Submission };

    explicit PortOrderSession(QObject* parent = nullptr);
    ~PortOrderSession() override;

    void setConnection(connection::ConnectionFactory* factory, std::optional<store::Profile> profile);
    bool connected() const { return m_factory && m_profile; }
    QString profileName() const { return m_profile ? m_profile->name : QString(); }

    // What the provider holds so far; empty before the step that makes it.
    QString orderId() const { return m_order.id; }
    core::PortingOrderStatus orderStatus() const { return m_order.status; }
    QString portingPhoneNumberId() const { return m_portingPhoneNumberId; }
    bool submitted() const { return m_submitted; }
    // A draft the provider made earlier (the wizard's saved draft).
    void restore(const QString& orderId, const QString& portingPhoneNumberId);

    bool busy() const { return m_busy.has_value(); }
    bool busyWith(Step step) const { return m_busy == step; }
    // A provider's error as the admin reads it: the field it concerns by its name in the wizard, then why.
    static QString errorText(const net::ApiError& error);
    // The error of the step's last attempt, if it failed.
    std::optional<net::ApiError> errorOf(Step step) const;

    // Each runs one step when connected and not busy, and reports with stepFinished().
    void createDraft(const QString& routeE164);
    void findRouteNumber(const QString& routeE164);
    // Documents and details, the extension block, then the submission.
    void submit(const providers::PortOrderRequest& request);
    // The LOA template of the draft; done() with the PDF or the error.
    void fetchLoaTemplate(std::function<void(const std::optional<QByteArray>&, const QString& error)> done);

signals:
    // Anything shown changed: busy, the order, the number, an error.
    void changed();
    void stepFinished(trunkline::gui::PortOrderSession::Step step);
    // The provider's orders changed (a draft created, an order submitted): the next sync brings it in.
    void orderChanged(const QString& orderId);

private:
    // Calls `work` with the placement once the connection is open, or with nullptr and the reason.
    using PlacementWork = std::function<void(providers::PortOrderPlacement* placement, const QString& error)>;
    void withPlacement(PlacementWork work);
    // The connection the factory opened (or why not): the waiting work runs now.
    void opened(std::optional<connection::Connection> connection, const QString& error);
    // Runs one step: busy until it calls finish(); a failure to connect finishes it with the reason.
    void run(Step step, std::function<void(providers::PortOrderPlacement&)> work);
    void finish(Step step, const std::optional<net::ApiError>& error);
    net::ApiError localError(const QString& detail) const;

    connection::ConnectionFactory* m_factory = nullptr;
    std::optional<store::Profile> m_profile;
    std::unique_ptr<connection::Connection> m_connection;
    std::unique_ptr<providers::PortOrderPlacement> m_placement;
    QList<PlacementWork> m_waiting; // while the connection opens
    core::PortingOrder m_order;
    QString m_portingPhoneNumberId;
    bool m_submitted = false;
    std::optional<Step> m_busy;
    QHash<int, net::ApiError> m_errors; // by Step
};

} // namespace trunkline::gui
