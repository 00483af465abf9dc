#include "store/ForwardingNumberRepository.h"

#include "store/Database.h"
#include "store/Transaction.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

QVariantList toValues(const core::ForwardingNumber& n) {
    return {sql::notNull(n.id),
            sql::notNull(n.phoneNumber),
            sql::notNull(n.label),
            core::toWire(n.type),
            sql::joinWords(core::flagsToWire(n.features)),
            n.flipNumber,
            sql::notNull(n.deviceId)};
}

} // namespace

ForwardingNumberRepository::ForwardingNumberRepository(Database& database)
    : m_database(database) {
}

QString ForwardingNumberRepository::versionOf(const QList<core::ForwardingNumber>& numbers) {
    QVariantList rowVersions;
    for (const auto& number : numbers) {
        rowVersions << sql::fingerprint(toValues(number));
    }
    return sql::fingerprint(rowVersions);
}

bool ForwardingNumberRepository::replaceList(qint64 profileId, const QString& extensionId,
                                             const QList<core::ForwardingNumber>& numbers, QString* error) {
    const QVariant syncedAt = sql::toText(QDateTime::currentDateTimeUtc());
    Transaction transaction(m_database);
    if (!transaction.isActive()) {
        return sql::fail(error, transaction.error());
    }
    if (!sql::execWrite(
            m_database, u"DELETE FROM forwarding_numbers WHERE profile_id = ? AND extension_id = ?"_s,
            {profileId, extensionId},
            [&] { return tr("Cannot replace the forwarding numbers of extension %1").arg(extensionId); },
            error)) {
        return false;
    }
    int position = 0;
    for (const auto& number : numbers) {
        QVariantList values = toValues(number);
        const QString version = sql::fingerprint(values);
        values.prepend(position++);
        values.prepend(extensionId);
        values.prepend(profileId);
        values << version << syncedAt;
        if (!sql::execWrite(
                m_database,
                u"INSERT INTO forwarding_numbers (profile_id, extension_id, position, id, "
                u"phone_number, label, type, features, flip_number, device_id, version, synced_at) "
                u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                values,
                [&] {
                    return tr("Cannot save the forwarding number %1 of extension %2")
                        .arg(number.phoneNumber, extensionId);
                },
                error)) {
            return false;
        }
    }
    if (!transaction.commit()) {
        return sql::fail(error, transaction.error());
    }
    return true;
}

QList<core::ForwardingNumber> ForwardingNumberRepository::list(qint64 profileId, const QString& extensionId,
                                                               QString* error) const {
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"SELECT id, phone_number, label, type, features, flip_number, device_id FROM forwarding_numbers "
        u"WHERE profile_id = ? AND extension_id = ? ORDER BY position"_s,
        {profileId, extensionId});
    const auto fromRow = [](const QSqlQuery& q) {
        core::ForwardingNumber n;
        n.id = q.value(0).toString();
        n.phoneNumber = q.value(1).toString();
        n.label = q.value(2).toString();
        n.type =
            core::fromWire<core::ForwardingType>(q.value(3).toString()).value_or(core::ForwardingType::Other);
        n.features = core::flagsFromWire<core::ForwardingFeature>(sql::splitWords(q.value(4).toString()));
        n.flipNumber = q.value(5).toInt();
        n.deviceId = q.value(6).toString();
        return n;
    };
    return sql::readRows(m_database, query, fromRow,
                         tr("Cannot read the forwarding numbers of extension %1").arg(extensionId), error);
}

QStringList ForwardingNumberRepository::extensionsForwardingTo(qint64 profileId, const QString& e164,
                                                               QString* error) const {
    QSqlQuery query = sql::preparedQuery(m_database,
                                         u"SELECT DISTINCT extension_id FROM forwarding_numbers "
                                         u"WHERE profile_id = ? AND phone_number = ? ORDER BY extension_id"_s,
                                         {profileId, e164});
    return sql::readRows(
        m_database, query, [](const QSqlQuery& q) { return q.value(0).toString(); },
        tr("Cannot read the forwarding lists that hold %1").arg(e164), error);
}

std::optional<RecordState> ForwardingNumberRepository::state(qint64 profileId, const QString& extensionId,
                                                             QString* error) const {
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"SELECT version, synced_at FROM forwarding_numbers WHERE profile_id = ? AND extension_id = ? "
        u"ORDER BY position"_s,
        {profileId, extensionId});
    if (!query.exec()) {
        sql::fail(error, m_database,
                  tr("Cannot read the forwarding numbers of extension %1").arg(extensionId), query);
        return std::nullopt;
    }
    QVariantList rowVersions;
    QDateTime syncedAt;
    while (query.next()) {
        rowVersions << query.value(0).toString();
        syncedAt = sql::toDateTime(query.value(1));
    }
    if (rowVersions.isEmpty()) {
        return std::nullopt;
    }
    return RecordState{sql::fingerprint(rowVersions), syncedAt};
}

QHash<QString, QDateTime> ForwardingNumberRepository::listSyncTimes(qint64 profileId) const {
    return sql::latestSyncTimesByExtension(m_database, u"forwarding_numbers"_s, profileId);
}

} // namespace trunkline::store
