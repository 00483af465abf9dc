#pragma once

#include "emulator/Clock.h"
#include "emulator/EmulatorOptions.h"
#include "emulator/ProviderService.h"
#include "emulator/ringcentral/RcDirectory.h"
#include "emulator/ringcentral/RcRateLimiter.h"
#include "emulator/ringcentral/RcTokenStore.h"

#include <QCoreApplication>
#include <QMutex>
#include <functional>
#include <optional>
#include <vector>

namespace trunkline::emulator::ringcentral {

// RingCentral REST API v1.0 as far as Trunkline uses it (ringcentral.md): OAuth (JWT bearer, refresh,
// revoke), account, extensions, phone numbers, forwarding/flip numbers, caller ID, notification settings,
// business hours and the business-hours answering rule; usage-group rate limits; RingCentral's error
// bodies; admin versus non-admin visibility (seed 001).
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
    QString credentialLine() const override; // two lines: ringcentral-admin, ringcentral-user
    QJsonObject snapshot() const override;
    void restore(const QJsonObject& state) override;
    EmulatorResponse faultResponse(int status, int retryAfterSeconds) const override;

    QString clientId() const { return m_clientId; }
    QString clientSecret() const { return m_clientSecret; }
    // A JWT credential for any extension (the demo lines carry the admin's and the user's).
    QString jwtFor(qint64 extensionId) const;
    qint64 accountId() const;
    qint64 adminExtensionId() const;
    qint64 userExtensionId() const;
    Clock& clock() { return m_clock; }

private:
    struct Call; // one authenticated API request being served

    EmulatorResponse handleOAuth(const EmulatorRequest& request, const QStringList& segments);
    EmulatorResponse tokenEndpoint(const EmulatorRequest& request);
    EmulatorResponse revokeEndpoint(const EmulatorRequest& request);
    std::optional<EmulatorResponse> checkClient(const EmulatorRequest& request) const;
    EmulatorResponse tokenResponse(const RcSession& session) const;
    qint64 extensionOfJwt(const QString& jwt) const;

    EmulatorResponse handleApi(const EmulatorRequest& request, const QStringList& segments);
    EmulatorResponse route(Call& call, const QStringList& segments, RcGroup* group, bool dryRun);

    EmulatorResponse getAccount(Call& call);
    EmulatorResponse getServiceInfo(Call& call);
    EmulatorResponse listTimezones(Call& call);
    EmulatorResponse listExtensions(Call& call);
    EmulatorResponse createExtension(Call& call);
    EmulatorResponse getExtension(Call& call, const RcExtension& extension);
    EmulatorResponse updateExtension(Call& call, RcExtension& extension);
    EmulatorResponse deleteExtension(Call& call, const RcExtension& extension);
    EmulatorResponse listAccountNumbers(Call& call);
    EmulatorResponse getAccountNumber(Call& call, const QString& id);
    EmulatorResponse listExtensionNumbers(Call& call, const RcExtension& extension);
    EmulatorResponse listForwarding(Call& call, const RcExtension& extension);
    EmulatorResponse createForwarding(Call& call, RcExtension& extension);
    EmulatorResponse getForwarding(Call& call, const RcExtension& extension, const QString& id);
    EmulatorResponse updateForwarding(Call& call, RcExtension& extension, const QString& id);
    EmulatorResponse deleteForwarding(Call& call, RcExtension& extension, const QString& id);
    EmulatorResponse deleteForwardingBulk(Call& call, RcExtension& extension);
    EmulatorResponse getCallerId(Call& call, const RcExtension& extension);
    EmulatorResponse putCallerId(Call& call, RcExtension& extension);
    EmulatorResponse getNotifications(Call& call, const RcExtension& extension);
    EmulatorResponse putNotifications(Call& call, RcExtension& extension);
    EmulatorResponse getBusinessHours(Call& call, const RcExtension& extension);
    EmulatorResponse putBusinessHours(Call& call, RcExtension& extension);
    EmulatorResponse listAnsweringRules(Call& call, const RcExtension& extension);
    EmulatorResponse getAnsweringRule(Call& call, const RcExtension& extension, const QString& ruleId);
    EmulatorResponse putAnsweringRule(Call& call, RcExtension& extension, const QString& ruleId);

    QJsonObject extensionJson(const Call& call, const RcExtension& extension, bool detailed) const;
    QJsonObject accountNumberJson(const Call& call, const RcPhoneNumber& number) const;
    QJsonObject extensionNumberJson(const Call& call, const RcPhoneNumber& number, bool features) const;
    QJsonObject forwardingJson(const Call& call, const RcExtension& extension,
                               const RcForwardingNumber& forwarding) const;
    QJsonObject callerIdJson(const Call& call, const RcExtension& extension) const;
    QJsonObject notificationsJson(const Call& call, const RcExtension& extension) const;
    QJsonObject businessHoursSchedule(const RcExtension& extension) const;
    QJsonObject answeringRuleJson(const Call& call, const RcExtension& extension,
                                  const QString& ruleId) const;
    QString extensionUri(const Call& call, qint64 extensionId) const;
    QByteArray cachedRecord(std::vector<QByteArray>& cache, std::size_t index, std::size_t size,
                            const QString& base, const std::function<QJsonObject()>& render);

    mutable QMutex m_mutex;
    EmulatorOptions m_options;
    quint32 m_seed;
    Clock m_clock;
    RcDirectory m_directory;
    RcTokenStore m_tokens;
    RcRateLimiter m_rateLimiter;
    QString m_clientId;
    QString m_clientSecret;
    QByteArray m_jwtKey;
    QString m_cacheBase;
    std::vector<QByteArray> m_numberJsonCache;    // serialised account-list records by number index
    std::vector<QByteArray> m_extensionJsonCache; // serialised list records by extension index
};

} // namespace trunkline::emulator::ringcentral
