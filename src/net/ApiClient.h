#pragma once

#include "net/ApiRequest.h"
#include "net/ApiResult.h"
#include "net/HttpExchange.h"
#include "net/RateLimitPacer.h"
#include "net/RetryPolicy.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace trunkline::net {

class Authenticator;
class CurlTransport;

// The answer to one ApiClient::send(): emits finished() exactly once, then deletes itself.
class ApiReply : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    // Stops the call: a queued request is never sent, a running one is aborted.
    void cancel();

signals:
    void finished(const trunkline::net::ApiResult& result);

private:
    friend class ApiClient;
    struct Call* m_call = nullptr;
    class ApiClient* m_client = nullptr;
};

// The one HTTP layer every provider client uses. It sends through libcurl (CurlTransport) or Qt's
// QNetworkAccessManager, the injected one (tests and the benchmark swap it), which also carries the
// sign-in requests and whose proxy settings the libcurl stack takes on. It authenticates each request, keeps
// a bounded number in flight, paces each rate-limit group so that 429s do not happen, retries transient
// failures with backoff and jitter (honouring Retry-After), never re-sends a create blindly, never ignores
// TLS errors, and turns every failure into a typed ApiError.
class ApiClient : public QObject {
    Q_OBJECT

public:
    ApiClient(QString providerName, QUrl baseUrl, std::shared_ptr<Authenticator> authenticator,
              QNetworkAccessManager* network, QObject* parent = nullptr);
    ~ApiClient() override;

    ApiReply* send(ApiRequest request);

    // The HTTP stack requests go through. libcurl by default: on the fast sync it takes a fraction of
    // Qt 6.4's CPU time (docs/performance.md); TRUNKLINE_HTTP_STACK=qt in the environment picks Qt's,
    // for a network that only Qt's stack gets through, and for the tests that run on both.
    enum class HttpStack { Curl, Qt };
    static HttpStack defaultHttpStack();
    void setHttpStack(HttpStack stack);
    HttpStack httpStack() const { return m_stack; }

    QString providerName() const { return m_provider; }
    QUrl baseUrl() const { return m_baseUrl; }

    // On Qt's stack, which opens at most 6 HTTP/1.1 connections per host and QNetworkAccessManager, more
    // requests in flight than that are spread over further managers ("lanes", one per 6), made by the
    // lane factory. libcurl keeps as many connections as there are requests in flight.
    void setMaxInFlight(int count);
    using LaneFactory = std::function<QNetworkAccessManager*(QObject* parent)>;
    void setLaneFactory(LaneFactory factory) { m_laneFactory = std::move(factory); }
    int laneCount() const { return static_cast<int>(m_lanes.size()); }
    void setRetryPolicy(const RetryPolicy& policy) { m_retry = policy; }
    // Idle timeout: no byte for this long ends an attempt.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Whole-attempt deadline: an answer that trickles in a byte at a time (never idle) still ends here.
    void setAttemptDeadline(std::chrono::milliseconds deadline) { m_attemptDeadline = deadline; }
    // The largest answer read; a larger one (by Content-Length or as it arrives) is cut off with a
    // Protocol error instead of filling memory.
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    // A create whose answer was lost (timeout, dropped connection) may still land at the provider a
    // moment later: before a lookup that did not find it counts as "not created" and the create is sent
    // again, it is given this long and looked up once more (providers::sendCreate). Bounded and short:
    // only lost creates pay it.
    static constexpr std::chrono::milliseconds kDefaultSettleDelay{2000};
    void setSettleDelay(std::chrono::milliseconds delay) { m_settleDelay = delay; }
    std::chrono::milliseconds settleDelay() const { return m_settleDelay; }
    RateLimitPacer& pacer() { return m_pacer; }

    // Counters for progress displays, tests and the benchmark.
    int requestsSent() const { return m_requestsSent; }
    int rateLimitRejections() const { return m_rejections; }
    int inFlight() const { return m_inFlight; }

signals:
    // Each attempt as it goes out (for the benchmark's list of pages fetched).
    void attemptSent(const QByteArray& method, const QUrl& url);

private:
    friend class ApiReply;

    void dispatch();
    void start(Call* call);
    void transmit(Call* call);
    void transmitWithQt(Call* call, QNetworkRequest& request);
    void transmitWithCurl(Call* call, const QNetworkRequest& request);
    void onReplyFinished(Call* call, QNetworkReply* reply);
    void judge(Call* call, const HttpAnswer& answer);
    QByteArray curlProxy();
    void retryLater(Call* call, std::chrono::milliseconds delay);
    void complete(Call* call, ApiResult result);
    void cancel(Call* call);
    ApiError errorFor(const Call& call, ApiError::Kind kind, int status, const QByteArray& body) const;
    ApiError waitTooLong(const Call& call, ApiError::Kind kind, int status,
                         std::chrono::milliseconds wait) const;

    QString m_provider;
    QUrl m_baseUrl;
    std::shared_ptr<Authenticator> m_auth;
    QPointer<QNetworkAccessManager> m_network;
    struct Lane {
        QPointer<QNetworkAccessManager> network;
        int inFlight = 0;
    };
    std::vector<Lane> m_lanes; // m_lanes[0] is m_network
    Lane& quietestLane();
    void addLanes();
    LaneFactory m_laneFactory;
    RetryPolicy m_retry;
    RateLimitPacer m_pacer;
    std::chrono::milliseconds m_timeout{30000};
    std::chrono::milliseconds m_attemptDeadline{180000};
    std::chrono::milliseconds m_settleDelay{kDefaultSettleDelay};
    qint64 m_maxBodyBytes = 64LL * 1024 * 1024; // a 1000-record page is about 1-2 MB
    int m_maxInFlight = 6;
    HttpStack m_stack = defaultHttpStack();
    std::unique_ptr<CurlTransport> m_curl; // made with the first request it carries
    std::optional<QByteArray> m_curlProxyUrl;

    QList<Call*> m_queue;
    QHash<QString, int> m_inFlightByGroup;
    QSet<QString> m_unlimitedGroups; // groups the server answered without any limit header
    QTimer m_wakeUp;
    int m_inFlight = 0;
    int m_requestsSent = 0;
    int m_rejections = 0;
};

} // namespace trunkline::net
