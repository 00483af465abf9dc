#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace trunkline::emulator::ringcentral {

// RingCentral's app permissions (OAuth scopes, `x-app-permission` in the spec), granted to an app when it
// is set up and carried by every token it gets. The ones the console's endpoints need form a chain, each
// enabling everything of the one before (seed 001, "Required App Permissions"): ReadAccounts <
// EditExtensions < EditAccounts < Accounts.
class RcAppPermissions {
public:
    // Whether `granted` (a token's scopes) allows what `needed` allows.
    static bool grants(const QStringList& granted, const QString& needed);
    // The app permission an API call needs (docs/api/ringcentral.md: reading ReadAccounts, extension
    // settings EditExtensions, creating or deleting extensions and assigning numbers EditAccounts).
    // `segments`: the path below /restapi.
    static QString required(const QByteArray& method, const QStringList& segments);
};

} // namespace trunkline::emulator::ringcentral
