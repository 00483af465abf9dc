#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QVariantList>
#include <functional>

namespace trunkline::store {

class Database;

// The cells of one result row as UTF-8 text (NULL as a null view), valid only during the call. Return false
// to stop (a write failed).
using TextRowSink = std::function<bool(const QList<QByteArrayView>& cells)>;

// Runs the SELECT `statement` with `values` bound and hands each row to `sink` as UTF-8 texts: for
// exports of millions of rows. On SQLite the cells come straight from the statement (sqlite3_column_text
// through the Qt driver's handle), with no QVariant and no round trip through UTF-16, which is where an
// export through QSqlQuery spends most of its time (docs/performance.md, "Export"); on PostgreSQL
// through a forward-only QSqlQuery. False when the query failed (*error says why) or `sink` stopped.
bool forEachTextRow(Database& database, const QString& statement, const QVariantList& values,
                    const TextRowSink& sink, QString* error = nullptr);

} // namespace trunkline::store
