#pragma once

#include "emulator/Clock.h"
#include "emulator/DemoCredentials.h"
#include "emulator/EmulatorOptions.h"
#include "emulator/ProviderService.h"

#include <QAbstractHttpServer>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QTcpServer;
QT_END_NAMESPACE

namespace trunkline::emulator {

class FaultInjector;

// How many requests ended how; tests measure the fault mix with it.
struct ServedCounts {
    qint64 requests = 0;
    qint64 serverErrors = 0;    // injected 500/503
    qint64 tooManyRequests = 0; // injected 429 (not the provider's own rate limiting)
    qint64 dropped = 0;
    qint64 truncated = 0;
    qint64 delayed = 0; // answers that waited for injected latency
};

// The loopback HTTP server that speaks the providers' APIs. Usable in-process (tests: construct, listen on
// port 0, talk to baseUrl()) and by the trunkline-emulator executable. It binds 127.0.0.1 only, routes a
// request to the ProviderService whose prefix matches, adds injected faults, and writes the HTTP/1.1
// answer itself so that it can also drop a connection or cut a body short.
class EmulatorServer : public QAbstractHttpServer {
    Q_OBJECT

public:
    explicit EmulatorServer(const EmulatorOptions& options, QObject* parent = nullptr);
    ~EmulatorServer() override;

    // Binds 127.0.0.1:options.port (0 = any free port). Loads options.stateFile first if it exists.
    // On failure returns false and a translated message in *error.
    bool listen(QString* error);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // "http://127.0.0.1:<port>"

    // The lines the executable prints after "listening ...": one per demo credential.
    QStringList credentialLines() const;
    DemoCredentials credentials() const;

    const EmulatorOptions& options() const { return m_options; }
    ServedCounts servedCounts() const { return m_counts; }
    // Tests only: sees (and may change) every request before a service handles it, e.g. to record a
    // body or to drop a member the way a provider that ignores it would. Empty = none.
    using RequestRewriter = std::function<void(EmulatorRequest&)>;
    void setRequestRewriter(RequestRewriter rewriter) { m_rewriter = std::move(rewriter); }
    // Tests only: a request it returns true for is served, then its answer is lost (the connection is
    // dropped instead of answered), as when a create took effect but its answer never arrived. Empty = none.
    using AnswerDropper = std::function<bool(const EmulatorRequest&)>;
    void setAnswerDropper(AnswerDropper dropper) { m_answerDropper = std::move(dropper); }
    QList<ProviderService*> services() const;

    // Writes every service's snapshot to options.stateFile (no-op without one). Also done automatically
    // shortly after each changing request and on destruction.
    bool saveState(QString* error = nullptr) const;

Q_SIGNALS:
    // Emitted after each answer was written (or the connection dropped; then status is 0).
    void requestServed(const QByteArray& method, const QString& path, int status);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    EmulatorResponse dispatch(const EmulatorRequest& request);
    void writeResponse(QTcpSocket* socket, const EmulatorResponse& response, bool keepAlive, bool truncate);
    bool loadState(QString* error);
    void scheduleSave();

    EmulatorOptions m_options;
    std::vector<std::unique_ptr<ProviderService>> m_services;
    std::unique_ptr<FaultInjector> m_faults;
    ServedCounts m_counts;
    RequestRewriter m_rewriter;
    AnswerDropper m_answerDropper;
    QTcpServer* m_tcpServer = nullptr;
    quint16 m_port = 0;
    QTimer m_saveTimer;
};

} // namespace trunkline::emulator
