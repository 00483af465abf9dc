#include "gui/porting/ExtensionsStep.h"

#include "core/PortingRules.h"
#include "core/WantedNumbers.h"
#include "gui/extensions/FormMessages.h"
#include "gui/porting/ActivationRangeBar.h"
#include "gui/porting/ActivationRangesModel.h"
#include "gui/porting/NumberPreviewModel.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using trunkline::core::NumberRange;

namespace trunkline::gui {

namespace {

// The presets of the block combo; the last item is Custom (no data).
const QList<NumberRange> kPresets = {{0, 9}, {0, 99}, {0, 999}};

QStringList messagesFor(const core::RuleViolations& violations, QStringView fieldPrefix) {
    QStringList messages;
    for (const core::RuleViolation& violation : violations) {
        if (violation.field.startsWith(fieldPrefix))
            messages << violation.message;
    }
    return messages;
}

// A table of one of the step's models: no row numbers, the columns sharing its width.
QTableView* newTable(QWidget* parent, const QString& objectName, QAbstractItemModel* model) {
    auto* table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setModel(model);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    return table;
}

} // namespace

ExtensionsStep::ExtensionsStep(QWidget* parent)
    : QWizardPage(parent)
    , m_rangesModel(new ActivationRangesModel(this))
    , m_preview(new NumberPreviewModel(this)) {
    setObjectName(u"extensionsStep"_s);
    buildLayout();
    retranslate();
    m_preset->setCurrentIndex(1); // 0–99: the block most German offices have
    presetChosen();

    connect(m_preset, &QComboBox::currentIndexChanged, this, &ExtensionsStep::presetChosen);
    connect(m_blockStart, &QSpinBox::valueChanged, this, &ExtensionsStep::customBlockEdited);
    connect(m_blockEnd, &QSpinBox::valueChanged, this, &ExtensionsStep::customBlockEdited);
    connect(m_bar, &ActivationRangeBar::rangesEdited, this,
            [this](const QList<NumberRange>& ranges) { rangesChanged(Source::Bar, ranges); });
    connect(m_rangesModel, &ActivationRangesModel::rangesEdited, this,
            [this](const QList<NumberRange>& ranges) { rangesChanged(Source::Table, ranges); });
    connect(m_paste, &QPlainTextEdit::textChanged, this, &ExtensionsStep::pasteEdited);
    connect(m_addRow, &QPushButton::clicked, this, &ExtensionsStep::addRow);
    connect(m_removeRow, &QPushButton::clicked, this, &ExtensionsStep::removeRows);
}

void ExtensionsStep::buildLayout() {
    m_intro = new QLabel(this);
    m_intro->setObjectName(u"routeLabel"_s);
    m_intro->setWordWrap(true);

    m_blockLabel = new QLabel(this);
    m_preset = new QComboBox(this);
    m_preset->setObjectName(u"blockPreset"_s);
    m_blockLabel->setBuddy(m_preset);
    m_fromLabel = new QLabel(this);
    m_blockStart = new QSpinBox(this);
    m_blockStart->setObjectName(u"blockStart"_s);
    m_fromLabel->setBuddy(m_blockStart);
    m_toLabel = new QLabel(this);
    m_blockEnd = new QSpinBox(this);
    m_blockEnd->setObjectName(u"blockEnd"_s);
    m_toLabel->setBuddy(m_blockEnd);
    for (QSpinBox* spin : {m_blockStart, m_blockEnd})
        spin->setRange(0, core::kMaxExtensionNumber);
    m_blockError = form::newErrorLabel(this, u"blockError"_s);

    m_bar = new ActivationRangeBar(this);

    m_rangesLabel = new QLabel(this);
    m_rangesTable = newTable(this, u"rangesTable"_s, m_rangesModel);
    m_rangesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rangesLabel->setBuddy(m_rangesTable);
    m_addRow = new QPushButton(this);
    m_addRow->setObjectName(u"addRangeButton"_s);
    m_removeRow = new QPushButton(this);
    m_removeRow->setObjectName(u"removeRangeButton"_s);
    m_rangesError = form::newErrorLabel(this, u"rangesError"_s);

    m_pasteLabel = new QLabel(this);
    m_paste = new QPlainTextEdit(this);
    m_paste->setObjectName(u"wantedNumbers"_s);
    m_paste->setTabChangesFocus(true);
    m_pasteLabel->setBuddy(m_paste);
    m_pasteError = form::newErrorLabel(this, u"wantedNumbersError"_s);

    m_previewLabel = new QLabel(this);
    m_previewTable = newTable(this, u"numberPreview"_s, m_preview);
    m_previewTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_previewLabel->setBuddy(m_previewTable);
    m_counts = new QLabel(this);
    m_counts->setObjectName(u"countsLabel"_s);

    auto* blockRow = new QHBoxLayout;
    blockRow->addWidget(m_blockLabel);
    blockRow->addWidget(m_preset);
    blockRow->addSpacing(12);
    blockRow->addWidget(m_fromLabel);
    blockRow->addWidget(m_blockStart);
    blockRow->addWidget(m_toLabel);
    blockRow->addWidget(m_blockEnd);
    blockRow->addStretch();

    auto* rowButtons = new QHBoxLayout;
    rowButtons->addWidget(m_addRow);
    rowButtons->addWidget(m_removeRow);
    rowButtons->addStretch();

    // Three columns: the table, the wanted numbers, the preview; each with its rule messages below it.
    auto* editors = new QGridLayout;
    editors->addWidget(m_rangesLabel, 0, 0);
    editors->addWidget(m_rangesTable, 1, 0);
    editors->addLayout(rowButtons, 2, 0);
    editors->addWidget(m_rangesError, 3, 0);
    editors->addWidget(m_pasteLabel, 0, 1);
    editors->addWidget(m_paste, 1, 1, 2, 1);
    editors->addWidget(m_pasteError, 3, 1);
    editors->addWidget(m_previewLabel, 0, 2);
    editors->addWidget(m_previewTable, 1, 2, 2, 1);
    editors->addWidget(m_counts, 3, 2, Qt::AlignTop);
    for (int column = 0; column < 3; ++column)
        editors->setColumnStretch(column, 1);
    editors->setRowStretch(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(blockRow);
    layout->addWidget(m_blockError);
    layout->addWidget(m_bar);
    layout->addLayout(editors, 1);
}

void ExtensionsStep::retranslate() {
    setTitle(tr("Extensions"));
    setSubTitle(tr("Choose the block of extensions that ports with the route number and which of them are "
                   "active afterwards. The three editors show the same ranges."));
    m_blockLabel->setText(tr("Extension &block:"));
    const int current = m_preset->currentIndex();
    {
        const QSignalBlocker blocker(m_preset);
        m_preset->clear();
        for (const NumberRange& preset : kPresets)
            m_preset->addItem(
                tr("%1 to %2 (%3 numbers)").arg(preset.startAt).arg(preset.endAt).arg(preset.size()));
        m_preset->addItem(tr("Custom"));
        m_preset->setCurrentIndex(current);
    }
    m_fromLabel->setText(tr("&From"));
    m_toLabel->setText(tr("&to"));
    m_rangesLabel->setText(tr("&Active ranges"));
    m_addRow->setText(tr("A&dd range"));
    m_removeRow->setText(tr("&Remove range"));
    m_pasteLabel->setText(tr("&Wanted numbers, one per line (+49…, 0049… or 0…)"));
    m_paste->setPlaceholderText(tr("+49 201 23456 7804\n0049 201 23456 7819\n0201 23456-7820"));
    m_previewLabel->setText(tr("&Numbers that port"));
    showStatus();
}

void ExtensionsStep::showStatus() {
    // A missing or foreign route number is page one's to explain; here it only accounts for the empty
    // preview.
    const QStringList routeMessages = messagesFor(m_violations, u"/porting_phone_number_id");
    m_intro->setText(routeMessages.isEmpty()
                         ? tr("Extensions are appended to the route number %1.").arg(m_route)
                         : routeMessages.join(u' '));
    m_counts->setText(tr("%1 numbers port: %2 active, %3 inactive.")
                          .arg(m_preview->rowCount())
                          .arg(m_preview->activeCount())
                          .arg(m_preview->rowCount() - m_preview->activeCount()));
}

void ExtensionsStep::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        validate(); // the rule messages are translated when they are made
        // The column titles come from the models, which get no LanguageChange of their own.
        emit m_rangesModel->headerDataChanged(Qt::Horizontal, 0, ActivationRangesModel::ColumnCount - 1);
        emit m_preview->headerDataChanged(Qt::Horizontal, 0, NumberPreviewModel::ColumnCount - 1);
    }
    QWizardPage::changeEvent(event);
}

void ExtensionsStep::initializePage() {
    if (wizard())
        setRouteNumber(field(u"routeE164"_s).toString());
}

void ExtensionsStep::setRouteNumber(const QString& routeE164) {
    m_route = routeE164;
    writeWantedNumbers();
    validate();
}

void ExtensionsStep::setBlock(const NumberRange& block) {
    const qsizetype preset = kPresets.indexOf(block);
    const QSignalBlocker blocker(m_preset);
    m_preset->setCurrentIndex(preset < 0 ? static_cast<int>(kPresets.size()) : static_cast<int>(preset));
    presetChosen();
    if (preset < 0) {
        const QSignalBlocker startBlocker(m_blockStart);
        const QSignalBlocker endBlocker(m_blockEnd);
        m_blockStart->setValue(block.startAt);
        m_blockEnd->setValue(block.endAt);
        applyBlock(block);
    }
}

void ExtensionsStep::setRanges(const QList<NumberRange>& ranges) {
    rangesChanged(Source::Outside, ranges);
}

void ExtensionsStep::presetChosen() {
    const int index = m_preset->currentIndex();
    const bool custom = index < 0 || index >= kPresets.size();
    m_blockStart->setEnabled(custom);
    m_blockEnd->setEnabled(custom);
    if (custom) {
        customBlockEdited();
        return;
    }
    const NumberRange& preset = kPresets.at(index);
    const QSignalBlocker startBlocker(m_blockStart);
    const QSignalBlocker endBlocker(m_blockEnd);
    m_blockStart->setValue(preset.startAt);
    m_blockEnd->setValue(preset.endAt);
    applyBlock(preset);
}

void ExtensionsStep::customBlockEdited() {
    applyBlock({m_blockStart->value(), m_blockEnd->value()});
}

void ExtensionsStep::applyBlock(const NumberRange& block) {
    m_block = block;
    m_bar->setBlock(block);
    // Half-typed wanted numbers are read again against the new block rather than overwritten.
    if (m_pasteProblems.isEmpty())
        writeWantedNumbers();
    else
        pasteEdited();
    validate();
}

void ExtensionsStep::pasteEdited() {
    const core::WantedNumbers::Plan plan =
        core::WantedNumbers::plan(m_route, m_block, m_paste->toPlainText().split(u'\n'));
    m_pasteProblems = plan.problems;
    if (plan.ok())
        rangesChanged(Source::Paste, plan.activationRanges);
    else
        validate();
}

void ExtensionsStep::addRow() {
    // The first extension after the last range, so that a new row starts out valid where it can.
    int next = m_block.startAt;
    for (const NumberRange& range : std::as_const(m_ranges))
        next = std::max(next, range.endAt + 2);
    next = std::min(next, m_block.endAt);
    m_rangesModel->addRange({next, next});
    m_rangesTable->setCurrentIndex(m_rangesModel->index(m_rangesModel->rowCount() - 1, 0));
}

void ExtensionsStep::removeRows() {
    QList<int> rows;
    for (const QModelIndex& index : m_rangesTable->selectionModel()->selectedIndexes())
        rows << index.row();
    if (rows.isEmpty() && m_rangesTable->currentIndex().isValid())
        rows << m_rangesTable->currentIndex().row();
    m_rangesModel->removeRanges(rows);
}

void ExtensionsStep::rangesChanged(Source source, const QList<NumberRange>& ranges) {
    m_ranges = ranges;
    if (source != Source::Bar)
        m_bar->setRanges(ranges);
    if (source != Source::Table)
        m_rangesModel->setRanges(ranges);
    if (source != Source::Paste) {
        m_pasteProblems.clear();
        writeWantedNumbers();
    }
    validate();
}

// The active numbers of the block, one per line in E.164, as the wanted-numbers box shows them.
void ExtensionsStep::writeWantedNumbers() {
    const QStringList blockNumbers = core::expandExtensionRange(m_route, m_block);
    QStringList active;
    for (int extension = m_block.startAt; extension <= m_block.endAt && !m_route.isEmpty(); ++extension) {
        const bool on = std::any_of(m_ranges.cbegin(), m_ranges.cend(),
                                    [extension](const NumberRange& r) { return r.contains(extension); });
        if (on)
            active << blockNumbers.value(extension - m_block.startAt);
    }
    const QSignalBlocker blocker(m_paste);
    m_paste->setPlainText(active.join(u'\n'));
}

void ExtensionsStep::validate() {
    m_violations = core::validateExtensionRanges(m_route, core::PortingOrderStatus::Draft, m_block, m_ranges);

    QHash<int, QString> rowProblems;
    for (const core::RuleViolation& violation : std::as_const(m_violations)) {
        static const QString prefix = u"/activation_ranges/"_s;
        if (violation.field.startsWith(prefix)) {
            const int row = violation.field.mid(prefix.size()).toInt();
            rowProblems[row] += (rowProblems.contains(row) ? u"\n"_s : QString()) + violation.message;
        }
    }
    m_rangesModel->setRowProblems(rowProblems);
    form::showMessages(m_blockError, messagesFor(m_violations, u"/extension_range"));
    form::showMessages(m_rangesError, messagesFor(m_violations, u"/activation_ranges"));
    form::showMessages(m_pasteError, messagesFor(m_pasteProblems, u"/wanted_numbers"));
    const bool routeOk = messagesFor(m_violations, u"/porting_phone_number_id").isEmpty();
    m_preview->show(routeOk ? m_route : QString(), m_block, m_ranges);
    showStatus();
    emit completeChanged();
}

bool ExtensionsStep::isComplete() const {
    return m_violations.isEmpty() && m_pasteProblems.isEmpty();
}

} // namespace trunkline::gui
