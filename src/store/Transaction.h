#pragma once

#include <QCoreApplication>
#include <QString>

namespace trunkline::store {

class Database;

// RAII transaction: commit() must be called explicitly; leaving the scope without it rolls back.
// A Transaction opened while another one is active on the same Database joins it as a savepoint;
// if the inner one rolls back, the outer one can no longer commit (see Database).
// On SQLite the transaction takes the write lock up front (BEGIN IMMEDIATE) so that two writers
// wait for each other through busy_timeout instead of failing on a lock upgrade.
class Transaction {
    Q_DECLARE_TR_FUNCTIONS(Transaction)

public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // False when the transaction could not be started; error() says why.
    bool isActive() const { return m_active; }
    bool commit();
    void rollback();
    QString error() const { return m_error; }

private:
    Database& m_database;
    bool m_active = false;
    bool m_outermost = false;
    QString m_savepoint; // nested transactions only
    QString m_error;
};

} // namespace trunkline::store
