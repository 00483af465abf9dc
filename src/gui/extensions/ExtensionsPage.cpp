#include "gui/extensions/ExtensionsPage.h"

#include "models/ExtensionsModel.h"
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
}

ExtensionsPage::ExtensionsPage(store::Database& database, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ExtensionsPage>())
    , m_model(new models::ExtensionsModel(database, this)) {
    m_ui->setupUi(this);
    setObjectName(u"extensionsPage"_s);
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.4);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->countLabel->setForegroundRole(QPalette::PlaceholderText);

    m_ui->tableView->setModel(m_model);
    QHeaderView* header = m_ui->tableView->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSortIndicator(models::ExtensionsModel::NumberColumn, Qt::AscendingOrder);
    m_ui->tableView->verticalHeader()->hide();
    m_ui->tableView->verticalHeader()->setDefaultSectionSize(m_ui->tableView->fontMetrics().height() + 10);
    const QList<std::pair<int, int>> widths = {
        {models::ExtensionsModel::NumberColumn, 70},   {models::ExtensionsModel::NameColumn, 200},
        {models::ExtensionsModel::TypeColumn, 130},    {models::ExtensionsModel::StatusColumn, 100},
        {models::ExtensionsModel::EmailColumn, 220},   {models::ExtensionsModel::DepartmentColumn, 130},
        {models::ExtensionsModel::TimeZoneColumn, 140}};
    for (const auto& [column, width] : widths) {
        header->resizeSection(column, width);
    }
    header->restoreState(QSettings().value(kHeaderKey).toByteArray());
    m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    connect(header, &QHeaderView::sectionMoved, this, &ExtensionsPage::saveState);
    connect(header, &QHeaderView::sectionResized, this, &ExtensionsPage::saveState);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &ExtensionsPage::saveState);

    m_filterDelay = new QTimer(this);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(kFilterDelayMs);
    connect(m_filterDelay, &QTimer::timeout, this, &ExtensionsPage::applyFilter);
    connect(m_ui->textEdit, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_ui->textEdit, &QLineEdit::returnPressed, this, &ExtensionsPage::applyFilter);
    connect(m_ui->typeCombo, &QComboBox::currentIndexChanged, this, &ExtensionsPage::applyFilter);
    connect(m_ui->statusCombo, &QComboBox::currentIndexChanged, this, &ExtensionsPage::applyFilter);
    connect(m_model, &models::ExtensionsModel::totalCountChanged, this, &ExtensionsPage::updateCount);
    connect(m_model, &models::ExtensionsModel::errorOccurred, m_ui->countLabel, &QLabel::setText);

    auto* find = new QAction(this);
    find->setObjectName(u"findAction"_s);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, &ExtensionsPage::focusFilter);
    addAction(find);

    fillCombos();
    updateCount();
}

ExtensionsPage::~ExtensionsPage() {
    // The children die after m_ui; a header resized on its way out must not reach saveState().
    m_ui->tableView->horizontalHeader()->disconnect(this);
}

void ExtensionsPage::fillCombos() {
    const QVariant type = m_ui->typeCombo->currentData();
    const QVariant status = m_ui->statusCombo->currentData();
    const QSignalBlocker typeBlocker(m_ui->typeCombo);
    const QSignalBlocker statusBlocker(m_ui->statusCombo);
    m_ui->typeCombo->clear();
    m_ui->typeCombo->addItem(tr("All types"));
    for (const core::ExtensionType t : core::allExtensionTypes()) {
        m_ui->typeCombo->addItem(core::displayName(t), core::toWire(t));
    }
    m_ui->typeCombo->setCurrentIndex(qMax(0, m_ui->typeCombo->findData(type)));
    m_ui->statusCombo->clear();
    m_ui->statusCombo->addItem(tr("All statuses"));
    for (const core::ExtensionStatus s : core::allExtensionStatuses()) {
        m_ui->statusCombo->addItem(core::displayName(s), core::toWire(s));
    }
    m_ui->statusCombo->setCurrentIndex(qMax(0, m_ui->statusCombo->findData(status)));
}

void ExtensionsPage::applyFilter() {
    m_filterDelay->stop();
    store::ExtensionTableFilter filter = m_model->filter();
    filter.text = m_ui->textEdit->text();
    const QString type = m_ui->typeCombo->currentData().toString();
    filter.type = type.isEmpty() ? std::nullopt : core::extensionTypeFromWire(type);
    const QString status = m_ui->statusCombo->currentData().toString();
    filter.status = status.isEmpty() ? std::nullopt : core::extensionStatusFromWire(status);
    m_model->setFilter(filter);
}

void ExtensionsPage::refresh() {
    m_model->refresh();
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
    QSettings().setValue(kHeaderKey, m_ui->tableView->horizontalHeader()->saveState());
}

void ExtensionsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillCombos();
        updateCount();
    }
    QWidget::changeEvent(event);
}

} // namespace trunkline::gui
