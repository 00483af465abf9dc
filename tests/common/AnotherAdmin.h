#pragma once

// Two admins on one store: what another admin stages from a console of their own (another process: a
// connection and a stager of their own on the same file or server) while the console under test shows
// the record.

#include "changes/ChangeStager.h"
#include "store/Database.h"

#include <QString>
#include <memory>
#include <optional>

namespace trunkline::test {

// Stages `change` through a connection of its own to the store at `location`. The change as staged;
// nothing, with `error` set, when that store does not open or refuses the change.
inline std::optional<store::PendingChange>
stageAsAnotherAdmin(const QString& location, const store::PendingChange& change, QString* error) {
    const std::unique_ptr<store::Database> theirs = store::Database::open(location, error);
    if (!theirs)
        return std::nullopt;
    const changes::StagingResult staged = changes::ChangeStager(*theirs).stage(change);
    if (!staged.ok()) {
        *error = staged.error;
        return std::nullopt;
    }
    return *staged.steps.constLast().after;
}

} // namespace trunkline::test
