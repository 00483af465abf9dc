#pragma once

#include "store/AuditEntry.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

namespace trunkline::store {

class Database;

// Append-only: there is no update or delete.
class AuditLogRepository {
    Q_DECLARE_TR_FUNCTIONS(AuditLogRepository)

public:
    explicit AuditLogRepository(Database& database);

    bool append(AuditEntry& entry, QString* error = nullptr);
    // Newest first, at most `limit` entries; a profile id narrows to that profile.
    QList<AuditEntry> list(std::optional<qint64> profileId = {}, int limit = 1000,
                           QString* error = nullptr) const;

private:
    Database& m_database;
};

} // namespace trunkline::store
