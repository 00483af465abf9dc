#include "gui/extensions/ExtensionsPage.h"

#include "changes/ChangePayloads.h"
#include "changes/StagingHistory.h"
#include "core/PhoneNumberRecord.h"
#include "gui/FilterCombo.h"
#include "gui/PageActions.h"
#include "gui/RecordsPage.h"
#include "gui/Retranslate.h"
#include "gui/TableCsvExport.h"
#include "gui/TextStyle.h"
#include "gui/extensions/ExtensionCreateDialog.h"
#include "gui/extensions/ExtensionEditor.h"
#include "gui/extensions/ExtensionPermissions.h"
#include "gui/extensions/FormMessages.h"
#include "models/ExtensionsModel.h"
#include "providers/ProviderRegistry.h"
#include "store/ExtensionRepository.h"
#include "store/ProfileRepository.h"
#include "ui_ExtensionsPage.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QSettings>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {
const QString kHeaderKey = u"extensions/header"_s;
const QString kSplitterKey = u"extensions/splitter"_s;
} // namespace

ExtensionsPage::ExtensionsPage(store::Database& database, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ExtensionsPage>())
    , m_database(database)
    , m_model(new models::ExtensionsModel(database, this)) {
    m_ui->setupUi(this);
    setObjectName(u"extensionsPage"_s);
    text::makeHeading(m_ui->titleLabel, text::kPageTitleScale);
    text::makeSecondary({m_ui->countLabel});
    form::makeBanner(m_ui->infoLabel, form::Banner::Info);

    m_ui->tableView->setModel(m_model);
    new TableCsvExport(this, m_ui->tableView, u"extensions"_s, m_ui->titleLayout);
    QHeaderView* header = setUpRecordsTable(m_ui->tableView, models::ExtensionsModel::NumberColumn,
                                            {{models::ExtensionsModel::NumberColumn, 70},
                                             {models::ExtensionsModel::NameColumn, 180},
                                             {models::ExtensionsModel::TypeColumn, 120},
                                             {models::ExtensionsModel::StatusColumn, 100},
                                             {models::ExtensionsModel::EmailColumn, 220},
                                             {models::ExtensionsModel::DepartmentColumn, 130},
                                             {models::ExtensionsModel::TimeZoneColumn, 140}});
    header->restoreState(QSettings().value(kHeaderKey).toByteArray());
    m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    saveOnHeaderChange(header, this, &ExtensionsPage::saveState);

    m_editor = new ExtensionEditor(database, m_ui->editorHost);
    m_ui->editorHostLayout->addWidget(m_editor);
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 3);
    if (!m_ui->splitter->restoreState(QSettings().value(kSplitterKey).toByteArray()))
        m_ui->splitter->setSizes({480, 720});
    connect(m_ui->splitter, &QSplitter::splitterMoved, this, &ExtensionsPage::saveState);

    m_filterDelay = makeFilterDelay(this, &ExtensionsPage::applyFilter, {m_ui->textEdit}, kFilterDelayMs);
    connect(m_ui->textEdit, &QLineEdit::returnPressed, this, &ExtensionsPage::applyFilter);
    connect(m_ui->typeCombo, &QComboBox::currentIndexChanged, this, &ExtensionsPage::applyFilter);
    connect(m_ui->statusCombo, &QComboBox::currentIndexChanged, this, &ExtensionsPage::applyFilter);
    connect(m_ui->endpointCombo, &QComboBox::currentIndexChanged, this, &ExtensionsPage::applyFilter);
    connect(m_model, &models::ExtensionsModel::totalCountChanged, this, &ExtensionsPage::updateCount);
    connect(m_model, &models::ExtensionsModel::errorOccurred, m_ui->countLabel, &QLabel::setText);
    connect(m_ui->tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ExtensionsPage::currentRowChanged);
    // Enter or a double click opens the form of the extension.
    connect(m_ui->tableView, &QAbstractItemView::activated, this,
            [this] { m_editor->setFocus(Qt::OtherFocusReason); });
    connect(m_editor, &ExtensionEditor::modifiedChanged, this, &ExtensionsPage::updateActions);
    connect(m_editor, &ExtensionEditor::saved, this, [this](const QString& message) {
        m_lastMessage = message;
        emit statusMessage(message);
    });

    makeShortcutAction(this, u"findAction"_s, QKeySequence::Find, &ExtensionsPage::focusFilter);

    m_newAction = makeShortcutAction(this, u"newExtensionAction"_s, QKeySequence::New,
                                     &ExtensionsPage::createExtension);
    m_newAction->setText(tr("&New extension…"));
    connect(m_ui->newButton, &QPushButton::clicked, m_newAction, &QAction::trigger);

    // Del deletes the extension only from the list, never while a field of the form has the focus.
    m_deleteAction =
        makeShortcutAction(this, u"deleteExtensionAction"_s, QKeySequence::Delete,
                           &ExtensionsPage::deleteExtension, m_ui->tableView, Qt::WidgetShortcut);
    m_deleteAction->setText(tr("&Delete extension…"));
    connect(m_ui->deleteButton, &QPushButton::clicked, m_deleteAction, &QAction::trigger);

    m_saveAction =
        makeShortcutAction(this, u"saveExtensionAction"_s, QKeySequence::Save, &ExtensionsPage::save);
    m_saveAction->setText(tr("&Save extension"));

    fillCombos();
    updateCount();
    updateProviderNote();
    updateActions();
}

ExtensionsPage::~ExtensionsPage() {
    // The children die after m_ui; a header resized on its way out must not reach saveState().
    m_ui->tableView->horizontalHeader()->disconnect(this);
    m_ui->splitter->disconnect(this);
}

void ExtensionsPage::fillCombos() {
    fillFilterCombo(m_ui->typeCombo, tr("All types"), enumChoices(core::allValues<core::ExtensionType>()));
    fillFilterCombo(m_ui->statusCombo, tr("All statuses"),
                    enumChoices(core::allValues<core::ExtensionStatus>()));
    fillFilterCombo(m_ui->endpointCombo, tr("All endpoints"),
                    enumChoices(core::allValues<core::EndpointType>()));
}

void ExtensionsPage::applyFilter() {
    m_filterDelay->stop();
    store::ExtensionTableFilter filter = m_model->filter();
    filter.text = m_ui->textEdit->text();
    const QString type = m_ui->typeCombo->currentData().toString();
    filter.type = type.isEmpty() ? std::nullopt : core::fromWire<core::ExtensionType>(type);
    const QString status = m_ui->statusCombo->currentData().toString();
    filter.status = status.isEmpty() ? std::nullopt : core::fromWire<core::ExtensionStatus>(status);
    const QString endpoint = m_ui->endpointCombo->currentData().toString();
    filter.endpointType = endpoint.isEmpty() ? std::nullopt : core::fromWire<core::EndpointType>(endpoint);
    m_model->setFilter(filter);
    // The form keeps showing its extension even when the filter hides its row.
    selectExtension(m_editor->profileId(), m_editor->extensionId());
}

void ExtensionsPage::setProfile(std::optional<qint64> profileId) {
    store::ExtensionTableFilter filter = m_model->filter();
    filter.profileId = profileId;
    m_model->setFilter(filter);
    selectExtension(m_editor->profileId(), m_editor->extensionId());
}

void ExtensionsPage::refresh() {
    m_model->refresh();
    updateProviderNote();
    // A sync may have changed the open extension; reload it unless the admin is editing it.
    if (!m_editor->extensionId().isEmpty() && !m_editor->hasUnsavedEdits()) {
        const qint64 profile = m_editor->profileId();
        const QString id = m_editor->extensionId();
        if (!m_editor->setExtension(profile, id))
            m_editor->clear();
    }
    selectExtension(m_editor->profileId(), m_editor->extensionId());
    updateActions();
}

bool ExtensionsPage::selectExtension(qint64 profileId, const QString& extensionId) {
    if (extensionId.isEmpty())
        return false;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const store::ExtensionRow& r = m_model->rowAt(row);
        if (r.profileId == profileId && r.extension.id == extensionId) {
            m_ui->tableView->selectionModel()->setCurrentIndex(
                m_model->index(row, models::ExtensionsModel::NumberColumn),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return true;
        }
    }
    return false;
}

void ExtensionsPage::currentRowChanged(const QModelIndex& current, const QModelIndex& previous) {
    if (m_restoringRow || !current.isValid()) {
        updateActions();
        return;
    }
    const store::ExtensionRow& row = m_model->rowAt(current.row());
    if (row.profileId == m_editor->profileId() && row.extension.id == m_editor->extensionId()) {
        updateActions();
        return;
    }
    if (!confirmLeavingEdits()) {
        // Back to the extension whose edits are kept.
        m_restoringRow = true;
        if (!selectExtension(m_editor->profileId(), m_editor->extensionId()) && previous.isValid())
            m_ui->tableView->selectionModel()->setCurrentIndex(previous, QItemSelectionModel::ClearAndSelect |
                                                                             QItemSelectionModel::Rows);
        m_restoringRow = false;
        return;
    }
    const qint64 profile = row.profileId;
    const QString id = row.extension.id;
    if (!m_editor->setExtension(profile, id))
        showMessage(tr("Extension %1 is no longer in the local store; sync to update the list.").arg(id));
    else
        emit extensionOpened(profile, id);
    updateActions();
}

bool ExtensionsPage::confirmLeavingEdits() {
    if (!m_editor->hasUnsavedEdits())
        return true;
    const core::Extension x = m_editor->baseline();
    const QString text =
        tr("Extension %1 (%2) has unsaved edits. Save them as pending changes before opening "
           "another extension?")
            .arg(x.extensionNumber, x.name);
    const QMessageBox::StandardButton answer =
        m_unsavedPrompt
            ? m_unsavedPrompt(text)
            : QMessageBox::question(this, tr("Unsaved edits"), text,
                                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                    QMessageBox::Save);
    if (answer == QMessageBox::Discard) {
        m_editor->revert();
        return true;
    }
    if (answer == QMessageBox::Save) {
        QString error;
        if (m_editor->save(&error))
            return true;
        showMessage(error);
    }
    return false;
}

void ExtensionsPage::save() {
    if (!m_editor->hasUnsavedEdits())
        return;
    QString error;
    if (!m_editor->save(&error))
        showMessage(error);
}

void ExtensionsPage::createExtension() {
    updateActions();
    if (!m_newAction->isEnabled())
        return;
    const qint64 current = m_editor->profileId();
    ExtensionCreateDialog dialog(m_database, current > 0 ? std::optional<qint64>(current) : std::nullopt,
                                 this);
    const bool accepted = m_createRunner ? m_createRunner(dialog) : dialog.exec() == QDialog::Accepted;
    if (!accepted)
        return;
    const core::RuleViolations problems = dialog.violations();
    if (!problems.isEmpty()) {
        showMessage(tr("Not staged: %1").arg(problems.first().message));
        return;
    }
    const core::Extension extension = dialog.extension();
    const changes::StagingResult staged =
        changes::StagingHistory::of(m_database)
            .stage(changes::ChangePayloads::extensionCreate(dialog.profileId(), extension),
                   tr("New extension %1").arg(extension.extensionNumber));
    if (!staged.ok()) {
        showMessage(staged.error);
        return;
    }
    showMessage(tr("Extension %1 (%2) is staged for creation; it appears in the list after the next sync.")
                    .arg(extension.extensionNumber, extension.name));
}

void ExtensionsPage::deleteExtension() {
    updateActions();
    const std::optional<core::Extension> stored = m_editor->storedExtension();
    if (!m_deleteAction->isEnabled() || !stored)
        return;
    const QString title = tr("Delete extension %1").arg(stored->extensionNumber);
    const QString text =
        tr("Delete extension %1 (%2) at RingCentral with the next sync? Its direct numbers go back to the "
           "company's numbers, and its forwarding numbers, voicemail and settings are removed. This cannot "
           "be "
           "undone once applied.")
            .arg(stored->extensionNumber, stored->name);
    const bool confirmed =
        m_confirmPrompt ? m_confirmPrompt(title, text)
                        : QMessageBox::warning(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                               QMessageBox::Cancel) == QMessageBox::Yes;
    if (!confirmed)
        return;
    const qint64 profile = m_editor->profileId();
    store::ExtensionRepository repository(m_database);
    const changes::StagingResult staged =
        changes::StagingHistory::of(m_database)
            .stage(changes::ChangePayloads::extensionDelete(profile, *stored, repository.versionOf(*stored)),
                   tr("Delete extension %1").arg(stored->extensionNumber));
    if (!staged.ok()) {
        showMessage(staged.error);
        return;
    }
    m_editor->setExtension(profile, stored->id);
    showMessage(
        tr("Extension %1 (%2) is staged for deletion; it is deleted at RingCentral with the next sync.")
            .arg(stored->extensionNumber, stored->name));
    updateActions();
}

void ExtensionsPage::updateActions() {
    const ExtensionPermissions permissions(m_database);
    // New: allowed when some RingCentral profile lets its signed-in user create extensions; the reason
    // shown is the one of the open extension's profile, else of the first RingCentral profile.
    ExtensionPermissions::Verdict create{false, tr("Extensions exist only at RingCentral, and no RingCentral "
                                                   "profile is set up; Telnyx and Restcomm have none.")};
    bool anyAllowed = false;
    std::optional<ExtensionPermissions::Verdict> shown;
    for (const store::Profile& profile : store::ProfileRepository(m_database).list()) {
        if (!providers::hasExtensions(profile.provider))
            continue;
        const ExtensionPermissions::Verdict verdict = permissions.canCreate(profile.id);
        anyAllowed = anyAllowed || verdict.allowed;
        if (!shown || profile.id == m_editor->profileId())
            shown = verdict;
    }
    if (shown)
        create = *shown;
    const bool createAllowed = anyAllowed;
    m_newAction->setEnabled(createAllowed);
    m_ui->newButton->setEnabled(createAllowed);
    const QString newTip = tr("Create an extension (Ctrl+N)");
    m_ui->newButton->setToolTip(createAllowed ? newTip : create.whyNot);
    m_newAction->setToolTip(createAllowed ? newTip : create.whyNot);

    const std::optional<core::Extension> stored = m_editor->storedExtension();
    ExtensionPermissions::Verdict remove{false, tr("Select an extension to delete it.")};
    if (stored)
        remove = permissions.canDelete(m_editor->profileId(), stored->id);
    m_deleteAction->setEnabled(remove.allowed);
    m_ui->deleteButton->setEnabled(remove.allowed);
    const QString deleteTip = tr("Delete the selected extension (Del)");
    m_ui->deleteButton->setToolTip(remove.allowed ? deleteTip : remove.whyNot);
    m_deleteAction->setToolTip(remove.allowed ? deleteTip : remove.whyNot);

    m_saveAction->setEnabled(m_editor->hasUnsavedEdits());
}

void ExtensionsPage::updateProviderNote() {
    QStringList without;
    bool anyWithExtensions = false;
    for (const store::Profile& profile : store::ProfileRepository(m_database).list()) {
        if (providers::hasExtensions(profile.provider))
            anyWithExtensions = true;
        else
            without << profile.name;
    }
    QString note;
    if (!without.isEmpty()) {
        note =
            anyWithExtensions
                ? tr("Only RingCentral has extensions; the Telnyx and Restcomm profiles (%1) have none and "
                     "are not listed here.")
                      .arg(without.join(u", "_s))
                : tr("Only RingCentral has extensions, and every profile here is a Telnyx or Restcomm "
                     "profile (%1). Their numbers are on the Numbers page.")
                      .arg(without.join(u", "_s));
    }
    form::showBanner(m_ui->infoLabel, note);
}

void ExtensionsPage::showMessage(const QString& message) {
    m_lastMessage = message;
    m_editor->showMessage(message);
    emit statusMessage(message);
}

void ExtensionsPage::focusFilter() {
    m_ui->textEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->textEdit->selectAll();
}

void ExtensionsPage::updateCount() {
    const qint64 total = m_model->totalCount();
    if (total >= 0) {
        m_ui->countLabel->setText(total == 1 ? tr("1 extension")
                                             : tr("%1 extensions").arg(QLocale().toString(total)));
    }
}

void ExtensionsPage::saveState() const {
    QSettings settings;
    settings.setValue(kHeaderKey, m_ui->tableView->horizontalHeader()->saveState());
    settings.setValue(kSplitterKey, m_ui->splitter->saveState());
}

void ExtensionsPage::changeEvent(QEvent* event) {
    retranslateOnLanguageChange(event, *m_ui, this, [this] {
        fillCombos();
        updateCount();
        updateProviderNote();
        updateActions();
    });
    QWidget::changeEvent(event);
}

} // namespace trunkline::gui
