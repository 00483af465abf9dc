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

} // namespace trunkline::changes
