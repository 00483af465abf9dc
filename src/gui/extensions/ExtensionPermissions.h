#pragma once

#include "gui/GuiForward.h"

#include <QCoreApplication>
#include <QString>

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

    store::Database& m_database;
};

} // namespace trunkline::gui
