#include "store/TextRows.h"

#include "store/Database.h"
#include "store/SqlUtil.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <memory>
#include <sqlite3.h>

namespace trunkline::store {

namespace {

QString cannotRead() {
    return QCoreApplication::translate("Repository", "Cannot read the rows to export");
}

bool failSqlite(sqlite3* db, QString* error) {
    if (error)
        *error = QStringLiteral("%1: %2").arg(cannotRead(), QString::fromUtf8(sqlite3_errmsg(db)));
    return false;
}

bool forEachSqliteRow(sqlite3* db, const QString& statement, const QVariantList& values,
                      const TextRowSink& sink, QString* error) {
    const QByteArray sql = statement.toUtf8();
    sqlite3_stmt* prepared = nullptr;
    if (sqlite3_prepare_v2(db, sql.constData(), static_cast<int>(sql.size()), &prepared, nullptr) !=
        SQLITE_OK)
        return failSqlite(db, error);
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> finalize(prepared, &sqlite3_finalize);
    for (int i = 0; i < values.size(); ++i) {
        const QVariant& value = values.at(i);
        int bound = SQLITE_OK;
        if (value.isNull())
            bound = sqlite3_bind_null(prepared, i + 1);
        else if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int)
            bound = sqlite3_bind_int64(prepared, i + 1, value.toLongLong());
        else {
            const QByteArray text = value.toString().toUtf8();
            bound = sqlite3_bind_text(prepared, i + 1, text.constData(), static_cast<int>(text.size()),
                                      SQLITE_TRANSIENT);
        }
        if (bound != SQLITE_OK)
            return failSqlite(db, error);
    }
    const int columns = sqlite3_column_count(prepared);
    QList<QByteArrayView> cells(columns);
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(prepared)) == SQLITE_ROW) {
        for (int c = 0; c < columns; ++c) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(prepared, c));
            cells[c] = text ? QByteArrayView(text, sqlite3_column_bytes(prepared, c)) : QByteArrayView();
        }
        if (!sink(cells))
            return false;
    }
    return step == SQLITE_DONE || failSqlite(db, error);
}

} // namespace

bool forEachTextRow(Database& database, const QString& statement, const QVariantList& values,
                    const TextRowSink& sink, QString* error) {
    if (sqlite3* db = database.sqliteHandle())
        return forEachSqliteRow(db, statement, values, sink, error);
    QSqlQuery query = sql::preparedQuery(database, statement, values);
    if (!query.exec())
        return sql::fail(error, database, cannotRead(), query);
    const int columns = query.record().count();
    QList<QByteArray> texts(columns);
    QList<QByteArrayView> cells(columns);
    while (query.next()) {
        for (int c = 0; c < columns; ++c) {
            const QVariant value = query.value(c);
            texts[c] = value.toString().toUtf8();
            cells[c] = value.isNull() ? QByteArrayView() : QByteArrayView(texts.at(c));
        }
        if (!sink(cells))
            return false;
    }
    // A result cut short (the PostgreSQL driver drops it when another query runs) is an error, not an end.
    if (query.lastError().isValid())
        return sql::fail(error, database, cannotRead(), query);
    return true;
}

} // namespace trunkline::store
