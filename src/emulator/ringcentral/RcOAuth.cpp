// Builds JSON from concatenated strings; QStringBuilder's lazy results do not convert to QJsonValue.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/ringcentral/RcOAuth.h"

#include "emulator/Clock.h"
#include "emulator/ringcentral/RcCall.h"
#include "emulator/ringcentral/RcErrors.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

namespace {

QUrlQuery formOf(const QByteArray& body) {
    // application/x-www-form-urlencoded writes spaces as '+'; QUrlQuery does not decode that.
    QByteArray copy = body;
    copy.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(copy));
}

QByteArray hmac(const QByteArray& key, const QByteArray& data) {
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

QByteArray b64url(const QByteArray& data) {
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

RcOAuth::App appOf(const QByteArray& name, const QByteArray& seedBytes, QStringList scopes) {
    return {
        QString::fromLatin1(b64url(
            QCryptographicHash::hash(name + "-client-id:" + seedBytes, QCryptographicHash::Sha256).left(16))),
        QString::fromLatin1(b64url(
            QCryptographicHash::hash(name + "-client-secret:" + seedBytes, QCryptographicHash::Sha256))),
        std::move(scopes)};
}

} // namespace

RcOAuth::RcOAuth(quint32 seed, const Clock* clock, RcTokenStore* tokens, RcRateLimiter* rateLimiter,
                 const RcDirectory* directory)
    : m_clock(clock)
    , m_tokens(tokens)
    , m_rateLimiter(rateLimiter)
    , m_directory(directory) {
    const QByteArray seedBytes = QByteArray::number(seed);
    m_full = appOf("rc", seedBytes, {u"ReadAccounts"_s, u"EditAccounts"_s, u"EditExtensions"_s});
    m_readOnly = appOf("rc-readonly", seedBytes, {u"ReadAccounts"_s});
    m_jwtKey = QCryptographicHash::hash("rc-jwt-key:" + seedBytes, QCryptographicHash::Sha256);
}

QString RcOAuth::jwtFor(qint64 extensionId) const {
    // A JWT credential as the developer console makes one; signed with a seed-derived key so the same
    // seed gives the same credentials across restarts. Never expires (like a non-expiring console JWT).
    const QByteArray header = b64url(R"({"alg":"HS256","typ":"JWT"})");
    const QByteArray payload = b64url(
        QJsonDocument(
            QJsonObject{{u"sub"_s, QString::number(extensionId)},
                        {u"aud"_s, u"https://platform.ringcentral.com/restapi/oauth/token"_s},
                        {u"iss"_s, u"https://platform.ringcentral.com"_s},
                        {u"iat"_s, 1735689600},
                        {u"jti"_s, QString::fromLatin1(
                                       b64url(hmac(m_jwtKey, QByteArray::number(extensionId))).left(22))}})
            .toJson(QJsonDocument::Compact));
    const QByteArray signingInput = header + '.' + payload;
    return QString::fromLatin1(signingInput + '.' + b64url(hmac(m_jwtKey, signingInput)));
}

qint64 RcOAuth::extensionOfJwt(const QString& jwt) const {
    const QList<QByteArray> parts = jwt.toLatin1().split('.');
    if (parts.size() != 3)
        return 0;
    const QByteArray expected = b64url(hmac(m_jwtKey, parts[0] + '.' + parts[1]));
    if (expected != parts[2])
        return 0;
    const QJsonObject claims =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
    const qint64 id = claims.value(u"sub"_s).toString().toLongLong();
    return m_directory->extension(id) ? id : 0;
}

EmulatorResponse RcOAuth::handle(const EmulatorRequest& request, const QStringList& segments) {
    if (segments.size() == 2 && request.method == "POST" && segments[1] == u"token")
        return tokenEndpoint(request);
    if (segments.size() == 2 && request.method == "POST" && segments[1] == u"revoke")
        return revokeEndpoint(request);
    return RcErrors::uriNotFound(request.path);
}

std::optional<EmulatorResponse> RcOAuth::checkClient(const EmulatorRequest& request, const App** app) const {
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty()) {
        // Public (PKCE) apps send client_id in the body; the demo app is confidential and needs its secret.
        return RcErrors::oauth(401, u"invalid_client"_s, u"OAU-123"_s,
                               tr("Client authentication is required: send Authorization: Basic "
                                  "base64(client_id:client_secret)."));
    }
    if (!authorization.startsWith("Basic ") && !authorization.startsWith("basic "))
        return RcErrors::oauth(401, u"invalid_client"_s, u"OAU-123"_s,
                               tr("Invalid Authorization header value: the Basic scheme is required."));
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
    const auto colon = decoded.indexOf(':');
    if (colon < 0)
        return RcErrors::oauth(401, u"invalid_client"_s, u"OAU-123"_s,
                               tr("Invalid Authorization header value: expected client_id:client_secret."));
    const QString id = QString::fromUtf8(decoded.left(colon));
    const QString secret = QString::fromUtf8(decoded.mid(colon + 1));
    for (const App* known : {&m_full, &m_readOnly}) {
        if (id == known->clientId && secret == known->clientSecret) {
            if (app)
                *app = known;
            return std::nullopt;
        }
    }
    return RcErrors::oauth(401, u"invalid_client"_s, u"OAU-146"_s, tr("Invalid client credentials."));
}

EmulatorResponse RcOAuth::tokenResponse(const RcSession& session) const {
    const qint64 now = m_clock->nowMs();
    const QJsonObject body{
        {u"access_token"_s, session.accessToken},
        {u"token_type"_s, u"bearer"_s},
        {u"expires_in"_s, m_clock->realSecondsCeil((session.accessExpiresMs - now) / 1000)},
        {u"refresh_token"_s, session.refreshToken},
        {u"refresh_token_expires_in"_s, m_clock->realSecondsCeil((session.refreshExpiresMs - now) / 1000)},
        {u"scope"_s, session.scopes.join(u' ')},
        {u"owner_id"_s, QString::number(session.extensionId)},
        {u"endpoint_id"_s, u"emulator-"_s + session.sessionId},
        {u"session_id"_s, session.sessionId},
    };
    return jsonResponse(body);
}

EmulatorResponse RcOAuth::tokenEndpoint(const EmulatorRequest& request) {
    const QUrlQuery form = formOf(request.body);
    const QString grantType = form.queryItemValue(u"grant_type"_s, QUrl::FullyDecoded);
    const QString assertion = form.queryItemValue(u"assertion"_s, QUrl::FullyDecoded);
    const QString refreshToken = form.queryItemValue(u"refresh_token"_s, QUrl::FullyDecoded);

    // Auth group, per user: the JWT's subject or the refresh token's session owner.
    qint64 subject = 0;
    if (!assertion.isEmpty())
        subject = extensionOfJwt(assertion);
    else if (const RcSession* s = m_tokens->sessionForRefreshToken(refreshToken))
        subject = s->extensionId;
    const RcRateDecision rate = m_rateLimiter->check(u"auth|"_s + QString::number(subject), RcGroup::Auth);
    if (!rate.allowed)
        return rateExceeded(rate.headers);
    auto finish = [&rate](EmulatorResponse response) {
        response.headers += rate.headers;
        return response;
    };

    if (!request.header("content-type").toLower().startsWith("application/x-www-form-urlencoded"))
        return finish(RcErrors::oauth(415, u"invalid_request"_s, u"CMN-104"_s,
                                      tr("Unsupported Content-Type: the token request must be "
                                         "application/x-www-form-urlencoded.")));
    const App* app = nullptr;
    if (auto error = checkClient(request, &app))
        return finish(*error);
    for (const QString& key : {u"grant_type"_s, u"assertion"_s, u"refresh_token"_s}) {
        if (form.allQueryItemValues(key).size() > 1)
            return finish(RcErrors::oauth(400, u"invalid_request"_s, u"OAU-111"_s,
                                          tr("Duplicated request parameter [%1].").arg(key)));
    }

    // *_ttl arrive in the wire unit (real seconds, see the class comment) and are clamped to the
    // documented ranges: access 600..3600 s, refresh up to 30 days. UNCONFIRMED: whether RingCentral
    // clamps or rejects out-of-range values; clamping keeps the JS SDK's echo of expires_in working.
    auto ttl = [&](const QString& key, qint64 fallback, qint64 lo, qint64 hi, qint64* out) -> bool {
        const QString text = form.queryItemValue(key, QUrl::FullyDecoded);
        if (text.isEmpty()) {
            *out = fallback;
            return true;
        }
        bool ok = false;
        const qint64 wire = text.toLongLong(&ok);
        if (!ok || wire <= 0)
            return false;
        *out = qBound(lo, m_clock->scaledSeconds(static_cast<double>(wire)), hi);
        return true;
    };
    qint64 accessTtl = 0;
    qint64 refreshTtl = 0;
    if (!ttl(u"access_token_ttl"_s, RcTokenStore::defaultAccessTtl, 600, 3600, &accessTtl))
        return finish(RcErrors::oauth(400, u"invalid_request"_s, u"OAU-101"_s,
                                      tr("Parameter [access_token_ttl] must be a positive integer.")));
    if (!ttl(u"refresh_token_ttl"_s, RcTokenStore::defaultRefreshTtl, 3600, 2592000, &refreshTtl))
        return finish(RcErrors::oauth(400, u"invalid_request"_s, u"OAU-101"_s,
                                      tr("Parameter [refresh_token_ttl] must be a positive integer.")));

    if (grantType == u"urn:ietf:params:oauth:grant-type:jwt-bearer") {
        if (assertion.isEmpty())
            return finish(RcErrors::oauth(400, u"invalid_request"_s, u"OAU-101"_s,
                                          tr("Parameter [assertion] is required for the JWT grant.")));
        // UNCONFIRMED status: the errors table lists OAU-140 with 401, the spec's token endpoint only
        // 400; OAuth (RFC 6749) answers invalid_grant with 400.
        if (subject == 0)
            return finish(RcErrors::oauth(400, u"invalid_grant"_s, u"OAU-140"_s,
                                          tr("Invalid resource owner credentials: the JWT assertion is not "
                                             "valid for this account.")));
        return finish(tokenResponse(m_tokens->issue(subject, app->scopes, accessTtl, refreshTtl)));
    }
    if (grantType == u"refresh_token") {
        if (refreshToken.isEmpty())
            return finish(
                RcErrors::oauth(400, u"invalid_request"_s, u"OAU-101"_s,
                                tr("Parameter [refresh_token] is required for the refresh grant.")));
        RcSession session;
        RcTokenState state = RcTokenState::Unknown;
        if (!m_tokens->refresh(refreshToken, accessTtl, refreshTtl, &session, &state)) {
            // UNCONFIRMED code: OAU-211 "Token not found" is what real servers are reported to send for
            // a used or unknown refresh token.
            return finish(RcErrors::oauth(400, u"invalid_grant"_s, u"OAU-211"_s,
                                          state == RcTokenState::Expired
                                              ? tr("Refresh token has expired.")
                                              : tr("Token not found: the refresh token is unknown or was "
                                                   "already used (refresh tokens are single-use).")));
        }
        return finish(tokenResponse(session));
    }
    if (grantType.isEmpty())
        return finish(RcErrors::oauth(400, u"invalid_request"_s, u"OAU-101"_s,
                                      tr("Parameter [grant_type] is required.")));
    if (grantType == u"password" || grantType == u"authorization_code" || grantType == u"client_credentials")
        return finish(RcErrors::oauth(401, u"unauthorized_client"_s, u"OAU-125"_s,
                                      tr("Grant type [%1] is not allowed for this application; use the JWT "
                                         "grant.")
                                          .arg(grantType)));
    return finish(RcErrors::oauth(400, u"unsupported_grant_type"_s, u"OAU-125"_s,
                                  tr("Unsupported grant type [%1].").arg(grantType)));
}

EmulatorResponse RcOAuth::revokeEndpoint(const EmulatorRequest& request) {
    const QUrlQuery form = formOf(request.body);
    QString token = form.queryItemValue(u"token"_s, QUrl::FullyDecoded);
    if (token.isEmpty())
        token = request.query.queryItemValue(u"token"_s, QUrl::FullyDecoded);
    qint64 subject = 0;
    if (const RcSession* s = m_tokens->sessionForRefreshToken(token))
        subject = s->extensionId;
    const RcRateDecision rate = m_rateLimiter->check(u"auth|"_s + QString::number(subject), RcGroup::Auth);
    if (!rate.allowed)
        return rateExceeded(rate.headers);
    if (auto error = checkClient(request, nullptr)) {
        error->headers += rate.headers;
        return *error;
    }
    if (token.isEmpty()) {
        EmulatorResponse response =
            RcErrors::oauth(400, u"invalid_request"_s, u"OAU-101"_s, tr("Parameter [token] is required."));
        response.headers += rate.headers;
        return response;
    }
    // Revoking ends the whole session; an unknown token is not an error (clients must not retry).
    m_tokens->revoke(token);
    EmulatorResponse response;
    response.status = 200;
    response.contentType.clear();
    response.headers = rate.headers;
    return response;
}

} // namespace trunkline::emulator::ringcentral
