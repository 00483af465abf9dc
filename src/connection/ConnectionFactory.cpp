#include "connection/ConnectionFactory.h"

#include "connection/DemoAccount.h"
#include "connection/DemoProfiles.h"
#include "connection/ProfileSecrets.h"
#include "connection/ProviderSecret.h"
#include "net/EndpointPolicy.h"
#include "providers/ProviderRegistry.h"

#include <QTimer>

namespace trunkline::connection {

ConnectionFactory::ConnectionFactory(secrets::SecretStore& secrets, QNetworkAccessManager& network,
                                     DemoAccount& demo)
    : m_secrets(secrets)
    , m_network(network)
    , m_demo(demo) {
}

void ConnectionFactory::open(const store::Profile& profile, Done done) {
    resolve(profile, [this, done](std::optional<Credentials> credentials, const QString& error) {
        if (!credentials) {
            done(std::nullopt, error);
            return;
        }
        QString buildError;
        std::optional<Connection> connection = build(*credentials, m_network, &buildError);
        done(std::move(connection), buildError);
    });
}

void ConnectionFactory::resolve(const store::Profile& profile, Resolved done) {
    auto fail = [done](const QString& error) {
        QTimer::singleShot(0, [done, error] { done(std::nullopt, error); });
    };
    if (DemoProfiles::isDemo(profile)) {
        QString error;
        if (!m_demo.start(&error)) {
            fail(tr("The demo account could not start: %1").arg(error));
            return;
        }
        const std::optional<DemoAccount::Login> login = m_demo.login(profile.provider);
        if (!login) {
            fail(tr("Profile %1: unknown provider “%2”.").arg(profile.name, profile.provider));
            return;
        }
        Credentials credentials{profile, m_demo.baseUrl(), {}};
        if (!login->accountId.isEmpty())
            credentials.profile.accountId = login->accountId;
        credentials.secret = login->secret.serialize(profile.provider);
        QTimer::singleShot(0, [credentials, done] { done(credentials, QString()); });
        return;
    }

    const QUrl baseUrl(profile.baseUrl);
    const QString policyError = net::EndpointPolicy::check(baseUrl);
    if (!policyError.isEmpty()) {
        fail(tr("Profile %1: %2").arg(profile.name, policyError));
        return;
    }
    ProfileSecrets(m_secrets).load(
        profile, [profile, baseUrl, done](const std::optional<QString>& secret, const QString& error) {
            if (!secret) {
                done(std::nullopt, tr("Profile %1: %2").arg(profile.name, error));
                return;
            }
            done(Credentials{profile, baseUrl, *secret}, QString());
        });
}

void ConnectionFactory::openWith(const store::Profile& profile, const ProviderSecret& secret, Done done) {
    if (DemoProfiles::isDemo(profile)) {
        open(profile, std::move(done));
        return;
    }
    const QUrl baseUrl(profile.baseUrl);
    const QString policyError = net::EndpointPolicy::check(baseUrl);
    const Credentials credentials{profile, baseUrl, secret.serialize(profile.provider)};
    QTimer::singleShot(0, [this, credentials, policyError, done] {
        if (!policyError.isEmpty()) {
            done(std::nullopt, tr("Profile %1: %2").arg(credentials.profile.name, policyError));
            return;
        }
        QString error;
        std::optional<Connection> connection = build(credentials, m_network, &error);
        done(std::move(connection), error);
    });
}

std::optional<Connection> ConnectionFactory::build(const Credentials& credentials,
                                                   QNetworkAccessManager& network, QString* error) {
    const store::Profile& profile = credentials.profile;
    QString parseError;
    const std::optional<ProviderSecret> secret =
        ProviderSecret::parse(profile.provider, credentials.secret, &parseError);
    if (!secret) {
        *error = tr("Profile %1: the stored credentials are incomplete (%2) Enter them again.")
                     .arg(profile.name, parseError);
        return std::nullopt;
    }
    const providers::ProviderCapabilities* provider = providers::findProvider(profile.provider);
    if (!provider) {
        *error = tr("Profile %1: unknown provider “%2”.").arg(profile.name, profile.provider);
        return std::nullopt;
    }
    if (provider->needsAccountId && profile.accountId.isEmpty()) {
        *error = QCoreApplication::translate("ConnectionFactory", provider->accountIdMissingOnConnect)
                     .arg(profile.name);
        return std::nullopt;
    }
    Connection connection;
    connection.provider = provider;
    connection.accountId = profile.accountId.isEmpty() ? provider->ownAccountAlias : profile.accountId;
    connection.authenticator = provider->adapter->authenticator(
        credentials.baseUrl, providers::SecretValues{secret->clientId, secret->clientSecret, secret->token},
        connection.accountId);
    connection.client = std::make_unique<net::ApiClient>(provider->displayName, credentials.baseUrl,
                                                         connection.authenticator, &network);
    return connection;
}

} // namespace trunkline::connection
