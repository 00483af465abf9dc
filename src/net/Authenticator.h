#pragma once

#include "net/ApiError.h"

#include <QNetworkRequest>
#include <QObject>
#include <QStringList>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace trunkline::net {

// How one provider proves who is calling. ApiClient asks ensureReady() before each request, applies
// the credentials to it, and calls invalidate() when the provider answers 401 so the next request
// re-authenticates once. Secrets are handed in by the caller, who reads them from the keychain.
class Authenticator {
public:
    using Done = std::function<void(std::optional<ApiError>)>;

    virtual ~Authenticator() = default;

    // Calls done (maybe at once) when apply() can be used, or with the error that prevents it.
    virtual void ensureReady(QNetworkAccessManager& network, Done done) = 0;
    virtual void apply(QNetworkRequest& request) const = 0;
    // The provider refused the credentials in use; returns whether a new attempt can help.
    virtual bool invalidate() = 0;
    // The permissions (OAuth scopes) the provider granted with the current sign-in; empty before the
    // first sign-in and for providers whose credentials carry none.
    virtual QStringList grantedScopes() const { return {}; }
};

// Telnyx: "Authorization: Bearer <API key>".
class BearerKeyAuthenticator final : public Authenticator {
public:
    explicit BearerKeyAuthenticator(QByteArray apiKey);
    void ensureReady(QNetworkAccessManager&, Done done) override { done(std::nullopt); }
    void apply(QNetworkRequest& request) const override;
    bool invalidate() override { return false; }

private:
    QByteArray m_apiKey;
};

// Restcomm: HTTP Basic with AccountSid:AuthToken.
class BasicAuthenticator final : public Authenticator {
public:
    BasicAuthenticator(const QString& user, const QByteArray& password);
    void ensureReady(QNetworkAccessManager&, Done done) override { done(std::nullopt); }
    void apply(QNetworkRequest& request) const override;
    bool invalidate() override { return false; }

private:
    QByteArray m_header;
};

} // namespace trunkline::net
