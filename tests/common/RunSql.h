#pragma once

// A statement run straight on a test's database, for what no repository does: rows of an older schema,
// or the raw SQL a modified client would send.

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

// Runs `statement` on `database` with `values` bound; the driver's error text and code, or "" when it ran.
inline QString runSql(trunkline::store::Database& database, const QString& statement,
                      const QVariantList& values = {}) {
    QSqlQuery query(database.connection());
    // PostgreSQL prepares only SELECT, INSERT, UPDATE and DELETE: the rest (DDL, TRUNCATE) runs as it is.
    bool ran = false;
    if (values.isEmpty()) {
        ran = query.exec(statement);
    } else {
        query.prepare(statement);
        for (const QVariant& value : values)
            query.addBindValue(value);
        ran = query.exec();
    }
    return ran ? QString()
               : query.lastError().text() + QStringLiteral(" [") + query.lastError().nativeErrorCode() +
                     QLatin1Char(']');
}
