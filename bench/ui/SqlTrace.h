#pragma once

#include <QSqlDatabase>
#include <QStringList>

namespace trunkline::bench {

// Records every statement SQLite runs on one connection, with its bound values written in, so the
// benchmark can hand the sqlite3 command-line tool exactly the SELECT the model ran.
class SqlTrace {
public:
    explicit SqlTrace(const QSqlDatabase& connection);
    ~SqlTrace();
    SqlTrace(const SqlTrace&) = delete;
    SqlTrace& operator=(const SqlTrace&) = delete;

    bool isActive() const { return m_handle != nullptr; }
    const QStringList& statements() const { return m_statements; }
    void clear() { m_statements.clear(); }
    // The last statement that contains all of `parts`; empty when there is none.
    QString last(const QStringList& parts) const;

private:
    static int onTrace(unsigned type, void* context, void* statement, void* sql);

    void* m_handle = nullptr; // sqlite3*
    QStringList m_statements;
};

} // namespace trunkline::bench
