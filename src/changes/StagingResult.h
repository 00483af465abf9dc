#pragma once

#include "store/PendingChange.h"

#include <QList>
#include <QString>
#include <optional>

namespace trunkline::changes {

// One pending change row that a stage or discard added, revised or dropped. `before` and `after` are the
// whole rows, so an undo command can put back exactly what was there (re-enqueue `before`, restore its
// payload, or discard `after`).
struct ChangeStep {
    std::optional<store::PendingChange> before; // absent: the row was added
    std::optional<store::PendingChange> after;  // absent: the row was dropped

    bool isAdded() const { return !before && after; }
    bool isRevised() const { return before && after; }
    bool isDropped() const { return before && !after; }
    const store::PendingChange& row() const { return after ? *after : *before; }
};

// What one command of ChangeStager did. All of it or nothing: the steps ran in one transaction, and on
// an error none of them is in the store.
struct StagingResult {
    QList<ChangeStep> steps; // empty when the edit changed nothing (e.g. an edit back to what is staged)
    QString error;           // empty on success

    bool ok() const { return error.isEmpty(); }
    static StagingResult failure(const QString& message) { return {{}, message}; }
};

// The staged change of one record as an editor shows it, which the editor's next edit is made on: the
// proposal carries `revision` (PendingChange::revision), so that another admin's revision since is refused.
struct ShownStagedChange {
    qint64 id = 0; // 0: the editor shows no staged change
    qint64 revision = store::PendingChange::kShowedNoStagedChange;

    bool exists() const { return id != 0; }
    static ShownStagedChange of(const store::PendingChange& change) { return {change.id, change.revision}; }
    // After the editor staged the record: the row the command's last step left, none when that step dropped
    // the change, and as it was when the command changed nothing.
    void follow(const StagingResult& result) {
        if (result.steps.isEmpty())
            return;
        const std::optional<store::PendingChange>& after = result.steps.constLast().after;
        *this = after ? of(*after) : ShownStagedChange{};
    }
};

} // namespace trunkline::changes
