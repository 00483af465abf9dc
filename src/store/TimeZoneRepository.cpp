#include "store/TimeZoneRepository.h"

#include "store/Database.h"
#include "store/SqlUtil.h"
#include "store/Transaction.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace trunkline::store {

TimeZoneRepository::TimeZoneRepository(Database& database)
    : m_database(database) {
}

bool TimeZoneRepository::replaceAll(qint64 profileId, const QList<core::TimeZone>& zones, QString* error) {
    // Declared before the transaction so it is released after the rollback (PostgreSQL).
    QSqlQuery query(m_database.connection());
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return sql::fail(error, transaction.error());
    query.prepare(u"DELETE FROM time_zones WHERE profile_id = ?"_s);
    query.addBindValue(profileId);
    if (!query.exec())
        return sql::fail(error, m_database, tr("Cannot replace the time zone list"), query);
    query.prepare(u"INSERT INTO time_zones (profile_id, id, name, description) VALUES (?, ?, ?, ?)"_s);
    for (const core::TimeZone& zone : zones) {
        query.addBindValue(profileId);
        query.addBindValue(zone.id);
        query.addBindValue(zone.name);
        // A null QString binds as NULL; the column holds '' for "no description".
        query.addBindValue(zone.description.isNull() ? u""_s : zone.description);
        if (!query.exec())
            return sql::fail(error, m_database, tr("Cannot save the time zone %1").arg(zone.name), query);
    }
    if (!transaction.commit())
        return sql::fail(error, transaction.error());
    return true;
}

QList<core::TimeZone> TimeZoneRepository::list(qint64 profileId, QString* error) const {
    QList<core::TimeZone> zones;
    QSqlQuery query = sql::preparedQuery(
        m_database, u"SELECT id, name, description FROM time_zones WHERE profile_id = ? ORDER BY name, id"_s,
        {profileId});
    if (!query.exec()) {
        sql::fail(error, m_database, tr("Cannot read the time zone list"), query);
        return zones;
    }
    while (query.next())
        zones.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    return zones;
}

} // namespace trunkline::store
