#pragma once

#include "emulator/Clock.h"
#include "emulator/ProviderService.h"
#include "emulator/restcomm/RestcommDemoData.h"

#include <QRandomGenerator>
#include <QStringList>

namespace trunkline::emulator::restcomm {

// The accounts, numbers and number pool of the Restcomm service and the account lookups every resource
// needs. Owned by RestcommService and guarded by its mutex.
struct RestcommState {
    RestcommState(quint32 seed, const EmulatorOptions& options);

    const RestcommAccount* findAccount(const QString& ref) const; // friendly name, email, then sid
    bool isSelfOrAncestor(const RestcommAccount& caller, const RestcommAccount& account) const;

    Clock clock;
    QRandomGenerator ids; // sids of numbers provisioned through the API (deterministic per seed)
    RestcommData data;
};

// One authenticated request below /restcomm/2012-04-24/Accounts/{AccountSid}/.
struct RestcommCall {
    const EmulatorRequest* request = nullptr;
    bool json = true;
    QString accountRef; // the {AccountSid} path segment as sent
    const RestcommAccount* caller = nullptr;
    QStringList rest; // path segments after the resource name, ".json" removed
    QString listUri;  // "/2012-04-24/Accounts/{AccountSid}/IncomingPhoneNumbers[/Local]"
};

} // namespace trunkline::emulator::restcomm
