#pragma once

#include "store/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>
#include <type_traits>
#include <utility>

namespace trunkline::store {

// When a row was last confirmed by the provider and which content it had then.
struct RecordState {
    QString version;
    QDateTime syncedAt;

    friend bool operator==(const RecordState&, const RecordState&) = default;
};

// A window of a long list for lazy models: `limit` rows from `offset`; a negative limit means all.
struct Page {
    int offset = 0;
    int limit = -1;
};

// Where the next keyset page of a table query starts: just after the row with these values of the sort
// key, profile and id (see sql::KeysetOrder).
struct PageKey {
    QString sortValue;
    qint64 profileId = 0;
    QString id;
};

// Small helpers shared by the repositories; internal to src/store.
namespace sql {

// Times are stored as ISO 8601 UTC text with milliseconds: sortable, engine-neutral, readable.
QVariant toText(const QDateTime& time);
QDateTime toDateTime(const QVariant& value);

// JSON objects (payloads, audit snapshots) are stored as compact JSON text; text that holds no object reads
// as an empty one.
QString jsonText(const QJsonObject& object);
QJsonObject jsonObject(const QVariant& value);

// Domain structs leave strings null for "empty"; NOT NULL columns need "" bound instead.
QString notNull(const QString& text);

// A list of short wire words ("CallerId,SmsSender") in one column; the words never hold commas.
QString joinWords(const QStringList& words);
QStringList splitWords(const QString& text);

// A record's version is a fingerprint of the content the provider last sent, so a pending change
// can later tell whether the provider's copy moved under it (UNCONFIRMED upstream: RingCentral has
// no per-record ETag, so Trunkline does not rely on one for any provider).
QString fingerprint(const QVariantList& values);

// One table of provider records keyed by (profile_id, id): the first of `columns` is "id".
struct RecordTable {
    QString table;
    QStringList columns;
    const char* noun; // QT_TRANSLATE_NOOP("Repository", ...), plural, for messages

    QString nounText() const;

    QString selectSql() const; // "SELECT id, ... FROM table"
};

// Inserts or replaces rows in one transaction, stamping version and synced_at. `rows` hold the
// values in `columns` order; `versions` one fingerprint per row.
bool upsertRows(Database& database, const RecordTable& table, qint64 profileId,
                const QList<QVariantList>& rows, const QStringList& versions, QString* error);
bool removeAllExcept(Database& database, const RecordTable& table, qint64 profileId,
                     const QStringList& keptIds, QString* error, int* removed);
bool removeRow(Database& database, const RecordTable& table, qint64 profileId, const QString& id,
               QString* error);
std::optional<RecordState> recordState(Database& database, const RecordTable& table, qint64 profileId,
                                       const QString& id, QString* error);

// Sets *error to "<what> in <database>: <driver text>" and returns false.
bool fail(QString* error, const Database& database, const QString& what, const QSqlQuery& query);
bool fail(QString* error, const QString& message);

// Runs a prepared SELECT and decodes each row with `fromRow`: the rows, or none with *error set to
// "<what> in <database>: <driver text>".
template <class FromRow>
auto readRows(const Database& database, QSqlQuery& query, FromRow fromRow, const QString& what,
              QString* error) -> QList<std::invoke_result_t<FromRow, const QSqlQuery&>> {
    QList<std::invoke_result_t<FromRow, const QSqlQuery&>> rows;
    if (!query.exec()) {
        fail(error, database, what, query);
        return rows;
    }
    while (query.next()) {
        rows << fromRow(std::as_const(query));
    }
    return rows;
}

// The first row of a prepared SELECT decoded with `fromRow`; none when there is no row, or when the
// statement fails, with *error set as readRows() sets it.
template <class FromRow>
auto readFirst(const Database& database, QSqlQuery& query, FromRow fromRow, const QString& what,
               QString* error) -> std::optional<std::invoke_result_t<FromRow, const QSqlQuery&>> {
    if (!query.exec()) {
        fail(error, database, what, query);
        return std::nullopt;
    }
    if (!query.next()) {
        return std::nullopt;
    }
    return fromRow(std::as_const(query));
}

// The conditions of a filtered read, all of which must hold; `values` bind their ? placeholders in order.
struct Where {
    QStringList conditions;
    QVariantList values;

    // Adds a condition with the values of its ? placeholders, in order.
    void add(const QString& condition, const QVariantList& conditionValues);
    // Adds "one of `expressions` contains `text`" (LIKE with the text's wildcards escaped), the text
    // trimmed and lower-cased: an expression that is to match regardless of case must be lower-cased too
    // (LOWER(...)), since PostgreSQL's LIKE is case-sensitive and SQLite's only for ASCII. Adds nothing
    // and returns false when the text is blank.
    bool addContains(const QStringList& expressions, const QString& text);
    QString sql() const; // " WHERE a AND b", or "" without conditions
};

// A forward-only query on the database's connection, prepared with `statement` and bound to `values`
// in order, ready to exec().
QSqlQuery preparedQuery(const Database& database, const QString& statement, const QVariantList& values);
// For each extension of the profile with rows in `table` (a table with extension_id and synced_at
// columns), the newest synced_at of its rows, in one grouped query; empty when unreadable.
QHash<QString, QDateTime> latestSyncTimesByExtension(const Database& database, const QString& table,
                                                     qint64 profileId);

// Runs the INSERT, UPDATE or DELETE `statement` bound to `values` on the connection's reused prepared
// statement (Database::reusedStatement). False with *error set to "<what()> in <database>: <driver
// text>"; `what` is only called then, so that a write that succeeds builds no message.
template <class What>
bool execWrite(const Database& database, const QString& statement, const QVariantList& values,
               const What& what, QString* error) {
    QSqlQuery& query = database.reusedStatement(statement);
    for (qsizetype i = 0; i < values.size(); ++i) {
        query.bindValue(static_cast<int>(i), values.at(i));
    }
    const bool ran = query.exec() || fail(error, database, what(), query);
    query.finish(); // a statement kept for reuse must not hold its result (or, on SQLite, a read snapshot)
    return ran;
}

// The first column of the first row of the SELECT `statement` bound to `values`. A null QVariant when the
// column is NULL or there is no row, and when the statement fails, then with *error set to "<what> in
// <database>: <driver text>".
QVariant readValue(const Database& database, const QString& statement, const QVariantList& values,
                   const QString& what, QString* error);

// Runs a SELECT COUNT(*) statement bound to `values`: the count, or -1 with *error set to
// "<what> in <database>: <driver text>".
qint64 countRows(const Database& database, const QString& statement, const QVariantList& values,
                 const QString& what, QString* error);

// An SQL statement with the values of its ? placeholders, in order.
struct Statement {
    QString text;
    QVariantList values;
};

// A table read in keyset pages ordered by (sortBy, <alias>.profile_id, <alias>.id), as the console's
// lazy models do.
struct KeysetOrder {
    QString sortBy;
    QString alias; // the table's alias in the statement, e.g. "n"
    bool ascending = true;

    // `select` ("SELECT ... FROM ...") narrowed by `where`: up to `limit` rows after `after` (from the
    // first row when unset) in this order, prepared and bound, ready to exec().
    QSqlQuery pageQuery(const Database& database, const QString& select, Where where,
                        const std::optional<PageKey>& after, int limit) const;
    // The same page as a statement and its values, for store::forEachTextRow.
    Statement pageStatement(const QString& select, Where where, const std::optional<PageKey>& after,
                            int limit) const;
};

} // namespace sql
} // namespace trunkline::store
