#include "gui/account/AccountOverview.h"

#include "core/ReadableNumber.h"
#include "gui/account/AccountDetailsPanel.h"
#include "store/AccountRepository.h"
#include "store/ProfileRepository.h"

#include <QKeyEvent>
#include <QMouseEvent>

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
        parts << tr("Main number %1").arg(core::readableNumber(account.mainNumber));
    }
    if (!account.brand.isEmpty())
        parts << account.brand;
    if (!account.servicePlan.isEmpty())
        parts << tr("Plan: %1").arg(account.servicePlan);
    if (!account.billingPlan.isEmpty())
        parts << tr("Billing: %1").arg(account.billingPlan);
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
    m_account.reset();
    if (m_panel)
        m_panel->hide();
    setCursor(Qt::ArrowCursor);
    setFocusPolicy(Qt::NoFocus);
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
        m_account = accounts.constFirst();
        setText(describe(*m_account));
    }
    if (!m_account) {
        setToolTip({});
        return;
    }
    setToolTip(
        AccountDetailsPanel::html(*m_account) +
        u"<p><small>%1</small></p>"_s.arg(tr("Click for these details in a panel you can copy from.")));
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::TabFocus);
}

void AccountOverview::showDetails() {
    if (!m_account)
        return;
    if (!m_panel)
        m_panel = new AccountDetailsPanel(this);
    m_panel->showAccount(*m_account);
    m_panel->move(mapToGlobal(QPoint(0, height())));
    m_panel->show();
}

void AccountOverview::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && !hasSelectedText())
        showDetails();
    QLabel::mouseReleaseEvent(event);
}

void AccountOverview::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        showDetails();
        return;
    }
    QLabel::keyPressEvent(event);
}

} // namespace trunkline::gui
