#include "changes/RoutePayloads.h"

#include "changes/PayloadMembers.h"

using namespace Qt::StringLiterals;

namespace trunkline::changes {

namespace {

const QString kPhoneNumber = u"phoneNumber"_s;
const QString kOrganizationSid = u"organizationSid"_s;
const QString kPureSip = u"pureSip"_s;

store::PendingChange routeChange(qint64 profileId, const QString& key, store::ChangeOperation operation) {
    store::PendingChange change;
    change.profileId = profileId;
    change.entity = RoutePayloads::kEntity;
    change.entityKey = key;
    change.operation = operation;
    return change;
}

} // namespace

QJsonObject RoutePayloads::routeFields(const core::RouteEntry& entry) {
    return {{kPhoneNumber, entry.phoneNumber},
            {kOrganizationSid, entry.organizationSid},
            {kPureSip, entry.pureSip}};
}

QJsonObject RoutePayloads::routeDifference(const core::RouteEntry& stored, const core::RouteEntry& edited) {
    const QJsonObject before = routeFields(stored);
    const QJsonObject after = routeFields(edited);
    QJsonObject payload;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (before.value(it.key()) != it.value())
            payload.insert(it.key(), it.value());
    }
    return payload;
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
    store::PendingChange change =
        routeChange(profileId, entry.id.isEmpty() ? u"new:"_s + entry.phoneNumber : entry.id,
                    store::ChangeOperation::Create);
    change.payload = routeFields(entry);
    return change;
}

store::PendingChange RoutePayloads::routeUpdate(qint64 profileId, const core::RouteEntry& stored,
                                                const core::RouteEntry& edited, const QString& baseVersion) {
    store::PendingChange change = routeChange(profileId, stored.id, store::ChangeOperation::Update);
    change.payload = routeDifference(stored, edited);
    change.baseValues = PayloadMembers::membersOf(routeFields(stored), change.payload);
    change.baseVersion = baseVersion;
    return change;
}

store::PendingChange RoutePayloads::routeDelete(qint64 profileId, const core::RouteEntry& stored,
                                                const QString& baseVersion) {
    store::PendingChange change = routeChange(profileId, stored.id, store::ChangeOperation::Delete);
    change.baseValues = routeFields(stored);
    change.baseVersion = baseVersion;
    return change;
}

} // namespace trunkline::changes
