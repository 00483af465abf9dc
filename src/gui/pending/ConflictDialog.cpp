#include "gui/pending/ConflictDialog.h"

#include "changes/ChangeDescription.h"
#include "changes/ChangeStager.h"
#include "changes/EntityKind.h"
#include "gui/Retranslate.h"
#include "gui/TextStyle.h"
#include "models/PendingChangesModel.h"
#include "store/ExtensionRepository.h"
#include "store/PhoneNumberRepository.h"
#include "ui_ConflictDialog.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMessageBox>
#include <QRadioButton>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

enum Column { FieldColumn, BaseColumn, MineColumn, TheirsColumn, KeepColumn };

QString valueText(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return ConflictDialog::tr("(not set)");
    case QJsonValue::Bool:
        return value.toBool() ? ConflictDialog::tr("yes") : ConflictDialog::tr("no");
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble());
    case QJsonValue::String:
        return value.toString().isEmpty() ? ConflictDialog::tr("(empty)") : value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString stateText(changes::ConflictField::State state) {
    switch (state) {
    case changes::ConflictField::State::Unchanged:
        return ConflictDialog::tr("Neither side changed this field.");
    case changes::ConflictField::State::OnlyMine:
        return ConflictDialog::tr("Only you changed this field.");
    case changes::ConflictField::State::OnlyTheirs:
        return ConflictDialog::tr("Only the provider’s side changed this field.");
    case changes::ConflictField::State::BothSame:
        return ConflictDialog::tr("Both sides changed this field to the same value.");
    case changes::ConflictField::State::BothDifferent:
        return ConflictDialog::tr("Both sides changed this field differently: choose which value to keep.");
    }
    return {};
}

QTableWidgetItem* cell(const QString& text, const QString& toolTip) {
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(toolTip);
    return item;
}

} // namespace

ConflictDialog::ConflictDialog(store::Database& database, changes::ConflictMerge merge, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_merge(std::move(merge))
    , m_ui(std::make_unique<Ui::ConflictDialog>()) {
    m_ui->setupUi(this);
    setObjectName(u"conflictDialog"_s);
    text::makeHeading(m_ui->headingLabel, text::kFormTitleScale);
    text::makeSecondary({m_ui->explanationLabel});
    QHeaderView* header = m_ui->fieldsTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(KeepColumn, QHeaderView::Stretch);
    m_ui->applyMergeButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_ui->applyMergeButton->setDefault(true);
    connect(m_ui->keepMineButton, &QPushButton::clicked, this, &ConflictDialog::keepMine);
    connect(m_ui->takeTheirsButton, &QPushButton::clicked, this, &ConflictDialog::takeTheirs);
    connect(m_ui->applyMergeButton, &QPushButton::clicked, this, &ConflictDialog::applyMerge);
    showMerge();
}

ConflictDialog::~ConflictDialog() = default;

ConflictDialog* ConflictDialog::openFor(store::Database& database, qint64 changeId, QWidget* parent) {
    QString error;
    std::optional<changes::ConflictMerge> merge =
        changes::ChangeStager::of(database).conflictMerge(changeId, &error);
    if (!merge) {
        // Not blocking: the page stays responsive behind the message, as it does behind the dialog.
        auto* box =
            new QMessageBox(QMessageBox::Information, tr("Resolve conflict"), error, QMessageBox::Ok, parent);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return nullptr;
    }
    auto* dialog = new ConflictDialog(database, std::move(*merge), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    return dialog;
}

QString ConflictDialog::subject() const {
    // The record as the admin knows it: a number by its E.164, an extension by its number and name.
    const store::PendingChange& change = m_merge.change();
    if (change.entity == changes::EntityKind::kPhoneNumber) {
        if (const auto number =
                store::PhoneNumberRepository(m_database).find(change.profileId, change.entityKey))
            return number->e164;
    } else if (change.entity == changes::EntityKind::kExtension) {
        if (const auto extension =
                store::ExtensionRepository(m_database).find(change.profileId, change.entityKey))
            return tr("%1 (%2)").arg(extension->extensionNumber, extension->name);
    }
    return change.entityKey;
}

void ConflictDialog::showMerge() {
    const store::PendingChange& change = m_merge.change();
    m_ui->headingLabel->setText(tr("%1 %2: changed at the provider since you edited it")
                                    .arg(models::PendingChangesModel::entityText(change.entity), subject()));
    QTableWidget* table = m_ui->fieldsTable;
    table->setRowCount(0);
    qDeleteAll(m_groups);
    m_groups.clear();
    const QList<changes::ConflictField>& fields = m_merge.fields();
    table->setRowCount(int(fields.size()));
    for (int row = 0; row < fields.size(); ++row) {
        const changes::ConflictField& field = fields.at(row);
        const QString why = stateText(field.state);
        auto* name = cell(changes::ChangeDescriber::fieldLabel(change.entity, field.path), why);
        if (field.isConflict()) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
        }
        table->setItem(row, FieldColumn, name);
        table->setItem(row, BaseColumn, cell(valueText(field.base), why));
        table->setItem(row, MineColumn, cell(valueText(field.mine), why));
        table->setItem(row, TheirsColumn, cell(valueText(field.theirs), why));

        auto* keep = new QWidget(table);
        auto* layout = new QHBoxLayout(keep);
        layout->setContentsMargins(4, 0, 4, 0);
        auto* mine = new QRadioButton(tr("Mine"), keep);
        auto* theirs = new QRadioButton(tr("Theirs"), keep);
        mine->setObjectName("mine:"_L1 + field.path);
        theirs->setObjectName("theirs:"_L1 + field.path);
        layout->addWidget(mine);
        layout->addWidget(theirs);
        layout->addStretch();
        auto* group = new QButtonGroup(this);
        group->addButton(mine, int(changes::ConflictSide::Mine));
        group->addButton(theirs, int(changes::ConflictSide::Theirs));
        // A choice made before the table was rebuilt stays; otherwise the side that changed the field. A
        // real conflict starts with neither, so that Apply merge waits for the admin's decision.
        const std::optional<changes::ConflictSide> side =
            m_chosen.contains(field.path) ? std::optional(m_chosen.value(field.path)) : field.naturalSide();
        if (side)
            group->button(int(*side))->setChecked(true);
        connect(group, &QButtonGroup::idClicked, this, [this, path = field.path](int id) {
            m_chosen.insert(path, changes::ConflictSide(id));
            updateActions();
        });
        table->setCellWidget(row, KeepColumn, keep);
        m_groups << group;
    }
    updateActions();
}

changes::ConflictChoices ConflictDialog::choices() const {
    changes::ConflictChoices chosen;
    const QList<changes::ConflictField>& fields = m_merge.fields();
    for (int row = 0; row < fields.size(); ++row) {
        if (const int id = m_groups.at(row)->checkedId(); id >= 0)
            chosen.insert(fields.at(row).path, changes::ConflictSide(id));
    }
    return chosen;
}

void ConflictDialog::updateActions() {
    QStringList unchosen;
    const bool decided = m_merge.resolve(choices(), &unchosen).has_value();
    m_ui->applyMergeButton->setEnabled(decided);
    if (!decided) {
        QStringList names;
        for (const QString& path : std::as_const(unchosen))
            names << changes::ChangeDescriber::fieldLabel(m_merge.change().entity, path);
        m_ui->statusLabel->setText(
            tr("Choose Mine or Theirs for %1 to apply the merge.").arg(names.join(u", "_s)));
    } else {
        m_ui->statusLabel->clear();
    }
}

void ConflictDialog::keepMine() {
    resolve(m_merge.keepMine());
}

void ConflictDialog::takeTheirs() {
    resolve(m_merge.takeTheirs());
}

void ConflictDialog::applyMerge() {
    resolve(choices());
}

void ConflictDialog::resolve(const changes::ConflictChoices& choices) {
    changes::ChangeStager& stager = changes::ChangeStager::of(m_database);
    const changes::StagingResult result = stager.resolveConflict(m_merge, choices);
    if (result.ok()) {
        accept();
        return;
    }
    // Shown with what the record holds now (when it is still a conflict), so that the admin decides again
    // on the values that will count.
    QString error;
    if (std::optional<changes::ConflictMerge> now = stager.conflictMerge(m_merge.change().id, &error)) {
        m_merge = std::move(*now);
        showMerge();
    } else {
        for (QPushButton* button : {m_ui->keepMineButton, m_ui->takeTheirsButton, m_ui->applyMergeButton})
            button->setEnabled(false);
    }
    m_ui->statusLabel->setText(result.error);
}

void ConflictDialog::changeEvent(QEvent* event) {
    retranslateOnLanguageChange(event, *m_ui, this, [this] { showMerge(); });
    QDialog::changeEvent(event);
}

} // namespace trunkline::gui
