#include "GuiTestCase.h"
#include "connection/ConnectionFactory.h"
#include "connection/ProfileService.h"
#include "demo/DemoEmulator.h"
#include "gui/AppSession.h"
#include "gui/MainWindow.h"
#include "gui/extensions/ExtensionPermissions.h"
#include "gui/profiles/ProfileEditDialog.h"
#include "gui/profiles/ProfileSwitcher.h"
#include "gui/profiles/ProfilesDialog.h"
#include "gui/syncstatus/SyncController.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/MemorySecretStore.h"
#include "store/ProfileRepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;

// The Accounts dialog over a real SQLite file and the demo emulator on 127.0.0.1: adding a profile by
// typing into the form (its secret in the real keychain under scripts/test, nowhere else), the https rule,
// Test connection with every permission and with an app that lacks one, renaming and removing, and the
// console following at once.
class tst_ProfilesDialog : public QObject {
    Q_OBJECT

    static bool realKeychain() { return qEnvironmentVariable("TRUNKLINE_REAL_KEYCHAIN") == "1"_L1; }

    emulator::DemoCredentials credentials() const { return m_demo->credentials(); }
    QString emulatorUrl() const { return m_demo->baseUrl().toString(); }

    template <typename T>
    static T* child(QWidget* parent, const QString& name) {
        T* widget = parent->findChild<T*>(name);
        if (!widget)
            qWarning("no %s", qPrintable(name));
        return widget;
    }
    static void type(QWidget* parent, const QString& name, const QString& text) {
        auto* edit = child<QLineEdit>(parent, name);
        edit->clear();
        QTest::keyClicks(edit, text);
    }
    static void chooseProvider(QWidget* form, const QString& key) {
        auto* combo = child<QComboBox>(form, u"providerCombo"_s);
        combo->setCurrentIndex(combo->findData(key));
    }
    static QString text(QWidget* parent, const QString& name) { return child<QLabel>(parent, name)->text(); }
    static void click(QWidget* parent, const QString& name) {
        QTest::mouseClick(child<QPushButton>(parent, name), Qt::LeftButton);
    }
    static void save(gui::ProfileEditDialog* form) {
        QTest::mouseClick(child<QDialogButtonBox>(form, u"buttonBox"_s)->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
    }
    // Types a RingCentral account of the emulator into the add form.
    void typeRingCentral(gui::ProfileEditDialog* form, const QString& name, const QString& clientId,
                         const QString& clientSecret, const QString& jwt) const {
        type(form, u"nameEdit"_s, name);
        chooseProvider(form, u"ringcentral"_s);
        type(form, u"baseUrlEdit"_s, emulatorUrl());
        typeRingCentralSecret(form, clientId, clientSecret, jwt);
    }
    static void typeRingCentralSecret(gui::ProfileEditDialog* form, const QString& clientId,
                                      const QString& clientSecret, const QString& jwt) {
        type(form, u"clientIdEdit"_s, clientId);
        type(form, u"clientSecretEdit"_s, clientSecret);
        type(form, u"tokenEdit"_s, jwt);
    }
    // A RingCentral profile of the emulator, stored with its secret as the CLI stores it.
    qint64 storeRingCentral(const QString& name, const QString& clientId, const QString& clientSecret) {
        store::Profile profile;
        profile.name = name;
        profile.provider = u"ringcentral"_s;
        profile.baseUrl = emulatorUrl();
        connection::ProviderSecret secret{clientId.toUtf8(), clientSecret.toUtf8(),
                                          credentials().ringCentralAdminJwt.toUtf8()};
        QString error;
        if (!connection::ProfileService(m_test->database(), *m_secrets).add(profile, secret, &error))
            qWarning("%s", qPrintable(error));
        return profile.id;
    }
    std::unique_ptr<gui::ProfilesDialog> makeDialog() {
        auto dialog = std::make_unique<gui::ProfilesDialog>(m_test->database(), *m_secrets, *m_connections);
        dialog->resize(820, 460);
        dialog->show();
        return dialog;
    }
    void select(gui::ProfilesDialog* dialog, qint64 profileId) {
        auto* list = child<QTreeWidget>(dialog, u"profileList"_s);
        for (int row = 0; row < list->topLevelItemCount(); ++row) {
            if (list->topLevelItem(row)->data(0, Qt::UserRole).toLongLong() == profileId)
                list->setCurrentItem(list->topLevelItem(row));
        }
    }
    // Every file of the database (the SQLite file and its journal) and the settings file, as bytes.
    QByteArray storedBytes() const {
        QByteArray all;
        const QDir dir = QFileInfo(m_test->location()).dir();
        for (const QFileInfo& file : dir.entryInfoList(QDir::Files)) {
            QFile f(file.filePath());
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        QSettings().sync();
        QFile settings(QSettings().fileName());
        if (settings.open(QIODevice::ReadOnly))
            all += settings.readAll();
        return all;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        // Without RingCentral's limits: the background detail fetch after one case's sync (8 requests per
        // extension) would otherwise leave the next sync waiting out a rate-limit window.
        emulator::EmulatorOptions options;
        options.rateLimits = false;
        m_demo = std::make_unique<demo::DemoEmulator>(options);
        QString error;
        QVERIFY2(m_demo->start(&error), qPrintable(error));
    }

    void init() {
        QVERIFY2(startGuiTestCase(m_test), qPrintable(m_test->error()));
        m_secrets = std::make_unique<secrets::MemorySecretStore>();
        m_connections = std::make_unique<connection::ConnectionFactory>(*m_secrets, m_network, *m_demo);
    }
    void cleanup() {
        m_connections.reset();
        m_secrets.reset();
        m_test.reset();
    }

    // The brief's end to end: typed into the form, the secret is in the real keychain, bound to the
    // profile, and neither in the database nor in the settings.
    void addedProfileKeepsItsSecretInTheKeychainOnly() {
        if (!realKeychain())
            QSKIP("TRUNKLINE_REAL_KEYCHAIN is not 1: run under scripts/test (dbus-run-session + "
                  "gnome-keyring)");
        m_secrets = std::make_unique<secrets::KeychainSecretStore>(u"Trunkline tests"_s);
        m_connections = std::make_unique<connection::ConnectionFactory>(*m_secrets, m_network, *m_demo);
        auto dialog = makeDialog();
        QSignalSpy changed(dialog.get(), &gui::ProfilesDialog::profilesChanged);
        click(dialog.get(), u"addButton"_s);
        gui::ProfileEditDialog* form = dialog->form();
        QVERIFY(form);
        const emulator::DemoCredentials c = credentials();
        typeRingCentral(form, u"Berlin office"_s, c.ringCentralClientId, c.ringCentralClientSecret,
                        c.ringCentralAdminJwt);
        QCOMPARE(child<QLineEdit>(form, u"clientSecretEdit"_s)->echoMode(), QLineEdit::Password);
        QCOMPARE(child<QLineEdit>(form, u"tokenEdit"_s)->echoMode(), QLineEdit::Password);
        save(form);
        QTRY_VERIFY(!dialog->form());
        QCOMPARE(changed.size(), 1);

        const QList<store::Profile> profiles = store::ProfileRepository(m_test->database()).list();
        QCOMPARE(profiles.size(), 1);
        const store::Profile& added = profiles.first();
        QCOMPARE(added.name, u"Berlin office"_s);
        QCOMPARE(added.baseUrl, emulatorUrl());
        // In the keychain, read back by a store of its own, under the profile's UUID.
        secrets::KeychainSecretStore keychain(u"Trunkline tests"_s);
        const secrets::SecretResult stored =
            keychain.loadAndWait(secrets::SecretKey::forProfile(added.uuid, u"ringcentral"_s));
        QVERIFY2(stored.ok(), qPrintable(stored.message));
        QVERIFY(stored.secret.contains(c.ringCentralAdminJwt));
        QVERIFY(stored.secret.contains(c.ringCentralClientSecret));
        // Nowhere else.
        const QByteArray bytes = storedBytes();
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(c.ringCentralAdminJwt.toUtf8()));
        QVERIFY(!bytes.contains(c.ringCentralClientSecret.toUtf8()));

        QVERIFY(connection::ProfileService(m_test->database(), *m_secrets).remove(added.id, nullptr));
        QCOMPARE(keychain.loadAndWait(secrets::SecretKey::forProfile(added.uuid, u"ringcentral"_s)).error,
                 secrets::SecretError::NotFound);
    }

    // Plain http to a host that is not this computer is refused with the rule named; what was typed stays.
    void plainHttpIsRefusedNamingTheRule() {
        auto dialog = makeDialog();
        dialog->addProfile();
        gui::ProfileEditDialog* form = dialog->form();
        QVERIFY(form);
        const emulator::DemoCredentials c = credentials();
        typeRingCentral(form, u"Hamburg"_s, c.ringCentralClientId, c.ringCentralClientSecret,
                        c.ringCentralAdminJwt);
        type(form, u"baseUrlEdit"_s, u"http://platform.ringcentral.com"_s);
        save(form);
        const QString error = text(form, u"errorLabel"_s);
        QVERIFY2(error.startsWith(u"Base URL: "_s), qPrintable(error));
        QVERIFY2(error.contains(u"must use https"_s), qPrintable(error));
        QVERIFY(form->isVisible());
        QCOMPARE(child<QLineEdit>(form, u"nameEdit"_s)->text(), u"Hamburg"_s);
        QCOMPARE(child<QLineEdit>(form, u"tokenEdit"_s)->text(), c.ringCentralAdminJwt);
        QVERIFY(store::ProfileRepository(m_test->database()).list().isEmpty());

        // Loopback may be plain http (the emulator); a missing secret part is named.
        type(form, u"baseUrlEdit"_s, u"http://localhost:1"_s);
        child<QLineEdit>(form, u"clientSecretEdit"_s)->clear();
        save(form);
        QCOMPARE(text(form, u"errorLabel"_s), u"Client secret: must not be empty."_s);
        QVERIFY(store::ProfileRepository(m_test->database()).list().isEmpty());
    }

    void testConnectionSaysWhatWorks() {
        const emulator::DemoCredentials c = credentials();
        const qint64 id = storeRingCentral(u"Full app"_s, c.ringCentralClientId, c.ringCentralClientSecret);
        QVERIFY(id > 0);
        auto dialog = makeDialog();
        select(dialog.get(), id);
        click(dialog.get(), u"testButton"_s);
        QVERIFY(child<QWidget>(dialog.get(), u"cancelTestButton"_s)->isVisible()); // busy, cancellable
        QTRY_VERIFY_WITH_TIMEOUT(!child<QWidget>(dialog.get(), u"testProgress"_s)->isVisible(), 20000);
        const QString result = text(dialog.get(), u"testResult"_s);
        QVERIFY2(result.contains(u"Signed in at RingCentral."_s), qPrintable(result));
        QVERIFY2(result.contains(u"Can list numbers."_s), qPrintable(result));
        QVERIFY2(result.contains(u"Can list extensions."_s), qPrintable(result));
        QVERIFY2(result.contains(u"Every app permission Trunkline uses is granted"_s), qPrintable(result));
        QVERIFY2(!result.contains(u"Missing"_s), qPrintable(result));
        QVERIFY(gui::ExtensionPermissions::grantedScopes(id).contains(u"EditExtensions"_s));
    }

    // The emulator's read-only app (ReadAccounts only): reading works, the missing permissions are
    // named, and the extension editor is disabled up front with the permission in its reason.
    void testConnectionNamesAMissingPermission() {
        const emulator::DemoCredentials c = credentials();
        const qint64 id = storeRingCentral(u"Read-only app"_s, c.ringCentralReadOnlyClientId,
                                           c.ringCentralReadOnlyClientSecret);
        QVERIFY(id > 0);
        auto dialog = makeDialog();
        QSignalSpy learnt(dialog.get(), &gui::ProfilesDialog::permissionsLearnt);
        select(dialog.get(), id);
        QVERIFY(gui::ExtensionPermissions(m_test->database()).canEdit(id, u"101"_s).allowed);
        click(dialog.get(), u"testButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!child<QWidget>(dialog.get(), u"testProgress"_s)->isVisible(), 20000);
        const QString result = text(dialog.get(), u"testResult"_s);
        QVERIFY2(result.contains(u"Can list numbers."_s), qPrintable(result));
        QVERIFY2(result.contains(u"Missing app permission “EditExtensions”: needed for applying changes to "
                                 "extensions"_s),
                 qPrintable(result));
        QVERIFY2(result.contains(u"Missing app permission “EditAccounts”"_s), qPrintable(result));
        QVERIFY2(!result.contains(u"“ReadAccounts”"_s), qPrintable(result));
        QCOMPARE(learnt.size(), 1);
        QCOMPARE(gui::ExtensionPermissions::grantedScopes(id), QStringList{u"ReadAccounts"_s});
        const gui::ExtensionPermissions::Verdict edit =
            gui::ExtensionPermissions(m_test->database()).canEdit(id, u"101"_s);
        QVERIFY(!edit.allowed);
        QVERIFY2(edit.whyNot.contains(u"“EditExtensions”"_s), qPrintable(edit.whyNot));
        const gui::ExtensionPermissions::Verdict create =
            gui::ExtensionPermissions(m_test->database()).canCreate(id);
        QVERIFY2(create.whyNot.contains(u"“EditAccounts”"_s), qPrintable(create.whyNot));
    }

    // What is typed is tested before it is saved: a wrong Telnyx key fails at sign-in, the right one works.
    void formTestsWhatIsTyped() {
        auto dialog = makeDialog();
        dialog->addProfile();
        gui::ProfileEditDialog* form = dialog->form();
        type(form, u"nameEdit"_s, u"Porting"_s);
        chooseProvider(form, u"telnyx"_s);
        type(form, u"baseUrlEdit"_s, emulatorUrl());
        QVERIFY(!child<QLineEdit>(form, u"clientIdEdit"_s)->isVisible());
        type(form, u"tokenEdit"_s, u"KEY-wrong"_s);
        click(form, u"testButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!child<QWidget>(form, u"testProgress"_s)->isVisible(), 20000);
        QString result = text(form, u"testResult"_s);
        QVERIFY2(result.startsWith(u"Sign-in at Telnyx failed"_s), qPrintable(result));
        type(form, u"tokenEdit"_s, credentials().telnyxApiKey);
        click(form, u"testButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!child<QWidget>(form, u"testProgress"_s)->isVisible(), 20000);
        result = text(form, u"testResult"_s);
        QVERIFY2(result.contains(u"Can list porting orders."_s) && !result.contains(u"Cannot"_s),
                 qPrintable(result));
        QVERIFY(store::ProfileRepository(m_test->database()).list().isEmpty()); // tested, not saved

        // Nothing answers on port 1: the test keeps trying until it is cancelled, and a late answer of
        // the cancelled test changes nothing.
        type(form, u"baseUrlEdit"_s, u"http://127.0.0.1:1"_s);
        click(form, u"testButton"_s);
        QVERIFY(child<QWidget>(form, u"testProgress"_s)->isVisible());
        QVERIFY(!child<QPushButton>(form, u"testButton"_s)->isEnabled());
        click(form, u"cancelTestButton"_s);
        QVERIFY(!child<QWidget>(form, u"testProgress"_s)->isVisible());
        QVERIFY(child<QPushButton>(form, u"testButton"_s)->isEnabled());
        QTest::qWait(1500);
        QCOMPARE(text(form, u"testResult"_s), u"Test cancelled."_s);
    }

    // Editing: empty secret fields keep the stored secret, but a new address needs it typed again; the
    // demo office has no address or secret to edit.
    void editKeepsOrAsksForTheSecret() {
        const emulator::DemoCredentials c = credentials();
        const qint64 id = storeRingCentral(u"Berlin"_s, c.ringCentralClientId, c.ringCentralClientSecret);
        auto dialog = makeDialog();
        select(dialog.get(), id);
        click(dialog.get(), u"editButton"_s);
        gui::ProfileEditDialog* form = dialog->form();
        QVERIFY(form);
        QCOMPARE(child<QLineEdit>(form, u"baseUrlEdit"_s)->text(), emulatorUrl());
        QVERIFY(child<QLineEdit>(form, u"tokenEdit"_s)->text().isEmpty()); // never shown back
        const QString moved = u"http://localhost:"_s + QString::number(m_demo->baseUrl().port());
        type(form, u"baseUrlEdit"_s, moved);
        save(form);
        const QString refused = text(form, u"errorLabel"_s);
        QVERIFY2(refused.contains(u"enter the secret again"_s), qPrintable(refused));
        QCOMPARE(store::ProfileRepository(m_test->database()).find(id)->baseUrl, emulatorUrl());

        typeRingCentralSecret(form, c.ringCentralClientId, c.ringCentralClientSecret, c.ringCentralAdminJwt);
        save(form);
        QTRY_VERIFY(!dialog->form());
        QCOMPARE(store::ProfileRepository(m_test->database()).find(id)->baseUrl, moved);
        click(dialog.get(), u"testButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!child<QWidget>(dialog.get(), u"testProgress"_s)->isVisible(), 20000);
        QVERIFY2(text(dialog.get(), u"testResult"_s).contains(u"Can list extensions."_s),
                 qPrintable(text(dialog.get(), u"testResult"_s)));

        store::Profile demo;
        demo.name = u"Demo routing (Restcomm)"_s;
        demo.provider = u"restcomm"_s;
        demo.baseUrl = connection::DemoProfiles::kDemoBaseUrl;
        QVERIFY(store::ProfileRepository(m_test->database()).add(demo));
        const qint64 demoId = demo.id;
        dialog = makeDialog();
        select(dialog.get(), demoId);
        click(dialog.get(), u"editButton"_s);
        form = dialog->form();
        QVERIFY(child<QLineEdit>(form, u"baseUrlEdit"_s)->isReadOnly());
        QVERIFY(!child<QLineEdit>(form, u"tokenEdit"_s)->isVisible());
        QVERIFY(!child<QLineEdit>(form, u"accountEdit"_s)->isVisible());
        type(form, u"nameEdit"_s, u"Routing lab"_s);
        save(form);
        QTRY_COMPARE(store::ProfileRepository(m_test->database()).find(demoId)->name, u"Routing lab"_s);
    }

    void renameAndRemove() {
        const emulator::DemoCredentials c = credentials();
        const qint64 id = storeRingCentral(u"Old name"_s, c.ringCentralClientId, c.ringCentralClientSecret);
        const store::Profile stored = *store::ProfileRepository(m_test->database()).find(id);
        auto dialog = makeDialog();
        QSignalSpy changed(dialog.get(), &gui::ProfilesDialog::profilesChanged);
        select(dialog.get(), id);
        click(dialog.get(), u"renameButton"_s);
        auto* list = child<QTreeWidget>(dialog.get(), u"profileList"_s);
        QLineEdit* editor = nullptr;
        QTRY_VERIFY((editor = list->viewport()->findChild<QLineEdit*>()));
        editor->selectAll();
        QTest::keyClicks(editor, u"Munich office"_s);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(store::ProfileRepository(m_test->database()).find(id)->name, u"Munich office"_s);
        QCOMPARE(changed.size(), 1);
        // The secret stays usable: the rename changes neither address nor account.
        QVERIFY(m_secrets->loadAndWait(secrets::SecretKey::forProfile(stored.uuid, u"ringcentral"_s)).ok());

        QString question;
        QString details;
        dialog->setConfirmRemove([&](QWidget*, const QString& q, const QString& d) {
            question = q;
            details = d;
            return true;
        });
        select(dialog.get(), id);
        click(dialog.get(), u"removeButton"_s);
        QCOMPARE(question, u"Remove the account “Munich office”?"_s);
        QVERIFY2(details.contains(u"local copy of this account's data"_s), qPrintable(details));
        QVERIFY2(details.contains(u"secret is removed from the system keychain"_s), qPrintable(details));
        QVERIFY(!store::ProfileRepository(m_test->database()).find(id));
        QCOMPARE(m_secrets->loadAndWait(secrets::SecretKey::forProfile(stored.uuid, u"ringcentral"_s)).error,
                 secrets::SecretError::NotFound);
        QCOMPARE(list->topLevelItemCount(), 0);
        QCOMPARE(changed.size(), 2);
    }

    // The console follows the dialog at once: an added profile is in the switcher, a removed one goes;
    // "Add your own account…" of the first start opens the add form.
    void switcherFollowsTheDialog() {
        gui::AppSession session(m_test->database(), *m_secrets, *m_demo);
        gui::ProfileSwitcher& switcher = session.profileSwitcher();
        QCOMPARE(switcher.count(), 1); // All profiles
        session.addOwnAccount();
        gui::ProfilesDialog* dialog = session.window().findChild<gui::ProfilesDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        gui::ProfileEditDialog* form = dialog->form();
        QVERIFY(form);
        const emulator::DemoCredentials c = credentials();
        type(form, u"nameEdit"_s, u"Restcomm lab"_s);
        chooseProvider(form, u"restcomm"_s);
        type(form, u"baseUrlEdit"_s, emulatorUrl());
        type(form, u"accountEdit"_s, c.restcommAccountSid);
        type(form, u"tokenEdit"_s, c.restcommAuthToken);
        save(form);
        QTRY_COMPARE(switcher.count(), 2);
        QCOMPARE(switcher.itemText(1), u"Restcomm lab"_s);

        dialog->setConfirmRemove([](QWidget*, const QString&, const QString&) { return true; });
        click(dialog, u"removeButton"_s);
        QCOMPARE(switcher.count(), 1);
    }

    // End to end through a sync: the console learns the read-only app's scopes from its sign-in and
    // disables New extension up front, naming the permission, before any request is refused; new
    // credentials entered in the dialog are used by the next sync.
    void syncLearnsTheAppPermissionsAndDisablesWhatIsMissing() {
        const emulator::DemoCredentials c = credentials();
        const qint64 id = storeRingCentral(u"Read-only app"_s, c.ringCentralReadOnlyClientId,
                                           c.ringCentralReadOnlyClientSecret);
        gui::AppSession session(m_test->database(), *m_secrets, *m_demo);
        auto* newButton = session.window().findChild<QPushButton*>(u"newButton"_s);
        QVERIFY(newButton);
        QVERIFY(newButton->isEnabled());
        QSignalSpy finished(&session.sync(), &gui::SyncController::finished);
        session.sync().syncAll();
        QVERIFY(finished.wait(60000));
        QCOMPARE(gui::ExtensionPermissions::grantedScopes(id), QStringList{u"ReadAccounts"_s});
        QVERIFY(!newButton->isEnabled());
        QVERIFY2(newButton->toolTip().contains(u"“EditAccounts”"_s), qPrintable(newButton->toolTip()));

        // The admin enters the full app's credentials in the dialog: the kept connection (and its
        // read-only token) goes, the next sync signs in anew and New extension is enabled again.
        gui::ProfilesDialog* dialog = session.openAccounts();
        select(dialog, id);
        click(dialog, u"editButton"_s);
        gui::ProfileEditDialog* form = dialog->form();
        QVERIFY(form);
        typeRingCentralSecret(form, c.ringCentralClientId, c.ringCentralClientSecret, c.ringCentralAdminJwt);
        save(form);
        QTRY_VERIFY(!dialog->form());
        finished.clear();
        session.sync().syncAll();
        QVERIFY(finished.wait(60000));
        QVERIFY2(gui::ExtensionPermissions::grantedScopes(id).contains(u"EditAccounts"_s),
                 qPrintable(gui::ExtensionPermissions::grantedScopes(id).join(u' ')));
        QVERIFY(newButton->isEnabled());
    }

    // docs/screenshots/accounts.png and account-add.png, when TRUNKLINE_SCREENSHOT_DIR is set.
    void screenshots() {
        const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("TRUNKLINE_SCREENSHOT_DIR is not set");
        QVERIFY(addDemoProfiles(*m_test) > 0);
        const emulator::DemoCredentials c = credentials();
        storeRingCentral(u"Berlin office"_s, c.ringCentralClientId, c.ringCentralClientSecret);
        const qint64 readOnly = storeRingCentral(u"Hamburg (read-only app)"_s, c.ringCentralReadOnlyClientId,
                                                 c.ringCentralReadOnlyClientSecret);
        auto dialog = makeDialog();
        select(dialog.get(), readOnly);
        click(dialog.get(), u"testButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!child<QWidget>(dialog.get(), u"testProgress"_s)->isVisible(), 20000);
        QTest::qWait(100); // the result's lines are laid out
        QVERIFY(dialog->grab().save(dir + u"/accounts.png"_s));

        dialog->addProfile();
        gui::ProfileEditDialog* form = dialog->form();
        form->resize(600, 440);
        typeRingCentral(form, u"Munich office"_s, c.ringCentralClientId, c.ringCentralClientSecret,
                        c.ringCentralAdminJwt);
        type(form, u"baseUrlEdit"_s, u"http://platform.ringcentral.com"_s);
        save(form);
        QTest::qWait(100);
        QVERIFY(form->grab().save(dir + u"/account-add.png"_s));
    }

private:
    std::unique_ptr<demo::DemoEmulator> m_demo;
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<secrets::SecretStore> m_secrets;
    QNetworkAccessManager m_network;
    std::unique_ptr<connection::ConnectionFactory> m_connections;
};

QTEST_MAIN(tst_ProfilesDialog)
#include "tst_ProfilesDialog.moc"
