#include "models/NumberCounter.h"

#include "store/Database.h"

#include <QMetaObject>
#include <atomic>
#include <functional>
#include <limits>
#include <mutex>

using namespace Qt::StringLiterals;

namespace trunkline::models {

// What the GUI thread and the counting thread share.
struct NumberCounter::Shared {
    std::atomic<quint64> newest{0}; // the newest request; an older one waiting is skipped
    std::mutex mutex;
    std::function<void()> interrupt; // set while the counting thread's connection is open

    void stopRunningCount() {
        const std::lock_guard lock(mutex);
        if (interrupt)
            interrupt();
    }
};

// Lives in the counting thread, with the connection it opens on its first count.
class NumberCounter::Worker : public QObject {
public:
    Worker(const store::Database& source, std::shared_ptr<Shared> shared)
        : m_source(source)
        , m_shared(std::move(shared)) {}
    ~Worker() override {
        // Before the connection closes: nobody may stop a statement on it any more.
        const std::lock_guard lock(m_shared->mutex);
        m_shared->interrupt = nullptr;
    }
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    void count(quint64 request, const store::NumberTableFilter& filter, NumberCounter* counter) {
        if (request != m_shared->newest)
            return;
        QString error;
        const qint64 total =
            m_database || open(&error) ? store::NumberTableQuery(*m_database).count(filter, &error) : -1;
        QMetaObject::invokeMethod(
            counter,
            [counter, request, filter, total, error] { counter->answer(request, filter, total, error); },
            Qt::QueuedConnection);
    }

private:
    bool open(QString* error) {
        m_database = m_source.cloneForThisThread(error);
        if (!m_database)
            return false;
        const std::lock_guard lock(m_shared->mutex);
        m_shared->interrupt = m_database->interrupter();
        return true;
    }

    const store::Database& m_source;
    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<store::Database> m_database;
};

NumberCounter::NumberCounter(const store::Database& database, QObject* parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>())
    , m_worker(new Worker(database, m_shared)) {
    m_thread.setObjectName(u"count"_s);
    m_worker->moveToThread(&m_thread);
    // The worker, and with it the connection, goes in the counting thread, as the thread ends.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

NumberCounter::~NumberCounter() {
    m_shared->newest = std::numeric_limits<quint64>::max(); // every request waiting is skipped
    m_shared->stopRunningCount();
    m_thread.quit();
    m_thread.wait();
}

void NumberCounter::count(const store::NumberTableFilter& filter) {
    const quint64 request = ++m_shared->newest;
    // A count of another filter is of no use any more. One of the same filter (a sync refreshed the
    // table) still is: stopping it at each refresh would leave a big table uncounted while a sync runs.
    if (filter != m_newestFilter)
        m_shared->stopRunningCount();
    m_newestFilter = filter;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request, filter, this] { worker->count(request, filter, this); },
        Qt::QueuedConnection);
}

void NumberCounter::answer(quint64 request, const store::NumberTableFilter& filter, qint64 total,
                           const QString& error) {
    // A stopped count fails; only the newest request's failure is news.
    if (request == m_shared->newest || (filter == m_newestFilter && total >= 0))
        emit counted(total, error);
}

} // namespace trunkline::models
