#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace trunkline::secrets {

// Which secret: one per profile and provider, stored under "<scope>/<provider>".
// A profile's scope is its UUID ("account/<uuid>"), not its row id: two database files (or a shared
// PostgreSQL store) number their profiles independently, and a row id would let them share secrets.
// What the secret may be sent to (host, account) is checked by the connection library.
struct SecretKey {
    QString scope;
    QString provider;

    static SecretKey forProfile(const QString& profileUuid, const QString& provider);
    // The key Trunkline used before schema version 9, "profile/<id>/<provider>": only read, once, to
    // move a secret to its profile's key.
    static SecretKey legacy(qint64 profileId, const QString& provider);

    QString toString() const;
    friend bool operator==(const SecretKey&, const SecretKey&) = default;
};

enum class SecretError {
    None,
    NotFound,     // nothing stored under the key
    NoService,    // no keychain service (no Secret Service / KWallet, or no D-Bus session)
    AccessDenied, // locked keychain or the user said no
    Failed,       // anything else; message has the details
};

struct SecretResult {
    SecretError error = SecretError::None;
    QString message; // translated, for the user; never contains the secret
    QString secret;  // the loaded secret (load only)

    bool ok() const { return error == SecretError::None; }
};

// Provider secrets (API keys, client secrets, JWTs) live outside the database, in the OS keychain.
// All operations are asynchronous: `done` is called exactly once, from the event loop of the thread
// that made the call, never from inside the call itself. The *AndWait variants spin a local event
// loop for code that cannot be asynchronous (the CLI, tests); the GUI uses the callbacks.
class SecretStore : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(const SecretResult&)>;

    using QObject::QObject;

    virtual void save(const SecretKey& key, const QString& secret, Callback done) = 0;
    virtual void load(const SecretKey& key, Callback done) = 0;
    // Removing a secret that is not there succeeds: the goal "no secret stored" is met.
    virtual void remove(const SecretKey& key, Callback done) = 0;

    SecretResult saveAndWait(const SecretKey& key, const QString& secret);
    SecretResult loadAndWait(const SecretKey& key);
    SecretResult removeAndWait(const SecretKey& key);

protected:
    // The messages every implementation uses, so the user sees the same words whatever the backend.
    static SecretResult notFound(const SecretKey& key);
    static SecretResult noService();

private:
    SecretResult wait(const std::function<void(Callback)>& start);
};

} // namespace trunkline::secrets
