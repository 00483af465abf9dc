#pragma once

#include "gui/GuiForward.h"
#include "store/Profile.h"

#include <QWizardPage>
#include <memory>
#include <optional>

class QPushButton;
class QPlainTextEdit;

namespace trunkline::net {
struct ApiError;
}
namespace trunkline::providers {
class PortOrderPlacement;
struct PortOrderRequest;
} // namespace trunkline::providers

namespace trunkline::gui {

class ExtensionsStep;
class OrderDetailsPage;
class RouteNumberPage;

// The last page: everything the order will carry, checked once more as a whole (the earlier pages may
// have been changed after going back). With a connection to the profile's provider it places the order
// through the provider's PortOrderPlacement (the gui never builds a provider client): "Create draft
// order" creates it with the route number only, fills in the details and attaches the extension block;
// "Submit order" then confirms it. A refusal is shown with the field it concerns; nothing typed is lost.
class PortSummaryPage : public QWizardPage {
    Q_OBJECT

public:
    PortSummaryPage(const RouteNumberPage& route, const OrderDetailsPage& details,
                    const ExtensionsStep& extensions, QWidget* parent = nullptr);
    ~PortSummaryPage() override;

    QString summaryText() const;
    // Without a factory (or a profile) the page only checks; the order is not sent.
    void setConnection(connection::ConnectionFactory* factory, std::optional<store::Profile> profile);
    QString createdOrderId() const { return m_orderId; }

    void createOrder();
    void submitOrder();

    void initializePage() override;
    bool isComplete() const override;

signals:
    // The draft exists at the provider now (the next sync brings it into the store).
    void orderCreated(const QString& orderId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateButtons();
    void showResult(const QString& text, const std::optional<net::ApiError>& error);
    // What is sent, with the documents read from their files; nullopt with `error` when one cannot be.
    std::optional<providers::PortOrderRequest> request(QString* error) const;

    const RouteNumberPage& m_route;
    const OrderDetailsPage& m_details;
    const ExtensionsStep& m_extensions;
    QPlainTextEdit* m_summary = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_create = nullptr;
    QPushButton* m_submit = nullptr;
    QLabel* m_result = nullptr;
    connection::ConnectionFactory* m_factory = nullptr;
    std::optional<store::Profile> m_profile;
    std::unique_ptr<connection::Connection> m_connection;
    std::unique_ptr<providers::PortOrderPlacement> m_placement;
    QString m_orderId;
    bool m_busy = false;
    bool m_submitted = false;
};

} // namespace trunkline::gui
