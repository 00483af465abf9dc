#include "emulator/EmulatorServer.h"
#include "net/ApiClient.h"
#include "providers/ringcentral/RingCentralAuthenticator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace trunkline;
using net::ApiClient;
using net::ApiError;
using net::ApiRequest;
using net::ApiResult;

// QTRY_* macros return from the enclosing void test function; this wait is usable in a helper.
#define WAIT_UNTIL(expr, timeout)                                                                            \
    do {                                                                                                     \
        QElapsedTimer t;                                                                                     \
        t.start();                                                                                           \
        while (!(expr) && t.elapsed() < (timeout))                                                           \
            QTest::qWait(5);                                                                                 \
    } while (false)

namespace {

// An emulator in this process and an ApiClient signed in to its RingCentral admin account.
struct Rig {
    explicit Rig(emulator::EmulatorOptions options, bool admin = true)
        : server(options) {
        QString error;
        listening = server.listen(&error);
        const emulator::DemoCredentials demo = server.credentials();
        auth = std::make_shared<providers::ringcentral::RingCentralAuthenticator>(
            server.baseUrl(),
            providers::ringcentral::RingCentralAuthenticator::Credentials{
                demo.ringCentralClientId.toLatin1(), demo.ringCentralClientSecret.toLatin1(),
                (admin ? demo.ringCentralAdminJwt : demo.ringCentralUserJwt).toLatin1()});
        client = std::make_unique<ApiClient>(QStringLiteral("RingCentral"), server.baseUrl(), auth, &network);
        client->setRetryPolicy(
            net::RetryPolicy(8, std::chrono::milliseconds(5), std::chrono::milliseconds(50)));
    }

    // Sends every request at once and waits for all answers.
    QList<ApiResult> run(const QList<ApiRequest>& requests, int timeoutMs = 30000) {
        QList<ApiResult> results(requests.size());
        int done = 0;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            net::ApiReply* reply = client->send(requests.at(i));
            QObject::connect(reply, &net::ApiReply::finished, reply,
                             [&results, &done, i](const ApiResult& r) {
                                 results[i] = r;
                                 ++done;
                             });
        }
        WAIT_UNTIL(done == requests.size(), timeoutMs);
        return results;
    }
    ApiResult runOne(const ApiRequest& request) { return run({request}).value(0); }

    emulator::EmulatorServer server;
    bool listening = false;
    QNetworkAccessManager network;
    std::shared_ptr<providers::ringcentral::RingCentralAuthenticator> auth;
    std::unique_ptr<ApiClient> client;
};

emulator::EmulatorOptions quietOffice() {
    emulator::EmulatorOptions options;
    options.seed = 11;
    options.rateLimits = false;
    return options;
}

ApiRequest extensionPage(int page) {
    ApiRequest request =
        ApiRequest::get(QStringLiteral("/restapi/v1.0/account/~/extension"), QStringLiteral("Medium"));
    request.query.addQueryItem(QStringLiteral("page"), QString::number(page));
    request.query.addQueryItem(QStringLiteral("perPage"), QStringLiteral("5"));
    request.subject = QStringLiteral("page %1 of the extension list").arg(page);
    return request;
}

// `count` requests that ask for the extension list's pages 1 to `pages` in turn.
QList<ApiRequest> extensionPages(int count, int pages) {
    QList<ApiRequest> requests;
    for (int i = 0; i < count; ++i)
        requests << extensionPage(1 + i % pages);
    return requests;
}

// A manager that counts the requests it has running, to see how the client spreads them.
class CountingNetwork : public QNetworkAccessManager {
public:
    using QNetworkAccessManager::QNetworkAccessManager;
    int running = 0;
    int peak = 0;

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* data) override {
        QNetworkReply* reply = QNetworkAccessManager::createRequest(op, request, data);
        peak = std::max(peak, ++running);
        connect(reply, &QNetworkReply::finished, this, [this] { --running; });
        return reply;
    }
};

} // namespace

class tst_ApiClient : public QObject {
    Q_OBJECT

private slots:
    void signsInOnceForManyParallelRequests() {
        Rig rig(quietOffice());
        QVERIFY(rig.listening);
        const QList<ApiResult> results = rig.run(extensionPages(6, 6));
        for (const ApiResult& result : results)
            QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message() : QString()));
        QCOMPARE(rig.auth->tokenRequests(), 1);
        QCOMPARE(results.first()
                     .json()
                     .object()
                     .value(QStringLiteral("paging"))
                     .toObject()
                     .value(QStringLiteral("page"))
                     .toInt(),
                 1);
    }

    void moreInFlightThanSixSpreadsOverFurtherManagersOnQtsStack() {
        // Qt runs at most 6 HTTP/1.1 requests per host and manager and queues the rest: 16 in flight
        // need three managers, none of them asked for more than 6 at once.
        Rig rig(quietOffice());
        QVERIFY(rig.listening);
        rig.client->setHttpStack(ApiClient::HttpStack::Qt);
        std::vector<CountingNetwork*> lanes;
        rig.client->setLaneFactory([&lanes](QObject* parent) {
            lanes.push_back(new CountingNetwork(parent));
            return lanes.back();
        });
        rig.client->setMaxInFlight(16);
        QCOMPARE(rig.client->laneCount(), 3);
        QCOMPARE(lanes.size(), size_t(2));
        // The first lane is the client's own manager; sign in first so its token request is not counted.
        QVERIFY(rig.runOne(extensionPage(1)).ok());
        const QList<ApiResult> results = rig.run(extensionPages(16, 16));
        for (const ApiResult& result : results)
            QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message() : QString()));
        for (const CountingNetwork* lane : lanes) {
            QVERIFY2(lane->peak >= 5 && lane->peak <= 6, qPrintable(QString::number(lane->peak)));
            QCOMPARE(lane->running, 0);
        }
        QCOMPARE(rig.client->requestsSent(), 17);
    }

    void wrongSecretIsUnauthorizedWithAdvice() {
        Rig rig(quietOffice());
        const emulator::DemoCredentials demo = rig.server.credentials();
        auto badAuth = std::make_shared<providers::ringcentral::RingCentralAuthenticator>(
            rig.server.baseUrl(),
            providers::ringcentral::RingCentralAuthenticator::Credentials{
                demo.ringCentralClientId.toLatin1(), "not-the-secret", demo.ringCentralAdminJwt.toLatin1()});
        ApiClient client(QStringLiteral("RingCentral"), rig.server.baseUrl(), badAuth, &rig.network);
        ApiResult result;
        bool done = false;
        connect(
            client.send(ApiRequest::get(QStringLiteral("/restapi/v1.0/account/~"), QStringLiteral("Light"))),
            &net::ApiReply::finished, this, [&](const ApiResult& r) {
                result = r;
                done = true;
            });
        QTRY_VERIFY(done);
        QVERIFY(result.error.has_value());
        QCOMPARE(result.error->kind, ApiError::Kind::Unauthorized);
        QVERIFY2(
            result.error->message().contains(QLatin1String("RingCentral did not accept the credentials")),
            qPrintable(result.error->message()));
        QVERIFY(result.error->message().contains(QLatin1String("Enter the profile's credentials again.")));
        QVERIFY(!result.error->message().contains(QLatin1String("not-the-secret")));
    }

    void nonAdminGetsForbiddenForAdminOperations() {
        Rig rig(quietOffice(), /*admin=*/false);
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/restapi/v1.0/account/~/extension");
        request.rateGroup = QStringLiteral("Medium");
        request.subject = QStringLiteral("the new extension Jane Roe");
        request.body =
            R"({"contact":{"firstName":"Jane","lastName":"Roe","email":"jane@example.com"},"type":"User"})";
        const ApiResult result = rig.runOne(request);
        QVERIFY(result.error.has_value());
        QCOMPARE(result.error->kind, ApiError::Kind::Forbidden);
        QCOMPARE(result.httpStatus, 403);
        QVERIFY(result.error->providerCode.startsWith(QLatin1String("CMN-")));
        QVERIFY2(result.error->message().startsWith(QLatin1String(
                     "RingCentral does not allow this profile to change the new extension Jane Roe")),
                 qPrintable(result.error->message()));
    }

    void transientFaultsAreRetriedUntilEveryReadSucceeds() {
        emulator::EmulatorOptions options = quietOffice();
        options.faults.serverError = 0.25;
        options.faults.drop = 0.1;
        options.faults.truncate = 0.1;
        Rig rig(options);
        const QList<ApiRequest> requests = extensionPages(30, 3);
        const QList<ApiResult> results = rig.run(requests, 60000);
        int attempts = 0;
        for (const ApiResult& result : results) {
            QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message() : QString()));
            QVERIFY(result.json().object().contains(QStringLiteral("records")));
            attempts += result.attempts;
        }
        const emulator::ServedCounts counts = rig.server.servedCounts();
        QVERIFY2(counts.serverErrors + counts.dropped + counts.truncated > 0, "the faults must have struck");
        QVERIFY(attempts > requests.size());
    }

    void createIsNeverResentAfterAnUnclearFailure() {
        emulator::EmulatorOptions options = quietOffice();
        options.faults.drop = 0.3;
        options.faults.truncate = 0.2;
        Rig rig(options);
        QList<ApiRequest> creates;
        for (int i = 0; i < 12; ++i) {
            ApiRequest create;
            create.method = "POST";
            create.path = QStringLiteral("/restapi/v1.0/account/~/extension");
            create.rateGroup = QStringLiteral("Medium");
            create.body =
                QStringLiteral(
                    R"({"contact":{"firstName":"Temp%1","email":"temp%1@example.com"},"type":"User"})")
                    .arg(i)
                    .toUtf8();
            creates << create;
        }
        const QList<ApiResult> results = rig.run(creates, 60000);
        int unknown = 0;
        for (const ApiResult& result : results) {
            if (result.error) {
                QCOMPARE(result.error->kind, ApiError::Kind::OutcomeUnknown);
                QCOMPARE(result.attempts, 1); // never sent a second time
                ++unknown;
            }
        }
        QVERIFY2(unknown > 0, "with 50% faults some creates must end unclear");

        // No create took effect twice: every temporary extension exists at most once.
        ApiRequest list =
            ApiRequest::get(QStringLiteral("/restapi/v1.0/account/~/extension"), QStringLiteral("Medium"));
        list.query.addQueryItem(QStringLiteral("perPage"), QStringLiteral("1000"));
        const ApiResult listed = rig.runOne(list);
        QVERIFY2(listed.ok(), qPrintable(listed.error ? listed.error->message() : QString()));
        QHash<QString, int> seen;
        const QJsonArray records = listed.json().object().value(QStringLiteral("records")).toArray();
        for (const QJsonValue& record : records)
            ++seen[record.toObject()
                       .value(QStringLiteral("contact"))
                       .toObject()
                       .value(QStringLiteral("email"))
                       .toString()];
        int created = 0;
        for (int i = 0; i < 12; ++i) {
            const int copies = seen.value(QStringLiteral("temp%1@example.com").arg(i));
            QVERIFY2(copies <= 1, "a create was applied twice");
            created += copies;
        }
        QVERIFY(created >= results.size() - unknown); // every success really exists
    }

    void rateLimitsArePacedWithoutA429() {
        emulator::EmulatorOptions options;
        options.seed = 5;
        options.rateLimits = true;
        // A 60 s window lasts five seconds: short enough for a test, long enough that the pacer's margin
        // (1% of the window) outlasts the scheduling delays of a loaded machine running other tests.
        options.timeScale = 12;
        Rig rig(options);
        QList<ApiRequest> requests;
        for (int i = 0; i < 12; ++i) // Heavy: 10 per window, so the last two wait for the next one
            requests << ApiRequest::get(QStringLiteral("/restapi/v1.0/account/~/phone-number"),
                                        QStringLiteral("Heavy"));
        QElapsedTimer timer;
        timer.start();
        const QList<ApiResult> results = rig.run(requests, 60000);
        for (const ApiResult& result : results)
            QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message() : QString()));
        QCOMPARE(rig.client->rateLimitRejections(), 0);
        QVERIFY2(timer.elapsed() >= 4900, "12 Heavy requests cannot fit in one 5 s window");
    }

    void tooManyRequestsStormIsRiddenOut() {
        emulator::EmulatorOptions options = quietOffice();
        options.faults.tooManyRequests = 0.4;
        options.timeScale = 600; // Retry-After values become short
        Rig rig(options);
        const QList<ApiResult> results = rig.run(extensionPages(20, 1), 60000);
        for (const ApiResult& result : results)
            QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message() : QString()));
        QVERIFY(rig.client->rateLimitRejections() > 0);
    }

    void expiredTokenIsRenewedMidway() {
        emulator::EmulatorOptions options = quietOffice();
        options.timeScale = 3600; // the one-hour access token lives one second
        Rig rig(options);
        QVERIFY(rig.runOne(extensionPage(1)).ok());
        QTest::qWait(1500);
        const ApiResult later = rig.runOne(extensionPage(1));
        QVERIFY2(later.ok(), qPrintable(later.error ? later.error->message() : QString()));
        QVERIFY(rig.auth->tokenRequests() >= 2);
    }

    void cancelStopsAQueuedRequest() {
        Rig rig(quietOffice());
        net::ApiReply* reply = rig.client->send(extensionPage(1));
        ApiResult result;
        bool done = false;
        connect(reply, &net::ApiReply::finished, this, [&](const ApiResult& r) {
            result = r;
            done = true;
        });
        reply->cancel();
        QTRY_VERIFY(done);
        QVERIFY(result.error.has_value());
        QCOMPARE(result.error->kind, ApiError::Kind::Cancelled);
        QCOMPARE(rig.client->requestsSent(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ApiClient)
#include "tst_ApiClient.moc"
