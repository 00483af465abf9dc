#include "SqlTrace.h"

#include "store/Database.h"

#include <QMutex>
#include <QMutexLocker>
#include <sqlite3.h>

namespace trunkline::bench {

namespace {

// The trace every traced connection reports to, and the lock that guards it and its statements: they
// come from the counting thread too, and a connection may outlive the trace (its thread closes it
// later), so a callback finds the trace here rather than through a pointer of its own.
QMutex activeLock;
SqlTrace* active = nullptr;

} // namespace

SqlTrace::SqlTrace(const store::Database& database) {
    const QMutexLocker lock(&activeLock);
    active = this;
    sqlite3_auto_extension(reinterpret_cast<void (*)()>(&SqlTrace::onOpen));
    sqlite3* db = database.sqliteHandle();
    if (db && sqlite3_trace_v2(db, SQLITE_TRACE_STMT, &SqlTrace::onTrace, nullptr) == SQLITE_OK) {
        m_handle = db;
    }
}

SqlTrace::~SqlTrace() {
    sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(&SqlTrace::onOpen));
    if (m_handle) {
        sqlite3_trace_v2(m_handle, 0, nullptr, nullptr);
    }
    const QMutexLocker lock(&activeLock);
    active = nullptr;
}

int SqlTrace::onOpen(sqlite3* db, const char** /*error*/, const sqlite3_api_routines* /*api*/) {
    sqlite3_trace_v2(db, SQLITE_TRACE_STMT, &SqlTrace::onTrace, nullptr);
    return SQLITE_OK;
}

int SqlTrace::onTrace(unsigned type, void* /*context*/, void* statement, void* /*sql*/) {
    if (type != SQLITE_TRACE_STMT) {
        return 0;
    }
    char* expanded = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(statement));
    if (expanded) {
        const QMutexLocker lock(&activeLock);
        if (active) {
            active->m_statements << QString::fromUtf8(expanded);
        }
        sqlite3_free(expanded);
    }
    return 0;
}

void SqlTrace::clear() {
    const QMutexLocker lock(&activeLock);
    m_statements.clear();
}

QString SqlTrace::last(const QStringList& parts) const {
    const QMutexLocker lock(&activeLock);
    for (auto it = m_statements.crbegin(); it != m_statements.crend(); ++it) {
        bool all = true;
        for (const QString& part : parts) {
            all = all && it->contains(part);
        }
        if (all) {
            return *it;
        }
    }
    return {};
}

} // namespace trunkline::bench
