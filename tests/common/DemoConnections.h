#pragma once

// Connections to the demo account's providers for GUI and page tests: a connection factory over the
// in-process demo emulator (real HTTP on 127.0.0.1) with an empty in-memory keychain, and the demo
// profile of one provider.
//
//   QVERIFY(addDemoProfiles(*m_test) > 0);
//   const auto telnyx = demoProfile(*m_test, u"telnyx"_s);
//   DemoConnections connections;
//   auto connection = connections.open(*telnyx);
//   QVERIFY(connection);

#include "TestDatabase.h"
#include "connection/ConnectionFactory.h"
#include "demo/DemoEmulator.h"
#include "secrets/MemorySecretStore.h"
#include "store/ProfileRepository.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <memory>
#include <optional>

struct DemoConnections {
    // The demo without RingCentral's rate limits: every extension's details arrive quickly, and a change
    // waiting for a rate-limit window is not what the test is about.
    static trunkline::emulator::EmulatorOptions withoutRateLimits() {
        trunkline::emulator::EmulatorOptions options;
        options.rateLimits = false;
        return options;
    }

    explicit DemoConnections(const trunkline::emulator::EmulatorOptions& options = {})
        : demo(options) {}

    trunkline::secrets::MemorySecretStore secrets;
    QNetworkAccessManager network;
    trunkline::demo::DemoEmulator demo;
    trunkline::connection::ConnectionFactory factory{secrets, network, demo};

    // The profile's connection once the factory has opened it; nothing if it fails or takes over 10 s.
    std::optional<trunkline::connection::Connection> open(const trunkline::store::Profile& profile) {
        // Shared with the callback, which may still come after a timeout.
        struct Answer {
            bool given = false;
            std::optional<trunkline::connection::Connection> connection;
        };
        auto answer = std::make_shared<Answer>();
        factory.open(profile,
                     [answer](std::optional<trunkline::connection::Connection> opened, const QString&) {
                         answer->connection = std::move(opened);
                         answer->given = true;
                     });
        if (!QTest::qWaitFor([&answer] { return answer->given; }, 10000))
            return std::nullopt;
        return std::move(answer->connection);
    }
};

// The first stored profile of `provider` (core::kProvider*), e.g. the demo account's after
// addDemoProfiles().
inline std::optional<trunkline::store::Profile> demoProfile(TestDatabase& test, const QString& provider) {
    for (const trunkline::store::Profile& profile :
         trunkline::store::ProfileRepository(test.database()).list()) {
        if (profile.provider == provider)
            return profile;
    }
    return std::nullopt;
}
