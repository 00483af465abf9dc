#include "gui/porting/PortingWizard.h"

#include "gui/porting/ExtensionsStep.h"
#include "gui/porting/OrderDetailsPage.h"
#include "gui/porting/PortSummaryPage.h"
#include "gui/porting/RouteNumberPage.h"
#include "store/ProfileRepository.h"

#include <QEvent>
#include <utility>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

PortingWizard::PortingWizard(store::Database& database, qint64 profileId, QWidget* parent)
    : QWizard(parent)
    , m_database(database)
    , m_profileId(profileId)
    , m_routePage(new RouteNumberPage(database, profileId, this))
    , m_detailsPage(new OrderDetailsPage(this))
    , m_extensionsStep(new ExtensionsStep(this))
    , m_summaryPage(new PortSummaryPage(*m_routePage, *m_detailsPage, *m_extensionsStep, this)) {
    setObjectName(u"portingWizard"_s);
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(RoutePage, m_routePage);
    setPage(DetailsPage, m_detailsPage);
    setPage(ExtensionsPage, m_extensionsStep);
    setPage(SummaryPage, m_summaryPage);
    resize(980, 680);
    retranslate();
    // Saved whenever a page is left. Not when the wizard (re)starts on its first page: that would write
    // an empty form over the draft before the caller had the chance to restore it.
    connect(this, &QWizard::currentIdChanged, this, [this] {
        if (std::exchange(m_started, true) && !m_orderCreated)
            draft().save(m_profileId);
    });
    connect(m_summaryPage, &PortSummaryPage::orderCreated, this, [this](const QString& orderId) {
        m_orderCreated = true;
        PortingDraft::discard(m_profileId);
        retranslate();
        emit orderPlaced(orderId);
    });
}

void PortingWizard::setConnectionFactory(connection::ConnectionFactory* factory) {
    m_summaryPage->setConnection(factory, store::ProfileRepository(m_database).find(m_profileId));
}

bool PortingWizard::restoreDraft() {
    const std::optional<PortingDraft> saved = PortingDraft::load(m_profileId);
    if (!saved)
        return false;
    m_routePage->setRouteText(saved->routeText);
    m_detailsPage->setDetails(saved->details);
    m_extensionsStep->setRouteNumber(m_routePage->routeE164());
    m_extensionsStep->setBlock(saved->block);
    m_extensionsStep->setRanges(saved->activationRanges);
    return true;
}

PortingDraft PortingWizard::draft() const {
    return {m_routePage->routeText(), m_detailsPage->details(), m_extensionsStep->block(),
            m_extensionsStep->ranges()};
}

void PortingWizard::done(int result) {
    if (!m_orderCreated)
        draft().save(m_profileId); // finished or cancelled, what was typed is kept
    QWizard::done(result);
}

void PortingWizard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

void PortingWizard::retranslate() {
    setWindowTitle(tr("New port order"));
    setButtonText(QWizard::FinishButton, m_orderCreated ? tr("&Close") : tr("&Keep as draft"));
}

} // namespace trunkline::gui
