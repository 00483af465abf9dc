#include "store/AuditLogRepository.h"

#include "store/Database.h"
#include "store/SqlUtil.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace trunkline::store {

AuditLogRepository::AuditLogRepository(Database& database)
    : m_database(database) {
}

bool AuditLogRepository::append(AuditEntry& entry, QString* error) {
    if (entry.entity.isEmpty() || entry.action.isEmpty()) {
        return sql::fail(error, tr("An audit entry needs an entity and an action."));
    }
    // Whatever the caller put there: the log names who the store authenticated, not a label.
    entry.actor = m_database.sessionUser();
    entry.host = m_database.clientHost();
    const QDateTime at =
        sql::toDateTime(sql::toText(entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc()));
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"INSERT INTO audit_log (at, profile_id, profile_name, actor, host, entity, entity_key, action, "
        u"summary, before_values, after_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
        {sql::toText(at), entry.profileId == 0 ? QVariant() : QVariant(entry.profileId),
         sql::notNull(entry.profileName), sql::notNull(entry.actor), sql::notNull(entry.host), entry.entity,
         sql::notNull(entry.entityKey), entry.action, sql::notNull(entry.summary),
         sql::jsonText(entry.before), sql::jsonText(entry.after)});
    if (!query.exec() || !query.next()) {
        return sql::fail(error, m_database, tr("Cannot write the audit log"), query);
    }
    entry.id = query.value(0).toLongLong();
    entry.at = at;
    return true;
}

QList<AuditEntry> AuditLogRepository::list(std::optional<qint64> profileId, int limit, QString* error) const {
    AuditFilter filter;
    filter.profileId = profileId;
    return list(filter, limit, error);
}

QList<AuditEntry> AuditLogRepository::list(const AuditFilter& filter, int limit, QString* error) const {
    sql::Where where;
    if (filter.profileId)
        where.add(u"profile_id = ?"_s, {*filter.profileId});
    // Times are stored as ISO 8601 UTC text, which sorts as the times do.
    if (filter.since.isValid())
        where.add(u"at >= ?"_s, {sql::toText(filter.since)});
    if (filter.until.isValid())
        where.add(u"at < ?"_s, {sql::toText(filter.until)});
    if (!filter.entity.isEmpty())
        where.add(u"entity = ?"_s, {filter.entity});
    where.addContains({u"LOWER(COALESCE(entity_key, ''))"_s}, filter.recordKey);
    where.addContains({u"LOWER(COALESCE(entity_key, ''))"_s, u"LOWER(COALESCE(entity, ''))"_s,
                       u"LOWER(COALESCE(summary, ''))"_s, u"LOWER(COALESCE(actor, ''))"_s,
                       u"LOWER(COALESCE(host, ''))"_s},
                      filter.text);
    where.values << qMax(0, limit);
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"SELECT id, at, profile_id, profile_name, actor, entity, entity_key, action, summary, host, "
        u"before_values, after_values FROM audit_log"_s +
            where.sql() + " ORDER BY id DESC LIMIT ?"_L1,
        where.values);
    const auto fromRow = [](const QSqlQuery& q) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = sql::toDateTime(q.value(1));
        e.profileId = q.value(2).isNull() ? 0 : q.value(2).toLongLong();
        e.profileName = q.value(3).toString();
        e.actor = q.value(4).toString();
        e.entity = q.value(5).toString();
        e.entityKey = q.value(6).toString();
        e.action = q.value(7).toString();
        e.summary = q.value(8).toString();
        e.host = q.value(9).toString();
        e.before = sql::jsonObject(q.value(10));
        e.after = sql::jsonObject(q.value(11));
        return e;
    };
    return sql::readRows(m_database, query, fromRow, tr("Cannot read the audit log"), error);
}

} // namespace trunkline::store
