#include "gui/porting/PortingNumberPage.h"

#include "gui/extensions/FormMessages.h"
#include "gui/porting/PortOrderSession.h"
#include "gui/porting/RouteNumberPage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

PortingNumberPage::PortingNumberPage(PortOrderSession& session, const RouteNumberPage& route, QWidget* parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_route(route) {
    setObjectName(u"portingNumberPage"_s);
    m_status = new QLabel(this);
    m_status->setObjectName(u"portingNumberStatus"_s);
    m_status->setWordWrap(true);
    m_status->setMargin(6);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(this);
    m_retry->setObjectName(u"retryLookupButton"_s);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(m_retry, &QPushButton::clicked, this, [this] { m_session.findRouteNumber(m_route.routeE164()); });
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

void PortingNumberPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void PortingNumberPage::retranslate() {
    setTitle(tr("Porting phone number"));
    setSubTitle(tr("The route number as the order holds it. The extension block is attached to it; the "
                   "extended numbers are never listed on the order themselves."));
    m_retry->setText(tr("&Look up again"));
    update();
}

void PortingNumberPage::update() {
    const std::optional<net::ApiError> error = m_session.errorOf(PortOrderSession::Step::RouteNumber);
    const QString found = m_session.portingPhoneNumberId();
    QString text;
    if (!m_session.connected())
        text = tr("There is no connection to a provider here: the porting phone number is looked up once a "
                  "draft order exists at the provider.");
    else if (m_session.busyWith(PortOrderSession::Step::RouteNumber))
        text = tr("Looking up %1 on order %2…").arg(m_route.routeE164(), m_session.orderId());
    else if (!found.isEmpty())
        text = tr("%1 is porting phone number %2 on order %3. The extensions of the next step are attached "
                  "to it.")
                   .arg(m_route.routeE164(), found, m_session.orderId());
    else if (error)
        text = tr("The route number was not found on order %1.").arg(m_session.orderId()) + u'\n' +
               PortOrderSession::errorText(*error);
    form::makeBanner(m_status, error && found.isEmpty() ? form::Banner::Warning : form::Banner::Info);
    form::showBanner(m_status, text);
    m_retry->setVisible(m_session.connected() && found.isEmpty() && error && !m_session.busy());
    emit completeChanged();
}

} // namespace trunkline::gui
