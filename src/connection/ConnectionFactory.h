#pragma once

#include "connection/ProviderSecret.h"
#include "net/ApiClient.h"
#include "net/Authenticator.h"
#include "providers/ProviderCapabilities.h"
#include "store/Profile.h"

#include <QCoreApplication>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace trunkline::secrets {
class SecretStore;
}

namespace trunkline::connection {

class DemoAccount;

// A ready line to one profile's provider: the client to send requests with and the account it works on.
struct Connection {
    std::unique_ptr<net::ApiClient> client;
    std::shared_ptr<net::Authenticator> authenticator;
    QString accountId; // Restcomm's AccountSid, RingCentral's "~" when the profile names none
    // The provider's row: what it can do, and its adapter for what differs in talking to it.
    const providers::ProviderCapabilities* provider = nullptr;
};

// Turns a stored profile into a Connection: reads the secret from the keychain (the only place secrets
// come from; ProfileSecrets refuses one entered for another host or account), checks the address (https
// unless loopback), and picks the provider's authentication.
// Demo profiles (base URL "demo:") run against the demo account (the in-process emulator, from the demo
// library) with its credentials.
// Opening takes two steps so that a worker thread can own its connections: resolve() needs the
// keychain and the demo account (the thread that made the factory), build() only the network access
// manager of the thread that will use the connection.
class ConnectionFactory {
    Q_DECLARE_TR_FUNCTIONS(ConnectionFactory)

public:
    using Done = std::function<void(std::optional<Connection> connection, const QString& error)>;

    // Everything a connection is built from: the profile (its account id filled in for the demo), the
    // checked address and the serialized secret. Held in memory only, for as long as the build takes.
    struct Credentials {
        store::Profile profile;
        QUrl baseUrl;
        QString secret;
    };
    using Resolved = std::function<void(std::optional<Credentials> credentials, const QString& error)>;

    ConnectionFactory(secrets::SecretStore& secrets, QNetworkAccessManager& network, DemoAccount& demo);

    // Calls done exactly once, from the event loop.
    void open(const store::Profile& profile, Done done);
    // The same with a secret the admin has just typed, not (yet) in the keychain: for testing a profile
    // before it is saved. A demo profile ignores `secret`.
    void openWith(const store::Profile& profile, const ProviderSecret& secret, Done done);

    // The first step of open(): calls done exactly once, from the event loop.
    void resolve(const store::Profile& profile, Resolved done);
    // The second step, on any thread: the connection's requests go through `network`, which must belong
    // to the thread that uses the connection.
    static std::optional<Connection> build(const Credentials& credentials, QNetworkAccessManager& network,
                                           QString* error);

private:
    secrets::SecretStore& m_secrets;
    QNetworkAccessManager& m_network;
    DemoAccount& m_demo;
};

} // namespace trunkline::connection
