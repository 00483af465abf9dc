#pragma once

#include "gui/GuiForward.h"
#include "gui/MainWindow.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace trunkline::gui {

class AccountOverview;
class AuditLogPage;
class MainWindow;
class NumbersPage;
class ExtensionsPage;
class PendingChangesPage;
class PortOrdersPage;
class ProfileSwitcher;
class ProfilesDialog;
class RoutingPage;
class SyncController;

// The running console: the main window with its pages over one local store, the connections to the
// providers (secrets from `secrets`, demo profiles on `demo`, the in-process emulator of the demo
// library), and the sync that keeps them in step. main() makes one; the GUI tests make one over a
// throwaway store.
class AppSession : public QObject {
    Q_OBJECT

public:
    // Asks whether to open the demo account on a first start; tests answer without a dialog. The default
    // also offers "Add your own account…", which opens the Accounts dialog's add form instead.
    using OfferDemo = std::function<bool(QWidget* parent)>;

    AppSession(store::Database& database, secrets::SecretStore& secrets, connection::DemoAccount& demo,
               QObject* parent = nullptr);
    ~AppSession() override;

    MainWindow& window() const { return *m_window; }
    SyncController& sync() const { return *m_sync; }
    ProfileSwitcher& profileSwitcher() const { return *m_switcher; }
    QAction* syncAction() const { return m_syncAction; }

    void setOfferDemo(OfferDemo offer) { m_offerDemo = std::move(offer); }
    // With no profile at all, offers the demo account and, when accepted, adds it and syncs.
    // Returns whether the demo account was added.
    bool offerDemoOnFirstStart();
    // Adds the demo profiles (if there is no profile yet) and syncs them.
    void openDemoAccount();
    // The Accounts dialog (one at a time, not blocking the window); addOwnAccount() opens its add form.
    ProfilesDialog* openAccounts();
    void addOwnAccount();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // Closing the window with the Accounts dialog's add or edit form open asks first: what the form
    // holds (a secret typed in, say) would otherwise go without a word. True when the window may close.
    bool mayCloseWithOpenForm();
    void createActions();
    void createToolBar();
    void wirePages();
    // Puts a page into its slot of the window and remembers how to refresh it.
    template <typename PageWidget>
    void addPage(MainWindow::Page page, PageWidget* widget);
    void showProfile(std::optional<qint64> profileId);
    void storeChanged();
    void refreshPage(MainWindow::Page page);
    // At start: says in the status bar how many staged changes wait to be applied, if any.
    void announceWaitingChanges();

    bool askForDemo(QWidget* parent);

    store::Database& m_database;
    secrets::SecretStore& m_secrets;
    QNetworkAccessManager m_network;
    std::unique_ptr<connection::ConnectionFactory> m_connections;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<MainWindow> m_window;
    ProfileSwitcher* m_switcher = nullptr;
    AccountOverview* m_overview = nullptr;
    NumbersPage* m_numbers = nullptr;
    ExtensionsPage* m_extensions = nullptr;
    RoutingPage* m_routing = nullptr;
    PendingChangesPage* m_pending = nullptr;
    PortOrdersPage* m_portOrders = nullptr;
    AuditLogPage* m_audit = nullptr;
    QAction* m_syncAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_demoAction = nullptr;
    QAction* m_accountsAction = nullptr;
    QPointer<ProfilesDialog> m_accounts;
    OfferDemo m_offerDemo;
    std::set<MainWindow::Page> m_stalePages; // pages that have not re-read the store since it last changed
    std::map<MainWindow::Page, std::function<void()>> m_refreshPage; // each page's refresh()
};

} // namespace trunkline::gui
