// The provider table (providers/ProviderRegistry): every provider has a row, each capability matches what
// the provider's client really offers, and each adapter works against the provider's demo service.
#include "connection/ConnectionFactory.h"
#include "connection/DemoProfiles.h"
#include "connection/ProviderSecret.h"
#include "core/PhoneNumberRecord.h"
#include "demo/DemoEmulator.h"
#include "net/ApiClient.h"
#include "providers/ProviderRegistry.h"
#include "providers/restcomm/RestcommClient.h"
#include "providers/ringcentral/RingCentralClient.h"
#include "providers/telnyx/TelnyxClient.h"
#include "secrets/MemorySecretStore.h"
#include "store/ExtensionRepository.h"
#include "sync/ProviderPulls.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

using namespace trunkline;
using namespace Qt::StringLiterals;
using providers::ProviderCapabilities;

namespace {

// What a client type offers, read off its members: the table must say the same.
struct Offered {
    bool extensions;
    bool forwarding;
    bool signedInExtension;
    bool addNumbers;
    bool releaseNumbers;
    bool porting;
    bool migrateNumbers;
};

template <typename Client>
constexpr Offered offeredBy() {
    return {.extensions = requires {&Client::listExtensions;
}
, .forwarding = requires {
    &Client::listForwardingNumbers;
}
, .signedInExtension = requires {
    &Client::getExtension;
}
, .addNumbers = requires {
    &Client::searchAvailableNumbers;
}
&&(
    requires { &Client::provisionIncomingNumber; } || requires { &Client::orderNumber; }),
    .releaseNumbers = requires {
    &Client::deleteIncomingNumber;
}
, .porting = requires {
    &Client::listPortingOrders;
}
, .migrateNumbers = requires {
    &Client::migrateNumbers;
}
,
}; // namespace
}

// One row per provider client; a new provider adds its client here.
const QHash<QString, Offered>& clients() {
    static const QHash<QString, Offered> offered{
        {core::kProviderRingCentral.toString(), offeredBy<providers::ringcentral::RingCentralClient>()},
        {core::kProviderTelnyx.toString(), offeredBy<providers::telnyx::TelnyxClient>()},
        {core::kProviderRestcomm.toString(), offeredBy<providers::restcomm::RestcommClient>()},
    };
    return offered;
}

store::Profile demoProfile(QStringView provider) {
    store::Profile p;
    p.id = 1;
    p.name = u"Demo"_s;
    p.provider = provider.toString();
    p.baseUrl = connection::DemoProfiles::kDemoBaseUrl;
    return p;
}

} // namespace

class tst_ProviderCapabilities : public QObject {
    Q_OBJECT

    secrets::MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;
    demo::DemoEmulator m_demo;

    std::optional<connection::Connection> open(const store::Profile& profile) {
        connection::ConnectionFactory factory(m_secrets, m_network, m_demo);
        std::optional<connection::Connection> opened;
        QString error;
        bool done = false;
        factory.open(profile, [&](std::optional<connection::Connection> connection, const QString& message) {
            opened = std::move(connection);
            error = message;
            done = true;
        });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
            QVERIFY2(opened, qPrintable(error));
        }();
        return opened;
    }

private slots:
    void everyProviderHasOneRow() {
        const QList<const ProviderCapabilities*>& rows = providers::allProviders();
        QCOMPARE(rows.size(), 3);
        QSet<QString> keys;
        for (const ProviderCapabilities* row : rows) {
            QVERIFY(row);
            QVERIFY2(!keys.contains(row->key.toString()), qPrintable(row->key.toString()));
            keys << row->key.toString();
            QCOMPARE(providers::findProvider(row->key), row);
            QVERIFY(!row->displayName.isEmpty());
            QVERIFY(row->adapter);
            QVERIFY(!row->secretFields.isEmpty());
            for (const providers::SecretField& field : row->secretFields) {
                QVERIFY(field.emptyError);
                QVERIFY(field.prompt);
                QVERIFY(row->secretFields.size() == 1 || field.jsonKey);
            }
            QVERIFY(!row->needsAccountId || (row->accountIdMissing && row->accountIdMissingOnConnect));
            QVERIFY(row->extensions || row->noExtensionsReason);
            QVERIFY(!row->extensionDetails || row->extensions);
            QVERIFY(!row->numberFieldsReadOnly || row->numberFieldsReadOnlyNote);
            QVERIFY(!(row->releaseNumbers && row->releaseElsewhere));
        }
        for (const QStringView key :
             {core::kProviderRingCentral, core::kProviderTelnyx, core::kProviderRestcomm})
            QVERIFY2(keys.contains(key.toString()), qPrintable(key.toString()));
        QVERIFY(!providers::findProvider(u"twilio"));
        QCOMPARE(providers::providerDisplayName(u"twilio"), u"twilio"_s);
        QCOMPARE(providers::providerDisplayName(core::kProviderRingCentral), u"RingCentral"_s);
        QCOMPARE(providers::providerDisplayName(core::kProviderTelnyx), u"Telnyx"_s);
        QCOMPARE(providers::providerDisplayName(core::kProviderRestcomm), u"Restcomm"_s);
    }

    void everyProviderHasAClientAndAPull() {
        const QList<QStringView> pulls = sync::ProviderPulls::providers();
        QCOMPARE(pulls.size(), providers::allProviders().size());
        QCOMPARE(clients().size(), providers::allProviders().size());
        for (const ProviderCapabilities* row : providers::allProviders()) {
            QVERIFY2(pulls.contains(row->key), qPrintable(row->key.toString()));
            QVERIFY2(clients().contains(row->key.toString()), qPrintable(row->key.toString()));
        }
    }

    // The demo account (src/demo) signs every provider's demo profile in, and nothing else.
    void theDemoAccountHasALoginForEveryProvider() {
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        for (const ProviderCapabilities* row : providers::allProviders()) {
            const std::optional<connection::DemoAccount::Login> login = m_demo.login(row->key.toString());
            QVERIFY2(login, qPrintable(row->key.toString()));
            QVERIFY(!login->secret.token.isEmpty());
            QCOMPARE(!login->accountId.isEmpty(), row->needsAccountId);
            QVERIFY(connection::ProviderSecret::parse(row->key.toString(),
                                                      login->secret.serialize(row->key.toString()), &error));
        }
        QVERIFY(!m_demo.login(u"twilio"_s));
    }

    void capabilitiesMatchTheClients_data() {
        QTest::addColumn<QString>("provider");
        for (const ProviderCapabilities* row : providers::allProviders())
            QTest::newRow(qPrintable(row->key.toString())) << row->key.toString();
    }
    void capabilitiesMatchTheClients() {
        QFETCH(QString, provider);
        const ProviderCapabilities& row = *providers::findProvider(provider);
        const Offered offered = clients().value(provider);
        QCOMPARE(row.extensions, offered.extensions);
        QCOMPARE(row.forwarding, offered.forwarding);
        QCOMPARE(row.signedInExtension, offered.signedInExtension);
        QCOMPARE(row.assignNumberToExtension, offered.extensions);
        QCOMPARE(row.canAddNumbers(), offered.addNumbers);
        QCOMPARE(row.releaseNumbers, offered.releaseNumbers);
        QCOMPARE(row.porting, offered.porting);
        QCOMPARE(row.migrateNumbers, offered.migrateNumbers);
    }

    void theSecretFollowsTheFields_data() { capabilitiesMatchTheClients_data(); }
    void theSecretFollowsTheFields() {
        QFETCH(QString, provider);
        const ProviderCapabilities& row = *providers::findProvider(provider);
        connection::ProviderSecret secret{"id", "secret", "token"};
        const QString stored = secret.serialize(provider);
        QString error;
        const std::optional<connection::ProviderSecret> parsed =
            connection::ProviderSecret::parse(provider, stored, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->token, QByteArray("token"));
        if (row.secretFields.size() == 1) {
            QCOMPARE(stored, u"token"_s);
        } else {
            QCOMPARE(parsed->clientId, QByteArray("id"));
            QCOMPARE(parsed->clientSecret, QByteArray("secret"));
        }
        // Each field is required, and the message names it.
        QVERIFY(!connection::ProviderSecret::parse(provider, QString(), &error));
        QCOMPARE(error, QString::fromUtf8(row.secretFields.first().emptyError));
    }

    // Each adapter against the provider's demo service: the authentication signs in, the signed-in
    // extension is found where the provider has one, and the number search answers where there is one.
    void adaptersWorkAgainstTheDemoServices_data() { capabilitiesMatchTheClients_data(); }
    void adaptersWorkAgainstTheDemoServices() {
        QFETCH(QString, provider);
        const ProviderCapabilities& row = *providers::findProvider(provider);
        std::optional<connection::Connection> line = open(demoProfile(provider));
        QVERIFY(line);
        QCOMPARE(line->provider, &row);
        QCOMPARE(line->client->providerName(), row.displayName);

        QString signedIn;
        bool answered = false;
        QObject context;
        row.adapter->askSignedInExtension(line->client.get(), &context, [&](const QString& extensionId) {
            signedIn = extensionId;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
        QCOMPARE(!signedIn.isEmpty(), row.signedInExtension);

        std::unique_ptr<providers::NumberSearch> search =
            row.adapter->numberSearch(line->client.get(), line->accountId);
        QCOMPARE(search != nullptr, row.canAddNumbers());
        if (search) {
            std::optional<providers::Outcome<QList<providers::AvailableNumber>>> found;
            search->search(u"US"_s, u"Local"_s, QString(), QString(),
                           [&](const providers::Outcome<QList<providers::AvailableNumber>>& outcome) {
                               found = outcome;
                           });
            QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 20000);
            QVERIFY2(found->ok(), found->error ? qPrintable(found->error->message()) : "no answer");
            QVERIFY(!found->value->isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(tst_ProviderCapabilities)
#include "tst_ProviderCapabilities.moc"
