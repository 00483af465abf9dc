#include "store/Transaction.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace trunkline::store {

Transaction::Transaction(Database& database)
    : m_database(database) {
    if (m_database.m_transactionDepth > 0) {
        // A savepoint, so that an inner failure can be undone at once: PostgreSQL refuses every
        // further command (even releasing prepared statements) in a transaction with a failed
        // statement until it is rolled back to a point before the failure.
        ++m_database.m_transactionDepth;
        m_savepoint = u"trunkline_sp_%1"_s.arg(m_database.m_transactionDepth);
        QSqlQuery savepoint(m_database.connection());
        if (!savepoint.exec("SAVEPOINT "_L1 + m_savepoint)) {
            --m_database.m_transactionDepth;
            m_database.m_rollbackOnly = true;
            m_error = tr("Cannot start a transaction on %1: %2")
                          .arg(m_database.displayName(), savepoint.lastError().text());
            return;
        }
        m_active = true;
        return;
    }
    QSqlDatabase db = m_database.connection();
    bool started = false;
    QString driverError;
    if (m_database.engine() == Database::Engine::Sqlite) {
        QSqlQuery begin(db);
        started = begin.exec(u"BEGIN IMMEDIATE"_s);
        if (!started) {
            driverError = begin.lastError().text();
        }
    } else {
        started = db.transaction();
        if (!started) {
            driverError = db.lastError().text();
        }
    }
    if (!started) {
        m_error = tr("Cannot start a transaction on %1: %2").arg(m_database.displayName(), driverError);
        return;
    }
    m_database.m_transactionDepth = 1;
    m_database.m_rollbackOnly = false;
    m_active = true;
    m_outermost = true;
}

Transaction::~Transaction() {
    if (m_active) {
        rollback();
    }
}

bool Transaction::commit() {
    if (!m_active) {
        if (m_error.isEmpty()) {
            m_error = tr("The transaction is no longer active.");
        }
        return false;
    }
    m_active = false;
    if (!m_outermost) {
        --m_database.m_transactionDepth;
        QSqlQuery release(m_database.connection());
        if (!release.exec("RELEASE SAVEPOINT "_L1 + m_savepoint)) {
            m_database.m_rollbackOnly = true;
            m_error = release.lastError().text();
            return false;
        }
        return true;
    }
    m_database.m_transactionDepth = 0;
    QSqlDatabase db = m_database.connection();
    if (m_database.m_rollbackOnly) {
        db.rollback();
        m_database.m_rollbackOnly = false;
        m_error = tr("Nothing was saved because an earlier step of the same change failed.");
        return false;
    }
    if (!db.commit()) {
        m_error =
            tr("Cannot save the changes to %1: %2").arg(m_database.displayName(), db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

void Transaction::rollback() {
    if (!m_active) {
        return;
    }
    m_active = false;
    if (!m_outermost) {
        --m_database.m_transactionDepth;
        m_database.m_rollbackOnly = true;
        QSqlQuery undo(m_database.connection());
        undo.exec("ROLLBACK TO SAVEPOINT "_L1 + m_savepoint);
        return;
    }
    m_database.m_transactionDepth = 0;
    m_database.m_rollbackOnly = false;
    m_database.connection().rollback();
}

} // namespace trunkline::store
