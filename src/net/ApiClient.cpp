#include "net/ApiClient.h"

#include "net/Authenticator.h"
#include "net/CurlTransport.h"
#include "net/MonotonicClock.h"
#include "net/OneShotBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcessEnvironment>

namespace trunkline::net {

using std::chrono::milliseconds;

struct Call {
    ApiRequest request;
    QPointer<ApiReply> reply;
    QPointer<QNetworkReply> networkReply;
    qint64 notBefore = 0;
    int attempts = 0;
    bool authRetried = false;
    // How Qt's stack ended the running attempt (libcurl's says so in its HttpAnswer).
    bool timedOut = false;
    bool trickled = false; // the attempt deadline passed while bytes still came
    bool tooLarge = false; // the answer passed the size cap and was cut off
    bool cancelled = false;
    QTimer* timeout = nullptr;
    QPointer<QNetworkAccessManager> lane; // the manager the running attempt went through (Qt's stack)
    quint64 transfer = 0;                 // the running attempt's id in CurlTransport
    qint64 sentAt = 0;                    // by the pacer's clock
    qint64 leftAt = 0; // when Qt's stack reported the request written (its requestSent()), 0 = not yet
};

namespace {

// Fills provider, code, detail and field from the error bodies the three providers send:
// RingCentral {errorCode, message, errors:[{errorCode, message, parameterName}]},
// Telnyx {errors:[{code, title, detail, source:{pointer}}]},
// Restcomm {message, status, more_info}? (and plain text), and OAuth {error, error_description}.
void readErrorBody(const QByteArray& body, ApiError& error) {
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (object.isEmpty()) {
        const QString text = QString::fromUtf8(body.left(300)).simplified();
        if (!text.startsWith(QLatin1Char('<')))
            error.detail = text;
        return;
    }
    const QJsonArray errors = object.value(QStringLiteral("errors")).toArray();
    if (!errors.isEmpty()) {
        const QJsonObject first = errors.first().toObject();
        error.providerCode =
            first.value(QStringLiteral("errorCode")).toString(first.value(QStringLiteral("code")).toString());
        error.detail = first.value(QStringLiteral("message"))
                           .toString(first.value(QStringLiteral("detail"))
                                         .toString(first.value(QStringLiteral("title")).toString()));
        error.field = first.value(QStringLiteral("parameterName"))
                          .toString(first.value(QStringLiteral("source"))
                                        .toObject()
                                        .value(QStringLiteral("pointer"))
                                        .toString());
        return;
    }
    error.providerCode =
        object.value(QStringLiteral("errorCode")).toString(object.value(QStringLiteral("error")).toString());
    error.detail = object.value(QStringLiteral("message"))
                       .toString(object.value(QStringLiteral("error_description")).toString());
}

ApiError::Kind kindForStatus(int status) {
    switch (status) {
    case 401:
        return ApiError::Kind::Unauthorized;
    case 403:
        return ApiError::Kind::Forbidden;
    case 404:
        return ApiError::Kind::NotFound;
    case 429:
        return ApiError::Kind::RateLimited;
    default:
        return status >= 500 ? ApiError::Kind::Server : ApiError::Kind::Invalid;
    }
}

bool isTlsError(QNetworkReply::NetworkError error) {
    return error == QNetworkReply::SslHandshakeFailedError;
}

// Errors that prove the request never reached the server, so even a create may be sent again.
bool neverReachedServer(QNetworkReply::NetworkError error) {
    return error == QNetworkReply::ConnectionRefusedError || error == QNetworkReply::HostNotFoundError;
}

// RingCentral's documented default when a 429 carries no Retry-After (§7.2).
constexpr milliseconds kDefaultRetryAfter{60000};

// A call that ended without an answer to read.
ApiResult failure(int httpStatus, ApiError error, int attempts) {
    ApiResult result;
    result.httpStatus = httpStatus;
    result.error = std::move(error);
    result.attempts = attempts;
    return result;
}

} // namespace

void ApiReply::cancel() {
    if (m_client && m_call)
        m_client->cancel(m_call);
}

ApiClient::ApiClient(QString providerName, QUrl baseUrl, std::shared_ptr<Authenticator> authenticator,
                     QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_provider(std::move(providerName))
    , m_baseUrl(std::move(baseUrl))
    , m_auth(std::move(authenticator))
    , m_network(network) {
    m_lanes.push_back({m_network, 0});
    m_wakeUp.setSingleShot(true);
    connect(&m_wakeUp, &QTimer::timeout, this, &ApiClient::dispatch);
}

ApiClient::~ApiClient() {
    m_curl.reset(); // its thread ends before the calls its answers would reach
    for (Call* call : std::as_const(m_queue))
        delete call;
}

ApiClient::HttpStack ApiClient::defaultHttpStack() {
    static const HttpStack stack = QProcessEnvironment::systemEnvironment().value(
                                       QStringLiteral("TRUNKLINE_HTTP_STACK")) == QLatin1String("qt")
                                       ? HttpStack::Qt
                                       : HttpStack::Curl;
    return stack;
}

void ApiClient::setHttpStack(HttpStack stack) {
    m_stack = stack;
    addLanes();
}

void ApiClient::setMaxInFlight(int count) {
    m_maxInFlight = std::max(1, count);
    addLanes();
}

void ApiClient::addLanes() {
    if (m_stack != HttpStack::Qt)
        return;
    constexpr int kConnectionsPerLane = 6; // QHttpNetworkConnection's channel count for HTTP/1.1
    const size_t wanted =
        static_cast<size_t>((m_maxInFlight + kConnectionsPerLane - 1) / kConnectionsPerLane);
    while (m_network && m_lanes.size() < wanted) {
        QNetworkAccessManager* lane = nullptr;
        if (m_laneFactory) {
            lane = m_laneFactory(this);
        } else {
            lane = new QNetworkAccessManager(this);
            lane->setProxy(m_network->proxy());
        }
        m_lanes.push_back({lane, 0});
    }
}

ApiClient::Lane& ApiClient::quietestLane() {
    auto quietest = m_lanes.begin();
    for (auto it = m_lanes.begin(); it != m_lanes.end(); ++it) {
        if (it->network && (!quietest->network || it->inFlight < quietest->inFlight))
            quietest = it;
    }
    return *quietest;
}

ApiReply* ApiClient::send(ApiRequest request) {
    auto* reply = new ApiReply(this);
    auto* call = new Call;
    call->request = std::move(request);
    call->reply = reply;
    reply->m_call = call;
    reply->m_client = this;
    m_queue.append(call);
    // Dispatch from the event loop so the caller can connect to finished() first.
    QMetaObject::invokeMethod(this, &ApiClient::dispatch, Qt::QueuedConnection);
    return reply;
}

void ApiClient::dispatch() {
    const qint64 now = MonotonicClock::nowMs();
    qint64 wakeIn = -1;
    auto wantWakeUp = [&wakeIn](qint64 delay) {
        wakeIn = wakeIn < 0 ? delay : std::min(wakeIn, delay);
    };

    QList<std::pair<Call*, milliseconds>> tooLong;
    for (auto it = m_queue.begin(); it != m_queue.end() && m_inFlight < m_maxInFlight;) {
        Call* call = *it;
        if (call->notBefore > now) {
            wantWakeUp(call->notBefore - now);
            ++it;
            continue;
        }
        const QString& group = call->request.rateGroup;
        if (!group.isEmpty()) {
            // Until a response has told the group's limit, probe with one request at a time.
            // A server that answered the group without any limit header (e.g. trunkline-emulator with
            // its rate limits off) announces none: probing one at a time would serialise it for good.
            if (!m_pacer.knowsLimits(group) && !m_unlimitedGroups.contains(group) &&
                m_inFlightByGroup.value(group) > 0) {
                ++it;
                continue;
            }
            const qint64 delay = m_pacer.delayBeforeSend(group);
            if (delay > RetryPolicy::kLongestWait.count()) {
                // A rate-limit window (or a penalty) longer than Trunkline waits: said at once, as for a
                // Retry-After that long, instead of holding the request for up to an hour. Completed after
                // the loop: a caller may queue more from its callback.
                it = m_queue.erase(it);
                tooLong.append({call, milliseconds(delay)});
                continue;
            }
            if (delay > 0) {
                wantWakeUp(delay);
                ++it;
                continue;
            }
        }
        it = m_queue.erase(it);
        start(call);
    }
    if (wakeIn >= 0)
        m_wakeUp.start(static_cast<int>(std::max<qint64>(1, wakeIn)));
    for (const auto& [call, wait] : std::as_const(tooLong)) {
        ++m_inFlight; // complete() balances the books as for a started call
        ++m_inFlightByGroup[call->request.rateGroup];
        complete(call, failure(0, waitTooLong(*call, ApiError::Kind::RateLimited, 0, wait), call->attempts));
    }
}

void ApiClient::start(Call* call) {
    ++m_inFlight;
    if (!call->request.rateGroup.isEmpty()) {
        ++m_inFlightByGroup[call->request.rateGroup];
        call->sentAt = m_pacer.recordSend(call->request.rateGroup);
    }
    if (!m_network) {
        complete(call, failure(0, errorFor(*call, ApiError::Kind::Cancelled, 0, {}), call->attempts));
        return;
    }
    m_auth->ensureReady(*m_network, [this, call](std::optional<ApiError> error) {
        if (call->cancelled) {
            complete(call, failure(0, errorFor(*call, ApiError::Kind::Cancelled, 0, {}), call->attempts));
        } else if (error) {
            error->subject = call->request.subject.isEmpty() ? error->subject : call->request.subject;
            complete(call, failure(error->httpStatus, *error, call->attempts));
        } else {
            transmit(call);
        }
    });
}

void ApiClient::transmit(Call* call) {
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + call->request.path);
    if (!call->request.query.isEmpty())
        url.setQuery(call->request.query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", call->request.accept);
    if (!call->request.body.isEmpty() || call->request.method != "GET")
        request.setHeader(QNetworkRequest::ContentTypeHeader, call->request.contentType);
    // A redirect may lead only to the same scheme, host and port: the credentials applied below must not
    // follow a redirect to another server.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    m_auth->apply(request);

    ++call->attempts;
    ++m_requestsSent;
    emit attemptSent(call->request.method, url);
    if (m_stack == HttpStack::Curl)
        transmitWithCurl(call, request);
    else
        transmitWithQt(call, request);
}

void ApiClient::transmitWithCurl(Call* call, const QNetworkRequest& request) {
    if (!m_curl)
        m_curl = std::make_unique<CurlTransport>(this);
    HttpExchange exchange;
    exchange.method = call->request.method;
    exchange.url = request.url();
    for (const QByteArray& name : request.rawHeaderList())
        exchange.headers.append({name, request.rawHeader(name)});
    exchange.body = call->request.body;
    exchange.mayResend = call->request.idempotent();
    exchange.proxy = curlProxy();
    exchange.maxBodyBytes = m_maxBodyBytes;
    exchange.idleTimeout = m_timeout;
    exchange.deadline = m_attemptDeadline;
    call->transfer = m_curl->start(std::move(exchange), [this, call](const HttpAnswer& answer) {
        call->transfer = 0;
        judge(call, answer);
    });
}

// The proxy Qt's stack would use for the base URL (the manager's own, or the application's), as a
// libcurl proxy URL. Asked once: the client's requests all go to one server.
QByteArray ApiClient::curlProxy() {
    if (m_curlProxyUrl)
        return *m_curlProxyUrl;
    QNetworkProxy proxy = m_network ? m_network->proxy() : QNetworkProxy();
    if (proxy.type() == QNetworkProxy::DefaultProxy) {
        const QNetworkProxyQuery query(m_baseUrl);
        const QList<QNetworkProxy> proxies = m_network && m_network->proxyFactory()
                                                 ? m_network->proxyFactory()->queryProxy(query)
                                                 : QNetworkProxyFactory::proxyForQuery(query);
        proxy = proxies.value(0, QNetworkProxy(QNetworkProxy::NoProxy));
    }
    QUrl url;
    if (proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::HttpCachingProxy)
        url.setScheme(QStringLiteral("http"));
    else if (proxy.type() == QNetworkProxy::Socks5Proxy)
        url.setScheme(QStringLiteral("socks5h")); // names resolved by the proxy, as Qt does
    if (!url.scheme().isEmpty()) {
        url.setHost(proxy.hostName());
        url.setPort(proxy.port());
        url.setUserName(proxy.user());
        url.setPassword(proxy.password());
    }
    m_curlProxyUrl = url.isEmpty() ? QByteArray() : url.toEncoded();
    return *m_curlProxyUrl;
}

void ApiClient::transmitWithQt(Call* call, QNetworkRequest& request) {
    call->timedOut = false;
    call->trickled = false;
    call->tooLarge = false;
    Lane& lane = quietestLane();
    ++lane.inFlight;
    call->lane = lane.network;
    QNetworkReply* reply = nullptr;
    if (call->request.idempotent()) {
        reply = lane.network->sendCustomRequest(request, call->request.method, call->request.body);
    } else {
        // Qt would send it again by itself on a dropped connection (see OneShotBody).
        auto* body = new OneShotBody(call->request.body);
        request.setHeader(QNetworkRequest::ContentLengthHeader, call->request.body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        reply = lane.network->sendCustomRequest(request, call->request.method, body);
        body->setParent(reply);
    }
    call->networkReply = reply;
    // Our own timers rather than setTransferTimeout, so a timeout is told apart from a cancel. The idle
    // timer restarts with every byte; the deadline does not, so a trickling answer cannot hold a lane.
    call->timeout = new QTimer(reply);
    call->timeout->setSingleShot(true);
    connect(call->timeout, &QTimer::timeout, reply, [call, reply] {
        call->timedOut = true;
        reply->abort();
    });
    call->timeout->start(m_timeout);
    // A timer owned by the reply, not QTimer::singleShot: a single-shot timer lives until it fires, three
    // minutes on, so a fast sync kept tens of thousands of them registered, and every timer start and
    // every object Qt's HTTP stack moves between threads scans the thread's whole timer list (perf put a
    // quarter of the sync's CPU time there). This one goes with its reply.
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [call, reply] {
        call->timedOut = true;
        call->trickled = true;
        reply->abort();
    });
    deadline->start(m_attemptDeadline);
    const qint64 maxBytes = m_maxBodyBytes;
    connect(reply, &QNetworkReply::downloadProgress, call->timeout,
            [call, reply, maxBytes, this](qint64 received, qint64 total) {
                call->timeout->start(m_timeout);
                if (received > maxBytes || total > maxBytes) {
                    call->tooLarge = true;
                    reply->abort();
                }
            });
    if (!call->request.rateGroup.isEmpty()) {
        call->leftAt = 0;
        connect(reply, &QNetworkReply::requestSent, this, [call] {
            if (call->leftAt == 0)
                call->leftAt = MonotonicClock::nowMs();
        });
    }
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { onReplyFinished(call, reply); });
}

void ApiClient::onReplyFinished(Call* call, QNetworkReply* reply) {
    reply->deleteLater();
    for (Lane& lane : m_lanes) {
        if (lane.network == call->lane)
            --lane.inFlight;
    }
    call->networkReply = nullptr;
    call->timeout = nullptr;
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->isOpen() ? reply->readAll() : QByteArray(); // closed once aborted
    answer.headers = reply->rawHeaderPairs();
    answer.error = reply->error();
    answer.errorString = reply->errorString();
    answer.redirectTarget = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    answer.timedOut = call->timedOut;
    answer.trickled = call->trickled;
    answer.tooLarge = call->tooLarge;
    answer.sentAtMs = call->leftAt;
    judge(call, answer);
}

void ApiClient::judge(Call* call, const HttpAnswer& answer) {
    const int status = answer.status;
    const QByteArray& body = answer.body;
    ApiResult result;
    result.httpStatus = status;
    result.attempts = call->attempts;
    result.headers = answer.headers;
    const QString& group = call->request.rateGroup;
    if (!group.isEmpty()) {
        if (answer.sentAtMs > call->sentAt) {
            m_pacer.correctSend(group, call->sentAt, answer.sentAtMs);
            call->sentAt = answer.sentAtMs;
        }
        m_pacer.recordHeaders(group, answer.header("X-Rate-Limit-Limit"),
                              answer.header("X-Rate-Limit-Remaining"), answer.header("X-Rate-Limit-Window"),
                              call->sentAt);
        if (status >= 200 && status < 300 && answer.header("X-Rate-Limit-Limit").isEmpty())
            m_unlimitedGroups.insert(group);
    }
    const bool canResend = call->request.idempotent();
    const QNetworkReply::NetworkError networkError = answer.error;

    if (call->cancelled) {
        result.error = errorFor(*call, ApiError::Kind::Cancelled, status, {});
        complete(call, result);
        return;
    }
    // Answers no retry can mend: the same server would send the same oversized body or redirect again.
    if (answer.tooLarge || networkError == QNetworkReply::InsecureRedirectError ||
        networkError == QNetworkReply::TooManyRedirectsError) {
        ApiError error = errorFor(*call, ApiError::Kind::Protocol, status, {});
        if (answer.tooLarge) {
            error.detail = tr("the answer is larger than %1 MB, more than any page of the API")
                               .arg(m_maxBodyBytes / (1024 * 1024));
        } else {
            error.detail =
                tr("it redirected the request to another address (%1); Trunkline follows "
                   "redirects only within the profile's address")
                    .arg(answer.redirectTarget.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
        }
        if (!canResend)
            error.kind = ApiError::Kind::OutcomeUnknown;
        result.error = error;
        complete(call, result);
        return;
    }

    // Transport failures: nothing (or not all) came back.
    // (A body cut short after a 2xx header also lands here: the request took effect, its answer is lost.)
    const bool transportFailed =
        status == 0 || (networkError != QNetworkReply::NoError &&
                        networkError < QNetworkReply::ContentAccessDenied && status < 400);
    if (transportFailed) {
        ApiError::Kind kind = answer.timedOut ? ApiError::Kind::Timeout : ApiError::Kind::Network;
        if (isTlsError(networkError))
            kind = ApiError::Kind::Tls;
        ApiError error = errorFor(*call, kind, status, {});
        error.detail =
            answer.trickled
                ? tr("the answer was still arriving after %1 s")
                      .arg(std::chrono::duration_cast<std::chrono::seconds>(m_attemptDeadline).count())
            : answer.timedOut ? QString()
                              : answer.errorString;
        if (kind != ApiError::Kind::Tls && m_retry.mayRetry(call->attempts)) {
            if (canResend || neverReachedServer(networkError)) {
                retryLater(call, m_retry.delayBefore(call->attempts));
                return;
            }
            error.kind = ApiError::Kind::OutcomeUnknown;
        } else if (kind != ApiError::Kind::Tls && !canResend && !neverReachedServer(networkError)) {
            error.kind = ApiError::Kind::OutcomeUnknown;
        }
        result.error = error;
        complete(call, result);
        return;
    }

    if (status >= 200 && status < 300) {
        // A 2xx whose JSON does not parse was cut on the way: the request did take effect.
        QJsonParseError parseError{};
        if (answer.parsed) {
            result.document = answer.document;
            parseError = answer.parseError;
        } else if (answer.isJson() && !body.isEmpty()) {
            result.document = QJsonDocument::fromJson(body, &parseError);
        }
        if (parseError.error != QJsonParseError::NoError) {
            if (canResend && m_retry.mayRetry(call->attempts)) {
                retryLater(call, m_retry.delayBefore(call->attempts));
                return;
            }
            result.error = errorFor(*call, ApiError::Kind::Protocol, status, {});
            result.error->detail = parseError.errorString();
        }
        result.body = body;
        complete(call, result);
        return;
    }

    if (status == 401 && !call->authRetried && m_auth->invalidate()) {
        call->authRetried = true;
        retryLater(call, milliseconds(0));
        return;
    }
    if (status == 429) {
        ++m_rejections;
        const milliseconds wait =
            RetryPolicy::parseRetryAfter(answer.header("Retry-After")).value_or(kDefaultRetryAfter);
        if (wait > RetryPolicy::kLongestWait) {
            result.body = body;
            result.error = waitTooLong(*call, ApiError::Kind::RateLimited, status, wait);
            complete(call, result);
            return;
        }
        if (!group.isEmpty())
            m_pacer.recordRejection(group, wait.count());
        // A 429 is refused before any processing, so even a create may be sent again.
        if (m_retry.mayRetry(call->attempts)) {
            retryLater(call, wait);
            return;
        }
    }
    if (status >= 500 && m_retry.mayRetry(call->attempts) && canResend) {
        const std::optional<milliseconds> retryAfter =
            RetryPolicy::parseRetryAfter(answer.header("Retry-After"));
        if (retryAfter && *retryAfter > RetryPolicy::kLongestWait) {
            result.body = body;
            result.error = waitTooLong(*call, ApiError::Kind::Server, status, *retryAfter);
            complete(call, result);
            return;
        }
        retryLater(call, m_retry.delayBefore(call->attempts, retryAfter));
        return;
    }
    ApiError error = errorFor(*call, kindForStatus(status), status, body);
    if (status >= 500 && !canResend)
        error.kind = ApiError::Kind::OutcomeUnknown;
    result.body = body;
    result.error = error;
    complete(call, result);
}

void ApiClient::retryLater(Call* call, milliseconds delay) {
    --m_inFlight;
    if (!call->request.rateGroup.isEmpty())
        --m_inFlightByGroup[call->request.rateGroup];
    call->notBefore = MonotonicClock::nowMs() + delay.count();
    m_queue.prepend(call);
    dispatch();
}

void ApiClient::complete(Call* call, ApiResult result) {
    --m_inFlight;
    if (!call->request.rateGroup.isEmpty())
        --m_inFlightByGroup[call->request.rateGroup];
    // One read of each guarded pointer: a QPointer read twice may differ in between (GCC says so at -O2).
    if (ApiReply* reply = call->reply.data(); reply != nullptr) {
        reply->m_call = nullptr;
        emit reply->finished(result);
        reply->deleteLater();
    }
    delete call;
    QMetaObject::invokeMethod(this, &ApiClient::dispatch, Qt::QueuedConnection);
}

void ApiClient::cancel(Call* call) {
    call->cancelled = true;
    if (m_queue.removeOne(call)) {
        ++m_inFlight; // complete() balances the books as for a started call
        if (!call->request.rateGroup.isEmpty())
            ++m_inFlightByGroup[call->request.rateGroup];
        complete(call, failure(0, errorFor(*call, ApiError::Kind::Cancelled, 0, {}), call->attempts));
    } else if (QNetworkReply* networkReply = call->networkReply.data(); networkReply != nullptr) {
        networkReply->abort();
    } else if (call->transfer != 0 && m_curl) {
        m_curl->abort(call->transfer);
    }
}

ApiError ApiClient::errorFor(const Call& call, ApiError::Kind kind, int status,
                             const QByteArray& body) const {
    ApiError error;
    error.kind = kind;
    error.httpStatus = status;
    error.provider = m_provider;
    error.subject = call.request.subject;
    if (!body.isEmpty())
        readErrorBody(body, error);
    return error;
}

ApiError ApiClient::waitTooLong(const Call& call, ApiError::Kind kind, int status, milliseconds wait) const {
    using std::chrono::duration_cast;
    using std::chrono::minutes;
    ApiError error = errorFor(call, kind, status, {});
    error.detail = tr("it asked to wait %1 minutes before the next attempt, longer than Trunkline waits "
                      "(%2 minutes)")
                       .arg(duration_cast<minutes>(wait).count())
                       .arg(duration_cast<minutes>(RetryPolicy::kLongestWait).count());
    return error;
}

} // namespace trunkline::net
