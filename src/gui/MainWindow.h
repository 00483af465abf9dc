#pragma once

#include "gui/GuiForward.h"

#include <QMainWindow>
#include <array>
#include <memory>

namespace Ui {
class MainWindow;
}

namespace trunkline::changes {
class StagingHistory;
}

namespace trunkline::gui {

class HistoryDialog;

// The application shell: navigation on the left, one page per section on the right, the open
// database in the status bar. Geometry, window state and the current page are remembered in
// QSettings (the application's organization and name) and restored by the constructor.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // In navigation order; the View menu's Ctrl+1..Ctrl+6 follow it.
    enum class Page { Numbers, Extensions, PortOrders, Routing, PendingChanges, AuditLog };
    Q_ENUM(Page)
    static constexpr int kPageCount = 6;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    void showPage(Page page);

    // The page widget (an empty slot until setPageWidget).
    QWidget* pageWidget(Page page) const;
    // Puts a page into its slot; the window takes ownership.
    void setPageWidget(Page page, QWidget* widget);

    // Shown in the status bar, e.g. DatabaseStatusText::describe(path).
    void setDatabaseDescription(const QString& description);
    QString databaseDescription() const;

    // Adds actions to the File menu, above Quit (e.g. Sync now).
    void addFileActions(const QList<QAction*>& actions);

    // Edit > Undo (Ctrl+Z), Redo (Ctrl+Shift+Z) and History… over the open database's staged edits; the
    // title's modified mark says the history is not where the database was opened.
    void setStagingHistory(changes::StagingHistory& history);
    HistoryDialog* historyDialog() const { return m_historyDialog; }

    // Stable key of a page for settings and objectNames ("numbers", "port-orders", ...).
    static QString pageKey(Page page);

public slots:
    void showAboutDialog();

signals:
    void currentPageChanged(trunkline::gui::MainWindow::Page page);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createPages();
    void applyIcons();
    void retranslate();
    void restoreSettings();
    void saveSettings() const;
    void showHistory();
    // "Undo Edit +49 30 …": the actions name the entry they take back or stage again.
    void showHistoryTexts();

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::array<QAction*, kPageCount> m_pageActions{};
    QLabel* m_databaseLabel = nullptr;
    changes::StagingHistory* m_history = nullptr;
    HistoryDialog* m_historyDialog = nullptr;
};

} // namespace trunkline::gui
