// The binding of a profile's secret to the account it authenticates, and the one-time move of secrets
// stored under the old key (the profile's row id). The "keychain" rows run against the REAL keychain
// under scripts/test (dbus-run-session + gnome-keyring, TRUNKLINE_REAL_KEYCHAIN=1) with a service name
// of their own, so a developer's secrets are never touched.

#include "BoolRows.h"
#include "connection/ProfileSecrets.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/MemorySecretStore.h"

#include <QTest>
#include <QUuid>
#include <memory>

using namespace Qt::StringLiterals;
using namespace trunkline;
using connection::ProfileSecrets;
using connection::SecretBinding;
using secrets::SecretKey;

namespace {

store::Profile lab(const QString& baseUrl, const QString& account = {}) {
    store::Profile p;
    p.id = 7;
    p.name = u"Lab"_s;
    p.provider = u"restcomm"_s;
    p.baseUrl = baseUrl;
    p.accountId = account;
    p.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return p;
}

struct Loaded {
    std::optional<QString> secret;
    QString error;
};

} // namespace

class tst_ProfileSecrets : public QObject {
    Q_OBJECT

    std::unique_ptr<secrets::SecretStore> m_store;
    QList<SecretKey> m_written;

    Loaded load(const store::Profile& profile) {
        Loaded loaded;
        bool done = false;
        ProfileSecrets(*m_store).load(profile,
                                      [&](const std::optional<QString>& secret, const QString& error) {
                                          loaded = {secret, error};
                                          done = true;
                                      });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        }();
        return loaded;
    }

private slots:
    void init() { m_store = std::make_unique<secrets::MemorySecretStore>(); }
    void cleanup() {
        for (const SecretKey& key : std::as_const(m_written))
            m_store->removeAndWait(key);
        m_written.clear();
        m_store.reset();
    }

    void originIsSchemeHostAndPort_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("origin");
        QTest::newRow("default https port")
            << u"https://Cloud.Restcomm.com/restcomm"_s << u"https://cloud.restcomm.com:443"_s;
        QTest::newRow("explicit port")
            << u"https://cloud.restcomm.com:8443/x"_s << u"https://cloud.restcomm.com:8443"_s;
        QTest::newRow("loopback http") << u"http://127.0.0.1:9000"_s << u"http://127.0.0.1:9000"_s;
        QTest::newRow("ipv6") << u"https://[::1]/"_s << u"https://[::1]:443"_s;
    }
    void originIsSchemeHostAndPort() {
        QFETCH(QString, url);
        QFETCH(QString, origin);
        QCOMPARE(SecretBinding::of(lab(url)).origin, origin);
    }

    void aSecretGoesOnlyWhereItWasEnteredFor_data() {
        QTest::addColumn<QString>("newUrl");
        QTest::addColumn<QString>("newAccount");
        QTest::addColumn<QString>("expected"); // empty: handed out
        const QString refused = u"The stored secret was entered for %1, but the profile now points to %2. "
                                u"Trunkline does not send it anywhere else: if the new address is right, an "
                                u"administrator must enter the secret again (trunkline-cli profiles "
                                u"set-secret “Lab”)."_s;
        QTest::newRow("unchanged") << u"https://cloud.restcomm.com"_s << u"AC1"_s << QString();
        QTest::newRow("same origin, other path, port written out")
            << u"https://cloud.restcomm.com:443/restcomm/2012-04-24"_s << u"AC1"_s << QString();
        QTest::newRow("other host") << u"https://collector.example.invalid"_s << u"AC1"_s
                                    << refused.arg(u"https://cloud.restcomm.com:443, account AC1"_s,
                                                   u"https://collector.example.invalid:443, account AC1"_s);
        QTest::newRow("other port") << u"https://cloud.restcomm.com:8443"_s << u"AC1"_s
                                    << refused.arg(u"https://cloud.restcomm.com:443, account AC1"_s,
                                                   u"https://cloud.restcomm.com:8443, account AC1"_s);
        QTest::newRow("other account") << u"https://cloud.restcomm.com"_s << u"AC2"_s
                                       << refused.arg(u"https://cloud.restcomm.com:443, account AC1"_s,
                                                      u"https://cloud.restcomm.com:443, account AC2"_s);
    }
    void aSecretGoesOnlyWhereItWasEnteredFor() {
        QFETCH(QString, newUrl);
        QFETCH(QString, newAccount);
        QFETCH(QString, expected);
        store::Profile profile = lab(u"https://cloud.restcomm.com"_s, u"AC1"_s);
        QVERIFY(ProfileSecrets(*m_store).save(profile, u"auth-token"_s).ok());
        // Another admin of a shared store edits the row; this machine's keychain still knows the old one.
        profile.baseUrl = newUrl;
        profile.accountId = newAccount;
        const Loaded loaded = load(profile);
        if (expected.isEmpty()) {
            QCOMPARE(loaded.secret, std::optional<QString>(u"auth-token"_s));
        } else {
            QCOMPARE(loaded.secret, std::nullopt);
            QCOMPARE(loaded.error, expected);
        }
    }

    void theKeyIsTheProfileUuidNotItsRowId() {
        auto* memory = new secrets::MemorySecretStore;
        m_store.reset(memory);
        const store::Profile first = lab(u"https://cloud.restcomm.com"_s, u"AC1"_s);
        store::Profile second = first; // another database file: same row id, same address
        second.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(ProfileSecrets(*m_store).save(first, u"first-token"_s).ok());
        QVERIFY(memory->contains(SecretKey::forProfile(first.uuid, u"restcomm"_s)));
        QVERIFY(!memory->contains(SecretKey::legacy(first.id, u"restcomm"_s)));
        const Loaded loaded = load(second);
        QCOMPARE(loaded.secret, std::nullopt);
        QCOMPARE(loaded.error, u"No restcomm secret of this profile is in the keychain. Enter it with: "
                               u"trunkline-cli profiles set-secret “Lab”."_s);
    }

    void aProfileWithoutUuidGetsNothing() {
        store::Profile profile = lab(u"https://cloud.restcomm.com"_s);
        profile.uuid.clear();
        QVERIFY(!ProfileSecrets(*m_store).save(profile, u"x"_s).ok());
        QCOMPARE(load(profile).secret, std::nullopt);
    }

    void anOldSecretMovesToTheNewKeyOnce_data() { addBoolRows("realKeychain", "memory", "keychain"); }
    void anOldSecretMovesToTheNewKeyOnce() {
        QFETCH(bool, realKeychain);
        if (realKeychain) {
            if (qEnvironmentVariable("TRUNKLINE_REAL_KEYCHAIN") != "1"_L1)
                QSKIP("TRUNKLINE_REAL_KEYCHAIN is not 1: run under scripts/test (dbus-run-session + "
                      "gnome-keyring)");
            m_store = std::make_unique<secrets::KeychainSecretStore>(u"Trunkline tests"_s);
        }
        store::Profile profile = lab(u"https://cloud.restcomm.com"_s, u"AC1"_s);
        // A row id no real profile has: the old key is shared by every database with that id.
        profile.id = 1000000 + QUuid::createUuid().data1 % 1000000000;
        const SecretKey legacy = SecretKey::legacy(profile.id, profile.provider);
        const SecretKey current = SecretKey::forProfile(profile.uuid, profile.provider);
        m_written = {legacy, current};
        QVERIFY(m_store->saveAndWait(legacy, u"old-token"_s).ok()); // as Trunkline before schema 9 did

        QCOMPARE(load(profile).secret, std::optional<QString>(u"old-token"_s));
        QCOMPARE(m_store->loadAndWait(legacy).error, secrets::SecretError::NotFound);
        QCOMPARE(m_store->loadAndWait(current).secret,
                 ProfileSecrets::wrap(SecretBinding::of(profile), u"old-token"_s));
        // From now on it is bound like any other: the next load reads the new key only.
        QCOMPARE(load(profile).secret, std::optional<QString>(u"old-token"_s));
        profile.baseUrl = u"https://collector.example.invalid"_s;
        QCOMPARE(load(profile).secret, std::nullopt);
    }

    void anUnreadableEntryIsExplained() {
        const store::Profile profile = lab(u"https://cloud.restcomm.com"_s);
        QVERIFY(m_store->saveAndWait(SecretKey::forProfile(profile.uuid, profile.provider), u"plain"_s).ok());
        const Loaded loaded = load(profile);
        QCOMPARE(loaded.secret, std::nullopt);
        QCOMPARE(
            loaded.error,
            u"The stored secret is unreadable. Enter it again: trunkline-cli profiles set-secret “Lab”."_s);
    }

    void removeTakesTheOldKeyToo() {
        auto* memory = new secrets::MemorySecretStore;
        m_store.reset(memory);
        const store::Profile profile = lab(u"https://cloud.restcomm.com"_s);
        QVERIFY(ProfileSecrets(*m_store).save(profile, u"new"_s).ok());
        QVERIFY(m_store->saveAndWait(SecretKey::legacy(profile.id, profile.provider), u"old"_s).ok());
        QVERIFY(ProfileSecrets(*m_store).remove(profile, profile.provider).ok());
        QCOMPARE(memory->size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ProfileSecrets)
#include "tst_ProfileSecrets.moc"
