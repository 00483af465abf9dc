#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace trunkline::store {

enum class ChangeOperation { Create, Update, Delete };
enum class ChangeState { Pending, Applying, Applied, Failed, Conflict };

QString toText(ChangeOperation operation);
std::optional<ChangeOperation> changeOperationFromText(const QString& text);
QString toText(ChangeState state);
std::optional<ChangeState> changeStateFromText(const QString& text);

// An applier's hold on a change while it is applied: `owner` identifies the process
// ("user@host:pid#token"), `until` is when the hold lapses unless the change is finished first.
struct ChangeClaim {
    QString owner;
    QDateTime until;
};

// An edit the admin staged locally and that the sync engine will push to the provider.
struct PendingChange {
    qint64 id = 0; // assigned on enqueue; also the order in which changes are applied
    qint64 profileId = 0;
    QString entity;    // "extension", "phone_number", "forwarding_list", ...
    QString entityKey; // the record's id at the provider (or a local key for a create)
    ChangeOperation operation = ChangeOperation::Update;
    QJsonObject payload;
    QString baseVersion; // the record's version the edit was made on; "" for a create
    // The record's values before the first edit, for the members the change touches (same shape as the
    // payload): what a review shows as "before" and what a three-way merge takes as the common base.
    QJsonObject baseValues;
    // Once applied: the provider's values of the members the change touched, as read back after the
    // write (same shape as the payload); {} before, and for a change without a read-back (a delete).
    QJsonObject readBack;
    ChangeState state = ChangeState::Pending;
    QString lastError;
    // Tries so far: each failure counts one, a create counts one more (durably) before it is sent, and
    // recovering an abandoned claim counts one; above zero, a create is looked up before it is sent again.
    int attempts = 0;
    QDateTime nextAttemptAt; // not before this time (backoff after a failure); invalid = now
    QDateTime createdAt;
    QDateTime updatedAt;
    // Who applies (or last applied) the change, "user@host:pid#token", and until when the claim holds
    // while it is `applying`; an `applying` change whose lease ran out was abandoned (invalid = no lease).
    QString claimOwner;
    QDateTime leaseUntil;
    // Bumped by every edit of the staged change (a stored change starts at 1): an edit made on an older
    // revision is refused. In a proposed change (ChangeStager::stage) the revision of the staged change
    // the editor showed, kShowedNoStagedChange when it showed none, or 0 for "the one read now" (the CLI,
    // which reads and stages in one step).
    qint64 revision = 0;
    // Who staged it: on PostgreSQL the role the server authenticated, set by the database itself; on
    // SQLite the operating-system user. "" for changes staged before schema version 12.
    QString author;
    // Four-eyes (FourEyesPolicy): who approved this revision of the change, and when; "" / invalid while
    // it is not approved. A new revision clears the approval.
    QString approvedBy;
    QDateTime approvedAt;

    // A proposal's revision when its editor showed no staged change of the record: a staged change found
    // when it is staged came from someone else since, and the edit is refused rather than merged into it.
    static constexpr qint64 kShowedNoStagedChange = -1;

    friend bool operator==(const PendingChange&, const PendingChange&) = default;
};

} // namespace trunkline::store
