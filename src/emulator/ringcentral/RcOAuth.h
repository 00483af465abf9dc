#pragma once

#include "emulator/ProviderService.h"
#include "emulator/ringcentral/RcDirectory.h"
#include "emulator/ringcentral/RcRateLimiter.h"
#include "emulator/ringcentral/RcTokenStore.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>

namespace trunkline::emulator::ringcentral {

// RingCentral's OAuth endpoints under /restapi/oauth (docs/api/ringcentral.md §1): the JWT-bearer and refresh
// grants at /token and /revoke, for two confidential demo apps: one with every app permission the console
// uses, and a read-only one (ReadAccounts only) that shows what an app set up without EditExtensions meets.
// Their client ids, secrets and the key that signs the demo JWTs come from the seed, so the same seed gives
// the same credentials across restarts.
class RcOAuth {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService) // the messages keep the service's translation context

public:
    RcOAuth(quint32 seed, const Clock* clock, RcTokenStore* tokens, RcRateLimiter* rateLimiter,
            const RcDirectory* directory);

    // An app as the developer console registers it: its credentials and the permissions it was granted.
    struct App {
        QString clientId;
        QString clientSecret;
        QStringList scopes;
    };

    QString clientId() const { return m_full.clientId; }
    QString clientSecret() const { return m_full.clientSecret; }
    const App& readOnlyApp() const { return m_readOnly; }
    // A JWT credential for any extension (the demo lines carry the admin's and the user's).
    QString jwtFor(qint64 extensionId) const;

    // segments: the path below /restapi, "oauth" first.
    EmulatorResponse handle(const EmulatorRequest& request, const QStringList& segments);

private:
    EmulatorResponse tokenEndpoint(const EmulatorRequest& request);
    EmulatorResponse revokeEndpoint(const EmulatorRequest& request);
    // The app whose Basic credentials the request carries, or the OAuth error for the request.
    std::optional<EmulatorResponse> checkClient(const EmulatorRequest& request, const App** app) const;
    EmulatorResponse tokenResponse(const RcSession& session) const;
    qint64 extensionOfJwt(const QString& jwt) const;

    const Clock* m_clock;
    RcTokenStore* m_tokens;
    RcRateLimiter* m_rateLimiter;
    const RcDirectory* m_directory;
    App m_full;
    App m_readOnly;
    QByteArray m_jwtKey;
};

} // namespace trunkline::emulator::ringcentral
