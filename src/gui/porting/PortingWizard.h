#pragma once

#include "gui/GuiForward.h"
#include "gui/porting/PortingDraft.h"

#include <QWizard>

namespace trunkline::gui {

class ExtensionsStep;
class OrderDetailsPage;
class PortSummaryPage;
class RouteNumberPage;

// Porting a German number with its extended numbers, page by page: the route number, the order
// details, the extensions (ExtensionsStep) and a summary. Next stays disabled while a page breaks a
// rule. What is typed is kept as the profile's PortingDraft whenever a page is left and when the wizard
// closes, so it can be continued after closing the wizard or the app; once the order exists at the
// provider the draft is dropped.
class PortingWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { RoutePage, DetailsPage, ExtensionsPage, SummaryPage };

    PortingWizard(store::Database& database, qint64 profileId, QWidget* parent = nullptr);

    // Lets the summary page place the order with the profile's provider; without it the wizard only
    // checks and keeps drafts.
    void setConnectionFactory(connection::ConnectionFactory* factory);

    // Fills the pages from the profile's saved draft; false when there is none.
    bool restoreDraft();
    PortingDraft draft() const;

    RouteNumberPage* routePage() const { return m_routePage; }
    OrderDetailsPage* detailsPage() const { return m_detailsPage; }
    ExtensionsStep* extensionsStep() const { return m_extensionsStep; }
    PortSummaryPage* summaryPage() const { return m_summaryPage; }

    void done(int result) override;

signals:
    void orderPlaced(const QString& orderId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    store::Database& m_database;
    qint64 m_profileId;
    bool m_orderCreated = false; // at the provider: the local draft is done with
    bool m_started = false;
    RouteNumberPage* m_routePage = nullptr;
    OrderDetailsPage* m_detailsPage = nullptr;
    ExtensionsStep* m_extensionsStep = nullptr;
    PortSummaryPage* m_summaryPage = nullptr;
};

} // namespace trunkline::gui
