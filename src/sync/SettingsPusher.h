#pragma once

#include "net/ApiError.h"
#include "store/PendingChange.h"

#include <QCoreApplication>
#include <functional>
#include <optional>

namespace trunkline::providers::ringcentral {
class RingCentralClient;
}
namespace trunkline::store {
class Database;
}

namespace trunkline::sync {

// Applies one pending change of an extension's settings document (SettingsPayloads): GET the document,
// and if its version is no longer the one the edit was made on, report a conflict without touching the
// provider; else PUT the edited members and store the provider's answer. The ChangePusher owns the
// change's state and the audit log: it passes a callback and gets one Result per change.
class SettingsPusher {
    Q_DECLARE_TR_FUNCTIONS(SettingsPusher)

public:
    struct Result {
        enum class Kind { Applied, Failed, FailedLocally, Conflict };
        Kind kind = Kind::FailedLocally;
        QString message;                    // Applied: the audit summary; otherwise what went wrong
        std::optional<net::ApiError> error; // Failed: the provider's error

        // Hands the result to the matching member of the pusher (ChangePusher's outcome functions).
        template <class Target>
        void deliver(Target* target, const store::PendingChange& change,
                     void (Target::*applied)(const store::PendingChange&, const QString&),
                     void (Target::*failed)(const store::PendingChange&, const net::ApiError&),
                     void (Target::*failedLocally)(const store::PendingChange&, const QString&),
                     void (Target::*conflict)(const store::PendingChange&, const QString&)) const {
            switch (kind) {
            case Kind::Applied:
                return (target->*applied)(change, message);
            case Kind::Failed:
                return (target->*failed)(change, *error);
            case Kind::FailedLocally:
                return (target->*failedLocally)(change, message);
            case Kind::Conflict:
                return (target->*conflict)(change, message);
            }
        }
    };
    using Done = std::function<void(const Result&)>;

    // `done` is called exactly once (possibly before apply() returns, for a malformed change), and only
    // while `client` lives.
    static void apply(store::Database& database, qint64 profileId,
                      providers::ringcentral::RingCentralClient& client, const store::PendingChange& change,
                      Done done);
};

} // namespace trunkline::sync
