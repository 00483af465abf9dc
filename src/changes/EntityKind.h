#pragma once

#include <QString>
#include <QStringList>

namespace trunkline::changes {

// The entity names a pending change can carry (store::PendingChange::entity): the stager, the pushers in
// src/sync and the pending changes page agree on them through this one list. The payload each carries is
// defined by its payload class (ChangePayloads, NumberChangePayloads, SettingsPayloads). Routes are
// staged as phone-number changes (a Restcomm route is an incoming number); port orders are placed at the
// provider directly (providers::PortOrderPlacement), not staged.
namespace EntityKind {

inline const QString kPhoneNumber = QStringLiteral("phone_number");
inline const QString kExtension = QStringLiteral("extension");
inline const QString kExtensionSettings = QStringLiteral("extension_settings");
// One entry of an extension's forwarding / call-flip list; a list edit is a sequence of these.
inline const QString kForwardingNumber = QStringLiteral("forwarding_number");
// Restcomm's migrate: every number of an account tree moves to another organisation.
inline const QString kNumberMigration = QStringLiteral("number_migration");

inline QStringList all() {
    return {kPhoneNumber, kExtension, kExtensionSettings, kForwardingNumber, kNumberMigration};
}

} // namespace EntityKind

} // namespace trunkline::changes
