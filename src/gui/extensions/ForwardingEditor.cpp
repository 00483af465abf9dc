#include "gui/extensions/ForwardingEditor.h"

#include "changes/ChangePayloads.h"
#include "changes/ForwardingListCheck.h"
#include "changes/ForwardingListPlan.h"
#include "changes/StagingHistory.h"
#include "core/PhoneNumber.h"
#include "gui/PageActions.h"
#include "gui/Retranslate.h"
#include "gui/TableCsvExport.h"
#include "gui/TextStyle.h"
#include "gui/extensions/FormMessages.h"
#include "models/ForwardingListModel.h"
#include "ui_ForwardingEditor.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QStandardItemModel>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

using models::ForwardingListModel;

namespace {
// Types the provider sets itself (a desk phone's line, another extension's apps): shown, not chosen.
bool providerMadeType(core::ForwardingType type) {
    return type == core::ForwardingType::PhoneLine || type == core::ForwardingType::ExtensionApps;
}
} // namespace

ForwardingEditor::ForwardingEditor(store::Database& database, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ForwardingEditor>())
    , m_database(database)
    , m_model(new ForwardingListModel(database, this)) {
    m_ui->setupUi(this);
    setObjectName(u"forwardingEditor"_s);
    for (QLabel* label :
         {m_ui->phoneError, m_ui->typeError, m_ui->labelError, m_ui->featuresError, m_ui->listError})
        form::makeErrorLabel(label);
    text::makeSecondary({m_ui->introLabel, m_ui->countLabel});

    QTableView* table = m_ui->forwardingTable;
    new TableCsvExport(this, table, u"forwarding"_s, m_ui->buttonLayout, QKeySequence());
    table->setModel(m_model);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->setDropIndicatorShown(true);
    QHeaderView* header = table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    header->resizeSection(ForwardingListModel::FlipColumn, 48);
    header->resizeSection(ForwardingListModel::NumberColumn, 170);
    header->resizeSection(ForwardingListModel::TypeColumn, 110);
    header->resizeSection(ForwardingListModel::LabelColumn, 130);

    fillTypeCombo();

    m_moveUpAction = makeShortcutAction(this, u"moveUpAction"_s, QKeySequence(Qt::ALT | Qt::Key_Up),
                                        &ForwardingEditor::moveUp);
    m_moveDownAction = makeShortcutAction(this, u"moveDownAction"_s, QKeySequence(Qt::ALT | Qt::Key_Down),
                                          &ForwardingEditor::moveDown);
    // Del removes a number only while the list itself has the focus (not while typing in a field).
    m_removeAction = makeShortcutAction(this, u"removeNumberAction"_s, QKeySequence::Delete,
                                        &ForwardingEditor::removeNumber, table, Qt::WidgetShortcut);

    connect(m_ui->addButton, &QPushButton::clicked, this, &ForwardingEditor::addNumber);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ForwardingEditor::removeNumber);
    connect(m_ui->moveUpButton, &QPushButton::clicked, this, &ForwardingEditor::moveUp);
    connect(m_ui->moveDownButton, &QPushButton::clicked, this, &ForwardingEditor::moveDown);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ForwardingEditor::showEntry);
    connect(m_model, &ForwardingListModel::rowsMoved, this, [this] { showEntry(); });
    connect(m_model, &ForwardingListModel::entriesChanged, this, [this] {
        updateMessages();
        updateButtons();
    });

    connect(m_ui->phoneEdit, &QLineEdit::textEdited, this, &ForwardingEditor::entryEdited);
    connect(m_ui->labelEdit, &QLineEdit::textEdited, this, &ForwardingEditor::entryEdited);
    connect(m_ui->typeCombo, &QComboBox::currentIndexChanged, this, &ForwardingEditor::entryEdited);

    clear();
}

ForwardingEditor::~ForwardingEditor() = default;

void ForwardingEditor::fillTypeCombo() {
    const QVariant current = m_ui->typeCombo->currentData();
    const QSignalBlocker blocker(m_ui->typeCombo);
    m_ui->typeCombo->clear();
    for (const core::ForwardingType type : core::allValues<core::ForwardingType>()) {
        QString text = core::displayName(type);
        if (type == core::ForwardingType::Work)
            text = tr("Work (Office)");
        else if (type == core::ForwardingType::Other)
            text = tr("Other (custom label)");
        m_ui->typeCombo->addItem(text, core::toWire(type));
        if (providerMadeType(type)) {
            auto* items = qobject_cast<QStandardItemModel*>(m_ui->typeCombo->model());
            if (QStandardItem* item = items ? items->item(m_ui->typeCombo->count() - 1) : nullptr) {
                item->setEnabled(false);
                item->setToolTip(tr("Set by RingCentral for desk phones and apps; it cannot be chosen."));
            }
        }
    }
    m_ui->typeCombo->setCurrentIndex(qMax(0, m_ui->typeCombo->findData(current)));
}

bool ForwardingEditor::setExtension(qint64 profileId, const QString& extensionId, QString* error) {
    if (!m_model->load(profileId, extensionId, error))
        return false;
    // Changes staged for this list earlier and not applied yet.
    const int staged = changes::ForwardingListCheck::unappliedChanges(m_database, profileId, extensionId);
    m_locked = staged > 0;
    m_ui->introLabel->setText(
        m_locked ? tr("%n staged change(s) to this list are not applied yet. The list shows what the store "
                      "holds; edit it again after the next sync, or discard the changes on the Pending "
                      "changes page.",
                      nullptr, staged)
                 : tr("Numbers this extension forwards calls to, and its call flip list. The flip digit a "
                      "caller dials follows the order of the list: drag a row or use Move up / Move down."));
    updateDirectNumbers();
    selectRow(m_model->rowCount() > 0 ? 0 : -1);
    setEditable(m_editable, m_whyNot);
    return true;
}

void ForwardingEditor::clear() {
    m_model->clear();
    m_locked = false;
    showEntry();
    updateMessages();
    updateButtons();
}

void ForwardingEditor::setEditable(bool editable, const QString& whyNot) {
    m_editable = editable;
    m_whyNot = whyNot;
    m_ui->forwardingTable->setDragEnabled(isEditable());
    m_ui->forwardingTable->setAcceptDrops(isEditable());
    updateButtons();
    showEntry();
}

bool ForwardingEditor::isEditable() const {
    return m_editable && !m_locked && !m_model->extensionId().isEmpty();
}

bool ForwardingEditor::hasUnsavedEdits() const {
    return m_model->isModified();
}

core::RuleViolations ForwardingEditor::violations() const {
    return m_model->violations();
}

int ForwardingEditor::currentRow() const {
    const QModelIndex current = m_ui->forwardingTable->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ForwardingEditor::selectRow(int row) {
    if (row < 0 || row >= m_model->rowCount()) {
        m_ui->forwardingTable->selectionModel()->clear();
        showEntry();
        return;
    }
    m_ui->forwardingTable->selectionModel()->setCurrentIndex(
        m_model->index(row, ForwardingListModel::NumberColumn),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    showEntry();
}

int ForwardingEditor::stage(QString* error) {
    const core::RuleViolations problems = violations();
    if (!problems.isEmpty()) {
        if (error)
            *error = tr("The forwarding list breaks %n rule(s); the first: %1", nullptr,
                        static_cast<int>(problems.size()))
                         .arg(problems.first().message);
        return -1;
    }
    if (!m_model->isModified())
        return 0;
    // A list edit is an ordered sequence of entry changes (a swapped flip digit is parked first), staged as
    // planned; the list stays locked until it is applied, so no later edit has to merge into it.
    const changes::StagingResult result =
        changes::StagingHistory::of(m_database)
            .stageSequence(changes::ForwardingListPlan::plan(m_model->profileId(), m_model->extensionId(),
                                                             m_model->storedEntries(), m_model->entries()),
                           tr("Edit the forwarding list"));
    if (!result.ok()) {
        if (error)
            *error = result.error;
        return -1;
    }
    m_model->acceptEdits();
    return static_cast<int>(result.steps.size());
}

void ForwardingEditor::revert() {
    m_model->revert();
    selectRow(m_model->rowCount() > 0 ? 0 : -1);
}

void ForwardingEditor::addNumber() {
    if (!isEditable())
        return;
    core::ForwardingNumber number;
    number.type = core::ForwardingType::Mobile;
    number.features = changes::ForwardingListCheck::featuresOfNewEntry();
    QString error;
    const int row = m_model->addEntry(number, &error);
    if (row < 0) {
        form::showMessages(m_ui->listError, {error});
        return;
    }
    selectRow(row);
    m_ui->phoneEdit->setFocus(Qt::OtherFocusReason);
    emit edited();
}

void ForwardingEditor::removeNumber() {
    const int row = currentRow();
    if (!isEditable() || row < 0)
        return;
    m_model->removeEntry(row);
    selectRow(qMin(row, m_model->rowCount() - 1));
    emit edited();
}

void ForwardingEditor::moveUp() {
    const int row = currentRow();
    if (isEditable() && m_model->moveUp(row)) {
        selectRow(row - 1);
        emit edited();
    }
}

void ForwardingEditor::moveDown() {
    const int row = currentRow();
    if (isEditable() && m_model->moveDown(row)) {
        selectRow(row + 1);
        emit edited();
    }
}

void ForwardingEditor::showEntry() {
    const int row = currentRow();
    const bool has = row >= 0;
    const core::ForwardingNumber number = has ? m_model->entry(row) : core::ForwardingNumber{};
    m_showing = true;
    const QSignalBlocker blocker(m_ui->typeCombo);
    // Keep what the admin is typing; the model holds it normalised to E.164.
    if (!m_ui->phoneEdit->hasFocus() || !has)
        m_ui->phoneEdit->setText(has ? number.phoneNumber : QString());
    m_ui->typeCombo->setCurrentIndex(has ? m_ui->typeCombo->findData(core::toWire(number.type)) : -1);
    if (!m_ui->labelEdit->hasFocus() || !has)
        m_ui->labelEdit->setText(number.label);
    m_ui->callForwardingCheck->setChecked(number.features.testFlag(core::ForwardingFeature::CallForwarding));
    m_ui->callFlipCheck->setChecked(number.features.testFlag(core::ForwardingFeature::CallFlip));
    m_ui->flipValue->setText(!has ? QString()
                             : number.flipNumber > 0
                                 ? tr("%1 (follows the list's order)").arg(number.flipNumber)
                                 : tr("Not in the call flip list"));
    m_showing = false;

    const bool editable = isEditable() && has;
    const bool providerMade = has && providerMadeType(number.type);
    m_ui->phoneEdit->setEnabled(editable && number.type != core::ForwardingType::PhoneLine);
    m_ui->typeCombo->setEnabled(editable && !providerMade);
    // Only entries of type Other keep a label of their own (docs/api/ringcentral.md §5.1).
    const bool customLabel = number.type == core::ForwardingType::Other;
    m_ui->labelEdit->setEnabled(editable && customLabel);
    m_ui->labelEdit->setPlaceholderText(has && !customLabel ? core::displayName(number.type)
                                                            : tr("e.g. Summer house"));
    m_ui->labelEdit->setToolTip(customLabel ? QString()
                                            : tr("Only entries of type Other keep a custom label; this "
                                                 "one is shown as its type."));
    // The features are shown, not chosen: RingCentral sets them (ForwardingListCheck::featuresOfNewEntry).
    for (QCheckBox* check : {m_ui->callForwardingCheck, m_ui->callFlipCheck}) {
        check->setEnabled(false);
        check->setToolTip(has ? changes::ForwardingListCheck::featuresSetByProviderReason() : QString());
    }
    m_ui->entryGroup->setToolTip(isEditable() || !has ? QString() : m_whyNot);
    updateMessages();
    updateButtons();
}

void ForwardingEditor::entryEdited() {
    const int row = currentRow();
    if (m_showing || row < 0 || !isEditable())
        return;
    core::ForwardingNumber number = m_model->entry(row);
    const QString typed = m_ui->phoneEdit->text().trimmed();
    const core::ParseOutcome parsed = core::PhoneNumber::parse(typed, {});
    number.phoneNumber = parsed.ok() ? parsed.number->e164() : typed;
    const auto type = core::fromWire<core::ForwardingType>(m_ui->typeCombo->currentData().toString());
    if (type && *type != number.type) {
        number.type = *type;
        // A predefined type shows its own name; a custom label would only be dropped by the provider.
        if (number.type != core::ForwardingType::Other) {
            number.label.clear();
        }
    } else {
        number.label = m_ui->labelEdit->text();
    }
    m_model->setEntry(row, number);
    updateDirectNumbers();
    showEntry();
    emit edited();
}

void ForwardingEditor::updateDirectNumbers() {
    m_model->setAccountDirectNumbers(changes::ForwardingListCheck::accountNumbersAmong(
        m_database, m_model->profileId(), m_model->entries()));
}

void ForwardingEditor::updateMessages() {
    const int row = currentRow();
    const QString prefix = u"/records/%1/"_s.arg(row);
    QStringList phone, type, label, features, list;
    int otherRows = 0;
    QSet<QString> rowsWithProblems;
    for (const core::RuleViolation& violation : m_model->violations()) {
        if (violation.field == u"/records") {
            list << violation.message;
        } else if (row >= 0 && violation.field.startsWith(prefix)) {
            const QString field = violation.field.mid(prefix.size() - 1);
            if (field == u"/phoneNumber" || field == u"/deviceId")
                phone << violation.message;
            else if (field == u"/type")
                type << violation.message;
            else if (field == u"/label")
                label << violation.message;
            else
                features << violation.message;
        } else {
            rowsWithProblems.insert(violation.field.section(u'/', 2, 2));
        }
    }
    otherRows = static_cast<int>(rowsWithProblems.size());
    if (otherRows > 0)
        list << tr(
            "%n other number(s) in the list break a rule (shown in red; point at them for the reason).",
            nullptr, otherRows);
    form::showMessages(m_ui->phoneError, phone);
    form::showMessages(m_ui->typeError, type);
    form::showMessages(m_ui->labelError, label);
    form::showMessages(m_ui->featuresError, features);
    form::showMessages(m_ui->listError, list);
    const int count = m_model->rowCount();
    m_ui->countLabel->setText(tr("%1 of %2 numbers").arg(count).arg(core::kMaxForwardingNumbers));
}

void ForwardingEditor::updateButtons() {
    const bool editable = isEditable();
    const int row = currentRow();
    const bool full = m_model->rowCount() >= core::kMaxForwardingNumbers;
    m_ui->addButton->setEnabled(editable && !full);
    m_ui->addButton->setToolTip(!editable ? m_whyNot
                                : full    ? tr("The list has 10 numbers, the most RingCentral allows.")
                                          : tr("Add a forwarding number (at most 10)"));
    m_ui->removeButton->setEnabled(editable && row >= 0);
    m_ui->moveUpButton->setEnabled(editable && row > 0);
    m_ui->moveDownButton->setEnabled(editable && row >= 0 && row + 1 < m_model->rowCount());
    m_ui->removeButton->setToolTip(editable ? tr("Remove the selected number from the list (Del)")
                                            : m_whyNot);
    m_ui->moveUpButton->setToolTip(editable ? tr("Move the selected number up the flip order (Alt+Up)")
                                            : m_whyNot);
    m_ui->moveDownButton->setToolTip(editable ? tr("Move the selected number down the flip order (Alt+Down)")
                                              : m_whyNot);
    m_moveUpAction->setEnabled(editable);
    m_moveDownAction->setEnabled(editable);
    m_removeAction->setEnabled(editable);
}

void ForwardingEditor::changeEvent(QEvent* event) {
    retranslateOnLanguageChange(event, *m_ui, this, [this] {
        fillTypeCombo();
        showEntry();
    });
    QWidget::changeEvent(event);
}

} // namespace trunkline::gui
