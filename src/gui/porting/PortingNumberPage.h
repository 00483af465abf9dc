#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace trunkline::gui {

class PortOrderSession;
class RouteNumberPage;

// The third step: the route number's porting phone number on the draft order, which the extension block
// is attached to (extended numbers never appear among an order's porting phone numbers themselves). It
// is looked up when the page opens; the page is complete once it is found, or at once when nothing is
// sent (no connection).
class PortingNumberPage : public QWizardPage {
    Q_OBJECT

public:
    PortingNumberPage(PortOrderSession& session, const RouteNumberPage& route, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void update();

    PortOrderSession& m_session;
    const RouteNumberPage& m_route;
    QLabel* m_status = nullptr;
    QPushButton* m_retry = nullptr;
};

} // namespace trunkline::gui
