// Builds JSON from concatenated strings; QStringBuilder's lazy results do not convert to QJsonValue.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/ringcentral/RcApi.h"
#include "emulator/ringcentral/RcBodyReader.h"
#include "emulator/ringcentral/RcErrors.h"
#include "emulator/ringcentral/RcPaging.h"
#include "emulator/ringcentral/RingCentralService.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

namespace {

const QStringList kForwardingTypes = {u"Home"_s,
                                      u"Mobile"_s,
                                      u"Work"_s,
                                      u"PhoneLine"_s,
                                      u"Outage"_s,
                                      u"Other"_s,
                                      u"BusinessMobilePhone"_s,
                                      u"ExtensionApps"_s};
constexpr int kMaxForwardingNumbers = 10;

} // namespace

QJsonObject RcForwardingApi::json(const RcCall& call, const RcExtension& e, const RcForwardingNumber& f) {
    return {{u"uri"_s, call.extensionUri(e.id) + u"/forwarding-number/"_s + QString::number(f.id)},
            {u"id"_s, QString::number(f.id)},
            {u"phoneNumber"_s, f.phoneNumber},
            {u"label"_s, f.label},
            {u"type"_s, f.type},
            {u"features"_s, QJsonArray{u"CallFlip"_s, u"CallForwarding"_s}},
            {u"flipNumber"_s, QString::number(f.flipNumber)}};
}

qsizetype RcForwardingApi::indexOf(const RcExtension& extension, const QString& id) {
    for (qsizetype i = 0; i < extension.forwarding.size(); ++i)
        if (QString::number(extension.forwarding[i].id) == id)
            return i;
    return -1;
}

EmulatorResponse RcForwardingApi::list(RcCall& call, const RcExtension& extension) {
    RcPageRequest page;
    if (auto error = parsePaging(call.request.query, &page))
        return *error;
    const QString uri = call.extensionUri(extension.id) + u"/forwarding-number"_s;
    return pagedList(uri, call.request.query, page, static_cast<int>(extension.forwarding.size()),
                     [&](int i) { return json(call, extension, extension.forwarding.at(i)); });
}

namespace {

// Shared checks of a forwarding number's phone number (create and update). Returns an error or nullopt.
std::optional<EmulatorResponse> checkForwardingTarget(const RcDirectory& directory,
                                                      const RcExtension& extension,
                                                      const QString& phoneNumber, qint64 selfId) {
    // Forwarding to a number of this account would loop calls back into it; only external numbers
    // (paymentType External, e.g. forwarded numbers) are allowed. UNCONFIRMED error code.
    if (const RcPhoneNumber* own = directory.numberByE164(phoneNumber);
        own && own->paymentType != u"External")
        return RcErrors::invalidParameter(
            u"phoneNumber"_s,
            RingCentralService::tr(
                "%1 is a %2 of this account; forwarding numbers must be outside the account.")
                .arg(phoneNumber, own->usageType),
            phoneNumber);
    for (const auto& f : extension.forwarding) {
        if (f.id != selfId && f.phoneNumber == phoneNumber)
            return RcErrors::api(
                400, u"CMN-406"_s,
                RingCentralService::tr("%1 is already forwarding number %2 of this extension.")
                    .arg(phoneNumber)
                    .arg(f.id),
                u"phoneNumber"_s, phoneNumber);
    }
    return std::nullopt;
}

std::optional<EmulatorResponse> checkFlipNumber(const RcExtension& extension, qint64 flip, qint64 selfId) {
    // Shortcut digits 1..10 (one per possible forwarding number). UNCONFIRMED range for v1.0.
    if (flip < 1 || flip > kMaxForwardingNumbers)
        return RcErrors::invalidParameter(
            u"flipNumber"_s,
            RingCentralService::tr("The flip number must be from 1 to %1, got %2.")
                .arg(kMaxForwardingNumbers)
                .arg(flip),
            QString::number(flip));
    for (const auto& f : extension.forwarding) {
        if (f.id != selfId && f.flipNumber == flip)
            return RcErrors::api(
                400, u"CMN-406"_s,
                RingCentralService::tr("Flip number %1 is already used by %2.").arg(flip).arg(f.phoneNumber),
                u"flipNumber"_s, QString::number(flip));
    }
    return std::nullopt;
}

} // namespace

EmulatorResponse RcForwardingApi::create(RcCall& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = RcBodyReader::parse(call.request, &body))
        return *error;
    RcBodyReader r;
    RcForwardingNumber f;
    f.type = u"Other"_s;
    QString label;
    r.oneOf(body, u"type"_s, u"type"_s, kForwardingTypes, &f.type);
    const bool hasLabel = r.string(body, u"label"_s, u"label"_s, &label, 60);
    QJsonObject device;
    const bool hasDevice = r.object(body, u"device"_s, u"device"_s, &device);
    const bool hasNumber = r.e164(body, u"phoneNumber"_s, u"phoneNumber"_s, &f.phoneNumber);
    qint64 flip = 0;
    const bool hasFlip = r.integer(body, u"flipNumber"_s, u"flipNumber"_s, &flip); // an integer on create
    if (r.failed())
        return r.error();
    if (f.type == u"PhoneLine" || hasDevice) {
        if (hasNumber)
            return RcErrors::invalidParameter(u"device"_s,
                                              tr("A device and a phone number cannot be combined."));
        // The emulator has no desk phones, so no device id can exist.
        return RcErrors::notFound(u"device.id"_s, device.value(u"id"_s).toVariant().toString());
    }
    if (!hasNumber && !body.contains(u"phoneNumber"_s))
        return RcErrors::invalidParameter(u"phoneNumber"_s, tr("The phone number is required."));
    // UNCONFIRMED error code for the documented limit of ten forwarding numbers per extension.
    if (extension.forwarding.size() >= kMaxForwardingNumbers)
        return RcErrors::api(400, u"CMN-101"_s,
                             tr("An extension can have at most %1 forwarding numbers; delete one first.")
                                 .arg(kMaxForwardingNumbers),
                             u"phoneNumber"_s, f.phoneNumber);
    if (auto error = checkForwardingTarget(call.directory(), extension, f.phoneNumber, 0))
        return *error;
    if (hasFlip) {
        if (auto error = checkFlipNumber(extension, flip, 0))
            return *error;
        f.flipNumber = static_cast<int>(flip);
    } else {
        f.flipNumber = extension.nextFreeFlipNumber();
    }
    // The label is honoured only for type Other; predefined types are labelled with their name.
    f.label = f.type == u"Other" ? (hasLabel && !label.isEmpty() ? label : u"Other"_s) : f.type;
    f.id = call.directory().nextForwardingId++;
    extension.forwarding.append(f);
    return jsonResponse(json(call, extension, f));
}

EmulatorResponse RcForwardingApi::get(RcCall& call, const RcExtension& extension, const QString& id) {
    const qsizetype index = indexOf(extension, id);
    if (index < 0)
        return RcErrors::notFound(u"forwardingNumberId"_s, id);
    return jsonResponse(json(call, extension, extension.forwarding.at(index)));
}

EmulatorResponse RcForwardingApi::update(RcCall& call, RcExtension& extension, const QString& id) {
    const qsizetype index = indexOf(extension, id);
    if (index < 0)
        return RcErrors::notFound(u"forwardingNumberId"_s, id);
    QJsonObject body;
    if (auto error = RcBodyReader::parse(call.request, &body))
        return *error;
    RcForwardingNumber f = extension.forwarding[index];
    RcBodyReader r;
    QString label;
    QString flipText;
    const bool hasType = r.oneOf(body, u"type"_s, u"type"_s, kForwardingTypes, &f.type);
    const bool hasLabel = r.string(body, u"label"_s, u"label"_s, &label, 60);
    const bool hasNumber = r.e164(body, u"phoneNumber"_s, u"phoneNumber"_s, &f.phoneNumber);
    const bool hasFlip = r.string(body, u"flipNumber"_s, u"flipNumber"_s, &flipText); // a string on update
    if (r.failed())
        return r.error();
    if (hasNumber)
        if (auto error = checkForwardingTarget(call.directory(), extension, f.phoneNumber, f.id))
            return *error;
    if (hasFlip) {
        bool ok = false;
        const qint64 flip = flipText.toLongLong(&ok);
        if (!ok)
            return RcErrors::invalidParameter(u"flipNumber"_s, tr("\"%1\" is not a number.").arg(flipText),
                                              flipText);
        if (auto error = checkFlipNumber(extension, flip, f.id))
            return *error;
        f.flipNumber = static_cast<int>(flip);
    }
    if (hasType && f.type == u"PhoneLine")
        return RcErrors::invalidParameter(u"type"_s, tr("A forwarding number cannot become a PhoneLine."),
                                          f.type);
    if (f.type != u"Other")
        f.label = f.type;
    else if (hasLabel)
        f.label = label.isEmpty() ? u"Other"_s : label;
    else if (hasType)
        f.label = u"Other"_s;
    extension.forwarding[index] = f;
    return jsonResponse(json(call, extension, f));
}

namespace {

// Removes references to deleted forwarding numbers from a stored answering rule.
void dropForwardingReferences(QJsonObject& rule, const QList<qint64>& ids) {
    if (rule.isEmpty() || !rule.contains(u"forwarding"_s))
        return;
    QJsonObject forwarding = rule.value(u"forwarding"_s).toObject();
    QJsonArray rules;
    for (const auto& value : forwarding.value(u"rules"_s).toArray()) {
        QJsonObject entry = value.toObject();
        QJsonArray kept;
        for (const auto& number : entry.value(u"forwardingNumbers"_s).toArray())
            if (!ids.contains(number.toObject().value(u"id"_s).toString().toLongLong()))
                kept.append(number);
        if (!kept.isEmpty()) {
            entry.insert(u"forwardingNumbers"_s, kept);
            rules.append(entry);
        }
    }
    forwarding.insert(u"rules"_s, rules);
    rule.insert(u"forwarding"_s, forwarding);
}

} // namespace

EmulatorResponse RcForwardingApi::remove(RcCall& call, RcExtension& extension, const QString& id) {
    Q_UNUSED(call);
    const qsizetype index = indexOf(extension, id);
    if (index < 0)
        return RcErrors::notFound(u"forwardingNumberId"_s, id);
    const qint64 removed = extension.forwarding[index].id;
    extension.forwarding.removeAt(index);
    dropForwardingReferences(extension.businessHoursRule, {removed});
    dropForwardingReferences(extension.afterHoursRule, {removed});
    return noContent();
}

EmulatorResponse RcForwardingApi::removeBulk(RcCall& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = RcBodyReader::parse(call.request, &body))
        return *error;
    RcBodyReader r;
    QJsonArray records;
    if (!body.contains(u"records"_s))
        return RcErrors::invalidParameter(u"records"_s, tr("The list of records to delete is required."));
    r.array(body, u"records"_s, u"records"_s, &records);
    QList<qint64> ids;
    for (const auto& value : records) {
        if (!r.typeCheck(value, QJsonValue::Object, u"records"_s, tr("an object")))
            break;
        QString id;
        if (!r.string(value.toObject(), u"forwardingNumberId"_s, u"records.forwardingNumberId"_s, &id)) {
            r.fail(u"records.forwardingNumberId"_s, tr("Every record needs a forwardingNumberId."));
            break;
        }
        // All or nothing: one unknown id rejects the whole request.
        if (indexOf(extension, id) < 0)
            return RcErrors::notFound(u"forwardingNumberId"_s, id);
        ids.append(id.toLongLong());
    }
    if (r.failed())
        return r.error();
    extension.forwarding.removeIf([&ids](const RcForwardingNumber& f) { return ids.contains(f.id); });
    dropForwardingReferences(extension.businessHoursRule, ids);
    dropForwardingReferences(extension.afterHoursRule, ids);
    return noContent();
}
} // namespace trunkline::emulator::ringcentral
