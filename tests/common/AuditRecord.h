#pragma once

// An audit log entry as the tests write them: the profile it belongs to (its id, and its name as the log
// keeps it), the record it is about (entity and key), what was done and the line the log shows. The
// store sets who wrote it and from where on append.

#include "store/AuditEntry.h"

#include <QString>

namespace trunkline::test {

inline store::AuditEntry auditEntry(qint64 profileId, const QString& profileName, const QString& entity,
                                    const QString& entityKey, const QString& action, const QString& summary) {
    store::AuditEntry entry;
    entry.profileId = profileId;
    entry.profileName = profileName;
    entry.entity = entity;
    entry.entityKey = entityKey;
    entry.action = action;
    entry.summary = summary;
    return entry;
}

} // namespace trunkline::test
