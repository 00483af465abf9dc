#include "changes/ChangeBuilders.h"

#include "changes/PayloadMembers.h"

using namespace Qt::StringLiterals;

namespace trunkline::changes::ChangeBuilders {

namespace {

store::PendingChange blank(qint64 profileId, const QString& entity, const QString& entityKey,
                           store::ChangeOperation operation) {
    store::PendingChange change;
    change.profileId = profileId;
    change.entity = entity;
    change.entityKey = entityKey;
    change.operation = operation;
    return change;
}

} // namespace

QString createKey(const QString& id, const QString& naturalKey) {
    return id.isEmpty() ? u"new:"_s + naturalKey : id;
}

store::PendingChange create(qint64 profileId, const QString& entity, const QString& entityKey,
                            const QJsonObject& payload) {
    store::PendingChange created = blank(profileId, entity, entityKey, store::ChangeOperation::Create);
    created.payload = payload;
    return created;
}

store::PendingChange update(qint64 profileId, const QString& entity, const QString& entityKey,
                            const QJsonObject& payload, const QJsonObject& storedFields,
                            const QString& baseVersion) {
    store::PendingChange updated = blank(profileId, entity, entityKey, store::ChangeOperation::Update);
    updated.payload = payload;
    updated.baseValues = PayloadMembers::membersOf(storedFields, payload);
    updated.baseVersion = baseVersion;
    return updated;
}

store::PendingChange remove(qint64 profileId, const QString& entity, const QString& entityKey,
                            const QJsonObject& storedFields, const QString& baseVersion) {
    store::PendingChange removed = blank(profileId, entity, entityKey, store::ChangeOperation::Delete);
    removed.baseValues = storedFields;
    removed.baseVersion = baseVersion;
    return removed;
}

} // namespace trunkline::changes::ChangeBuilders
