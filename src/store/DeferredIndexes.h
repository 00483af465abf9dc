#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace trunkline::store {

class Database;

// The first sync of a big account stores up to a million numbers into an empty phone_numbers table, and
// each stored number would update every sort and filter index of that table at a random place: most of
// a million-number sync went there (docs/performance.md). Such a load defers those indexes: their
// definitions move to deferred_indexes and the indexes are dropped; once the list is stored, each is
// built in one sorted pass over the loaded rows. A process killed in between leaves the definitions,
// and the next Database::open() builds them.
//
// SQLite only. On PostgreSQL a team shares the table: dropping its indexes takes locks that would stall
// every teammate's console, and the gain there has not been measured.
class DeferredIndexes {
    Q_DECLARE_TR_FUNCTIONS(DeferredIndexes)

public:
    explicit DeferredIndexes(Database& database);

    // When phone_numbers holds no rows at all (SQLite): records and drops the indexes a load can go
    // without. How many were deferred, or -1 with *error set.
    int deferForEmptyNumbers(QString* error);
    // The indexes waiting to be built, in the order they were deferred; empty on PostgreSQL and before
    // schema v15.
    QStringList pending(QString* error) const;
    // Builds one deferred index and forgets its definition, in one transaction; an index another
    // connection built meanwhile is only forgotten.
    bool build(const QString& name, QString* error);
    bool buildAll(QString* error);

private:
    Database& m_database;
};

} // namespace trunkline::store
