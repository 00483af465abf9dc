#include "connection/ProfileService.h"

#include "connection/DemoProfiles.h"
#include "connection/ProfileSecrets.h"
#include "net/EndpointPolicy.h"
#include "providers/ProviderRegistry.h"
#include "secrets/SecretStore.h"
#include "store/ProfileRepository.h"

namespace trunkline::connection {

ProfileService::ProfileService(store::Database& database, secrets::SecretStore& secrets)
    : m_database(database)
    , m_secrets(secrets) {
}

QString ProfileService::validate(const store::Profile& profile) {
    if (profile.name.trimmed().isEmpty())
        return tr("Name: must not be empty.");
    const providers::ProviderCapabilities* provider = providers::findProvider(profile.provider);
    if (!provider)
        return tr("Provider: must be ringcentral, telnyx or restcomm, not “%1”.").arg(profile.provider);
    if (DemoProfiles::isDemo(profile))
        return {};
    const QString urlError = net::EndpointPolicy::check(QUrl(profile.baseUrl));
    if (!urlError.isEmpty())
        return tr("Base URL: %1").arg(urlError);
    if (provider->needsAccountId && profile.accountId.trimmed().isEmpty())
        return QCoreApplication::translate("ProfileService", provider->accountIdMissing);
    return {};
}

bool ProfileService::add(store::Profile& profile, const ProviderSecret& secret, QString* error) {
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (const QString invalid = validate(profile); !invalid.isEmpty())
        return fail(invalid);
    QString secretError;
    const QString serialized = secret.serialize(profile.provider);
    if (!DemoProfiles::isDemo(profile) && !ProviderSecret::parse(profile.provider, serialized, &secretError))
        return fail(secretError);

    store::ProfileRepository profiles(m_database);
    if (!profiles.add(profile, error))
        return false;
    if (DemoProfiles::isDemo(profile))
        return true;
    const secrets::SecretResult saved = ProfileSecrets(m_secrets).save(profile, serialized);
    if (!saved.ok()) {
        // Without its secret the profile is useless: take it back out so nothing half-made remains.
        profiles.remove(profile.id);
        profile.id = 0;
        return fail(saved.message);
    }
    return true;
}

bool ProfileService::update(const store::Profile& profile, const std::optional<ProviderSecret>& newSecret,
                            QString* error) {
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (const QString invalid = validate(profile); !invalid.isEmpty())
        return fail(invalid);
    store::ProfileRepository profiles(m_database);
    const std::optional<store::Profile> before = profiles.find(profile.id, error);
    if (!before)
        return error && !error->isEmpty() ? false : fail(tr("The profile no longer exists."));
    store::Profile target = profile;
    target.uuid = before->uuid; // never changes: it names the keychain entry
    ProfileSecrets secrets(m_secrets);
    if (newSecret) {
        // Secret first: if the keychain refuses, the profile is left exactly as it was.
        QString secretError;
        const QString serialized = newSecret->serialize(target.provider);
        if (!ProviderSecret::parse(target.provider, serialized, &secretError))
            return fail(secretError);
        const secrets::SecretResult saved = secrets.save(target, serialized);
        if (!saved.ok())
            return fail(saved.message);
        if (before->provider != target.provider)
            secrets.remove(*before, before->provider);
    } else if (!DemoProfiles::isDemo(target) && (before->provider != target.provider ||
                                                 SecretBinding::of(*before) != SecretBinding::of(target))) {
        // The stored secret stays bound to where it was entered for; asking now beats a refusal at the
        // next connect.
        return fail(tr("The secret was entered for %1. To use %2, enter the secret again: Trunkline does "
                       "not send a secret to another address, account or provider.")
                        .arg(SecretBinding::of(*before).text(), SecretBinding::of(target).text()));
    }
    return profiles.update(target, error);
}

bool ProfileService::remove(qint64 profileId, QString* error) {
    store::ProfileRepository profiles(m_database);
    const std::optional<store::Profile> profile = profiles.find(profileId, error);
    if (!profile)
        return false;
    if (!DemoProfiles::isDemo(*profile)) {
        const secrets::SecretResult removed = ProfileSecrets(m_secrets).remove(*profile, profile->provider);
        if (!removed.ok()) {
            if (error)
                *error = removed.message;
            return false;
        }
    }
    return profiles.remove(profileId, error);
}

} // namespace trunkline::connection
