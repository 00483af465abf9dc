#pragma once

#include "gui/GuiForward.h"

#include <QWizardPage>
#include <functional>
#include <optional>

class QPlainTextEdit;
class QProgressBar;

namespace trunkline::providers {
struct PortOrderRequest;
}

namespace trunkline::gui {

class ExtensionsStep;
class OrderDetailsPage;
class PortOrderSession;
class RouteNumberPage;

// The last page: everything the order will carry, checked once more as a whole (the earlier pages may
// have been changed after going back). Connected, "Submit order…" asks for confirmation, then sends the
// documents and details to the draft order, attaches the extension block to the route number and submits
// the order (PortOrderSession). A refusal is shown with the field it concerns; nothing typed is lost, and
// a second try after fixing it reuses the draft.
class PortSummaryPage : public QWizardPage {
    Q_OBJECT

public:
    PortSummaryPage(PortOrderSession& session, const RouteNumberPage& route, const OrderDetailsPage& details,
                    const ExtensionsStep& extensions, QWidget* parent = nullptr);
    ~PortSummaryPage() override;

    QString summaryText() const;
    void submitOrder();
    // Asks before anything is sent; the default is a message box, tests answer without one.
    using ConfirmPrompt = std::function<bool(const QString& question)>;
    void setConfirmPrompt(ConfirmPrompt prompt) { m_confirm = std::move(prompt); }

    void initializePage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void update();
    // What is sent, with the documents read from their files; nullopt with `error` when one cannot be.
    std::optional<providers::PortOrderRequest> request(QString* error) const;

    PortOrderSession& m_session;
    const RouteNumberPage& m_route;
    const OrderDetailsPage& m_details;
    const ExtensionsStep& m_extensions;
    QPlainTextEdit* m_summary = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_submit = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;
    QString m_localProblem; // a document that could not be read when submitting
    ConfirmPrompt m_confirm;
};

} // namespace trunkline::gui
