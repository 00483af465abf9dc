#pragma once

#include "gui/GuiForward.h"

#include <QHash>
#include <QList>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class PendingChangesPage;
}

namespace trunkline::gui {

class ChangeApproval;
class SyncController;
class TableCsvExport;

// The Pending changes page, the review before apply: every staged edit grouped by profile and record,
// field by field before → after, with the requests it takes and what a buy, release or migration means.
// Apply selected or all runs the push on the window's SyncController with a progress bar and Cancel
// (which stops after the change in flight); the outcome of every change of the run (applied, failed with
// the provider's message, conflict, not reached) stays listed under the changes until dismissed. A
// conflict opens the three-way ConflictDialog; on a four-eyes database, ChangeApproval adds Approve.
// Discarding asks first, because it throws the admin's work away. Export CSV (Ctrl+E) writes what the
// tree shows, one row per field change with its profile, record and change.
class PendingChangesPage : public QWidget {
    Q_OBJECT

public:
    // Asks whether to discard `count` changes; tests replace it to answer without a dialog.
    using ConfirmDiscard = std::function<bool(QWidget* parent, int count)>;

    explicit PendingChangesPage(store::Database& database, QWidget* parent = nullptr);
    ~PendingChangesPage() override;

    models::PendingChangesModel* model() const { return m_model; }
    void setConfirmDiscard(ConfirmDiscard confirm) { m_confirmDiscard = std::move(confirm); }
    // The sync that applies the changes; while it runs (any sync), Apply and Discard wait.
    void setSyncController(SyncController* sync);
    // The changes at or under the selected rows, in the order they will be applied.
    QList<qint64> selectedChangeIds() const;

public slots:
    void refresh();
    void applySelected();
    void applyAll();
    void discardSelected();
    void discardAll();
    // Opens the conflict dialog for the selected change when it is a conflict.
    void resolveSelected();

signals:
    // The pending changes changed (discarded here): other views drop their "pending" marks.
    void changesDiscarded();

protected:
    void changeEvent(QEvent* event) override;

private:
    void setSyncRunning(bool running);
    void startApplying(const QList<qint64>& changeIds);
    void showApplyProgress(int done, int total);
    void applyFinished();
    void dismissResults(bool all);
    void discard(const QList<qint64>& ids);
    // The id of the selected change when exactly one is selected and it is a conflict.
    std::optional<qint64> selectedConflict() const;
    void updateActions();
    void saveState() const;
    // The columns that the tree's first column becomes in a CSV export.
    static QStringList exportLevels();

    std::unique_ptr<Ui::PendingChangesPage> m_ui;
    store::Database& m_database;
    models::PendingChangesModel* m_model;
    SyncController* m_sync = nullptr;
    ChangeApproval* m_approval = nullptr; // four-eyes: the Approve button
    TableCsvExport* m_export = nullptr;
    ConfirmDiscard m_confirmDiscard;
    QList<qint64> m_applying;        // the changes of this page's apply run, while it runs
    QHash<qint64, QString> m_titles; // ... and how the results name them ("record · change")
    bool m_syncRunning = false;
    bool m_refreshQueued = false;
};

} // namespace trunkline::gui
