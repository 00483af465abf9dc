#pragma once

#include "net/ApiError.h"
#include "store/PendingChange.h"

#include <QString>
#include <optional>

namespace trunkline::sync {

// How one pending change ended at a provider, as a specialised pusher (NumberPusher, SettingsPusher)
// reports it to the ChangePusher, which owns the change's state and the audit log.
struct PushResult {
    enum class Kind { Applied, Failed, FailedLocally, Conflict };
    Kind kind = Kind::FailedLocally;
    QString message;                    // Applied: the audit summary; otherwise what went wrong
    std::optional<net::ApiError> error; // Failed: the provider's error

    static PushResult applied(const QString& summary) { return {Kind::Applied, summary, std::nullopt}; }
    static PushResult failed(const net::ApiError& error) { return {Kind::Failed, error.message(), error}; }
    static PushResult failedLocally(const QString& message) {
        return {Kind::FailedLocally, message, std::nullopt};
    }
    static PushResult conflict(const QString& message) { return {Kind::Conflict, message, std::nullopt}; }

    // Hands the result to the matching member of the pusher (ChangePusher's outcome functions).
    template <class Target>
    void deliver(Target* target, const store::PendingChange& change,
                 void (Target::*onApplied)(const store::PendingChange&, const QString&),
                 void (Target::*onFailed)(const store::PendingChange&, const net::ApiError&),
                 void (Target::*onFailedLocally)(const store::PendingChange&, const QString&),
                 void (Target::*onConflict)(const store::PendingChange&, const QString&)) const {
        switch (kind) {
        case Kind::Applied:
            return (target->*onApplied)(change, message);
        case Kind::Failed:
            return (target->*onFailed)(change, *error);
        case Kind::FailedLocally:
            return (target->*onFailedLocally)(change, message);
        case Kind::Conflict:
            return (target->*onConflict)(change, message);
        }
    }
};

} // namespace trunkline::sync
