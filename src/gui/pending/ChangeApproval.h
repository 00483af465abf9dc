#pragma once

#include "gui/GuiForward.h"

#include <QList>
#include <QObject>

class QBoxLayout;
class QPushButton;
class QTreeView;

namespace trunkline::gui {

// The Pending changes page's Approve button for four-eyes approval (store::FourEyesPolicy): approves the
// selected changes as this connection's database role. It is enabled for a selected open change that
// someone else staged and nobody approved yet, and it is hidden, with the Approved by column, on SQLite,
// which has no second person. The database refuses an author approving their own change in any case;
// the button only saves the admin the refusal.
class ChangeApproval : public QObject {
    Q_OBJECT

public:
    // Adds the button to `buttons` and follows `view`'s selection of `model`'s rows.
    ChangeApproval(store::Database& database, QTreeView* view, models::PendingChangesModel* model,
                   QBoxLayout* buttons, QWidget* page);

    QPushButton* button() const { return m_button; }
    // While a sync runs, approving waits like discarding does.
    void setSyncRunning(bool running);

public slots:
    void approveSelected();
    void updateButton();

signals:
    // Some of the changes were approved: the page re-reads the list.
    void approved();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The selected changes this connection may approve.
    QList<qint64> approvableSelection() const;
    void retranslate();

    store::Database& m_database;
    QTreeView* m_view;
    models::PendingChangesModel* m_model;
    QPushButton* m_button;
    bool m_available; // four-eyes exists on this store (PostgreSQL)
    bool m_syncRunning = false;
};

} // namespace trunkline::gui
