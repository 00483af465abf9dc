#include "gui/numbers/NumbersPage.h"

#include "changes/NumberChangePayloads.h"
#include "changes/ReleaseConsequences.h"
#include "core/PhoneNumber.h"
#include "gui/FilterCombo.h"
#include "gui/PageActions.h"
#include "gui/RecordsPage.h"
#include "gui/Retranslate.h"
#include "gui/StageOrWarn.h"
#include "gui/TextStyle.h"
#include "gui/numbers/AddNumberDialog.h"
#include "gui/numbers/EditNumberDialog.h"
#include "gui/numbers/NumbersCsvExport.h"
#include "models/NumbersModel.h"
#include "providers/ProviderRegistry.h"
#include "store/ExtensionRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"
#include "ui_NumbersPage.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDate>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

const QString kHeaderKey = u"numbers/header"_s;
const QString kSplitterKey = u"numbers/splitter"_s;

QString orDash(const QString& text) {
    return text.isEmpty() ? u"—"_s : text;
}

} // namespace

NumbersPage::NumbersPage(store::Database& database, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::NumbersPage>())
    , m_database(database)
    , m_model(new models::NumbersModel(database, this)) {
    m_ui->setupUi(this);
    setObjectName(u"numbersPage"_s);

    text::makeHeading(m_ui->titleLabel, text::kPageTitleScale);
    text::makeHeading(m_ui->detailsHeading, 1.15);
    text::makeSecondary({m_ui->countLabel});

    m_ui->tableView->setModel(m_model);
    QHeaderView* header = setUpRecordsTable(m_ui->tableView, models::NumbersModel::NumberColumn,
                                            {{models::NumbersModel::NumberColumn, 140},
                                             {models::NumbersModel::LabelColumn, 150},
                                             {models::NumbersModel::UsageTypeColumn, 160},
                                             {models::NumbersModel::PaymentTypeColumn, 100},
                                             {models::NumbersModel::CallTypeColumn, 110},
                                             {models::NumbersModel::FeaturesColumn, 140},
                                             {models::NumbersModel::ExtensionColumn, 130},
                                             {models::NumbersModel::StatusColumn, 90},
                                             {models::NumbersModel::ProviderColumn, 100},
                                             {models::NumbersModel::CapabilitiesColumn, 140}});
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({760, 280});

    setUpFilterBar();
    setUpActions();

    connect(m_model, &models::NumbersModel::totalCountChanged, this, &NumbersPage::updateCount);
    // A sort that waits for the numbers' indexes keeps the indicator where the order is, and the count
    // line says what it waits for.
    connect(m_model, &models::NumbersModel::sortHeld, this, [this, header] {
        const QSignalBlocker blocker(header);
        header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        updateCount();
    });
    connect(m_model, &models::NumbersModel::heldSortApplied, this,
            [this, header](int column, Qt::SortOrder order) {
                {
                    const QSignalBlocker blocker(header);
                    header->setSortIndicator(column, order);
                }
                saveState();
                updateCount();
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &NumbersPage::updateDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &NumbersPage::updateDetails);
    connect(m_model, &models::NumbersModel::errorOccurred, this, [this](const QString& message) {
        m_ui->countLabel->setText(message);
        m_ui->countLabel->setToolTip(message);
    });
    connect(m_ui->tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NumbersPage::updateDetails);
    connect(m_ui->tableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &NumbersPage::updateActions);
    connect(m_ui->tableView, &QWidget::customContextMenuRequested, this, &NumbersPage::showContextMenu);
    connect(m_ui->tableView->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] {
        // The view leaves its editing state after this signal: refresh on the next turn of the loop.
        if (m_refreshAfterEditing)
            QTimer::singleShot(0, this, &NumbersPage::refresh);
    });
    connect(m_ui->tableView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.column() == models::NumbersModel::LabelColumn) {
            editLabel();
        } else if (m_editAction->isEnabled()) {
            editNumber();
        }
    });
    saveOnHeaderChange(header, this, &NumbersPage::saveState);
    // A click on the number's column drops a sort that waited: the count line no longer mentions it.
    connect(header, &QHeaderView::sortIndicatorChanged, this, &NumbersPage::updateCount);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint& position) {
        // Columns can be hidden; the export follows what is visible.
        QMenu menu(this);
        for (int column = 0; column < models::NumbersModel::ColumnCount; ++column) {
            QAction* action = menu.addAction(models::NumbersModel::headerText(column));
            action->setCheckable(true);
            action->setChecked(!header->isSectionHidden(column));
            connect(action, &QAction::toggled, this, [this, header, column](bool shown) {
                header->setSectionHidden(column, !shown);
                saveState();
            });
        }
        menu.exec(header->mapToGlobal(position));
    });

    m_saveFilePrompt = saveCsvDialog(this, tr("Export numbers"));
    m_labelPrompt = [this](const QString& number, const QString& current) -> std::optional<QString> {
        bool ok = false;
        const QString label = QInputDialog::getText(this, tr("Edit label"), tr("Label of %1:").arg(number),
                                                    QLineEdit::Normal, current, &ok);
        return ok ? std::optional<QString>(label) : std::nullopt;
    };

    retranslate();
    restoreState();
    updateCount();
    updateDetails();
    updateActions();
}

NumbersPage::~NumbersPage() {
    // The children die after m_ui; a header resized on its way out must not reach saveState().
    m_ui->tableView->horizontalHeader()->disconnect(this);
}

void NumbersPage::setUpFilterBar() {
    // Typing waits for a pause; a choice in a combo or the check box is one decision: apply at once.
    m_filterDelay =
        makeFilterDelay(this, &NumbersPage::applyFilter, {m_ui->digitsEdit, m_ui->textEdit}, kFilterDelayMs);
    connect(m_ui->digitsEdit, &QLineEdit::returnPressed, this, &NumbersPage::applyFilter);
    connect(m_ui->textEdit, &QLineEdit::returnPressed, this, &NumbersPage::applyFilter);
    connect(m_ui->usageCombo, &QComboBox::currentIndexChanged, this, &NumbersPage::applyFilter);
    connect(m_ui->providerCombo, &QComboBox::currentIndexChanged, this, &NumbersPage::applyFilter);
    connect(m_ui->unassignedCheck, &QCheckBox::toggled, this, &NumbersPage::applyFilter);
}

void NumbersPage::setUpActions() {
    m_copyAction = makeShortcutAction(this, u"copyNumberAction"_s, QKeySequence::Copy,
                                      &NumbersPage::copySelectedNumbers, m_ui->tableView);
    m_editLabelAction = makePageAction(this, u"editLabelAction"_s, &NumbersPage::editLabel);

    // Add (Ins), Edit (F2) and Delete (Del): toolbar buttons beside Export, the context menu, shortcuts.
    const auto makeAction = [this](const QString& name, const QString& icon, const QKeySequence& key,
                                   void (NumbersPage::*slot)()) {
        QAction* action = makeShortcutAction(this, name, key, slot);
        action->setIcon(QIcon::fromTheme(icon));
        auto* button = new QToolButton(this);
        button->setObjectName(name + u"Button"_s);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        button->setDefaultAction(action);
        m_ui->titleLayout->insertWidget(m_ui->titleLayout->indexOf(m_ui->exportButton), button);
        return action;
    };
    m_addAction = makeAction(u"addNumberAction"_s, u"list-add"_s, QKeySequence(Qt::Key_Insert),
                             &NumbersPage::addNumber);
    // Porting numbers in is the Port orders page's wizard; the Numbers page is where an admin looks first.
    m_portInAction =
        makeAction(u"portInAction"_s, u"go-jump"_s, QKeySequence(), &NumbersPage::portInRequested);
    m_editAction = makeAction(u"editNumberAction"_s, u"document-edit"_s, QKeySequence(Qt::Key_F2),
                              &NumbersPage::editNumber);
    m_deleteAction = makeAction(u"deleteNumberAction"_s, u"edit-delete"_s, QKeySequence(QKeySequence::Delete),
                                &NumbersPage::deleteNumbers);

    m_exportAction = makeShortcutAction(this, u"exportAction"_s, QKeySequence(Qt::CTRL | Qt::Key_E),
                                        &NumbersPage::exportShown);
    m_exportAction->setIcon(QIcon::fromTheme(u"document-export"_s));
    m_ui->exportButton->setDefaultAction(m_exportAction);
    m_exportSelectionAction = makePageAction(this, u"exportSelectionAction"_s, &NumbersPage::exportSelection);
    m_findAction = makeShortcutAction(this, u"findAction"_s, QKeySequence::Find, &NumbersPage::focusFilter);
}

void NumbersPage::fillCombos() {
    fillFilterCombo(m_ui->usageCombo, tr("All usage types"), enumChoices(core::allValues<core::UsageType>()));
    QList<FilterChoice> providerChoices;
    for (const providers::ProviderCapabilities* row : providers::allProviders())
        providerChoices.append({row->displayName, row->key.toString()});
    fillFilterCombo(m_ui->providerCombo, tr("All providers"), providerChoices);
}

void NumbersPage::applyFilter() {
    m_filterDelay->stop();
    store::NumberTableFilter filter = m_model->filter();
    filter.digitsPattern = m_ui->digitsEdit->text();
    filter.text = m_ui->textEdit->text();
    const QString usage = m_ui->usageCombo->currentData().toString();
    filter.usageType = usage.isEmpty() ? std::nullopt : core::fromWire<core::UsageType>(usage);
    filter.provider = m_ui->providerCombo->currentData().toString();
    filter.unassignedOnly = m_ui->unassignedCheck->isChecked();
    m_model->setFilter(filter);
}

void NumbersPage::setProfile(std::optional<qint64> profileId) {
    store::NumberTableFilter filter = m_model->filter();
    filter.profileId = profileId;
    m_model->setFilter(filter);
}

void NumbersPage::refresh() {
    // A refresh resets the model, which would close a cell editor and lose what the admin is typing (a
    // sync running in the background refreshes every second): it waits until the editor is closed.
    QTableView* table = m_ui->tableView;
    // (A cell editor is a child of the viewport and has the focus while the admin types.)
    if (const QWidget* focus = QApplication::focusWidget(); focus && table->viewport()->isAncestorOf(focus)) {
        m_refreshAfterEditing = true;
        return;
    }
    m_refreshAfterEditing = false;
    // The admin keeps their place: the current number, the selection and the scroll position.
    const QModelIndex current = table->currentIndex();
    std::optional<std::pair<qint64, QString>> currentKey;
    if (current.isValid())
        currentKey = {m_model->rowAt(current.row()).profileId, m_model->rowAt(current.row()).record.id};
    QList<std::pair<qint64, QString>> selectedKeys;
    for (const int row : selectedRows())
        selectedKeys << std::pair{m_model->rowAt(row).profileId, m_model->rowAt(row).record.id};
    const int scrolled = table->verticalScrollBar()->value();

    m_model->refresh();

    QItemSelection selection;
    for (const auto& [profileId, numberId] : selectedKeys)
        if (const int row = m_model->rowOf(profileId, numberId); row >= 0)
            selection.select(m_model->index(row, 0),
                             m_model->index(row, models::NumbersModel::ColumnCount - 1));
    table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (currentKey)
        if (const int row = m_model->rowOf(currentKey->first, currentKey->second); row >= 0)
            table->selectionModel()->setCurrentIndex(m_model->index(row, current.column()),
                                                     QItemSelectionModel::NoUpdate);
    table->verticalScrollBar()->setValue(scrolled);
}

void NumbersPage::focusFilter() {
    m_ui->digitsEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->digitsEdit->selectAll();
}

QList<int> NumbersPage::selectedRows() const {
    QList<int> rows;
    for (const QModelIndex& index : m_ui->tableView->selectionModel()->selectedRows()) {
        rows << index.row();
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

QList<int> NumbersPage::visibleColumns() const {
    const QHeaderView* header = m_ui->tableView->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical)) {
            columns << logical;
        }
    }
    return columns;
}

void NumbersPage::copySelectedNumbers() {
    QStringList numbers;
    for (const int row : selectedRows()) {
        numbers << m_model->rowAt(row).record.e164;
    }
    if (!numbers.isEmpty()) {
        QGuiApplication::clipboard()->setText(numbers.join(u'\n'));
    }
}

void NumbersPage::editLabel() {
    const QModelIndex current = m_ui->tableView->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const int row = current.row();
    const std::optional<QString> label = m_labelPrompt(
        m_model->index(row, models::NumbersModel::NumberColumn).data().toString(), m_model->labelAt(row));
    if (!label) {
        return;
    }
    QString error;
    if (!m_model->setLabel(row, label->trimmed(), &error)) {
        // The prompt has closed: the message keeps what was typed.
        QMessageBox::warning(this, tr("Edit label"),
                             tr("The label “%1” could not be staged: %2").arg(label->trimmed(), error));
    }
}

void NumbersPage::setConnectionFactory(connection::ConnectionFactory* factory) {
    m_connectionFactory = factory;
    updateActions();
}

QList<store::Profile> NumbersPage::profilesForAdd() const {
    const auto offersAdd = [](const QString& key) {
        const providers::ProviderCapabilities* provider = providers::findProvider(key);
        return provider && (provider->canAddNumbers() || provider->addNumberElsewhere);
    };
    QList<store::Profile> profiles;
    for (const store::Profile& profile : store::ProfileRepository(m_database).list()) {
        if (offersAdd(profile.provider))
            profiles.append(profile);
    }
    const auto moveToFront = [&profiles](qint64 id) {
        const auto found = std::find_if(profiles.begin(), profiles.end(),
                                        [id](const store::Profile& p) { return p.id == id; });
        if (found != profiles.end())
            std::rotate(profiles.begin(), found, found + 1);
    };
    moveToFront(AddNumberDialog::rememberedProfile().value_or(0));
    const QModelIndex current = m_ui->tableView->currentIndex();
    if (current.isValid())
        moveToFront(m_model->rowAt(current.row()).profileId);
    return profiles;
}

QString NumbersPage::addBlockedReason() const {
    if (profilesForAdd().isEmpty())
        return tr("Add a provider account first: numbers are added to an account's profile.");
    if (!m_connectionFactory)
        return tr("Adding a number needs a connection to the provider, and none is set up.");
    return {};
}

QString NumbersPage::portInBlockedReason() const {
    for (const store::Profile& profile : store::ProfileRepository(m_database).list()) {
        const providers::ProviderCapabilities* provider = providers::findProvider(profile.provider);
        if (provider && provider->porting)
            return {};
    }
    return tr("Numbers are ported in through a provider that takes port orders (Telnyx); add such a profile "
              "first.");
}

QString NumbersPage::editBlockedReason() const {
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return tr("Select a number to edit.");
    const QModelIndex current = m_ui->tableView->currentIndex();
    const int row = current.isValid() ? current.row() : rows.constFirst();
    if (m_model->isPendingDelete(row))
        return tr("This number is staged for release; discard that change to edit it.");
    return {};
}

QString NumbersPage::deleteBlockedReason() const {
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return tr("Select the numbers to release.");
    if (std::all_of(rows.begin(), rows.end(), [this](int row) { return m_model->isPendingDelete(row); }))
        return tr("The selected numbers are already staged for release.");
    for (const int row : rows) {
        const QString key = m_model->rowAt(row).record.provider;
        const providers::ProviderCapabilities* provider = providers::findProvider(key);
        if (provider && provider->releaseNumbers)
            continue;
        if (provider && provider->releaseElsewhere)
            return QCoreApplication::translate("trunkline::gui::NumbersPage", provider->releaseElsewhere);
        return tr("%1 numbers cannot be released by Trunkline.").arg(providers::providerDisplayName(key));
    }
    return {};
}

QString NumbersPage::releaseConfirmationText(int count, const QString& firstNumber,
                                             const QStringList& providers) {
    const QString provider = providers.join(u", "_s);
    const QString what =
        count == 1 ? tr("The number %1").arg(firstNumber) : tr("The %1 selected numbers").arg(count);
    return tr("%1 will be released at %2 when pending changes are applied; a released number may be given "
              "to someone else and cannot be recovered.")
        .arg(what, provider);
}

QStringList NumbersPage::releaseConsequences(const QList<int>& rows) const {
    // A long selection lists the first consequences and counts the rest: the box must fit the screen.
    constexpr qsizetype kShown = 8;
    QStringList all;
    store::PhoneNumberRepository numbers(m_database);
    for (const int row : rows) {
        const store::NumberRow r = m_model->rowAt(row);
        // The table row holds only part of a Restcomm record (not its URLs): read the stored one.
        const std::optional<core::PhoneNumberRecord> stored = numbers.find(r.profileId, r.record.id);
        all += changes::ReleaseConsequences::of(m_database, r.profileId, stored.value_or(r.record));
    }
    if (all.size() <= kShown)
        return all;
    const qsizetype more = all.size() - kShown;
    return all.first(kShown) << tr("…and %n more.", nullptr, static_cast<int>(more));
}

void NumbersPage::addNumber() {
    if (!addBlockedReason().isEmpty())
        return;
    AddNumberDialog dialog(*m_connectionFactory, profilesForAdd(), this);
    connect(&dialog, &AddNumberDialog::portInRequested, this, &NumbersPage::portInRequested);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (stageOrWarn(
            this, m_database,
            changes::NumberChangePayloads::numberProvision(dialog.profile().id, dialog.provisionRequest()),
            tr("Add number"), tr("The new number could not be staged: %1")))
        emit changesStaged();
}

void NumbersPage::editNumber() {
    if (!editBlockedReason().isEmpty())
        return;
    const QModelIndex current = m_ui->tableView->currentIndex();
    const int row = current.isValid() ? current.row() : selectedRows().constFirst();
    const store::NumberRow r = m_model->rowAt(row);
    QString error;
    // The table row holds only part of a Restcomm record: edit the whole stored one.
    const std::optional<core::PhoneNumberRecord> stored =
        store::PhoneNumberRepository(m_database).find(r.profileId, r.record.id, &error);
    if (!stored) {
        QMessageBox::warning(this, tr("Edit number"),
                             error.isEmpty() ? tr("The number is no longer in the local copy.") : error);
        return;
    }
    const core::PhoneNumberRecord shown =
        changes::NumberChangePayloads::applyNumberFields(*stored, m_model->pendingPayload(row));
    QList<core::Extension> extensions;
    QString noExtensions;
    const providers::ProviderCapabilities* provider = providers::findProvider(stored->provider);
    if (provider && provider->assignNumberToExtension) {
        extensions = store::ExtensionRepository(m_database).list(r.profileId);
        if (extensions.isEmpty())
            noExtensions = tr("The local copy has no extensions of this profile yet; sync first.");
    } else {
        noExtensions = tr("%1 numbers are not assigned to extensions; they are routed by their URLs.")
                           .arg(providers::providerDisplayName(stored->provider));
    }
    EditNumberDialog dialog(shown, extensions, noExtensions, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Still the same row? A sync may have reloaded the model while the dialog was open.
    const int rowNow = m_model->rowOf(r.profileId, r.record.id);
    if (rowNow < 0 || !m_model->stageUpdate(rowNow, *stored, dialog.editedRecord(), &error)) {
        QMessageBox::warning(this, tr("Edit number"),
                             tr("The changes could not be staged: %1")
                                 .arg(error.isEmpty() ? tr("the number is no longer shown.") : error));
        return;
    }
    emit changesStaged();
}

void NumbersPage::deleteNumbers() {
    if (!deleteBlockedReason().isEmpty())
        return;
    const QList<int> rows = selectedRows();
    QStringList providers;
    for (const int row : rows) {
        const QString name = providers::providerDisplayName(m_model->rowAt(row).record.provider);
        if (!providers.contains(name))
            providers << name;
    }
    QMessageBox box(
        QMessageBox::Warning, rows.size() == 1 ? tr("Release number") : tr("Release numbers"),
        releaseConfirmationText(
            static_cast<int>(rows.size()),
            m_model->index(rows.constFirst(), models::NumbersModel::NumberColumn).data().toString(),
            providers),
        QMessageBox::Cancel, this);
    box.setObjectName(u"releaseConfirmation"_s);
    const QStringList consequences = releaseConsequences(rows);
    if (!consequences.isEmpty())
        box.setInformativeText(tr("Releasing also means:") + u"\n• "_s + consequences.join(u"\n• "_s));
    QPushButton* release =
        box.addButton(rows.size() == 1 ? tr("Release number") : tr("Release %1 numbers").arg(rows.size()),
                      QMessageBox::DestructiveRole);
    release->setObjectName(u"releaseButton"_s);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != release)
        return;
    QString error;
    if (!m_model->stageDelete(rows, &error)) {
        QMessageBox::warning(this, tr("Release numbers"),
                             tr("The release could not be staged: %1").arg(error));
        return;
    }
    updateActions();
    emit changesStaged();
}

void NumbersPage::exportShown() {
    exportWithPrompt(false);
}

void NumbersPage::exportSelection() {
    exportWithPrompt(true);
}

void NumbersPage::exportWithPrompt(bool selectionOnly) {
    const QString suggested = tr("numbers-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate));
    const std::optional<CsvTarget> target = m_saveFilePrompt(suggested);
    if (!target) {
        return;
    }
    QString error;
    if (!exportTo(*target, selectionOnly, &error)) {
        QMessageBox::warning(this, tr("Export numbers"), error);
    }
}

bool NumbersPage::exportTo(const CsvTarget& target, bool selectionOnly, QString* error) {
    const QString& path = target.path;
    // QSaveFile: a failed or cancelled export leaves no half-written file behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) {
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        }
        return false;
    }
    bool ok = false;
    if (selectionOnly) {
        QList<store::NumberRow> rows;
        for (const int row : selectedRows()) {
            rows << m_model->rowAt(row);
        }
        ok = NumbersCsvExport::writeRows(&file, m_database, rows, visibleColumns(), target.options(), error);
    } else {
        NumbersCsvExport::Request request;
        request.filter = m_model->filter();
        request.sortKey = m_model->sortKey();
        request.order = m_model->sortOrder();
        request.columns = visibleColumns();
        request.csv = target.options();
        QProgressDialog progress(tr("Exporting numbers…"), tr("Cancel"), 0, 100, this);
        progress.setObjectName(u"exportProgress"_s);
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(400);
        progress.setAutoClose(true);
        const auto onProgress = [&progress](qint64 written, qint64 total) {
            // A percentage keeps the bar's range in int for any row count.
            progress.setValue(total > 0 ? static_cast<int>(written * 100 / total) : 100);
            progress.setLabelText(tr("Exporting numbers… %1 of %2")
                                      .arg(QLocale().toString(written), QLocale().toString(total)));
            return !progress.wasCanceled();
        };
        ok = NumbersCsvExport::write(&file, m_database, request, onProgress, error);
        progress.setValue(100);
    }
    if (!ok) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (error) {
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        }
        return false;
    }
    return true;
}

void NumbersPage::showContextMenu(const QPoint& position) {
    if (!m_ui->tableView->indexAt(position).isValid()) {
        return;
    }
    QMenu menu(this);
    menu.addAction(m_copyAction);
    menu.addSeparator();
    menu.addAction(m_addAction);
    menu.addAction(m_portInAction);
    menu.addAction(m_editAction);
    menu.addAction(m_editLabelAction);
    menu.addAction(m_deleteAction);
    menu.addSeparator();
    menu.addAction(m_exportSelectionAction);
    menu.exec(m_ui->tableView->viewport()->mapToGlobal(position));
}

void NumbersPage::updateCount() {
    // The model counts after the first rows are painted and announces it; counting a million rows
    // here would delay them.
    if (!m_model->isTotalKnown()) {
        m_ui->countLabel->setText(tr("Counting…"));
        return;
    }
    const qint64 total = m_model->totalCount();
    if (total < 0) {
        return;
    }
    m_ui->countLabel->setToolTip(QString());
    QString text = total == 1 ? tr("1 number") : tr("%1 numbers").arg(QLocale().toString(total));
    if (const std::optional<int> held = m_model->heldSortColumn()) {
        text = tr("%1 · sorted by %2 once the first sync has indexed them")
                   .arg(text, m_model->headerData(*held, Qt::Horizontal).toString());
        m_ui->countLabel->setToolTip(
            tr("The first sync of this database stores the numbers first and builds "
               "their sort indexes afterwards; until then, sorting by another column "
               "than the number would hold up the window."));
    }
    m_ui->countLabel->setText(text);
}

void NumbersPage::updateActions() {
    const bool any = m_ui->tableView->selectionModel()->hasSelection();
    m_copyAction->setEnabled(any);
    m_editLabelAction->setEnabled(any);
    m_exportSelectionAction->setEnabled(any);
    const auto block = [](QAction* action, const QString& reason, const QString& tip) {
        action->setEnabled(reason.isEmpty());
        action->setToolTip(reason.isEmpty() ? tip : reason);
    };
    const auto keys = [](const QAction* action) {
        return action->shortcut().toString(QKeySequence::NativeText);
    };
    block(m_addAction, addBlockedReason(), tr("Search and add a number (%1)").arg(keys(m_addAction)));
    block(m_portInAction, portInBlockedReason(),
          tr("Port a German number with its extended numbers from another carrier (opens the wizard)"));
    block(m_editAction, editBlockedReason(), tr("Edit the current number (%1)").arg(keys(m_editAction)));
    block(m_deleteAction, deleteBlockedReason(),
          tr("Release the selected numbers (%1)").arg(keys(m_deleteAction)));
}

void NumbersPage::updateDetails() {
    const QModelIndex current = m_ui->tableView->currentIndex();
    const bool shown = current.isValid();
    m_ui->detailsFields->setVisible(shown);
    m_ui->detailsEmptyLabel->setVisible(!shown);
    if (!shown) {
        return;
    }
    using M = models::NumbersModel;
    const int row = current.row();
    const store::NumberRow& r = m_model->rowAt(row);
    const auto cell = [&](int column) {
        return orDash(m_model->index(row, column).data().toString());
    };
    m_ui->numberValue->setText(cell(M::NumberColumn));
    m_ui->e164Value->setText(r.record.e164);
    m_ui->labelValue->setText(orDash(m_model->labelAt(row)));
    m_ui->usageTypeValue->setText(cell(M::UsageTypeColumn));
    m_ui->paymentTypeValue->setText(cell(M::PaymentTypeColumn));
    m_ui->callTypeValue->setText(cell(M::CallTypeColumn));
    m_ui->statusValue->setText(cell(M::StatusColumn));
    m_ui->featuresValue->setText(cell(M::FeaturesColumn));
    m_ui->extensionValue->setText(r.record.extensionId.isEmpty() ? tr("Company number (not assigned)")
                                                                 : cell(M::ExtensionColumn));
    m_ui->providerValue->setText(cell(M::ProviderColumn));
    m_ui->capabilitiesValue->setText(cell(M::CapabilitiesColumn));
    m_ui->idValue->setText(r.record.id);
    const std::optional<store::Profile> profile = store::ProfileRepository(m_database).find(r.profileId);
    m_ui->profileValue->setText(profile ? profile->name : QString::number(r.profileId));

    // Restcomm's URLs are not part of the table rows: read the whole record for them.
    std::optional<core::PhoneNumberRecord> full;
    if (r.record.restcomm) {
        full = store::PhoneNumberRepository(m_database).find(r.profileId, r.record.id);
    }
    const bool restcomm = full && full->restcomm;
    for (QWidget* widget :
         {static_cast<QWidget*>(m_ui->voiceUrlTitle), static_cast<QWidget*>(m_ui->voiceUrlValue),
          static_cast<QWidget*>(m_ui->smsUrlTitle), static_cast<QWidget*>(m_ui->smsUrlValue)}) {
        widget->setVisible(restcomm);
    }
    if (restcomm) {
        m_ui->voiceUrlValue->setText(orDash(full->restcomm->voiceUrl));
        m_ui->smsUrlValue->setText(orDash(full->restcomm->smsUrl));
    }
    const bool pending = m_model->isPending(row);
    const QJsonObject staged = m_model->pendingPayload(row);
    QString pendingText = tr("None");
    if (m_model->isPendingDelete(row))
        pendingText = tr("Staged for release.");
    else if (staged.keys() == QStringList{u"label"_s})
        pendingText = tr("Label \"%1\" is staged; the provider still has \"%2\".")
                          .arg(m_model->labelAt(row), r.record.label);
    else if (!staged.isEmpty())
        pendingText = tr("Staged changes: %1.").arg(staged.keys().join(u", "_s));
    m_ui->pendingValue->setText(pendingText);
    QFont font = m_ui->labelValue->font();
    font.setItalic(pending);
    m_ui->labelValue->setFont(font);
}

void NumbersPage::restoreState() {
    const QSettings settings;
    // A broken or foreign value is ignored by restoreState(); the defaults above then stay.
    m_ui->tableView->horizontalHeader()->restoreState(settings.value(kHeaderKey).toByteArray());
    m_ui->splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    const QHeaderView* header = m_ui->tableView->horizontalHeader();
    m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

void NumbersPage::saveState() const {
    QSettings settings;
    settings.setValue(kHeaderKey, m_ui->tableView->horizontalHeader()->saveState());
    settings.setValue(kSplitterKey, m_ui->splitter->saveState());
}

void NumbersPage::changeEvent(QEvent* event) {
    retranslateOnLanguageChange(event, *m_ui, this, [this] { retranslate(); });
    QWidget::changeEvent(event);
}

void NumbersPage::retranslate() {
    fillCombos();
    m_copyAction->setText(tr("Copy number"));
    m_editLabelAction->setText(tr("Edit label…"));
    m_exportAction->setText(tr("Export CSV…"));
    m_exportAction->setToolTip(tr("Export the numbers shown, in the shown column order (%1)")
                                   .arg(m_exportAction->shortcut().toString(QKeySequence::NativeText)));
    m_exportSelectionAction->setText(tr("Export selection…"));
    m_findAction->setText(tr("Find numbers"));
    m_addAction->setText(tr("Add number…"));
    m_portInAction->setText(tr("Port in…"));
    m_editAction->setText(tr("Edit…"));
    m_deleteAction->setText(tr("Release…"));
    updateActions();
    updateCount();
}

} // namespace trunkline::gui
