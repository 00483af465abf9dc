#include "changes/ChangePayloads.h"

#include "changes/ChangeBuilders.h"
#include "changes/MemberDifferences.h"
#include "changes/PayloadMembers.h"
#include "changes/TextFields.h"
#include "core/ContactTextFields.h"
#include "store/ForwardingNumberRepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace trunkline::changes {

namespace {
QStringList toList(const QJsonValue& value) {
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list << item.toString();
    return list;
}

// The extension's own text members, as its payloads name them (its contact's: core::contactTextFields()).
const TextFields<core::Extension>& extensionTextFields() {
    static const TextFields<core::Extension> fields = {
        {u"extensionNumber"_s, &core::Extension::extensionNumber},
        {u"name"_s, &core::Extension::name},
        {u"timeZone"_s, &core::Extension::timeZone},
    };
    return fields;
}
} // namespace

QJsonObject ChangePayloads::extensionFields(const core::Extension& extension) {
    QJsonObject contact;
    TextFieldOps::insertAll(contact, core::contactTextFields(), extension.contact);
    return {{u"extensionNumber"_s, extension.extensionNumber}, {u"name"_s, extension.name},
            {u"status"_s, core::toWire(extension.status)},     {u"timeZone"_s, extension.timeZone},
            {u"type"_s, core::toWire(extension.type)},         {u"contact"_s, contact}};
}

QJsonObject ChangePayloads::extensionDifference(const core::Extension& stored,
                                                const core::Extension& edited) {
    QJsonObject payload;
    TextFieldOps::insertChanged(payload, extensionTextFields(), stored, edited);
    if (stored.status != edited.status)
        payload.insert(u"status"_s, core::toWire(edited.status));
    // An emptied contact member is carried as "", an untouched one is absent.
    QJsonObject contact;
    TextFieldOps::insertChanged(contact, core::contactTextFields(), stored.contact, edited.contact);
    if (!contact.isEmpty())
        payload.insert(u"contact"_s, contact);
    return payload;
}

core::Extension ChangePayloads::applyExtensionFields(core::Extension base, const QJsonObject& payload) {
    TextFieldOps::applyPresent(base, extensionTextFields(), payload);
    if (const auto status = core::fromWire<core::ExtensionStatus>(payload.value(u"status"_s).toString()))
        base.status = *status;
    if (const auto type = core::fromWire<core::ExtensionType>(payload.value(u"type"_s).toString()))
        base.type = *type;
    TextFieldOps::applyPresent(base.contact, core::contactTextFields(),
                               payload.value(u"contact"_s).toObject());
    return base;
}

QStringList ChangePayloads::extensionDifferences(const core::Extension& a, const core::Extension& b) {
    QStringList names;
    const QJsonObject difference = extensionDifference(a, b);
    for (auto it = difference.begin(); it != difference.end(); ++it) {
        if (it.key() == u"contact"_s) {
            for (const QString& key : it.value().toObject().keys())
                names << u"contact."_s + key;
        } else {
            names << it.key();
        }
    }
    using Record = core::Extension;
    return names + differingKeys(a, b, compared(u"type"_s, &Record::type),
                                 compared(u"admin"_s, &Record::admin),
                                 compared(u"callerIdNumber"_s, &Record::callerIdNumber));
}

QList<core::Extension> ChangePayloads::storedForms(const core::Extension& remote,
                                                   const std::optional<core::Extension>& stored) {
    QList<core::Extension> forms;
    const auto add = [&forms](const core::Extension& form) {
        if (!forms.contains(form))
            forms << form;
    };
    for (const QString& callerId : {remote.callerIdNumber, stored ? stored->callerIdNumber : QString()}) {
        core::Extension detailed = remote;
        detailed.callerIdNumber = callerId;
        add(detailed);
        core::Extension listed = detailed;
        listed.timeZone.clear();
        add(listed);
    }
    return forms;
}

store::PendingChange ChangePayloads::extensionCreate(qint64 profileId, const core::Extension& extension) {
    return ChangeBuilders::create(profileId, kExtension,
                                  ChangeBuilders::createKey(extension.id, extension.extensionNumber),
                                  extensionFields(extension));
}

store::PendingChange ChangePayloads::extensionUpdate(qint64 profileId, const core::Extension& stored,
                                                     const core::Extension& edited,
                                                     const QString& baseVersion) {
    return ChangeBuilders::update(profileId, kExtension, stored.id, extensionDifference(stored, edited),
                                  extensionFields(stored), baseVersion);
}

store::PendingChange ChangePayloads::extensionDelete(qint64 profileId, const core::Extension& stored,
                                                     const QString& baseVersion) {
    return ChangeBuilders::remove(profileId, kExtension, stored.id, extensionFields(stored), baseVersion);
}

QJsonObject ChangePayloads::forwardingFields(const QString& extensionId,
                                             const core::ForwardingNumber& forwarding) {
    return {{u"extensionId"_s, extensionId},
            {u"phoneNumber"_s, forwarding.phoneNumber},
            {u"label"_s, forwarding.label},
            {u"type"_s, core::toWire(forwarding.type)},
            {u"features"_s, QJsonArray::fromStringList(core::flagsToWire(forwarding.features))},
            {u"flipNumber"_s, forwarding.flipNumber},
            {u"deviceId"_s, forwarding.deviceId}};
}

core::ForwardingNumber ChangePayloads::applyForwardingFields(core::ForwardingNumber base,
                                                             const QJsonObject& payload) {
    static const TextFields<core::ForwardingNumber> texts = {
        {u"phoneNumber"_s, &core::ForwardingNumber::phoneNumber},
        {u"label"_s, &core::ForwardingNumber::label},
        {u"deviceId"_s, &core::ForwardingNumber::deviceId},
    };
    TextFieldOps::applyPresent(base, texts, payload);
    if (const auto type = core::fromWire<core::ForwardingType>(payload.value(u"type"_s).toString()))
        base.type = *type;
    if (payload.contains(u"features"_s))
        base.features = core::flagsFromWire<core::ForwardingFeature>(toList(payload.value(u"features"_s)));
    if (payload.contains(u"flipNumber"_s))
        base.flipNumber = payload.value(u"flipNumber"_s).toInt();
    return base;
}

QStringList ChangePayloads::forwardingDifferences(const core::ForwardingNumber& a,
                                                  const core::ForwardingNumber& b) {
    using Record = core::ForwardingNumber;
    return differingKeys(
        a, b, compared(u"phoneNumber"_s, &Record::phoneNumber), compared(u"label"_s, &Record::label),
        compared(u"type"_s, &Record::type), compared(u"features"_s, &Record::features),
        compared(u"flipNumber"_s, &Record::flipNumber), compared(u"deviceId"_s, &Record::deviceId));
}

store::PendingChange ChangePayloads::forwardingCreate(qint64 profileId, const QString& extensionId,
                                                      const core::ForwardingNumber& forwarding) {
    return ChangeBuilders::create(profileId, kForwardingNumber,
                                  ChangeBuilders::createKey(forwarding.id, forwarding.phoneNumber),
                                  forwardingFields(extensionId, forwarding));
}

store::PendingChange ChangePayloads::forwardingUpdate(qint64 profileId, const QString& extensionId,
                                                      const core::ForwardingNumber& stored,
                                                      const core::ForwardingNumber& edited) {
    const QJsonObject all = forwardingFields(extensionId, edited);
    QJsonObject payload{{u"extensionId"_s, extensionId}};
    for (const QString& name : forwardingDifferences(stored, edited))
        payload.insert(name, all.value(name));
    return ChangeBuilders::update(profileId, kForwardingNumber, stored.id, payload,
                                  forwardingFields(extensionId, stored),
                                  store::ForwardingNumberRepository::versionOf({stored}));
}

store::PendingChange ChangePayloads::forwardingDelete(qint64 profileId, const QString& extensionId,
                                                      const core::ForwardingNumber& stored) {
    store::PendingChange change =
        ChangeBuilders::remove(profileId, kForwardingNumber, stored.id, forwardingFields(extensionId, stored),
                               store::ForwardingNumberRepository::versionOf({stored}));
    change.payload = QJsonObject{{u"extensionId"_s, extensionId}};
    return change;
}

} // namespace trunkline::changes
