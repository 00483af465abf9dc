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

bool dropUris(QJsonArray& array);

// Removes every "uri" member at any depth and says whether there was one. Only the parts that hold one
// are copied and changed: most of a settings document is left shared, untouched.
bool dropUris(QJsonObject& object) {
    bool dropped = false;
    if (object.contains("uri"_L1)) {
        object.remove("uri"_L1);
        dropped = true;
    }
    QList<std::pair<QString, QJsonValue>> changed;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isObject()) {
            QJsonObject child = it.value().toObject();
            if (dropUris(child))
                changed.append({it.key(), child});
        } else if (it.value().isArray()) {
            QJsonArray child = it.value().toArray();
            if (dropUris(child))
                changed.append({it.key(), child});
        }
    }
    for (const auto& [key, child] : std::as_const(changed))
        object.insert(key, child);
    return dropped || !changed.isEmpty();
}

bool dropUris(QJsonArray& array) {
    bool dropped = false;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        if (item.isObject()) {
            QJsonObject child = item.toObject();
            if (dropUris(child)) {
                array.replace(i, child);
                dropped = true;
            }
        } else if (item.isArray()) {
            QJsonArray child = item.toArray();
            if (dropUris(child)) {
                array.replace(i, child);
                dropped = true;
            }
        }
    }
    return dropped;
}

// The text a document's version is the fingerprint of: compact JSON without URIs (which name the
// server, not the settings). QJsonObject keeps its keys sorted, so equal content always reads the same.
struct VersionText {
    QByteArray text;
    bool hadUris = false;
};
VersionText versionText(const QJsonObject& json) {
    QJsonObject withoutUris = json;
    const bool hadUris = dropUris(withoutUris);
    return {QJsonDocument(withoutUris).toJson(QJsonDocument::Compact), hadUris};
}

QString fingerprintOf(const QByteArray& versionText) {
    return sql::fingerprint({QString::fromUtf8(versionText)});
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
    return fingerprintOf(versionText(json).text);
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
    // A document without URIs is stored as the text its version is taken from: serialised once.
    const VersionText version = versionText(json);
    const QByteArray text =
        version.hadUris ? QJsonDocument(json).toJson(QJsonDocument::Compact) : version.text;
    return sql::execWrite(
        m_database,
        u"INSERT INTO extension_settings (profile_id, extension_id, kind, json, version, synced_at) "
        u"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id, extension_id, kind) DO UPDATE SET "
        u"json = excluded.json, version = excluded.version, synced_at = excluded.synced_at"_s,
        {profileId, extensionId, kind, QString::fromUtf8(text), fingerprintOf(version.text),
         sql::toText(QDateTime::currentDateTimeUtc())},
        [&] { return tr("Cannot save the %1 of extension %2").arg(displayName(kind), extensionId); }, error);
}

} // namespace trunkline::store
