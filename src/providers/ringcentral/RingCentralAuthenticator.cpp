#include "providers/ringcentral/RingCentralAuthenticator.h"

#include "net/MonotonicClock.h"
#include "net/RetryPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>
#include <utility>

namespace trunkline::providers::ringcentral {

using net::ApiError;
using net::MonotonicClock;
using net::RetryPolicy;

namespace {
constexpr int kMaxTokenAttempts = 4;

QByteArray formEncode(const QList<QPair<QString, QString>>& fields) {
    QUrlQuery form;
    for (const auto& [key, value] : fields)
        form.addQueryItem(key, QString::fromUtf8(QUrl::toPercentEncoding(value)));
    return form.query(QUrl::FullyEncoded).toUtf8();
}
} // namespace

RingCentralAuthenticator::RingCentralAuthenticator(QUrl baseUrl, Credentials credentials)
    : m_baseUrl(std::move(baseUrl))
    , m_credentials(std::move(credentials)) {
}

bool RingCentralAuthenticator::accessTokenFresh() const {
    // Refresh a little before expiry (RingCentral advises proactive refresh), so no request is sent
    // with a token that dies on the way.
    return !m_accessToken.isEmpty() && MonotonicClock::nowMs() < m_accessExpiresAt;
}

void RingCentralAuthenticator::ensureReady(QNetworkAccessManager& network, Done done) {
    if (accessTokenFresh()) {
        done(std::nullopt);
        return;
    }
    m_waiting.append(std::move(done));
    if (m_waiting.size() > 1)
        return; // a token request is already on its way
    const bool canRefresh = !m_refreshToken.isEmpty() && MonotonicClock::nowMs() < m_refreshExpiresAt;
    requestToken(network, canRefresh ? Grant::Refresh : Grant::Jwt, 1);
}

void RingCentralAuthenticator::apply(QNetworkRequest& request) const {
    request.setRawHeader("Authorization", "Bearer " + m_accessToken);
}

bool RingCentralAuthenticator::invalidate() {
    m_accessToken.clear();
    return true;
}

QNetworkRequest RingCentralAuthenticator::oauthRequest(const QString& path, int timeoutMs) const {
    QUrl url = m_baseUrl;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(
        "Authorization",
        "Basic " + QByteArray(m_credentials.clientId + ':' + m_credentials.clientSecret).toBase64());
    request.setTransferTimeout(timeoutMs);
    return request;
}

void RingCentralAuthenticator::requestToken(QNetworkAccessManager& network, Grant grant, int attempt) {
    QNetworkRequest request = oauthRequest(QStringLiteral("/restapi/oauth/token"), 30000);
    const QByteArray body =
        grant == Grant::Refresh
            ? formEncode({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                          {QStringLiteral("refresh_token"), QString::fromLatin1(m_refreshToken)}})
            : formEncode({{QStringLiteral("grant_type"),
                           QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer")},
                          {QStringLiteral("assertion"), QString::fromLatin1(m_credentials.jwt)}});
    ++m_tokenRequests;
    QNetworkReply* reply = network.post(request, body);
    QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, grant, attempt, &network] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        if (status == 200) {
            const QJsonObject token = QJsonDocument::fromJson(answer).object();
            const QByteArray access = token.value(QStringLiteral("access_token")).toString().toLatin1();
            if (!access.isEmpty()) {
                const qint64 now = MonotonicClock::nowMs();
                const qint64 lifetimeMs =
                    qint64(token.value(QStringLiteral("expires_in")).toDouble(3600)) * 1000;
                m_accessToken = access;
                m_accessExpiresAt = now + lifetimeMs - std::min<qint64>(60000, lifetimeMs / 10);
                m_refreshToken = token.value(QStringLiteral("refresh_token")).toString().toLatin1();
                m_scopes = token.value(QStringLiteral("scope")).toString().split(u' ', Qt::SkipEmptyParts);
                const qint64 refreshMs =
                    qint64(token.value(QStringLiteral("refresh_token_expires_in")).toDouble(0)) * 1000;
                m_refreshExpiresAt = now + refreshMs - std::min<qint64>(60000, refreshMs / 10);
                finish(std::nullopt);
                return;
            }
        }
        const bool transient = status == 429 || status >= 500 || status == 0;
        if (transient && attempt < kMaxTokenAttempts) {
            const auto retryAfter = RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"));
            const qint64 waitMs = retryAfter ? retryAfter->count() : 500LL << attempt;
            QTimer::singleShot(waitMs, &network, [this, &network, grant, attempt] {
                requestToken(network, grant, attempt + 1);
            });
            return;
        }
        if (grant == Grant::Refresh && (status == 400 || status == 401)) {
            // The refresh token was used up or revoked; the JWT credential can start a new session.
            m_refreshToken.clear();
            requestToken(network, Grant::Jwt, 1);
            return;
        }
        finish(authError(status, answer,
                         reply->error() == QNetworkReply::NoError ? QString() : reply->errorString()));
    });
}

void RingCentralAuthenticator::finish(std::optional<ApiError> error) {
    const QList<Done> waiting = std::exchange(m_waiting, {});
    for (const Done& done : waiting)
        done(error);
}

ApiError RingCentralAuthenticator::authError(int status, const QByteArray& body,
                                             const QString& transportError) const {
    ApiError error;
    error.provider = QStringLiteral("RingCentral");
    error.subject = tr("the sign-in");
    error.httpStatus = status;
    if (status == 0) {
        error.kind = ApiError::Kind::Network;
        error.detail = transportError;
        return error;
    }
    error.kind = status >= 500   ? ApiError::Kind::Server
                 : status == 429 ? ApiError::Kind::RateLimited
                                 : ApiError::Kind::Unauthorized;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    error.providerCode = object.value(QStringLiteral("error")).toString();
    const QJsonArray errors = object.value(QStringLiteral("errors")).toArray();
    if (!errors.isEmpty()) {
        const QJsonObject first = errors.first().toObject();
        error.providerCode = first.value(QStringLiteral("errorCode")).toString(error.providerCode);
        error.detail = first.value(QStringLiteral("message")).toString();
    }
    if (error.detail.isEmpty())
        error.detail = object.value(QStringLiteral("error_description")).toString();
    return error;
}

void RingCentralAuthenticator::revoke(QNetworkAccessManager& network, std::function<void()> done) {
    const QByteArray token = m_refreshToken.isEmpty() ? m_accessToken : m_refreshToken;
    m_accessToken.clear();
    m_refreshToken.clear();
    if (token.isEmpty()) {
        done();
        return;
    }
    QNetworkRequest request = oauthRequest(QStringLiteral("/restapi/oauth/revoke"), 15000);
    QNetworkReply* reply =
        network.post(request, formEncode({{QStringLiteral("token"), QString::fromLatin1(token)}}));
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done = std::move(done)] {
        reply->deleteLater();
        done();
    });
}

} // namespace trunkline::providers::ringcentral
