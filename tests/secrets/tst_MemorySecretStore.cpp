#include "secrets/MemorySecretStore.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline::secrets;

class tst_MemorySecretStore : public QObject {
    Q_OBJECT

private slots:
    void keyFormat_data() {
        QTest::addColumn<qint64>("profileId");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ringcentral") << qint64(7) << u"ringcentral"_s << u"profile/7/ringcentral"_s;
        QTest::newRow("large id") << qint64(9007199254740993) << u"telnyx"_s
                                  << u"profile/9007199254740993/telnyx"_s;
    }
    void keyFormat() {
        QFETCH(qint64, profileId);
        QFETCH(QString, provider);
        QFETCH(QString, expected);
        QCOMPARE((SecretKey{profileId, provider}.toString()), expected);
    }

    void saveLoadOverwriteRemove() {
        MemorySecretStore store;
        const SecretKey key{1, u"ringcentral"_s};
        const SecretKey otherProvider{1, u"telnyx"_s};
        const SecretKey otherProfile{2, u"ringcentral"_s};
        QVERIFY(store.saveAndWait(key, u"first"_s).ok());
        QVERIFY(store.saveAndWait(otherProvider, u"telnyx key"_s).ok());
        QCOMPARE(store.loadAndWait(key).secret, u"first"_s);
        QVERIFY(store.saveAndWait(key, u"second"_s).ok());
        QCOMPARE(store.loadAndWait(key).secret, u"second"_s);
        QCOMPARE(store.loadAndWait(otherProvider).secret, u"telnyx key"_s);

        const SecretResult missing = store.loadAndWait(otherProfile);
        QCOMPARE(missing.error, SecretError::NotFound);
        QCOMPARE(missing.message, u"No secret is stored for profile 2 (ringcentral)."_s);
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
        store.save({3, u"restcomm"_s}, u"s3cr3t"_s, [&](const SecretResult& r) {
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
        const SecretResult saved = store.saveAndWait({1, u"ringcentral"_s}, u"x"_s);
        QCOMPARE(saved.error, SecretError::NoService);
        QCOMPARE(saved.message,
                 u"No keychain service is available (Secret Service/D-Bus): start gnome-keyring or "
                 u"KWallet, then try again."_s);
        QCOMPARE(store.loadAndWait({1, u"ringcentral"_s}).error, SecretError::NoService);
        QCOMPARE(store.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_MemorySecretStore)
#include "tst_MemorySecretStore.moc"
