#include "gui/pending/ChangeApproval.h"

#include "gui/PageActions.h"
#include "models/PendingChangesModel.h"
#include "store/Database.h"
#include "store/FourEyesPolicy.h"
#include "store/PendingChangeRepository.h"

#include <QBoxLayout>
#include <QEvent>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

bool isOpen(store::ChangeState state) {
    return state == store::ChangeState::Pending || state == store::ChangeState::Failed ||
           state == store::ChangeState::Conflict;
}

} // namespace

ChangeApproval::ChangeApproval(store::Database& database, QTreeView* view, models::PendingChangesModel* model,
                               QBoxLayout* buttons, QWidget* page)
    : QObject(page)
    , m_database(database)
    , m_view(view)
    , m_model(model)
    , m_button(new QPushButton(page))
    , m_available(store::FourEyesPolicy(database).isAvailable()) {
    m_button->setObjectName(u"approveButton"_s);
    addButtonShortcut(page, m_button, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    // With the page's other buttons: before the spacer that pushes the export to the right.
    int at = 0;
    while (at < buttons->count() && !buttons->itemAt(at)->spacerItem())
        ++at;
    buttons->insertWidget(at, m_button);
    m_button->setVisible(m_available);
    view->setColumnHidden(models::PendingChangesModel::ApprovedByColumn, !m_available);
    connect(m_button, &QPushButton::clicked, this, &ChangeApproval::approveSelected);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ChangeApproval::updateButton);
    connect(model, &QAbstractItemModel::modelReset, this, &ChangeApproval::updateButton);
    page->installEventFilter(this);
    retranslate();
    updateButton();
}

void ChangeApproval::setSyncRunning(bool running) {
    m_syncRunning = running;
    updateButton();
}

QList<qint64> ChangeApproval::approvableSelection() const {
    QList<qint64> ids;
    for (const qint64 id : m_model->changeIdsUnder(m_view->selectionModel()->selectedRows())) {
        const std::optional<store::PendingChange> change = m_model->change(id);
        if (change && isOpen(change->state) && change->approvedBy.isEmpty() &&
            change->author != m_database.sessionUser())
            ids << change->id;
    }
    return ids;
}

void ChangeApproval::updateButton() {
    if (!m_available)
        return;
    const bool selected = m_view->selectionModel()->hasSelection();
    const QList<qint64> approvable = approvableSelection();
    m_button->setEnabled(!m_syncRunning && !approvable.isEmpty());
    if (m_syncRunning)
        m_button->setToolTip(tr("A sync is running; approve when it has finished."));
    else if (selected && approvable.isEmpty())
        m_button->setToolTip(tr("You can approve only open changes that someone else staged and nobody has "
                                "approved yet; the author of a change cannot approve it."));
    else
        m_button->setToolTip(tr("Approve the selected changes as %1, so that they can be applied when "
                                "four-eyes approval is on (Ctrl+Shift+V)")
                                 .arg(m_database.sessionUser()));
}

void ChangeApproval::approveSelected() {
    const QList<qint64> ids = approvableSelection();
    if (ids.isEmpty() || m_syncRunning)
        return;
    store::PendingChangeRepository changes(m_database);
    QStringList errors;
    for (const qint64 id : ids) {
        QString error;
        if (!changes.approve(id, &error))
            errors << error;
    }
    emit approved();
    if (!errors.isEmpty())
        QMessageBox::warning(m_button->window(), tr("Approve changes"), errors.join(u'\n'));
}

void ChangeApproval::retranslate() {
    m_button->setText(tr("A&pprove"));
    updateButton();
}

bool ChangeApproval::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

} // namespace trunkline::gui
