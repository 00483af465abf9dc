#pragma once

#include "changes/EntityKind.h"
#include "store/PendingChange.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace trunkline::changes {

// Pending changes of an extension's settings documents (store::ExtensionSettingsRepository kinds):
//   entity "extension_settings", entityKey "<extensionId>/<kind>", operation Update,
//   payload {"kind": kind, "settings": <the edited document, only the members the console edits>},
//   baseVersion = store::ExtensionSettingsRepository::versionOf(the stored document),
//   baseValues = {"kind": kind, "settings": the stored document's form part}.
// The settings part is what SettingsPusher PUTs: RingCentral's PUTs for these endpoints change only the
// members they are given, so the members the console does not show are never sent back stale.
//
// The members the console edits, as dotted paths (formMembers()):
//   businessHours, afterHours: callHandlingAction, voicemail.enabled, unconditionalForwarding.phoneNumber,
//                  transfer.extension.id
//   customRules:   none; they are shown, not edited (no change of this kind is ever staged)
//   notifications: emailAddresses, voicemails.{notifyByEmail,includeAttachment,markAsRead},
//                  missedCalls.{notifyByEmail,notifyBySms}, inboundTexts.{notifyByEmail,notifyBySms}
//   callerId:      the byFeature entry of feature RingOut (callerId.type, callerId.phoneInfo.id), shown as
//                  the path "byFeature.RingOut"
class SettingsPayloads {
    Q_DECLARE_TR_FUNCTIONS(SettingsPayloads)

public:
    static inline const QString& kEntity = EntityKind::kExtensionSettings;
    static inline const QString kRingOutPath = QStringLiteral("byFeature.RingOut");

    static QString entityKey(const QString& extensionId, const QString& kind);
    // False when the key is not "<extensionId>/<kind>" (extension ids never contain '/').
    static bool splitEntityKey(const QString& key, QString* extensionId, QString* kind);

    static QStringList formMembers(const QString& kind);
    // The document reduced to the members the console edits (those it has).
    static QJsonObject formPart(const QString& kind, const QJsonObject& settings);
    // The form members whose values differ between two documents (paths as in formMembers()).
    static QStringList differences(const QString& kind, const QJsonObject& a, const QJsonObject& b);

    static store::PendingChange settingsUpdate(qint64 profileId, const QString& extensionId,
                                               const QString& kind, const QJsonObject& stored,
                                               const QJsonObject& edited);

    // The document as it will be once `settings` (a change's payload part) is applied: objects are merged
    // member by member, byFeature entries by feature, anything else replaced. For showing staged edits.
    static QJsonObject withSettings(QJsonObject document, const QJsonObject& settings);

    // Dotted-path access into nested objects; a missing step reads as undefined.
    static QJsonValue valueAt(const QJsonObject& object, const QString& path);
    static void setValueAt(QJsonObject& object, const QString& path, const QJsonValue& value);

    // The RingOut caller ID entry's callerId object ({"type", "phoneInfo": {...}}); empty when absent.
    static QJsonObject ringOutCallerId(const QJsonObject& callerIdInfo);
    // Sets (or adds) the RingOut entry to {"type": type, "phoneInfo": {"id": numberId}} (no phoneInfo
    // unless type is PhoneNumber).
    static void setRingOutCallerId(QJsonObject& callerIdInfo, const QString& type, const QString& numberId);
};

} // namespace trunkline::changes
