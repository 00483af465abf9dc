// Runs against the REAL keychain: scripts/test starts a private D-Bus session with an unlocked
// gnome-keyring and sets TRUNKLINE_REAL_KEYCHAIN=1. The no-service case needs no keychain: it runs
// this binary again ("--child-load") with a session bus address that leads nowhere.

#include "secrets/KeychainSecretStore.h"

#include <QProcess>
#include <QUuid>
#include <QtTest>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace trunkline::secrets;

namespace {

// Prints "<error number>\t<message>" for the load of profile 1/ringcentral.
int childLoad() {
    KeychainSecretStore store;
    const SecretResult result = store.loadAndWait(SecretKey::forProfile(u"child"_s, u"ringcentral"_s));
    std::printf("%d\t%s\n", static_cast<int>(result.error), qPrintable(result.message));
    return 0;
}

} // namespace

class tst_KeychainSecretStore : public QObject {
    Q_OBJECT

private:
    // A profile UUID no real profile has, so a developer's own secrets are never touched.
    const QString m_profile = QUuid::createUuid().toString(QUuid::WithoutBraces);

    static bool realKeychain() { return qEnvironmentVariable("TRUNKLINE_REAL_KEYCHAIN") == "1"_L1; }

private slots:
    void cleanup() {
        if (realKeychain()) {
            KeychainSecretStore store;
            store.removeAndWait(SecretKey::forProfile(m_profile, u"ringcentral"_s));
            store.removeAndWait(SecretKey::forProfile(m_profile, u"telnyx"_s));
        }
    }

    void saveLoadOverwriteDelete_data() {
        QTest::addColumn<QString>("secret");
        QTest::newRow("jwt") << u"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI0MDAxMzEwMDUwMDQifQ.c2lnbmF0dXJl"_s;
        QTest::newRow("umlauts and spaces") << u"Pässwört mit Leerzeichen €"_s;
        QTest::newRow("multi-line key")
            << u"-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n"_s;
    }
    void saveLoadOverwriteDelete() {
        if (!realKeychain()) {
            QSKIP("TRUNKLINE_REAL_KEYCHAIN is not 1: run under scripts/test (dbus-run-session + "
                  "gnome-keyring)");
        }
        QFETCH(QString, secret);
        KeychainSecretStore store;
        QCOMPARE(store.serviceName(), u"Trunkline"_s);
        const SecretKey key = SecretKey::forProfile(m_profile, u"ringcentral"_s);
        const SecretKey sibling = SecretKey::forProfile(m_profile, u"telnyx"_s);

        SecretResult result = store.saveAndWait(key, secret);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(store.saveAndWait(sibling, u"telnyx-api-key"_s).ok());
        result = store.loadAndWait(key);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.secret, secret);

        QVERIFY(store.saveAndWait(key, secret + u"-rotated"_s).ok());
        QCOMPARE(store.loadAndWait(key).secret, secret + u"-rotated"_s);
        QCOMPARE(store.loadAndWait(sibling).secret, u"telnyx-api-key"_s);

        // A second store object (another part of the app) sees the same entry.
        KeychainSecretStore other;
        QCOMPARE(other.loadAndWait(key).secret, secret + u"-rotated"_s);

        result = store.removeAndWait(key);
        QVERIFY2(result.ok(), qPrintable(result.message));
        result = store.loadAndWait(key);
        QCOMPARE(result.error, SecretError::NotFound);
        QCOMPARE(result.message, u"No ringcentral secret of this profile is in the keychain."_s);
        QVERIFY(result.secret.isEmpty());
        QCOMPARE(store.loadAndWait(sibling).secret, u"telnyx-api-key"_s);
        QVERIFY(store.removeAndWait(key).ok()); // removing what is gone is not an error
    }

    void storedUnderServiceAndKey() {
        if (!realKeychain()) {
            QSKIP("TRUNKLINE_REAL_KEYCHAIN is not 1: run under scripts/test (dbus-run-session + "
                  "gnome-keyring)");
        }
        const QString tool = QStandardPaths::findExecutable(u"secret-tool"_s);
        if (tool.isEmpty()) {
            QSKIP("secret-tool (libsecret-tools) is not installed");
        }
        KeychainSecretStore store;
        const SecretKey key = SecretKey::forProfile(m_profile, u"ringcentral"_s);
        QVERIFY(store.saveAndWait(key, u"visible-to-other-tools"_s).ok());
        // QtKeychain's Secret Service schema: attribute "server" = service, "user" = key.
        QProcess lookup;
        lookup.start(tool, {u"lookup"_s, u"server"_s, u"Trunkline"_s, u"user"_s, key.toString()});
        QVERIFY(lookup.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed(), u"visible-to-other-tools"_s);
    }

    void noKeychainServiceIsExplained() {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/trunkline-test-bus"_s);
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {u"--child-load"_s});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        const QStringList fields = QString::fromUtf8(child.readAllStandardOutput()).trimmed().split(u'\t');
        QCOMPARE(fields.size(), 2);
        QCOMPARE(fields.at(0).toInt(), static_cast<int>(SecretError::NoService));
        QCOMPARE(fields.at(1),
                 u"No keychain service is available (Secret Service/D-Bus): start gnome-keyring or "
                 u"KWallet, then try again."_s);
    }
};

int main(int argc, char** argv) {
    if (argc == 2 && qstrcmp(argv[1], "--child-load") == 0) {
        QCoreApplication app(argc, argv);
        return childLoad();
    }
    QCoreApplication app(argc, argv);
    tst_KeychainSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_KeychainSecretStore.moc"
