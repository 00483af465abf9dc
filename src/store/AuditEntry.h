#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace trunkline::store {

// One line of the audit log: who did what to which record. Summaries are written by the caller and
// must never contain secrets.
struct AuditEntry {
    qint64 id = 0;
    QDateTime at;         // set on append when invalid
    qint64 profileId = 0; // 0 = not tied to a profile (e.g. application settings)
    QString profileName;  // copied, so the entry stays readable after the profile is deleted
    // Set by AuditLogRepository::append(), never by the caller: who the store authenticated (the
    // PostgreSQL role, or the OS user for SQLite) and the host the entry came from. Entries written
    // before schema version 9 say "sync" and have no host.
    QString actor;
    QString host;
    QString entity;
    QString entityKey;
    QString action; // "create", "update", "delete", "apply", "pull", ...
    QString summary;
    // For an applied change: the record's values before (the change's base values) and after (what the
    // provider held when read back, else what was sent), for the members it touched; {} otherwise.
    QJsonObject before;
    QJsonObject after;

    friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

} // namespace trunkline::store
