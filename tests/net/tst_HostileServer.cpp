// A broken or hostile server cannot hang or exhaust the client: bounded Retry-After, a cap on the
// answer's size, a deadline for an answer that trickles in, redirects only within the same origin, no
// trust in a certificate the system does not, and paged lists that neither trust a claimed page count
// with memory nor loop on A -> B -> A links. Requests take the proxy Qt would, and as many are on the
// wire as the client allows. The server is a scripted HTTP/1.1 responder on 127.0.0.1 (real sockets),
// one behaviour per path. ctest runs these on both HTTP stacks (TRUNKLINE_HTTP_STACK).
#include "BoolRows.h"
#include "net/ApiClient.h"
#include "net/Authenticator.h"
#include "net/PagedFetch.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>
#include <functional>

using namespace trunkline;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using net::ApiClient;
using net::ApiError;
using net::ApiRequest;
using net::ApiResult;

namespace {

// Answers each request with what the script returns for its path and query; an empty answer holds the
// request open (never answered). A script may also write to the socket itself and return nothing.
class ScriptedServer : public QTcpServer {
public:
    using Script = std::function<QByteArray(const QUrl& target, QTcpSocket* socket)>;

    explicit ScriptedServer(Script script)
        : m_script(std::move(script)) {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
            }
        });
    }

    QUrl baseUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(serverPort())); }
    int requests = 0;

    static QByteArray json(int status, const QJsonObject& body, const QByteArray& extraHeaders = {}) {
        const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n" +
               extraHeaders + "Content-Length: " + QByteArray::number(bytes.size()) + "\r\n\r\n" + bytes;
    }

private:
    void serve(QTcpSocket* socket) {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        qsizetype end = 0;
        while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QByteArray head = buffer.left(end);
            buffer.remove(0, end + 4);
            ++requests;
            const QByteArray target = head.split(' ').value(1);
            const QByteArray answer = m_script(QUrl(QString::fromLatin1(target)), socket);
            if (!answer.isEmpty())
                socket->write(answer);
        }
    }

    Script m_script;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

struct Client {
    explicit Client(const QUrl& baseUrl)
        : client(u"Hostile"_s, baseUrl, std::make_shared<net::BearerKeyAuthenticator>("key"), &network) {
        client.setRetryPolicy(net::RetryPolicy(3, 5ms, 20ms));
    }

    ApiResult run(const ApiRequest& request, int timeoutMs = 20000) {
        std::optional<ApiResult> result;
        net::ApiReply* reply = client.send(request);
        QObject::connect(reply, &net::ApiReply::finished, reply,
                         [&result](const ApiResult& r) { result = r; });
        QElapsedTimer timer;
        timer.start();
        while (!result && timer.elapsed() < timeoutMs)
            QTest::qWait(5);
        return result.value_or(ApiResult{});
    }

    QNetworkAccessManager network;
    ApiClient client;
};

// A list whose pages say {"records": [...], "totalPages": N} or link on with {"next": "/list?page=K"}.
net::PagedFetch* listFetch(ApiClient* client, const QUrl& baseUrl) {
    auto requestForPage = [](int page) {
        ApiRequest request = ApiRequest::get(u"/list"_s);
        request.query.addQueryItem(u"page"_s, QString::number(page));
        return request;
    };
    auto reader = [baseUrl](const ApiResult& result, QString*) -> std::optional<net::PageContent> {
        const QJsonObject page = result.json().object();
        net::PageContent content;
        content.records = page.value(u"records"_s).toArray();
        content.totalPages = page.value(u"totalPages"_s).toInt();
        if (page.contains(u"next"_s))
            content.next = net::PagedFetch::requestForLink(baseUrl, page.value(u"next"_s).toString(), {});
        return content;
    };
    return new net::PagedFetch(client, requestForPage, reader);
}

// The list fetched from `server` until the fetch finishes; nothing if it does not within five seconds.
std::optional<net::PagedFetchResult> fetchList(const ScriptedServer& server) {
    Client client(server.baseUrl());
    std::unique_ptr<net::PagedFetch> fetch(listFetch(&client.client, server.baseUrl()));
    QSignalSpy finished(fetch.get(), &net::PagedFetch::finished);
    fetch->start();
    if (!QTest::qWaitFor([&finished] { return finished.count() == 1; }))
        return std::nullopt;
    return fetch->result();
}

int pageOf(const QUrl& target) {
    return QUrlQuery(target).queryItemValue(u"page"_s).toInt();
}

} // namespace

class tst_HostileServer : public QObject {
    Q_OBJECT

private slots:
    void aCertificateTheSystemDoesNotTrustIsRefused() {
        QFile certificate(QStringLiteral(TEST_DATA_DIR "/self-signed-127.0.0.1.crt"));
        QFile key(QStringLiteral(TEST_DATA_DIR "/self-signed-127.0.0.1.key"));
        QVERIFY(certificate.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certificate.readAll()));
        tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int handshakes = 0;
        connect(&server, &QSslServer::startedEncryptionHandshake, this, [&handshakes] { ++handshakes; });

        Client client(QUrl(u"https://127.0.0.1:%1"_s.arg(server.serverPort())));
        const ApiResult result = client.run(ApiRequest::get(u"/secret"_s));

        QVERIFY(result.error);
        QCOMPARE(result.error->kind, ApiError::Kind::Tls);
        QCOMPARE(result.attempts, 1); // a certificate does not become trusted by asking again
        QCOMPARE(handshakes, 1);
    }

    void requestsTakeTheProxyQtWould() {
        ScriptedServer origin([](const QUrl&, QTcpSocket*) {
            return ScriptedServer::json(200, {{u"via"_s, 0}});
        });
        QUrl asked;
        ScriptedServer proxy([&asked](const QUrl& target, QTcpSocket*) {
            asked = target;
            return ScriptedServer::json(200, {{u"via"_s, 1}});
        });
        Client client(origin.baseUrl());
        client.network.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, proxy.serverPort()));

        const ApiResult result = client.run(ApiRequest::get(u"/thing"_s));

        QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message() : QString()));
        QCOMPARE(result.json().object().value(u"via"_s).toInt(), 1);
        QCOMPARE(asked, origin.baseUrl().resolved(QUrl(u"/thing"_s))); // a proxy's absolute request
        QCOMPARE(origin.requests, 0);
    }

    void sixteenRequestsAreOnTheWireTogether() {
        // The server answers none until all sixteen have arrived: a stack that held any back (Qt opens
        // six connections per manager) would wait for ever.
        QList<QTcpSocket*> holding;
        ScriptedServer server([&holding](const QUrl&, QTcpSocket* socket) {
            holding.append(socket);
            if (holding.size() == 16) {
                for (QTcpSocket* held : std::as_const(holding))
                    held->write(ScriptedServer::json(200, {{u"ok"_s, true}}));
            }
            return QByteArray();
        });
        Client client(server.baseUrl());
        client.client.setMaxInFlight(16);
        int answered = 0;
        for (int i = 0; i < 16; ++i) {
            net::ApiReply* reply = client.client.send(ApiRequest::get(u"/held"_s));
            connect(reply, &net::ApiReply::finished, this,
                    [&answered](const ApiResult& result) { answered += result.ok() ? 1 : 0; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, 16, 10000);
        QCOMPARE(server.requests, 16);
    }

    void retryAfterBeyondThePatienceFailsAtOnce_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("kind");

        QTest::newRow("429, an hour") << 429 << QByteArray("3600") << int(ApiError::Kind::RateLimited);
        QTest::newRow("429, 1e300 s (overflow)")
            << 429 << QByteArray("1e300") << int(ApiError::Kind::RateLimited);
        QTest::newRow("429, year 9999")
            << 429 << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT") << int(ApiError::Kind::RateLimited);
        QTest::newRow("503, ten minutes") << 503 << QByteArray("600") << int(ApiError::Kind::Server);
    }
    void retryAfterBeyondThePatienceFailsAtOnce() {
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, kind);
        ScriptedServer server([&](const QUrl&, QTcpSocket*) {
            return ScriptedServer::json(status, {{u"message"_s, u"slow down"_s}},
                                        "Retry-After: " + retryAfter + "\r\n");
        });
        Client client(server.baseUrl());
        QElapsedTimer timer;
        timer.start();
        const ApiResult result = client.run(ApiRequest::get(u"/thing"_s));

        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(result.error);
        QCOMPARE(int(result.error->kind), kind);
        QCOMPARE(result.attempts, 1);
        QVERIFY2(result.error->message().contains(u"longer than Trunkline waits (5 minutes)"_s),
                 qPrintable(result.error->message()));
    }

    // The same patience for a rate-limit window: a server that announces an hour-long window already used
    // up gets the next request of that group refused at once, not held for the hour.
    void aRateLimitWindowBeyondThePatienceFailsAtOnce() {
        ScriptedServer server([&](const QUrl&, QTcpSocket*) {
            return ScriptedServer::json(200, {{u"ok"_s, true}},
                                        "X-Rate-Limit-Group: heavy\r\nX-Rate-Limit-Limit: 1\r\n"
                                        "X-Rate-Limit-Remaining: 0\r\nX-Rate-Limit-Window: 3600\r\n");
        });
        Client client(server.baseUrl());
        ApiRequest request = ApiRequest::get(u"/thing"_s);
        request.rateGroup = u"Heavy"_s;
        QVERIFY(!client.run(request).error);
        QElapsedTimer timer;
        timer.start();
        const ApiResult result = client.run(request);
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, ApiError::Kind::RateLimited);
        QVERIFY2(result.error->message().contains(u"longer than Trunkline waits (5 minutes)"_s),
                 qPrintable(result.error->message()));
    }

    void aShortRetryAfterIsHonoured() {
        int calls = 0;
        ScriptedServer server([&](const QUrl&, QTcpSocket*) {
            return ++calls == 1 ? ScriptedServer::json(429, {}, "Retry-After: 0.2\r\n")
                                : ScriptedServer::json(200, {{u"ok"_s, true}});
        });
        Client client(server.baseUrl());
        QElapsedTimer timer;
        timer.start();
        const ApiResult result = client.run(ApiRequest::get(u"/thing"_s));
        QVERIFY(result.ok());
        QCOMPARE(result.attempts, 2);
        QVERIFY(timer.elapsed() >= 190);
    }

    void anAnswerLargerThanTheCapIsCutOff_data() {
        addBoolRows("announced", "streamed without a length", "by Content-Length");
    }
    void anAnswerLargerThanTheCapIsCutOff() {
        QFETCH(bool, announced);
        const QByteArray chunk(64 * 1024, 'x');
        ScriptedServer server([&](const QUrl&, QTcpSocket* socket) {
            socket->write(
                announced ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                            "104857600\r\n\r\n"
                          : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
            // Keep writing until the client hangs up: 4 MB at most, four times the cap.
            auto* pump = new QTimer(socket);
            auto written = std::make_shared<int>(0);
            QObject::connect(pump, &QTimer::timeout, socket, [socket, chunk, written, pump] {
                if (socket->state() != QAbstractSocket::ConnectedState || ++*written > 64)
                    pump->stop();
                else
                    socket->write(chunk);
            });
            pump->start(1);
            return QByteArray();
        });
        Client client(server.baseUrl());
        client.client.setMaxBodyBytes(1024 * 1024);
        const ApiResult result = client.run(ApiRequest::get(u"/huge"_s));

        QVERIFY(result.error);
        QCOMPARE(result.error->kind, ApiError::Kind::Protocol);
        QCOMPARE(result.attempts, 1); // the same server would send the same body again
        QVERIFY2(result.error->detail.contains(u"larger than 1 MB"_s), qPrintable(result.error->detail));
        QVERIFY(result.body.size() <= 1024 * 1024);
    }

    void aServerThatNeverAnswersTimesOut() {
        ScriptedServer server([](const QUrl&, QTcpSocket*) { return QByteArray(); }); // holds every request
        Client client(server.baseUrl());
        client.client.setTimeout(200ms);
        client.client.setRetryPolicy(net::RetryPolicy(2, 5ms, 5ms));
        QElapsedTimer timer;
        timer.start();
        const ApiResult read = client.run(ApiRequest::get(u"/silent"_s));

        QVERIFY(read.error);
        QCOMPARE(read.error->kind, ApiError::Kind::Timeout);
        QCOMPARE(read.attempts, 2);      // a read is asked again
        QVERIFY(timer.elapsed() >= 300); // two idle timeouts (Qt's timers may fire 5 % early)
        QVERIFY(timer.elapsed() < 3000);

        ApiRequest create = ApiRequest::get(u"/silent"_s);
        create.method = "POST";
        create.body = "{}";
        const ApiResult created = client.run(create);
        QVERIFY(created.error);
        QCOMPARE(created.error->kind, ApiError::Kind::OutcomeUnknown); // it may have been made: never re-sent
        QCOMPARE(created.attempts, 1);
        QCOMPARE(server.requests, 3);
    }

    void anAnswerThatTricklesInEndsAtTheDeadline() {
        ScriptedServer server([](const QUrl&, QTcpSocket* socket) {
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
            auto* drip = new QTimer(socket);
            QObject::connect(drip, &QTimer::timeout, socket, [socket] { socket->write(" "); });
            drip->start(20); // never idle for the 1 s idle timeout
            return QByteArray();
        });
        Client client(server.baseUrl());
        client.client.setTimeout(1000ms);
        client.client.setAttemptDeadline(300ms);
        client.client.setRetryPolicy(net::RetryPolicy(1, 5ms, 5ms));
        QElapsedTimer timer;
        timer.start();
        const ApiResult result = client.run(ApiRequest::get(u"/slow"_s));

        QVERIFY(result.error);
        QCOMPARE(result.error->kind, ApiError::Kind::Timeout);
        QVERIFY2(result.error->detail.contains(u"still arriving"_s), qPrintable(result.error->detail));
        QVERIFY(timer.elapsed() < 3000);
    }

    void aRedirectToAnotherOriginIsNotFollowed() {
        ScriptedServer elsewhere([](const QUrl&, QTcpSocket*) { return ScriptedServer::json(200, {}); });
        const QByteArray location = elsewhere.baseUrl().toEncoded() + "/steal";
        ScriptedServer server([&](const QUrl& target, QTcpSocket*) {
            if (target.path() == u"/same")
                return QByteArray("HTTP/1.1 302 Found\r\nLocation: /moved\r\nContent-Length: 0\r\n\r\n");
            if (target.path() == u"/moved")
                return ScriptedServer::json(200, {{u"moved"_s, true}});
            return QByteArray("HTTP/1.1 302 Found\r\nLocation: " + location +
                              "\r\nContent-Length: 0\r\n\r\n");
        });
        Client client(server.baseUrl());

        const ApiResult followed = client.run(ApiRequest::get(u"/same"_s));
        QVERIFY(followed.ok());
        QCOMPARE(followed.json().object().value(u"moved"_s).toBool(), true);

        const ApiResult refused = client.run(ApiRequest::get(u"/away"_s));
        QVERIFY(refused.error);
        QCOMPARE(refused.error->kind, ApiError::Kind::Protocol);
        QVERIFY2(refused.error->detail.contains(u"another address"_s), qPrintable(refused.error->detail));
        QCOMPARE(elsewhere.requests, 0); // the credentials never reached the other server
    }

    void aClaimedPageCountIsNotTrustedWithMemory() {
        // Page 1 claims 50,000 pages; every other page is held unanswered.
        ScriptedServer server([](const QUrl& target, QTcpSocket*) {
            return pageOf(target) == 1
                       ? ScriptedServer::json(200, {{u"records"_s, QJsonArray{1}}, {u"totalPages"_s, 50000}})
                       : QByteArray();
        });
        Client client(server.baseUrl());
        std::unique_ptr<net::PagedFetch> fetch(listFetch(&client.client, server.baseUrl()));
        QSignalSpy pages(fetch.get(), &net::PagedFetch::pageReceived);
        fetch->start();
        QTRY_COMPARE(pages.count(), 1);
        QTest::qWait(50);
        QCOMPARE(fetch->totalPages(), 50000);
        QCOMPARE(fetch->requestedPages(), 1 + net::PagedFetch::kPagesAhead);
        fetch->cancel();
    }

    void aPageCountBeyondAnyAccountIsRefused() {
        ScriptedServer server([](const QUrl&, QTcpSocket*) {
            return ScriptedServer::json(200, {{u"records"_s, QJsonArray{}}, {u"totalPages"_s, 2147483647}});
        });
        const std::optional<net::PagedFetchResult> result = fetchList(server);
        QVERIFY(result);
        QVERIFY(!result->complete);
        QCOMPARE(result->error->kind, ApiError::Kind::Protocol);
        QVERIFY(result->error->detail.contains(u"2147483647 pages"_s));
        QCOMPARE(server.requests, 1);
    }

    void aLinkCycleEndsTheFetch_data() {
        QTest::addColumn<QString>("secondLinksTo");
        QTest::addColumn<QString>("detail");
        QTest::newRow("A -> B -> A") << u"/list?page=1"_s << u"Page 2 links back to a page already read."_s;
        QTest::newRow("B -> B") << u"/list?page=2"_s << u"Page 2 links to itself as the next page."_s;
    }
    void aLinkCycleEndsTheFetch() {
        QFETCH(QString, secondLinksTo);
        QFETCH(QString, detail);
        ScriptedServer server([&](const QUrl& target, QTcpSocket*) {
            const QString next = pageOf(target) == 1 ? u"/list?page=2"_s : secondLinksTo;
            return ScriptedServer::json(200, {{u"records"_s, QJsonArray{pageOf(target)}}, {u"next"_s, next}});
        });
        const std::optional<net::PagedFetchResult> result = fetchList(server);
        QVERIFY(result);
        QVERIFY(!result->complete);
        QCOMPARE(result->pages, 2);
        QCOMPARE(result->error->kind, ApiError::Kind::Protocol);
        QCOMPARE(result->error->detail, detail);
        QCOMPARE(server.requests, 2);
    }
};

QTEST_GUILESS_MAIN(tst_HostileServer)
#include "tst_HostileServer.moc"
