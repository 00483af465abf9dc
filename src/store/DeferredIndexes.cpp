#include "store/DeferredIndexes.h"

#include "store/Database.h"
#include "store/SqlUtil.h"
#include "store/Transaction.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

// Kept through a load: the table's key (which the upserts need), the number index behind the console's
// default sort (its first rows appear while the load runs, docs/performance.md), and the extension
// index behind the Extensions page's count of numbers per extension, which would otherwise read the
// whole table once for every extension shown.
const QStringList& keptIndexes() {
    static const QStringList kept{u"phone_numbers_sorted_by_e164"_s, u"phone_numbers_by_extension"_s};
    return kept;
}

// An index name as an SQL identifier. Names come from sqlite_master, the database's own schema, since
// identifiers cannot be bound.
QString quotedName(const QString& name) {
    return u"\""_s + QString(name).replace(u"\""_s, u"\"\""_s) + u"\""_s;
}

} // namespace

DeferredIndexes::DeferredIndexes(Database& database)
    : m_database(database) {
}

int DeferredIndexes::deferForEmptyNumbers(QString* error) {
    if (m_database.isPostgres())
        return 0;
    const auto failed = [this, error](const QString& what, const QSqlQuery& query) {
        sql::fail(error, m_database, what, query);
        return -1;
    };
    Transaction transaction(m_database);
    if (!transaction.isActive()) {
        sql::fail(error, transaction.error());
        return -1;
    }
    QSqlQuery anyRow(m_database.connection());
    if (!anyRow.exec(u"SELECT 1 FROM phone_numbers LIMIT 1"_s))
        return failed(tr("Cannot read the phone numbers"), anyRow);
    if (anyRow.next())
        return 0;
    anyRow.finish();

    QSqlQuery indexes = sql::preparedQuery(
        m_database,
        u"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'phone_numbers' "
        u"AND sql IS NOT NULL AND name NOT IN (?, ?) ORDER BY name"_s,
        {keptIndexes().at(0), keptIndexes().at(1)});
    if (!indexes.exec())
        return failed(tr("Cannot read the indexes of the phone numbers"), indexes);
    QList<std::pair<QString, QString>> definitions;
    while (indexes.next())
        definitions.append({indexes.value(0).toString(), indexes.value(1).toString()});
    indexes.finish();

    for (const auto& [name, definition] : std::as_const(definitions)) {
        QSqlQuery keep =
            sql::preparedQuery(m_database, u"INSERT INTO deferred_indexes (name, definition) VALUES (?, ?)"_s,
                               {name, definition});
        if (!keep.exec())
            return failed(tr("Cannot defer the index %1").arg(name), keep);
        QSqlQuery drop(m_database.connection());
        if (!drop.exec(u"DROP INDEX "_s + quotedName(name)))
            return failed(tr("Cannot defer the index %1").arg(name), drop);
    }
    if (!transaction.commit()) {
        sql::fail(error, transaction.error());
        return -1;
    }
    return static_cast<int>(definitions.size());
}

QStringList DeferredIndexes::pending(QString* error) const {
    if (m_database.isPostgres())
        return {};
    // A database from before schema v15 (or a new file) has none.
    QSqlQuery table(m_database.connection());
    if (!table.exec(u"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deferred_indexes'"_s)) {
        sql::fail(error, m_database, tr("Cannot read the deferred indexes"), table);
        return {};
    }
    if (!table.next())
        return {};
    table.finish();
    QSqlQuery query =
        sql::preparedQuery(m_database, u"SELECT name FROM deferred_indexes ORDER BY rowid"_s, {});
    return sql::readRows(
        m_database, query, [](const QSqlQuery& row) { return row.value(0).toString(); },
        tr("Cannot read the deferred indexes"), error);
}

bool DeferredIndexes::build(const QString& name, QString* error) {
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return sql::fail(error, transaction.error());
    QSqlQuery definition =
        sql::preparedQuery(m_database, u"SELECT definition FROM deferred_indexes WHERE name = ?"_s, {name});
    const QString what = tr("Cannot build the index %1").arg(name);
    if (!definition.exec())
        return sql::fail(error, m_database, what, definition);
    if (!definition.next())
        return true; // built by another connection
    const QString statement = definition.value(0).toString();
    definition.finish();

    QSqlQuery exists = sql::preparedQuery(
        m_database, u"SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"_s, {name});
    if (!exists.exec())
        return sql::fail(error, m_database, what, exists);
    const bool alreadyThere = exists.next();
    exists.finish();
    if (!alreadyThere) {
        QSqlQuery create(m_database.connection());
        if (!create.exec(statement))
            return sql::fail(error, m_database, what, create);
    }
    QSqlQuery forget =
        sql::preparedQuery(m_database, u"DELETE FROM deferred_indexes WHERE name = ?"_s, {name});
    if (!forget.exec())
        return sql::fail(error, m_database, what, forget);
    return transaction.commit() || sql::fail(error, transaction.error());
}

bool DeferredIndexes::buildAll(QString* error) {
    QString readError;
    const QStringList names = pending(&readError);
    if (!readError.isEmpty())
        return sql::fail(error, readError);
    for (const QString& name : names) {
        if (!build(name, error))
            return false;
    }
    return true;
}

} // namespace trunkline::store
