#include "gui/AppSession.h"

#include "changes/StagingHistory.h"
#include "connection/ConnectionFactory.h"
#include "connection/DemoProfiles.h"
#include "gui/MainWindow.h"
#include "gui/account/AccountOverview.h"
#include "gui/audit/AuditLogPage.h"
#include "gui/extensions/ExtensionPermissions.h"
#include "gui/extensions/ExtensionsPage.h"
#include "gui/numbers/NumbersPage.h"
#include "gui/pending/FourEyesAction.h"
#include "gui/pending/PendingChangesPage.h"
#include "gui/porting/PortOrdersPage.h"
#include "gui/profiles/ProfileEditDialog.h"
#include "gui/profiles/ProfileSwitcher.h"
#include "gui/profiles/ProfilesDialog.h"
#include "gui/routing/RoutingPage.h"
#include "gui/syncstatus/SyncController.h"
#include "gui/syncstatus/SyncStatusWidget.h"
#include "store/PendingChangeRepository.h"
#include "store/ProfileRepository.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QMessageBox>
#include <QMetaEnum>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

bool AppSession::askForDemo(QWidget* parent) {
    QMessageBox box(QMessageBox::Question, tr("Welcome to Trunkline"),
                    tr("There is no provider account yet. Open the demo office?"), QMessageBox::NoButton,
                    parent);
    box.setInformativeText(
        tr("The demo office runs on this computer with made-up numbers and extensions at RingCentral, "
           "Telnyx and Restcomm, so you can look around before you add your own account. Nothing leaves "
           "this computer."));
    QPushButton* open = box.addButton(tr("Open the demo office"), QMessageBox::AcceptRole);
    QPushButton* own = box.addButton(tr("Add your own account…"), QMessageBox::ActionRole);
    box.addButton(tr("Not now"), QMessageBox::RejectRole);
    box.setDefaultButton(open);
    box.exec();
    if (box.clickedButton() == own)
        QTimer::singleShot(0, this, &AppSession::addOwnAccount);
    return box.clickedButton() == open;
}

AppSession::AppSession(store::Database& database, secrets::SecretStore& secrets,
                       connection::DemoAccount& demo, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_secrets(secrets)
    , m_connections(std::make_unique<connection::ConnectionFactory>(secrets, m_network, demo))
    , m_sync(std::make_unique<SyncController>(database, *m_connections))
    , m_window(std::make_unique<MainWindow>())
    , m_offerDemo([this](QWidget* owner) { return askForDemo(owner); }) {
    createActions();
    createToolBar();
    wirePages();
    m_window->setStagingHistory(changes::StagingHistory::of(m_database));
    m_window->installEventFilter(this);
    m_window->statusBar()->addWidget(new SyncStatusWidget(*m_sync, m_window.get()));
    connect(m_sync.get(), &SyncController::storeChanged, this, &AppSession::storeChanged);
    connect(m_sync.get(), &SyncController::signedIn, this,
            [this](qint64 profileId, const QString& extensionId) {
                ExtensionPermissions::setSignedInExtension(profileId, extensionId);
                m_extensions->refresh(); // what the signed-in user may do
            });
    connect(m_sync.get(), &SyncController::scopesGranted, this,
            [this](qint64 profileId, const QStringList& scopes) {
                ExtensionPermissions::setGrantedScopes(profileId, scopes);
                m_extensions->refresh(); // what the app may do
            });
    connect(m_sync.get(), &SyncController::started, this, [this] {
        m_syncAction->setEnabled(false);
        m_cancelAction->setEnabled(true);
    });
    connect(m_sync.get(), &SyncController::finished, this, [this] {
        m_syncAction->setEnabled(true);
        m_cancelAction->setEnabled(false);
        storeChanged();
    });
    showProfile(m_switcher->currentProfileId());
    m_demoAction->setEnabled(store::ProfileRepository(m_database).list().isEmpty());
    announceWaitingChanges();
}

void AppSession::announceWaitingChanges() {
    // Changes staged in an earlier session (or by a script, or left by a crash) are easy to forget:
    // they reach the provider only when applied.
    store::PendingChangeRepository changes(m_database);
    int waiting = 0;
    for (const store::Profile& profile : store::ProfileRepository(m_database).list()) {
        waiting += static_cast<int>(
            changes
                .list(profile.id, {store::ChangeState::Pending, store::ChangeState::Failed,
                                   store::ChangeState::Conflict, store::ChangeState::Applying})
                .size());
    }
    if (waiting == 0 || m_window->currentPage() == MainWindow::Page::PendingChanges)
        return;
    m_window->statusBar()->showMessage(
        tr("Staged changes waiting to be applied: %1. See Pending changes (Ctrl+5).").arg(waiting));
    // One click to the review; the button goes once the admin has been there.
    auto* review = new QPushButton(tr("&Review…"), m_window.get());
    review->setObjectName(u"reviewChangesButton"_s);
    review->setToolTip(tr("Open the Pending changes page (Ctrl+5)"));
    m_window->statusBar()->addPermanentWidget(review);
    connect(review, &QPushButton::clicked, this,
            [this] { m_window->showPage(MainWindow::Page::PendingChanges); });
    connect(m_window.get(), &MainWindow::currentPageChanged, review, [review](MainWindow::Page page) {
        if (page == MainWindow::Page::PendingChanges)
            review->deleteLater();
    });
}

AppSession::~AppSession() = default;

void AppSession::createActions() {
    m_syncAction = new QAction(QIcon::fromTheme(u"view-refresh"_s), tr("&Sync now"), m_window.get());
    m_syncAction->setObjectName(u"actionSyncNow"_s);
    m_syncAction->setShortcut(QKeySequence::Refresh);
    m_syncAction->setToolTip(tr("Fetch every profile's data and apply the pending changes (F5)"));
    connect(m_syncAction, &QAction::triggered, m_sync.get(), &SyncController::syncAll);

    m_cancelAction = new QAction(tr("&Cancel sync"), m_window.get());
    m_cancelAction->setObjectName(u"actionCancelSync"_s);
    m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, m_sync.get(), &SyncController::cancel);

    m_demoAction = new QAction(tr("Open the &demo office"), m_window.get());
    m_demoAction->setObjectName(u"actionOpenDemo"_s);
    connect(m_demoAction, &QAction::triggered, this, &AppSession::openDemoAccount);

    m_accountsAction = new QAction(tr("&Accounts…"), m_window.get());
    m_accountsAction->setObjectName(u"actionAccounts"_s);
    m_accountsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_accountsAction->setToolTip(tr("Add, edit, test, rename and remove provider accounts (Ctrl+Shift+A)"));
    connect(m_accountsAction, &QAction::triggered, this, &AppSession::openAccounts);

    m_window->addFileActions({m_syncAction, m_cancelAction, m_accountsAction, m_demoAction,
                              new FourEyesAction(m_database, m_window.get())});
}

void AppSession::createToolBar() {
    auto* toolBar = m_window->addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(u"mainToolBar"_s); // saveState() needs it
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_syncAction);
    toolBar->addSeparator();
    auto* label = new QLabel(tr("Profile:"), toolBar);
    label->setContentsMargins(6, 0, 4, 0);
    toolBar->addWidget(label);
    m_switcher = new ProfileSwitcher(m_database, toolBar);
    label->setBuddy(m_switcher);
    toolBar->addWidget(m_switcher);
    m_overview = new AccountOverview(m_database, toolBar);
    m_overview->setContentsMargins(12, 0, 6, 0);
    m_overview->setForegroundRole(QPalette::PlaceholderText);
    // The rest of the toolbar's width: account lines are long (brand, plan, status, operator).
    m_overview->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_overview->setMinimumWidth(120);
    toolBar->addWidget(m_overview);
    connect(m_switcher, &ProfileSwitcher::profileChanged, this, &AppSession::showProfile);
}

template <typename PageWidget>
void AppSession::addPage(MainWindow::Page page, PageWidget* widget) {
    m_window->setPageWidget(page, widget);
    m_refreshPage[page] = [widget] {
        widget->refresh();
    };
}

void AppSession::wirePages() {
    m_numbers = new NumbersPage(m_database);
    m_extensions = new ExtensionsPage(m_database);
    m_routing = new RoutingPage(m_database);
    m_pending = new PendingChangesPage(m_database);
    addPage(MainWindow::Page::Numbers, m_numbers);
    addPage(MainWindow::Page::Extensions, m_extensions);
    m_portOrders = new PortOrdersPage(m_database);
    addPage(MainWindow::Page::PortOrders, m_portOrders);
    addPage(MainWindow::Page::Routing, m_routing);
    addPage(MainWindow::Page::PendingChanges, m_pending);
    m_audit = new AuditLogPage(m_database);
    addPage(MainWindow::Page::AuditLog, m_audit);
    m_numbers->setConnectionFactory(m_connections.get());
    m_portOrders->setConnectionFactory(m_connections.get());
    connect(m_portOrders, &PortOrdersPage::orderPlaced, m_sync.get(), &SyncController::syncAll);
    m_routing->setConnectionFactory(m_connections.get());
    m_pending->setSyncController(m_sync.get());
    // An opened extension's forwarding list and settings are fetched before anything else; the page
    // re-reads them with the next storeChanged().
    connect(m_extensions, &ExtensionsPage::extensionOpened, m_sync.get(),
            &SyncController::requestExtensionDetails);
    connect(m_extensions, &ExtensionsPage::statusMessage, m_window.get(),
            [this](const QString& message) { m_window->statusBar()->showMessage(message, 8000); });
    connect(m_pending, &PendingChangesPage::changesDiscarded, m_numbers, &NumbersPage::refresh);
    connect(m_pending, &PendingChangesPage::changesDiscarded, m_extensions, &ExtensionsPage::refresh);
    connect(m_numbers, &NumbersPage::changesStaged, m_pending, &PendingChangesPage::refresh);
    // Port in… on the Numbers page is the Port orders page's wizard.
    connect(m_numbers, &NumbersPage::portInRequested, this, [this] {
        m_window->showPage(MainWindow::Page::PortOrders);
        m_portOrders->newOrder();
    });
    connect(m_routing, &RoutingPage::changesStaged, m_pending, &PendingChangesPage::refresh);
    // Edits staged on the other pages show up as soon as the admin looks at the list, and a page that
    // missed a store change while hidden re-reads it when shown.
    connect(m_window.get(), &MainWindow::currentPageChanged, this, [this](MainWindow::Page page) {
        if (page == MainWindow::Page::PendingChanges || m_stalePages.erase(page) > 0)
            refreshPage(page);
    });
}

void AppSession::refreshPage(MainWindow::Page page) {
    m_refreshPage.at(page)();
}

void AppSession::showProfile(std::optional<qint64> profileId) {
    m_overview->showProfile(profileId);
    m_numbers->setProfile(profileId);
    m_extensions->setProfile(profileId);
    m_portOrders->setProfile(profileId);
    m_routing->setProfile(profileId);
    m_audit->setProfile(profileId);
}

void AppSession::storeChanged() {
    m_demoAction->setEnabled(store::ProfileRepository(m_database).list().isEmpty());
    m_switcher->reload();
    m_overview->reload();
    // While a big sync stores rows every second, re-reading six pages at once stalls the window; only
    // the page in view is re-read now, the others when they are next shown.
    const QMetaEnum pages = QMetaEnum::fromType<MainWindow::Page>();
    for (int i = 0; i < pages.keyCount(); ++i) {
        m_stalePages.insert(static_cast<MainWindow::Page>(pages.value(i)));
    }
    const MainWindow::Page current = m_window->currentPage();
    m_stalePages.erase(current);
    refreshPage(current);
}

bool AppSession::offerDemoOnFirstStart() {
    if (!store::ProfileRepository(m_database).list().isEmpty() || !m_offerDemo(m_window.get()))
        return false;
    openDemoAccount();
    return true;
}

bool AppSession::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window.get() && event->type() == QEvent::Close && !mayCloseWithOpenForm()) {
        event->ignore();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

bool AppSession::mayCloseWithOpenForm() {
    if (!m_accounts || !m_accounts->form())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Quit Trunkline"),
                    tr("An account form is still open in the Accounts dialog. Quit and discard what it "
                       "holds?"),
                    QMessageBox::Discard | QMessageBox::Cancel, m_window.get());
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() == QMessageBox::Discard)
        return true;
    m_accounts->form()->raise();
    m_accounts->form()->activateWindow();
    return false;
}

ProfilesDialog* AppSession::openAccounts() {
    if (!m_accounts) {
        m_accounts = new ProfilesDialog(m_database, m_secrets, *m_connections, m_window.get());
        m_accounts->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_accounts, &ProfilesDialog::profilesChanged, this, [this](qint64 profileId) {
            m_sync->forgetConnection(profileId);
            storeChanged();
        });
        connect(m_accounts, &ProfilesDialog::permissionsLearnt, m_extensions, &ExtensionsPage::refresh);
    }
    m_accounts->show();
    m_accounts->raise();
    m_accounts->activateWindow();
    return m_accounts;
}

void AppSession::addOwnAccount() {
    openAccounts()->addProfile();
}

void AppSession::openDemoAccount() {
    store::ProfileRepository profiles(m_database);
    QString error;
    if (connection::DemoProfiles::addIfFirstStart(profiles, &error) < 0) {
        QMessageBox::warning(m_window.get(), tr("Demo office"), error);
        return;
    }
    m_switcher->reload();
    m_overview->reload();
    m_sync->syncAll();
}

} // namespace trunkline::gui
