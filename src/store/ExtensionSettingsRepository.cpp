#include "store/ExtensionSettingsRepository.h"

#include "store/Database.h"
#include "store/SqlUtil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

QJsonValue withoutUris(const QJsonValue& value) {
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key() != "uri"_L1)
                out.insert(it.key(), withoutUris(it.value()));
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : value.toArray())
            out.append(withoutUris(item));
        return out;
    }
    return value;
}

} // namespace

QStringList ExtensionSettingsRepository::kinds() {
    return {kCallerId, kNotifications, kBusinessHours, kAfterHours, kCustomRules};
}

bool ExtensionSettingsRepository::isKnownKind(const QString& kind) {
    return kinds().contains(kind);
}

QString ExtensionSettingsRepository::displayName(const QString& kind) {
    if (kind == kCallerId)
        return tr("caller ID");
    if (kind == kNotifications)
        return tr("notification settings");
    if (kind == kBusinessHours)
        return tr("business-hours rule");
    if (kind == kAfterHours)
        return tr("after-hours rule");
    if (kind == kCustomRules)
        return tr("custom rules");
    return kind;
}

ExtensionSettingsRepository::ExtensionSettingsRepository(Database& database)
    : m_database(database) {
}

QString ExtensionSettingsRepository::versionOf(const QJsonObject& json) {
    // QJsonObject keeps its keys sorted, so equal content always serialises the same way.
    const QByteArray text = QJsonDocument(withoutUris(json).toObject()).toJson(QJsonDocument::Compact);
    return sql::fingerprint({QString::fromUtf8(text)});
}

std::optional<QJsonObject> ExtensionSettingsRepository::get(qint64 profileId, const QString& extensionId,
                                                            const QString& kind, QString* error) const {
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"SELECT json FROM extension_settings WHERE profile_id = ? AND extension_id = ? AND kind = ?"_s,
        {profileId, extensionId, kind});
    if (!query.exec()) {
        sql::fail(error, m_database,
                  tr("Cannot read the %1 of extension %2").arg(displayName(kind), extensionId), query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(query.value(0).toString().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        sql::fail(error, tr("The stored %1 of extension %2 is not a JSON object (%3); fetch it again "
                            "from the provider.")
                             .arg(displayName(kind), extensionId, parseError.errorString()));
        return std::nullopt;
    }
    return document.object();
}

std::optional<QDateTime> ExtensionSettingsRepository::syncedAt(qint64 profileId, const QString& extensionId,
                                                               const QString& kind) const {
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"SELECT synced_at FROM extension_settings WHERE profile_id = ? AND extension_id = ? AND kind = ?"_s,
        {profileId, extensionId, kind});
    if (!query.exec() || !query.next())
        return std::nullopt;
    return sql::toDateTime(query.value(0));
}

QHash<QString, QDateTime> ExtensionSettingsRepository::latestSyncTimes(qint64 profileId) const {
    return sql::latestSyncTimesByExtension(m_database, u"extension_settings"_s, profileId);
}

bool ExtensionSettingsRepository::put(qint64 profileId, const QString& extensionId, const QString& kind,
                                      const QJsonObject& json, QString* error) {
    if (!isKnownKind(kind)) {
        return sql::fail(error, tr("\"%1\" is not a kind of extension settings; known kinds: %2.")
                                    .arg(kind, kinds().join(u", "_s)));
    }
    return sql::execWrite(
        m_database,
        u"INSERT INTO extension_settings (profile_id, extension_id, kind, json, version, synced_at) "
        u"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id, extension_id, kind) DO UPDATE SET "
        u"json = excluded.json, version = excluded.version, synced_at = excluded.synced_at"_s,
        {profileId, extensionId, kind, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)),
         versionOf(json), sql::toText(QDateTime::currentDateTimeUtc())},
        [&] { return tr("Cannot save the %1 of extension %2").arg(displayName(kind), extensionId); }, error);
}

} // namespace trunkline::store
