#include "gui/profiles/ConnectionTest.h"

#include "connection/ConnectionFactory.h"
#include "net/ApiClient.h"

#include <QCoreApplication>

namespace trunkline::gui {

ConnectionTest::ConnectionTest(connection::ConnectionFactory& connections, QObject* parent)
    : QObject(parent)
    , m_connections(connections) {
}

ConnectionTest::~ConnectionTest() {
    cancel();
}

void ConnectionTest::start(const store::Profile& profile,
                           const std::optional<connection::ProviderSecret>& secret, Done done) {
    cancel();
    m_done = std::move(done);
    m_outcome = {};
    m_failed = false;
    const quint64 run = ++m_run;
    auto answer = [self = QPointer<ConnectionTest>(this), run](std::optional<connection::Connection> opened,
                                                               const QString& error) {
        if (self && self->m_run == run)
            self->opened(std::move(opened), error);
    };
    if (secret)
        m_connections.openWith(profile, *secret, answer);
    else
        m_connections.open(profile, answer);
}

void ConnectionTest::cancel() {
    ++m_run;
    m_done = nullptr;
    if (m_reply)
        m_reply->cancel();
    m_reply = nullptr;
    m_checks.clear();
    m_connection.reset();
}

void ConnectionTest::opened(std::optional<connection::Connection> connection, const QString& error) {
    if (!connection) {
        m_outcome.lines << tr("Cannot connect: %1").arg(error);
        m_failed = true;
        finish();
        return;
    }
    m_connection = std::make_unique<connection::Connection>(std::move(*connection));
    m_checks =
        m_connection->provider->adapter->accessChecks(m_connection->client.get(), m_connection->accountId);
    runCheck(0);
}

void ConnectionTest::runCheck(int index) {
    if (index == m_checks.size()) {
        finish();
        return;
    }
    const quint64 run = m_run;
    m_reply = m_connection->client->send(m_checks[index].request);
    connect(m_reply, &net::ApiReply::finished, this, [this, run, index](const net::ApiResult& result) {
        if (run != m_run)
            return;
        m_reply = nullptr;
        const providers::ProviderCapabilities& provider = *m_connection->provider;
        if (index == 0) {
            // The first request signs in: a refusal there is about the credentials, not a permission.
            if (result.error && result.error->kind == net::ApiError::Kind::Unauthorized) {
                m_outcome.lines
                    << tr("Sign-in at %1 failed: %2").arg(provider.displayName, result.error->message());
                m_failed = true;
                finish();
                return;
            }
            if (!result.error || result.error->httpStatus != 0)
                m_outcome.lines << tr("Signed in at %1.").arg(provider.displayName);
        }
        const providers::AccessCheck& check = m_checks[index];
        m_outcome.lines << (result.error
                                ? tr("%1 %2").arg(QCoreApplication::translate(
                                                      "trunkline::gui::ConnectionTest", check.fails),
                                                  result.error->message())
                                : QCoreApplication::translate("trunkline::gui::ConnectionTest", check.works));
        m_failed = m_failed || result.error.has_value();
        if (result.error && result.error->httpStatus == 0) {
            finish(); // unreachable: the other checks would only say so again
            return;
        }
        runCheck(index + 1);
    });
}

void ConnectionTest::finish() {
    if (m_connection) {
        const providers::ProviderCapabilities& provider = *m_connection->provider;
        m_outcome.grantedScopes = m_connection->authenticator->grantedScopes();
        if (!m_failed && !provider.appPermissions.isEmpty() && !m_outcome.grantedScopes.isEmpty()) {
            bool missing = false;
            for (const providers::AppPermission& permission : provider.appPermissions) {
                if (provider.grants(m_outcome.grantedScopes, permission.name))
                    continue;
                missing = true;
                m_outcome.lines
                    << tr("Missing app permission “%1”: needed for %2. Ask whoever set up the app "
                          "at %3 to grant it.")
                           .arg(permission.name,
                                QCoreApplication::translate("trunkline::gui::ConnectionTest",
                                                            permission.neededFor),
                                provider.displayName);
            }
            if (!missing)
                m_outcome.lines << tr("Every app permission Trunkline uses is granted (%1).")
                                       .arg(m_outcome.grantedScopes.join(u", "));
        }
    }
    const Done done = std::exchange(m_done, nullptr);
    m_checks.clear();
    if (done)
        done(m_outcome);
}

} // namespace trunkline::gui
