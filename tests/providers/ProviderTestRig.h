#pragma once

// Shared by the provider tests: an in-process emulator on a free loopback port and an ApiClient talking
// to it over real sockets, counting the HTTP requests it sends and how many were in flight at once.

#include "emulator/EmulatorServer.h"
#include "net/ApiClient.h"
#include "net/Authenticator.h"
#include "providers/ProviderCalls.h"
#include "providers/ringcentral/RingCentralAuthenticator.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTest>
#include <memory>

namespace trunkline::test {

// Attempts the client sent, and the most calls it had in flight when one went out; read from the client
// itself, so that it counts the same on both HTTP stacks.
struct AttemptCounter {
    int started = 0;
    int peak = 0;
};

enum class Provider { RingCentralAdmin, RingCentralUser, Telnyx, Restcomm };

struct ProviderRig {
    explicit ProviderRig(Provider provider, const emulator::EmulatorOptions& options = {})
        : server(options) {
        listening = server.listen(&startError);
        const emulator::DemoCredentials demo = server.credentials();
        std::shared_ptr<net::Authenticator> auth;
        QString name;
        switch (provider) {
        case Provider::RingCentralAdmin:
        case Provider::RingCentralUser:
            rcAuth = std::make_shared<providers::ringcentral::RingCentralAuthenticator>(
                server.baseUrl(),
                providers::ringcentral::RingCentralAuthenticator::Credentials{
                    demo.ringCentralClientId.toLatin1(), demo.ringCentralClientSecret.toLatin1(),
                    (provider == Provider::RingCentralAdmin ? demo.ringCentralAdminJwt
                                                            : demo.ringCentralUserJwt)
                        .toLatin1()});
            auth = rcAuth;
            name = QStringLiteral("RingCentral");
            break;
        case Provider::Telnyx:
            auth = std::make_shared<net::BearerKeyAuthenticator>(demo.telnyxApiKey.toLatin1());
            name = QStringLiteral("Telnyx");
            break;
        case Provider::Restcomm:
            auth = std::make_shared<net::BasicAuthenticator>(demo.restcommAccountSid,
                                                             demo.restcommAuthToken.toLatin1());
            name = QStringLiteral("Restcomm");
            break;
        }
        api = std::make_unique<net::ApiClient>(name, server.baseUrl(), auth, &network);
        QObject::connect(api.get(), &net::ApiClient::attemptSent, api.get(), [this] {
            ++attempts.started;
            attempts.peak = std::max(attempts.peak, api->inFlight());
        });
        // Quick retries: faults are injected on purpose and the tests should not wait for real backoff.
        api->setRetryPolicy(
            net::RetryPolicy(12, std::chrono::milliseconds(1), std::chrono::milliseconds(20)));
    }

    emulator::EmulatorServer server;
    QNetworkAccessManager network;
    AttemptCounter attempts;
    std::shared_ptr<providers::ringcentral::RingCentralAuthenticator> rcAuth;
    std::unique_ptr<net::ApiClient> api;
    bool listening = false;
    QString startError;
};

// Runs start(callback) and waits for the callback (30 s at most; then the outcome has no value and
// a Timeout error).
template <typename T, typename Start>
providers::Outcome<T> await(Start start) {
    std::optional<providers::Outcome<T>> got;
    start([&got](const providers::Outcome<T>& outcome) { got = outcome; });
    QElapsedTimer timer;
    timer.start();
    while (!got && timer.elapsed() < 30000)
        QTest::qWait(2);
    if (got)
        return *got;
    providers::Outcome<T> timedOut;
    timedOut.error = net::ApiError{};
    timedOut.error->kind = net::ApiError::Kind::Timeout;
    return timedOut;
}

inline std::optional<net::ApiError> awaitCompletion(const std::function<void(providers::Completion)>& start) {
    bool done = false;
    std::optional<net::ApiError> error;
    start([&](const std::optional<net::ApiError>& e) {
        error = e;
        done = true;
    });
    QElapsedTimer timer;
    timer.start();
    while (!done && timer.elapsed() < 30000)
        QTest::qWait(2);
    if (!done) {
        error = net::ApiError{};
        error->kind = net::ApiError::Kind::Timeout;
    }
    return error;
}

template <typename T>
struct Listed {
    QList<T> records;
    QList<int> pages;
    providers::ListOutcome outcome;
    bool done = false;
};

// Runs start(onPage, onDone) and collects every page until the list is done (60 s at most).
template <typename T, typename Start>
Listed<T> listAll(Start start) {
    auto listed = std::make_shared<Listed<T>>();
    start(
        [listed](int page, const QList<T>& records) {
            listed->pages.append(page);
            listed->records += records;
        },
        [listed](const providers::ListOutcome& outcome) {
            listed->outcome = outcome;
            listed->done = true;
        });
    QElapsedTimer timer;
    timer.start();
    while (!listed->done && timer.elapsed() < 60000)
        QTest::qWait(2);
    return *listed;
}

// The emulator's whole data of one provider ("/restapi", "/v2", "/restcomm"): what a full listing
// must equal.
inline QJsonObject snapshotOf(emulator::EmulatorServer& server, const QString& prefix) {
    for (emulator::ProviderService* candidate : server.services())
        if (candidate->prefix() == prefix)
            return candidate->snapshot();
    return {};
}

} // namespace trunkline::test
