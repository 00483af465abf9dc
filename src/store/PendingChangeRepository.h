#pragma once

#include "store/PendingChange.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QVariant>
#include <functional>
#include <optional>

class QSqlQuery;

namespace trunkline::store {

class Database;

// The queue of staged edits. State moves pending -> applying -> applied | failed | conflict, and a
// failed change goes back to applying on retry. Claiming (markApplying) is one conditional UPDATE that
// records the applier and its lease, so two appliers sharing a database (GUI and CLI on one SQLite file,
// or admins on one PostgreSQL store) never work on the same change; only the claim's owner can finish it.
class PendingChangeRepository {
    Q_DECLARE_TR_FUNCTIONS(PendingChangeRepository)

public:
    explicit PendingChangeRepository(Database& database);

    // Stores the change as pending and fills in id, state, times.
    bool enqueue(PendingChange& change, QString* error = nullptr);
    std::optional<PendingChange> find(qint64 id, QString* error = nullptr) const;
    // In the order they were staged; an empty `states` lists all.
    QList<PendingChange> list(qint64 profileId, const QList<ChangeState>& states = {},
                              QString* error = nullptr) const;
    // How many list() would return, counted by the database (nothing read); with `among`, only those
    // of these ids. -1 when the database cannot say.
    qint64 count(qint64 profileId, const QList<ChangeState>& states,
                 const std::optional<QSet<qint64>>& among = std::nullopt, QString* error = nullptr) const;
    // Pending and failed changes whose next attempt is due at `now`, and `applying` ones whose claim
    // lapsed before `now` (abandoned by a dead applier), in order.
    QList<PendingChange> due(qint64 profileId, const QDateTime& now, QString* error = nullptr) const;
    // The same without the backoff: every pending and failed change, due or not (the admin's Apply).
    QList<PendingChange> applicable(qint64 profileId, const QDateTime& now, QString* error = nullptr) const;

    // Claims a pending or failed change, or an applying one whose lease has lapsed (counting an attempt:
    // the dead applier may have sent it), for `claim.owner` until `claim.until`. False (with *error
    // naming the state, or the holder and its lease) when it cannot be claimed.
    bool markApplying(qint64 id, const ChangeClaim& claim, QString* error = nullptr);
    // Counts an attempt of a change `owner` holds, durably (on SQLite the commit is synced to disk even
    // in WAL mode with synchronous=NORMAL): a create does this before it is sent, so that after a crash
    // or power loss it is looked up before it is sent again.
    bool recordAttempt(qint64 id, const QString& owner, QString* error = nullptr);
    // The finishing moves; only the claim's owner may make them.
    // `readBack`: the provider's values of the members the change touched (PendingChange::readBack).
    bool markApplied(qint64 id, const QString& owner, const QJsonObject& readBack = {},
                     QString* error = nullptr);
    // Counts the attempt; `retryAt` (invalid = at once) is when the change is due again.
    bool markFailed(qint64 id, const QString& owner, const QString& message, const QDateTime& retryAt = {},
                    QString* error = nullptr);
    bool markConflict(qint64 id, const QString& owner, const QString& message, QString* error = nullptr);
    // Ends the lease of a change `owner` still holds (its applier is known to be dead), so that the next
    // claim recovers it as abandoned. False when someone else holds it by now.
    bool expireClaim(qint64 id, const QString& owner, QString* error = nullptr);
    // Replaces what a not yet applied change will do (the admin edited it again).
    bool updatePayload(qint64 id, const QJsonObject& payload, QString* error = nullptr);
    // The same, and the base values widened to the members the new payload touches, only while the
    // change still has `readRevision` (the one the edit was made on): another admin's revision in between
    // is refused, not overwritten.
    bool updatePayload(qint64 id, const QJsonObject& payload, const QJsonObject& baseValues,
                       qint64 readRevision, QString* error = nullptr);
    // Puts a change parked as a conflict back in the queue on the record's current version: the resolved
    // payload, theirs as base values, pending with no error, only while it still has `readRevision` (the
    // one the admin resolved): another admin's resolution or revision in between is refused.
    bool restage(qint64 id, const QJsonObject& payload, const QJsonObject& baseValues,
                 const QString& baseVersion, qint64 readRevision, QString* error = nullptr);
    // Moves a pending change onto a newer version of its record that a pull brought, when the provider
    // changed none of the fields the change changes (ChangeStager::followPulledRecords): the payload and
    // base values relative to that version, only while it is pending with `readRevision`. The revision
    // stays: the admin's edit is the same edit, and their undo of it still applies.
    bool rebase(qint64 id, const QJsonObject& payload, const QJsonObject& baseValues,
                const QString& baseVersion, qint64 readRevision, QString* error = nullptr);
    // Drops a change that is not being applied right now (an `applying` one whose lease lapsed is
    // abandoned and can go).
    bool discard(qint64 id, QString* error = nullptr);
    // The same, only while the change still has `readRevision` (the one the edit that drops it was made
    // on): another admin's revision in between is refused, not discarded with the change.
    bool discard(qint64 id, qint64 readRevision, QString* error = nullptr);
    // Undo of staging (changes::ChangeStager::revert): puts a dropped change back exactly as it was, with
    // its id, state, payload, base values, attempts and revision. Refused when a row has that id again.
    bool reinstate(const PendingChange& change, QString* error = nullptr);
    // Undo of staging: drops the change only while it is the very row `change` (same id, record, staging
    // time and revision) and not being applied or applied; else refused with why (applied, being applied,
    // edited by someone else, gone).
    bool withdraw(const PendingChange& change, QString* error = nullptr);
    // Undo of staging: gives the change `current` (the very row, as withdraw() checks it) the payload, base
    // values and revision of `restored`, its state before a revision, so that the row is again exactly what
    // editors and older undo steps saw then.
    bool restoreRevision(const PendingChange& current, const PendingChange& restored,
                         QString* error = nullptr);
    // Four-eyes: records this connection's role as the approver of the change's current revision. The
    // database refuses the change's author (and anything but a pending, failed or conflicting change);
    // SQLite cannot approve (FourEyesPolicy). A later revision of the change clears the approval. The
    // approval is logged (action "approve") in the same transaction.
    bool approve(qint64 id, QString* error = nullptr);
    // Drops the applied ones of a profile; returns how many, -1 on error.
    int purgeApplied(qint64 profileId, QString* error = nullptr);

private:
    // The changes whose row meets `where` (its ? placeholders bound to `values`), in the order staged.
    QList<PendingChange> select(const QString& where, const QVariantList& values, QString* error) const;
    // Finishes a change `owner` holds (applying -> to).
    bool finish(qint64 id, const QString& owner, ChangeState to, const QString& message,
                const QDateTime& retryAt, bool countAttempt, QString* error);
    // Why `id` could not be moved to `to`, in the admin's words (gone, its state, or who holds it).
    bool refusal(qint64 id, ChangeState to, QString* error) const;
    // Why an edit made on `readRevision` cannot touch `current`: someone else revised it since.
    bool editedBySomeoneElse(const PendingChange& current, qint64 readRevision, QString* error) const;
    // Why an undo step found `expected` no longer as it left it: gone, applied, being applied or revised.
    bool undoRefusal(const PendingChange& expected, QString* error) const;
    // Why a DELETE matched no row: `current` (the row as found now, if any) is being applied, or is gone.
    bool discardRefusal(qint64 id, const std::optional<PendingChange>& current, QString* error) const;
    // Runs a prepared UPDATE whose last bound values are still to come (updated_at, id).
    bool updateEditable(qint64 id, QSqlQuery& query, QString* error);
    // Runs a prepared UPDATE guarded by "revision = ?" (readRevision): true when it changed the row.
    // When it did not, says so if someone else revised the change meanwhile, else as `refused` does.
    bool updateAtRevision(qint64 id, qint64 readRevision, QSqlQuery& query, QString* error,
                          const std::function<bool()>& refused);
    // After an UPDATE or DELETE meant for one change: true when it changed that row, else refused().
    static bool changedOneRow(QSqlQuery& query, const std::function<bool()>& refused);
    // Why an edit found the change no longer editable (claimed or applied).
    bool notEditable(qint64 id, QString* error) const;

    Database& m_database;
};

} // namespace trunkline::store
