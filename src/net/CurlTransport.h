#pragma once

#include "net/HttpExchange.h"

#include <QObject>
#include <functional>
#include <memory>
#include <thread>

namespace trunkline::net {

// The libcurl stack behind ApiClient: one multi handle driven by a thread of its own, so that reading
// and parsing HTTP runs beside the sync thread's mapping and writing (as Qt runs its HTTP in a thread of
// its own). It chose itself by the figures in docs/performance.md: on the fast sync Qt 6.4's client
// reads every response header a byte per system call and costs more CPU than the rest of the sync.
// TLS peers and host names are always verified (the system's CA store); proxies come from the caller
// (ApiClient passes on what Qt would use); redirects are not followed here but reported, so that
// ApiClient's same-origin rule applies to both stacks.
class CurlTransport {
public:
    using Done = std::function<void(HttpAnswer)>;

    // Answers are delivered on the context's thread, through its event loop; once the context is
    // gone, none is.
    explicit CurlTransport(QObject* context);
    ~CurlTransport();
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    // Starts one attempt; done is called exactly once (unless the context goes first). Returns an id
    // for abort().
    quint64 start(HttpExchange exchange, Done done);
    // Ends a running attempt at once; its answer says OperationCanceledError.
    void abort(quint64 id);

    // A redirect is followed only within the same scheme, host and port (Qt's SameOriginRedirectPolicy),
    // and only this many times (Qt's default).
    static constexpr int kMaxRedirects = 50;

private:
    struct Worker;
    std::unique_ptr<Worker> m_worker;
    std::thread m_thread;
};

} // namespace trunkline::net
