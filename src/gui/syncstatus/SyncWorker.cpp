#include "gui/syncstatus/SyncWorker.h"

#include "store/Database.h"

#include <QNetworkAccessManager>

namespace trunkline::gui {

SyncWorker::SyncWorker(const store::Database& database)
    : m_source(database) {
}

SyncWorker::~SyncWorker() {
    close();
}

bool SyncWorker::open(QString* error) {
    m_database = m_source.cloneForThisThread(error);
    if (!m_database)
        return false;
    m_network = std::make_unique<QNetworkAccessManager>();
    m_engine = std::make_unique<sync::SyncEngine>(*m_database);
    connect(m_engine.get(), &sync::SyncEngine::progress, this, &SyncWorker::progress);
    connect(m_engine.get(), &sync::SyncEngine::finished, this, &SyncWorker::onEngineFinished);
    connect(m_engine.get(), &sync::SyncEngine::backgroundProgress, this, &SyncWorker::detailsProgress);
    connect(m_engine.get(), &sync::SyncEngine::detailsRefreshed, this,
            [this](qint64, const QString&, const QString& detailError) {
                if (detailError.isEmpty())
                    emit detailsStored();
            });
    return true;
}

void SyncWorker::close() {
    if (!m_engine)
        return;
    // The background queues run on the connections: stop them before the connections go.
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it)
        m_engine->stopBackgroundDetails(it.key());
    m_engine.reset();
    m_open.clear();
    m_network.reset();
    m_database.reset();
}

void SyncWorker::syncProfile(const store::Profile& profile,
                             const std::optional<connection::ConnectionFactory::Credentials>& credentials,
                             const sync::SyncEngine::Options& options) {
    m_current = profile;
    if (!m_engine) {
        finishWithError(tr("The sync thread has no database connection."));
        return;
    }
    if (credentials) {
        // A connection still open for the profile goes, with the background queue that runs on it.
        drop(profile.id);
        QString error;
        std::optional<connection::Connection> built =
            connection::ConnectionFactory::build(*credentials, *m_network, &error);
        if (!built) {
            finishWithError(error);
            return;
        }
        m_open.insert(profile.id, std::make_shared<connection::Connection>(std::move(*built)));
    }
    const std::shared_ptr<connection::Connection> connection = m_open.value(profile.id);
    if (!connection) {
        finishWithError(tr("No connection is open for this account."));
        return;
    }
    // A pull's own requests go first: the background details pause (they share the provider's rate
    // limits) and start again, oldest first, when the sync is complete.
    if (options.pull)
        m_engine->stopBackgroundDetails(profile.id);
    if (!m_engine->sync(profile, *connection, options))
        finishWithError(tr("A sync is already running."));
}

void SyncWorker::finishWithError(const QString& error) {
    sync::SyncReport report;
    report.errors << error;
    emit profileFinished(report, m_open.contains(m_current.id));
}

void SyncWorker::cancel() {
    if (m_engine && m_engine->isRunning())
        m_engine->cancel();
}

void SyncWorker::refreshExtensionDetails(qint64 profileId, const QString& extensionId) {
    if (m_engine && m_open.contains(profileId))
        m_engine->refreshExtensionDetails(profileId, extensionId);
}

void SyncWorker::forget(qint64 profileId) {
    if (m_engine && m_engine->isRunning() && m_current.id == profileId)
        m_forgotten.insert(profileId);
    else
        drop(profileId);
}

void SyncWorker::drop(qint64 profileId) {
    if (m_engine)
        m_engine->stopBackgroundDetails(profileId);
    m_open.remove(profileId);
}

void SyncWorker::onEngineFinished(const sync::SyncReport& report) {
    const qint64 profileId = m_current.id;
    const std::shared_ptr<connection::Connection> connection = m_open.value(profileId);
    if (m_forgotten.remove(profileId))
        drop(profileId);
    else if (report.complete && connection && connection->provider)
        followUp(*connection);
    emit profileFinished(report, m_open.contains(profileId));
}

void SyncWorker::followUp(const connection::Connection& connection) {
    const qint64 profileId = m_current.id;
    if (const QStringList scopes = connection.authenticator->grantedScopes(); !scopes.isEmpty())
        emit scopesGranted(profileId, scopes);
    // Extension details (forwarding lists, call settings) cost a request each: they follow in the
    // background, by priority, on the profile's connection.
    if (connection.provider->extensionDetails)
        m_engine->startBackgroundDetails(m_current, *m_open.value(profileId));
    // The console enables only what the signed-in extension may do.
    if (connection.provider->signedInExtension)
        connection.provider->adapter->askSignedInExtension(connection.client.get(), this,
                                                           [this, profileId](const QString& extensionId) {
                                                               if (!extensionId.isEmpty())
                                                                   emit signedIn(profileId, extensionId);
                                                           });
}

} // namespace trunkline::gui
