#include "TestDatabase.h"
#include "connection/ConnectionFactory.h"
#include "connection/DemoProfiles.h"
#include "connection/ProfileSecrets.h"
#include "connection/ProviderSecret.h"
#include "demo/DemoEmulator.h"
#include "net/ApiClient.h"
#include "secrets/MemorySecretStore.h"
#include "store/ProfileRepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace trunkline;
using connection::Connection;
using connection::ConnectionFactory;
using connection::ProfileSecrets;

namespace {
store::Profile profile(qint64 id, const QString& name, const QString& provider, const QString& baseUrl) {
    return {id, name, provider, baseUrl, {}, {}, QStringLiteral("uuid-%1").arg(id)};
}

store::Profile demoProfile(const QString& provider) {
    return profile(1, QStringLiteral("Demo"), provider, connection::DemoProfiles::kDemoBaseUrl);
}
} // namespace

class tst_ConnectionFactory : public QObject {
    Q_OBJECT

    secrets::MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;
    demo::DemoEmulator m_demo;

    struct Opened {
        std::optional<Connection> connection;
        QString error;
    };
    Opened open(ConnectionFactory& factory, const store::Profile& profile) {
        Opened opened;
        bool done = false;
        factory.open(profile, [&](std::optional<Connection> connection, const QString& error) {
            opened.connection = std::move(connection);
            opened.error = error;
            done = true;
        });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        }();
        return opened;
    }
    net::ApiResult fetch(net::ApiClient& client, const net::ApiRequest& request) {
        net::ApiResult result;
        bool done = false;
        connect(client.send(request), &net::ApiReply::finished, this, [&](const net::ApiResult& r) {
            result = r;
            done = true;
        });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        }();
        return result;
    }

private slots:
    void demoRingCentralAnswersFromItsOwnThread() {
        ConnectionFactory factory(m_secrets, m_network, m_demo);
        Opened opened = open(factory, demoProfile(QStringLiteral("ringcentral")));
        QVERIFY2(opened.connection.has_value(), qPrintable(opened.error));
        QVERIFY(m_demo.running());
        QCOMPARE(m_demo.baseUrl().host(), QStringLiteral("127.0.0.1"));
        const net::ApiResult account =
            fetch(*opened.connection->client,
                  net::ApiRequest::get(QStringLiteral("/restapi/v1.0/account/~"), QStringLiteral("Light")));
        QVERIFY2(account.ok(), qPrintable(account.error ? account.error->message() : QString()));
        QVERIFY(account.json().object().contains(QStringLiteral("mainNumber")));
        QCOMPARE(m_secrets.size(), 0); // the demo needs no stored secret
    }

    void demoRestcommGetsTheDemoAccountSid() {
        ConnectionFactory factory(m_secrets, m_network, m_demo);
        Opened opened = open(factory, demoProfile(QStringLiteral("restcomm")));
        QVERIFY2(opened.connection.has_value(), qPrintable(opened.error));
        QCOMPARE(opened.connection->accountId, m_demo.credentials().restcommAccountSid);
        const QString path = QStringLiteral("/restcomm/2012-04-24/Accounts/%1/IncomingPhoneNumbers.json")
                                 .arg(opened.connection->accountId);
        const net::ApiResult numbers = fetch(*opened.connection->client, net::ApiRequest::get(path));
        QVERIFY2(numbers.ok(), qPrintable(numbers.error ? numbers.error->message() : QString()));
    }

    void storedSecretIsUsedForRealProfiles() {
        // A "real" profile pointed at the running emulator's loopback address, with the secret in the store.
        QString error;
        QVERIFY(m_demo.start(&error));
        const store::Profile lab =
            profile(42, QStringLiteral("Lab"), QStringLiteral("telnyx"), m_demo.baseUrl().toString());
        QVERIFY(ProfileSecrets(m_secrets).save(lab, m_demo.credentials().telnyxApiKey).ok());
        ConnectionFactory factory(m_secrets, m_network, m_demo);
        Opened opened = open(factory, lab);
        QVERIFY2(opened.connection.has_value(), qPrintable(opened.error));
        const net::ApiResult orders =
            fetch(*opened.connection->client, net::ApiRequest::get(QStringLiteral("/v2/porting_orders")));
        QVERIFY2(orders.ok(), qPrintable(orders.error ? orders.error->message() : QString()));
        QVERIFY(orders.json().object().value(QStringLiteral("data")).isArray());
    }

    void missingSecretIsExplained() {
        const store::Profile lab = profile(77, QStringLiteral("Forgotten"), QStringLiteral("telnyx"),
                                           QStringLiteral("https://api.telnyx.com"));
        ConnectionFactory factory(m_secrets, m_network, m_demo);
        const Opened opened = open(factory, lab);
        QVERIFY(!opened.connection.has_value());
        QCOMPARE(opened.error, QStringLiteral("Profile Forgotten: No telnyx secret of this profile is in the "
                                              "keychain. Enter it with: trunkline-cli profiles set-secret "
                                              "“Forgotten”."));
    }

    // The base URL changed in the database (a shared store, another admin): the secret stays home and
    // the admin is told which host it was entered for.
    void aSecretIsNotSentToAChangedHost() {
        QString error;
        QVERIFY(m_demo.start(&error));
        store::Profile lab =
            profile(43, QStringLiteral("Lab"), QStringLiteral("telnyx"), m_demo.baseUrl().toString());
        QVERIFY(ProfileSecrets(m_secrets).save(lab, m_demo.credentials().telnyxApiKey).ok());
        const QString enteredFor = connection::SecretBinding::of(lab).origin;
        lab.baseUrl = QStringLiteral("https://collector.example.invalid/v2");
        ConnectionFactory factory(m_secrets, m_network, m_demo);
        const Opened opened = open(factory, lab);
        QVERIFY(!opened.connection.has_value());
        QCOMPARE(
            opened.error,
            QStringLiteral("Profile Lab: The stored secret was entered for %1, but the profile now points "
                           "to https://collector.example.invalid:443. Trunkline does not send it anywhere "
                           "else: if the new address is right, an administrator must enter the secret "
                           "again (trunkline-cli profiles set-secret “Lab”).")
                .arg(enteredFor));
    }

    // Two database files both have a profile 1; only the one whose secret was entered may connect.
    void twoDatabaseFilesWithTheSameProfileIdDoNotShareSecrets() {
        QString error;
        QVERIFY(m_demo.start(&error));
        TestDatabase first(QStringLiteral("sqlite"));
        TestDatabase second(QStringLiteral("sqlite"));
        QVERIFY2(first.open() && second.open(), qPrintable(first.error() + second.error()));
        store::Profile mine =
            profile(0, QStringLiteral("Lab"), QStringLiteral("telnyx"), m_demo.baseUrl().toString());
        store::Profile theirs = mine;
        QVERIFY(store::ProfileRepository(first.database()).add(mine));
        QVERIFY(store::ProfileRepository(second.database()).add(theirs));
        QCOMPARE(mine.id, theirs.id);
        QVERIFY(ProfileSecrets(m_secrets).save(mine, m_demo.credentials().telnyxApiKey).ok());
        ConnectionFactory factory(m_secrets, m_network, m_demo);
        QVERIFY2(open(factory, mine).connection.has_value(), "the profile whose secret was entered connects");
        const Opened other = open(factory, theirs);
        QVERIFY(!other.connection.has_value());
        QVERIFY2(other.error.startsWith(QStringLiteral("Profile Lab: No telnyx secret of this profile")),
                 qPrintable(other.error));
    }

    void plainHttpToARemoteHostIsRefused() {
        const store::Profile remote = profile(5, QStringLiteral("Remote"), QStringLiteral("telnyx"),
                                              QStringLiteral("http://api.telnyx.com"));
        QVERIFY(ProfileSecrets(m_secrets).save(remote, QStringLiteral("KEY")).ok());
        ConnectionFactory factory(m_secrets, m_network, m_demo);
        const Opened opened = open(factory, remote);
        QVERIFY(!opened.connection.has_value());
        QVERIFY2(opened.error.contains(QLatin1String("uses plain http")), qPrintable(opened.error));
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionFactory)
#include "tst_ConnectionFactory.moc"
