#pragma once

#include "gui/GuiForward.h"
#include "gui/Retranslate.h"
#include "gui/TableCsvExport.h"
#include "gui/porting/PortOrdersModel.h"

#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QTableView;
class QTableWidget;

namespace trunkline::providers {
class PortOrderPlacement;
}

namespace trunkline::gui {

class PortingWizard;

// The Port orders page: the orders of the profiles in view (as the last sync pulled them) with status,
// route number, extension block and active count, filtered by status. "New port order…" opens the
// PortingWizard (which places the order through the connection factory), offering to continue a saved
// draft; "Export numbers…" writes every number of the chosen order, active or not, to CSV; "Cancel
// order" cancels a submitted order where the provider allows it. Below the list, the extension blocks
// of the chosen order; "Delete extension" removes one at the provider, only while the order is draft,
// in-process or exception (otherwise it is disabled and says why).
class PortOrdersPage : public Retranslating<QWidget> {
    Q_OBJECT

public:
    explicit PortOrdersPage(store::Database& database, QWidget* parent = nullptr);
    ~PortOrdersPage() override;

    PortOrdersModel* model() const { return m_model; }
    QAction* newOrderAction() const { return m_newAction; }
    QAction* exportAction() const { return m_exportAction; }
    QAction* deleteExtensionAction() const { return m_deleteExtensionAction; }
    QAction* cancelOrderAction() const { return m_cancelAction; }
    QAction* deleteDraftAction() const { return m_deleteDraftAction; }
    QString lastMessage() const;

    // How the page asks; tests replace them so that no modal dialog blocks.
    enum class DraftChoice { Continue, StartOver, Cancel };
    using DraftPrompt = std::function<DraftChoice()>;
    using WizardRunner = std::function<void(PortingWizard& wizard)>;
    using ConfirmPrompt = std::function<bool(const QString& text)>;
    void setConfirmPrompt(ConfirmPrompt prompt) { m_confirmPrompt = std::move(prompt); }
    void setDraftPrompt(DraftPrompt prompt) { m_draftPrompt = std::move(prompt); }
    void setSaveFilePrompt(CsvTargetPrompt prompt) { m_saveFilePrompt = std::move(prompt); }
    void setWizardRunner(WizardRunner runner) { m_wizardRunner = std::move(runner); }
    // Lets the wizard place orders with the profile's provider; without it, it only checks.
    void setConnectionFactory(connection::ConnectionFactory* factory) { m_connections = factory; }

public slots:
    // The profile switcher's choice: one profile, or every profile (nullopt).
    void setProfile(std::optional<qint64> profileId);
    void refresh();
    void newOrder();
    void exportNumbers();
    void deleteExtension();
    void cancelOrder();
    void deleteDraft();

signals:
    // An order was created at a provider from the wizard: a sync brings it into the list.
    void orderPlaced();

private:
    void retranslate() override; // reloads the model too, so its column titles and statuses follow
    void updateActions();
    // An action that asks the provider about `order`, which its state must allow (`allows`): enabled when
    // it does, there is a connection and no other request is under way. Its tooltip says `what` it does,
    // or why not: `unchosen` without an order, `refused` (%1 the order's state) when its state forbids it.
    void allowForOrder(QAction* action, const PortOrdersModel::Row* order,
                       bool (*allows)(core::PortingOrderStatus), const QString& unchosen,
                       const QString& refused, const QString& what);
    void showExtensions();
    // Opens the order's profile and calls `use` with m_placement ready; says why when it cannot.
    void withPlacement(qint64 profileId, std::function<void()> use);
    const PortOrdersModel::Row* chosenOrder() const;
    std::optional<qint64> wizardProfile() const;
    QList<qint64> profilesInView() const;

    store::Database& m_database;
    connection::ConnectionFactory* m_connections = nullptr;
    std::optional<qint64> m_profileId;
    PortOrdersModel* m_model = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_filterLabel = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_message = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_deleteExtensionAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_deleteDraftAction = nullptr;
    QTableWidget* m_extensions = nullptr;
    std::unique_ptr<connection::Connection> m_connection;
    std::unique_ptr<providers::PortOrderPlacement> m_placement;
    bool m_busy = false; // a delete or cancel is on its way
    ConfirmPrompt m_confirmPrompt;
    DraftPrompt m_draftPrompt;
    CsvTargetPrompt m_saveFilePrompt;
    WizardRunner m_wizardRunner;
};

} // namespace trunkline::gui
