#include "store/PendingChangeRepository.h"

#include "store/Database.h"
#include "store/SqlUtil.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringView>
#include <algorithm>
#include <array>
#include <cstddef>

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

// How operations and states are spelled in the pending_changes table: one row per value, so the text
// and the parsing of a value cannot disagree.
template <typename E>
struct TextEntry {
    E value;
    QStringView text;
};

constexpr std::array<TextEntry<ChangeOperation>, 3> kOperationTexts{{
    {ChangeOperation::Create, u"create"},
    {ChangeOperation::Update, u"update"},
    {ChangeOperation::Delete, u"delete"},
}};

constexpr std::array<TextEntry<ChangeState>, 5> kStateTexts{{
    {ChangeState::Pending, u"pending"},
    {ChangeState::Applying, u"applying"},
    {ChangeState::Applied, u"applied"},
    {ChangeState::Failed, u"failed"},
    {ChangeState::Conflict, u"conflict"},
}};

template <typename E, std::size_t N>
QString textOf(const std::array<TextEntry<E>, N>& table, E value) {
    const auto entry = std::ranges::find(table, value, &TextEntry<E>::value);
    return entry != table.end() ? entry->text.toString() : QString();
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<TextEntry<E>, N>& table, QStringView text) {
    const auto entry = std::ranges::find(table, text, &TextEntry<E>::text);
    return entry != table.end() ? std::optional<E>(entry->value) : std::nullopt;
}

} // namespace

QString toText(ChangeOperation operation) {
    return textOf(kOperationTexts, operation);
}

std::optional<ChangeOperation> changeOperationFromText(const QString& text) {
    return valueOf(kOperationTexts, text);
}

QString toText(ChangeState state) {
    return textOf(kStateTexts, state);
}

std::optional<ChangeState> changeStateFromText(const QString& text) {
    return valueOf(kStateTexts, text);
}

PendingChangeRepository::PendingChangeRepository(Database& database)
    : m_database(database) {
}

bool PendingChangeRepository::enqueue(PendingChange& change, QString* error) {
    if (change.entity.isEmpty() || change.entityKey.isEmpty()) {
        return sql::fail(error, tr("A pending change needs an entity and an entity key."));
    }
    const QDateTime now = sql::toDateTime(sql::toText(QDateTime::currentDateTimeUtc()));
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"INSERT INTO pending_changes (profile_id, entity, entity_key, operation, payload, base_version, "
        u"state, last_error, attempts, next_attempt_at, created_at, updated_at, base_values) "
        u"VALUES (?, ?, ?, ?, ?, ?, 'pending', '', 0, NULL, ?, ?, ?) RETURNING id"_s,
        {change.profileId, change.entity, change.entityKey, toText(change.operation),
         payloadText(change.payload), sql::notNull(change.baseVersion), sql::toText(now), sql::toText(now),
         payloadText(change.baseValues)});
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
    QSqlQuery query = sql::preparedQuery(
        m_database, "SELECT "_L1 + kColumns + " FROM pending_changes WHERE id = ?"_L1, {id});
    return sql::readFirst(m_database, query, fromRow, tr("Cannot read the pending change %1").arg(id), error);
}

QList<PendingChange> PendingChangeRepository::list(qint64 profileId, const QList<ChangeState>& states,
                                                   QString* error) const {
    QString where = u"profile_id = ?"_s;
    QVariantList values{profileId};
    if (!states.isEmpty()) {
        where += " AND state IN ("_L1 + QStringList(states.size(), u"?"_s).join(", "_L1) + u')';
        for (ChangeState state : states) {
            values << toText(state);
        }
    }
    return select(where, values, error);
}

QList<PendingChange> PendingChangeRepository::due(qint64 profileId, const QDateTime& now,
                                                  QString* error) const {
    return select(u"profile_id = ? AND state IN ('pending', 'failed') "
                  u"AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"_s,
                  {profileId, sql::toText(now)}, error);
}

QList<PendingChange> PendingChangeRepository::select(const QString& where, const QVariantList& values,
                                                     QString* error) const {
    QSqlQuery query = sql::preparedQuery(
        m_database, "SELECT "_L1 + kColumns + " FROM pending_changes WHERE "_L1 + where + " ORDER BY id"_L1,
        values);
    return sql::readRows(m_database, query, fromRow, tr("Cannot read the pending changes"), error);
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
    QSqlQuery query =
        sql::preparedQuery(m_database,
                           u"UPDATE pending_changes SET payload = ?, updated_at = ? WHERE id = ? "
                           u"AND state IN ('pending', 'failed', 'conflict')"_s,
                           {payloadText(payload)});
    return updateEditable(id, query, error);
}

bool PendingChangeRepository::updatePayload(qint64 id, const QJsonObject& payload,
                                            const QJsonObject& baseValues, QString* error) {
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"UPDATE pending_changes SET payload = ?, base_values = ?, updated_at = ? WHERE id = ? "
        u"AND state IN ('pending', 'failed', 'conflict')"_s,
        {payloadText(payload), payloadText(baseValues)});
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
    QSqlQuery query = sql::preparedQuery(
        m_database, u"DELETE FROM pending_changes WHERE id = ? AND state <> 'applying'"_s, {id});
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
    QSqlQuery query = sql::preparedQuery(
        m_database, u"DELETE FROM pending_changes WHERE profile_id = ? AND state = 'applied'"_s, {profileId});
    if (!query.exec()) {
        sql::fail(error, m_database, tr("Cannot remove the applied changes"), query);
        return -1;
    }
    return query.numRowsAffected();
}

} // namespace trunkline::store
