#pragma once

#include "changes/EntityKind.h"
#include "core/RouteMatcher.h"
#include "store/PendingChange.h"

#include <QJsonObject>

namespace trunkline::changes {

// Pending changes of Restcomm routing entries (entity "route": which number or SIP pattern answers,
// core::RouteEntry), entityKey = the entry's id (the number's sid; a create: "new:<phoneNumber>"). No
// page edits routes yet and no pusher applies them; the format is fixed here so that both can be added
// without a second way of staging:
//   {"phoneNumber": "+1650..." or a pattern, "organizationSid": "...", "pureSip": bool}
//   Update carries the changed members; create all of them; delete {} (baseValues all of them).
class RoutePayloads {
public:
    static inline const QString& kEntity = EntityKind::kRoute;

    static QJsonObject routeFields(const core::RouteEntry& entry); // every editable member
    static QJsonObject routeDifference(const core::RouteEntry& stored, const core::RouteEntry& edited);
    static core::RouteEntry applyRouteFields(core::RouteEntry base, const QJsonObject& payload);

    static store::PendingChange routeCreate(qint64 profileId, const core::RouteEntry& entry);
    static store::PendingChange routeUpdate(qint64 profileId, const core::RouteEntry& stored,
                                            const core::RouteEntry& edited, const QString& baseVersion);
    static store::PendingChange routeDelete(qint64 profileId, const core::RouteEntry& stored,
                                            const QString& baseVersion);
};

} // namespace trunkline::changes
