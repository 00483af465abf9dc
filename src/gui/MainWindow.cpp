#include "gui/MainWindow.h"

#include "changes/StagingHistory.h"
#include "gui/AboutDialog.h"
#include "gui/HistoryDialog.h"
#include "gui/TintedIcon.h"
#include "ui_MainWindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QUndoStack>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

struct PageInfo {
    MainWindow::Page page;
    const char* key;
    const char* icon;
    const char* title; // translated in the MainWindow context
};

// Keys are stored in settings: never rename one, append new pages instead.
constexpr std::array<PageInfo, MainWindow::kPageCount> kPages{{
    {MainWindow::Page::Numbers, "numbers", ":/icons/nav-numbers.svg",
     QT_TRANSLATE_NOOP("trunkline::gui::MainWindow", "Numbers")},
    {MainWindow::Page::Extensions, "extensions", ":/icons/nav-extensions.svg",
     QT_TRANSLATE_NOOP("trunkline::gui::MainWindow", "Extensions")},
    {MainWindow::Page::PortOrders, "port-orders", ":/icons/nav-port-orders.svg",
     QT_TRANSLATE_NOOP("trunkline::gui::MainWindow", "Port orders")},
    {MainWindow::Page::Routing, "routing", ":/icons/nav-routing.svg",
     QT_TRANSLATE_NOOP("trunkline::gui::MainWindow", "Routing")},
    {MainWindow::Page::PendingChanges, "pending-changes", ":/icons/nav-pending.svg",
     QT_TRANSLATE_NOOP("trunkline::gui::MainWindow", "Pending changes")},
    {MainWindow::Page::AuditLog, "audit-log", ":/icons/nav-audit.svg",
     QT_TRANSLATE_NOOP("trunkline::gui::MainWindow", "Audit log")},
}};

const PageInfo& infoFor(MainWindow::Page page) {
    return kPages[static_cast<std::size_t>(page)];
}

constexpr int kPageRole = Qt::UserRole + 1;
const auto kGeometryKey = "MainWindow/geometry"_L1;
const auto kStateKey = "MainWindow/state"_L1;
const auto kPageKey = "MainWindow/currentPage"_L1;

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>()) {
    m_ui->setupUi(this);
    setWindowIcon(QIcon(u":/icons/trunkline.svg"_s));

    // A sidebar look for the navigation: the window colour instead of a white list, roomy rows.
    m_ui->navigationList->setSpacing(2);
    m_ui->navigationList->setStyleSheet(
        u"QListWidget#navigationList { background: palette(window); padding: 10px 8px; outline: 0; }"
        "QListWidget#navigationList::item { padding: 7px 8px; border-radius: 6px; }"
        "QListWidget#navigationList::item:selected { background: palette(highlight);"
        " color: palette(highlighted-text); }"
        "QListWidget#navigationList::item:hover:!selected { background: palette(midlight); }"_s);

    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(u"databaseStatusLabel"_s);
    m_databaseLabel->setContentsMargins(6, 0, 6, 0);
    m_ui->statusBar->addPermanentWidget(m_databaseLabel, 1);
    setDatabaseDescription(tr("No database open"));

    createPages();

    connect(m_ui->navigationList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= kPageCount) {
            return;
        }
        m_ui->pageStack->setCurrentIndex(row);
        m_pageActions[static_cast<std::size_t>(row)]->setChecked(true);
        emit currentPageChanged(static_cast<Page>(row));
    });
    connect(m_ui->actionQuit, &QAction::triggered, this, &QMainWindow::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAboutDialog);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    retranslate();
    m_ui->navigationList->setCurrentRow(0);
    restoreSettings();
}

MainWindow::~MainWindow() {
    // The history outlives the window, and a cell editor closed while the window goes may still stage.
    if (m_history) {
        m_history->stack().disconnect(this);
        m_history->disconnect(this);
    }
}

void MainWindow::createPages() {
    auto* group = new QActionGroup(this);
    for (const PageInfo& info : kPages) {
        const auto index = static_cast<std::size_t>(info.page);

        auto* item = new QListWidgetItem(m_ui->navigationList);
        item->setData(kPageRole, QString::fromLatin1(info.key));
        item->setSizeHint(QSize(0, 40));

        // An empty slot until the session puts the page in (setPageWidget).
        auto* page = new QWidget(m_ui->pageStack);
        page->setObjectName(QString::fromLatin1(info.key) + u"Page"_s);
        m_ui->pageStack->addWidget(page);

        auto* action = new QAction(group);
        action->setObjectName(u"actionShowPage_"_s + QString::fromLatin1(info.key));
        action->setCheckable(true);
        // Ctrl+1 .. Ctrl+6, in navigation order.
        action->setShortcut(
            QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + static_cast<int>(index))));
        connect(action, &QAction::triggered, this, [this, page = info.page] { showPage(page); });
        m_ui->menuView->addAction(action);
        m_pageActions[index] = action;
    }
    applyIcons();
}

void MainWindow::applyIcons() {
    // The window's own palette: a PaletteChange reaches the window before its children.
    const QPalette& palette = this->palette();
    for (const PageInfo& info : kPages) {
        const auto index = static_cast<int>(info.page);
        const QIcon icon = TintedIcon::fromSvg(QString::fromLatin1(info.icon), palette.color(QPalette::Text),
                                               palette.color(QPalette::HighlightedText));
        m_ui->navigationList->item(index)->setIcon(icon);
        m_pageActions[static_cast<std::size_t>(index)]->setIcon(icon);
    }
}

void MainWindow::retranslate() {
    showHistoryTexts(); // retranslateUi() set the plain texts
    int widestTitle = 0;
    for (const PageInfo& info : kPages) {
        const auto index = static_cast<int>(info.page);
        const QString title = tr(info.title);
        widestTitle = std::max(widestTitle, m_ui->navigationList->fontMetrics().horizontalAdvance(title));
        m_ui->navigationList->item(index)->setText(title);
        m_pageActions[static_cast<std::size_t>(index)]->setText(title);
    }
    // Wide enough for the longest title in the current language (German ones are long), so that no
    // entry is elided: list padding, item padding, icon and the gap after it, plus some air.
    const int chrome = 2 * 8 + 2 * 8 + m_ui->navigationList->iconSize().width() + 8 + 24;
    m_ui->navigationList->setFixedWidth(std::max(210, widestTitle + chrome));
}

MainWindow::Page MainWindow::currentPage() const {
    return static_cast<Page>(m_ui->pageStack->currentIndex());
}

void MainWindow::showPage(Page page) {
    m_ui->navigationList->setCurrentRow(static_cast<int>(page));
}

QWidget* MainWindow::pageWidget(Page page) const {
    return m_ui->pageStack->widget(static_cast<int>(page));
}

void MainWindow::setPageWidget(Page page, QWidget* widget) {
    const int index = static_cast<int>(page);
    QWidget* old = m_ui->pageStack->widget(index);
    const bool wasCurrent = m_ui->pageStack->currentIndex() == index;
    m_ui->pageStack->insertWidget(index, widget);
    m_ui->pageStack->removeWidget(old);
    old->deleteLater();
    if (wasCurrent) {
        m_ui->pageStack->setCurrentIndex(index);
    }
}

void MainWindow::setDatabaseDescription(const QString& description) {
    m_databaseLabel->setText(description);
    m_databaseLabel->setToolTip(description);
}

QString MainWindow::databaseDescription() const {
    return m_databaseLabel->text();
}

void MainWindow::addFileActions(const QList<QAction*>& actions) {
    m_ui->menuFile->insertActions(m_ui->actionQuit, actions);
    m_ui->menuFile->insertSeparator(m_ui->actionQuit);
}

QString MainWindow::pageKey(Page page) {
    return QString::fromLatin1(infoFor(page).key);
}

void MainWindow::setStagingHistory(changes::StagingHistory& history) {
    m_history = &history;
    QUndoStack& stack = history.stack();
    connect(m_ui->actionUndo, &QAction::triggered, &stack, &QUndoStack::undo);
    connect(m_ui->actionRedo, &QAction::triggered, &stack, &QUndoStack::redo);
    connect(m_ui->actionHistory, &QAction::triggered, this, &MainWindow::showHistory);
    connect(&stack, &QUndoStack::canUndoChanged, m_ui->actionUndo, &QAction::setEnabled);
    connect(&stack, &QUndoStack::canRedoChanged, m_ui->actionRedo, &QAction::setEnabled);
    connect(&stack, &QUndoStack::undoTextChanged, this, &MainWindow::showHistoryTexts);
    connect(&stack, &QUndoStack::redoTextChanged, this, &MainWindow::showHistoryTexts);
    connect(&stack, &QUndoStack::cleanChanged, this, [this](bool clean) { setWindowModified(!clean); });
    // Refused: the entry's change was applied or revised by someone else. Said in the status bar and in a
    // box that does not block the window, so that a run of Ctrl+Z goes on past it.
    connect(&history, &changes::StagingHistory::refused, this, [this](const QString& message) {
        m_ui->statusBar->showMessage(message, 15000);
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Undo"), message, QMessageBox::Close, this);
        box->setObjectName(u"undoRefusedMessage"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::NonModal);
        box->show();
    });
    m_ui->actionUndo->setEnabled(stack.canUndo());
    m_ui->actionRedo->setEnabled(stack.canRedo());
    m_ui->actionHistory->setEnabled(true);
    showHistoryTexts();
    setWindowModified(!stack.isClean());
}

void MainWindow::showHistoryTexts() {
    const QString undo = m_history ? m_history->stack().undoText() : QString();
    const QString redo = m_history ? m_history->stack().redoText() : QString();
    m_ui->actionUndo->setText(undo.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undo));
    m_ui->actionRedo->setText(redo.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redo));
}

void MainWindow::showHistory() {
    if (!m_history)
        return;
    if (!m_historyDialog)
        m_historyDialog = new HistoryDialog(m_history->stack(), this);
    m_historyDialog->show();
    m_historyDialog->raise();
    m_historyDialog->activateWindow();
}

void MainWindow::showAboutDialog() {
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        // A theme switch (light/dark) recolours the line icons.
        applyIcons();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreSettings() {
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        // First start: a comfortable size, centred on the screen, smaller screens permitting.
        QSize size(1200, 760);
        if (const QScreen* screen = QGuiApplication::primaryScreen()) {
            const QRect available = screen->availableGeometry();
            size = size.boundedTo(available.size() * 0.9);
            setGeometry(
                QRect(QPoint(), size).translated(available.center() - QRect(QPoint(), size).center()));
        } else {
            resize(size);
        }
    }
    restoreState(settings.value(kStateKey).toByteArray());

    const QString key = settings.value(kPageKey).toString();
    for (const PageInfo& info : kPages) {
        if (key == QLatin1StringView(info.key)) {
            showPage(info.page);
        }
    }
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPageKey, pageKey(currentPage()));
}

} // namespace trunkline::gui
