#pragma once

#include <QStringList>

struct sqlite3;
struct sqlite3_api_routines;

namespace trunkline::store {
class Database;
}

namespace trunkline::bench {

// Records every statement SQLite runs, with its bound values written in, so the benchmark can hand the
// sqlite3 command-line tool exactly the SELECT the model ran: on the connection given, and on every
// connection the process opens while the trace lives (the Numbers model counts on a connection and
// thread of its own, models::NumberCounter). One trace at a time.
class SqlTrace {
public:
    explicit SqlTrace(const store::Database& database);
    ~SqlTrace();
    SqlTrace(const SqlTrace&) = delete;
    SqlTrace& operator=(const SqlTrace&) = delete;

    bool isActive() const { return m_handle != nullptr; }
    void clear();
    // The last statement that contains all of `parts`; empty when there is none.
    QString last(const QStringList& parts) const;

private:
    static int onTrace(unsigned type, void* context, void* statement, void* sql);
    static int onOpen(sqlite3* db, const char** error, const sqlite3_api_routines* api);

    sqlite3* m_handle = nullptr;
    QStringList m_statements;
};

} // namespace trunkline::bench
