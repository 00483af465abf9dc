#pragma once

#include "connection/ProviderSecret.h"

#include <QString>
#include <QUrl>
#include <optional>

namespace trunkline::connection {

// The demo account as ConnectionFactory sees it: something on this machine that answers demo profiles
// (base URL "demo:", see DemoProfiles) with made-up credentials. The in-process emulator behind it
// (demo::DemoEmulator) lives in its own library, linked only by the apps and tests that offer it.
class DemoAccount {
public:
    // What a demo profile of one provider signs in with.
    struct Login {
        ProviderSecret secret;
        QString accountId; // empty: the profile's own
    };

    virtual ~DemoAccount() = default;

    // Starts serving (once; later calls return the first result at once).
    virtual bool start(QString* error) = 0;
    virtual QUrl baseUrl() const = 0;
    // nullopt when the demo account has nothing for the provider.
    virtual std::optional<Login> login(const QString& provider) const = 0;
};

} // namespace trunkline::connection
