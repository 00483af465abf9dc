#pragma once

#include "secrets/SecretStore.h"

namespace QKeychain {
class Job;
}

namespace trunkline::secrets {

// The OS keychain through QtKeychain: Secret Service (gnome-keyring, KeePassXC) or KWallet on Linux,
// Keychain on macOS, Credential Manager on Windows. No insecure plain-text fallback, ever.
class KeychainSecretStore : public SecretStore {
    Q_OBJECT

public:
    explicit KeychainSecretStore(QObject* parent = nullptr);
    // Tests use their own service name so that they never touch a real profile's secrets.
    explicit KeychainSecretStore(const QString& serviceName, QObject* parent = nullptr);

    QString serviceName() const { return m_serviceName; }

    void save(const SecretKey& key, const QString& secret, Callback done) override;
    void load(const SecretKey& key, Callback done) override;
    void remove(const SecretKey& key, Callback done) override;

private:
    enum class Operation { Save, Load, Remove };
    void start(QKeychain::Job* job, Operation operation, const SecretKey& key, Callback done);
    static SecretResult resultOf(const QKeychain::Job& job, Operation operation, const SecretKey& key);

    QString m_serviceName;
};

} // namespace trunkline::secrets
