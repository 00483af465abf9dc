#pragma once

#include "gui/GuiForward.h"

#include <QAction>

namespace trunkline::gui {

// File → Require four-eyes approval: the team setting of a PostgreSQL store (store::FourEyesPolicy) as a
// checkable menu entry. It shows what the database holds; only the role that owns Trunkline's tables may
// switch it (for anyone else it is disabled and says who may), and it is hidden on SQLite.
class FourEyesAction : public QAction {
    Q_OBJECT

public:
    FourEyesAction(store::Database& database, QWidget* parent);

    // Re-reads the setting and who may change it (another admin may have switched it); done whenever the
    // window becomes active.
    void reload();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void switchTo(bool required);
    void describe();

    store::Database& m_database;
    QWidget* m_parentWidget;
    bool m_mayChange = false;
    QString m_owner;
};

} // namespace trunkline::gui
