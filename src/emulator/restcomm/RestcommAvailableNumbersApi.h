#pragma once

#include "emulator/restcomm/RestcommState.h"

namespace trunkline::emulator::restcomm {

// What the DID provider sells (restcomm-numbers.md §9): AvailablePhoneNumbers/{Country}/{Local|TollFree|
// Mobile} with Restcomm's filters, and IncomingPhoneNumbers/AvailableCountries.
class RestcommAvailableNumbersApi {
public:
    static EmulatorResponse search(const RestcommState& state, const RestcommCall& call,
                                   const QString& country, const QString& kind);
    static EmulatorResponse countries(const RestcommCall& call);
};

} // namespace trunkline::emulator::restcomm
