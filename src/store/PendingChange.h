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
    ChangeState state = ChangeState::Pending;
    QString lastError;
    int attempts = 0;        // failed attempts so far
    QDateTime nextAttemptAt; // not before this time (backoff after a failure); invalid = now
    QDateTime createdAt;
    QDateTime updatedAt;

    friend bool operator==(const PendingChange&, const PendingChange&) = default;
};

} // namespace trunkline::store
