#pragma once

#include "emulator/Clock.h"
#include "emulator/ProviderService.h"
#include "emulator/restcomm/RestcommDemoData.h"

#include <QCoreApplication>
#include <QMutex>
#include <QStringList>
#include <optional>

namespace trunkline::emulator {
struct EmulatorOptions;
}

namespace trunkline::emulator::restcomm {

// Restcomm-Connect 2012-04-24 IncomingPhoneNumbers under /restcomm (restcomm-numbers.md, seed 003):
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
    using Params = QList<QPair<QString, QString>>;
    struct Call {
        const EmulatorRequest* request = nullptr;
        bool json = true;
        QString accountRef; // the {AccountSid} path segment as sent
        const RestcommAccount* caller = nullptr;
        QStringList rest; // path segments after the resource name, ".json" removed
        QString listUri;  // "/2012-04-24/Accounts/{AccountSid}/IncomingPhoneNumbers[/Local]"
    };

    EmulatorResponse numbersEndpoint(Call& call);
    EmulatorResponse availableEndpoint(Call& call);
    EmulatorResponse list(const Call& call);
    EmulatorResponse create(const Call& call, const QString& type);
    EmulatorResponse read(const Call& call, const QString& sid);
    EmulatorResponse update(const Call& call, const QString& sid);
    EmulatorResponse remove(const Call& call, const QString& sid);
    EmulatorResponse migrate(const Call& call);

    const RestcommAccount* authenticate(const QByteArray& authorization) const;
    const RestcommAccount* findAccount(const QString& ref) const; // friendly name, email, then sid
    bool isSelfOrAncestor(const RestcommAccount& caller, const RestcommAccount& account) const;
    // Index of the number, or the error answer (malformed sid 500, unknown 404, other account 403).
    std::optional<EmulatorResponse> findNumber(const Call& call, const QString& sid, qsizetype* index) const;
    // Reads the form body; an error answer for a wrong content type or broken percent-encoding.
    std::optional<EmulatorResponse> formParams(const Call& call, Params* params) const;
    EmulatorResponse numberResponse(const Call& call, const IncomingNumber& number) const;

    mutable QMutex m_mutex;
    Clock m_clock;
    QRandomGenerator m_ids;
    RestcommData m_data;
};

} // namespace trunkline::emulator::restcomm
