#pragma once

#include "core/PortOrderDetails.h"
#include "core/PortingOrder.h"

#include <QList>
#include <QString>
#include <optional>

namespace trunkline::gui {

// A port order the admin has started in the wizard but not finished, kept in QSettings (one group per
// profile) so that it survives closing the wizard or the app. It holds no secret, only what was typed.
struct PortingDraft {
    QString routeText; // as typed, so a half-typed number comes back as it was
    core::OrderDetails details;
    core::NumberRange block{0, 99};
    QList<core::NumberRange> activationRanges;
    // What the provider made so far: the draft order and the route number's porting phone number on it.
    QString orderId;
    QString portingPhoneNumberId;

    friend bool operator==(const PortingDraft&, const PortingDraft&) = default;

    static std::optional<PortingDraft> load(qint64 profileId);
    void save(qint64 profileId) const;
    static void discard(qint64 profileId);
};

} // namespace trunkline::gui
