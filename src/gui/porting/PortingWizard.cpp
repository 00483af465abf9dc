#include "gui/porting/PortingWizard.h"

#include "gui/porting/DraftOrderPanel.h"
#include "gui/porting/ExtensionsStep.h"
#include "gui/porting/OrderDetailsPage.h"
#include "gui/porting/PortOrderSession.h"
#include "gui/porting/PortSummaryPage.h"
#include "gui/porting/PortingNumberPage.h"
#include "gui/porting/RouteNumberPage.h"
#include "store/ProfileRepository.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

PortingWizard::PortingWizard(store::Database& database, qint64 profileId, QWidget* parent)
    : Retranslating(parent)
    , m_database(database)
    , m_profileId(profileId)
    , m_session(new PortOrderSession(this))
    , m_routePage(new RouteNumberPage(database, profileId, this))
    , m_detailsPage(new OrderDetailsPage(this))
    , m_numberPage(new PortingNumberPage(*m_session, *m_routePage, this))
    , m_extensionsStep(new ExtensionsStep(this))
    , m_summaryPage(new PortSummaryPage(*m_session, *m_routePage, *m_detailsPage, *m_extensionsStep, this)) {
    setObjectName(u"portingWizard"_s);
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    m_draftPanel = new DraftOrderPanel(*m_session, *m_routePage, m_detailsPage);
    m_detailsPage->setOrderPanel(m_draftPanel);
    setPage(RoutePage, m_routePage);
    setPage(DetailsPage, m_detailsPage);
    setPage(NumberLookupPage, m_numberPage);
    setPage(ExtensionsPage, m_extensionsStep);
    setPage(SummaryPage, m_summaryPage);
    resize(980, 720);
    retranslate();
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        // Saved whenever a page is left. Not when the wizard (re)starts on its first page: that would
        // write an empty form over the draft before the caller had the chance to restore it.
        if (std::exchange(m_started, true) && !m_session->submitted())
            draft().save(m_profileId);
        // The order step creates the draft order with the route number only (once).
        if (id == DetailsPage)
            m_session->createDraft(m_routePage->routeE164());
    });
    // While the draft is being created the number it is created with must stay as it is.
    connect(m_session, &PortOrderSession::changed, this,
            [this] { m_routePage->setCreatingDraft(m_session->busyWith(PortOrderSession::Step::Draft)); });
    connect(m_session, &PortOrderSession::orderChanged, this, [this](const QString& orderId) {
        if (m_session->submitted()) {
            PortingDraft::discard(m_profileId); // the order is the provider's now
            retranslate();
        } else {
            // The provider holds a draft for this number: the number is fixed, and the local draft
            // remembers the order so that continuing later does not create a second one.
            m_routePage->setLockedBy(orderId);
            draft().save(m_profileId);
        }
        emit orderPlaced(orderId);
    });
}

void PortingWizard::setConnectionFactory(connection::ConnectionFactory* factory) {
    m_session->setConnection(factory, store::ProfileRepository(m_database).find(m_profileId));
}

bool PortingWizard::restoreDraft() {
    const std::optional<PortingDraft> saved = PortingDraft::load(m_profileId);
    if (!saved)
        return false;
    m_routePage->setRouteText(saved->routeText);
    m_routePage->setLockedBy(saved->orderId);
    m_session->restore(saved->orderId, saved->portingPhoneNumberId);
    m_detailsPage->setDetails(saved->details);
    m_extensionsStep->setRouteNumber(m_routePage->routeE164());
    m_extensionsStep->setBlock(saved->block);
    m_extensionsStep->setRanges(saved->activationRanges);
    return true;
}

PortingDraft PortingWizard::draft() const {
    return {m_routePage->routeText(),   m_detailsPage->details(), m_extensionsStep->block(),
            m_extensionsStep->ranges(), m_session->orderId(),     m_session->portingPhoneNumberId()};
}

void PortingWizard::done(int result) {
    if (!m_session->submitted())
        draft().save(m_profileId); // finished or cancelled, what was typed is kept
    QWizard::done(result);
}

void PortingWizard::retranslate() {
    setWindowTitle(tr("New port order"));
    setButtonText(QWizard::FinishButton, m_session->submitted() ? tr("&Close") : tr("&Keep as draft"));
}

} // namespace trunkline::gui
