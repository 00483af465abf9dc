#pragma once

#include "store/PendingChange.h"

#include <QJsonObject>

namespace trunkline::changes {

// The three shapes of pending change every payload class builds, so that each class says only what is
// its own: the entity, the key and what the payload carries. An update's and a delete's baseValues are
// the members of the stored record's fields that the payload names (a delete: all of them).
namespace ChangeBuilders {

// The entity key of a create: the record's id when it has one, else "new:<naturalKey>" (a local key the
// admin never sees at the provider).
QString createKey(const QString& id, const QString& naturalKey);

store::PendingChange create(qint64 profileId, const QString& entity, const QString& entityKey,
                            const QJsonObject& payload);
store::PendingChange update(qint64 profileId, const QString& entity, const QString& entityKey,
                            const QJsonObject& payload, const QJsonObject& storedFields,
                            const QString& baseVersion);
store::PendingChange remove(qint64 profileId, const QString& entity, const QString& entityKey,
                            const QJsonObject& storedFields, const QString& baseVersion);

} // namespace ChangeBuilders

} // namespace trunkline::changes
