#pragma once

#include "core/TimeZone.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace trunkline::store {

class Database;

// A profile's copy of its provider's time zone list, so the extension form offers the provider's zones
// (and checks against them) without a connection. Replaced whole after each complete fetch.
class TimeZoneRepository {
    Q_DECLARE_TR_FUNCTIONS(TimeZoneRepository)

public:
    explicit TimeZoneRepository(Database& database);

    bool replaceAll(qint64 profileId, const QList<core::TimeZone>& zones, QString* error = nullptr);
    // Sorted by name; empty when the provider has no list or it was never fetched.
    QList<core::TimeZone> list(qint64 profileId, QString* error = nullptr) const;

private:
    Database& m_database;
};

} // namespace trunkline::store
