#pragma once

#include "emulator/ringcentral/RcCall.h"

#include <QCoreApplication>

namespace trunkline::emulator::ringcentral {

// /extension/{id}/caller-id: the number shown per feature (RingOut, CallFlip, ...), chosen among the
// extension's own and the company's voice numbers.
class RcCallerIdApi {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService) // the messages keep the service's translation context

public:
    static EmulatorResponse get(RcCall& call, const RcExtension& extension);
    static EmulatorResponse put(RcCall& call, RcExtension& extension);

    static QJsonObject json(const RcCall& call, const RcExtension& extension);
};

} // namespace trunkline::emulator::ringcentral
