#pragma once

#include "connection/ProviderSecret.h"
#include "gui/GuiForward.h"
#include "providers/ProviderCapabilities.h"
#include "store/Profile.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace trunkline::gui {

// "Test connection": signs in with a profile's credentials and reads one record of each list the console
// uses (the provider row's access checks), on the event loop, never blocking the window. It says what
// works, what fails and why, and which app permission (OAuth scope) the provider did not grant, so that
// an admin learns it before a change fails on it.
class ConnectionTest : public QObject {
    Q_OBJECT

public:
    struct Outcome {
        QStringList lines;         // one sentence per finding, in order
        QStringList grantedScopes; // as the provider granted them; empty when it has none
    };
    using Done = std::function<void(const Outcome& outcome)>;

    explicit ConnectionTest(connection::ConnectionFactory& connections, QObject* parent = nullptr);
    ~ConnectionTest() override;

    // `secret`: typed into a form and not stored yet; nullopt: the profile's secret in the keychain.
    // `done` is called once, from the event loop, unless the test is cancelled or started again first.
    void start(const store::Profile& profile, const std::optional<connection::ProviderSecret>& secret,
               Done done);
    void cancel();
    bool isRunning() const { return static_cast<bool>(m_done); }

private:
    void opened(std::optional<connection::Connection> connection, const QString& error);
    void runCheck(int index);
    void finish();

    connection::ConnectionFactory& m_connections;
    std::unique_ptr<connection::Connection> m_connection;
    QList<providers::AccessCheck> m_checks;
    QPointer<net::ApiReply> m_reply;
    Outcome m_outcome;
    bool m_failed = false;
    Done m_done;
    quint64 m_run = 0; // answers of a cancelled or restarted test are dropped
};

} // namespace trunkline::gui
