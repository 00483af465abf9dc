#include "providers/ringcentral/RingCentralMapper.h"

#include "core/ContactTextFields.h"
#include "providers/ProviderCalls.h"

#include <QJsonArray>

namespace trunkline::providers::ringcentral {

using namespace Qt::StringLiterals;

namespace {

QString text(const QJsonObject& object, QLatin1StringView key) {
    return object.value(key).toString();
}

QJsonObject child(const QJsonObject& object, QLatin1StringView key) {
    return object.value(key).toObject();
}

void putIfSet(QJsonObject& object, const QString& key, const QString& value) {
    if (!value.isEmpty())
        object.insert(key, value);
}

QStringList stringList(const QJsonValue& value) {
    QStringList out;
    for (const QJsonValue& item : value.toArray())
        out.append(item.toString());
    return out;
}

// A RingCentral int64 id back on the wire: a number when it is one, else the text.
QJsonValue idValue(const QString& id) {
    bool ok = false;
    const qint64 number = id.toLongLong(&ok);
    return ok ? QJsonValue(number) : QJsonValue(id);
}

// Reads an enum field: absent -> fallback; present and unknown -> problem.
template <typename E>
bool readEnum(const QJsonObject& object, QLatin1StringView key, E* out, const QString& what,
              QString* problem) {
    if (!object.contains(key))
        return true;
    const QString wire = object.value(key).toString();
    if (const std::optional<E> value = core::fromWire<E>(wire)) {
        *out = *value;
        return true;
    }
    if (problem)
        *problem =
            RingCentralMapper::tr("%1: field “%2” has the value “%3”, which RingCentral does not document.")
                .arg(what, QString(key), wire);
    return false;
}

bool requireId(const QJsonObject& object, const QString& what, QString* id, QString* problem) {
    *id = RingCentralMapper::idText(object.value("id"_L1));
    if (id->isEmpty() && problem)
        *problem = RingCentralMapper::tr("%1: the required field “id” is missing.").arg(what);
    return !id->isEmpty();
}

} // namespace

QString RingCentralMapper::idText(const QJsonValue& value) {
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

// --- account -------------------------------------------------------------------------------------------

std::optional<core::Account> RingCentralMapper::account(const QJsonObject& accountInfo,
                                                        const QJsonObject& serviceInfo,
                                                        const QJsonObject& businessAddress,
                                                        QString* problem) {
    core::Account account;
    if (!requireId(accountInfo, tr("Account"), &account.id, problem))
        return std::nullopt;
    account.mainNumber = text(accountInfo, "mainNumber"_L1);
    account.status = text(accountInfo, "status"_L1);
    const QJsonObject plan = serviceInfo.isEmpty() ? child(accountInfo, "serviceInfo"_L1) : serviceInfo;
    account.brand = text(child(plan, "brand"_L1), "name"_L1);
    account.servicePlan = text(child(plan, "servicePlan"_L1), "name"_L1);
    if (account.servicePlan.isEmpty())
        account.servicePlan = text(plan, "servicePlanName"_L1);
    account.servicePlanEdition = text(child(plan, "servicePlan"_L1), "edition"_L1);
    if (account.servicePlanEdition.isEmpty())
        account.servicePlanEdition =
            text(child(child(accountInfo, "serviceInfo"_L1), "servicePlan"_L1), "edition"_L1);
    const QJsonObject billing = child(plan, "billingPlan"_L1);
    account.billingPlan = text(billing, "name"_L1);
    account.billingDuration = billing.value("duration"_L1).toInt();
    account.billingDurationUnit = text(billing, "durationUnit"_L1);
    account.billingPlanType = text(billing, "type"_L1);
    for (const QJsonValue& value : plan.value("serviceFeatures"_L1).toArray()) {
        const QJsonObject feature = value.toObject();
        const QString name = text(feature, "featureName"_L1);
        if (!name.isEmpty())
            (feature.value("enabled"_L1).toBool() ? account.enabledFeatures : account.disabledFeatures)
                << name;
    }
    const QJsonObject address = child(businessAddress, "businessAddress"_L1);
    account.businessAddress = {text(address, "street"_L1), text(address, "city"_L1),
                               text(address, "state"_L1), text(address, "zip"_L1),
                               text(address, "country"_L1)};
    account.companyName = text(businessAddress, "company"_L1);
    const QJsonObject op = child(accountInfo, "operator"_L1);
    account.operatorExtensionId = idText(op.value("id"_L1));
    // The operator reference carries no name in the spec; "name" is read when a server sends it
    // (UNCONFIRMED), else the operator's extension number stands in for it.
    account.operatorName = text(op, "name"_L1);
    if (account.operatorName.isEmpty())
        account.operatorName = text(op, "extensionNumber"_L1);
    return account;
}

QJsonObject RingCentralMapper::accountToJson(const core::Account& account) {
    QJsonObject json{{u"id"_s, idValue(account.id)}};
    putIfSet(json, u"mainNumber"_s, account.mainNumber);
    putIfSet(json, u"status"_s, account.status);
    QJsonObject serviceInfo;
    if (!account.brand.isEmpty())
        serviceInfo.insert(u"brand"_s, QJsonObject{{u"name"_s, account.brand}});
    if (!account.servicePlan.isEmpty())
        serviceInfo.insert(u"servicePlan"_s, QJsonObject{{u"name"_s, account.servicePlan}});
    if (!account.billingPlan.isEmpty())
        serviceInfo.insert(u"billingPlan"_s, QJsonObject{{u"name"_s, account.billingPlan},
                                                         {u"duration"_s, account.billingDuration},
                                                         {u"durationUnit"_s, account.billingDurationUnit},
                                                         {u"type"_s, account.billingPlanType}});
    if (!serviceInfo.isEmpty())
        json.insert(u"serviceInfo"_s, serviceInfo);
    if (!account.operatorExtensionId.isEmpty()) {
        QJsonObject op{{u"id"_s, idValue(account.operatorExtensionId)}};
        putIfSet(op, u"name"_s, account.operatorName);
        json.insert(u"operator"_s, op);
    }
    return json;
}

std::optional<QString> RingCentralMapper::deviceType(const QJsonObject& json, QString* problem) {
    Q_UNUSED(problem); // every device names a type or has the default one
    const QString type = text(json, "type"_L1);
    return type.isEmpty() ? u"HardPhone"_s : type;
}

// --- extensions ----------------------------------------------------------------------------------------

std::optional<core::Extension> RingCentralMapper::extension(const QJsonObject& json, QString* problem) {
    core::Extension e;
    const QString number = text(json, "extensionNumber"_L1);
    const QString what = number.isEmpty() ? tr("Extension %1").arg(idText(json.value("id"_L1)))
                                          : tr("Extension %1").arg(number);
    if (!requireId(json, what, &e.id, problem))
        return std::nullopt;
    e.extensionNumber = number;
    e.name = text(json, "name"_L1);
    // Types are an open set: the API itself answers Unknown for types it does not list.
    e.type =
        core::fromWire<core::ExtensionType>(text(json, "type"_L1)).value_or(core::ExtensionType::Unknown);
    if (!readEnum(json, "status"_L1, &e.status, what, problem))
        return std::nullopt;
    const QJsonObject contact = child(json, "contact"_L1);
    for (const core::TextField<core::ExtensionContact>& field : core::contactTextFields())
        e.contact.*field.member = contact.value(field.key).toString();
    e.timeZone = text(child(child(json, "regionalSettings"_L1), "timezone"_L1), "name"_L1);
    e.admin = child(child(json, "permissions"_L1), "admin"_L1).value("enabled"_L1).toBool();
    return e;
}

namespace {

// ContactInfo's text fields are core::contactTextFields(): its keys are RingCentral's; the app's field paths
// are "contact.<key>".
QJsonObject contactJson(const core::ExtensionContact& contact) {
    QJsonObject json;
    for (const core::TextField<core::ExtensionContact>& field : core::contactTextFields())
        putIfSet(json, field.key, contact.*field.member);
    return json;
}

} // namespace

QJsonObject RingCentralMapper::extensionToJson(const core::Extension& e) {
    QJsonObject json{{u"id"_s, idValue(e.id)},
                     {u"type"_s, core::toWire(e.type)},
                     {u"status"_s, core::toWire(e.status)},
                     {u"contact"_s, contactJson(e.contact)},
                     {u"permissions"_s, QJsonObject{{u"admin"_s, QJsonObject{{u"enabled"_s, e.admin}}}}}};
    putIfSet(json, u"extensionNumber"_s, e.extensionNumber);
    putIfSet(json, u"name"_s, e.name);
    if (!e.timeZone.isEmpty())
        json.insert(u"regionalSettings"_s,
                    QJsonObject{{u"timezone"_s, QJsonObject{{u"name"_s, e.timeZone}}}});
    return json;
}

QJsonObject RingCentralMapper::extensionCreateBody(const core::Extension& e) {
    QJsonObject body{{u"contact"_s, contactJson(e.contact)}, {u"type"_s, core::toWire(e.type)}};
    putIfSet(body, u"extensionNumber"_s, e.extensionNumber);
    body.insert(u"status"_s, core::toWire(e.status));
    // The time zone is kept by name; RingCentral sets it by dictionary id, which the record does not
    // hold, so it is left to the account default on create and unchanged on update.
    return body;
}

QJsonObject RingCentralMapper::extensionUpdateBody(const core::Extension& e, const QStringList& fields) {
    // Exactly the fields the change touches go out, a cleared one as "" (which clears it): a whole-record
    // PUT would overwrite what was changed at the provider since the change was staged, and leaving out
    // an emptied field would silently keep the old value. `name` has no place in ExtensionUpdateRequest
    // (RingCentral builds it from the first and last name), and the time zone goes by dictionary id,
    // which the caller adds; the read-back after the PUT shows whether the provider holds both.
    QJsonObject body;
    QJsonObject contact;
    for (const core::TextField<core::ExtensionContact>& field : core::contactTextFields()) {
        if (fields.contains(u"contact."_s + field.key))
            contact.insert(field.key, e.contact.*field.member);
    }
    if (!contact.isEmpty())
        body.insert(u"contact"_s, contact);
    if (fields.contains(u"extensionNumber"_s))
        body.insert(u"extensionNumber"_s, e.extensionNumber);
    if (fields.contains(u"type"_s))
        body.insert(u"type"_s, core::toWire(e.type));
    // Unassigned cannot be set by PUT (ExtensionStatusEnumForUpdate); it follows from the number.
    if (fields.contains(u"status"_s) && e.status != core::ExtensionStatus::Unassigned)
        body.insert(u"status"_s, core::toWire(e.status));
    return body;
}

// --- time zones ----------------------------------------------------------------------------------------

std::optional<core::TimeZone> RingCentralMapper::timeZone(const QJsonObject& json, QString* problem) {
    core::TimeZone zone;
    zone.name = text(json, "name"_L1);
    zone.description = text(json, "description"_L1);
    if (!requireId(json, tr("Time zone %1").arg(zone.name), &zone.id, problem))
        return std::nullopt;
    if (zone.name.isEmpty()) {
        *problem = tr("Time zone %1 has no name.").arg(zone.id);
        return std::nullopt;
    }
    return zone;
}

// --- phone numbers -------------------------------------------------------------------------------------

std::optional<core::PhoneNumberRecord> RingCentralMapper::phoneNumber(const QJsonObject& json,
                                                                      QString* problem) {
    core::PhoneNumberRecord n;
    n.provider = core::kProviderRingCentral.toString();
    n.e164 = text(json, "phoneNumber"_L1);
    const QString what = tr("Phone number %1").arg(n.e164.isEmpty() ? idText(json.value("id"_L1)) : n.e164);
    if (!requireId(json, what, &n.id, problem))
        return std::nullopt;
    if (n.e164.isEmpty())
        return unreadable(problem, tr("%1: the required field “phoneNumber” is missing.").arg(what));
    n.label = text(json, "label"_L1);
    if (!readEnum(json, "usageType"_L1, &n.usageType, what, problem) ||
        !readEnum(json, "paymentType"_L1, &n.paymentType, what, problem) ||
        !readEnum(json, "type"_L1, &n.callType, what, problem) ||
        !readEnum(json, "status"_L1, &n.status, what, problem))
        return std::nullopt;
    n.features = core::flagsFromWire<core::NumberFeature>(stringList(json.value("features"_L1)));
    n.featuresReported = json.contains("features"_L1);
    const QJsonObject extension = child(json, "extension"_L1);
    n.extensionId = idText(extension.value("id"_L1));
    n.extensionNumber = text(extension, "extensionNumber"_L1);
    return n;
}

QJsonObject RingCentralMapper::phoneNumberToJson(const core::PhoneNumberRecord& n) {
    QJsonObject json{{u"id"_s, idValue(n.id)},
                     {u"phoneNumber"_s, n.e164},
                     {u"usageType"_s, core::toWire(n.usageType)},
                     {u"paymentType"_s, core::toWire(n.paymentType)},
                     {u"type"_s, core::toWire(n.callType)},
                     {u"status"_s, core::toWire(n.status)}};
    putIfSet(json, u"label"_s, n.label);
    if (n.featuresReported || n.features)
        json.insert(u"features"_s, QJsonArray::fromStringList(core::flagsToWire(n.features)));
    if (!n.extensionId.isEmpty()) {
        QJsonObject extension{{u"id"_s, idValue(n.extensionId)}};
        putIfSet(extension, u"extensionNumber"_s, n.extensionNumber);
        json.insert(u"extension"_s, extension);
    }
    return json;
}

// --- forwarding numbers --------------------------------------------------------------------------------

std::optional<core::ForwardingNumber> RingCentralMapper::forwardingNumber(const QJsonObject& json,
                                                                          QString* problem) {
    core::ForwardingNumber f;
    f.phoneNumber = text(json, "phoneNumber"_L1);
    const QString what =
        tr("Forwarding number %1").arg(f.phoneNumber.isEmpty() ? idText(json.value("id"_L1)) : f.phoneNumber);
    if (!requireId(json, what, &f.id, problem))
        return std::nullopt;
    f.label = text(json, "label"_L1);
    if (!readEnum(json, "type"_L1, &f.type, what, problem))
        return std::nullopt;
    if (json.contains("features"_L1))
        f.features = core::flagsFromWire<core::ForwardingFeature>(stringList(json.value("features"_L1)));
    // A string in responses and PUT, an integer in POST: accept both.
    const QJsonValue flip = json.value("flipNumber"_L1);
    if (flip.isDouble()) {
        f.flipNumber = flip.toInt();
    } else if (flip.isString() && !flip.toString().isEmpty()) {
        bool ok = false;
        f.flipNumber = flip.toString().toInt(&ok);
        if (!ok)
            return unreadable(problem, tr("%1: field “flipNumber” has the value “%2”, which is not a number.")
                                           .arg(what, flip.toString()));
    }
    f.deviceId = idText(child(json, "device"_L1).value("id"_L1));
    return f;
}

QJsonObject RingCentralMapper::forwardingNumberToJson(const core::ForwardingNumber& f) {
    QJsonObject json{{u"id"_s, f.id},
                     {u"type"_s, core::toWire(f.type)},
                     {u"features"_s, QJsonArray::fromStringList(core::flagsToWire(f.features))}};
    putIfSet(json, u"phoneNumber"_s, f.phoneNumber);
    putIfSet(json, u"label"_s, f.label);
    if (f.flipNumber > 0)
        json.insert(u"flipNumber"_s, QString::number(f.flipNumber));
    if (!f.deviceId.isEmpty())
        json.insert(u"device"_s, QJsonObject{{u"id"_s, f.deviceId}});
    return json;
}

QJsonObject RingCentralMapper::forwardingCreateBody(const core::ForwardingNumber& f) {
    QJsonObject body{{u"type"_s, core::toWire(f.type)}};
    if (f.type == core::ForwardingType::PhoneLine && !f.deviceId.isEmpty())
        body.insert(u"device"_s, QJsonObject{{u"id"_s, f.deviceId}}); // a device, never with a number
    else
        body.insert(u"phoneNumber"_s, f.phoneNumber);
    if (f.type == core::ForwardingType::Other)
        putIfSet(body, u"label"_s, f.label); // ignored by RingCentral for the other types
    if (f.flipNumber > 0)
        body.insert(u"flipNumber"_s, f.flipNumber);
    return body;
}

QJsonObject RingCentralMapper::forwardingUpdateBody(const core::ForwardingNumber& f,
                                                    const QStringList& fields) {
    // As for extensions, only the touched fields. UpdateForwardingNumberRequest has no `features` and no
    // device, and a flip number cannot be taken away by PUT (an empty string is not a number): those
    // edits are left to the read-back, which reports that the provider did not keep them.
    QJsonObject body;
    if (fields.contains(u"type"_s))
        body.insert(u"type"_s, core::toWire(f.type));
    if (fields.contains(u"phoneNumber"_s))
        body.insert(u"phoneNumber"_s, f.phoneNumber);
    if (fields.contains(u"label"_s) && f.type == core::ForwardingType::Other)
        body.insert(u"label"_s, f.label); // ignored by RingCentral for the other types
    if (fields.contains(u"flipNumber"_s) && f.flipNumber > 0)
        body.insert(u"flipNumber"_s, QString::number(f.flipNumber));
    return body;
}

QString RingCentralMapper::callerIdNumber(const QJsonObject& callerIdInfo) {
    QString first;
    for (const QJsonValue& value : callerIdInfo.value("byFeature"_L1).toArray()) {
        const QJsonObject entry = value.toObject();
        const QJsonObject callerId = child(entry, "callerId"_L1);
        if (callerId.value("type"_L1).toString(u"PhoneNumber"_s) != u"PhoneNumber")
            continue;
        const QString number = text(child(callerId, "phoneInfo"_L1), "phoneNumber"_L1);
        if (number.isEmpty())
            continue;
        if (text(entry, "feature"_L1) == u"RingOut")
            return number;
        if (first.isEmpty())
            first = number;
    }
    return first;
}

} // namespace trunkline::providers::ringcentral
