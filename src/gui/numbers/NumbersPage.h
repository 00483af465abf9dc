#pragma once

#include "gui/GuiForward.h"
#include "gui/TableCsvExport.h"
#include "store/Profile.h"

#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class NumbersPage;
}

namespace trunkline::gui {

// The Numbers page: every number of every profile in a lazily loaded table, a filter bar applied as
// the admin types, a details panel for the current number, a context menu (copy, edit label, export)
// and CSV export of exactly what the table shows. Column order and widths are remembered.
class NumbersPage : public QWidget {
    Q_OBJECT

public:
    explicit NumbersPage(store::Database& database, QWidget* parent = nullptr);
    ~NumbersPage() override;

    models::NumbersModel* model() const { return m_model; }

    // How the page asks the admin; tests replace them so no modal dialog blocks.
    using LabelPrompt = std::function<std::optional<QString>(const QString& number, const QString& current)>;
    void setSaveFilePrompt(CsvTargetPrompt prompt) { m_saveFilePrompt = std::move(prompt); }
    void setLabelPrompt(LabelPrompt prompt) { m_labelPrompt = std::move(prompt); }

    // Opens provider connections for Add number's live search; without one, Add is disabled.
    void setConnectionFactory(connection::ConnectionFactory* factory);

    // Why Add / Edit / Delete cannot be used now ("" when they can); also their tooltips.
    QString addBlockedReason() const;
    QString editBlockedReason() const;
    QString deleteBlockedReason() const;
    // The text of the release confirmation for `count` numbers of `providers` (display names).
    static QString releaseConfirmationText(int count, const QString& firstNumber,
                                           const QStringList& providers);

    // Writes what the table shows (all rows, or the selected ones) to `path`. False with *error.
    bool exportTo(const CsvTarget& target, bool selectionOnly, QString* error = nullptr);

    // Rows after the filter bar's typing pause, in milliseconds.
    static constexpr int kFilterDelayMs = 250;

public slots:
    // The profile switcher's choice: one profile's numbers, or every profile's (nullopt).
    void setProfile(std::optional<qint64> profileId);
    // Re-reads the store (after a sync or an edit elsewhere).
    void refresh();
    void focusFilter();
    void exportShown();
    void exportSelection();
    void copySelectedNumbers();
    void editLabel();
    void addNumber();
    void editNumber();
    void deleteNumbers();

signals:
    // An add, edit or release was staged as a pending change (the Pending changes page may refresh).
    void changesStaged();
    // Port in…: the admin wants to port numbers in (the Port orders page's wizard takes it from here).
    void portInRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void setUpFilterBar();
    void setUpActions();
    void fillCombos();
    void applyFilter();
    void showContextMenu(const QPoint& position);
    void updateDetails();
    void updateCount();
    void updateActions();
    void exportWithPrompt(bool selectionOnly);
    // The profiles Add offers (those whose provider adds numbers or says where they are bought): the
    // current row's first, then the one chosen last time, then by name.
    QList<store::Profile> profilesForAdd() const;
    QList<int> selectedRows() const;
    // What releasing the numbers of `rows` takes away (ReleaseConsequences), for the warning.
    QStringList releaseConsequences(const QList<int>& rows) const;
    // Why Port in… is off, or empty: some profile's provider must take port orders.
    QString portInBlockedReason() const;
    QList<int> visibleColumns() const;
    void restoreState();
    void saveState() const;
    void retranslate();

    std::unique_ptr<Ui::NumbersPage> m_ui;
    store::Database& m_database;
    models::NumbersModel* m_model = nullptr;
    QTimer* m_filterDelay = nullptr;
    bool m_refreshAfterEditing = false; // a refresh came while a cell editor was open
    QAction* m_copyAction = nullptr;
    QAction* m_editLabelAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_exportSelectionAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_addAction = nullptr;
    QAction* m_portInAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_deleteAction = nullptr;
    connection::ConnectionFactory* m_connectionFactory = nullptr;
    CsvTargetPrompt m_saveFilePrompt;
    LabelPrompt m_labelPrompt;
};

} // namespace trunkline::gui
