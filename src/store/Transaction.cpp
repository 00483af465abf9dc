#include "store/Transaction.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace trunkline::store {

Transaction::Transaction(Database& database)
    : m_database(database)
{
    if (m_database.m_transactionDepth > 0) {
        ++m_database.m_transactionDepth;
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

Transaction::~Transaction()
{
    if (m_active) {
        rollback();
    }
}

bool Transaction::commit()
{
    if (!m_active) {
        if (m_error.isEmpty()) {
            m_error = tr("The transaction is no longer active.");
        }
        return false;
    }
    m_active = false;
    if (!m_outermost) {
        --m_database.m_transactionDepth;
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
        m_error = tr("Cannot save the changes to %1: %2").arg(m_database.displayName(), db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

void Transaction::rollback()
{
    if (!m_active) {
        return;
    }
    m_active = false;
    if (!m_outermost) {
        --m_database.m_transactionDepth;
        m_database.m_rollbackOnly = true;
        return;
    }
    m_database.m_transactionDepth = 0;
    m_database.m_rollbackOnly = false;
    m_database.connection().rollback();
}

} // namespace trunkline::store
