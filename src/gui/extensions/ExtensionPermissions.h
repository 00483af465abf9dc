#pragma once

#include "gui/GuiForward.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace trunkline::providers {
struct ProviderCapabilities;
}

namespace trunkline::gui {

// What the signed-in user of a profile may do with extensions, and why not. RingCentral answers a
// non-administrator's create or delete with 403 CMN-408, an edit of another extension with CMN-404 and
// a change of the own number or status with CMN-402 (docs/api/ringcentral.md §7, emulator seed 001); the
// console disables those actions up front instead of staging changes that can only fail.
//
// Who is signed in: the store keeps no identity, so the session tells it (the extension of
// GET /restapi/v1.0/account/~/extension/~, i.e. the token's owner_id) through setSignedInExtension();
// it is remembered per profile in QSettings because the credential behind it lives on this machine too.
// Whether that extension is an administrator is the stored extension's permissions.admin flag
// (core::Extension::admin). While the signed-in extension is unknown the user is treated as an
// administrator: the demo account signs in with its admin JWT, and a refusal still comes back from
// the provider as a readable failed change.
//
// Before that comes the app: RingCentral grants each app permissions (OAuth scopes) when it is set up,
// and refuses an edit from an app without EditExtensions (403 CMN-401) whoever signs in. The scopes the
// last sign-in was granted (the token's `scope`, learnt by a sync or a connection test) are remembered
// per profile in QSettings too; while none are known, the app is taken to have what it needs.
class ExtensionPermissions {
    Q_DECLARE_TR_FUNCTIONS(ExtensionPermissions)

public:
    struct Verdict {
        bool allowed = true;
        QString whyNot; // one sentence for a tooltip; empty when allowed
    };

    explicit ExtensionPermissions(store::Database& database);

    static void setSignedInExtension(qint64 profileId, const QString& extensionId);
    static QString signedInExtension(qint64 profileId);
    static void setGrantedScopes(qint64 profileId, const QStringList& scopes);
    static QStringList grantedScopes(qint64 profileId);
    // Forgets what was learnt about a profile's sign-in (the profile was removed or its credentials changed).
    static void forget(qint64 profileId);

    // Whether the profile's provider has extensions at all (RingCentral does; Telnyx and Restcomm not).
    Verdict hasExtensions(qint64 profileId) const;
    Verdict canCreate(qint64 profileId) const;
    Verdict canDelete(qint64 profileId, const QString& extensionId) const;
    Verdict canEdit(qint64 profileId, const QString& extensionId) const;
    // The extension number, status and type; a non-administrator may not change them even on the own
    // extension.
    Verdict canEditAdministrativeFields(qint64 profileId, const QString& extensionId) const;

    // Whether the signed-in user of the profile is an administrator (true while unknown, see above).
    bool isAdministrator(qint64 profileId) const;

private:
    // For what only an administrator may do: the profile must have extensions and an administrator
    // signed in, else `denied`.
    Verdict needsAdministrator(qint64 profileId, const QString& denied) const;
    // Whether the profile has extensions and the app it signs in with was granted the permission the
    // provider's row names in `permission` (e.g. extensionEditPermission).
    Verdict mayChangeExtensions(qint64 profileId, QString providers::ProviderCapabilities::*permission) const;

    store::Database& m_database;
};

} // namespace trunkline::gui
