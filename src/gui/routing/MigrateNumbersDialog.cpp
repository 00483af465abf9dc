#include "gui/routing/MigrateNumbersDialog.h"

#include "changes/NumberChangePayloads.h"
#include "gui/extensions/FormMessages.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"
#include "ui_MigrateNumbersDialog.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

MigrateNumbersDialog::MigrateNumbersDialog(store::Database& database, store::Profile profile, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_profile(std::move(profile))
    , m_ui(std::make_unique<Ui::MigrateNumbersDialog>()) {
    m_ui->setupUi(this);
    // The demo profile names no account (it is resolved when connecting): its synced numbers do, since
    // Restcomm lists only the numbers of the account signed in.
    if (m_profile.accountId.isEmpty()) {
        for (const core::PhoneNumberRecord& number :
             store::PhoneNumberRepository(m_database).list(m_profile.id)) {
            if (number.restcomm && !number.restcomm->accountSid.isEmpty()) {
                m_profile.accountId = number.restcomm->accountSid;
                break;
            }
        }
    }
    form::makeBanner(m_ui->warningLabel, form::Banner::Warning);
    form::makeErrorLabel(m_ui->accountMessage);
    form::makeErrorLabel(m_ui->organizationMessage);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Stage migration"));
    connect(m_ui->accountEdit, &QLineEdit::textChanged, this, &MigrateNumbersDialog::check);
    connect(m_ui->organizationEdit, &QLineEdit::textChanged, this, &MigrateNumbersDialog::check);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

MigrateNumbersDialog::~MigrateNumbersDialog() = default;

store::PendingChange MigrateNumbersDialog::pendingChange() const {
    return changes::NumberChangePayloads::numberMigration(m_profile.id, m_ui->accountEdit->text().trimmed(),
                                                          m_ui->organizationEdit->text().trimmed());
}

void MigrateNumbersDialog::check() {
    const QString account = m_ui->accountEdit->text().trimmed();
    const QString organization = m_ui->organizationEdit->text().trimmed();
    const core::RuleViolations problems =
        changes::NumberChangePayloads::migrationProblems(account, organization, m_profile.accountId);
    QStringList accountProblems;
    QStringList organizationProblems;
    for (const core::RuleViolation& problem : problems)
        (problem.field == u"accountSid" ? accountProblems : organizationProblems) << problem.message;
    // A field shows its rule once something is typed in it.
    form::showMessages(m_ui->accountMessage, account.isEmpty() ? QStringList() : accountProblems);
    form::showMessages(m_ui->organizationMessage,
                       organization.isEmpty() ? QStringList() : organizationProblems);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
    m_ui->warningLabel->setText(
        tr("Every number of account %1 and of all its sub-accounts moves to organisation %2. Incoming calls "
           "to them are then routed by that organisation's domain and its regex routes, no longer by the "
           "ones of their current organisation. Only a super admin may migrate numbers (profile “%3” signs "
           "in as %4); Restcomm refuses anyone else. The migration waits in Pending changes until you "
           "apply it.")
            .arg(account.isEmpty() ? tr("(the account)") : account,
                 organization.isEmpty() ? tr("(the organisation)") : organization, m_profile.name,
                 m_profile.accountId.isEmpty() ? tr("an account not synced yet") : m_profile.accountId));
    showPreview(accountProblems.isEmpty() ? account : QString());
    // The texts above changed length: let the layout give the wrapped labels their height now.
    layout()->activate();
}

// The numbers of the account that this computer knows, from every Restcomm profile synced here (a super
// admin's list holds only its own numbers; a sub-account's come with a profile of its own).
void MigrateNumbersDialog::showPreview(const QString& accountSid) {
    m_ui->previewList->clear();
    if (accountSid.isEmpty()) {
        m_ui->previewLabel->setText(tr("Name the account to see its numbers known here."));
        return;
    }
    store::PhoneNumberFilter filter;
    filter.provider = core::kProviderRestcomm.toString();
    const store::PhoneNumberRepository numbers(m_database);
    for (const store::Profile& profile : store::ProfileRepository(m_database).list()) {
        if (profile.provider != core::kProviderRestcomm)
            continue;
        for (const core::PhoneNumberRecord& number : numbers.list(profile.id, filter)) {
            if (number.restcomm && number.restcomm->accountSid == accountSid)
                m_ui->previewList->addItem(
                    tr("%1 %2 (profile “%3”)").arg(number.e164, number.label, profile.name).simplified());
        }
    }
    m_ui->previewLabel->setText(
        m_ui->previewList->count() == 0
            ? tr("No number of account %1 is known on this computer (sync a profile of that account to see "
                 "them). Restcomm moves whatever the account and its sub-accounts hold.")
                  .arg(accountSid)
            : tr("These numbers of account %1 are known on this computer and move, with those of its "
                 "sub-accounts:")
                  .arg(accountSid));
}

} // namespace trunkline::gui
