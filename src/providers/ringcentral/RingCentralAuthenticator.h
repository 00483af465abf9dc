#pragma once

#include "net/Authenticator.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

namespace trunkline::providers::ringcentral {

// RingCentral OAuth 2.0 for a confidential app with a JWT credential (docs/api/ringcentral.md §1): the JWT
// bearer grant buys an access token, which is refreshed before it expires with the single-use refresh
// token (falling back to the JWT when the refresh token is refused), and revoked on sign-out.
// Concurrent requests that find the token stale share one token request.
class RingCentralAuthenticator final : public net::Authenticator {
    Q_DECLARE_TR_FUNCTIONS(RingCentralAuthenticator)

public:
    struct Credentials {
        QByteArray clientId;
        QByteArray clientSecret;
        QByteArray jwt;
    };

    RingCentralAuthenticator(QUrl baseUrl, Credentials credentials);

    void ensureReady(QNetworkAccessManager& network, Done done) override;
    void apply(QNetworkRequest& request) const override;
    bool invalidate() override;
    // The token response's `scope`: the app permissions of the app the client id names.
    QStringList grantedScopes() const override { return m_scopes; }

    // Ends the session at RingCentral. Failures are ignored, as RingCentral advises (§1.7).
    void revoke(QNetworkAccessManager& network, std::function<void()> done);

    bool hasAccessToken() const { return !m_accessToken.isEmpty(); }
    int tokenRequests() const { return m_tokenRequests; }

private:
    enum class Grant { Jwt, Refresh };

    bool accessTokenFresh() const;
    // A form POST to an OAuth endpoint (/restapi/oauth/token, /revoke), signed with the app's client id
    // and secret.
    QNetworkRequest oauthRequest(const QString& path, int timeoutMs) const;
    void requestToken(QNetworkAccessManager& network, Grant grant, int attempt);
    void finish(std::optional<net::ApiError> error);
    net::ApiError authError(int status, const QByteArray& body, const QString& transportError) const;

    QUrl m_baseUrl;
    Credentials m_credentials;
    QByteArray m_accessToken;
    QByteArray m_refreshToken;
    QStringList m_scopes;
    qint64 m_accessExpiresAt = 0;  // monotonic ms
    qint64 m_refreshExpiresAt = 0; // monotonic ms
    QList<Done> m_waiting;
    int m_tokenRequests = 0;
};

} // namespace trunkline::providers::ringcentral
