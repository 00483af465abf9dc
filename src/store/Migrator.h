#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace trunkline::store {

class Database;

// Numbered schema migrations. Each one runs in its own transaction together with its row in
// schema_version, so a crash leaves the database at the previous version, never in between.
// The same SQL serves SQLite and PostgreSQL; the few words that differ are tokens in the scripts.
class Migrator {
    Q_DECLARE_TR_FUNCTIONS(Migrator)

public:
    explicit Migrator(Database& database);

    static int latestVersion();
    // Every version this Trunkline knows, ascending. Not necessarily 1..latestVersion(): branches
    // reserve numbers, and migrateTo() runs whatever lies above a database's version.
    static QList<int> versions();

    // 0 for an empty database; -1 (with *error) when the version cannot be read.
    int currentVersion(QString* error) const;

    bool migrate(QString* error) { return migrateTo(latestVersion(), error); }
    // Tests use a lower target to build a database "from an older release".
    bool migrateTo(int targetVersion, QString* error);

    // The migration's statements with the engine's words filled in (exposed for tests).
    static QStringList statementsFor(int version, bool postgres);

private:
    bool hasVersionTable() const;

    Database& m_database;
};

} // namespace trunkline::store
