#pragma once

#include "gui/GuiForward.h"
#include "store/PendingChange.h"
#include "store/Profile.h"

#include <QDialog>
#include <memory>

namespace Ui {
class MigrateNumbersDialog;
}

namespace trunkline::gui {

// Restcomm's migrate, planned (restcomm §7): every number of an account and of all its sub-accounts moves
// to another organisation, whose domain then routes their calls. The admin names the account and the
// organisation (checked as typed: their kind of sid, and not the super admin's own account, which
// Restcomm refuses) and sees what it affects: the numbers of that account known on this computer. OK
// gives the change to stage; it is applied from Pending changes like any other, and Restcomm itself
// refuses a caller that is not a super admin.
class MigrateNumbersDialog : public QDialog {
    Q_OBJECT

public:
    MigrateNumbersDialog(store::Database& database, store::Profile profile, QWidget* parent = nullptr);
    ~MigrateNumbersDialog() override;

    store::PendingChange pendingChange() const;

private:
    void check();
    void showPreview(const QString& accountSid);

    store::Database& m_database;
    store::Profile m_profile;
    std::unique_ptr<Ui::MigrateNumbersDialog> m_ui;
};

} // namespace trunkline::gui
