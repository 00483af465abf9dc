#pragma once

// Shared by the provider tests: an in-process emulator on a free loopback port and an ApiClient talking
// to it over real sockets, through a QNetworkAccessManager that counts the HTTP requests in flight.

#include "emulator/EmulatorServer.h"
#include "net/ApiClient.h"
#include "net/Authenticator.h"
#include "net/RingCentralAuthenticator.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <memory>

namespace trunkline::test {

class CountingNetwork : public QNetworkAccessManager {
public:
    int active = 0;
    int peak = 0;
    int started = 0;

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* data) override {
        QNetworkReply* reply = QNetworkAccessManager::createRequest(op, request, data);
        ++started;
        ++active;
        peak = std::max(peak, active);
        connect(reply, &QNetworkReply::finished, this, [this] { --active; });
        return reply;
    }
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
            rcAuth = std::make_shared<net::RingCentralAuthenticator>(
                server.baseUrl(),
                net::RingCentralAuthenticator::Credentials{
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
        // Quick retries: faults are injected on purpose and the tests should not wait for real backoff.
        api->setRetryPolicy(
            net::RetryPolicy(12, std::chrono::milliseconds(1), std::chrono::milliseconds(20)));
    }

    emulator::EmulatorServer server;
    CountingNetwork network;
    std::shared_ptr<net::RingCentralAuthenticator> rcAuth;
    std::unique_ptr<net::ApiClient> api;
    bool listening = false;
    QString startError;
};

} // namespace trunkline::test
