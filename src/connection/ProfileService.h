#pragma once

#include "connection/ProviderSecret.h"
#include "store/Profile.h"

#include <QCoreApplication>
#include <optional>

namespace trunkline::store {
class Database;
}
namespace trunkline::secrets {
class SecretStore;
}

namespace trunkline::connection {

// Adds, edits and removes provider profiles together with their secrets: the profile row goes to the
// database, the secret to the keychain, and a failure of either leaves neither half behind.
class ProfileService {
    Q_DECLARE_TR_FUNCTIONS(ProfileService)

public:
    ProfileService(store::Database& database, secrets::SecretStore& secrets);

    // Empty when the profile may be stored; else one message naming the field and the rule.
    static QString validate(const store::Profile& profile);

    bool add(store::Profile& profile, const ProviderSecret& secret, QString* error);
    // newSecret empty = keep the stored one; refused then when the provider, the base URL's origin or
    // the account changes, since the stored secret stays bound to those (ProfileSecrets).
    bool update(const store::Profile& profile, const std::optional<ProviderSecret>& newSecret,
                QString* error);
    bool remove(qint64 profileId, QString* error);

private:
    store::Database& m_database;
    secrets::SecretStore& m_secrets;
};

} // namespace trunkline::connection
