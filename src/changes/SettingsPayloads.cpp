#include "changes/SettingsPayloads.h"

#include "store/ExtensionSettingsRepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace trunkline::changes {

using store::ExtensionSettingsRepository;

namespace {

QJsonValue ringOutPart(const QJsonObject& callerIdInfo) {
    const QJsonObject callerId = SettingsPayloads::ringOutCallerId(callerIdInfo);
    if (callerId.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    QJsonObject part{{u"type"_s, callerId.value(u"type"_s).toString(u"PhoneNumber"_s)}};
    const QJsonValue id = SettingsPayloads::valueAt(callerId, u"phoneInfo.id"_s);
    if (part.value(u"type"_s) == u"PhoneNumber"_s && !id.isUndefined())
        part.insert(u"phoneInfo"_s,
                    QJsonObject{{u"id"_s, id.isDouble() ? QJsonValue(QString::number(
                                                              static_cast<qint64>(id.toDouble())))
                                                        : id}});
    return part;
}

QJsonValue memberValue(const QString& kind, const QJsonObject& settings, const QString& path) {
    if (kind == ExtensionSettingsRepository::kCallerId && path == SettingsPayloads::kRingOutPath)
        return ringOutPart(settings);
    return SettingsPayloads::valueAt(settings, path);
}

} // namespace

QString SettingsPayloads::entityKey(const QString& extensionId, const QString& kind) {
    return extensionId + u'/' + kind;
}

bool SettingsPayloads::splitEntityKey(const QString& key, QString* extensionId, QString* kind) {
    const qsizetype slash = key.lastIndexOf(u'/');
    if (slash <= 0 || slash == key.size() - 1)
        return false;
    *extensionId = key.left(slash);
    *kind = key.mid(slash + 1);
    return ExtensionSettingsRepository::isKnownKind(*kind);
}

QStringList SettingsPayloads::formMembers(const QString& kind) {
    // Both default rules: what the API lets a PUT change of them (their schedule follows the business
    // hours and they take no conditions, docs/api/ringcentral.md §6.1).
    if (kind == ExtensionSettingsRepository::kBusinessHours ||
        kind == ExtensionSettingsRepository::kAfterHours)
        return {u"callHandlingAction"_s, u"voicemail.enabled"_s, u"unconditionalForwarding.phoneNumber"_s,
                u"transfer.extension.id"_s};
    if (kind == ExtensionSettingsRepository::kNotifications)
        return {u"emailAddresses"_s,
                u"voicemails.notifyByEmail"_s,
                u"voicemails.includeAttachment"_s,
                u"voicemails.markAsRead"_s,
                u"missedCalls.notifyByEmail"_s,
                u"missedCalls.notifyBySms"_s,
                u"inboundTexts.notifyByEmail"_s,
                u"inboundTexts.notifyBySms"_s};
    if (kind == ExtensionSettingsRepository::kCallerId)
        return {kRingOutPath};
    return {};
}

QJsonObject SettingsPayloads::formPart(const QString& kind, const QJsonObject& settings) {
    QJsonObject part;
    for (const QString& path : formMembers(kind)) {
        const QJsonValue value = memberValue(kind, settings, path);
        if (value.isUndefined())
            continue;
        if (path == kRingOutPath)
            part.insert(u"byFeature"_s,
                        QJsonArray{QJsonObject{{u"feature"_s, u"RingOut"_s}, {u"callerId"_s, value}}});
        else
            setValueAt(part, path, value);
    }
    return part;
}

QStringList SettingsPayloads::differences(const QString& kind, const QJsonObject& a, const QJsonObject& b) {
    QStringList changed;
    for (const QString& path : formMembers(kind)) {
        if (memberValue(kind, a, path) != memberValue(kind, b, path))
            changed << path;
    }
    return changed;
}

store::PendingChange SettingsPayloads::settingsUpdate(qint64 profileId, const QString& extensionId,
                                                      const QString& kind, const QJsonObject& stored,
                                                      const QJsonObject& edited) {
    store::PendingChange change;
    change.profileId = profileId;
    change.entity = kEntity;
    change.entityKey = entityKey(extensionId, kind);
    change.operation = store::ChangeOperation::Update;
    change.payload = QJsonObject{{u"kind"_s, kind}, {u"settings"_s, formPart(kind, edited)}};
    change.baseValues = QJsonObject{{u"kind"_s, kind}, {u"settings"_s, formPart(kind, stored)}};
    change.baseVersion = ExtensionSettingsRepository::versionOf(stored);
    return change;
}

QJsonObject SettingsPayloads::withSettings(QJsonObject document, const QJsonObject& settings) {
    for (auto it = settings.constBegin(); it != settings.constEnd(); ++it) {
        if (it.key() == "byFeature"_L1 && it.value().isArray()) {
            for (const QJsonValue& entry : it.value().toArray()) {
                const QJsonObject callerId = entry.toObject().value(u"callerId"_s).toObject();
                if (entry.toObject().value(u"feature"_s) == u"RingOut"_s)
                    setRingOutCallerId(document, callerId.value(u"type"_s).toString(u"PhoneNumber"_s),
                                       valueAt(callerId, u"phoneInfo.id"_s).toString());
            }
        } else if (it.value().isObject() && document.value(it.key()).isObject()) {
            document.insert(it.key(),
                            withSettings(document.value(it.key()).toObject(), it.value().toObject()));
        } else {
            document.insert(it.key(), it.value());
        }
    }
    return document;
}

QJsonValue SettingsPayloads::valueAt(const QJsonObject& object, const QString& path) {
    const QStringList steps = path.split(u'.');
    QJsonValue value = object;
    for (const QString& step : steps) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(step);
    }
    return value;
}

void SettingsPayloads::setValueAt(QJsonObject& object, const QString& path, const QJsonValue& value) {
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        object.insert(path, value);
        return;
    }
    const QString head = path.left(dot);
    QJsonObject child = object.value(head).toObject();
    setValueAt(child, path.mid(dot + 1), value);
    object.insert(head, child);
}

QJsonObject SettingsPayloads::ringOutCallerId(const QJsonObject& callerIdInfo) {
    for (const QJsonValue& entry : callerIdInfo.value(u"byFeature"_s).toArray()) {
        if (entry.toObject().value(u"feature"_s) == u"RingOut"_s)
            return entry.toObject().value(u"callerId"_s).toObject();
    }
    return {};
}

void SettingsPayloads::setRingOutCallerId(QJsonObject& callerIdInfo, const QString& type,
                                          const QString& numberId) {
    QJsonObject callerId{{u"type"_s, type}};
    if (type == u"PhoneNumber"_s)
        callerId.insert(u"phoneInfo"_s, QJsonObject{{u"id"_s, numberId}});
    QJsonArray byFeature = callerIdInfo.value(u"byFeature"_s).toArray();
    bool replaced = false;
    for (qsizetype i = 0; i < byFeature.size(); ++i) {
        QJsonObject entry = byFeature.at(i).toObject();
        if (entry.value(u"feature"_s) == u"RingOut"_s) {
            entry.insert(u"callerId"_s, callerId);
            byFeature.replace(i, entry);
            replaced = true;
        }
    }
    if (!replaced)
        byFeature.append(QJsonObject{{u"feature"_s, u"RingOut"_s}, {u"callerId"_s, callerId}});
    callerIdInfo.insert(u"byFeature"_s, byFeature);
}

} // namespace trunkline::changes
