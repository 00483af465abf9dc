#include "core/EndpointType.h"

#include "core/WireTable.h"

#include <algorithm>

namespace trunkline::core {

namespace {

using detail::WireEntry;

constexpr std::array<WireEntry<EndpointType>, 4> kEndpointTypes{{
    {EndpointType::Virtual, u"Virtual", QT_TRANSLATE_NOOP("EndpointType", "Virtual (no device)")},
    {EndpointType::Device, u"Device", QT_TRANSLATE_NOOP("EndpointType", "Device (desk phone, adapter)")},
    {EndpointType::Mobile, u"Mobile", QT_TRANSLATE_NOOP("EndpointType", "Mobile")},
    {EndpointType::Softphone, u"Softphone", QT_TRANSLATE_NOOP("EndpointType", "Softphone")},
}};

// DeviceResource.type values (ListExtensionDevicesParameters lists MobileDevice as well).
EndpointType endpointOfDevice(const QString& deviceType) {
    if (deviceType == u"MobileDevice")
        return EndpointType::Mobile;
    if (deviceType == u"SoftPhone" || deviceType == u"WebPhone" || deviceType == u"WebRTC")
        return EndpointType::Softphone;
    return EndpointType::Device; // HardPhone, OtherPhone, BLA, Paging, Room and types added later
}

int fixedness(EndpointType type) {
    switch (type) {
    case EndpointType::Device:
        return 3;
    case EndpointType::Softphone:
        return 2;
    case EndpointType::Mobile:
        return 1;
    case EndpointType::Virtual:
        return 0;
    }
    return 0;
}

} // namespace

TRUNKLINE_WIRE_ENUM(EndpointType, kEndpointTypes)

EndpointType endpointTypeOfDevices(const QStringList& deviceTypes) {
    EndpointType result = EndpointType::Virtual;
    for (const QString& deviceType : deviceTypes) {
        const EndpointType type = endpointOfDevice(deviceType);
        if (fixedness(type) > fixedness(result))
            result = type;
    }
    return result;
}

} // namespace trunkline::core
