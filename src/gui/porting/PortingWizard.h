#pragma once

#include "gui/GuiForward.h"
#include "gui/Retranslate.h"
#include "gui/porting/PortingDraft.h"

#include <QWizard>

namespace trunkline::gui {

class DraftOrderPanel;
class ExtensionsStep;
class OrderDetailsPage;
class PortOrderSession;
class PortSummaryPage;
class PortingNumberPage;
class RouteNumberPage;

// Porting a German number with its extended numbers, page by page as the provider's workflow goes: the
// route number; the order (the draft is created at the provider with the route number only, and the
// details and documents are collected); the route number's porting phone number on it; the extensions
// (ExtensionsStep); review and submit. Next stays disabled while a page breaks a rule or waits for the
// provider. What is typed, and the draft order made so far, is kept as the profile's PortingDraft
// whenever a page is left and when the wizard closes, so it can be continued after closing the wizard or
// the app; once the order is submitted the local draft is dropped.
class PortingWizard : public Retranslating<QWizard> {
    Q_OBJECT

public:
    enum PageId { RoutePage, DetailsPage, NumberLookupPage, ExtensionsPage, SummaryPage };

    PortingWizard(store::Database& database, qint64 profileId, QWidget* parent = nullptr);

    // Lets the wizard place the order with the profile's provider; without it the wizard only checks and
    // keeps drafts.
    void setConnectionFactory(connection::ConnectionFactory* factory);

    // Fills the pages from the profile's saved draft; false when there is none.
    bool restoreDraft();
    PortingDraft draft() const;

    RouteNumberPage* routePage() const { return m_routePage; }
    OrderDetailsPage* detailsPage() const { return m_detailsPage; }
    ExtensionsStep* extensionsStep() const { return m_extensionsStep; }
    PortSummaryPage* summaryPage() const { return m_summaryPage; }
    DraftOrderPanel* draftPanel() const { return m_draftPanel; }
    PortOrderSession* session() const { return m_session; }

    void done(int result) override;

signals:
    // A draft order was created or an order submitted at the provider (a sync brings it into the store).
    void orderPlaced(const QString& orderId);

private:
    void retranslate() override;

    store::Database& m_database;
    qint64 m_profileId;
    bool m_started = false;
    PortOrderSession* m_session = nullptr;
    RouteNumberPage* m_routePage = nullptr;
    OrderDetailsPage* m_detailsPage = nullptr;
    DraftOrderPanel* m_draftPanel = nullptr;
    PortingNumberPage* m_numberPage = nullptr;
    ExtensionsStep* m_extensionsStep = nullptr;
    PortSummaryPage* m_summaryPage = nullptr;
};

} // namespace trunkline::gui
