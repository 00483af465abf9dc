#pragma once

#include <QList>
#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>
#include <utility>

namespace trunkline::sync {

// Gathers the pages of one long list and hands them on several at a time, so that the store writes them
// in one transaction instead of one per page. A million-number account arrives in a thousand pages, and
// each commit writes every page of the number index that its rows touched; numbers in no particular order
// touch most of them, so commits were a quarter of that load (docs/performance.md).
//
// A batch is handed on once it holds rowsPerWrite records, once its first page has waited longestWait
// (a slow or rate-limited list still shows its rows soon), and at the list's end (flush()). rowsPerWrite
// also bounds how long one write holds the store's write lock, which an edit staged in the console waits
// for. A kill loses the pages gathered and not yet written, as it would lose pages not yet fetched: the
// next sync fetches them again.
template <typename Record>
class GatheredPages {
public:
    static constexpr qsizetype rowsPerWrite = 5000;
    static constexpr std::chrono::milliseconds longestWait{250};

    using Write = std::function<void(const QList<Record>& records)>;

    // The timer that ends a batch's wait is a child of `owner`, so that it lives in the owner's thread.
    GatheredPages(QObject* owner, Write write)
        : m_due(new QTimer(owner))
        , m_write(std::move(write)) {
        m_due->setSingleShot(true);
        m_due->setInterval(longestWait);
        QObject::connect(m_due, &QTimer::timeout, owner, [this] { flush(); });
    }
    GatheredPages(const GatheredPages&) = delete;
    GatheredPages& operator=(const GatheredPages&) = delete;

    void add(const QList<Record>& page) {
        m_gathered += page;
        if (m_gathered.size() >= rowsPerWrite)
            flush();
        else if (!m_due->isActive())
            m_due->start();
    }

    // Hands on what is gathered, if anything.
    void flush() {
        m_due->stop();
        if (m_gathered.isEmpty())
            return;
        m_write(std::exchange(m_gathered, {}));
    }

private:
    QTimer* m_due;
    Write m_write;
    QList<Record> m_gathered;
};

} // namespace trunkline::sync
