#include "changes/ChangeStager.h"

#include "changes/CallerIdCheck.h"
#include "changes/EntityKind.h"
#include "changes/OnePerDatabase.h"
#include "changes/PayloadMembers.h"
#include "changes/StoredRecord.h"
#include "store/Database.h"
#include "store/PendingChangeRepository.h"
#include "store/Transaction.h"

#include <optional>

namespace trunkline::changes {

namespace {

// Only these can still be revised or dropped by a new edit: an applying change is being sent, and a
// conflict waits for the admin's decision on the pending changes page.
const QList<store::ChangeState> kOpenStates = {store::ChangeState::Pending, store::ChangeState::Failed};

// The open changes of the record `proposed` is about; nullopt, with *error, when the store cannot list them.
std::optional<QList<store::PendingChange>>
openChangesOf(const ChangeStager& stager, const store::PendingChange& proposed, QString* error) {
    QString listError;
    QList<store::PendingChange> open =
        stager.openChanges(proposed.profileId, proposed.entity, proposed.entityKey, &listError);
    if (!listError.isEmpty()) {
        if (error)
            *error = listError;
        return std::nullopt;
    }
    return open;
}

} // namespace

ChangeStager& ChangeStager::of(store::Database& database) {
    return onePerDatabase<ChangeStager>(database);
}

ChangeStager::ChangeStager(store::Database& database, QObject* parent)
    : QObject(parent)
    , m_database(database) {
}

QList<store::PendingChange> ChangeStager::openChanges(qint64 profileId, const QString& entity,
                                                      const QString& entityKey, QString* error) const {
    QList<store::PendingChange> open;
    for (const store::PendingChange& change :
         store::PendingChangeRepository(m_database).list(profileId, kOpenStates, error)) {
        if (change.entity == entity && change.entityKey == entityKey)
            open << change;
    }
    return open;
}

template <typename Work>
StagingResult ChangeStager::command(Work work) {
    StagingResult result;
    {
        store::Transaction transaction(m_database);
        if (!transaction.isActive())
            return StagingResult::failure(transaction.error());
        if (!work(result.steps, &result.error))
            return StagingResult::failure(result.error); // the transaction rolls back every step
        if (!transaction.commit())
            return StagingResult::failure(transaction.error());
    }
    for (const ChangeStep& step : std::as_const(result.steps)) {
        const store::PendingChange& row = step.row();
        emit changed(row.profileId, row.entity, row.entityKey, row.id);
    }
    return result;
}

StagingResult ChangeStager::stage(const store::PendingChange& proposed) {
    return command([&](QList<ChangeStep>& steps, QString* error) {
        if (const QString refused = CallerIdCheck::refusal(m_database, proposed); !refused.isEmpty()) {
            if (error)
                *error = refused;
            return false;
        }
        switch (proposed.operation) {
        case store::ChangeOperation::Update:
            return stageUpdate(proposed, steps, error);
        case store::ChangeOperation::Delete:
            return stageDelete(proposed, steps, error);
        case store::ChangeOperation::Create:
            return stageCreate(proposed, steps, error);
        }
        return false;
    });
}

StagingResult ChangeStager::stageSequence(const QList<store::PendingChange>& sequence) {
    return command([&](QList<ChangeStep>& steps, QString* error) {
        for (const store::PendingChange& change : sequence) {
            if (!add(change, steps, error))
                return false;
        }
        return true;
    });
}

StagingResult ChangeStager::discard(qint64 changeId) {
    return command([&](QList<ChangeStep>& steps, QString* error) {
        store::PendingChangeRepository repository(m_database);
        QString findError;
        const std::optional<store::PendingChange> change = repository.find(changeId, &findError);
        if (!change) {
            if (!findError.isEmpty()) {
                if (error)
                    *error = findError;
                return false;
            }
            // Gone already: the repository's refusal says so in the words the admin knows.
            return repository.discard(changeId, error);
        }
        return drop(*change, steps, error);
    });
}

StagingResult ChangeStager::discardAll(qint64 profileId) {
    return command([&](QList<ChangeStep>& steps, QString* error) {
        QString listError;
        const QList<store::PendingChange> changes =
            store::PendingChangeRepository(m_database)
                .list(profileId,
                      {store::ChangeState::Pending, store::ChangeState::Failed, store::ChangeState::Conflict},
                      &listError);
        if (!listError.isEmpty()) {
            if (error)
                *error = listError;
            return false;
        }
        for (const store::PendingChange& change : changes) {
            if (!drop(change, steps, error))
                return false;
        }
        return true;
    });
}

StagingResult ChangeStager::revert(const QList<ChangeStep>& steps) {
    return command([&](QList<ChangeStep>& reverted, QString* error) {
        for (auto step = steps.crbegin(); step != steps.crend(); ++step) {
            if (!revertStep(*step, reverted, error))
                return false;
        }
        return true;
    });
}

std::optional<ConflictMerge> ChangeStager::conflictMerge(qint64 changeId, QString* error) const {
    const auto refuse = [error](const QString& why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QString findError;
    const std::optional<store::PendingChange> change =
        store::PendingChangeRepository(m_database).find(changeId, &findError);
    if (!change)
        return refuse(findError.isEmpty() ? tr("The pending change %1 no longer exists.").arg(changeId)
                                          : findError);
    if (change->state != store::ChangeState::Conflict)
        return refuse(tr("The pending change %1 is no longer in conflict.").arg(changeId));
    if (change->operation != store::ChangeOperation::Update)
        return refuse(tr("Only an edit of a record can be merged; discard change %1 and stage it again if it "
                         "is still wanted.")
                          .arg(changeId));
    QString readError;
    const std::optional<StoredRecord> record = StoredRecord::of(m_database, *change, &readError);
    if (!record)
        return refuse(readError);
    // The pusher stores the provider's record with the conflict; a record still at the edit's version
    // was deleted at the provider, or a store write failed: there is no "theirs" to show.
    if (record->version == change->baseVersion)
        return refuse(tr("Trunkline has no newer copy of %1 than the one you edited: sync (F5), then resolve "
                         "the conflict. If the record was deleted at the provider, discard the change.")
                          .arg(change->entityKey));
    return ConflictMerge(*change, record->values, record->version);
}

StagingResult ChangeStager::resolveConflict(const ConflictMerge& shown, const ConflictChoices& choices) {
    return command([&](QList<ChangeStep>& steps, QString* error) {
        const auto refuse = [error](const QString& why) {
            if (error)
                *error = why;
            return false;
        };
        const store::PendingChange& change = shown.change();
        const std::optional<ConflictMerge> now = conflictMerge(change.id, error);
        if (!now)
            return false;
        if (now->change().revision != change.revision)
            return refuse(
                tr("The pending change %1 was edited by someone else since you opened it (revision %2, "
                   "now %3); open it again.")
                    .arg(change.id)
                    .arg(change.revision)
                    .arg(now->change().revision));
        if (now->theirs() != shown.theirs())
            return refuse(tr("%1 changed again since you opened this conflict; its current values are shown "
                             "now: choose again.")
                              .arg(change.entityKey));
        QStringList unchosen;
        const std::optional<QJsonObject> resolved = now->resolve(choices, &unchosen);
        if (!resolved)
            return refuse(tr("Choose mine or theirs for %1.").arg(unchosen.join(u", ")));
        if (now->changesNothing(*resolved))
            return drop(now->change(), change.revision, steps, error);
        store::PendingChangeRepository repository(m_database);
        if (!repository.restage(change.id, *resolved, PayloadMembers::membersOf(now->theirs(), *resolved),
                                now->theirsVersion(), change.revision, error))
            return false;
        const std::optional<store::PendingChange> after = repository.find(change.id, error);
        if (!after)
            return false;
        steps << ChangeStep{now->change(), after};
        return true;
    });
}

int ChangeStager::followPulledRecords(qint64 profileId, QString* error) {
    store::PendingChangeRepository repository(m_database);
    QString listError;
    const QList<store::PendingChange> pending =
        repository.list(profileId, {store::ChangeState::Pending}, &listError);
    if (!listError.isEmpty()) {
        if (error)
            *error = listError;
        return -1;
    }
    int moved = 0;
    for (const store::PendingChange& change : pending) {
        if (change.operation != store::ChangeOperation::Update || change.baseVersion.isEmpty())
            continue;
        QString readError;
        const std::optional<StoredRecord> record = StoredRecord::of(m_database, change, &readError);
        if (!record || record->version == change.baseVersion)
            continue; // gone locally (the pusher says so), or not newer
        const ConflictMerge merge(change, record->values, record->version);
        if (merge.conflictCount() > 0)
            continue;
        const std::optional<QJsonObject> payload = merge.resolve(merge.keepMine());
        if (!payload || merge.changesNothing(*payload))
            continue; // the provider holds the admin's values already: the pusher records it as applied
        if (!repository.rebase(change.id, *payload, PayloadMembers::membersOf(merge.theirs(), *payload),
                               record->version, change.revision, error))
            return -1;
        ++moved;
    }
    return moved;
}

bool ChangeStager::revertStep(const ChangeStep& step, QList<ChangeStep>& steps, QString* error) {
    store::PendingChangeRepository repository(m_database);
    if (step.isAdded()) {
        if (!repository.withdraw(*step.after, error))
            return false;
        steps << ChangeStep{step.after, std::nullopt};
        return true;
    }
    if (step.isDropped()) {
        if (!mayReinstate(*step.before, error) || !repository.reinstate(*step.before, error))
            return false;
        steps << ChangeStep{std::nullopt, step.before};
        return true;
    }
    // Revised: back to the row as it was, revision included (the older steps of the history expect it).
    if (!repository.restoreRevision(*step.after, *step.before, error))
        return false;
    const std::optional<store::PendingChange> now = repository.find(step.after->id, error);
    if (!now)
        return false;
    steps << ChangeStep{step.after, now};
    return true;
}

bool ChangeStager::mayReinstate(const store::PendingChange& change, QString* error) const {
    if (change.entity == EntityKind::kForwardingNumber)
        return true;
    const std::optional<QList<store::PendingChange>> open = openChangesOf(*this, change, error);
    if (!open)
        return false;
    for (const store::PendingChange& other : *open) {
        if (other.operation == change.operation) {
            if (error)
                *error =
                    tr("The pending change %1 cannot be put back: the same record has the pending change "
                       "%2 by now (staged since, here or by someone else).")
                        .arg(change.id)
                        .arg(other.id);
            return false;
        }
    }
    return true;
}

bool ChangeStager::stageUpdate(const store::PendingChange& proposed, QList<ChangeStep>& steps,
                               QString* error) {
    const std::optional<QList<store::PendingChange>> open = openChangesOf(*this, proposed, error);
    if (!open)
        return false;
    const auto staged = std::find_if(open->cbegin(), open->cend(), [](const store::PendingChange& change) {
        return change.operation == store::ChangeOperation::Update;
    });
    if (staged == open->cend()) {
        if (PayloadMembers::isContainedIn(proposed.payload, proposed.baseValues))
            return true; // nothing to change
        return add(proposed, steps, error);
    }
    // Checked before anything else: even an edit equal to the staged one was made without seeing it.
    const std::optional<qint64> readRevision = revisionReadBy(proposed, *staged, error);
    if (!readRevision)
        return false;
    // The first edit's base stays: it is what the record held before any of the admin's edits.
    const QJsonObject baseValues = PayloadMembers::keepFirst(staged->baseValues, proposed.baseValues);
    if (PayloadMembers::isContainedIn(proposed.payload, baseValues))
        return drop(*staged, *readRevision, steps, error);
    if (staged->payload == proposed.payload && staged->baseValues == baseValues)
        return true;
    return revise(*staged, proposed, *readRevision, baseValues, steps, error);
}

bool ChangeStager::stageDelete(const store::PendingChange& proposed, QList<ChangeStep>& steps,
                               QString* error) {
    const std::optional<QList<store::PendingChange>> open = openChangesOf(*this, proposed, error);
    if (!open)
        return false;
    bool deleteStaged = false;
    for (const store::PendingChange& change : *open) {
        // The delete drops the record's updates, so it is held to the revision it was made on like an edit
        // back to the stored values: an update someone else staged or revised since may be what changes the
        // admin's mind (a number reassigned rather than released), and would otherwise vanish unseen by
        // either admin. A delete already staged is the same delete: nothing to refuse.
        if (change.operation == store::ChangeOperation::Update) {
            const std::optional<qint64> readRevision = revisionReadBy(proposed, change, error);
            if (!readRevision || !drop(change, *readRevision, steps, error))
                return false;
        }
        deleteStaged = deleteStaged || change.operation == store::ChangeOperation::Delete;
    }
    return deleteStaged || add(proposed, steps, error);
}

bool ChangeStager::stageCreate(const store::PendingChange& proposed, QList<ChangeStep>& steps,
                               QString* error) {
    const std::optional<QList<store::PendingChange>> open = openChangesOf(*this, proposed, error);
    if (!open)
        return false;
    for (const store::PendingChange& change : *open) {
        if (change.operation != store::ChangeOperation::Create)
            continue;
        // A create keyed like another admin's (the same number to add) revises theirs only when made on it.
        const std::optional<qint64> readRevision = revisionReadBy(proposed, change, error);
        if (!readRevision)
            return false;
        return change.payload == proposed.payload ||
               revise(change, proposed, *readRevision, change.baseValues, steps, error);
    }
    return add(proposed, steps, error);
}

bool ChangeStager::add(store::PendingChange change, QList<ChangeStep>& steps, QString* error) {
    if (!store::PendingChangeRepository(m_database).enqueue(change, error))
        return false;
    steps << ChangeStep{std::nullopt, change};
    return true;
}

std::optional<qint64> ChangeStager::revisionReadBy(const store::PendingChange& proposed,
                                                   const store::PendingChange& staged, QString* error) {
    if (proposed.revision == store::PendingChange::kShowedNoStagedChange) {
        if (error)
            *error = tr("The pending change %1 was staged by someone else since you opened this record; the "
                        "view now shows it: make your edit again on it.")
                         .arg(staged.id);
        return std::nullopt;
    }
    return proposed.revision > 0 ? proposed.revision : staged.revision;
}

bool ChangeStager::revise(const store::PendingChange& staged, const store::PendingChange& proposed,
                          qint64 readRevision, const QJsonObject& baseValues, QList<ChangeStep>& steps,
                          QString* error) {
    // If another admin revised the change since `readRevision`, the UPDATE finds another revision and the
    // edit is refused, not merged over theirs. On PostgreSQL a concurrent revision commits first and this
    // UPDATE then sees it.
    store::PendingChangeRepository repository(m_database);
    if (!repository.updatePayload(staged.id, proposed.payload, baseValues, readRevision, error))
        return false;
    const std::optional<store::PendingChange> now = repository.find(staged.id, error);
    if (!now)
        return false;
    steps << ChangeStep{staged, now};
    return true;
}

bool ChangeStager::drop(const store::PendingChange& staged, QList<ChangeStep>& steps, QString* error) {
    if (!store::PendingChangeRepository(m_database).discard(staged.id, error))
        return false;
    steps << ChangeStep{staged, std::nullopt};
    return true;
}

bool ChangeStager::drop(const store::PendingChange& staged, qint64 readRevision, QList<ChangeStep>& steps,
                        QString* error) {
    // Like revise(): another admin's revision since `readRevision` is refused, not discarded with the change.
    if (!store::PendingChangeRepository(m_database).discard(staged.id, readRevision, error))
        return false;
    steps << ChangeStep{staged, std::nullopt};
    return true;
}

} // namespace trunkline::changes
