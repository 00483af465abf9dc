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
        store::Profile resolved = profile;
        if (!login->accountId.isEmpty())
            resolved.accountId = login->accountId;
        const QString secret = login->secret.serialize(resolved.provider);
        QTimer::singleShot(
            0, [this, resolved, secret, done] { build(resolved, m_demo.baseUrl(), secret, done); });
        return;
    }

    const QUrl baseUrl(profile.baseUrl);
    const QString policyError = net::EndpointPolicy::check(baseUrl);
    if (!policyError.isEmpty()) {
        fail(tr("Profile %1: %2").arg(profile.name, policyError));
        return;
    }
    ProfileSecrets(m_secrets).load(
        profile, [this, profile, baseUrl, done](const std::optional<QString>& secret, const QString& error) {
            if (!secret) {
                done(std::nullopt, tr("Profile %1: %2").arg(profile.name, error));
                return;
            }
            build(profile, baseUrl, *secret, done);
        });
}

void ConnectionFactory::openWith(const store::Profile& profile, const ProviderSecret& secret, Done done) {
    if (DemoProfiles::isDemo(profile)) {
        open(profile, std::move(done));
        return;
    }
    const QUrl baseUrl(profile.baseUrl);
    const QString policyError = net::EndpointPolicy::check(baseUrl);
    const QString serialized = secret.serialize(profile.provider);
    QTimer::singleShot(0, [this, profile, baseUrl, policyError, serialized, done] {
        if (policyError.isEmpty())
            build(profile, baseUrl, serialized, done);
        else
            done(std::nullopt, tr("Profile %1: %2").arg(profile.name, policyError));
    });
}

void ConnectionFactory::build(const store::Profile& profile, const QUrl& baseUrl, const QString& storedSecret,
                              Done done) {
    QString error;
    const std::optional<ProviderSecret> secret =
        ProviderSecret::parse(profile.provider, storedSecret, &error);
    if (!secret) {
        done(std::nullopt, tr("Profile %1: the stored credentials are incomplete (%2) Enter them again.")
                               .arg(profile.name, error));
        return;
    }
    const providers::ProviderCapabilities* provider = providers::findProvider(profile.provider);
    if (!provider) {
        done(std::nullopt, tr("Profile %1: unknown provider “%2”.").arg(profile.name, profile.provider));
        return;
    }
    if (provider->needsAccountId && profile.accountId.isEmpty()) {
        done(std::nullopt,
             QCoreApplication::translate("ConnectionFactory", provider->accountIdMissingOnConnect)
                 .arg(profile.name));
        return;
    }
    Connection connection;
    connection.provider = provider;
    connection.accountId = profile.accountId.isEmpty() ? provider->ownAccountAlias : profile.accountId;
    connection.authenticator = provider->adapter->authenticator(
        baseUrl, providers::SecretValues{secret->clientId, secret->clientSecret, secret->token},
        connection.accountId);
    connection.client = std::make_unique<net::ApiClient>(provider->displayName, baseUrl,
                                                         connection.authenticator, &m_network);
    done(std::move(connection), QString());
}

} // namespace trunkline::connection
