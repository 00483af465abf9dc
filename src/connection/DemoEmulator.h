#pragma once

#include "emulator/DemoCredentials.h"
#include "emulator/EmulatorOptions.h"

#include <QThread>
#include <QUrl>

namespace trunkline::emulator {
class EmulatorServer;
}

namespace trunkline::connection {

// The emulator library running inside the app, so that a first start shows a populated console with no
// other process and no credentials. It serves from its own thread on a free loopback port, so a big
// demo page never stalls the window.
class DemoEmulator {
public:
    explicit DemoEmulator(emulator::EmulatorOptions options = {});
    ~DemoEmulator();
    DemoEmulator(const DemoEmulator&) = delete;
    DemoEmulator& operator=(const DemoEmulator&) = delete;

    // Starts serving (once; later calls return the first result at once).
    bool start(QString* error);
    bool running() const { return m_server != nullptr; }

    QUrl baseUrl() const { return m_baseUrl; }
    emulator::DemoCredentials credentials() const { return m_credentials; }

private:
    emulator::EmulatorOptions m_options;
    QThread m_thread;
    QObject* m_threadContext = nullptr;
    emulator::EmulatorServer* m_server = nullptr; // lives in m_thread
    QUrl m_baseUrl;
    emulator::DemoCredentials m_credentials;
    QString m_startError;
};

} // namespace trunkline::connection
