#pragma once

#include "emulator/Clock.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <random>
#include <unordered_map>

namespace trunkline::emulator::ringcentral {

// One OAuth session: the current access token and its single-use refresh token.
struct RcSession {
    QString sessionId;
    qint64 extensionId = 0;
    QStringList scopes; // the app permissions of the app that signed in (RcAppPermissions)
    QString accessToken;
    qint64 accessExpiresMs = 0; // emulated epoch ms
    QString refreshToken;
    qint64 refreshExpiresMs = 0;
};

enum class RcTokenState { Valid, Unknown, Expired };

// Issues, refreshes, checks and revokes tokens (docs/api/ringcentral.md §1.6/§1.7). Lifetimes are emulated
// seconds on the shared Clock. Refresh tokens are strictly single-use here: the documented ~10 s grace window
// in which a repeated refresh returns the same token is not emulated (a client must never rely on it), and a
// refresh invalidates the session's previous access token at once.
class RcTokenStore {
public:
    RcTokenStore(const Clock* clock, quint32 seed);

    static constexpr qint64 defaultAccessTtl = 3600;    // seconds
    static constexpr qint64 defaultRefreshTtl = 604800; // 7 days

    RcSession issue(qint64 extensionId, const QStringList& scopes, qint64 accessTtlSeconds,
                    qint64 refreshTtlSeconds);
    // Trades a refresh token for a new pair. Returns false (and leaves everything alone) if the refresh
    // token is unknown, used or expired; *state says which.
    bool refresh(const QString& refreshToken, qint64 accessTtlSeconds, qint64 refreshTtlSeconds,
                 RcSession* out, RcTokenState* state);
    // The session of a bearer token, or nullptr; *state says why not.
    const RcSession* sessionForAccessToken(const QString& accessToken, RcTokenState* state) const;
    const RcSession* sessionForRefreshToken(const QString& refreshToken) const;
    // Ends the whole session the token (access or refresh) belongs to. Returns whether one was found.
    bool revoke(const QString& token);
    // Ends every session of an extension (the extension was deleted).
    void revokeExtension(qint64 extensionId);

private:
    QString randomToken(int bytes);
    // Gives the session a fresh access and refresh token pair and indexes both.
    void newTokens(RcSession& session, qint64 now, qint64 accessTtlSeconds, qint64 refreshTtlSeconds);

    const Clock* m_clock;
    std::mt19937_64 m_random;
    // std::unordered_map: QHash iterators trip GCC -Wnull-dereference at -O2.
    std::unordered_map<QString, RcSession> m_sessions; // by session id
    QHash<QString, QString> m_byAccess;                // access token -> session id
    QHash<QString, QString> m_byRefresh;               // refresh token -> session id
};

} // namespace trunkline::emulator::ringcentral
