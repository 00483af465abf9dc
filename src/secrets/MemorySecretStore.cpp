#include "secrets/MemorySecretStore.h"

#include <QTimer>

namespace trunkline::secrets {

void MemorySecretStore::finish(Callback done, SecretResult result) {
    // Queued like the real keychain's answer, so callers cannot come to rely on a synchronous reply.
    QTimer::singleShot(0, this, [done = std::move(done), result = std::move(result)] {
        if (done) {
            done(result);
        }
    });
}

void MemorySecretStore::save(const SecretKey& key, const QString& secret, Callback done) {
    if (!m_available) {
        finish(std::move(done), noService());
        return;
    }
    m_secrets.insert(key.toString(), secret);
    finish(std::move(done), {});
}

void MemorySecretStore::load(const SecretKey& key, Callback done) {
    if (!m_available) {
        finish(std::move(done), noService());
        return;
    }
    const auto it = m_secrets.constFind(key.toString());
    if (it == m_secrets.cend()) {
        finish(std::move(done), notFound(key));
        return;
    }
    finish(std::move(done), {SecretError::None, {}, it.value()});
}

void MemorySecretStore::remove(const SecretKey& key, Callback done) {
    if (!m_available) {
        finish(std::move(done), noService());
        return;
    }
    m_secrets.remove(key.toString());
    finish(std::move(done), {});
}

} // namespace trunkline::secrets
