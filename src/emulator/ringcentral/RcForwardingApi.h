#pragma once

#include "emulator/ringcentral/RcCall.h"

#include <QCoreApplication>

namespace trunkline::emulator::ringcentral {

// An extension's forwarding numbers with their flip numbers (/extension/{id}/forwarding-number[/{id}]):
// at most ten, outside the account, no duplicate numbers or flip digits. Deleting one also drops it from
// the answering rules that ring it.
class RcForwardingApi {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService) // the messages keep the service's translation context

public:
    static EmulatorResponse list(RcCall& call, const RcExtension& extension);
    static EmulatorResponse create(RcCall& call, RcExtension& extension);
    static EmulatorResponse get(RcCall& call, const RcExtension& extension, const QString& id);
    static EmulatorResponse update(RcCall& call, RcExtension& extension, const QString& id);
    static EmulatorResponse remove(RcCall& call, RcExtension& extension, const QString& id);
    static EmulatorResponse removeBulk(RcCall& call, RcExtension& extension); // DELETE with {records}

    static QJsonObject json(const RcCall& call, const RcExtension& extension,
                            const RcForwardingNumber& forwarding);
};

} // namespace trunkline::emulator::ringcentral
