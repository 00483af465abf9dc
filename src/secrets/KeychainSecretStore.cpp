#include "secrets/KeychainSecretStore.h"

#include <QDBusConnection>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace trunkline::secrets {

KeychainSecretStore::KeychainSecretStore(QObject* parent)
    : KeychainSecretStore(u"Trunkline"_s, parent) {
}

KeychainSecretStore::KeychainSecretStore(const QString& serviceName, QObject* parent)
    : SecretStore(parent)
    , m_serviceName(serviceName) {
}

void KeychainSecretStore::save(const SecretKey& key, const QString& secret, Callback done) {
    auto* job = new QKeychain::WritePasswordJob(m_serviceName);
    job->setTextData(secret);
    start(job, Operation::Save, key, std::move(done));
}

void KeychainSecretStore::load(const SecretKey& key, Callback done) {
    start(new QKeychain::ReadPasswordJob(m_serviceName), Operation::Load, key, std::move(done));
}

void KeychainSecretStore::remove(const SecretKey& key, Callback done) {
    start(new QKeychain::DeletePasswordJob(m_serviceName), Operation::Remove, key, std::move(done));
}

void KeychainSecretStore::start(QKeychain::Job* job, Operation operation, const SecretKey& key,
                                Callback done) {
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key.toString());
    connect(job, &QKeychain::Job::finished, this,
            [operation, key, done = std::move(done)](QKeychain::Job* finished) {
                if (done) {
                    done(resultOf(*finished, operation, key));
                }
            });
    job->start();
}

SecretResult KeychainSecretStore::resultOf(const QKeychain::Job& job, Operation operation,
                                           const SecretKey& key) {
    switch (job.error()) {
    case QKeychain::NoError:
        if (operation == Operation::Load) {
            return {SecretError::None, {}, static_cast<const QKeychain::ReadPasswordJob&>(job).textData()};
        }
        return {};
    case QKeychain::EntryNotFound:
        if (operation == Operation::Remove) {
            return {};
        }
        return notFound(key);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return noService();
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {
            SecretError::AccessDenied,
            tr("Access to the keychain was denied: unlock it and allow Trunkline to use it, then try again."),
            {}};
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // Without a D-Bus session QtKeychain's Secret Service backends report OtherError, not
    // NoBackendAvailable: the user needs the same advice either way.
    if (!QDBusConnection::sessionBus().isConnected()) {
        return noService();
    }
    // QtKeychain's error strings name the key at most, never the secret.
    const QString detail = job.errorString();
    switch (operation) {
    case Operation::Save:
        return {
            SecretError::Failed,
            tr("Cannot store the %1 secret of this profile in the keychain: %2").arg(key.provider, detail),
            {}};
    case Operation::Load:
        return {
            SecretError::Failed,
            tr("Cannot read the %1 secret of this profile from the keychain: %2").arg(key.provider, detail),
            {}};
    case Operation::Remove:
        break;
    }
    return {SecretError::Failed,
            tr("Cannot remove the %1 secret of this profile from the keychain: %2").arg(key.provider, detail),
            {}};
}

} // namespace trunkline::secrets
