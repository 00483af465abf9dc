#pragma once

#include "emulator/restcomm/RestcommState.h"

#include <QCoreApplication>
#include <optional>

namespace trunkline::emulator::restcomm {

// The resources of the Restcomm API, one class each (src/emulator/restcomm/Restcomm*Api.cpp), which
// RestcommService routes to after authentication and the account checks. Each works on the service's
// RestcommState.

// /Accounts/{AccountSid}/IncomingPhoneNumbers[/Local|TollFree|Mobile][/{sid}] (docs/api/restcomm-numbers.md
// §3-§6): list with LIKE filters and Restcomm's paging fields, provision (plain, typed, isSIP), read, update
// (form fields), delete. Where Restcomm's docs and its server differ, this behaves like the server.
class RestcommIncomingNumbersApi {
    Q_DECLARE_TR_FUNCTIONS(RestcommService)

public:
    static EmulatorResponse list(RestcommState& state, const RestcommCall& call);
    static EmulatorResponse create(RestcommState& state, const RestcommCall& call, const QString& type);
    static EmulatorResponse read(RestcommState& state, const RestcommCall& call, const QString& sid);
    static EmulatorResponse update(RestcommState& state, const RestcommCall& call, const QString& sid);
    static EmulatorResponse remove(RestcommState& state, const RestcommCall& call, const QString& sid);

private:
    // Index of the number, or the error answer (malformed sid 500, unknown 404, other account 403).
    static std::optional<EmulatorResponse> findNumber(RestcommState& state, const RestcommCall& call,
                                                      const QString& sid, qsizetype* index);
    static EmulatorResponse numberResponse(const RestcommCall& call, const IncomingNumber& number);
};

// What the DID provider sells (docs/api/restcomm-numbers.md §9):
// AvailablePhoneNumbers/{Country}/{Local|TollFree| Mobile} with Restcomm's filters, and
// IncomingPhoneNumbers/AvailableCountries.
class RestcommAvailableNumbersApi {
public:
    static EmulatorResponse search(const RestcommState& state, const RestcommCall& call,
                                   const QString& country, const QString& kind);
    static EmulatorResponse countries(const RestcommCall& call);
};

// POST IncomingPhoneNumbers/migrate (docs/api/restcomm-numbers.md §8): a super admin moves a sub-account, its
// descendants and their numbers to another organisation.
class RestcommMigrationApi {
    Q_DECLARE_TR_FUNCTIONS(RestcommService)

public:
    static EmulatorResponse migrate(RestcommState& state, const RestcommCall& call);
};

} // namespace trunkline::emulator::restcomm
