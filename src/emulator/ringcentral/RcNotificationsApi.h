#pragma once

#include "emulator/ringcentral/RcCall.h"

#include <QCoreApplication>

namespace trunkline::emulator::ringcentral {

// /extension/{id}/notification-settings: e-mail and SMS notification of voicemails, faxes, texts and
// missed calls; PUT merges into the stored settings.
class RcNotificationsApi {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService) // the messages keep the service's translation context

public:
    static EmulatorResponse get(RcCall& call, const RcExtension& extension);
    static EmulatorResponse put(RcCall& call, RcExtension& extension);

    static QJsonObject json(const RcCall& call, const RcExtension& extension);
};

} // namespace trunkline::emulator::ringcentral
