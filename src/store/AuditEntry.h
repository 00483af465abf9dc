#pragma once

#include <QDateTime>
#include <QString>

namespace trunkline::store {

// One line of the audit log: who did what to which record. Summaries are written by the caller and
// must never contain secrets.
struct AuditEntry {
    qint64 id = 0;
    QDateTime at;         // set on append when invalid
    qint64 profileId = 0; // 0 = not tied to a profile (e.g. application settings)
    QString profileName;  // copied, so the entry stays readable after the profile is deleted
    QString actor;        // OS user name or "sync"
    QString entity;
    QString entityKey;
    QString action; // "create", "update", "delete", "apply", "pull", ...
    QString summary;

    friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

} // namespace trunkline::store
