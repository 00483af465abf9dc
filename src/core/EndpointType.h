#pragma once

#include "core/WireEnum.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace trunkline::core {

// Where an extension's calls ring (seed 000): a Virtual extension has no device, a Device extension an
// adapter or IP phone, a Mobile extension a smartphone app, a Softphone telephony software on a computer.
// RingCentral has no such field: Trunkline reads it from the extension's device list (GET
// /extension/{id}/device, docs/api/ringcentral.md §3.9). The wire texts are Trunkline's own.
enum class EndpointType {
    Virtual,
    Device,
    Mobile,
    Softphone,
};

// The endpoint type of an extension with devices of these DeviceResource types: none = Virtual; else the
// most fixed kind it has, a desk phone before a softphone before a mobile app (an extension with a desk
// phone is a Device extension even when its owner also uses the mobile app). Unknown device types count
// as devices.
EndpointType endpointTypeOfDevices(const QStringList& deviceTypes);

} // namespace trunkline::core
