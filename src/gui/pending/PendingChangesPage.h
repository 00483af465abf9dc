#pragma once

#include "gui/GuiForward.h"

#include <QWidget>
#include <functional>
#include <memory>

namespace Ui {
class PendingChangesPage;
}

namespace trunkline::gui {

class ChangeApproval;

// The Pending changes page: every staged edit in the order it will be applied, with Apply all (the
// window runs the push) and Discard. Discarding asks first, because it throws the admin's work away.
class PendingChangesPage : public QWidget {
    Q_OBJECT

public:
    // Asks whether to discard `count` changes; tests replace it to answer without a dialog.
    using ConfirmDiscard = std::function<bool(QWidget* parent, int count)>;

    explicit PendingChangesPage(store::Database& database, QWidget* parent = nullptr);
    ~PendingChangesPage() override;

    models::PendingChangesModel* model() const { return m_model; }
    void setConfirmDiscard(ConfirmDiscard confirm) { m_confirmDiscard = std::move(confirm); }
    // While a sync runs, Apply and Discard wait (a change being applied cannot be discarded).
    void setSyncRunning(bool running);

public slots:
    void refresh();
    void discardSelected();
    void discardAll();

signals:
    void applyRequested();
    // The pending changes changed (discarded here): other views drop their "pending" marks.
    void changesDiscarded();

protected:
    void changeEvent(QEvent* event) override;

private:
    void discard(const QList<qint64>& ids);
    void updateActions();
    void saveState() const;

    std::unique_ptr<Ui::PendingChangesPage> m_ui;
    store::Database& m_database;
    models::PendingChangesModel* m_model;
    ChangeApproval* m_approval = nullptr; // four-eyes: the Approve button
    ConfirmDiscard m_confirmDiscard;
    bool m_syncRunning = false;
    bool m_refreshQueued = false;
};

} // namespace trunkline::gui
