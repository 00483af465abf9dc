#pragma once

#include "gui/GuiForward.h"
#include "store/Profile.h"

#include <QDialog>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

class QTreeWidgetItem;

namespace Ui {
class ProfilesDialog;
}

namespace trunkline::gui {

class ConnectionTest;
class ProfileEditDialog;

// "Accounts…": the provider accounts (profiles) Trunkline works on, with Add, Edit, Rename, Remove and
// Test connection. The forms and the removal go through connection::ProfileService, so a profile's row and
// its keychain secret come and go together, checked as the CLI checks them. Every change is announced
// (profilesChanged) so that the switcher and the sync follow at once.
class ProfilesDialog : public QDialog {
    Q_OBJECT

public:
    // Asks before a profile is removed; tests answer without a message box.
    using ConfirmRemove =
        std::function<bool(QWidget* parent, const QString& question, const QString& details)>;

    ProfilesDialog(store::Database& database, secrets::SecretStore& secrets,
                   connection::ConnectionFactory& connections, QWidget* parent = nullptr);
    ~ProfilesDialog() override;

    void setConfirmRemove(ConfirmRemove confirm) { m_confirmRemove = std::move(confirm); }
    // The open add or edit form, if any.
    ProfileEditDialog* form() const;

public slots:
    void addProfile();

signals:
    // A profile was added, edited, renamed or removed.
    void profilesChanged(qint64 profileId);
    // A connection test learnt which app permissions the profile's sign-in has (ExtensionPermissions).
    void permissionsLearnt(qint64 profileId);

private:
    void reload(std::optional<qint64> select);
    std::optional<store::Profile> selectedProfile() const;
    void openForm(std::optional<store::Profile> existing);
    void editProfile();
    void renameProfile();
    void renamed(QTreeWidgetItem* item, int column);
    void removeProfile();
    void testProfile();
    void setTesting(bool testing);
    void updateButtons();

    store::Database& m_database;
    secrets::SecretStore& m_secrets;
    connection::ConnectionFactory& m_connections;
    std::unique_ptr<Ui::ProfilesDialog> m_ui;
    ConnectionTest* m_test = nullptr;
    QPointer<ProfileEditDialog> m_form;
    ConfirmRemove m_confirmRemove;
};

} // namespace trunkline::gui
