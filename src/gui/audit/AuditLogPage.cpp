#include "gui/audit/AuditLogPage.h"

#include "gui/FilterCombo.h"
#include "gui/PageActions.h"
#include "gui/RecordsPage.h"
#include "gui/Retranslate.h"
#include "gui/TableCsvExport.h"
#include "gui/TextStyle.h"
#include "models/AuditLogModel.h"
#include "models/PendingChangesModel.h"
#include "store/ProfileRepository.h"
#include "ui_AuditLogPage.h"

#include <QHeaderView>
#include <QSignalBlocker>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

AuditLogPage::AuditLogPage(store::Database& database, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AuditLogPage>())
    , m_database(database)
    , m_model(new models::AuditLogModel(database, this)) {
    m_ui->setupUi(this);
    fillPeriods();
    fillProfiles();
    fillRecordKinds();
    // The last month until today, ready for when the admin picks "Between dates".
    const QDate today = QDate::currentDate();
    m_ui->fromEdit->setDate(today.addMonths(-1));
    m_ui->toEdit->setDate(today);
    m_ui->fromEdit->setEnabled(false);
    m_ui->toEdit->setEnabled(false);
    m_filterDelay =
        makeFilterDelay(this, &AuditLogPage::refresh, {m_ui->filterEdit, m_ui->recordKeyEdit}, 250);
    connect(m_ui->periodCombo, &QComboBox::currentIndexChanged, this, &AuditLogPage::periodChanged);
    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this, &AuditLogPage::refresh);
    connect(m_ui->recordKindCombo, &QComboBox::currentIndexChanged, this, &AuditLogPage::refresh);
    connect(m_ui->fromEdit, &QDateEdit::dateChanged, this, &AuditLogPage::refresh);
    connect(m_ui->toEdit, &QDateEdit::dateChanged, this, &AuditLogPage::refresh);
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
    m_ui->periodCombo->addItem(tr("Between dates"), QVariant::fromValue(Period::Between));
    m_ui->periodCombo->setCurrentIndex(current);
}

void AuditLogPage::fillProfiles() {
    // Profiles come and go (the demo office, an admin's new account): the list follows on every refresh.
    QList<FilterChoice> choices;
    for (const store::Profile& profile : store::ProfileRepository(m_database).list())
        choices.append({profile.name, QString::number(profile.id)});
    fillFilterCombo(m_ui->profileCombo, tr("All profiles"), choices);
}

void AuditLogPage::fillRecordKinds() {
    QList<FilterChoice> choices;
    for (const auto entity : {"extension"_L1, "forwarding_number"_L1, "phone_number"_L1,
                              "extension_settings"_L1, "number_migration"_L1})
        choices.append({models::PendingChangesModel::entityText(entity), entity});
    // A sync's pull is logged against the profile it pulled.
    choices.append({tr("Sync of a profile"), u"profile"_s});
    fillFilterCombo(m_ui->recordKindCombo, tr("Any record"), choices);
}

void AuditLogPage::periodChanged() {
    const bool between = m_ui->periodCombo->currentData().value<Period>() == Period::Between;
    m_ui->fromEdit->setEnabled(between);
    m_ui->toEdit->setEnabled(between);
    refresh();
}

bool AuditLogPage::rangeIsBackwards() const {
    return m_ui->periodCombo->currentData().value<Period>() == Period::Between &&
           m_ui->fromEdit->date() > m_ui->toEdit->date();
}

store::AuditFilter AuditLogPage::filter() const {
    store::AuditFilter filter;
    if (const QVariant profile = m_ui->profileCombo->currentData(); profile.isValid())
        filter.profileId = profile.toLongLong();
    filter.text = m_ui->filterEdit->text();
    filter.entity = m_ui->recordKindCombo->currentData().toString();
    filter.recordKey = m_ui->recordKeyEdit->text();
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
    case Period::Between:
        // Whole days in the admin's time zone, To included.
        filter.since = m_ui->fromEdit->date().startOfDay().toUTC();
        filter.until = m_ui->toEdit->date().addDays(1).startOfDay().toUTC();
        break;
    }
    return filter;
}

void AuditLogPage::refresh() {
    m_filterDelay->stop();
    fillProfiles();
    m_model->reload(filter());
    updateCount();
}

void AuditLogPage::focusFilter() {
    m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->filterEdit->selectAll();
}

void AuditLogPage::setProfile(std::optional<qint64> profileId) {
    fillProfiles();
    const QSignalBlocker blocker(m_ui->profileCombo);
    m_ui->profileCombo->setCurrentIndex(
        profileId ? qMax(0, m_ui->profileCombo->findData(QString::number(*profileId))) : 0);
    refresh();
}

void AuditLogPage::updateCount() {
    if (rangeIsBackwards())
        m_ui->countLabel->setText(tr("“From” is after “To”: pick a From day on or before the To day."));
    else if (!m_model->lastError().isEmpty())
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
        fillProfiles();
        fillRecordKinds();
        updateCount();
    });
    QWidget::changeEvent(event);
}

} // namespace trunkline::gui
