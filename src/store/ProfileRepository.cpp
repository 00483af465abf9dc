#include "store/ProfileRepository.h"

#include "store/Database.h"
#include "store/SqlUtil.h"

#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

const auto kColumns = u"id, name, provider, base_url, account_id, created_at, uuid"_s;

Profile fromRow(const QSqlQuery& query) {
    Profile profile;
    profile.id = query.value(0).toLongLong();
    profile.name = query.value(1).toString();
    profile.provider = query.value(2).toString();
    profile.baseUrl = query.value(3).toString();
    profile.accountId = query.value(4).toString();
    profile.createdAt = sql::toDateTime(query.value(5));
    profile.uuid = query.value(6).toString();
    return profile;
}

} // namespace

ProfileRepository::ProfileRepository(Database& database)
    : m_database(database) {
}

bool ProfileRepository::add(Profile& profile, QString* error) {
    if (profile.name.trimmed().isEmpty()) {
        return sql::fail(error, tr("Profile name: must not be empty."));
    }
    const QDateTime createdAt =
        profile.createdAt.isValid() ? profile.createdAt : QDateTime::currentDateTimeUtc();
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"INSERT INTO profiles (name, provider, base_url, account_id, created_at, uuid) "
        u"VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s,
        {sql::notNull(profile.name), sql::notNull(profile.provider), sql::notNull(profile.baseUrl),
         sql::notNull(profile.accountId), sql::toText(createdAt), uuid});
    if (!query.exec() || !query.next()) {
        return sql::fail(error, m_database, tr("Cannot add the profile %1").arg(profile.name), query);
    }
    profile.id = query.value(0).toLongLong();
    profile.uuid = uuid;
    profile.createdAt = sql::toDateTime(sql::toText(createdAt));
    return true;
}

bool ProfileRepository::update(const Profile& profile, QString* error) {
    if (profile.name.trimmed().isEmpty()) {
        return sql::fail(error, tr("Profile name: must not be empty."));
    }
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"UPDATE profiles SET name = ?, provider = ?, base_url = ?, account_id = ? WHERE id = ?"_s,
        {sql::notNull(profile.name), sql::notNull(profile.provider), sql::notNull(profile.baseUrl),
         sql::notNull(profile.accountId), profile.id});
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot save the profile %1").arg(profile.name), query);
    }
    if (query.numRowsAffected() != 1) {
        return sql::fail(error, tr("The profile %1 no longer exists.").arg(profile.id));
    }
    return true;
}

bool ProfileRepository::remove(qint64 profileId, QString* error) {
    QSqlQuery query = sql::preparedQuery(m_database, u"DELETE FROM profiles WHERE id = ?"_s, {profileId});
    if (!query.exec()) {
        return sql::fail(error, m_database, tr("Cannot remove the profile %1").arg(profileId), query);
    }
    return true;
}

std::optional<Profile> ProfileRepository::find(qint64 profileId, QString* error) const {
    QSqlQuery query = sql::preparedQuery(
        m_database, "SELECT "_L1 + kColumns + " FROM profiles WHERE id = ?"_L1, {profileId});
    return sql::readFirst(m_database, query, fromRow, tr("Cannot read the profile %1").arg(profileId), error);
}

QList<Profile> ProfileRepository::list(QString* error) const {
    QSqlQuery query =
        sql::preparedQuery(m_database, "SELECT "_L1 + kColumns + " FROM profiles ORDER BY name, id"_L1, {});
    return sql::readRows(m_database, query, fromRow, tr("Cannot read the profiles"), error);
}

} // namespace trunkline::store
