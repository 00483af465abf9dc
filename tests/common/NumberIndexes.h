#pragma once

// The phone_numbers indexes of a test's database and their definitions, as the engine's catalogue lists
// them: for the tests of indexes a first load defers (store::DeferredIndexes).

#include "TestDatabase.h"

#include <QMap>
#include <QSqlQuery>
#include <QString>

inline QMap<QString, QString> numberIndexes(TestDatabase& test) {
    QSqlQuery query(test.database().connection());
    // Each PostgreSQL test case has a schema of its own (TestDatabase), and other cases run meanwhile.
    const QString statement =
        test.isPostgres()
            ? QStringLiteral("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'phone_numbers' "
                             "AND schemaname = current_schema()")
            : QStringLiteral("SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'index' "
                             "AND tbl_name = 'phone_numbers'");
    QMap<QString, QString> indexes;
    if (query.exec(statement)) {
        while (query.next())
            indexes.insert(query.value(0).toString(), query.value(1).toString());
    }
    return indexes;
}
