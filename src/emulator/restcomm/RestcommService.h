#pragma once

#include "emulator/Clock.h"
#include "emulator/ProviderService.h"
#include "emulator/restcomm/RestcommDemoData.h"
#include "emulator/restcomm/RestcommState.h"

#include <QCoreApplication>
#include <QMutex>
#include <QStringList>
#include <optional>

namespace trunkline::emulator {
struct EmulatorOptions;
}

namespace trunkline::emulator::restcomm {

// Restcomm-Connect 2012-04-24 IncomingPhoneNumbers under /restcomm (docs/api/restcomm-numbers.md, seed 003):
// list with LIKE filters and Restcomm's paging fields, provision (plain/Local/TollFree/Mobile, isSIP),
// read, update (POST/PUT form fields), delete, AvailableCountries, AvailablePhoneNumbers and migrate.
// Where Restcomm's docs and its server differ, this behaves like the server (the notes' §10 table).
class RestcommService final : public ProviderService {
    Q_DECLARE_TR_FUNCTIONS(RestcommService)

public:
    RestcommService(quint32 seed, const EmulatorOptions& options);

    QString prefix() const override { return QStringLiteral("/restcomm"); }
    EmulatorResponse handle(const EmulatorRequest& request) override;
    QString credentialLine() const override;
    QJsonObject snapshot() const override;
    void restore(const QJsonObject& state) override;
    // Injected faults as Restcomm (Jersey) sends errors: status only, empty body.
    EmulatorResponse faultResponse(int status, int retryAfterSeconds) const override;

    // For tests and the demo: the accounts (first = super admin) and the stored numbers.
    QList<RestcommAccount> accounts() const;
    QList<IncomingNumber> numbers() const;
    QHash<QString, QString> organizations() const;
    QList<AvailableNumber> availableNumbers() const;

private:
    // Routing below /Accounts/{AccountSid}/ to RestcommIncomingNumbersApi, RestcommMigrationApi and
    // RestcommAvailableNumbersApi, after the account checks each resource needs.
    EmulatorResponse numbersEndpoint(RestcommCall& call);
    EmulatorResponse availableEndpoint(const RestcommCall& call);
    // The account check of those resources (all but migrate): the path's account must exist (Restcomm
    // answers 500 when it does not) and be the caller or one of its descendants (403). nullopt: allowed.
    std::optional<EmulatorResponse> pathAccountRefusal(const RestcommCall& call) const;

    const RestcommAccount* authenticate(const QByteArray& authorization) const;

    mutable QMutex m_mutex;
    RestcommState m_state;
};

} // namespace trunkline::emulator::restcomm
