#include "SqlTrace.h"

#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>

namespace trunkline::bench {

SqlTrace::SqlTrace(const QSqlDatabase& connection) {
    const QVariant handle = connection.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return;
    }
    sqlite3* db = *static_cast<sqlite3* const*>(handle.constData());
    if (db && sqlite3_trace_v2(db, SQLITE_TRACE_STMT, &SqlTrace::onTrace, this) == SQLITE_OK) {
        m_handle = db;
    }
}

SqlTrace::~SqlTrace() {
    if (m_handle) {
        sqlite3_trace_v2(static_cast<sqlite3*>(m_handle), 0, nullptr, nullptr);
    }
}

int SqlTrace::onTrace(unsigned type, void* context, void* statement, void* /*sql*/) {
    if (type != SQLITE_TRACE_STMT) {
        return 0;
    }
    auto* self = static_cast<SqlTrace*>(context);
    char* expanded = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(statement));
    if (expanded) {
        self->m_statements << QString::fromUtf8(expanded);
        sqlite3_free(expanded);
    }
    return 0;
}

QString SqlTrace::last(const QStringList& parts) const {
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
