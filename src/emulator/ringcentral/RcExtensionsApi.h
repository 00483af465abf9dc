#pragma once

#include "emulator/ringcentral/RcCall.h"

#include <QCoreApplication>
#include <QStringList>

namespace trunkline::emulator::ringcentral {

// Every extension status of the SPEC (ringcentral.md §3.1); the number lists filter by it as well.
extern const QStringList kRcExtensionStatuses;

// /account/~/extension[/{extensionId}] (ringcentral.md §3): list with filters, create, read, update
// (all or nothing) and delete. Permission checks (admin only) happen in the service's routing.
class RcExtensionsApi {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService) // the messages keep the service's translation context

public:
    static EmulatorResponse list(RcCall& call);
    static EmulatorResponse create(RcCall& call);
    static EmulatorResponse get(RcCall& call, const RcExtension& extension);
    static EmulatorResponse update(RcCall& call, RcExtension& extension);
    static EmulatorResponse remove(RcCall& call, const RcExtension& extension);

    // The record; detailed = as GET of one extension shows it (regional settings, service features).
    static QJsonObject json(const RcCall& call, const RcExtension& extension, bool detailed);
};

} // namespace trunkline::emulator::ringcentral
