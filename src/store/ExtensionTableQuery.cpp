#include "store/ExtensionTableQuery.h"

#include "store/Database.h"
#include "store/ExtensionRepository.h"
#include "store/SqlUtil.h"

#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

QString sortExpression(ExtensionSortKey key) {
    switch (key) {
    case ExtensionSortKey::Number:
        return u"x.extension_number"_s;
    case ExtensionSortKey::Name:
        return u"x.name"_s;
    case ExtensionSortKey::Type:
        return u"x.type"_s;
    case ExtensionSortKey::Status:
        return u"x.status"_s;
    case ExtensionSortKey::Email:
        return u"x.email"_s;
    case ExtensionSortKey::Department:
        return u"x.department"_s;
    case ExtensionSortKey::TimeZone:
        return u"x.time_zone"_s;
    case ExtensionSortKey::EndpointType:
        return u"COALESCE(x.endpoint_type, '')"_s; // not read yet sorts first
    }
    return u"x.extension_number"_s;
}

sql::Where whereFor(const ExtensionTableFilter& filter) {
    sql::Where w = ExtensionRepository::whereOf({filter.type, filter.status, filter.text}, u"x"_s);
    if (filter.profileId)
        w.add(u"x.profile_id = ?"_s, {*filter.profileId});
    if (filter.endpointType)
        w.add(u"x.endpoint_type = ?"_s, {core::toWire(*filter.endpointType)});
    return w;
}

} // namespace

ExtensionTableQuery::ExtensionTableQuery(Database& database)
    : m_database(database) {
}

ExtensionPageKey ExtensionTableQuery::keyOf(const ExtensionRow& row) {
    return {row.sortValue, row.profileId, row.extension.id};
}

qint64 ExtensionTableQuery::count(const ExtensionTableFilter& filter, QString* error) const {
    const sql::Where w = whereFor(filter);
    return sql::countRows(m_database, u"SELECT COUNT(*) FROM extensions x"_s + w.sql(), w.values,
                          tr("Cannot count the extensions"), error);
}

QList<ExtensionRow> ExtensionTableQuery::page(const ExtensionTableFilter& filter, ExtensionSortKey sortKey,
                                              Qt::SortOrder order,
                                              const std::optional<ExtensionPageKey>& after, int limit,
                                              QString* error) const {
    const sql::KeysetOrder keyset{sortExpression(sortKey), u"x"_s, order == Qt::AscendingOrder};
    const QString select =
        u"SELECT x.profile_id, x.id, x.extension_number, x.name, x.type, x.status, x.email, x.department, "
        u"x.time_zone, x.is_admin, x.version, %1, "
        u"(SELECT COUNT(*) FROM phone_numbers n WHERE n.profile_id = x.profile_id AND n.extension_id = "
        u"x.id), "
        u"x.endpoint_type FROM extensions x"_s.arg(keyset.sortBy);
    QSqlQuery query = keyset.pageQuery(m_database, select, whereFor(filter), after, limit);
    const auto fromRow = [](const QSqlQuery& q) {
        ExtensionRow row;
        row.profileId = q.value(0).toLongLong();
        core::Extension& x = row.extension;
        x.id = q.value(1).toString();
        x.extensionNumber = q.value(2).toString();
        x.name = q.value(3).toString();
        x.type =
            core::fromWire<core::ExtensionType>(q.value(4).toString()).value_or(core::ExtensionType::Unknown);
        x.status = core::fromWire<core::ExtensionStatus>(q.value(5).toString())
                       .value_or(core::ExtensionStatus::Enabled);
        x.contact.email = q.value(6).toString();
        x.contact.department = q.value(7).toString();
        x.timeZone = q.value(8).toString();
        x.admin = q.value(9).toInt() != 0;
        row.version = q.value(10).toString();
        row.sortValue = q.value(11).toString();
        row.numberCount = q.value(12).toInt();
        if (!q.value(13).isNull())
            row.endpointType = core::fromWire<core::EndpointType>(q.value(13).toString());
        return row;
    };
    return sql::readRows(m_database, query, fromRow, tr("Cannot read the extensions"), error);
}

} // namespace trunkline::store
