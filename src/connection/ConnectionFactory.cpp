#include "connection/ConnectionFactory.h"

#include "connection/DemoEmulator.h"
#include "connection/DemoProfiles.h"
#include "connection/ProviderSecret.h"
#include "core/PhoneNumberRecord.h"
#include "net/EndpointPolicy.h"
#include "net/RingCentralAuthenticator.h"
#include "secrets/SecretStore.h"

#include <QTimer>

namespace trunkline::connection {

ConnectionFactory::ConnectionFactory(secrets::SecretStore& secrets, QNetworkAccessManager& network,
                                     DemoEmulator& demo)
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
        const emulator::DemoCredentials demo = m_demo.credentials();
        ProviderSecret secret;
        if (profile.provider == core::kProviderRingCentral) {
            secret.clientId = demo.ringCentralClientId.toUtf8();
            secret.clientSecret = demo.ringCentralClientSecret.toUtf8();
            secret.token = demo.ringCentralAdminJwt.toUtf8();
        } else {
            secret.token =
                (profile.provider == core::kProviderTelnyx ? demo.telnyxApiKey : demo.restcommAuthToken)
                    .toUtf8();
        }
        store::Profile resolved = profile;
        if (profile.provider == core::kProviderRestcomm)
            resolved.accountId = demo.restcommAccountSid;
        QTimer::singleShot(0, [this, resolved, secret, done] {
            build(resolved, m_demo.baseUrl(), secret.serialize(resolved.provider), done);
        });
        return;
    }

    const QUrl baseUrl(profile.baseUrl);
    const QString policyError = net::EndpointPolicy::check(baseUrl);
    if (!policyError.isEmpty()) {
        fail(tr("Profile %1: %2").arg(profile.name, policyError));
        return;
    }
    m_secrets.load(secrets::SecretKey{profile.id, profile.provider},
                   [this, profile, baseUrl, done](const secrets::SecretResult& result) {
                       if (!result.ok()) {
                           done(std::nullopt, tr("Profile %1: %2").arg(profile.name, result.message));
                           return;
                       }
                       build(profile, baseUrl, result.secret, done);
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
    Connection connection;
    if (profile.provider == core::kProviderRingCentral) {
        connection.authenticator = std::make_shared<net::RingCentralAuthenticator>(
            baseUrl, net::RingCentralAuthenticator::Credentials{secret->clientId, secret->clientSecret,
                                                                secret->token});
        connection.accountId = profile.accountId.isEmpty() ? QStringLiteral("~") : profile.accountId;
    } else if (profile.provider == core::kProviderTelnyx) {
        connection.authenticator = std::make_shared<net::BearerKeyAuthenticator>(secret->token);
        connection.accountId = profile.accountId;
    } else if (profile.provider == core::kProviderRestcomm) {
        if (profile.accountId.isEmpty()) {
            done(std::nullopt,
                 tr("Profile %1: Account SID: must not be empty for Restcomm.").arg(profile.name));
            return;
        }
        connection.authenticator =
            std::make_shared<net::BasicAuthenticator>(profile.accountId, secret->token);
        connection.accountId = profile.accountId;
    } else {
        done(std::nullopt, tr("Profile %1: unknown provider “%2”.").arg(profile.name, profile.provider));
        return;
    }
    connection.client = std::make_unique<net::ApiClient>(core::providerDisplayName(profile.provider), baseUrl,
                                                         connection.authenticator, &m_network);
    done(std::move(connection), QString());
}

} // namespace trunkline::connection
