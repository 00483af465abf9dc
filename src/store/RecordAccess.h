#pragma once

#include "store/Database.h"
#include "store/SqlUtil.h"

#include <QSqlError>
#include <QSqlQuery>
#include <functional>

namespace trunkline::store {

// The shared half of the repositories for provider records keyed by (profile_id, id): batch upsert,
// "remove what the provider no longer has", lookups and filtered lists. A repository supplies how one
// record maps to the columns of its table (in RecordTable::columns order) and back.
template <class Record>
class RecordAccess {
public:
    using ToValues = QVariantList (*)(const Record&);
    using FromRow = Record (*)(const QSqlQuery&);

    RecordAccess(Database& database, sql::RecordTable table, ToValues toValues, FromRow fromRow,
                 QString orderBy)
        : m_database(database)
        , m_table(std::move(table))
        , m_toValues(toValues)
        , m_fromRow(fromRow)
        , m_orderBy(std::move(orderBy)) {}

    QString versionOf(const Record& record) const { return sql::fingerprint(m_toValues(record)); }

    bool upsert(qint64 profileId, const QList<Record>& records, QString* error = nullptr,
                const std::function<QString(const Record&)>& version = {}) const {
        QList<QVariantList> rows;
        QStringList versions;
        rows.reserve(records.size());
        versions.reserve(records.size());
        for (const Record& record : records) {
            rows << m_toValues(record);
            versions << (version ? version(record) : sql::fingerprint(rows.constLast()));
        }
        return sql::upsertRows(m_database, m_table, profileId, rows, versions, error);
    }

    bool removeAllExcept(qint64 profileId, const QStringList& keptIds, QString* error = nullptr,
                         int* removed = nullptr) const {
        return sql::removeAllExcept(m_database, m_table, profileId, keptIds, error, removed);
    }

    bool remove(qint64 profileId, const QString& id, QString* error = nullptr) const {
        return sql::removeRow(m_database, m_table, profileId, id, error);
    }

    std::optional<RecordState> state(qint64 profileId, const QString& id, QString* error = nullptr) const {
        return sql::recordState(m_database, m_table, profileId, id, error);
    }

    std::optional<Record> find(qint64 profileId, const QString& id, QString* error = nullptr) const {
        const QList<Record> found = select(profileId, {{QStringLiteral("id = ?")}, {id}}, error);
        if (found.isEmpty()) {
            return std::nullopt;
        }
        return found.constFirst();
    }

    // The profile's records that meet every condition of `where`.
    QList<Record> select(qint64 profileId, const sql::Where& where, QString* error,
                         const Page& page = {}) const {
        // The order ends in the key, so pages never overlap or skip rows with equal sort values.
        const sql::Where all = profileWhere(profileId, where);
        QString statement = m_table.selectSql() + all.sql() + QLatin1String(" ORDER BY ") + m_orderBy;
        QVariantList values = all.values;
        if (page.limit >= 0) {
            statement += QLatin1String(" LIMIT ? OFFSET ?");
            values << page.limit << qMax(0, page.offset);
        }
        QSqlQuery query = sql::preparedQuery(m_database, statement, values);
        return sql::readRows(
            m_database, query, m_fromRow,
            QCoreApplication::translate("Repository", "Cannot read %1").arg(m_table.nounText()), error);
    }

    // Calls `each` with every record of the profile and its sync state, in list order, one row at a time
    // (a forward-only query), so that memory does not grow with the table: exports of a million rows.
    // False (with *error) when the rows cannot be read; also false, without an error, when `each` stops
    // the walk by returning false.
    bool forEach(qint64 profileId, const std::function<bool(const Record&, const RecordState&)>& each,
                 QString* error = nullptr) const {
        const int stateColumn = static_cast<int>(m_table.columns.size());
        QSqlQuery query =
            sql::preparedQuery(m_database,
                               QLatin1String("SELECT ") + m_table.columns.join(QLatin1String(", ")) +
                                   QLatin1String(", version, synced_at FROM ") + m_table.table +
                                   QLatin1String(" WHERE profile_id = ? ORDER BY ") + m_orderBy,
                               {profileId});
        if (!query.exec()) {
            return sql::fail(
                error, m_database,
                QCoreApplication::translate("Repository", "Cannot read %1").arg(m_table.nounText()), query);
        }
        while (query.next()) {
            const RecordState state{query.value(stateColumn).toString(),
                                    sql::toDateTime(query.value(stateColumn + 1))};
            if (!each(m_fromRow(query), state))
                return false;
        }
        // next() also ends on an error (PostgreSQL drops a forward-only result when another query runs
        // on the connection meanwhile): a cut-short list must not pass for the whole one.
        if (query.lastError().isValid()) {
            return sql::fail(
                error, m_database,
                QCoreApplication::translate("Repository", "Cannot read %1").arg(m_table.nounText()), query);
        }
        return true;
    }

    // -1 (with *error) when the count cannot be read.
    int count(qint64 profileId, const sql::Where& where, QString* error) const {
        const sql::Where all = profileWhere(profileId, where);
        return static_cast<int>(sql::countRows(
            m_database, QLatin1String("SELECT count(*) FROM ") + m_table.table + all.sql(), all.values,
            QCoreApplication::translate("Repository", "Cannot read %1").arg(m_table.nounText()), error));
    }

    Database& database() const { return m_database; }
    const sql::RecordTable& table() const { return m_table; }

private:
    // The profile's rows, narrowed by `where` (each of its conditions in brackets).
    static sql::Where profileWhere(qint64 profileId, const sql::Where& where) {
        sql::Where all{{QStringLiteral("profile_id = ?")}, {profileId}};
        for (const QString& condition : where.conditions) {
            all.conditions << QLatin1Char('(') + condition + QLatin1Char(')');
        }
        all.values << where.values;
        return all;
    }

    Database& m_database;
    sql::RecordTable m_table;
    ToValues m_toValues;
    FromRow m_fromRow;
    QString m_orderBy;
};

} // namespace trunkline::store
