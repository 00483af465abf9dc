#pragma once

#include "gui/GuiForward.h"
#include "gui/Retranslate.h"
#include "gui/porting/SessionStepStatus.h"

#include <QWizardPage>

namespace trunkline::gui {

class RouteNumberPage;

// The third step: the route number's porting phone number on the draft order, which the extension block
// is attached to (extended numbers never appear among an order's porting phone numbers themselves). It
// is looked up when the page opens; the page is complete once it is found, or at once when nothing is
// sent (no connection).
class PortingNumberPage : public Retranslating<QWizardPage> {
    Q_OBJECT

public:
    PortingNumberPage(PortOrderSession& session, const RouteNumberPage& route, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    void retranslate() override;
    void update();

    PortOrderSession& m_session;
    const RouteNumberPage& m_route;
    SessionStepStatus m_status;
};

} // namespace trunkline::gui
