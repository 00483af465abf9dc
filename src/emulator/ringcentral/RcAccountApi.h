#pragma once

#include "emulator/ringcentral/RcCall.h"

namespace trunkline::emulator::ringcentral {

// GET /account/~ and /account/~/service-info (ringcentral.md §2): the account, its plan and its limits.
class RcAccountApi {
public:
    static EmulatorResponse get(RcCall& call);
    static EmulatorResponse serviceInfo(RcCall& call);
};

} // namespace trunkline::emulator::ringcentral
