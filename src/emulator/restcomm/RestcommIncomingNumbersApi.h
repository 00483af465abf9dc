#pragma once

#include "emulator/restcomm/RestcommState.h"

#include <QCoreApplication>
#include <optional>

namespace trunkline::emulator::restcomm {

// /Accounts/{AccountSid}/IncomingPhoneNumbers[/Local|TollFree|Mobile][/{sid}] (restcomm-numbers.md §3-§6):
// list with LIKE filters and Restcomm's paging fields, provision (plain, typed, isSIP), read, update
// (form fields), delete. Where Restcomm's docs and its server differ, this behaves like the server.
class RestcommIncomingNumbersApi {
    Q_DECLARE_TR_FUNCTIONS(RestcommService) // the messages keep the service's translation context

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

} // namespace trunkline::emulator::restcomm
