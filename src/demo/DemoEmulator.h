#pragma once

#include "connection/DemoAccount.h"
#include "emulator/DemoCredentials.h"
#include "emulator/EmulatorOptions.h"

#include <QThread>
#include <QUrl>

namespace trunkline::emulator {
class EmulatorServer;
}

namespace trunkline::demo {

// The emulator library running inside the app, so that a first start shows a populated console with no
// other process and no credentials. It serves from its own thread on a free loopback port, so a big
// demo page never stalls the window. It is the connection::DemoAccount that ConnectionFactory opens demo
// profiles on.
class DemoEmulator final : public connection::DemoAccount {
public:
    explicit DemoEmulator(emulator::EmulatorOptions options = {});
    ~DemoEmulator() override;
    DemoEmulator(const DemoEmulator&) = delete;
    DemoEmulator& operator=(const DemoEmulator&) = delete;

    // Starts serving (once; later calls return the first result at once).
    bool start(QString* error) override;
    bool running() const { return m_server != nullptr; }

    QUrl baseUrl() const override { return m_baseUrl; }
    emulator::DemoCredentials credentials() const { return m_credentials; }
    // The seeded demo credentials of the provider's service (after start()).
    std::optional<Login> login(const QString& provider) const override;

private:
    emulator::EmulatorOptions m_options;
    QThread m_thread;
    QObject* m_threadContext = nullptr;
    emulator::EmulatorServer* m_server = nullptr; // lives in m_thread
    QUrl m_baseUrl;
    emulator::DemoCredentials m_credentials;
    QString m_startError;
};

} // namespace trunkline::demo
