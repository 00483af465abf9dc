#include "gui/extensions/ExtensionPermissions.h"

#include "providers/ProviderRegistry.h"
#include "store/ExtensionRepository.h"
#include "store/ProfileRepository.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {
QString settingsKey(qint64 profileId) {
    return u"profiles/%1/signedInExtension"_s.arg(profileId);
}
QString scopesKey(qint64 profileId) {
    return u"profiles/%1/grantedScopes"_s.arg(profileId);
}

// Keeps `value` under `key`; an empty one removes the key rather than storing nothing.
template <typename Value>
void keepOrRemove(const QString& key, const Value& value) {
    if (value.isEmpty())
        QSettings().remove(key);
    else
        QSettings().setValue(key, value);
}

// A check after an earlier one: the earlier verdict when it refuses, else allowed when `allowed()` and
// refused with `whyNot` when not. `allowed` is only asked once the earlier check passed, so that a refused
// verdict does not look up the signed-in extension in the store for nothing.
template <typename Check>
ExtensionPermissions::Verdict thenRequire(const ExtensionPermissions::Verdict& earlier, Check allowed,
                                          const QString& whyNot) {
    if (!earlier.allowed)
        return earlier;
    return allowed() ? ExtensionPermissions::Verdict{} : ExtensionPermissions::Verdict{false, whyNot};
}
} // namespace

ExtensionPermissions::ExtensionPermissions(store::Database& database)
    : m_database(database) {
}

void ExtensionPermissions::setSignedInExtension(qint64 profileId, const QString& extensionId) {
    keepOrRemove(settingsKey(profileId), extensionId);
}

QString ExtensionPermissions::signedInExtension(qint64 profileId) {
    return QSettings().value(settingsKey(profileId)).toString();
}

void ExtensionPermissions::setGrantedScopes(qint64 profileId, const QStringList& scopes) {
    keepOrRemove(scopesKey(profileId), scopes);
}

QStringList ExtensionPermissions::grantedScopes(qint64 profileId) {
    return QSettings().value(scopesKey(profileId)).toStringList();
}

void ExtensionPermissions::forget(qint64 profileId) {
    QSettings settings;
    settings.remove(settingsKey(profileId));
    settings.remove(scopesKey(profileId));
}

ExtensionPermissions::Verdict
ExtensionPermissions::mayChangeExtensions(qint64 profileId,
                                          QString providers::ProviderCapabilities::*permission) const {
    if (Verdict verdict = hasExtensions(profileId); !verdict.allowed)
        return verdict;
    const QStringList granted = grantedScopes(profileId);
    if (granted.isEmpty())
        return {};
    const std::optional<store::Profile> profile = store::ProfileRepository(m_database).find(profileId);
    const providers::ProviderCapabilities* provider =
        profile ? providers::findProvider(profile->provider) : nullptr;
    if (!provider || provider->grants(granted, provider->*permission))
        return {};
    return {false, tr("The app this account signs in with lacks the %1 app permission “%2”; ask whoever "
                      "set up the app to grant it.")
                       .arg(provider->displayName, provider->*permission)};
}

ExtensionPermissions::Verdict ExtensionPermissions::hasExtensions(qint64 profileId) const {
    const std::optional<store::Profile> profile = store::ProfileRepository(m_database).find(profileId);
    if (!profile)
        return {false, tr("The profile no longer exists.")};
    const providers::ProviderCapabilities* provider = providers::findProvider(profile->provider);
    if (provider && !provider->extensions && provider->noExtensionsReason)
        return {false, QCoreApplication::translate("ExtensionPermissions", provider->noExtensionsReason)
                           .arg(profile->name)};
    return {};
}

bool ExtensionPermissions::isAdministrator(qint64 profileId) const {
    const QString signedIn = signedInExtension(profileId);
    if (signedIn.isEmpty())
        return true;
    const std::optional<core::Extension> me =
        store::ExtensionRepository(m_database).find(profileId, signedIn);
    // Not stored (yet): the next sync brings it; until then the provider decides.
    return !me || me->admin;
}

ExtensionPermissions::Verdict ExtensionPermissions::needsAdministrator(qint64 profileId,
                                                                       const QString& denied) const {
    return thenRequire(
        mayChangeExtensions(profileId, &providers::ProviderCapabilities::extensionCreatePermission),
        [&] { return isAdministrator(profileId); }, denied);
}

ExtensionPermissions::Verdict ExtensionPermissions::canCreate(qint64 profileId) const {
    return needsAdministrator(profileId,
                              tr("Only an administrator of this RingCentral account can create extensions."));
}

ExtensionPermissions::Verdict ExtensionPermissions::canDelete(qint64 profileId,
                                                              const QString& extensionId) const {
    return thenRequire(
        needsAdministrator(profileId,
                           tr("Only an administrator of this RingCentral account can delete extensions.")),
        [&] { return extensionId != signedInExtension(profileId); },
        tr("You are signed in as this extension; it cannot delete itself."));
}

ExtensionPermissions::Verdict ExtensionPermissions::canEdit(qint64 profileId,
                                                            const QString& extensionId) const {
    return thenRequire(
        mayChangeExtensions(profileId, &providers::ProviderCapabilities::extensionEditPermission),
        [&] { return isAdministrator(profileId) || extensionId == signedInExtension(profileId); },
        tr("Only an administrator of this RingCentral account can edit other users' extensions; you can "
           "edit your own."));
}

ExtensionPermissions::Verdict
ExtensionPermissions::canEditAdministrativeFields(qint64 profileId, const QString& extensionId) const {
    return thenRequire(
        canEdit(profileId, extensionId), [&] { return isAdministrator(profileId); },
        tr("Only an administrator of this RingCentral account can change an extension's "
           "number or status."));
}

} // namespace trunkline::gui
