#pragma once

#include "emulator/Clock.h"
#include "emulator/EmulatorOptions.h"
#include "emulator/ProviderService.h"
#include "emulator/ringcentral/RcCall.h"
#include "emulator/ringcentral/RcDirectory.h"
#include "emulator/ringcentral/RcOAuth.h"
#include "emulator/ringcentral/RcRateLimiter.h"
#include "emulator/ringcentral/RcTokenStore.h"

#include <QCoreApplication>
#include <QMutex>

namespace trunkline::emulator::ringcentral {

// RingCentral REST API v1.0 as far as Trunkline uses it (docs/api/ringcentral.md): OAuth (JWT bearer,
// refresh, revoke), account, extensions, phone numbers, forwarding/flip numbers, caller ID, notification
// settings, business hours, answering rules (default and custom) and greetings; usage-group rate limits;
// RingCentral's error bodies; admin versus non-admin visibility (seed 001). This class holds the shared
// state, authenticates, rate-limits and routes; each resource is served by its own Rc*Api class
// (RcExtensionsApi,
// ...).
//
// Time values on the wire (expires_in, Retry-After, X-Rate-Limit-Window) are REAL seconds, i.e. the
// documented value divided by --time-scale, because that is how long a client waits; the *_ttl values a
// client sends back are read in the same unit.
class RingCentralService final : public ProviderService {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService)

public:
    RingCentralService(quint32 seed, const EmulatorOptions& options);
    ~RingCentralService() override;

    QString prefix() const override { return QStringLiteral("/restapi"); }
    EmulatorResponse handle(const EmulatorRequest& request) override;
    QString credentialLine() const override; // ringcentral-admin, ringcentral-user, ringcentral-readonly
    QJsonObject snapshot() const override;
    void restore(const QJsonObject& state) override;
    EmulatorResponse faultResponse(int status, int retryAfterSeconds) const override;

    QString clientId() const { return m_oauth.clientId(); }
    QString clientSecret() const { return m_oauth.clientSecret(); }
    // A JWT credential for any extension (the demo lines carry the admin's and the user's).
    QString jwtFor(qint64 extensionId) const;
    qint64 accountId() const;
    qint64 adminExtensionId() const;
    qint64 userExtensionId() const;
    Clock& clock() { return m_clock; }

private:
    EmulatorResponse handleApi(const EmulatorRequest& request, const QStringList& segments);
    // The resource handler (src/emulator/ringcentral/Rc*Api) a path names, with its usage group.
    EmulatorResponse route(RcCall& call, const QStringList& segments, RcGroup* group, bool dryRun);

    mutable QMutex m_mutex;
    EmulatorOptions m_options;
    quint32 m_seed;
    Clock m_clock;
    RcTokenStore m_tokens;
    RcRateLimiter m_rateLimiter;
    RcAccountState m_account;
    RcOAuth m_oauth;
};

} // namespace trunkline::emulator::ringcentral
