// providers::sendCreate against a server that takes each request and hangs up without an answer, so every
// create's outcome is unknown: the create is looked up, looked up again after the settle delay, and sent
// again only when both looks find nothing; a late-landing create is found, not doubled.
#include "net/Authenticator.h"
#include "providers/ProviderCalls.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace trunkline;

namespace {

// Reads each request's head, counts the POSTs, and closes the connection without answering.
class HangUpServer : public QTcpServer {
public:
    int posts = 0;

protected:
    void incomingConnection(qintptr handle) override {
        auto* socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            const QByteArray head = socket->peek(socket->bytesAvailable());
            if (!head.contains("\r\n\r\n"))
                return;
            posts += head.startsWith("POST ") ? 1 : 0;
            socket->readAll();
            socket->abort();
            socket->deleteLater();
        });
    }
};

} // namespace

class tst_ProviderCalls : public QObject {
    Q_OBJECT

    HangUpServer m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<net::ApiClient> m_client;
    static constexpr std::chrono::milliseconds kSettle{300};

    // Sends one create with `lookup`; the outcome once done.
    providers::Outcome<QString> create(providers::Lookup<QString> lookup, int attempts) {
        net::ApiRequest request;
        request.method = "POST";
        request.path = u"/records"_s;
        request.body = "{}";
        std::optional<providers::Outcome<QString>> outcome;
        providers::sendCreate<QString>(
            m_client.get(), this, request,
            [](const QJsonObject& body, QString*) {
                return std::optional<QString>(body.value("id"_L1).toString());
            },
            std::move(lookup), [&outcome](const providers::Outcome<QString>& o) { outcome = o; }, attempts);
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20000))
            return {std::nullopt, std::nullopt};
        return *outcome;
    }

private slots:
    void init() {
        m_server.posts = 0;
        QVERIFY(m_server.isListening() || m_server.listen(QHostAddress::LocalHost));
        m_client = std::make_unique<net::ApiClient>(
            u"Test"_s, QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())),
            std::make_shared<net::BearerKeyAuthenticator>("key"), &m_network);
        m_client->setSettleDelay(kSettle);
    }

    // Qt's HTTP/1 channel sends a request again by itself when the server hangs up before answering; a
    // create must reach the server once and come back as an unknown outcome instead.
    void aDroppedCreateReachesTheServerOnce() {
        for (int round = 0; round < 3; ++round) { // Qt's reconnect attempts are counted per channel
            net::ApiRequest request;
            request.method = "POST";
            request.path = u"/records"_s;
            request.body = "{\"name\":\"x\"}";
            std::optional<net::ApiResult> result;
            net::ApiReply* reply = m_client->send(request);
            connect(reply, &net::ApiReply::finished, this,
                    [&result](const net::ApiResult& r) { result = r; });
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
            QVERIFY(result->error);
            QCOMPARE(result->error->kind, net::ApiError::Kind::OutcomeUnknown);
            QCOMPARE(m_server.posts, round + 1);
        }
    }

    void aCreateLandingLateIsFoundAfterTheSettleDelay() {
        QList<qint64> lookedAt;
        QElapsedTimer clock;
        clock.start();
        const auto outcome = create(
            [&](providers::LookupDone<QString> done) {
                lookedAt << clock.elapsed();
                // The lost create lands just after the first look.
                done(lookedAt.size() == 1 ? std::nullopt : std::optional<QString>(u"rec-1"_s), std::nullopt);
            },
            3);
        QVERIFY(outcome.ok());
        QCOMPARE(*outcome.value, u"rec-1"_s);
        QCOMPARE(m_server.posts, 1); // not sent again
        QCOMPARE(lookedAt.size(), 2);
        QVERIFY2(lookedAt.at(1) - lookedAt.at(0) >= kSettle.count(),
                 qPrintable(QString::number(lookedAt.at(1))));
    }

    void aCreateTwiceNotFoundIsSentAgain() {
        int looks = 0;
        const auto outcome = create(
            [&](providers::LookupDone<QString> done) {
                ++looks;
                done(std::nullopt, std::nullopt);
            },
            2);
        // Lost, looked up twice, sent again, lost again: the last send has no attempt left to look for.
        QCOMPARE(m_server.posts, 2);
        QCOMPARE(looks, 3);
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind, net::ApiError::Kind::OutcomeUnknown);
    }

    void aFailedLookupSendsNothingMore() {
        int looks = 0;
        const auto outcome = create(
            [&](providers::LookupDone<QString> done) {
                ++looks;
                net::ApiError error;
                error.kind = net::ApiError::Kind::Network;
                done(std::nullopt, error);
            },
            3);
        QCOMPARE(m_server.posts, 1);
        QCOMPARE(looks, 1);
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind, net::ApiError::Kind::OutcomeUnknown);
    }
};

QTEST_GUILESS_MAIN(tst_ProviderCalls)
#include "tst_ProviderCalls.moc"
