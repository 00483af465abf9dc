#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

class QSqlError;

namespace trunkline::store {

class Database;

// The team setting that a pending change must be approved by a second person before it is applied
// ("four-eyes"). It exists on PostgreSQL only, where the server authenticates who someone is and enforces
// the rule itself (schema version 12 in Migrator.cpp: a trigger on pending_changes and approve_change()),
// so a modified client can neither approve its own change nor apply an unapproved one. Only members of
// the role that owns Trunkline's tables (the one that created the schema) may switch it. On SQLite there
// is no second person to ask: the setting is off and cannot be switched on.
class FourEyesPolicy {
    Q_DECLARE_TR_FUNCTIONS(FourEyesPolicy)

public:
    explicit FourEyesPolicy(Database& database);

    // Whether the store can have the setting at all (PostgreSQL).
    bool isAvailable() const;
    // Whether changes need a second person's approval now; false on SQLite, nullopt (with *error) when
    // it cannot be read.
    std::optional<bool> isRequired(QString* error = nullptr) const;
    // Whether this connection's role may switch the setting; false on SQLite.
    bool mayChange(QString* error = nullptr) const;
    // The role that owns the tables and so may switch the setting; "" on SQLite.
    QString ownerRole(QString* error = nullptr) const;
    bool setRequired(bool required, QString* error = nullptr);

    // The database's four-eyes refusals (SQLSTATE class TL) in the admin's words, naming the change; ""
    // for any other error.
    static QString refusalText(const QSqlError& error, qint64 changeId);

private:
    Database& m_database;
};

} // namespace trunkline::store
