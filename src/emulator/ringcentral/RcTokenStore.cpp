#include "emulator/ringcentral/RcTokenStore.h"

#include <QByteArray>

namespace trunkline::emulator::ringcentral {

namespace {

// The session a token index names, or nullptr for a token it does not know (const or not, as the store).
template <typename Sessions>
auto findSession(Sessions& sessions, const QHash<QString, QString>& index, const QString& token)
    -> decltype(&sessions.begin()->second) {
    const auto it = index.constFind(token);
    if (it == index.constEnd())
        return nullptr;
    const auto found = sessions.find(*it);
    return found == sessions.end() ? nullptr : &found->second;
}

} // namespace

RcTokenStore::RcTokenStore(const Clock* clock, quint32 seed)
    : m_clock(clock)
    , m_random(0x72636175746800ULL ^ seed) {
}

QString RcTokenStore::randomToken(int bytes) {
    QByteArray raw;
    raw.reserve(bytes);
    for (int i = 0; i < bytes; ++i)
        raw.append(static_cast<char>(m_random() & 0xff));
    // Real tokens are opaque base64-ish strings starting with the region prefix "U0pDMDFQMDFKV1MwMXw".
    return QStringLiteral("U0pDMDFQMDFKV1MwMXw") +
           QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

RcSession RcTokenStore::issue(qint64 extensionId, const QStringList& scopes, qint64 accessTtlSeconds,
                              qint64 refreshTtlSeconds) {
    const qint64 now = m_clock->nowMs();
    RcSession session;
    session.sessionId = QString::number(m_random() % 9000000000ULL + 1000000000ULL);
    session.extensionId = extensionId;
    session.scopes = scopes;
    newTokens(session, now, accessTtlSeconds, refreshTtlSeconds);
    m_sessions.insert_or_assign(session.sessionId, session);
    return session;
}

void RcTokenStore::newTokens(RcSession& session, qint64 now, qint64 accessTtlSeconds,
                             qint64 refreshTtlSeconds) {
    session.accessToken = randomToken(36);
    session.accessExpiresMs = now + accessTtlSeconds * 1000;
    session.refreshToken = randomToken(36);
    session.refreshExpiresMs = now + refreshTtlSeconds * 1000;
    m_byAccess.insert(session.accessToken, session.sessionId);
    m_byRefresh.insert(session.refreshToken, session.sessionId);
}

bool RcTokenStore::refresh(const QString& refreshToken, qint64 accessTtlSeconds, qint64 refreshTtlSeconds,
                           RcSession* out, RcTokenState* state) {
    RcSession* session = findSession(m_sessions, m_byRefresh, refreshToken);
    if (!session) {
        *state = RcTokenState::Unknown;
        return false;
    }
    const qint64 now = m_clock->nowMs();
    if (session->refreshExpiresMs <= now) {
        *state = RcTokenState::Expired;
        return false;
    }
    m_byAccess.remove(session->accessToken);
    m_byRefresh.remove(session->refreshToken);
    newTokens(*session, now, accessTtlSeconds, refreshTtlSeconds);
    *state = RcTokenState::Valid;
    *out = *session;
    return true;
}

const RcSession* RcTokenStore::sessionForAccessToken(const QString& accessToken, RcTokenState* state) const {
    const RcSession* session = findSession(m_sessions, m_byAccess, accessToken);
    if (!session) {
        *state = RcTokenState::Unknown;
        return nullptr;
    }
    if (session->accessExpiresMs <= m_clock->nowMs()) {
        *state = RcTokenState::Expired;
        return nullptr;
    }
    *state = RcTokenState::Valid;
    return session;
}

const RcSession* RcTokenStore::sessionForRefreshToken(const QString& refreshToken) const {
    return findSession(m_sessions, m_byRefresh, refreshToken);
}

bool RcTokenStore::revoke(const QString& token) {
    QString id = m_byAccess.value(token);
    if (id.isEmpty())
        id = m_byRefresh.value(token);
    if (id.isEmpty())
        return false;
    const auto found = m_sessions.find(id);
    if (found == m_sessions.end())
        return false;
    const RcSession session = found->second;
    m_sessions.erase(found);
    m_byAccess.remove(session.accessToken);
    m_byRefresh.remove(session.refreshToken);
    return true;
}

void RcTokenStore::revokeExtension(qint64 extensionId) {
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->second.extensionId == extensionId) {
            m_byAccess.remove(it->second.accessToken);
            m_byRefresh.remove(it->second.refreshToken);
            it = m_sessions.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace trunkline::emulator::ringcentral
