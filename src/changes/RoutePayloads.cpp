#include "changes/RoutePayloads.h"

#include "changes/ChangeBuilders.h"
#include "changes/PayloadMembers.h"

using namespace Qt::StringLiterals;

namespace trunkline::changes {

namespace {

const QString kPhoneNumber = u"phoneNumber"_s;
const QString kOrganizationSid = u"organizationSid"_s;
const QString kPureSip = u"pureSip"_s;

} // namespace

QJsonObject RoutePayloads::routeFields(const core::RouteEntry& entry) {
    return {{kPhoneNumber, entry.phoneNumber},
            {kOrganizationSid, entry.organizationSid},
            {kPureSip, entry.pureSip}};
}

QJsonObject RoutePayloads::routeDifference(const core::RouteEntry& stored, const core::RouteEntry& edited) {
    return PayloadMembers::difference(routeFields(stored), routeFields(edited));
}

core::RouteEntry RoutePayloads::applyRouteFields(core::RouteEntry base, const QJsonObject& payload) {
    if (payload.contains(kPhoneNumber))
        base.phoneNumber = payload.value(kPhoneNumber).toString();
    if (payload.contains(kOrganizationSid))
        base.organizationSid = payload.value(kOrganizationSid).toString();
    if (payload.contains(kPureSip))
        base.pureSip = payload.value(kPureSip).toBool();
    return base;
}

store::PendingChange RoutePayloads::routeCreate(qint64 profileId, const core::RouteEntry& entry) {
    return ChangeBuilders::create(profileId, kEntity, ChangeBuilders::createKey(entry.id, entry.phoneNumber),
                                  routeFields(entry));
}

store::PendingChange RoutePayloads::routeUpdate(qint64 profileId, const core::RouteEntry& stored,
                                                const core::RouteEntry& edited, const QString& baseVersion) {
    return ChangeBuilders::update(profileId, kEntity, stored.id, routeDifference(stored, edited),
                                  routeFields(stored), baseVersion);
}

store::PendingChange RoutePayloads::routeDelete(qint64 profileId, const core::RouteEntry& stored,
                                                const QString& baseVersion) {
    return ChangeBuilders::remove(profileId, kEntity, stored.id, routeFields(stored), baseVersion);
}

} // namespace trunkline::changes
