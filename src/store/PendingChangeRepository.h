#pragma once

#include "store/PendingChange.h"

#include <QCoreApplication>
#include <QList>
#include <QVariant>
#include <optional>

class QSqlQuery;

namespace trunkline::store {

class Database;

// The queue of staged edits. State moves pending -> applying -> applied | failed | conflict, and a
// failed change goes back to applying on retry. Claiming (markApplying) is a conditional UPDATE, so
// two sync workers sharing a PostgreSQL database never push the same change twice.
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
    // Pending and failed changes whose next attempt is due at `now`, in order.
    QList<PendingChange> due(qint64 profileId, const QDateTime& now, QString* error = nullptr) const;

    // Only pending or failed changes can be claimed; false (with *error) otherwise.
    bool markApplying(qint64 id, QString* error = nullptr);
    bool markApplied(qint64 id, QString* error = nullptr);
    // Counts the attempt; `retryAt` (invalid = at once) is when the change is due again.
    bool markFailed(qint64 id, const QString& message, const QDateTime& retryAt = {},
                    QString* error = nullptr);
    bool markConflict(qint64 id, const QString& message, QString* error = nullptr);
    // Replaces what a not yet applied change will do (the admin edited it again).
    bool updatePayload(qint64 id, const QJsonObject& payload, QString* error = nullptr);
    // The same, and the base values widened to the members the new payload touches.
    bool updatePayload(qint64 id, const QJsonObject& payload, const QJsonObject& baseValues,
                       QString* error = nullptr);
    // Drops a change that is not being applied right now.
    bool discard(qint64 id, QString* error = nullptr);
    // Drops the applied ones of a profile; returns how many, -1 on error.
    int purgeApplied(qint64 profileId, QString* error = nullptr);

private:
    // The changes whose row meets `where` (its ? placeholders bound to `values`), in the order staged.
    QList<PendingChange> select(const QString& where, const QVariantList& values, QString* error) const;
    bool transition(qint64 id, ChangeState to, const QList<ChangeState>& from, const QString& message,
                    const QDateTime& retryAt, bool countAttempt, QString* error);
    // Runs a prepared UPDATE whose last bound values are still to come (updated_at, id).
    bool updateEditable(qint64 id, QSqlQuery& query, QString* error);

    Database& m_database;
};

} // namespace trunkline::store
