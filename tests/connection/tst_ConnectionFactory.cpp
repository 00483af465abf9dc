#include "connection/ConnectionFactory.h"
#include "connection/DemoProfiles.h"
#include "connection/ProviderSecret.h"
#include "demo/DemoEmulator.h"
#include "net/ApiClient.h"
#include "secrets/MemorySecretStore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace trunkline;
using connection::Connection;
using connection::ConnectionFactory;

namespace {
store::Profile profile(qint64 id, const QString& name, const QString& provider, const QString& baseUrl) {
    return {id, name, provider, baseUrl, {}, {}};
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
        QVERIFY(m_secrets.saveAndWait({lab.id, lab.provider}, m_demo.credentials().telnyxApiKey).ok());
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
        QVERIFY2(opened.error.startsWith(QLatin1String("Profile Forgotten: No secret is stored")),
                 qPrintable(opened.error));
    }

    void plainHttpToARemoteHostIsRefused() {
        const store::Profile remote = profile(5, QStringLiteral("Remote"), QStringLiteral("telnyx"),
                                              QStringLiteral("http://api.telnyx.com"));
        QVERIFY(m_secrets.saveAndWait({remote.id, remote.provider}, QStringLiteral("KEY")).ok());
        ConnectionFactory factory(m_secrets, m_network, m_demo);
        const Opened opened = open(factory, remote);
        QVERIFY(!opened.connection.has_value());
        QVERIFY2(opened.error.contains(QLatin1String("uses plain http")), qPrintable(opened.error));
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionFactory)
#include "tst_ConnectionFactory.moc"
