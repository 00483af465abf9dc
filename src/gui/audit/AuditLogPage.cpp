#include "gui/audit/AuditLogPage.h"

#include "gui/PageActions.h"
#include "gui/Retranslate.h"
#include "gui/TableCsvExport.h"
#include "gui/TextStyle.h"
#include "models/AuditLogModel.h"
#include "ui_AuditLogPage.h"

#include <QHeaderView>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

AuditLogPage::AuditLogPage(store::Database& database, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AuditLogPage>())
    , m_model(new models::AuditLogModel(database, this))
    , m_filterDelay(new QTimer(this)) {
    m_ui->setupUi(this);
    fillPeriods();
    // Each change of the text queries the store; typing a word is one query, not one per key.
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(250);
    connect(m_filterDelay, &QTimer::timeout, this, &AuditLogPage::refresh);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_ui->periodCombo, &QComboBox::currentIndexChanged, this, &AuditLogPage::refresh);
    makeShortcutAction(this, u"findAction"_s, QKeySequence::Find, &AuditLogPage::focusFilter);
    setObjectName(u"audit-logPage"_s);
    text::makeHeading(m_ui->titleLabel, text::kPageTitleScale);
    text::makeSecondary({m_ui->countLabel});
    m_ui->tableView->setModel(m_model);
    new TableCsvExport(this, m_ui->tableView, u"audit-log"_s, m_ui->titleLayout);
    m_ui->tableView->horizontalHeader()->setHighlightSections(false);
    m_ui->tableView->horizontalHeader()->resizeSection(models::AuditLogModel::TimeColumn, 140);
    m_ui->tableView->horizontalHeader()->resizeSection(models::AuditLogModel::ProfileColumn, 180);
    // What happened is the sentence to read; before and after are field lists, shown whole in tooltips.
    m_ui->tableView->horizontalHeader()->resizeSection(models::AuditLogModel::SummaryColumn, 320);
    m_ui->tableView->horizontalHeader()->resizeSection(models::AuditLogModel::BeforeColumn, 160);
    refresh();
}

AuditLogPage::~AuditLogPage() = default;

void AuditLogPage::fillPeriods() {
    const QSignalBlocker blocker(m_ui->periodCombo);
    const int current = qMax(0, m_ui->periodCombo->currentIndex());
    m_ui->periodCombo->clear();
    m_ui->periodCombo->addItem(tr("All time"), QVariant::fromValue(Period::AllTime));
    m_ui->periodCombo->addItem(tr("Last 24 hours"), QVariant::fromValue(Period::Last24Hours));
    m_ui->periodCombo->addItem(tr("Last 7 days"), QVariant::fromValue(Period::Last7Days));
    m_ui->periodCombo->addItem(tr("Last 30 days"), QVariant::fromValue(Period::Last30Days));
    m_ui->periodCombo->setCurrentIndex(current);
}

store::AuditFilter AuditLogPage::filter() const {
    store::AuditFilter filter;
    filter.profileId = m_profileId;
    filter.text = m_ui->filterEdit->text();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (m_ui->periodCombo->currentData().value<Period>()) {
    case Period::AllTime:
        break;
    case Period::Last24Hours:
        filter.since = now.addDays(-1);
        break;
    case Period::Last7Days:
        filter.since = now.addDays(-7);
        break;
    case Period::Last30Days:
        filter.since = now.addDays(-30);
        break;
    }
    return filter;
}

void AuditLogPage::refresh() {
    m_filterDelay->stop();
    m_model->reload(filter());
    updateCount();
}

void AuditLogPage::focusFilter() {
    m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->filterEdit->selectAll();
}

void AuditLogPage::setProfile(std::optional<qint64> profileId) {
    m_profileId = profileId;
    refresh();
}

void AuditLogPage::updateCount() {
    if (!m_model->lastError().isEmpty())
        m_ui->countLabel->setText(m_model->lastError());
    else if (m_model->rowCount() >= models::AuditLogModel::kShownEntries)
        m_ui->countLabel->setText(tr("The newest %1 entries").arg(m_model->rowCount()));
    else
        m_ui->countLabel->setText(m_model->rowCount() == 1 ? tr("1 entry")
                                                           : tr("%1 entries").arg(m_model->rowCount()));
}

void AuditLogPage::changeEvent(QEvent* event) {
    retranslateOnLanguageChange(event, *m_ui, this, [this] {
        fillPeriods();
        updateCount();
    });
    QWidget::changeEvent(event);
}

} // namespace trunkline::gui
