#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace trunkline::store {

class Database;

// Per-extension settings without a record of their own, stored as the provider's JSON (RingCentral
// ExtensionCallerIdInfo, notification settings, the business-hours and after-hours answering rules, the
// custom answering rules as {"records": [...]}): one document per (profile, extension, kind). An empty
// after-hours document means the extension has none (its business hours are 24/7). The console edits only a
// few members of each; keeping the whole document lets it show what the provider said and compare versions
// without a model of every member.
class ExtensionSettingsRepository {
    Q_DECLARE_TR_FUNCTIONS(ExtensionSettingsRepository)

public:
    static inline const QString kCallerId = QStringLiteral("callerId");
    static inline const QString kNotifications = QStringLiteral("notifications");
    static inline const QString kBusinessHours = QStringLiteral("businessHours");
    static inline const QString kAfterHours = QStringLiteral("afterHours");
    static inline const QString kCustomRules = QStringLiteral("customRules");

    // The kinds above, in the order the console shows them.
    static QStringList kinds();
    static bool isKnownKind(const QString& kind);
    // "caller ID", "notification settings", "business-hours rule", ... (translated), for messages.
    static QString displayName(const QString& kind);

    explicit ExtensionSettingsRepository(Database& database);

    // nullopt = never fetched (or, with *error set, unreadable).
    std::optional<QJsonObject> get(qint64 profileId, const QString& extensionId, const QString& kind,
                                   QString* error = nullptr) const;
    // When the document was last stored from the provider's answer; nullopt = never fetched.
    std::optional<QDateTime> syncedAt(qint64 profileId, const QString& extensionId,
                                      const QString& kind) const;
    // For each extension of the profile with a stored document, when the newest of them was stored.
    QHash<QString, QDateTime> latestSyncTimes(qint64 profileId) const;
    // Inserts or replaces the document, stamping its version and the time; the extension must be stored.
    bool put(qint64 profileId, const QString& extensionId, const QString& kind, const QJsonObject& json,
             QString* error = nullptr);

    // A fingerprint of the document's content. "uri" members are left out: they contain the server's
    // address, which for the in-process demo emulator changes with every start, and a changed address
    // is not a changed setting.
    static QString versionOf(const QJsonObject& json);

private:
    Database& m_database;
};

} // namespace trunkline::store
