#include "store/PendingChangeRepository.h"

#include "store/Database.h"
#include "store/SqlUtil.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

const auto kColumns =
    u"id, profile_id, entity, entity_key, operation, payload, base_version, state, last_error, "
    u"attempts, next_attempt_at, created_at, updated_at, base_values"_s;

PendingChange fromRow(const QSqlQuery& q) {
    PendingChange c;
    c.id = q.value(0).toLongLong();
    c.profileId = q.value(1).toLongLong();
    c.entity = q.value(2).toString();
    c.entityKey = q.value(3).toString();
    c.operation = changeOperationFromText(q.value(4).toString()).value_or(ChangeOperation::Update);
    c.payload = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    c.baseVersion = q.value(6).toString();
    c.state = changeStateFromText(q.value(7).toString()).value_or(ChangeState::Failed);
    c.lastError = q.value(8).toString();
    c.attempts = q.value(9).toInt();
    c.nextAttemptAt = sql::toDateTime(q.value(10));
    c.createdAt = sql::toDateTime(q.value(11));
    c.updatedAt = sql::toDateTime(q.value(12));
    c.baseValues = QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object();
    return c;
}

QString payloadText(const QJsonObject& payload) {
    return QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

} // namespace

QString toText(ChangeOperation operation) {
    switch (operation) {
    case ChangeOperation::Create:
        return u"create"_s;
    case ChangeOperation::Update:
        return u"update"_s;
    case ChangeOperation::Delete:
        return u"delete"_s;
    }
    return {};
}

std::optional<ChangeOperation> changeOperationFromText(const QString& text) {
    for (auto operation : {ChangeOperation::Create, ChangeOperation::Update, ChangeOperation::Delete}) {
        if (toText(operation) == text) {
            return operation;
        }
    }
    return std::nullopt;
}

QString toText(ChangeState state) {
    switch (state) {
    case ChangeState::Pending:
        return u"pending"_s;
    case ChangeState::Applying:
        return u"applying"_s;
    case ChangeState::Applied:
        return u"applied"_s;
    case ChangeState::Failed:
        return u"failed"_s;
    case ChangeState::Conflict:
        return u"conflict"_s;
    }
    return {};
}

std::optional<ChangeState> changeStateFromText(const QString& text) {
    for (auto state : {ChangeState::Pending, ChangeState::Applying, ChangeState::Applied, ChangeState::Failed,
                       ChangeState::Conflict}) {
        if (toText(state) == text) {
            return state;
        }
    }
    return std::nullopt;
}

PendingChangeRepository::PendingChangeRepository(Database& database)
    : m_database(database) {
}

bool PendingChangeRepository::enqueue(PendingChange& change, QString* error) {
    if (change.entity.isEmpty() || change.entityKey.isEmpty()) {
        return sql::fail(error, tr("A pending change needs an entity and an entity key."));
    }
    const QDateTime now = sql::toDateTime(sql::toText(QDateTime::currentDateTimeUtc()));
    QSqlQuery query(m_database.connection());
    query.prepare(
        u"INSERT INTO pending_changes (profile_id, entity, entity_key, operation, payload, base_version, "
        u"state, last_error, attempts, next_attempt_at, created_at, updated_at, base_values) "
        u"VALUES (?, ?, ?, ?, ?, ?, 'pending', '', 0, NULL, ?, ?, ?) RETURNING id"_s);
    query.addBindValue(change.profileId);
    query.addBindValue(change.entity);
    query.addBindValue(change.entityKey);
    query.addBindValue(toText(change.operation));
    query.addBindValue(payloadText(change.payload));
    query.addBindValue(sql::notNull(change.baseVersion));
    query.addBindValue(sql::toText(now));
    query.addBindValue(sql::toText(now));
    query.addBindValue(payloadText(change.baseValues));
    if (!query.exec() || !query.next()) {
        return sql::fail(error, m_database,
                         tr("Cannot stage the change to %1 %2").arg(change.entity, change.entityKey), query);
    }
    change.id = query.value(0).toLongLong();
    change.state = ChangeState::Pending;
    change.lastError.clear();
    change.attempts = 0;
    change.nextAttemptAt = {};
    change.createdAt = now;
    change.updatedAt = now;
    return true;
}

std::optional<PendingChange> PendingChangeRepository::find(qint64 id, QString* error) const {
    QSqlQuery query(m_database.connection());
    query.prepare("SELECT "_L1 + kColumns + " FROM pending_changes WHERE id = ?"_L1);
    query.addBindValue(id);
    if (!query.exec()) {
        sql::fail(error, m_database, tr("Cannot read the pending change %1").arg(id), query);
        return std::nullopt;
    }
    if (!query.next()) {
        return std::nullopt;
    }
    return fromRow(query);
}

QList<PendingChange> PendingChangeRepository::list(qint64 profileId, const QList<ChangeState>& states,
                                                   QString* error) const {
    QString statement = "SELECT "_L1 + kColumns + " FROM pending_changes WHERE profile_id = ?"_L1;
    if (!states.isEmpty()) {
        statement += " AND state IN ("_L1 + QStringList(states.size(), u"?"_s).join(", "_L1) + u')';
    }
    statement += " ORDER BY id"_L1;
    QList<PendingChange> changes;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(statement);
    query.addBindValue(profileId);
    for (ChangeState state : states) {
        query.addBindValue(toText(state));
    }
    if (!query.exec()) {
        sql::fail(error, m_database, tr("Cannot read the pending changes"), query);
        return changes;
    }
    while (query.next()) {
        changes << fromRow(query);
    }
    return changes;
}

QList<PendingChange> PendingChangeRepository::due(qint64 profileId, const QDateTime& now,
                                                  QString* error) const {
    QList<PendingChange> changes;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare("SELECT "_L1 + kColumns +
                  " FROM pending_changes WHERE profile_id = ? AND state IN ('pending', 'failed') "
                  "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id"_L1);
    query.addBindValue(profileId);
    query.addBindValue(sql::toText(now));
    if (!query.exec()) {
        sql::fail(error, m_database, tr("Cannot read the pending changes"), query);
        return changes;
    }
    while (query.next()) {
        changes << fromRow(query);
    }
    return changes;
}

bool PendingChangeRepository::transition(qint64 id, ChangeState to, const QList<ChangeState>& from,
                                         const QString& message, const QDateTime& retryAt, bool countAttempt,
                                         QString* error) {
    QString statement =
        u"UPDATE pending_changes SET state = ?, last_error = ?, next_attempt_at = ?, updated_at = ?"_s;
    if (countAttempt) {
        statement += ", attempts = attempts + 1"_L1;
    }
    statement += " WHERE id = ? AND state IN ("_L1 + QStringList(from.size(), u"?"_s).join(", "_L1) + u')';
    QSqlQuery query(m_database.connection());
    query.prepare(statement);
    query.addBindValue(toText(to));
    query.addBindValue(sql::notNull(message));
    query.addBindValue(sql::toText(retryAt));
    query.addBindValue(sql::toText(QDateTime::currentDateTimeUtc()));
    query.addBindValue(id);
    for (ChangeState state : from) {
        query.addBindValue(toText(state));
    }
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot update the pending change %1").arg(id), query);
    }
    if (query.numRowsAffected() == 1) {
        return true;
    }
    query.finish();
    const auto current = find(id, error);
    if (!current) {
        return sql::fail(error, tr("The pending change %1 no longer exists.").arg(id));
    }
    return sql::fail(error, tr("The pending change %1 is %2 and cannot become %3.")
                                .arg(QString::number(id), toText(current->state), toText(to)));
}

bool PendingChangeRepository::markApplying(qint64 id, QString* error) {
    return transition(id, ChangeState::Applying, {ChangeState::Pending, ChangeState::Failed}, {}, {}, false,
                      error);
}

bool PendingChangeRepository::markApplied(qint64 id, QString* error) {
    return transition(id, ChangeState::Applied, {ChangeState::Applying}, {}, {}, false, error);
}

bool PendingChangeRepository::markFailed(qint64 id, const QString& message, const QDateTime& retryAt,
                                         QString* error) {
    return transition(id, ChangeState::Failed, {ChangeState::Applying}, message, retryAt, true, error);
}

bool PendingChangeRepository::markConflict(qint64 id, const QString& message, QString* error) {
    return transition(id, ChangeState::Conflict, {ChangeState::Applying}, message, {}, false, error);
}

bool PendingChangeRepository::updatePayload(qint64 id, const QJsonObject& payload, QString* error) {
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE pending_changes SET payload = ?, updated_at = ? WHERE id = ? "
                  u"AND state IN ('pending', 'failed', 'conflict')"_s);
    query.addBindValue(payloadText(payload));
    return updateEditable(id, query, error);
}

bool PendingChangeRepository::updatePayload(qint64 id, const QJsonObject& payload,
                                            const QJsonObject& baseValues, QString* error) {
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE pending_changes SET payload = ?, base_values = ?, updated_at = ? WHERE id = ? "
                  u"AND state IN ('pending', 'failed', 'conflict')"_s);
    query.addBindValue(payloadText(payload));
    query.addBindValue(payloadText(baseValues));
    return updateEditable(id, query, error);
}

bool PendingChangeRepository::updateEditable(qint64 id, QSqlQuery& query, QString* error) {
    query.addBindValue(sql::toText(QDateTime::currentDateTimeUtc()));
    query.addBindValue(id);
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot update the pending change %1").arg(id), query);
    }
    if (query.numRowsAffected() != 1) {
        return sql::fail(error, tr("The pending change %1 is being applied or already applied and cannot be "
                                   "edited.")
                                    .arg(id));
    }
    return true;
}

bool PendingChangeRepository::discard(qint64 id, QString* error) {
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM pending_changes WHERE id = ? AND state <> 'applying'"_s);
    query.addBindValue(id);
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot discard the pending change %1").arg(id), query);
    }
    if (query.numRowsAffected() != 1) {
        query.finish();
        if (find(id, error)) {
            return sql::fail(error,
                             tr("The pending change %1 is being applied and cannot be discarded.").arg(id));
        }
        return sql::fail(error, tr("The pending change %1 no longer exists.").arg(id));
    }
    return true;
}

int PendingChangeRepository::purgeApplied(qint64 profileId, QString* error) {
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM pending_changes WHERE profile_id = ? AND state = 'applied'"_s);
    query.addBindValue(profileId);
    if (!query.exec()) {
        sql::fail(error, m_database, tr("Cannot remove the applied changes"), query);
        return -1;
    }
    return query.numRowsAffected();
}

} // namespace trunkline::store
