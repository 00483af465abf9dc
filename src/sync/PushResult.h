#pragma once

#include "net/ApiError.h"
#include "store/PendingChange.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace trunkline::sync {

// How one pending change ended at a provider, as a specialised pusher (NumberPusher, SettingsPusher)
// reports it to the ChangePusher, which owns the change's state and the audit log.
struct PushResult {
    enum class Kind { Applied, Failed, FailedLocally, Conflict, NotKept };
    Kind kind = Kind::FailedLocally;
    QString message;                    // Applied: the audit summary; otherwise what went wrong
    std::optional<net::ApiError> error; // Failed: the provider's error
    QStringList fields;                 // NotKept: the reviewed members the provider's read-back lacks
    QJsonObject readBack;               // Applied: the provider's values of the members the change touched

    static PushResult applied(const QString& summary, const QJsonObject& readBack = {}) {
        return {Kind::Applied, summary, std::nullopt, {}, readBack};
    }
    static PushResult failed(const net::ApiError& error) {
        return {Kind::Failed, error.message(), error, {}, {}};
    }
    static PushResult failedLocally(const QString& message) {
        return {Kind::FailedLocally, message, std::nullopt, {}, {}};
    }
    static PushResult conflict(const QString& message) {
        return {Kind::Conflict, message, std::nullopt, {}, {}};
    }
    // The provider answered the write with success, but reading the record back shows it does not hold
    // `fields` as reviewed.
    static PushResult notKept(const QStringList& fields) {
        return {Kind::NotKept, {}, std::nullopt, fields, {}};
    }

    // Hands the result to the matching member of the pusher (ChangePusher's outcome functions).
    template <class Target>
    void deliver(Target* target, const store::PendingChange& change,
                 void (Target::*onApplied)(const store::PendingChange&, const QString&, const QJsonObject&),
                 void (Target::*onFailed)(const store::PendingChange&, const net::ApiError&),
                 void (Target::*onFailedLocally)(const store::PendingChange&, const QString&),
                 void (Target::*onConflict)(const store::PendingChange&, const QString&),
                 void (Target::*onNotKept)(const store::PendingChange&, const QStringList&)) const {
        switch (kind) {
        case Kind::Applied:
            return (target->*onApplied)(change, message, readBack);
        case Kind::Failed:
            return (target->*onFailed)(change, *error);
        case Kind::FailedLocally:
            return (target->*onFailedLocally)(change, message);
        case Kind::Conflict:
            return (target->*onConflict)(change, message);
        case Kind::NotKept:
            return (target->*onNotKept)(change, fields);
        }
    }
};

// The results as the pushers write them, in a pusher's .cpp after `using namespace pushResults;`:
// failedLocally(message) rather than PushResult::failedLocally(message), in every callback.
namespace pushResults {
using Result = PushResult;
inline PushResult applied(const QString& summary, const QJsonObject& readBack = {}) {
    return PushResult::applied(summary, readBack);
}
inline constexpr auto failed = &PushResult::failed;
inline constexpr auto failedLocally = &PushResult::failedLocally;
inline constexpr auto conflict = &PushResult::conflict;
inline constexpr auto notKept = &PushResult::notKept;
} // namespace pushResults

} // namespace trunkline::sync
