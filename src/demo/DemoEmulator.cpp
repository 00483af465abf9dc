#include "demo/DemoEmulator.h"

#include "core/PhoneNumberRecord.h"
#include "emulator/EmulatorServer.h"

#include <functional>

namespace trunkline::demo {

DemoEmulator::DemoEmulator(emulator::EmulatorOptions options)
    : m_options(std::move(options)) {
    m_options.port = 0; // always a free port: a second instance of the app must not collide
    m_thread.setObjectName(QStringLiteral("demo-emulator"));
}

DemoEmulator::~DemoEmulator() {
    if (m_threadContext) {
        // The server and its sockets belong to the thread: delete them there.
        QMetaObject::invokeMethod(
            m_threadContext, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        delete m_threadContext;
    }
}

bool DemoEmulator::start(QString* error) {
    if (!m_threadContext) {
        m_threadContext = new QObject;
        m_threadContext->moveToThread(&m_thread);
        m_thread.start();
        // Made inside the thread, so the server's timers and sockets have the right affinity.
        QMetaObject::invokeMethod(
            m_threadContext,
            [this] {
                auto* server = new emulator::EmulatorServer(m_options);
                if (server->listen(&m_startError)) {
                    m_server = server;
                    m_baseUrl = server->baseUrl();
                    m_credentials = server->credentials();
                } else {
                    delete server;
                }
            },
            Qt::BlockingQueuedConnection);
    }
    if (!m_server && error)
        *error = m_startError;
    return m_server != nullptr;
}

std::optional<connection::DemoAccount::Login> DemoEmulator::login(const QString& provider) const {
    // One row per emulated provider: which of the seeded credentials its demo profile signs in with.
    using Credentials = emulator::DemoCredentials;
    struct Row {
        QStringView provider;
        std::function<Login(const Credentials&)> login;
    };
    static const Row rows[] = {
        {core::kProviderRingCentral,
         [](const Credentials& c) {
             return Login{{c.ringCentralClientId.toUtf8(), c.ringCentralClientSecret.toUtf8(),
                           c.ringCentralAdminJwt.toUtf8()},
                          {}};
         }},
        {core::kProviderTelnyx,
         [](const Credentials& c) {
             return Login{{{}, {}, c.telnyxApiKey.toUtf8()}, {}};
         }},
        {core::kProviderRestcomm,
         [](const Credentials& c) {
             return Login{{{}, {}, c.restcommAuthToken.toUtf8()}, c.restcommAccountSid};
         }},
    };
    for (const Row& row : rows) {
        if (row.provider == provider)
            return row.login(m_credentials);
    }
    return std::nullopt;
}

} // namespace trunkline::demo
