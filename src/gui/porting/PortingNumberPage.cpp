#include "gui/porting/PortingNumberPage.h"

#include "gui/porting/RouteNumberPage.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

PortingNumberPage::PortingNumberPage(PortOrderSession& session, const RouteNumberPage& route, QWidget* parent)
    : Retranslating(parent)
    , m_session(session)
    , m_route(route)
    , m_status(this, u"portingNumberStatus"_s, u"retryLookupButton"_s) {
    setObjectName(u"portingNumberPage"_s);
    auto* layout = new QVBoxLayout(this);
    m_status.addTo(layout)->addStretch();
    layout->addStretch();
    connect(m_status.retryButton(), &QPushButton::clicked, this,
            [this] { m_session.findRouteNumber(m_route.routeE164()); });
    connect(&m_session, &PortOrderSession::changed, this, &PortingNumberPage::update);
    retranslate();
}

void PortingNumberPage::initializePage() {
    m_session.findRouteNumber(m_route.routeE164());
    update();
}

bool PortingNumberPage::isComplete() const {
    return !m_session.connected() || !m_session.portingPhoneNumberId().isEmpty();
}

void PortingNumberPage::retranslate() {
    setTitle(tr("Porting phone number"));
    setSubTitle(tr("The route number as the order holds it. The extension block is attached to it; the "
                   "extended numbers are never listed on the order themselves."));
    m_status.retryButton()->setText(tr("&Look up again"));
    update();
}

void PortingNumberPage::update() {
    const QString found = m_session.portingPhoneNumberId();
    m_status.show(m_session, PortOrderSession::Step::RouteNumber, !found.isEmpty(),
                  {tr("There is no connection to a provider here: the porting phone number is looked up "
                      "once a draft order exists at the provider."),
                   tr("Looking up %1 on order %2…").arg(m_route.routeE164(), m_session.orderId()),
                   tr("%1 is porting phone number %2 on order %3. The extensions of the next step are "
                      "attached to it.")
                       .arg(m_route.routeE164(), found, m_session.orderId()),
                   tr("The route number was not found on order %1.").arg(m_session.orderId())});
    emit completeChanged();
}

} // namespace trunkline::gui
