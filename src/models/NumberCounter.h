#pragma once

#include "store/NumberTableQuery.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <memory>

namespace trunkline::store {
class Database;
}

namespace trunkline::models {

// Counts the numbers that pass a filter on a thread and a database connection of its own. Where no index
// serves the filter (a label or extension text, a digits pattern that starts with a wildcard), COUNT(*)
// reads every row: seconds at a million numbers (bench/ui), which on the GUI thread froze the window
// whenever the filter changed, and once a second while a sync refreshed the table.
//
// Only the newest request is answered: an older one still waiting is skipped, and one already running
// is stopped (SQLite; on PostgreSQL its answer is dropped), so typing a filter letter by letter never
// queues counts behind each other.
class NumberCounter : public QObject {
    Q_OBJECT

public:
    explicit NumberCounter(const store::Database& database, QObject* parent = nullptr);
    ~NumberCounter() override;
    NumberCounter(const NumberCounter&) = delete;
    NumberCounter& operator=(const NumberCounter&) = delete;

    // Answered by counted(), unless another count() comes first.
    void count(const store::NumberTableFilter& filter);

signals:
    // How many numbers pass the filter of the newest count(); -1 with the reason when it failed.
    void counted(qint64 total, const QString& error);

private:
    struct Shared;
    class Worker;

    void answer(quint64 request, const store::NumberTableFilter& filter, qint64 total, const QString& error);

    std::shared_ptr<Shared> m_shared;
    QThread m_thread;
    Worker* m_worker;
    store::NumberTableFilter m_newestFilter;
};

} // namespace trunkline::models
