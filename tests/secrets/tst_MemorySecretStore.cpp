#include "secrets/MemorySecretStore.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline::secrets;

class tst_MemorySecretStore : public QObject {
    Q_OBJECT

private slots:
    void keyFormat() {
        QCOMPARE(
            SecretKey::forProfile(u"6f1c2a9e-0d4b-4c1e-9a53-2b7d8e0f4a11"_s, u"ringcentral"_s).toString(),
            u"account/6f1c2a9e-0d4b-4c1e-9a53-2b7d8e0f4a11/ringcentral"_s);
        // The scheme before schema version 9, still read once to move old secrets.
        QCOMPARE(SecretKey::legacy(9007199254740993, u"telnyx"_s).toString(),
                 u"profile/9007199254740993/telnyx"_s);
        QVERIFY(SecretKey::forProfile(u"7"_s, u"telnyx"_s) != SecretKey::legacy(7, u"telnyx"_s));
    }

    void saveLoadOverwriteRemove() {
        MemorySecretStore store;
        const SecretKey key = SecretKey::forProfile(u"a"_s, u"ringcentral"_s);
        const SecretKey otherProvider = SecretKey::forProfile(u"a"_s, u"telnyx"_s);
        const SecretKey otherProfile = SecretKey::forProfile(u"b"_s, u"ringcentral"_s);
        QVERIFY(store.saveAndWait(key, u"first"_s).ok());
        QVERIFY(store.saveAndWait(otherProvider, u"telnyx key"_s).ok());
        QCOMPARE(store.loadAndWait(key).secret, u"first"_s);
        QVERIFY(store.saveAndWait(key, u"second"_s).ok());
        QCOMPARE(store.loadAndWait(key).secret, u"second"_s);
        QCOMPARE(store.loadAndWait(otherProvider).secret, u"telnyx key"_s);

        const SecretResult missing = store.loadAndWait(otherProfile);
        QCOMPARE(missing.error, SecretError::NotFound);
        QCOMPARE(missing.message, u"No ringcentral secret of this profile is in the keychain."_s);
        QVERIFY(missing.secret.isEmpty());

        QVERIFY(store.removeAndWait(key).ok());
        QCOMPARE(store.loadAndWait(key).error, SecretError::NotFound);
        QVERIFY(store.removeAndWait(key).ok()); // already gone is fine
        QCOMPARE(store.size(), 1);
    }

    void answersAsynchronously() {
        MemorySecretStore store;
        int calls = 0;
        SecretResult result;
        store.save(SecretKey::forProfile(u"c"_s, u"restcomm"_s), u"s3cr3t"_s, [&](const SecretResult& r) {
            ++calls;
            result = r;
        });
        QCOMPARE(calls, 0); // never from inside the call
        QTRY_COMPARE(calls, 1);
        QVERIFY(result.ok());
        QVERIFY(result.secret.isEmpty()); // a save does not echo the secret
    }

    void unavailableLikeAMissingKeychain() {
        MemorySecretStore store;
        store.setAvailable(false);
        const SecretResult saved = store.saveAndWait(SecretKey::forProfile(u"a"_s, u"ringcentral"_s), u"x"_s);
        QCOMPARE(saved.error, SecretError::NoService);
        QCOMPARE(saved.message,
                 u"No keychain service is available (Secret Service/D-Bus): start gnome-keyring or "
                 u"KWallet, then try again."_s);
        QCOMPARE(store.loadAndWait(SecretKey::forProfile(u"a"_s, u"ringcentral"_s)).error,
                 SecretError::NoService);
        QCOMPARE(store.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_MemorySecretStore)
#include "tst_MemorySecretStore.moc"
