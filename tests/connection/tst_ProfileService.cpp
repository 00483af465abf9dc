#include "TestDatabase.h"
#include "connection/DemoProfiles.h"
#include "connection/ProfileSecrets.h"
#include "connection/ProfileService.h"
#include "secrets/MemorySecretStore.h"
#include "store/ProfileRepository.h"

#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using connection::ProfileService;
using connection::ProviderSecret;

Q_DECLARE_METATYPE(trunkline::store::Profile)

namespace {
store::Profile profile(const QString& name, const QString& provider, const QString& url,
                       const QString& account = {}) {
    store::Profile p;
    p.name = name;
    p.provider = provider;
    p.baseUrl = url;
    p.accountId = account;
    return p;
}

// The Telnyx profile the add, update and remove cases start from, as the admin enters it.
store::Profile telnyxLab() {
    return profile(u"Lab"_s, u"telnyx"_s, u"https://api.telnyx.com"_s);
}

ProviderSecret ringCentralSecret() {
    return ProviderSecret{"client-id", "client-secret", "jwt-credential"};
}
} // namespace

class tst_ProfileService : public QObject {
    Q_OBJECT

private slots:
    // Every case starts with an empty SQLite database and an empty in-memory keychain.
    void init() {
        QVERIFY2(openSqliteTestDatabase(m_test), qPrintable(m_test->error()));
        m_secrets = std::make_unique<secrets::MemorySecretStore>();
    }
    void cleanup() {
        m_secrets.reset();
        m_test.reset();
    }

    void validate_data() {
        QTest::addColumn<store::Profile>("profile");
        QTest::addColumn<QString>("expected");
        const QString https = u"https://platform.ringcentral.com"_s;
        QTest::newRow("valid RingCentral") << profile(u"Office"_s, u"ringcentral"_s, https) << QString();
        QTest::newRow("valid emulator on loopback")
            << profile(u"Lab"_s, u"telnyx"_s, u"http://127.0.0.1:9000"_s) << QString();
        QTest::newRow("valid demo") << profile(u"Demo"_s, u"restcomm"_s, u"demo:"_s) << QString();
        QTest::newRow("empty name") << profile(u"  "_s, u"ringcentral"_s, https)
                                    << u"Name: must not be empty."_s;
        QTest::newRow("unknown provider")
            << profile(u"X"_s, u"twilio"_s, https)
            << u"Provider: must be ringcentral, telnyx or restcomm, not “twilio”."_s;
        QTest::newRow("plain http remote")
            << profile(u"X"_s, u"telnyx"_s, u"http://api.telnyx.com"_s)
            << u"Base URL: The address http://api.telnyx.com uses plain http; provider connections must use "
               u"https (http is only accepted for the local emulator on 127.0.0.1)."_s;
        QTest::newRow("restcomm without account")
            << profile(u"X"_s, u"restcomm"_s, u"https://cloud.restcomm.com"_s)
            << u"Account: the Restcomm Account SID must not be empty."_s;
    }
    void validate() {
        QFETCH(store::Profile, profile);
        QFETCH(QString, expected);
        QCOMPARE(ProfileService::validate(profile), expected);
    }

    void addStoresProfileAndSecretApart() {
        ProfileService service(m_test->database(), *m_secrets);
        store::Profile office = profile(QStringLiteral("Office"), QStringLiteral("ringcentral"),
                                        QStringLiteral("https://platform.ringcentral.com"));
        QString error;
        QVERIFY2(service.add(office, ringCentralSecret(), &error), qPrintable(error));
        QVERIFY(office.id > 0);
        QVERIFY(!office.uuid.isEmpty());
        const secrets::SecretResult stored =
            m_secrets->loadAndWait(secrets::SecretKey::forProfile(office.uuid, office.provider));
        QVERIFY(stored.ok());
        // Kept with what it authenticates: the base URL's origin and the account.
        QCOMPARE(stored.secret,
                 connection::ProfileSecrets::wrap(connection::SecretBinding::of(office),
                                                  ringCentralSecret().serialize(office.provider)));
        // The database has no trace of the secret.
        QSqlQuery dump(m_test->database().connection());
        QVERIFY(dump.exec(QStringLiteral("SELECT * FROM profiles")));
        while (dump.next()) {
            for (int column = 0; column < dump.record().count(); ++column)
                QVERIFY(!dump.value(column).toString().contains(QLatin1String("client-secret")));
        }
    }

    void keychainFailureLeavesNoProfile() {
        m_secrets->setAvailable(false);
        ProfileService service(m_test->database(), *m_secrets);
        store::Profile office = profile(QStringLiteral("Office"), QStringLiteral("telnyx"),
                                        QStringLiteral("https://api.telnyx.com"));
        QString error;
        QVERIFY(!service.add(office, ProviderSecret{{}, {}, "KEY123"}, &error));
        QVERIFY2(error.startsWith(QLatin1String("No keychain service is available")), qPrintable(error));
        store::ProfileRepository profiles(m_test->database());
        QVERIFY(profiles.list().isEmpty());
    }

    void incompleteSecretIsRefusedByField() {
        ProfileService service(m_test->database(), *m_secrets);
        store::Profile office = profile(QStringLiteral("Office"), QStringLiteral("ringcentral"),
                                        QStringLiteral("https://platform.ringcentral.com"));
        QString error;
        QVERIFY(!service.add(office, ProviderSecret{"id", "", "jwt"}, &error));
        QCOMPARE(error, QStringLiteral("Client secret: must not be empty."));
        QCOMPARE(m_secrets->size(), 0);
    }

    void removeDeletesSecretToo() {
        ProfileService service(m_test->database(), *m_secrets);
        store::Profile lab = telnyxLab();
        QString error;
        QVERIFY2(service.add(lab, ProviderSecret{{}, {}, "KEY"}, &error), qPrintable(error));
        QVERIFY(m_secrets->contains(secrets::SecretKey::forProfile(lab.uuid, lab.provider)));
        QVERIFY2(service.remove(lab.id, &error), qPrintable(error));
        QCOMPARE(m_secrets->size(), 0);
        QVERIFY(store::ProfileRepository(m_test->database()).list().isEmpty());
    }

    void updateKeepsOrReplacesSecret() {
        ProfileService service(m_test->database(), *m_secrets);
        store::Profile lab = telnyxLab();
        QString error;
        QVERIFY2(service.add(lab, ProviderSecret{{}, {}, "OLD"}, &error), qPrintable(error));
        lab.name = QStringLiteral("Porting lab");
        QVERIFY2(service.update(lab, std::nullopt, &error), qPrintable(error));
        QCOMPARE(storedToken(lab), QStringLiteral("OLD"));
        QVERIFY2(service.update(lab, ProviderSecret{{}, {}, "NEW"}, &error), qPrintable(error));
        QCOMPARE(storedToken(lab), QStringLiteral("NEW"));
        QCOMPARE(store::ProfileRepository(m_test->database()).find(lab.id)->name,
                 QStringLiteral("Porting lab"));
    }

    // Moving a profile to another host (or account, or provider) without entering the secret again
    // would leave a secret that the next connection refuses: the edit asks for it instead.
    void anotherHostNeedsTheSecretAgain() {
        ProfileService service(m_test->database(), *m_secrets);
        store::Profile lab = telnyxLab();
        QString error;
        QVERIFY2(service.add(lab, ProviderSecret{{}, {}, "OLD"}, &error), qPrintable(error));
        store::Profile moved = lab;
        moved.baseUrl = QStringLiteral("https://telnyx.example.invalid");
        QVERIFY(!service.update(moved, std::nullopt, &error));
        QCOMPARE(error,
                 QStringLiteral("The secret was entered for https://api.telnyx.com:443. To use "
                                "https://telnyx.example.invalid:443, enter the secret again: Trunkline "
                                "does not send a secret to another address, account or provider."));
        QCOMPARE(store::ProfileRepository(m_test->database()).find(lab.id)->baseUrl, lab.baseUrl);

        QVERIFY2(service.update(moved, ProviderSecret{{}, {}, "NEW"}, &error), qPrintable(error));
        QCOMPARE(store::ProfileRepository(m_test->database()).find(lab.id)->baseUrl, moved.baseUrl);
        moved.uuid = lab.uuid;
        QCOMPARE(storedToken(moved), QStringLiteral("NEW"));
    }

    void demoProfilesOnlyOnFirstStart() {
        store::ProfileRepository profiles(m_test->database());
        QString error;
        QCOMPARE(connection::DemoProfiles::addIfFirstStart(profiles, &error), 3);
        QCOMPARE(connection::DemoProfiles::addIfFirstStart(profiles, &error), 0);
        const QList<store::Profile> all = profiles.list();
        QCOMPARE(all.size(), 3);
        for (const store::Profile& p : all)
            QVERIFY(connection::DemoProfiles::isDemo(p));
    }

private:
    // What the connection would get for the profile as given (a refusal's message when it gets none).
    QString storedToken(const store::Profile& p) {
        QString token;
        bool done = false;
        connection::ProfileSecrets(*m_secrets)
            .load(p, [&](const std::optional<QString>& secret, const QString& error) {
                token = secret.value_or(error);
                done = true;
            });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            return QStringLiteral("(no answer)");
        return token;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<secrets::MemorySecretStore> m_secrets;
};

QTEST_GUILESS_MAIN(tst_ProfileService)
#include "tst_ProfileService.moc"
