#pragma once

#include "store/AuditEntry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <optional>

namespace trunkline::store {

class Database;

// Which entries to list; every part that is set must hold.
struct AuditFilter {
    std::optional<qint64> profileId;
    QDateTime since; // from this time on; invalid = from the first entry
    QDateTime until; // before this time; invalid = up to now
    // Found in the record (kind or key), the summary, who or from where; case-insensitive; empty = any.
    QString text;
    // The record: its kind exactly ("extension", "phone_number", ...; empty = any) and a part of its key
    // (the record's id at the provider; case-insensitive; empty = any).
    QString entity;
    QString recordKey;
};

// Append-only: there is no update or delete.
class AuditLogRepository {
    Q_DECLARE_TR_FUNCTIONS(AuditLogRepository)

public:
    explicit AuditLogRepository(Database& database);

    bool append(AuditEntry& entry, QString* error = nullptr);
    // Newest first, at most `limit` entries; a profile id narrows to that profile.
    QList<AuditEntry> list(std::optional<qint64> profileId = {}, int limit = 1000,
                           QString* error = nullptr) const;
    // The same for the entries that meet `filter`.
    QList<AuditEntry> list(const AuditFilter& filter, int limit, QString* error = nullptr) const;

private:
    Database& m_database;
};

} // namespace trunkline::store
