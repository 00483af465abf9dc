#pragma once

// One row of an extension's forwarding list, as the forwarding model and editor tests write them: a
// positive flip number makes it a CallFlip target as well as a forwarding one, as the provider does.

#include "core/ForwardingNumber.h"

#include <QString>

namespace trunkline::test {

inline core::ForwardingNumber entry(const QString& id, const QString& number, core::ForwardingType type,
                                    int flip, const QString& label = {}) {
    core::ForwardingNumber n;
    n.id = id;
    n.phoneNumber = number;
    n.type = type;
    n.label = label;
    n.flipNumber = flip;
    n.features = core::ForwardingFeatures(core::ForwardingFeature::CallForwarding);
    if (flip > 0)
        n.features |= core::ForwardingFeature::CallFlip;
    return n;
}

} // namespace trunkline::test
