#include "gui/pending/PendingChangesPage.h"

#include "changes/ChangeDescription.h"
#include "changes/ChangeStager.h"
#include "changes/StagingHistory.h"
#include "gui/PageActions.h"
#include "gui/Retranslate.h"
#include "gui/TableCsvExport.h"
#include "gui/TextStyle.h"
#include "gui/pending/ChangeApproval.h"
#include "gui/pending/ConflictDialog.h"
#include "gui/syncstatus/SyncController.h"
#include "models/PendingChangesModel.h"
#include "store/PendingChangeRepository.h"
#include "ui_PendingChangesPage.h"

#include <QBrush>
#include <QHeaderView>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {
const auto kHeaderKey = "PendingChangesPage/treeHeader"_L1;
constexpr int kResultChangeIdRole = Qt::UserRole + 1;

bool askToDiscard(QWidget* parent, int count) {
    QMessageBox box(QMessageBox::Warning, PendingChangesPage::tr("Discard changes"),
                    count == 1 ? PendingChangesPage::tr("Discard this change?")
                               : PendingChangesPage::tr("Discard these %1 changes?").arg(count),
                    QMessageBox::Cancel, parent);
    box.setInformativeText(PendingChangesPage::tr(
        "The edits are removed from this computer and never sent to the provider. This cannot be undone."));
    QPushButton* discard = box.addButton(PendingChangesPage::tr("Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == discard;
}

bool isApplicable(const store::PendingChange& change) {
    return change.state == store::ChangeState::Pending || change.state == store::ChangeState::Failed;
}
} // namespace

PendingChangesPage::PendingChangesPage(store::Database& database, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PendingChangesPage>())
    , m_database(database)
    , m_model(new models::PendingChangesModel(database, this))
    , m_confirmDiscard(askToDiscard) {
    m_ui->setupUi(this);
    setObjectName(u"pending-changesPage"_s);
    text::makeHeading(m_ui->titleLabel, text::kPageTitleScale);
    text::makeSecondary({m_ui->countLabel, m_ui->emptyLabel});

    m_ui->treeView->setModel(m_model);
    QHeaderView* header = m_ui->treeView->header();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->resizeSection(models::PendingChangesModel::ChangeColumn, 380);
    header->resizeSection(models::PendingChangesModel::BeforeColumn, 160);
    header->resizeSection(models::PendingChangesModel::AfterColumn, 160);
    header->resizeSection(models::PendingChangesModel::RequestsColumn, 80);
    header->resizeSection(models::PendingChangesModel::StateColumn, 130);
    header->resizeSection(models::PendingChangesModel::StagedColumn, 140);
    header->restoreState(QSettings().value(kHeaderKey).toByteArray());
    m_ui->resultsView->header()->resizeSection(0, 120);
    m_ui->resultsView->header()->resizeSection(1, 420);

    addButtonShortcut(this, m_ui->applySelectedButton, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    addButtonShortcut(this, m_ui->applyButton, QKeySequence(Qt::CTRL | Qt::Key_Return));
    addButtonShortcut(this, m_ui->discardButton, QKeySequence::Delete);
    m_ui->discardButton->setToolTip(tr("Drop the selected changes without sending them (Del)"));
    addButtonShortcut(this, m_ui->cancelApplyButton, QKeySequence(Qt::Key_Escape));
    m_ui->cancelApplyButton->setToolTip(tr("Stop after the change being sent now (Esc)"));
    m_ui->dismissButton->setToolTip(tr("Remove the selected results from this list"));
    connect(m_ui->applySelectedButton, &QPushButton::clicked, this, &PendingChangesPage::applySelected);
    connect(m_ui->applyButton, &QPushButton::clicked, this, &PendingChangesPage::applyAll);
    connect(m_ui->discardButton, &QPushButton::clicked, this, &PendingChangesPage::discardSelected);
    connect(m_ui->discardAllButton, &QPushButton::clicked, this, &PendingChangesPage::discardAll);
    connect(m_ui->cancelApplyButton, &QPushButton::clicked, this, [this] {
        m_ui->cancelApplyButton->setEnabled(false);
        if (m_sync)
            m_sync->cancel();
    });
    connect(m_ui->dismissButton, &QPushButton::clicked, this, [this] { dismissResults(false); });
    connect(m_ui->dismissAllButton, &QPushButton::clicked, this, [this] { dismissResults(true); });
    connect(m_ui->resultsView, &QTreeWidget::itemSelectionChanged, this, &PendingChangesPage::updateActions);
    addButtonShortcut(this, m_ui->resolveButton, QKeySequence(Qt::CTRL | Qt::Key_R));
    m_ui->resolveButton->setToolTip(tr("Compare the selected conflict with the provider’s record and choose "
                                       "what to keep (Ctrl+R, or double-click the row)"));
    connect(m_ui->resolveButton, &QPushButton::clicked, this, &PendingChangesPage::resolveSelected);
    connect(m_ui->treeView, &QTreeView::doubleClicked, this, &PendingChangesPage::resolveSelected);
    connect(m_ui->treeView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PendingChangesPage::updateActions);
    connect(header, &QHeaderView::sectionMoved, this, &PendingChangesPage::saveState);
    connect(header, &QHeaderView::sectionResized, this, &PendingChangesPage::saveState);
    // Whatever page staged or discarded something, the list follows; one re-read per burst of rows.
    connect(&changes::ChangeStager::of(m_database), &changes::ChangeStager::changed, this, [this] {
        if (m_refreshQueued)
            return;
        m_refreshQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_refreshQueued = false;
            refresh();
        });
    });
    m_approval = new ChangeApproval(m_database, m_ui->treeView, m_model, m_ui->buttonLayout, this);
    connect(m_approval, &ChangeApproval::approved, this, &PendingChangesPage::refresh);
    m_export = new TableCsvExport(this, m_ui->treeView, u"pending-changes"_s, m_ui->buttonLayout);
    m_export->setTreeLevels(exportLevels());
    refresh();
}

PendingChangesPage::~PendingChangesPage() = default;

void PendingChangesPage::setSyncController(SyncController* sync) {
    m_sync = sync;
    connect(sync, &SyncController::started, this, [this] { setSyncRunning(true); });
    connect(sync, &SyncController::applyProgress, this, &PendingChangesPage::showApplyProgress);
    connect(sync, &SyncController::finished, this, [this] {
        setSyncRunning(false);
        applyFinished();
    });
    setSyncRunning(sync->isRunning());
}

void PendingChangesPage::setSyncRunning(bool running) {
    m_syncRunning = running;
    m_approval->setSyncRunning(running);
    updateActions();
}

void PendingChangesPage::refresh() {
    // A refresh rebuilds the tree: keep the selected changes selected.
    const QList<qint64> selected = selectedChangeIds();
    m_model->reload();
    m_ui->treeView->expandAll();
    // What a buy or release means is a sentence: it gets the row's whole width.
    const QModelIndexList consequences =
        m_model->match(m_model->index(0, 0), models::PendingChangesModel::RowKindRole,
                       static_cast<int>(models::PendingChangesModel::RowKind::Consequence), -1,
                       Qt::MatchExactly | Qt::MatchRecursive);
    for (const QModelIndex& index : consequences)
        m_ui->treeView->setFirstColumnSpanned(index.row(), index.parent(), true);
    for (const qint64 id : selected) {
        const QModelIndex index = m_model->indexOfChange(id);
        if (index.isValid())
            m_ui->treeView->selectionModel()->select(index,
                                                     QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    updateActions();
}

QList<qint64> PendingChangesPage::selectedChangeIds() const {
    return m_model->changeIdsUnder(m_ui->treeView->selectionModel()->selectedRows());
}

void PendingChangesPage::applySelected() {
    QList<qint64> ids;
    for (const qint64 id : selectedChangeIds()) {
        const std::optional<store::PendingChange> change = m_model->change(id);
        if (change && isApplicable(*change))
            ids << id;
    }
    if (ids.isEmpty() || !m_sync || m_syncRunning)
        return;
    startApplying(ids);
    m_sync->applyChanges(QSet<qint64>(ids.cbegin(), ids.cend()));
}

void PendingChangesPage::applyAll() {
    QList<qint64> ids;
    for (const store::PendingChange& change : m_model->changes()) {
        // A change left `applying` by a killed applier is recovered by the run too.
        if (isApplicable(change) || change.state == store::ChangeState::Applying)
            ids << change.id;
    }
    if (ids.isEmpty() || !m_sync || m_syncRunning)
        return;
    startApplying(ids);
    m_sync->applyPending();
}

void PendingChangesPage::startApplying(const QList<qint64>& changeIds) {
    m_applying = changeIds;
    m_titles.clear();
    const changes::ChangeDescriber describer(m_database);
    for (const qint64 id : changeIds) {
        if (const std::optional<store::PendingChange> change = m_model->change(id)) {
            const changes::ChangeDescription description = describer.describe(*change);
            m_titles.insert(id, tr("%1 · %2").arg(description.recordTitle, description.summary));
        }
    }
    m_ui->applyProgressBar->setRange(0, int(changeIds.size()));
    m_ui->applyProgressBar->setValue(0);
    m_ui->applyProgressBar->setVisible(true);
    m_ui->cancelApplyButton->setEnabled(true);
    m_ui->cancelApplyButton->setVisible(true);
}

void PendingChangesPage::showApplyProgress(int done, int total) {
    if (m_applying.isEmpty())
        return;
    m_ui->applyProgressBar->setRange(0, std::max(total, 1));
    m_ui->applyProgressBar->setValue(done);
}

void PendingChangesPage::applyFinished() {
    m_ui->applyProgressBar->setVisible(false);
    m_ui->cancelApplyButton->setVisible(false);
    if (m_applying.isEmpty()) {
        refresh();
        return;
    }
    store::PendingChangeRepository repository(m_database);
    for (const qint64 id : std::as_const(m_applying)) {
        const std::optional<store::PendingChange> change = repository.find(id);
        if (!change)
            continue; // discarded meanwhile (by a script or another admin)
        QString result;
        QString message = change->lastError;
        switch (change->state) {
        case store::ChangeState::Applied:
            result = tr("Applied");
            message.clear();
            break;
        case store::ChangeState::Failed:
            result = tr("Failed");
            break;
        case store::ChangeState::Conflict:
            result = tr("Conflict");
            break;
        case store::ChangeState::Applying:
            result = tr("Not applied");
            message = tr("Another applier holds it; the sync status says who.");
            break;
        case store::ChangeState::Pending:
            result = tr("Not applied");
            message = tr("Not sent: applying was cancelled before this change.");
            break;
        }
        // A later run's result replaces the earlier one of the same change.
        for (int row = m_ui->resultsView->topLevelItemCount() - 1; row >= 0; --row) {
            if (m_ui->resultsView->topLevelItem(row)->data(0, kResultChangeIdRole).toLongLong() == id)
                delete m_ui->resultsView->takeTopLevelItem(row);
        }
        auto* item = new QTreeWidgetItem(m_ui->resultsView, {result, m_titles.value(id), message});
        item->setData(0, kResultChangeIdRole, id);
        item->setToolTip(2, message);
        if (change->state == store::ChangeState::Failed || change->state == store::ChangeState::Conflict)
            item->setForeground(0, QBrush(QColor(0xc0, 0x39, 0x2b)));
    }
    m_applying.clear();
    m_titles.clear();
    refresh();
}

void PendingChangesPage::dismissResults(bool all) {
    if (all) {
        m_ui->resultsView->clear();
    } else {
        for (QTreeWidgetItem* item : m_ui->resultsView->selectedItems())
            delete item;
    }
    updateActions();
}

void PendingChangesPage::discardSelected() {
    discard(selectedChangeIds());
}

void PendingChangesPage::discardAll() {
    QList<qint64> ids;
    for (const store::PendingChange& change : m_model->changes())
        ids << change.id;
    discard(ids);
}

void PendingChangesPage::discard(const QList<qint64>& ids) {
    if (ids.isEmpty() || m_syncRunning || !m_confirmDiscard(this, int(ids.size())))
        return;
    QStringList errors;
    {
        // One entry of the undo history, with the changes discarded before any refusal.
        changes::StagingHistory& history = changes::StagingHistory::of(m_database);
        changes::StagingHistory::Edit historyEntry(
            history, ids.size() == 1 ? tr("Discard 1 change") : tr("Discard %1 changes").arg(ids.size()));
        historyEntry.commit();
        for (const qint64 id : ids) {
            const changes::StagingResult discarded = history.discard(id, {});
            if (!discarded.ok())
                errors << discarded.error;
        }
    }
    refresh();
    emit changesDiscarded();
    if (!errors.isEmpty())
        QMessageBox::warning(this, tr("Discard changes"), errors.join(u'\n'));
}

void PendingChangesPage::resolveSelected() {
    if (const std::optional<qint64> id = selectedConflict(); id && !m_syncRunning)
        ConflictDialog::openFor(m_database, *id, this);
}

std::optional<qint64> PendingChangesPage::selectedConflict() const {
    const QList<qint64> ids = selectedChangeIds();
    if (ids.size() != 1)
        return std::nullopt;
    const std::optional<store::PendingChange> change = m_model->change(ids.constFirst());
    if (!change || change->state != store::ChangeState::Conflict)
        return std::nullopt;
    return change->id;
}

void PendingChangesPage::updateActions() {
    const int total = int(m_model->changes().size());
    const int applicable = m_model->applicableCount();
    int selectedApplicable = 0;
    const QList<qint64> selected = selectedChangeIds();
    for (const qint64 id : selected) {
        const std::optional<store::PendingChange> change = m_model->change(id);
        selectedApplicable += change && isApplicable(*change) ? 1 : 0;
    }
    m_ui->contentStack->setCurrentWidget(total > 0 ? static_cast<QWidget*>(m_ui->treeView)
                                                   : static_cast<QWidget*>(m_ui->emptyLabel));
    m_ui->countLabel->setText(m_model->lastError().isEmpty()
                                  ? (total == 1 ? tr("1 change") : tr("%1 changes").arg(total))
                                  : m_model->lastError());
    const bool canApply = m_sync && !m_syncRunning;
    m_ui->applyButton->setText(
        applicable > 0 ? (applicable == 1 ? tr("&Apply 1 change") : tr("&Apply %1 changes").arg(applicable))
                       : tr("&Apply all"));
    m_ui->applyButton->setEnabled(canApply && applicable > 0);
    m_ui->applyButton->setToolTip(m_syncRunning
                                      ? tr("A sync is running; apply when it has finished.")
                                      : tr("Send every waiting change to its provider (Ctrl+Return)"));
    m_ui->applySelectedButton->setText(
        selectedApplicable > 1 ? tr("Apply &selected (%1)").arg(selectedApplicable) : tr("Apply &selected"));
    m_ui->applySelectedButton->setEnabled(canApply && selectedApplicable > 0);
    m_ui->applySelectedButton->setToolTip(
        m_syncRunning ? tr("A sync is running; apply when it has finished.")
                      : tr("Send only the selected changes (a record or profile row: all of its changes) "
                           "(Ctrl+Shift+Return)"));
    m_ui->discardButton->setEnabled(!m_syncRunning && !selected.isEmpty());
    m_ui->discardAllButton->setEnabled(!m_syncRunning && total > 0);
    const bool haveResults = m_ui->resultsView->topLevelItemCount() > 0;
    m_ui->resultsBox->setVisible(haveResults);
    m_ui->dismissButton->setEnabled(!m_ui->resultsView->selectedItems().isEmpty());
    m_ui->dismissAllButton->setEnabled(haveResults);
    m_ui->resolveButton->setEnabled(!m_syncRunning && selectedConflict().has_value());
}

QStringList PendingChangesPage::exportLevels() {
    // One row per field (or per note on what a change means) in the file, under these columns.
    return {tr("Profile"), tr("Record"), tr("Change"), tr("Field")};
}

void PendingChangesPage::saveState() const {
    QSettings().setValue(kHeaderKey, m_ui->treeView->header()->saveState());
}

void PendingChangesPage::changeEvent(QEvent* event) {
    retranslateOnLanguageChange(event, *m_ui, this, [this] {
        m_export->setTreeLevels(exportLevels());
        refresh();
        updateActions();
    });
    QWidget::changeEvent(event);
}

} // namespace trunkline::gui
