#pragma once

#include "connection/ProviderSecret.h"
#include "gui/GuiForward.h"
#include "store/Profile.h"

#include <QDialog>
#include <memory>
#include <optional>

namespace Ui {
class ProfileEditDialog;
}

namespace trunkline::gui {

class ConnectionTest;

// The form of one provider account: name, provider, address (https, or http on loopback only), the
// account where the provider needs one, and the provider's secret fields, typed into password fields.
// Save hands them to connection::ProfileService, the same checks and the same keychain the CLI uses: the
// secret goes straight to the keychain, never to the database or the settings. A refusal names the field
// and the rule and keeps everything typed. "Test connection" tries what is typed before it is saved.
class ProfileEditDialog : public QDialog {
    Q_OBJECT

public:
    // `existing`: the stored profile to edit (its secret fields start empty: empty keeps the stored
    // secret); nullopt adds a profile.
    ProfileEditDialog(store::Database& database, secrets::SecretStore& secrets,
                      connection::ConnectionFactory& connections, std::optional<store::Profile> existing,
                      QWidget* parent = nullptr);
    ~ProfileEditDialog() override;

    // The profile as saved (its id set), after the dialog was accepted.
    store::Profile savedProfile() const { return m_saved; }

private:
    void providerChosen();
    store::Profile typedProfile() const;
    // nullopt when editing and no secret field was typed into: the stored secret stays.
    std::optional<connection::ProviderSecret> typedSecret() const;
    void save();
    void test();
    void setTesting(bool testing);

    store::Database& m_database;
    secrets::SecretStore& m_secrets;
    std::optional<store::Profile> m_existing;
    store::Profile m_saved;
    std::unique_ptr<Ui::ProfileEditDialog> m_ui;
    ConnectionTest* m_test = nullptr;
};

} // namespace trunkline::gui
