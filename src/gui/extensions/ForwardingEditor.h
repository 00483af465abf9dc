#pragma once

#include "core/RuleViolation.h"
#include "gui/GuiForward.h"

#include <QWidget>
#include <memory>

namespace Ui {
class ForwardingEditor;
}

namespace trunkline::gui {

// Edits one extension's forwarding / call-flip list: add (up to 10), edit and remove numbers, the flip
// order by drag and drop or Move up / Move down (Alt+Up / Alt+Down), every rule's message beside its
// field as the admin types. stage() turns the edits into pending changes (changes::ForwardingListPlan).
class ForwardingEditor : public QWidget {
    Q_OBJECT

public:
    explicit ForwardingEditor(store::Database& database, QWidget* parent = nullptr);
    ~ForwardingEditor() override;

    // Loads the stored list. A list with staged, not yet applied changes is shown read-only: editing
    // it again on top of the store would send those changes twice.
    bool setExtension(qint64 profileId, const QString& extensionId, QString* error = nullptr);
    void clear();
    // A non-administrator may not edit another user's list; `whyNot` becomes the tooltip.
    void setEditable(bool editable, const QString& whyNot = {});
    bool isEditable() const;

    models::ForwardingListModel* model() const { return m_model; }
    bool hasUnsavedEdits() const;
    core::RuleViolations violations() const;
    int currentRow() const;
    void selectRow(int row);

    // Enqueues the edits as pending changes; returns how many, -1 with *error (a broken rule or the store).
    int stage(QString* error = nullptr);
    void revert();

public slots:
    void addNumber();
    void removeNumber();
    void moveUp();
    void moveDown();

signals:
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillTypeCombo();
    void showEntry();
    void entryEdited();
    void updateMessages();
    void updateButtons();
    void updateDirectNumbers();

    std::unique_ptr<Ui::ForwardingEditor> m_ui;
    store::Database& m_database;
    models::ForwardingListModel* m_model = nullptr;
    QAction* m_moveUpAction = nullptr;
    QAction* m_moveDownAction = nullptr;
    QAction* m_removeAction = nullptr;
    bool m_editable = true;
    bool m_locked = false; // staged changes not applied yet
    QString m_whyNot;
    bool m_showing = false; // filling the entry form, not an edit
};

} // namespace trunkline::gui
