#include "emulator/EmulatorServer.h"

#include "emulator/FaultInjector.h"
#include "emulator/ringcentral/RingCentralService.h"

#if __has_include("emulator/telnyx/TelnyxService.h")
#include "emulator/telnyx/TelnyxService.h"
#define TRUNKLINE_EMULATOR_HAS_TELNYX 1
#endif
#if __has_include("emulator/restcomm/RestcommService.h")
#include "emulator/restcomm/RestcommService.h"
#define TRUNKLINE_EMULATOR_HAS_RESTCOMM 1
#endif

#include <QCoreApplication>
#include <QFile>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QPointer>
#include <QSaveFile>
#include <QTcpServer>
#include <QTcpSocket>

namespace trunkline::emulator {

namespace {

QByteArray methodName(QHttpServerRequest::Method method) {
    // The enum's keys are the methods' names in title case ("Get", "Options"; "Unknown" for the others).
    const char* key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QByteArray(key).toUpper() : QByteArrayLiteral("UNKNOWN");
}

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 207:
        return QByteArrayLiteral("Multi-Status");
    case 302:
        return QByteArrayLiteral("Found");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Status");
    }
}

bool isSafeMethod(const QByteArray& method) {
    return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

bool pathHasPrefix(const QString& path, const QString& prefix) {
    return path == prefix ||
           (path.startsWith(prefix) && path.size() > prefix.size() && path.at(prefix.size()) == u'/');
}

} // namespace

EmulatorServer::EmulatorServer(const EmulatorOptions& options, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_options(options)
    , m_faults(std::make_unique<FaultInjector>(options.faults, options.seed)) {
    m_services.push_back(std::make_unique<ringcentral::RingCentralService>(options.seed, options));
#ifdef TRUNKLINE_EMULATOR_HAS_TELNYX
    m_services.push_back(std::make_unique<telnyx::TelnyxService>(options.seed, options));
#endif
#ifdef TRUNKLINE_EMULATOR_HAS_RESTCOMM
    m_services.push_back(std::make_unique<restcomm::RestcommService>(options.seed, options));
#endif
    // Saving 100,000 records takes a moment: batch the writes of a burst of changes into one save.
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(500);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { saveState(); });
}

EmulatorServer::~EmulatorServer() {
    if (m_saveTimer.isActive())
        saveState();
}

bool EmulatorServer::listen(QString* error) {
    if (!m_options.stateFile.isEmpty() && QFile::exists(m_options.stateFile) && !loadState(error))
        return false;
    auto* tcp = new QTcpServer(this);
    if (!tcp->listen(QHostAddress::LocalHost, m_options.port)) {
        if (error)
            *error = tr("Cannot listen on 127.0.0.1 port %1: %2").arg(m_options.port).arg(tcp->errorString());
        delete tcp;
        return false;
    }
    bind(tcp);
    m_tcpServer = tcp;
    m_port = tcp->serverPort();
    return true;
}

QUrl EmulatorServer::baseUrl() const {
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QStringList EmulatorServer::credentialLines() const {
    QStringList lines;
    for (const auto& service : m_services)
        lines += service->credentialLine().split(u'\n', Qt::SkipEmptyParts);
    return lines;
}

DemoCredentials EmulatorServer::credentials() const {
    DemoCredentials result;
    for (const QString& line : credentialLines()) {
        QString label;
        const auto pairs = DemoCredentials::parseLine(line, &label);
        if (label == u"ringcentral-admin") {
            result.ringCentralClientId = pairs.value(QStringLiteral("client_id"));
            result.ringCentralClientSecret = pairs.value(QStringLiteral("client_secret"));
            result.ringCentralAdminJwt = pairs.value(QStringLiteral("jwt"));
        } else if (label == u"ringcentral-user") {
            result.ringCentralUserJwt = pairs.value(QStringLiteral("jwt"));
        } else if (label == u"ringcentral-readonly") {
            result.ringCentralReadOnlyClientId = pairs.value(QStringLiteral("client_id"));
            result.ringCentralReadOnlyClientSecret = pairs.value(QStringLiteral("client_secret"));
        } else if (label == u"telnyx") {
            result.telnyxApiKey = pairs.value(QStringLiteral("api_key"));
        } else if (label == u"restcomm") {
            result.restcommAccountSid = pairs.value(QStringLiteral("account_sid"));
            result.restcommAuthToken = pairs.value(QStringLiteral("auth_token"));
        }
    }
    return result;
}

QList<ProviderService*> EmulatorServer::services() const {
    QList<ProviderService*> list;
    for (const auto& service : m_services)
        list.append(service.get());
    return list;
}

EmulatorResponse EmulatorServer::dispatch(const EmulatorRequest& original) {
    EmulatorRequest request = original;
    if (m_rewriter)
        m_rewriter(request);
    for (const auto& service : m_services) {
        if (pathHasPrefix(request.path, service->prefix()))
            return service->handle(request);
    }
    EmulatorResponse response;
    response.status = 404;
    response.body = QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("not found")},
                                              {QStringLiteral("path"), request.path}})
                        .toJson(QJsonDocument::Compact);
    return response;
}

bool EmulatorServer::handleRequest(const QHttpServerRequest& httpRequest, QTcpSocket* socket) {
    // Copy everything now: QAbstractHttpServer reuses its request object for the next request on this
    // connection, and the answer may be sent later (latency).
    EmulatorRequest request;
    request.method = methodName(httpRequest.method());
    const QUrl url = httpRequest.url();
    request.path = url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(url);
    for (const auto& [name, value] : httpRequest.headers())
        request.headers.insert(name.toLower(), value);
    request.body = httpRequest.body();
    const bool keepAlive = request.header("connection").toLower() != "close";

    ++m_counts.requests;
    const FaultDecision fault = m_faults->next();

    QPointer<QTcpSocket> guard(socket);
    auto answer = [this, guard, request, fault, keepAlive] {
        QTcpSocket* s = guard.data();
        if (!s || s->state() != QAbstractSocket::ConnectedState)
            return;
        ProviderService* owner = nullptr;
        for (const auto& service : m_services) {
            if (pathHasPrefix(request.path, service->prefix()))
                owner = service.get();
        }
        auto faultAnswer = [&](int status, int retryAfter) {
            if (owner)
                return owner->faultResponse(status, retryAfter);
            return ProviderService::defaultFaultResponse(status, retryAfter);
        };
        switch (fault.kind) {
        case FaultKind::Drop:
            ++m_counts.dropped;
            s->abort();
            Q_EMIT requestServed(request.method, request.path, 0);
            return;
        case FaultKind::ServerError:
        case FaultKind::TooManyRequests: {
            fault.kind == FaultKind::ServerError ? ++m_counts.serverErrors : ++m_counts.tooManyRequests;
            // UNCONFIRMED choice: an injected 429 asks for a 1 s wait (the provider's own rate limiter
            // answers with its documented penalty instead); long waits would only slow tests down.
            const EmulatorResponse response = faultAnswer(fault.status, fault.status == 429 ? 1 : 0);
            writeResponse(s, response, keepAlive, false);
            Q_EMIT requestServed(request.method, request.path, response.status);
            return;
        }
        case FaultKind::Truncate: {
            ++m_counts.truncated;
            const EmulatorResponse response =
                isSafeMethod(request.method) ? dispatch(request) : faultAnswer(503, 0);
            writeResponse(s, response, false, true);
            Q_EMIT requestServed(request.method, request.path, response.status);
            return;
        }
        case FaultKind::None:
            break;
        }
        const EmulatorResponse response = dispatch(request);
        if (m_answerDropper && m_answerDropper(request)) {
            ++m_counts.dropped;
            s->abort();
            Q_EMIT requestServed(request.method, request.path, 0);
            return;
        }
        writeResponse(s, response, keepAlive, false);
        if (!isSafeMethod(request.method) && response.status < 400)
            scheduleSave();
        Q_EMIT requestServed(request.method, request.path, response.status);
    };

    if (fault.latencyMs > 0) {
        ++m_counts.delayed;
        QTimer::singleShot(fault.latencyMs, this, answer);
    } else {
        answer();
    }
    return true;
}

void EmulatorServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) {
    Q_UNUSED(request);
    EmulatorResponse response;
    response.status = 404;
    response.body = QByteArrayLiteral("{\"error\":\"not found\"}");
    writeResponse(socket, response, false, false);
}

void EmulatorServer::writeResponse(QTcpSocket* socket, const EmulatorResponse& response, bool keepAlive,
                                   bool truncate) {
    QByteArray head;
    head.reserve(256);
    head += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (response.status != 204 && !response.contentType.isEmpty())
        head += "Content-Type: " + response.contentType + "\r\n";
    if (response.status != 204)
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n")
                      : QByteArrayLiteral("Connection: close\r\n");
    for (const auto& [name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    socket->write(head);
    if (response.status != 204) {
        if (truncate) {
            // At least one byte short so the client always notices; at most half the body arrives.
            socket->write(response.body.left(
                qMax<qsizetype>(0, qMin(response.body.size() / 2, response.body.size() - 1))));
        } else {
            socket->write(response.body);
        }
    }
    if (!keepAlive || truncate)
        socket->disconnectFromHost();
}

bool EmulatorServer::saveState(QString* error) const {
    if (m_options.stateFile.isEmpty())
        return true;
    QJsonObject services;
    for (const auto& service : m_services)
        services.insert(service->prefix(), service->snapshot());
    const QJsonObject root{{QStringLiteral("format"), 1}, {QStringLiteral("services"), services}};
    QSaveFile file(m_options.stateFile);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write the state file %1: %2").arg(m_options.stateFile, file.errorString());
        return false;
    }
    return true;
}

bool EmulatorServer::loadState(QString* error) {
    QFile file(m_options.stateFile);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read the state file %1: %2").arg(m_options.stateFile, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull() || !doc.isObject() || doc.object().value(QStringLiteral("format")).toInt() != 1) {
        if (error)
            *error = tr("The state file %1 is not an emulator state (format 1): %2")
                         .arg(m_options.stateFile, parseError.errorString());
        return false;
    }
    const QJsonObject services = doc.object().value(QStringLiteral("services")).toObject();
    for (const auto& service : m_services) {
        const auto it = services.constFind(service->prefix());
        if (it != services.constEnd())
            service->restore(it->toObject());
    }
    return true;
}

void EmulatorServer::scheduleSave() {
    if (!m_options.stateFile.isEmpty())
        m_saveTimer.start();
}

} // namespace trunkline::emulator
