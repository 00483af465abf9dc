#pragma once

#include "changes/ConflictMerge.h"
#include "changes/StagingResult.h"
#include "store/PendingChange.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <optional>

namespace trunkline::store {
class Database;
}

namespace trunkline::changes {

// The one place where an edit becomes a pending change (sync is the only other writer: it marks changes
// applying/applied/failed/conflict). Models, pages and the CLI hand it a proposed change built by a
// payload class (ChangePayloads, NumberChangePayloads, SettingsPayloads) and it decides whether that adds
// a row, revises the record's staged one, or drops it:
//
// - An update is the whole change as the admin now wants it, relative to the stored record. A staged
//   update of the same record that is still open (pending or failed) is revised in place: its payload
//   is replaced, its base version and base values stay those of the first edit. An update that would
//   change nothing against the base values drops the staged one (the admin edited back).
// - A revision is made on the staged change's revision the editor showed (PendingChange::revision of the
//   proposal; 0 = the one read now): when another admin revised it meanwhile the edit is refused with a
//   message, never written over theirs. So is an edit back to the stored values, which drops the staged
//   change. An editor that showed no staged change says so (PendingChange::kShowedNoStagedChange): when
//   one is open by now, someone else staged it since, and the edit is refused instead of merged into it.
// - A delete drops the record's open updates (they would be moot) and is staged once. Dropping an update
//   is held to the same revision rule: one staged or revised by someone else since the admin looked is
//   refused, so that it is seen before it goes.
// - A create with the key of an open create revises that one, under the same revision rule.
// - A sequence (an edited forwarding / call-flip list, ForwardingListPlan) is staged as given, in order;
//   it only adds rows, never revises or drops a staged one, so its revisions are not looked at.
//
// Every command runs in one transaction and returns what it did (StagingResult); revert() takes that back
// (StagingHistory wraps both in a QUndoStack command); changed() is emitted once per row after the
// commit, so models and pages refresh from it instead of being told by hand.
class ChangeStager : public QObject {
    Q_OBJECT

public:
    // The stager of an open database, shared by every model and page that uses it, so that one staging
    // reaches all their changed() slots without passing a stager through every constructor. Created on
    // first use in the calling thread; it lives until the application quits.
    static ChangeStager& of(store::Database& database);

    explicit ChangeStager(store::Database& database, QObject* parent = nullptr);

    // The record's changes a new edit merges into or drops: pending or failed, in staging order (one being
    // applied, or parked as a conflict for the admin to resolve, is left alone).
    QList<store::PendingChange> openChanges(qint64 profileId, const QString& entity, const QString& entityKey,
                                            QString* error = nullptr) const;

    StagingResult stage(const store::PendingChange& proposed);
    StagingResult stageSequence(const QList<store::PendingChange>& sequence);
    // Drops one change that is not being applied right now.
    StagingResult discard(qint64 changeId);
    // Drops every change of the profile that is not being applied or already applied.
    StagingResult discardAll(qint64 profileId);
    // Takes back what a command did (its steps, last first), in one transaction: an added row is withdrawn,
    // a revised one gets its previous payload, base values and revision back, a dropped one is put back as
    // it was (id, state, payload, base values, attempts, revision). Refused, with nothing done, when a row
    // moved on since: applied or being applied, revised by someone else, gone; or when a dropped row's record
    // has an open change of the same kind again. The result's steps revert these in turn: reverting them
    // redoes the command.
    StagingResult revert(const QList<ChangeStep>& steps);

    // A change the pusher parked as a conflict, three ways: its base and payload against the record as the
    // store holds it now (the pusher stored the provider's record when it found the conflict). nullopt,
    // with *error, when it cannot be merged: not a conflict, not an edit of a record, or the store has no
    // newer copy of the record than the one the edit was made on.
    std::optional<ConflictMerge> conflictMerge(qint64 changeId, QString* error = nullptr) const;
    // Resolves the conflict the admin was shown: the change takes `choices` (ConflictMerge::resolve) and is
    // re-staged on the record's current version with theirs as its base values, pending again; when it
    // would change nothing the provider holds, it is dropped. Refused, with a message, when the change was
    // revised or the record changed again since `shown` was read: nothing is decided on values the admin
    // has not seen.
    StagingResult resolveConflict(const ConflictMerge& shown, const ConflictChoices& choices);

    // A pull stored newer versions of records while edits of them were pending (staged while the sync ran,
    // or before it): each pending update whose fields the provider left alone moves onto the record's
    // current version, so that applying it is not mistaken for a conflict and nothing the provider changed
    // is written back. One with a field both sides changed stays on its base: the pusher parks it as a
    // conflict for the admin (ConflictDialog). Returns how many moved, -1 with *error on a store error.
    int followPulledRecords(qint64 profileId, QString* error = nullptr);

signals:
    // One staged row was added, revised or dropped (changeId is the row's id in each case).
    void changed(qint64 profileId, const QString& entity, const QString& entityKey, qint64 changeId);

private:
    bool stageUpdate(const store::PendingChange& proposed, QList<ChangeStep>& steps, QString* error);
    bool stageDelete(const store::PendingChange& proposed, QList<ChangeStep>& steps, QString* error);
    bool stageCreate(const store::PendingChange& proposed, QList<ChangeStep>& steps, QString* error);
    bool add(store::PendingChange change, QList<ChangeStep>& steps, QString* error);
    // The revision of `staged` the proposal was made on (the one it showed, or the one just read); nullopt,
    // with *error, when its editor showed no staged change, so that `staged` is someone else's.
    static std::optional<qint64> revisionReadBy(const store::PendingChange& proposed,
                                                const store::PendingChange& staged, QString* error);
    // Replaces the staged change's payload by the proposed one, refused when the staged change moved on
    // from `readRevision` (another admin revised it).
    bool revise(const store::PendingChange& staged, const store::PendingChange& proposed, qint64 readRevision,
                const QJsonObject& baseValues, QList<ChangeStep>& steps, QString* error);
    // Drops the staged change (discard: whatever revision it has).
    bool drop(const store::PendingChange& staged, QList<ChangeStep>& steps, QString* error);
    // Drops it only while it has `readRevision`, the one the edit that drops it was made on.
    bool drop(const store::PendingChange& staged, qint64 readRevision, QList<ChangeStep>& steps,
              QString* error);
    // The reverse of one step, appended to `steps`.
    bool revertStep(const ChangeStep& step, QList<ChangeStep>& steps, QString* error);
    // Whether `change` may be put back: its record has no open change of the same operation by now (a
    // sequence's forwarding entries excepted: a list edit adds rows beside the open ones).
    bool mayReinstate(const store::PendingChange& change, QString* error) const;
    // Runs `work` in one transaction; on success announces the steps.
    template <typename Work>
    StagingResult command(Work work);

    store::Database& m_database;
};

} // namespace trunkline::changes
