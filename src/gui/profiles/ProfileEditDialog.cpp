#include "gui/profiles/ProfileEditDialog.h"

#include "connection/DemoProfiles.h"
#include "connection/ProfileService.h"
#include "gui/extensions/FormMessages.h"
#include "gui/profiles/ConnectionTest.h"
#include "providers/ProviderRegistry.h"
#include "ui_ProfileEditDialog.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {
const providers::ProviderCapabilities* providerOf(const QComboBox* combo) {
    return providers::findProvider(combo->currentData().toString());
}
} // namespace

ProfileEditDialog::ProfileEditDialog(store::Database& database, secrets::SecretStore& secrets,
                                     connection::ConnectionFactory& connections,
                                     std::optional<store::Profile> existing, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_secrets(secrets)
    , m_existing(std::move(existing))
    , m_ui(std::make_unique<Ui::ProfileEditDialog>())
    , m_test(new ConnectionTest(connections, this)) {
    m_ui->setupUi(this);
    form::makeErrorLabel(m_ui->errorLabel);
    for (const providers::ProviderCapabilities* provider : providers::allProviders())
        m_ui->providerCombo->addItem(provider->displayName, provider->key.toString());
    if (m_existing) {
        setWindowTitle(tr("Edit account"));
        m_ui->nameEdit->setText(m_existing->name);
        m_ui->providerCombo->setCurrentIndex(m_ui->providerCombo->findData(m_existing->provider));
        // The stored secret is the provider's: another provider is another account, added anew.
        m_ui->providerCombo->setEnabled(false);
        m_ui->baseUrlEdit->setText(m_existing->baseUrl);
        m_ui->accountEdit->setText(m_existing->accountId);
        const bool demo = connection::DemoProfiles::isDemo(*m_existing);
        m_ui->baseUrlEdit->setReadOnly(demo);
        m_ui->secretNote->setText(
            demo ? tr("The demo office runs on this computer: it needs no address and no secret. Only its "
                      "name can be changed.")
                 : tr("Leave the secret fields empty to keep the secret in the keychain. A changed address "
                      "or account needs the secret typed again: Trunkline never sends a secret anywhere but "
                      "where it was entered for."));
    } else {
        m_ui->secretNote->setText(tr("The secret goes straight into the system keychain; the database and "
                                     "the settings never hold it."));
    }
    providerChosen();
    connect(m_ui->providerCombo, &QComboBox::currentIndexChanged, this, &ProfileEditDialog::providerChosen);
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProfileEditDialog::save);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->testButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_ui->testButton, &QPushButton::clicked, this, &ProfileEditDialog::test);
    connect(m_ui->cancelTestButton, &QPushButton::clicked, this, [this] {
        m_test->cancel();
        setTesting(false);
        form::showMessages(m_ui->testResult, {tr("Test cancelled.")});
    });
    setTesting(false);
}

ProfileEditDialog::~ProfileEditDialog() = default;

void ProfileEditDialog::providerChosen() {
    const providers::ProviderCapabilities* provider = providerOf(m_ui->providerCombo);
    if (!provider)
        return;
    // A new profile starts at the provider's public address; one typed by the admin is kept.
    const QString typedUrl = m_ui->baseUrlEdit->text().trimmed();
    bool isDefault = typedUrl.isEmpty();
    for (const providers::ProviderCapabilities* other : providers::allProviders())
        isDefault = isDefault || (!other->defaultBaseUrl.isEmpty() && typedUrl == other->defaultBaseUrl);
    if (!m_existing && isDefault)
        m_ui->baseUrlEdit->setText(provider->defaultBaseUrl);
    m_ui->baseUrlEdit->setPlaceholderText(tr("https://host (http only for 127.0.0.1, localhost or ::1)"));
    const bool demo = m_existing && connection::DemoProfiles::isDemo(*m_existing);
    m_ui->formLayout->setRowVisible(m_ui->accountEdit, provider->needsAccountId && !demo);

    const QList<std::pair<QLabel*, QLineEdit*>> rows{{m_ui->clientIdLabel, m_ui->clientIdEdit},
                                                     {m_ui->clientSecretLabel, m_ui->clientSecretEdit},
                                                     {m_ui->tokenLabel, m_ui->tokenEdit}};
    for (const auto& row : rows)
        m_ui->formLayout->setRowVisible(row.second, false);
    if (demo)
        return;
    for (const providers::SecretField& field : provider->secretFields) {
        const auto& [label, edit] = rows[static_cast<int>(field.slot)];
        // The CLI's prompt ("Client id: ") is the field's name.
        label->setText(QCoreApplication::translate("ProfilesCommand", field.prompt).trimmed());
        edit->setPlaceholderText(m_existing ? tr("unchanged") : QString());
        m_ui->formLayout->setRowVisible(edit, true);
    }
}

store::Profile ProfileEditDialog::typedProfile() const {
    store::Profile profile = m_existing.value_or(store::Profile{});
    profile.name = m_ui->nameEdit->text().trimmed();
    profile.provider = m_ui->providerCombo->currentData().toString();
    profile.baseUrl = m_ui->baseUrlEdit->text().trimmed();
    const providers::ProviderCapabilities* provider = providerOf(m_ui->providerCombo);
    profile.accountId =
        provider && provider->needsAccountId ? m_ui->accountEdit->text().trimmed() : QString();
    return profile;
}

std::optional<connection::ProviderSecret> ProfileEditDialog::typedSecret() const {
    connection::ProviderSecret secret;
    secret.clientId = m_ui->clientIdEdit->text().trimmed().toUtf8();
    secret.clientSecret = m_ui->clientSecretEdit->text().trimmed().toUtf8();
    secret.token = m_ui->tokenEdit->text().trimmed().toUtf8();
    bool typed = false;
    if (const providers::ProviderCapabilities* provider = providerOf(m_ui->providerCombo)) {
        const QLineEdit* edits[] = {m_ui->clientIdEdit, m_ui->clientSecretEdit, m_ui->tokenEdit};
        for (const providers::SecretField& field : provider->secretFields)
            typed = typed || !edits[static_cast<int>(field.slot)]->text().trimmed().isEmpty();
    }
    if (m_existing && !typed)
        return std::nullopt;
    return secret;
}

void ProfileEditDialog::save() {
    m_test->cancel();
    setTesting(false);
    store::Profile profile = typedProfile();
    connection::ProfileService service(m_database, m_secrets);
    QString error;
    const bool saved = m_existing ? service.update(profile, typedSecret(), &error)
                                  : service.add(profile, *typedSecret(), &error);
    if (!saved) {
        form::showMessages(m_ui->errorLabel, {error});
        return;
    }
    m_saved = profile;
    accept();
}

void ProfileEditDialog::test() {
    const store::Profile profile = typedProfile();
    if (const QString invalid = connection::ProfileService::validate(profile); !invalid.isEmpty()) {
        form::showMessages(m_ui->errorLabel, {invalid});
        return;
    }
    form::showMessages(m_ui->errorLabel, {});
    setTesting(true);
    form::showMessages(m_ui->testResult, {tr("Testing the connection…")});
    m_test->start(profile, typedSecret(), [this](const ConnectionTest::Outcome& outcome) {
        setTesting(false);
        form::showMessages(m_ui->testResult, outcome.lines);
    });
}

void ProfileEditDialog::setTesting(bool testing) {
    m_ui->testProgress->setVisible(testing);
    m_ui->cancelTestButton->setVisible(testing);
    m_ui->testButton->setEnabled(!testing);
}

} // namespace trunkline::gui
