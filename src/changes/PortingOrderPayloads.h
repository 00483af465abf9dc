#pragma once

#include "changes/EntityKind.h"
#include "core/PortingOrder.h"
#include "store/PendingChange.h"

#include <QJsonObject>

namespace trunkline::changes {

// Pending changes of Telnyx porting orders (entity "porting_order", entityKey = the order's id). No page
// edits orders yet and no pusher applies them; the format is fixed here so that both can be added
// without a second way of staging:
//   Update: the changed members among {"customerReference": "...", "focDatetimeRequested": ISO 8601 UTC
//   or null}; baseVersion = store::PortingRepository::versionOf(stored order).
//   Delete (cancel the order): payload {}; baseValues every editable member.
class PortingOrderPayloads {
public:
    static inline const QString& kEntity = EntityKind::kPortingOrder;

    static QJsonObject orderFields(const core::PortingOrder& order); // every editable member
    static QJsonObject orderDifference(const core::PortingOrder& stored, const core::PortingOrder& edited);
    static core::PortingOrder applyOrderFields(core::PortingOrder base, const QJsonObject& payload);

    static store::PendingChange orderUpdate(qint64 profileId, const core::PortingOrder& stored,
                                            const core::PortingOrder& edited, const QString& baseVersion);
    static store::PendingChange orderCancel(qint64 profileId, const core::PortingOrder& stored,
                                            const QString& baseVersion);
};

} // namespace trunkline::changes
