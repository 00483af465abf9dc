#include "gui/pending/FourEyesAction.h"

#include "store/Database.h"
#include "store/FourEyesPolicy.h"

#include <QEvent>
#include <QMessageBox>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

FourEyesAction::FourEyesAction(store::Database& database, QWidget* parent)
    : QAction(parent)
    , m_database(database)
    , m_parentWidget(parent) {
    setObjectName(u"actionFourEyes"_s);
    setCheckable(true);
    setVisible(store::FourEyesPolicy(database).isAvailable());
    connect(this, &QAction::toggled, this, &FourEyesAction::switchTo);
    if (isVisible())
        parent->installEventFilter(this);
    reload();
}

bool FourEyesAction::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::WindowActivate)
        reload();
    return QAction::eventFilter(watched, event);
}

void FourEyesAction::reload() {
    store::FourEyesPolicy policy(m_database);
    if (!policy.isAvailable())
        return;
    QString error;
    const std::optional<bool> required = policy.isRequired(&error);
    m_mayChange = required && policy.mayChange(&error);
    m_owner = policy.ownerRole();
    {
        const QSignalBlocker blocker(this);
        setChecked(required.value_or(false));
    }
    setEnabled(m_mayChange);
    describe();
    if (!error.isEmpty())
        setToolTip(error);
}

void FourEyesAction::switchTo(bool required) {
    QString error;
    if (!store::FourEyesPolicy(m_database).setRequired(required, &error))
        QMessageBox::warning(m_parentWidget, tr("Four-eyes approval"), error);
    reload();
}

void FourEyesAction::describe() {
    setText(tr("Require &four-eyes approval"));
    setStatusTip(tr("Each pending change must be approved by someone other than its author before it is "
                    "applied; the team database enforces it."));
    setToolTip(
        m_mayChange
            ? statusTip()
            : tr("Only the database role that owns Trunkline's tables (%1) can switch this.").arg(m_owner));
}

} // namespace trunkline::gui
