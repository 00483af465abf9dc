#include "store/SqlUtil.h"

#include "store/Database.h"
#include "store/Transaction.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace trunkline::store::sql {

namespace {

// Translation context shared by all repository messages.
class Repository {
    Q_DECLARE_TR_FUNCTIONS(Repository)
};

} // namespace

QVariant toText(const QDateTime& time) {
    if (!time.isValid()) {
        return QVariant();
    }
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime toDateTime(const QVariant& value) {
    if (value.isNull()) {
        return {};
    }
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString jsonText(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant& value) {
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QString notNull(const QString& text) {
    return text.isNull() ? u""_s : text;
}

QString joinWords(const QStringList& words) {
    return words.join(u',');
}

QStringList splitWords(const QString& text) {
    return text.split(u',', Qt::SkipEmptyParts);
}

QString fingerprint(const QVariantList& values) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QVariant& value : values) {
        // The type and a separator keep ("ab","c") and ("a","bc"), or null and "", apart.
        hash.addData(QByteArray::number(value.isNull() ? -1 : value.typeId()));
        hash.addData("\x1f");
        hash.addData(value.toString().toUtf8());
        hash.addData("\x1e");
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString RecordTable::nounText() const {
    return QCoreApplication::translate("Repository", noun);
}

QString RecordTable::selectSql() const {
    return "SELECT "_L1 + columns.join(", "_L1) + " FROM "_L1 + table;
}

QHash<QString, QDateTime> latestSyncTimesByExtension(const Database& database, const QString& table,
                                                     qint64 profileId) {
    QSqlQuery query = preparedQuery(database,
                                    "SELECT extension_id, MAX(synced_at) FROM "_L1 + table +
                                        " WHERE profile_id = ? GROUP BY extension_id"_L1,
                                    {profileId});
    QHash<QString, QDateTime> times;
    if (query.exec()) {
        while (query.next()) {
            times.insert(query.value(0).toString(), toDateTime(query.value(1)));
        }
    }
    return times;
}

bool upsertRows(Database& database, const RecordTable& table, qint64 profileId,
                const QList<QVariantList>& rows, const QStringList& versions, QString* error) {
    Q_ASSERT(rows.size() == versions.size());
    QStringList columns = {u"profile_id"_s};
    columns << table.columns << u"version"_s << u"synced_at"_s;
    QStringList updates;
    for (const QString& column : columns.mid(2)) {
        updates << column + " = excluded."_L1 + column;
    }
    const QString statement = "INSERT INTO "_L1 + table.table + " ("_L1 + columns.join(", "_L1) +
                              ") VALUES ("_L1 + QStringList(columns.size(), u"?"_s).join(", "_L1) +
                              ") ON CONFLICT (profile_id, id) DO UPDATE SET "_L1 + updates.join(", "_L1);
    const QVariant syncedAt = toText(QDateTime::currentDateTimeUtc());

    // The query outlives the transaction: on PostgreSQL a prepared statement can only be released
    // after a failed transaction has been rolled back.
    QSqlQuery query(database.connection());
    Transaction transaction(database);
    if (!transaction.isActive()) {
        return fail(error, transaction.error());
    }
    if (!query.prepare(statement)) {
        return fail(error, database, Repository::tr("Cannot save %1").arg(table.nounText()), query);
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        query.addBindValue(profileId);
        for (const QVariant& value : rows.at(i)) {
            // A default-constructed QString in a domain struct means "", not SQL NULL; an
            // intended NULL is an invalid QVariant.
            if (value.metaType() == QMetaType::fromType<QString>() && value.toString().isNull()) {
                query.addBindValue(u""_s);
            } else {
                query.addBindValue(value);
            }
        }
        query.addBindValue(versions.at(i));
        query.addBindValue(syncedAt);
        if (!query.exec()) {
            return fail(
                error, database,
                Repository::tr("Cannot save %1 %2").arg(table.nounText(), rows.at(i).value(0).toString()),
                query);
        }
    }
    if (!transaction.commit()) {
        return fail(error, transaction.error());
    }
    return true;
}

bool removeAllExcept(Database& database, const RecordTable& table, qint64 profileId,
                     const QStringList& keptIds, QString* error, int* removed) {
    // Ids are compared here rather than in a NOT IN (...) list: a complete pull can keep tens of
    // thousands of ids, more than either engine binds in one statement.
    QSqlQuery select(database.connection());
    QSqlQuery remove(database.connection());
    Transaction transaction(database);
    if (!transaction.isActive()) {
        return fail(error, transaction.error());
    }
    const QSet<QString> kept(keptIds.cbegin(), keptIds.cend());
    QStringList gone;
    select.setForwardOnly(true);
    select.prepare("SELECT id FROM "_L1 + table.table + " WHERE profile_id = ?"_L1);
    select.addBindValue(profileId);
    if (!select.exec()) {
        return fail(error, database, Repository::tr("Cannot read %1").arg(table.nounText()), select);
    }
    while (select.next()) {
        const QString id = select.value(0).toString();
        if (!kept.contains(id)) {
            gone << id;
        }
    }
    select.finish();
    remove.prepare("DELETE FROM "_L1 + table.table + " WHERE profile_id = ? AND id = ?"_L1);
    for (const QString& id : std::as_const(gone)) {
        remove.addBindValue(profileId);
        remove.addBindValue(id);
        if (!remove.exec()) {
            return fail(error, database, Repository::tr("Cannot remove %1 %2").arg(table.nounText(), id),
                        remove);
        }
    }
    if (!transaction.commit()) {
        return fail(error, transaction.error());
    }
    if (removed) {
        *removed = static_cast<int>(gone.size());
    }
    return true;
}

bool removeRow(Database& database, const RecordTable& table, qint64 profileId, const QString& id,
               QString* error) {
    QSqlQuery query = preparedQuery(
        database, "DELETE FROM "_L1 + table.table + " WHERE profile_id = ? AND id = ?"_L1, {profileId, id});
    if (!query.exec()) {
        return fail(error, database, Repository::tr("Cannot remove %1 %2").arg(table.nounText(), id), query);
    }
    return true;
}

std::optional<RecordState> recordState(Database& database, const RecordTable& table, qint64 profileId,
                                       const QString& id, QString* error) {
    QSqlQuery query = preparedQuery(
        database, "SELECT version, synced_at FROM "_L1 + table.table + " WHERE profile_id = ? AND id = ?"_L1,
        {profileId, id});
    const auto stateOf = [](const QSqlQuery& q) {
        return RecordState{q.value(0).toString(), toDateTime(q.value(1))};
    };
    return readFirst(database, query, stateOf, Repository::tr("Cannot read %1 %2").arg(table.nounText(), id),
                     error);
}

bool fail(QString* error, const Database& database, const QString& what, const QSqlQuery& query) {
    return fail(error,
                Repository::tr("%1 in %2: %3").arg(what, database.displayName(), query.lastError().text()));
}

bool fail(QString* error, const QString& message) {
    if (error) {
        *error = message;
    }
    return false;
}

namespace {

// Escapes LIKE wildcards in user text; used with ESCAPE '\'.
QString likeEscaped(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_') {
            out += u'\\';
        }
        out += c;
    }
    return out;
}

} // namespace

void Where::add(const QString& condition, const QVariantList& conditionValues) {
    conditions << condition;
    values << conditionValues;
}

bool Where::addContains(const QStringList& expressions, const QString& text) {
    const QString lowered = text.trimmed().toLower();
    if (lowered.isEmpty())
        return false;
    const QString pattern = u'%' + likeEscaped(lowered) + u'%';
    QStringList likes;
    for (const QString& expression : expressions) {
        likes << expression + uR"( LIKE ? ESCAPE '\')"_s;
        values << pattern;
    }
    conditions << u'(' + likes.join(" OR "_L1) + u')';
    return true;
}

QString Where::sql() const {
    return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(" AND "_L1);
}

QSqlQuery preparedQuery(const Database& database, const QString& statement, const QVariantList& values) {
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    query.prepare(statement);
    for (const QVariant& value : values) {
        query.addBindValue(value);
    }
    return query;
}

QVariant readValue(const Database& database, const QString& statement, const QVariantList& values,
                   const QString& what, QString* error) {
    QSqlQuery query = preparedQuery(database, statement, values);
    if (!query.exec()) {
        fail(error, database, what, query);
        return {};
    }
    return query.next() ? query.value(0) : QVariant();
}

qint64 countRows(const Database& database, const QString& statement, const QVariantList& values,
                 const QString& what, QString* error) {
    QSqlQuery query = preparedQuery(database, statement, values);
    if (!query.exec() || !query.next()) {
        fail(error, database, what, query);
        return -1;
    }
    return query.value(0).toLongLong();
}

QSqlQuery KeysetOrder::pageQuery(const Database& database, const QString& select, Where where,
                                 const std::optional<PageKey>& after, int limit) const {
    const Statement statement = pageStatement(select, std::move(where), after, limit);
    return preparedQuery(database, statement.text, statement.values);
}

Statement KeysetOrder::pageStatement(const QString& select, Where where, const std::optional<PageKey>& after,
                                     int limit) const {
    if (after) {
        // Row values: SQLite 3.15+ and PostgreSQL compare them lexicographically, which is exactly
        // "after this row" for the ORDER BY below.
        where.add(
            u"(%1, %2.profile_id, %2.id) %3 (?, ?, ?)"_s.arg(sortBy, alias, ascending ? u">"_s : u"<"_s),
            {after->sortValue, after->profileId, after->id});
    }
    const QString direction = ascending ? u" ASC"_s : u" DESC"_s;
    const QString orderAndLimit = u" ORDER BY "_s + sortBy + direction + u", "_s + alias + u".profile_id"_s +
                                  direction + u", "_s + alias + u".id"_s + direction + u" LIMIT ?"_s;
    where.values << limit;
    return {select + where.sql() + orderAndLimit, where.values};
}

} // namespace trunkline::store::sql
