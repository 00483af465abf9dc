#pragma once

#include "core/WireEnum.h"

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace trunkline::core {

// RingCentral ForwardingPhoneNumberTypeEnum.
enum class ForwardingType {
    Home,
    Mobile,
    Work,
    PhoneLine,
    Outage,
    Other,
    BusinessMobilePhone,
    ExtensionApps,
};

enum class ForwardingFeature : unsigned {
    CallForwarding = 0x1,
    CallFlip = 0x2,
};
Q_DECLARE_FLAGS(ForwardingFeatures, ForwardingFeature)
Q_DECLARE_OPERATORS_FOR_FLAGS(ForwardingFeatures)

// One entry of an extension's forwarding / call-flip list (RingCentral ForwardingNumberInfo).
struct ForwardingNumber {
    QString id;
    QString phoneNumber; // E.164; empty for PhoneLine entries (those name a device instead)
    QString label;       // ≤ 60 chars, only honoured for type Other
    ForwardingType type = ForwardingType::Other;
    ForwardingFeatures features = ForwardingFeature::CallForwarding;
    int flipNumber = 0; // 0 = not in the flip list; else the shortcut digit 1..n
    QString deviceId;   // device.id, required for PhoneLine

    friend bool operator==(const ForwardingNumber&, const ForwardingNumber&) = default;
};

} // namespace trunkline::core
