#include "emulator/ringcentral/RcTokenStore.h"

#include <QByteArray>

namespace trunkline::emulator::ringcentral {

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

RcSession RcTokenStore::issue(qint64 extensionId, qint64 accessTtlSeconds, qint64 refreshTtlSeconds) {
    const qint64 now = m_clock->nowMs();
    RcSession session;
    session.sessionId = QString::number(m_random() % 9000000000ULL + 1000000000ULL);
    session.extensionId = extensionId;
    session.accessToken = randomToken(36);
    session.accessExpiresMs = now + accessTtlSeconds * 1000;
    session.refreshToken = randomToken(36);
    session.refreshExpiresMs = now + refreshTtlSeconds * 1000;
    m_sessions.insert_or_assign(session.sessionId, session);
    m_byAccess.insert(session.accessToken, session.sessionId);
    m_byRefresh.insert(session.refreshToken, session.sessionId);
    return session;
}

bool RcTokenStore::refresh(const QString& refreshToken, qint64 accessTtlSeconds, qint64 refreshTtlSeconds,
                           RcSession* out, RcTokenState* state) {
    const auto it = m_byRefresh.constFind(refreshToken);
    if (it == m_byRefresh.constEnd()) {
        *state = RcTokenState::Unknown;
        return false;
    }
    const auto found = m_sessions.find(*it);
    if (found == m_sessions.end()) {
        *state = RcTokenState::Unknown;
        return false;
    }
    RcSession& session = found->second;
    const qint64 now = m_clock->nowMs();
    if (session.refreshExpiresMs <= now) {
        *state = RcTokenState::Expired;
        return false;
    }
    m_byAccess.remove(session.accessToken);
    m_byRefresh.remove(session.refreshToken);
    session.accessToken = randomToken(36);
    session.accessExpiresMs = now + accessTtlSeconds * 1000;
    session.refreshToken = randomToken(36);
    session.refreshExpiresMs = now + refreshTtlSeconds * 1000;
    m_byAccess.insert(session.accessToken, session.sessionId);
    m_byRefresh.insert(session.refreshToken, session.sessionId);
    *state = RcTokenState::Valid;
    *out = session;
    return true;
}

const RcSession* RcTokenStore::sessionForAccessToken(const QString& accessToken, RcTokenState* state) const {
    const auto it = m_byAccess.constFind(accessToken);
    if (it == m_byAccess.constEnd()) {
        *state = RcTokenState::Unknown;
        return nullptr;
    }
    const auto session = m_sessions.find(*it);
    if (session == m_sessions.end()) {
        *state = RcTokenState::Unknown;
        return nullptr;
    }
    if (session->second.accessExpiresMs <= m_clock->nowMs()) {
        *state = RcTokenState::Expired;
        return nullptr;
    }
    *state = RcTokenState::Valid;
    return &session->second;
}

const RcSession* RcTokenStore::sessionForRefreshToken(const QString& refreshToken) const {
    const auto it = m_byRefresh.constFind(refreshToken);
    if (it == m_byRefresh.constEnd())
        return nullptr;
    const auto session = m_sessions.find(*it);
    return session == m_sessions.end() ? nullptr : &session->second;
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
