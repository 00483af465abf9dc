#pragma once

#include "changes/ConflictMerge.h"
#include "gui/GuiForward.h"

#include <QDialog>
#include <memory>
#include <optional>

class QButtonGroup;

namespace Ui {
class ConflictDialog;
}

namespace trunkline::gui {

// A change parked as a conflict, three ways: per field the value before the admin's edit, the admin's and
// the provider's now, and a choice of mine or theirs. Keep mine, Take theirs or Apply merge re-stage the
// change through ChangeStager::resolveConflict on the provider's current record (or drop it when nothing
// of it is left) and close the dialog; a refusal (the record changed again meanwhile) is shown in the
// dialog with the record's current values, and the choices made so far are kept.
class ConflictDialog : public QDialog {
    Q_OBJECT

public:
    ConflictDialog(store::Database& database, changes::ConflictMerge merge, QWidget* parent = nullptr);
    ~ConflictDialog() override;

    // Opens (window-modal, deleted on close) the dialog for the conflict `changeId`; when it cannot be
    // merged, a message box says why and nullptr is returned.
    static ConflictDialog* openFor(store::Database& database, qint64 changeId, QWidget* parent);

public slots:
    void keepMine();
    void takeTheirs();
    void applyMerge();

protected:
    void changeEvent(QEvent* event) override;

private:
    QString subject() const;
    void showMerge();
    void updateActions();
    changes::ConflictChoices choices() const;
    void resolve(const changes::ConflictChoices& choices);

    store::Database& m_database;
    changes::ConflictMerge m_merge;
    std::unique_ptr<Ui::ConflictDialog> m_ui;
    QList<QButtonGroup*> m_groups; // one per row of the table, in the merge's field order
    // The admin's choices, by field path: kept when the record changed again and the table is rebuilt.
    changes::ConflictChoices m_chosen;
};

} // namespace trunkline::gui
