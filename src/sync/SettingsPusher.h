#pragma once

#include "store/PendingChange.h"
#include "sync/PushResult.h"
#include "sync/SyncForward.h"

#include <QCoreApplication>
#include <functional>
#include <optional>

namespace trunkline::sync {

// Applies one pending change of an extension's settings document (changes::SettingsPayloads): GET the
// document, and if its version is no longer the one the edit was made on, report a conflict without touching
// the provider; else PUT the edited members, read the document back and store it: applied only when it
// holds the reviewed values, else NotKept naming the members it lacks. The ChangePusher owns the
// change's state and the audit log: it passes a callback and gets one Result per change.
class SettingsPusher {
    Q_DECLARE_TR_FUNCTIONS(SettingsPusher)

public:
    using Result = PushResult;
    using Done = std::function<void(const Result&)>;

    // `done` is called exactly once (possibly before apply() returns, for a malformed change), and only
    // while `client` lives.
    static void apply(store::Database& database, qint64 profileId,
                      providers::ringcentral::RingCentralClient& client, const store::PendingChange& change,
                      Done done);

    // The RingCentral document a settings kind (store::ExtensionSettingsRepository) is read from and
    // written to; nullopt for the custom rules, which are read as a list (getCustomRules) and only shown.
    static std::optional<providers::ringcentral::SettingsDocument> documentOf(const QString& kind);
};

} // namespace trunkline::sync
