#include "net/CurlTransport.h"

#include "net/MonotonicClock.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <atomic>
#include <curl/curl.h>
#include <mutex>
#include <pthread.h>
#include <unordered_map>
#include <vector>

namespace trunkline::net {

namespace {

void initialiseLibcurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// QNetworkReply's error for what libcurl reported, so that ApiClient's rules (retry, re-send, typed
// error) read both stacks alike.
QNetworkReply::NetworkError qtErrorFor(CURLcode code) {
    switch (code) {
    case CURLE_OK:
        return QNetworkReply::NoError;
    case CURLE_COULDNT_CONNECT:
        return QNetworkReply::ConnectionRefusedError;
    case CURLE_COULDNT_RESOLVE_HOST:
        return QNetworkReply::HostNotFoundError;
    case CURLE_COULDNT_RESOLVE_PROXY:
        return QNetworkReply::ProxyNotFoundError;
    case CURLE_PROXY:
        return QNetworkReply::UnknownProxyError;
    case CURLE_OPERATION_TIMEDOUT:
        return QNetworkReply::TimeoutError;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
        return QNetworkReply::SslHandshakeFailedError;
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
        return QNetworkReply::RemoteHostClosedError;
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_BAD_CONTENT_ENCODING:
        return QNetworkReply::ProtocolFailure;
    default:
        return QNetworkReply::UnknownNetworkError;
    }
}

bool sameOrigin(const QUrl& a, const QUrl& b) {
    const auto defaultPort = [](const QUrl& url) {
        return url.scheme() == QLatin1String("https") ? 443 : 80;
    };
    return a.scheme() == b.scheme() && a.host() == b.host() &&
           a.port(defaultPort(a)) == b.port(defaultPort(b));
}

bool isRedirect(long status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

struct CurlTransport::Worker {
    Q_DECLARE_TR_FUNCTIONS(CurlTransport)

public:
    struct Transfer {
        quint64 id = 0;
        HttpExchange exchange;
        Done done;
        CURL* easy = nullptr;
        curl_slist* headerList = nullptr;
        HttpAnswer answer;
        // By MonotonicClock, the rate-limit pacer's clock too.
        qint64 startedAt = 0;
        qint64 lastByteAt = 0;
        int redirects = 0;
        char errorBuffer[CURL_ERROR_SIZE] = {};
    };

    explicit Worker(QObject* answerContext)
        : context(answerContext)
        , multi(curl_multi_init()) {}

    ~Worker() {
        for (auto& [id, transfer] : running) {
            curl_multi_remove_handle(multi, transfer->easy);
            curl_slist_free_all(transfer->headerList);
            curl_easy_cleanup(transfer->easy);
        }
        for (CURL* easy : spareHandles)
            curl_easy_cleanup(easy);
        curl_multi_cleanup(multi);
    }

    void run() {
        pthread_setname_np(pthread_self(), "trunkline-curl");
        while (!stopping.load()) {
            takeInbox();
            int stillRunning = 0;
            curl_multi_perform(multi, &stillRunning);
            collectFinished();
            enforceTimeouts();
            curl_multi_poll(multi, nullptr, 0, pollTimeoutMs(), nullptr);
        }
    }

    void takeInbox() {
        std::vector<std::unique_ptr<Transfer>> starts;
        std::vector<quint64> aborts;
        {
            std::lock_guard lock(mutex);
            starts.swap(inbox);
            aborts.swap(abortInbox);
            mail.store(false);
        }
        for (auto& transfer : starts)
            begin(std::move(transfer));
        for (const quint64 id : aborts) {
            if (const auto it = running.find(id); it != running.end())
                end(*it->second, QNetworkReply::OperationCanceledError);
        }
    }

    void begin(std::unique_ptr<Transfer> transfer) {
        transfer->easy = takeEasyHandle();
        configure(*transfer);
        transfer->startedAt = transfer->lastByteAt = MonotonicClock::nowMs();
        curl_multi_add_handle(multi, transfer->easy);
        const quint64 id = transfer->id;
        running.emplace(id, std::move(transfer));
    }

    static void configure(Transfer& transfer) {
        CURL* easy = transfer.easy;
        const HttpExchange& exchange = transfer.exchange;
        curl_easy_setopt(easy, CURLOPT_PRIVATE, &transfer);
        curl_easy_setopt(easy, CURLOPT_URL, exchange.url.toEncoded().constData());
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        // Verification always on (also libcurl's default; said here so that nobody turns it off).
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
        // The proxy Qt would use, for every host as with Qt; libcurl reads neither http_proxy nor no_proxy
        // from the environment then.
        curl_easy_setopt(easy, CURLOPT_PROXY, exchange.proxy.constData());
        curl_easy_setopt(easy, CURLOPT_NOPROXY, "");
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.errorBuffer);
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Worker::onHeader);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Worker::onBody);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
        if (!exchange.mayResend) {
            // libcurl sends a request again by itself when a reused connection turns out to have been
            // closed; on a connection of its own, a create is sent once.
            curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, 1L);
            curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, 1L);
        }
        for (const auto& [name, value] : exchange.headers)
            transfer.headerList =
                curl_slist_append(transfer.headerList, QByteArray(name + ": " + value).constData());
        transfer.headerList = curl_slist_append(transfer.headerList, "Expect:"); // no 100-continue round trip
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer.headerList);
        if (exchange.method == "GET") {
            curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        } else {
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                             static_cast<curl_off_t>(exchange.body.size()));
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, exchange.body.constData());
            if (exchange.method != "POST")
                curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, exchange.method.constData());
        }
    }

    static size_t onHeader(char* buffer, size_t size, size_t count, void* data) {
        auto& transfer = *static_cast<Transfer*>(data);
        const size_t length = size * count;
        transfer.lastByteAt = MonotonicClock::nowMs();
        const QByteArray line = QByteArray(buffer, static_cast<qsizetype>(length)).trimmed();
        if (line.startsWith("HTTP/")) { // a new response (after a 100 Continue): its own headers
            transfer.answer.headers.clear();
            return length;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return length;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            if (value.toLongLong() > transfer.exchange.maxBodyBytes) {
                transfer.answer.tooLarge = true;
                return 0; // ends the transfer
            }
            transfer.answer.body.reserve(static_cast<qsizetype>(value.toLongLong()));
        }
        transfer.answer.headers.append({name, value});
        return length;
    }

    static size_t onBody(char* buffer, size_t size, size_t count, void* data) {
        auto& transfer = *static_cast<Transfer*>(data);
        const auto length = static_cast<qsizetype>(size * count);
        transfer.lastByteAt = MonotonicClock::nowMs();
        if (transfer.answer.body.size() + length > transfer.exchange.maxBodyBytes) {
            transfer.answer.tooLarge = true;
            return 0;
        }
        transfer.answer.body.append(buffer, length);
        return static_cast<size_t>(length);
    }

    void collectFinished() {
        int left = 0;
        while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
            if (message->msg != CURLMSG_DONE)
                continue;
            Transfer* transfer = nullptr;
            curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &transfer);
            finished(*transfer, message->data.result);
            // Requests that came in meanwhile go out now, not after the rest of the answers are parsed:
            // a rate limit counts them from when they leave.
            if (mail.load()) {
                takeInbox();
                int stillRunning = 0;
                curl_multi_perform(multi, &stillRunning);
            }
        }
    }

    void finished(Transfer& transfer, CURLcode code) {
        long status = 0;
        curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
        transfer.answer.status = static_cast<int>(status);
        // The request went out once connected: the server counts it against a rate limit from then.
        curl_off_t connecting = 0;
        curl_easy_getinfo(transfer.easy, CURLINFO_PRETRANSFER_TIME_T, &connecting);
        transfer.answer.sentAtMs = transfer.startedAt + static_cast<qint64>(connecting / 1000);
        if (transfer.answer.tooLarge) {
            end(transfer, QNetworkReply::OperationCanceledError);
            return;
        }
        char* location = nullptr;
        if (code == CURLE_OK && isRedirect(status) &&
            curl_easy_getinfo(transfer.easy, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) {
            const QUrl target = QUrl::fromEncoded(location);
            if (!sameOrigin(target, transfer.exchange.url)) {
                transfer.answer.redirectTarget = target;
                end(transfer, QNetworkReply::InsecureRedirectError);
            } else if (++transfer.redirects > kMaxRedirects) {
                end(transfer, QNetworkReply::TooManyRedirectsError);
            } else {
                follow(transfer, target, status);
            }
            return;
        }
        end(transfer, qtErrorFor(code), messageFor(code, transfer.errorBuffer));
    }

    static QString messageFor(CURLcode code, const char* detail) {
        const QString what = QString::fromUtf8(*detail ? detail : curl_easy_strerror(code));
        switch (qtErrorFor(code)) {
        case QNetworkReply::NoError:
            return {};
        case QNetworkReply::ConnectionRefusedError:
            return tr("the server refused the connection");
        case QNetworkReply::HostNotFoundError:
            return tr("the server's host name was not found");
        case QNetworkReply::RemoteHostClosedError:
            return tr("the server closed the connection before the answer was complete");
        case QNetworkReply::SslHandshakeFailedError:
            return tr("the TLS handshake failed (%1)").arg(what);
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::UnknownProxyError:
            return tr("the proxy could not be used (%1)").arg(what);
        default:
            return tr("the request failed (%1)").arg(what);
        }
    }

    // 303 turns any request into a GET, 301 and 302 turn a POST into one (as Qt and browsers do); 307 and
    // 308 keep the method and the body. The deadline keeps counting from the first attempt.
    void follow(Transfer& transfer, const QUrl& target, long status) {
        curl_multi_remove_handle(multi, transfer.easy);
        curl_slist_free_all(transfer.headerList);
        transfer.headerList = nullptr;
        curl_easy_reset(transfer.easy);
        if (status == 303 || ((status == 301 || status == 302) && transfer.exchange.method == "POST")) {
            transfer.exchange.method = "GET";
            transfer.exchange.body.clear();
        }
        transfer.exchange.url = target;
        transfer.answer = HttpAnswer{};
        configure(transfer);
        curl_multi_add_handle(multi, transfer.easy);
    }

    void enforceTimeouts() {
        const qint64 now = MonotonicClock::nowMs();
        std::vector<Transfer*> expired;
        for (auto& [id, transfer] : running) {
            if (now - transfer->startedAt >= transfer->exchange.deadline.count()) {
                transfer->answer.timedOut = true;
                transfer->answer.trickled = true;
                expired.push_back(transfer.get());
            } else if (now - transfer->lastByteAt >= transfer->exchange.idleTimeout.count()) {
                transfer->answer.timedOut = true;
                expired.push_back(transfer.get());
            }
        }
        for (Transfer* transfer : expired)
            end(*transfer, QNetworkReply::OperationCanceledError);
    }

    int pollTimeoutMs() const {
        qint64 wait = 60000; // new work wakes the poll up
        const qint64 now = MonotonicClock::nowMs();
        for (const auto& [id, transfer] : running) {
            const qint64 due = std::min(transfer->startedAt + transfer->exchange.deadline.count(),
                                        transfer->lastByteAt + transfer->exchange.idleTimeout.count());
            wait = std::min(wait, due - now);
        }
        return static_cast<int>(std::max<qint64>(0, wait));
    }

    // Hands the answer to the context's thread and forgets the transfer (which this destroys). Cancels,
    // timeouts, oversized answers and refused redirects need no text: ApiClient words them itself.
    void end(Transfer& transfer, QNetworkReply::NetworkError error, const QString& errorString = {}) {
        curl_multi_remove_handle(multi, transfer.easy);
        curl_slist_free_all(transfer.headerList);
        giveBack(transfer.easy);
        HttpAnswer& answer = transfer.answer;
        answer.error = error;
        answer.errorString = error == QNetworkReply::NoError ? QString() : errorString;
        if (error == QNetworkReply::NoError && answer.status >= 200 && answer.status < 300 &&
            !answer.body.isEmpty() && answer.isJson()) {
            answer.document = QJsonDocument::fromJson(answer.body, &answer.parseError);
            answer.parsed = true;
        }
        QMetaObject::invokeMethod(
            context,
            [done = std::move(transfer.done), answer = std::move(transfer.answer)]() mutable {
                done(std::move(answer));
            },
            Qt::QueuedConnection);
        running.erase(transfer.id);
    }

    // Easy handles are kept for the next transfer: a reset handle keeps its buffers and DNS cache.
    CURL* takeEasyHandle() {
        if (spareHandles.empty())
            return curl_easy_init();
        CURL* easy = spareHandles.back();
        spareHandles.pop_back();
        curl_easy_reset(easy);
        return easy;
    }
    void giveBack(CURL* easy) {
        constexpr size_t kKept = 64;
        if (spareHandles.size() < kKept)
            spareHandles.push_back(easy);
        else
            curl_easy_cleanup(easy);
    }

    QObject* context;
    CURLM* multi;
    std::atomic<bool> stopping{false};
    std::mutex mutex; // guards the two inboxes, filled on the owner's thread
    std::vector<std::unique_ptr<Transfer>> inbox;
    std::vector<quint64> abortInbox;
    std::atomic<bool> mail{false};                                  // something in either inbox
    std::unordered_map<quint64, std::unique_ptr<Transfer>> running; // the worker thread's own
    std::vector<CURL*> spareHandles;
    quint64 lastId = 0; // the owner's thread's own
};

CurlTransport::CurlTransport(QObject* context) {
    initialiseLibcurlOnce();
    m_worker = std::make_unique<Worker>(context);
    m_thread = std::thread([worker = m_worker.get()] { worker->run(); });
}

CurlTransport::~CurlTransport() {
    m_worker->stopping.store(true);
    curl_multi_wakeup(m_worker->multi);
    m_thread.join();
}

quint64 CurlTransport::start(HttpExchange exchange, Done done) {
    auto transfer = std::make_unique<Worker::Transfer>();
    transfer->id = ++m_worker->lastId;
    transfer->exchange = std::move(exchange);
    transfer->done = std::move(done);
    const quint64 id = transfer->id;
    {
        std::lock_guard lock(m_worker->mutex);
        m_worker->inbox.push_back(std::move(transfer));
        m_worker->mail.store(true);
    }
    curl_multi_wakeup(m_worker->multi);
    return id;
}

void CurlTransport::abort(quint64 id) {
    {
        std::lock_guard lock(m_worker->mutex);
        m_worker->abortInbox.push_back(id);
        m_worker->mail.store(true);
    }
    curl_multi_wakeup(m_worker->multi);
}

} // namespace trunkline::net
