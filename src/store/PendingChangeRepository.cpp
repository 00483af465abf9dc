#include "store/PendingChangeRepository.h"

#include "core/WireTable.h"
#include "store/AuditLogRepository.h"
#include "store/Database.h"
#include "store/FourEyesPolicy.h"
#include "store/ProfileRepository.h"
#include "store/SqlUtil.h"
#include "store/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringView>
#include <array>

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

const auto kColumns =
    u"id, profile_id, entity, entity_key, operation, payload, base_version, state, last_error, "
    u"attempts, next_attempt_at, created_at, updated_at, base_values, claim_owner, lease_until, revision, "
    u"read_back, author, approved_by, approved_at"_s;

PendingChange fromRow(const QSqlQuery& q) {
    PendingChange c;
    c.id = q.value(0).toLongLong();
    c.profileId = q.value(1).toLongLong();
    c.entity = q.value(2).toString();
    c.entityKey = q.value(3).toString();
    c.operation = changeOperationFromText(q.value(4).toString()).value_or(ChangeOperation::Update);
    c.payload = sql::jsonObject(q.value(5));
    c.baseVersion = q.value(6).toString();
    c.state = changeStateFromText(q.value(7).toString()).value_or(ChangeState::Failed);
    c.lastError = q.value(8).toString();
    c.attempts = q.value(9).toInt();
    c.nextAttemptAt = sql::toDateTime(q.value(10));
    c.createdAt = sql::toDateTime(q.value(11));
    c.updatedAt = sql::toDateTime(q.value(12));
    c.baseValues = sql::jsonObject(q.value(13));
    c.claimOwner = q.value(14).toString();
    c.leaseUntil = sql::toDateTime(q.value(15));
    c.revision = q.value(16).toLongLong();
    c.readBack = sql::jsonObject(q.value(17));
    c.author = q.value(18).toString();
    c.approvedBy = q.value(19).toString();
    c.approvedAt = sql::toDateTime(q.value(20));
    return c;
}

// How operations and states are spelled in the pending_changes table: one row per value, so the text
// and the parsing of a value cannot disagree. Never shown, so without display names.
using core::detail::WireEntry;

constexpr std::array<WireEntry<ChangeOperation>, 3> kOperationTexts{{
    {ChangeOperation::Create, u"create"},
    {ChangeOperation::Update, u"update"},
    {ChangeOperation::Delete, u"delete"},
}};

constexpr std::array<WireEntry<ChangeState>, 5> kStateTexts{{
    {ChangeState::Pending, u"pending"},
    {ChangeState::Applying, u"applying"},
    {ChangeState::Applied, u"applied"},
    {ChangeState::Failed, u"failed"},
    {ChangeState::Conflict, u"conflict"},
}};

// While it lives, SQLite commits of this connection are synced to disk. WAL with synchronous=NORMAL (the
// store's setting, for speed) may lose the last commits on power loss; losing an attempt counted before a
// create would let the create be sent again blindly, so that one commit runs with synchronous=FULL, which
// syncs the WAL at the commit. Set outside any transaction (it cannot change inside one) and put back
// after, so other writes keep their speed. PostgreSQL's commit is durable already (synchronous_commit).
class DurableCommit {
public:
    explicit DurableCommit(Database& database)
        : m_database(database) {
        if (m_database.isPostgres())
            return;
        QSqlQuery query(m_database.connection());
        if (query.exec(u"PRAGMA synchronous"_s) && query.next())
            m_previous = query.value(0).toInt();
        query.finish();
        query.exec(u"PRAGMA synchronous = FULL"_s);
    }
    ~DurableCommit() {
        // A PRAGMA takes no bound values; the number is the one SQLite itself reported.
        if (m_previous >= 0)
            QSqlQuery(m_database.connection()).exec("PRAGMA synchronous = "_L1 + QString::number(m_previous));
    }
    DurableCommit(const DurableCommit&) = delete;
    DurableCommit& operator=(const DurableCommit&) = delete;

private:
    Database& m_database;
    int m_previous = -1;
};

} // namespace

QString toText(ChangeOperation operation) {
    return core::detail::wireOf(kOperationTexts, operation);
}

std::optional<ChangeOperation> changeOperationFromText(const QString& text) {
    return core::detail::valueOf(kOperationTexts, text);
}

QString toText(ChangeState state) {
    return core::detail::wireOf(kStateTexts, state);
}

std::optional<ChangeState> changeStateFromText(const QString& text) {
    return core::detail::valueOf(kStateTexts, text);
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
        u"state, last_error, attempts, next_attempt_at, created_at, updated_at, base_values, author) "
        u"VALUES (?, ?, ?, ?, ?, ?, 'pending', '', 0, NULL, ?, ?, ?, ?) RETURNING id, author"_s,
        {change.profileId, change.entity, change.entityKey, toText(change.operation),
         sql::jsonText(change.payload), sql::notNull(change.baseVersion), sql::toText(now), sql::toText(now),
         sql::jsonText(change.baseValues), sql::notNull(m_database.sessionUser())});
    if (!query.exec() || !query.next()) {
        return sql::fail(error, m_database,
                         tr("Cannot stage the change to %1 %2").arg(change.entity, change.entityKey), query);
    }
    change.id = query.value(0).toLongLong();
    // On PostgreSQL the server's word (session_user), whatever this client sent.
    change.author = query.value(1).toString();
    change.approvedBy.clear();
    change.approvedAt = {};
    change.state = ChangeState::Pending;
    change.lastError.clear();
    change.attempts = 0;
    change.nextAttemptAt = {};
    change.createdAt = now;
    change.updatedAt = now;
    change.claimOwner.clear();
    change.leaseUntil = {};
    change.revision = 1;
    return true;
}

std::optional<PendingChange> PendingChangeRepository::find(qint64 id, QString* error) const {
    QSqlQuery query = sql::preparedQuery(
        m_database, "SELECT "_L1 + kColumns + " FROM pending_changes WHERE id = ?"_L1, {id});
    return sql::readFirst(m_database, query, fromRow, tr("Cannot read the pending change %1").arg(id), error);
}

namespace {

// "<column> IN (?, ?, ...)" with its values.
template <class T, class ToValue>
std::pair<QString, QVariantList> inList(const QString& column, const T& items, ToValue toValue) {
    QVariantList values;
    for (const auto& item : items)
        values << toValue(item);
    return {column + " IN ("_L1 + QStringList(values.size(), u"?"_s).join(", "_L1) + u')', values};
}

// The profile's changes in one of `states`; in any state when `states` is empty.
sql::Where inStates(qint64 profileId, const QList<ChangeState>& states) {
    sql::Where where;
    where.add(u"profile_id = ?"_s, {profileId});
    if (!states.isEmpty()) {
        const auto [condition, values] =
            inList(u"state"_s, states, [](ChangeState state) { return toText(state); });
        where.add(condition, values);
    }
    return where;
}

} // namespace

QList<PendingChange> PendingChangeRepository::list(qint64 profileId, const QList<ChangeState>& states,
                                                   QString* error) const {
    const sql::Where where = inStates(profileId, states);
    return select(where.conditions.join(" AND "_L1), where.values, error);
}

qint64 PendingChangeRepository::count(qint64 profileId, const QList<ChangeState>& states,
                                      const std::optional<QSet<qint64>>& among, QString* error) const {
    sql::Where where = inStates(profileId, states);
    if (among) {
        if (among->isEmpty())
            return 0;
        const auto [condition, values] = inList(u"id"_s, *among, [](qint64 id) { return id; });
        where.add(condition, values);
    }
    return sql::countRows(m_database, "SELECT COUNT(*) FROM pending_changes"_L1 + where.sql(), where.values,
                          tr("Cannot count the pending changes"), error);
}

QList<PendingChange> PendingChangeRepository::due(qint64 profileId, const QDateTime& now,
                                                  QString* error) const {
    return select(u"profile_id = ? AND ((state IN ('pending', 'failed') "
                  u"AND (next_attempt_at IS NULL OR next_attempt_at <= ?)) "
                  u"OR (state = 'applying' AND (lease_until IS NULL OR lease_until < ?)))"_s,
                  {profileId, sql::toText(now), sql::toText(now)}, error);
}

QList<PendingChange> PendingChangeRepository::applicable(qint64 profileId, const QDateTime& now,
                                                         QString* error) const {
    return select(u"profile_id = ? AND (state IN ('pending', 'failed') "
                  u"OR (state = 'applying' AND (lease_until IS NULL OR lease_until < ?)))"_s,
                  {profileId, sql::toText(now)}, error);
}

QList<PendingChange> PendingChangeRepository::select(const QString& where, const QVariantList& values,
                                                     QString* error) const {
    QSqlQuery query = sql::preparedQuery(
        m_database, "SELECT "_L1 + kColumns + " FROM pending_changes WHERE "_L1 + where + " ORDER BY id"_L1,
        values);
    return sql::readRows(m_database, query, fromRow, tr("Cannot read the pending changes"), error);
}

bool PendingChangeRepository::refusal(qint64 id, ChangeState to, QString* error) const {
    const auto current = find(id, error);
    if (!current) {
        return sql::fail(error, tr("The pending change %1 no longer exists.").arg(id));
    }
    if (current->state == ChangeState::Applying && current->leaseUntil.isValid()) {
        return sql::fail(error, tr("The pending change %1 is claimed by %2 until %3.")
                                    .arg(QString::number(id), current->claimOwner,
                                         current->leaseUntil.toString(Qt::ISODate)));
    }
    return sql::fail(error, tr("The pending change %1 is %2 and cannot become %3.")
                                .arg(QString::number(id), toText(current->state), toText(to)));
}

bool PendingChangeRepository::markApplying(qint64 id, const ChangeClaim& claim, QString* error) {
    if (claim.owner.isEmpty() || !claim.until.isValid()) {
        return sql::fail(error, tr("A claim on pending change %1 needs an owner and a lease.").arg(id));
    }
    const QVariant now = sql::toText(QDateTime::currentDateTimeUtc());
    // One statement decides: on PostgreSQL a second UPDATE of the row waits for the first to commit and
    // then re-checks the condition against the claimed row, so exactly one applier gets rows affected = 1.
    // Expressions in SET see the row as it was, so the CASE counts an attempt only for a lapsed claim.
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"UPDATE pending_changes SET state = 'applying', claim_owner = ?, lease_until = ?, updated_at = ?, "
        u"attempts = CASE WHEN state = 'applying' THEN attempts + 1 ELSE attempts END "
        u"WHERE id = ? AND (state IN ('pending', 'failed') "
        u"OR (state = 'applying' AND (lease_until IS NULL OR lease_until < ?)))"_s,
        {claim.owner, sql::toText(claim.until), now, id, now});
    if (!query.exec()) {
        if (const QString refusal = FourEyesPolicy::refusalText(query.lastError(), id); !refusal.isEmpty())
            return sql::fail(error, refusal);
        return sql::fail(error, m_database, tr("Cannot claim the pending change %1").arg(id), query);
    }
    return changedOneRow(query, [&] { return refusal(id, ChangeState::Applying, error); });
}

bool PendingChangeRepository::recordAttempt(qint64 id, const QString& owner, QString* error) {
    const DurableCommit durable(m_database);
    QSqlQuery query =
        sql::preparedQuery(m_database,
                           u"UPDATE pending_changes SET attempts = attempts + 1, updated_at = ? "
                           u"WHERE id = ? AND state = 'applying' AND claim_owner = ?"_s,
                           {sql::toText(QDateTime::currentDateTimeUtc()), id, owner});
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot record the attempt of pending change %1").arg(id),
                         query);
    }
    return changedOneRow(query, [&] { return refusal(id, ChangeState::Applying, error); });
}

bool PendingChangeRepository::finish(qint64 id, const QString& owner, ChangeState to, const QString& message,
                                     const QDateTime& retryAt, bool countAttempt, QString* error) {
    QString statement = u"UPDATE pending_changes SET state = ?, last_error = ?, next_attempt_at = ?, "
                        u"updated_at = ?, lease_until = NULL"_s;
    if (countAttempt) {
        statement += ", attempts = attempts + 1"_L1;
    }
    statement += " WHERE id = ? AND state = 'applying' AND claim_owner = ?"_L1;
    QSqlQuery query = sql::preparedQuery(m_database, statement,
                                         {toText(to), sql::notNull(message), sql::toText(retryAt),
                                          sql::toText(QDateTime::currentDateTimeUtc()), id, owner});
    if (!query.exec()) {
        if (const QString refusal = FourEyesPolicy::refusalText(query.lastError(), id); !refusal.isEmpty())
            return sql::fail(error, refusal);
        return sql::fail(error, m_database, tr("Cannot update the pending change %1").arg(id), query);
    }
    return changedOneRow(query, [&] { return refusal(id, to, error); });
}

bool PendingChangeRepository::markApplied(qint64 id, const QString& owner, const QJsonObject& readBack,
                                          QString* error) {
    if (!finish(id, owner, ChangeState::Applied, {}, {}, false, error))
        return false;
    // Same transaction as the caller's (ChangePusher::succeeded): the row is the applier's until it commits.
    QSqlQuery query =
        sql::preparedQuery(m_database, u"UPDATE pending_changes SET read_back = ? WHERE id = ?"_s,
                           {sql::jsonText(readBack), id});
    if (!query.exec())
        return sql::fail(error, m_database, tr("Cannot update the pending change %1").arg(id), query);
    return true;
}

bool PendingChangeRepository::markFailed(qint64 id, const QString& owner, const QString& message,
                                         const QDateTime& retryAt, QString* error) {
    return finish(id, owner, ChangeState::Failed, message, retryAt, true, error);
}

bool PendingChangeRepository::markConflict(qint64 id, const QString& owner, const QString& message,
                                           QString* error) {
    return finish(id, owner, ChangeState::Conflict, message, {}, false, error);
}

bool PendingChangeRepository::expireClaim(qint64 id, const QString& owner, QString* error) {
    // A second before now, so that a claim made in the same second sees it lapsed.
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"UPDATE pending_changes SET lease_until = ? WHERE id = ? AND state = 'applying' AND claim_owner = ?"_s,
        {sql::toText(QDateTime::currentDateTimeUtc().addSecs(-1)), id, owner});
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot release the claim on pending change %1").arg(id),
                         query);
    }
    return changedOneRow(query, [&] { return refusal(id, ChangeState::Applying, error); });
}

bool PendingChangeRepository::updatePayload(qint64 id, const QJsonObject& payload, QString* error) {
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"UPDATE pending_changes SET payload = ?, revision = revision + 1, approved_by = '', "
        u"approved_at = NULL, updated_at = ? "
        u"WHERE id = ? AND state IN ('pending', 'failed', 'conflict')"_s,
        {sql::jsonText(payload)});
    return updateEditable(id, query, error);
}

bool PendingChangeRepository::updatePayload(qint64 id, const QJsonObject& payload,
                                            const QJsonObject& baseValues, qint64 readRevision,
                                            QString* error) {
    QSqlQuery query =
        sql::preparedQuery(m_database,
                           u"UPDATE pending_changes SET payload = ?, base_values = ?, revision = revision + "
                           u"1, approved_by = '', "
                           u"approved_at = NULL, updated_at = ? "
                           u"WHERE id = ? AND state IN ('pending', 'failed', 'conflict') AND revision = ?"_s,
                           {sql::jsonText(payload), sql::jsonText(baseValues),
                            sql::toText(QDateTime::currentDateTimeUtc()), id, readRevision});
    return updateAtRevision(id, readRevision, query, error, [&] { return notEditable(id, error); });
}

bool PendingChangeRepository::restage(qint64 id, const QJsonObject& payload, const QJsonObject& baseValues,
                                      const QString& baseVersion, qint64 readRevision, QString* error) {
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"UPDATE pending_changes SET payload = ?, base_values = ?, base_version = ?, state = 'pending', "
        u"last_error = '', next_attempt_at = ?, read_back = ?, revision = revision + 1, updated_at = ? "
        u"WHERE id = ? AND state = 'conflict' AND revision = ?"_s,
        {sql::jsonText(payload), sql::jsonText(baseValues), baseVersion, sql::toText(QDateTime()),
         sql::jsonText({}), sql::toText(QDateTime::currentDateTimeUtc()), id, readRevision});
    return updateAtRevision(id, readRevision, query, error,
                            [&] { return refusal(id, ChangeState::Pending, error); });
}

bool PendingChangeRepository::rebase(qint64 id, const QJsonObject& payload, const QJsonObject& baseValues,
                                     const QString& baseVersion, qint64 readRevision, QString* error) {
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"UPDATE pending_changes SET payload = ?, base_values = ?, base_version = ?, updated_at = ? "
        u"WHERE id = ? AND state = 'pending' AND revision = ?"_s,
        {sql::jsonText(payload), sql::jsonText(baseValues), baseVersion,
         sql::toText(QDateTime::currentDateTimeUtc()), id, readRevision});
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot update the pending change %1").arg(id), query);
    }
    // No row: the admin revised, applied or discarded it meanwhile; the pusher checks it against the
    // provider's record then, as it does every change.
    return true;
}

bool PendingChangeRepository::editedBySomeoneElse(const PendingChange& current, qint64 readRevision,
                                                  QString* error) const {
    return sql::fail(error, tr("The pending change %1 was edited by someone else since you opened it "
                               "(revision %2, now %3); reload it and make your edit again.")
                                .arg(current.id)
                                .arg(readRevision)
                                .arg(current.revision));
}

bool PendingChangeRepository::updateEditable(qint64 id, QSqlQuery& query, QString* error) {
    query.addBindValue(sql::toText(QDateTime::currentDateTimeUtc()));
    query.addBindValue(id);
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot update the pending change %1").arg(id), query);
    }
    if (query.numRowsAffected() != 1) {
        return notEditable(id, error);
    }
    return true;
}

bool PendingChangeRepository::updateAtRevision(qint64 id, qint64 readRevision, QSqlQuery& query,
                                               QString* error, const std::function<bool()>& refused) {
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot update the pending change %1").arg(id), query);
    }
    return changedOneRow(query, [&] {
        const std::optional<PendingChange> current = find(id, error);
        if (current && current->revision != readRevision) {
            return editedBySomeoneElse(*current, readRevision, error);
        }
        return refused();
    });
}

bool PendingChangeRepository::changedOneRow(QSqlQuery& query, const std::function<bool()>& refused) {
    if (query.numRowsAffected() == 1) {
        return true;
    }
    query.finish(); // before refused() reads the change again
    return refused();
}

bool PendingChangeRepository::notEditable(qint64 id, QString* error) const {
    return sql::fail(error, tr("The pending change %1 is being applied or already applied and cannot be "
                               "edited.")
                                .arg(id));
}

bool PendingChangeRepository::discard(qint64 id, QString* error) {
    QSqlQuery query =
        sql::preparedQuery(m_database,
                           u"DELETE FROM pending_changes WHERE id = ? "
                           u"AND (state <> 'applying' OR lease_until IS NULL OR lease_until < ?)"_s,
                           {id, sql::toText(QDateTime::currentDateTimeUtc())});
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot discard the pending change %1").arg(id), query);
    }
    if (query.numRowsAffected() != 1) {
        query.finish();
        return discardRefusal(id, find(id, error), error);
    }
    return true;
}

bool PendingChangeRepository::discard(qint64 id, qint64 readRevision, QString* error) {
    QSqlQuery query =
        sql::preparedQuery(m_database,
                           u"DELETE FROM pending_changes WHERE id = ? AND revision = ? "
                           u"AND (state <> 'applying' OR lease_until IS NULL OR lease_until < ?)"_s,
                           {id, readRevision, sql::toText(QDateTime::currentDateTimeUtc())});
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot discard the pending change %1").arg(id), query);
    }
    if (query.numRowsAffected() != 1) {
        query.finish();
        const std::optional<PendingChange> current = find(id, error);
        if (current && current->revision != readRevision) {
            return editedBySomeoneElse(*current, readRevision, error);
        }
        return discardRefusal(id, current, error);
    }
    return true;
}

bool PendingChangeRepository::reinstate(const PendingChange& change, QString* error) {
    // Asked first: on PostgreSQL a failed INSERT would abort the caller's transaction before it could ask.
    QString findError;
    if (find(change.id, &findError) || !findError.isEmpty()) {
        return sql::fail(error, findError.isEmpty() ? tr("The pending change %1 cannot be put back: a change "
                                                         "with that number exists again.")
                                                          .arg(change.id)
                                                    : findError);
    }
    QSqlQuery query = sql::preparedQuery(
        m_database,
        // Without its approval: whoever approved the change approved it before it was discarded, and on
        // PostgreSQL only the approver's own session may record an approval (four-eyes). The author is
        // the database's word there too (its trigger sets it); SQLite keeps the one given.
        u"INSERT INTO pending_changes (id, profile_id, entity, entity_key, operation, payload, base_version, "
        u"state, last_error, attempts, next_attempt_at, created_at, updated_at, base_values, claim_owner, "
        u"lease_until, revision, read_back, author) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {change.id, change.profileId, change.entity, change.entityKey, toText(change.operation),
         sql::jsonText(change.payload), sql::notNull(change.baseVersion), toText(change.state),
         sql::notNull(change.lastError), change.attempts, sql::toText(change.nextAttemptAt),
         sql::toText(change.createdAt), sql::toText(change.updatedAt), sql::jsonText(change.baseValues),
         sql::notNull(change.claimOwner), sql::toText(change.leaseUntil), change.revision,
         sql::jsonText(change.readBack), sql::notNull(change.author)});
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot put back the pending change %1").arg(change.id),
                         query);
    }
    return true;
}

bool PendingChangeRepository::withdraw(const PendingChange& change, QString* error) {
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"DELETE FROM pending_changes WHERE id = ? AND profile_id = ? AND entity = ? AND entity_key = ? "
        u"AND created_at = ? AND revision = ? AND state IN ('pending', 'failed', 'conflict')"_s,
        {change.id, change.profileId, change.entity, change.entityKey, sql::toText(change.createdAt),
         change.revision});
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot withdraw the pending change %1").arg(change.id),
                         query);
    }
    return changedOneRow(query, [&] { return undoRefusal(change, error); });
}

bool PendingChangeRepository::restoreRevision(const PendingChange& current, const PendingChange& restored,
                                              QString* error) {
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"UPDATE pending_changes SET payload = ?, base_values = ?, revision = ?, updated_at = ? "
        u"WHERE id = ? AND profile_id = ? AND entity = ? AND entity_key = ? AND created_at = ? "
        u"AND revision = ? AND state IN ('pending', 'failed', 'conflict')"_s,
        {sql::jsonText(restored.payload), sql::jsonText(restored.baseValues), restored.revision,
         sql::toText(QDateTime::currentDateTimeUtc()), current.id, current.profileId, current.entity,
         current.entityKey, sql::toText(current.createdAt), current.revision});
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot update the pending change %1").arg(current.id), query);
    }
    return changedOneRow(query, [&] { return undoRefusal(current, error); });
}

bool PendingChangeRepository::undoRefusal(const PendingChange& expected, QString* error) const {
    const std::optional<PendingChange> current = find(expected.id, error);
    if (!current || current->entityKey != expected.entityKey || current->createdAt != expected.createdAt) {
        return sql::fail(error, tr("The pending change %1 no longer exists.").arg(expected.id));
    }
    if (current->state == ChangeState::Applied) {
        return sql::fail(error, tr("The pending change %1 was applied meanwhile.").arg(expected.id));
    }
    if (current->state == ChangeState::Applying) {
        return sql::fail(error, tr("The pending change %1 is being applied.").arg(expected.id));
    }
    return editedBySomeoneElse(*current, expected.revision, error);
}

bool PendingChangeRepository::discardRefusal(qint64 id, const std::optional<PendingChange>& current,
                                             QString* error) const {
    if (current) {
        return sql::fail(error, tr("The pending change %1 is being applied by %2 and cannot be discarded "
                                   "before %3.")
                                    .arg(QString::number(id), current->claimOwner,
                                         current->leaseUntil.toString(Qt::ISODate)));
    }
    return sql::fail(error, tr("The pending change %1 no longer exists.").arg(id));
}

bool PendingChangeRepository::approve(qint64 id, QString* error) {
    if (!m_database.isPostgres())
        return sql::fail(error, tr("Approving a change needs a team database on PostgreSQL, where the server "
                                   "knows who is who; %1 is a SQLite file.")
                                    .arg(m_database.displayName()));
    // The function checks who is asking (session_user) against the author, in the server. The query
    // outlives the transaction (SqlUtil.cpp).
    QSqlQuery query = sql::preparedQuery(m_database, u"SELECT approve_change(?)"_s, {id});
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return sql::fail(error, transaction.error());
    if (!query.exec()) {
        if (const QString refusal = FourEyesPolicy::refusalText(query.lastError(), id); !refusal.isEmpty())
            return sql::fail(error, refusal);
        return sql::fail(error, m_database, tr("Cannot approve the pending change %1").arg(id), query);
    }
    query.finish();
    // The approval is in the audit log too, or neither is.
    const std::optional<PendingChange> change = find(id, error);
    if (!change)
        return false;
    AuditEntry entry;
    entry.profileId = change->profileId;
    if (const std::optional<Profile> profile = ProfileRepository(m_database).find(change->profileId))
        entry.profileName = profile->name;
    entry.entity = change->entity;
    entry.entityKey = change->entityKey;
    entry.action = u"approve"_s;
    entry.summary = tr("Approved change %1 (revision %2), staged by %3.")
                        .arg(QString::number(id), QString::number(change->revision), change->author);
    entry.after = change->payload;
    if (!AuditLogRepository(m_database).append(entry, error))
        return false;
    return transaction.commit() || sql::fail(error, transaction.error());
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
