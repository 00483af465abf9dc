#include "gui/pending/PendingChangesPage.h"

#include "changes/ChangeStager.h"
#include "gui/Retranslate.h"
#include "gui/TableCsvExport.h"
#include "gui/TextStyle.h"
#include "gui/pending/ChangeApproval.h"
#include "models/PendingChangesModel.h"
#include "ui_PendingChangesPage.h"

#include <QAction>
#include <QHeaderView>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {
const auto kHeaderKey = "PendingChangesPage/header"_L1;

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

    m_ui->tableView->setModel(m_model);
    new TableCsvExport(this, m_ui->tableView, u"pending-changes"_s, m_ui->buttonLayout);
    QHeaderView* header = m_ui->tableView->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->resizeSection(models::PendingChangesModel::DetailsColumn, 320);
    header->restoreState(QSettings().value(kHeaderKey).toByteArray());

    m_ui->applyButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_ui->applyButton->setToolTip(tr("Send every waiting change to its provider (Ctrl+Return)"));
    m_ui->discardButton->setShortcut(QKeySequence::Delete);
    m_ui->discardButton->setToolTip(tr("Drop the selected changes without sending them (Del)"));
    connect(m_ui->applyButton, &QPushButton::clicked, this, &PendingChangesPage::applyRequested);
    connect(m_ui->discardButton, &QPushButton::clicked, this, &PendingChangesPage::discardSelected);
    connect(m_ui->discardAllButton, &QPushButton::clicked, this, &PendingChangesPage::discardAll);
    connect(m_ui->tableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
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
    m_approval = new ChangeApproval(m_database, m_ui->tableView, m_model, m_ui->buttonLayout, this);
    connect(m_approval, &ChangeApproval::approved, this, &PendingChangesPage::refresh);
    refresh();
}

PendingChangesPage::~PendingChangesPage() = default;

void PendingChangesPage::setSyncRunning(bool running) {
    m_syncRunning = running;
    m_approval->setSyncRunning(running);
    updateActions();
}

void PendingChangesPage::refresh() {
    m_model->reload();
    updateActions();
}

void PendingChangesPage::discardSelected() {
    QList<qint64> ids;
    for (const QModelIndex& index : m_ui->tableView->selectionModel()->selectedRows())
        ids << index.data(models::PendingChangesModel::ChangeIdRole).toLongLong();
    discard(ids);
}

void PendingChangesPage::discardAll() {
    QList<qint64> ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids << m_model->changeAt(row).id;
    discard(ids);
}

void PendingChangesPage::discard(const QList<qint64>& ids) {
    if (ids.isEmpty() || m_syncRunning || !m_confirmDiscard(this, int(ids.size())))
        return;
    changes::ChangeStager& stager = changes::ChangeStager::of(m_database);
    QStringList errors;
    for (const qint64 id : ids) {
        const changes::StagingResult discarded = stager.discard(id);
        if (!discarded.ok())
            errors << discarded.error;
    }
    refresh();
    emit changesDiscarded();
    if (!errors.isEmpty())
        QMessageBox::warning(this, tr("Discard changes"), errors.join(u'\n'));
}

void PendingChangesPage::updateActions() {
    const int total = m_model->rowCount();
    const int applicable = m_model->applicableCount();
    m_ui->contentStack->setCurrentWidget(total > 0 ? static_cast<QWidget*>(m_ui->tableView)
                                                   : static_cast<QWidget*>(m_ui->emptyLabel));
    m_ui->countLabel->setText(m_model->lastError().isEmpty()
                                  ? (total == 1 ? tr("1 change") : tr("%1 changes").arg(total))
                                  : m_model->lastError());
    m_ui->applyButton->setText(
        applicable > 0 ? (applicable == 1 ? tr("&Apply 1 change") : tr("&Apply %1 changes").arg(applicable))
                       : tr("&Apply all"));
    m_ui->applyButton->setEnabled(applicable > 0 && !m_syncRunning);
    m_ui->applyButton->setToolTip(m_syncRunning
                                      ? tr("A sync is running; apply when it has finished.")
                                      : tr("Send every waiting change to its provider (Ctrl+Return)"));
    m_ui->discardButton->setEnabled(!m_syncRunning && m_ui->tableView->selectionModel()->hasSelection());
    m_ui->discardAllButton->setEnabled(!m_syncRunning && total > 0);
}

void PendingChangesPage::saveState() const {
    QSettings().setValue(kHeaderKey, m_ui->tableView->horizontalHeader()->saveState());
}

void PendingChangesPage::changeEvent(QEvent* event) {
    retranslateOnLanguageChange(event, *m_ui, this, [this] { updateActions(); });
    QWidget::changeEvent(event);
}

} // namespace trunkline::gui
