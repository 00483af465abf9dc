#pragma once

#include "secrets/SecretStore.h"

#include <QHash>

namespace trunkline::secrets {

// Keeps secrets in memory only: for tests and for code that must not touch the real keychain.
// setAvailable(false) makes it answer like a session without a keychain service.
class MemorySecretStore : public SecretStore {
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void save(const SecretKey& key, const QString& secret, Callback done) override;
    void load(const SecretKey& key, Callback done) override;
    void remove(const SecretKey& key, Callback done) override;

    void setAvailable(bool available) { m_available = available; }
    bool contains(const SecretKey& key) const { return m_secrets.contains(key.toString()); }
    qsizetype size() const { return m_secrets.size(); }

private:
    void finish(Callback done, SecretResult result);

    QHash<QString, QString> m_secrets;
    bool m_available = true;
};

} // namespace trunkline::secrets
