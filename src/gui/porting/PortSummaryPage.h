#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;

namespace trunkline::gui {

class ExtensionsStep;
class OrderDetailsPage;
class RouteNumberPage;

// The last page: everything the order will carry, checked once more as a whole (the earlier pages may
// have been changed after going back). Sending the order from the wizard is not built yet; the page
// says so, and finishing keeps the order as a draft on this computer.
class PortSummaryPage : public QWizardPage {
    Q_OBJECT

public:
    PortSummaryPage(const RouteNumberPage& route, const OrderDetailsPage& details,
                    const ExtensionsStep& extensions, QWidget* parent = nullptr);

    QString summaryText() const;

    void initializePage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    const RouteNumberPage& m_route;
    const OrderDetailsPage& m_details;
    const ExtensionsStep& m_extensions;
    QPlainTextEdit* m_summary = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace trunkline::gui
