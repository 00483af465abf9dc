#include "gui/profiles/ProfilesDialog.h"

#include "connection/DemoProfiles.h"
#include "connection/ProfileService.h"
#include "gui/extensions/ExtensionPermissions.h"
#include "gui/extensions/FormMessages.h"
#include "gui/profiles/ConnectionTest.h"
#include "gui/profiles/ProfileEditDialog.h"
#include "providers/ProviderRegistry.h"
#include "store/ExtensionRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"
#include "ui_ProfilesDialog.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {
constexpr int kIdRole = Qt::UserRole;

bool askToRemove(QWidget* parent, const QString& question, const QString& details) {
    QMessageBox box(QMessageBox::Warning, ProfilesDialog::tr("Remove account"), question, QMessageBox::Cancel,
                    parent);
    box.setInformativeText(details);
    QPushButton* remove = box.addButton(ProfilesDialog::tr("Remove"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == remove;
}
} // namespace

ProfilesDialog::ProfilesDialog(store::Database& database, secrets::SecretStore& secrets,
                               connection::ConnectionFactory& connections, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_secrets(secrets)
    , m_connections(connections)
    , m_ui(std::make_unique<Ui::ProfilesDialog>())
    , m_test(new ConnectionTest(connections, this))
    , m_confirmRemove(askToRemove) {
    m_ui->setupUi(this);
    form::makeErrorLabel(m_ui->errorLabel);
    m_ui->profileList->setEditTriggers(QAbstractItemView::NoEditTriggers); // renamed with F2 only
    m_ui->addButton->setShortcut(QKeySequence(Qt::Key_Insert));
    m_ui->renameButton->setShortcut(QKeySequence(Qt::Key_F2));
    m_ui->removeButton->setShortcut(QKeySequence::Delete);
    m_ui->testButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_ui->addButton, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_ui->editButton, &QPushButton::clicked, this, &ProfilesDialog::editProfile);
    connect(m_ui->renameButton, &QPushButton::clicked, this, &ProfilesDialog::renameProfile);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ProfilesDialog::removeProfile);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ProfilesDialog::testProfile);
    connect(m_ui->cancelTestButton, &QPushButton::clicked, this, [this] {
        m_test->cancel();
        setTesting(false);
        form::showMessages(m_ui->testResult, {tr("Test cancelled.")});
    });
    connect(m_ui->profileList, &QTreeWidget::itemActivated, this, &ProfilesDialog::editProfile);
    connect(m_ui->profileList, &QTreeWidget::itemChanged, this, &ProfilesDialog::renamed);
    connect(m_ui->profileList, &QTreeWidget::currentItemChanged, this, [this] {
        m_test->cancel();
        setTesting(false);
        form::showMessages(m_ui->testResult, {});
        updateButtons();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTesting(false);
    reload(std::nullopt);
}

ProfilesDialog::~ProfilesDialog() = default;

ProfileEditDialog* ProfilesDialog::form() const {
    return m_form;
}

void ProfilesDialog::reload(std::optional<qint64> select) {
    const QSignalBlocker blocker(m_ui->profileList); // filling the list renames nothing
    m_ui->profileList->clear();
    QString error;
    for (const store::Profile& profile : store::ProfileRepository(m_database).list(&error)) {
        auto* item = new QTreeWidgetItem(m_ui->profileList,
                                         {profile.name, providers::providerDisplayName(profile.provider),
                                          connection::DemoProfiles::isDemo(profile)
                                              ? tr("built-in demo (on this computer)")
                                              : profile.baseUrl});
        item->setData(0, kIdRole, profile.id);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        if (select == profile.id || !m_ui->profileList->currentItem())
            m_ui->profileList->setCurrentItem(item);
    }
    form::showMessages(m_ui->errorLabel, error.isEmpty() ? QStringList() : QStringList{error});
    for (int column = 0; column < m_ui->profileList->columnCount(); ++column)
        m_ui->profileList->resizeColumnToContents(column);
    updateButtons();
}

std::optional<store::Profile> ProfilesDialog::selectedProfile() const {
    const QTreeWidgetItem* item = m_ui->profileList->currentItem();
    if (!item)
        return std::nullopt;
    return store::ProfileRepository(m_database).find(item->data(0, kIdRole).toLongLong());
}

void ProfilesDialog::updateButtons() {
    const bool selected = m_ui->profileList->currentItem() != nullptr;
    for (QPushButton* button : {m_ui->editButton, m_ui->renameButton, m_ui->removeButton})
        button->setEnabled(selected);
    m_ui->testButton->setEnabled(selected && !m_test->isRunning());
}

void ProfilesDialog::addProfile() {
    openForm(std::nullopt);
}

void ProfilesDialog::editProfile() {
    if (const std::optional<store::Profile> profile = selectedProfile())
        openForm(profile);
}

void ProfilesDialog::openForm(std::optional<store::Profile> existing) {
    if (m_form) {
        m_form->raise();
        m_form->activateWindow();
        return;
    }
    m_form = new ProfileEditDialog(m_database, m_secrets, m_connections, std::move(existing), this);
    m_form->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_form, &QDialog::accepted, this, [this, form = m_form] {
        const store::Profile saved = form->savedProfile();
        // New credentials: what was learnt about the old sign-in no longer holds.
        ExtensionPermissions::forget(saved.id);
        reload(saved.id);
        emit profilesChanged(saved.id);
    });
    m_form->open();
}

void ProfilesDialog::renameProfile() {
    if (QTreeWidgetItem* item = m_ui->profileList->currentItem())
        m_ui->profileList->editItem(item, 0);
}

void ProfilesDialog::renamed(QTreeWidgetItem* item, int column) {
    if (column != 0)
        return;
    const qint64 id = item->data(0, kIdRole).toLongLong();
    std::optional<store::Profile> profile = store::ProfileRepository(m_database).find(id);
    if (!profile || profile->name == item->text(0))
        return;
    const QString previous = profile->name;
    profile->name = item->text(0).trimmed();
    QString error;
    if (!connection::ProfileService(m_database, m_secrets).update(*profile, std::nullopt, &error)) {
        form::showMessages(m_ui->errorLabel, {error});
        const QSignalBlocker blocker(m_ui->profileList);
        item->setText(0, previous);
        return;
    }
    form::showMessages(m_ui->errorLabel, {});
    // The list re-sorts by name once its editor has closed (it is still committing now).
    QTimer::singleShot(0, this, [this, id] { reload(id); });
    emit profilesChanged(id);
}

void ProfilesDialog::removeProfile() {
    const std::optional<store::Profile> profile = selectedProfile();
    if (!profile)
        return;
    const int numbers = store::PhoneNumberRepository(m_database).count(profile->id);
    const int extensions = store::ExtensionRepository(m_database).count(profile->id);
    const auto waiting = store::PendingChangeRepository(m_database)
                             .list(profile->id, {store::ChangeState::Pending, store::ChangeState::Failed,
                                                 store::ChangeState::Conflict, store::ChangeState::Applying})
                             .size();
    const QString provider = providers::providerDisplayName(profile->provider);
    QString details = tr("Trunkline deletes its local copy of this account's data on this computer: %n "
                         "number(s), ",
                         nullptr, numbers) +
                      tr("%n extension(s), ", nullptr, extensions) +
                      tr("its port orders, routes and audit log, and %n staged change(s) not yet applied.",
                         nullptr, static_cast<int>(waiting));
    if (!connection::DemoProfiles::isDemo(*profile))
        details += u' ' + tr("Its secret is removed from the system keychain.");
    details += u' ' + tr("Nothing changes at %1; you can add the account again later.").arg(provider);
    if (!m_confirmRemove(this, tr("Remove the account “%1”?").arg(profile->name), details))
        return;
    m_test->cancel();
    QString error;
    if (!connection::ProfileService(m_database, m_secrets).remove(profile->id, &error)) {
        form::showMessages(m_ui->errorLabel, {error});
        return;
    }
    ExtensionPermissions::forget(profile->id);
    form::showMessages(m_ui->errorLabel, {});
    reload(std::nullopt);
    emit profilesChanged(profile->id);
}

void ProfilesDialog::testProfile() {
    const std::optional<store::Profile> profile = selectedProfile();
    if (!profile)
        return;
    setTesting(true);
    form::showMessages(m_ui->testResult, {tr("Testing “%1”…").arg(profile->name)});
    const qint64 id = profile->id;
    m_test->start(*profile, std::nullopt, [this, id](const ConnectionTest::Outcome& outcome) {
        setTesting(false);
        form::showMessages(m_ui->testResult, outcome.lines);
        if (!outcome.grantedScopes.isEmpty()) {
            ExtensionPermissions::setGrantedScopes(id, outcome.grantedScopes);
            emit permissionsLearnt(id);
        }
    });
    updateButtons();
}

void ProfilesDialog::setTesting(bool testing) {
    m_ui->testProgress->setVisible(testing);
    m_ui->cancelTestButton->setVisible(testing);
    updateButtons();
}

} // namespace trunkline::gui
