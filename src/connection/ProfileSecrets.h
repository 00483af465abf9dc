#pragma once

#include "secrets/SecretStore.h"
#include "store/Profile.h"

#include <QCoreApplication>
#include <functional>
#include <optional>

namespace trunkline::connection {

// What a profile's secret authenticates: the origin (scheme://host:port) of its base URL and the account
// it names. Stored with the secret, so that the keychain, not the (possibly shared) database, says where
// the secret may go.
struct SecretBinding {
    QString origin;
    QString accountId;

    static SecretBinding of(const store::Profile& profile);
    // "https://api.example.com:443", or with ", account AC12…" when an account is named.
    QString text() const;

    friend bool operator==(const SecretBinding&, const SecretBinding&) = default;
};

// A profile's secret in the keychain, under the profile's UUID and provider (secrets::SecretKey), kept
// together with its SecretBinding. A secret is handed out only for the binding it was entered for: a
// base URL or account changed in the database (by another admin of a shared store, or by anyone who can
// write the file) leaves the secret unusable until an admin enters it again.
class ProfileSecrets {
    Q_DECLARE_TR_FUNCTIONS(ProfileSecrets)

public:
    // secret: the provider secret as ProviderSecret::serialize() wrote it; else error says why not.
    using Loaded = std::function<void(const std::optional<QString>& secret, const QString& error)>;

    explicit ProfileSecrets(secrets::SecretStore& store);

    // Calls done exactly once, from the event loop. A secret stored under the key of Trunkline before
    // schema version 9 (the profile's row id) is moved to the profile's key on first use, bound to the
    // profile as it is then: read, written anew, deleted.
    void load(const store::Profile& profile, Loaded done);
    // Stores `serialized` bound to the profile as given (its uuid, provider, base URL and account).
    secrets::SecretResult save(const store::Profile& profile, const QString& serialized);
    // Removes the profile's secret for `provider` and any leftover under the old key.
    secrets::SecretResult remove(const store::Profile& profile, const QString& provider);

    // The keychain text: the binding and the secret as compact JSON (exposed for tests).
    static QString wrap(const SecretBinding& binding, const QString& serialized);

private:
    // done(secret) when the stored entry is bound to the profile as it is, else done(refusal).
    static void handOut(const store::Profile& profile, const QString& stored, const Loaded& done);
    // Reads the profile's entry under the pre-v9 key; if there is one, writes it under the new key and
    // deletes the old one.
    static void moveLegacy(secrets::SecretStore& store, const store::Profile& profile,
                           const QString& notFound, const Loaded& done);

    secrets::SecretStore& m_store;
};

} // namespace trunkline::connection
