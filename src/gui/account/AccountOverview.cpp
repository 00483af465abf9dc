#include "gui/account/AccountOverview.h"

#include "core/Account.h"
#include "core/PhoneNumber.h"
#include "store/AccountRepository.h"
#include "store/ProfileRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::gui {

AccountOverview::AccountOverview(store::Database& database, QWidget* parent)
    : QLabel(parent)
    , m_database(database) {
    setObjectName(u"accountOverview"_s);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    showProfile(std::nullopt);
}

QString AccountOverview::describe(const core::Account& account) {
    QStringList parts;
    if (!account.mainNumber.isEmpty()) {
        const core::ParseOutcome parsed = core::PhoneNumber::parse(account.mainNumber);
        parts << tr("Main number %1").arg(parsed.ok() ? parsed.number->international() : account.mainNumber);
    }
    if (!account.brand.isEmpty())
        parts << account.brand;
    if (!account.servicePlan.isEmpty())
        parts << tr("Plan: %1").arg(account.servicePlan);
    if (!account.status.isEmpty())
        parts << tr("Status: %1").arg(account.status);
    if (!account.operatorName.isEmpty() || !account.operatorExtensionId.isEmpty())
        parts << tr("Operator: %1")
                     .arg(account.operatorName.isEmpty() ? account.operatorExtensionId
                                                         : account.operatorName);
    return parts.join(u"  ·  "_s);
}

void AccountOverview::showProfile(std::optional<qint64> profileId) {
    m_profileId = profileId;
    if (!profileId) {
        const qsizetype profiles = store::ProfileRepository(m_database).list().size();
        setText(profiles == 0 ? tr("No provider account yet")
                              : (profiles == 1 ? tr("1 account") : tr("%1 accounts").arg(profiles)));
        setToolTip({});
        return;
    }
    QString error;
    const QList<core::Account> accounts = store::AccountRepository(m_database).list(*profileId, &error);
    if (!error.isEmpty()) {
        setText(error);
    } else if (accounts.isEmpty()) {
        setText(tr("Account details appear after the first sync"));
    } else {
        setText(describe(accounts.constFirst()));
    }
    setToolTip(accounts.isEmpty() ? QString() : tr("Account %1").arg(accounts.constFirst().id));
}

} // namespace trunkline::gui
