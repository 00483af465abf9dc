#include "gui/audit/AuditLogPage.h"

#include "gui/Retranslate.h"
#include "gui/TableCsvExport.h"
#include "gui/TextStyle.h"
#include "models/AuditLogModel.h"
#include "ui_AuditLogPage.h"

#include <QHeaderView>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

AuditLogPage::AuditLogPage(store::Database& database, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AuditLogPage>())
    , m_model(new models::AuditLogModel(database, this)) {
    m_ui->setupUi(this);
    setObjectName(u"audit-logPage"_s);
    text::makeHeading(m_ui->titleLabel, text::kPageTitleScale);
    text::makeSecondary({m_ui->countLabel});
    m_ui->tableView->setModel(m_model);
    new TableCsvExport(this, m_ui->tableView, u"audit-log"_s, m_ui->titleLayout);
    m_ui->tableView->horizontalHeader()->setHighlightSections(false);
    m_ui->tableView->horizontalHeader()->resizeSection(models::AuditLogModel::TimeColumn, 140);
    m_ui->tableView->horizontalHeader()->resizeSection(models::AuditLogModel::ProfileColumn, 180);
    refresh();
}

AuditLogPage::~AuditLogPage() = default;

void AuditLogPage::refresh() {
    m_model->reload(m_profileId);
    updateCount();
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
    retranslateOnLanguageChange(event, *m_ui, this, [this] { updateCount(); });
    QWidget::changeEvent(event);
}

} // namespace trunkline::gui
