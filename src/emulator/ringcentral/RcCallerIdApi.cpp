// Builds JSON from concatenated strings; QStringBuilder's lazy results do not convert to QJsonValue.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/ringcentral/RcApi.h"
#include "emulator/ringcentral/RcBodyReader.h"
#include "emulator/ringcentral/RcErrors.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

namespace {

const QStringList kCallerIdFeatures = {
    u"RingOut"_s,   u"RingMe"_s,      u"CallFlip"_s,  u"FaxNumber"_s, u"AdditionalSoftphone"_s,
    u"Alternate"_s, u"CommonPhone"_s, u"MobileApp"_s, u"Delegated"_s, u"BusinessMobile"_s};
const QStringList kDefaultCallerIdFeatures = {
    u"RingOut"_s,   u"RingMe"_s,      u"CallFlip"_s,  u"FaxNumber"_s, u"AdditionalSoftphone"_s,
    u"Alternate"_s, u"CommonPhone"_s, u"MobileApp"_s, u"Delegated"_s};
const QStringList kCallerIdTypes = {u"PhoneNumber"_s, u"Blocked"_s, u"CurrentLocation"_s};

// Numbers an extension may show as caller ID: its own and the company-level voice numbers, each only with
// the CallerId feature (§4.1: "can be exposed as Caller ID for any outbound call").
bool usableAsCallerId(const RcPhoneNumber& n, qint64 extensionId) {
    if (!n.features().contains(u"CallerId"_s))
        return false;
    if (n.extensionId == extensionId)
        return true;
    return n.extensionId == 0 && (n.usageType == u"MainCompanyNumber" || n.usageType == u"CompanyNumber" ||
                                  n.usageType == u"AdditionalCompanyNumber");
}

QJsonObject callerIdJson(const RcCall& call, const RcExtension& e) {
    // Default caller ID: the extension's first direct number, else the main company number.
    const RcPhoneNumber* fallback = nullptr;
    const auto own = call.directory().numberIndexesOfExtension(e.id);
    if (!own.isEmpty())
        fallback = &call.directory().numbers[static_cast<std::size_t>(own.first())];
    if (!fallback)
        fallback = call.directory().mainNumber();
    const QJsonObject stored = e.callerId.value(u"byFeature"_s).toObject();
    QJsonArray byFeature;
    for (const QString& feature : kCallerIdFeatures) {
        if (!stored.contains(feature) && !kDefaultCallerIdFeatures.contains(feature))
            continue;
        const QJsonObject choice = stored.value(feature).toObject();
        const QString type = choice.value(u"type"_s).toString(u"PhoneNumber"_s);
        QJsonObject callerId{{u"type"_s, type}};
        if (type == u"PhoneNumber") {
            const RcPhoneNumber* n = fallback;
            if (choice.contains(u"numberId"_s))
                if (const RcPhoneNumber* chosen =
                        call.directory().number(choice.value(u"numberId"_s).toString().toLongLong()))
                    n = chosen;
            if (n)
                callerId.insert(
                    u"phoneInfo"_s,
                    QJsonObject{{u"id"_s, QString::number(n->id)},
                                {u"uri"_s, RcPhoneNumbersApi::accountNumberJson(call, *n).value(u"uri"_s)},
                                {u"phoneNumber"_s, n->phoneNumber}});
        }
        byFeature.append(QJsonObject{{u"feature"_s, feature}, {u"callerId"_s, callerId}});
    }
    return {
        {u"uri"_s, call.extensionUri(e.id) + u"/caller-id"_s},
        {u"byDevice"_s, QJsonArray{}},
        {u"byFeature"_s, byFeature},
        {u"extensionNameForOutboundCalls"_s, e.callerId.value(u"extensionNameForOutboundCalls"_s).toBool()},
        {u"extensionNumberForInternalCalls"_s,
         e.callerId.value(u"extensionNumberForInternalCalls"_s).toBool()}};
}

} // namespace

EmulatorResponse RcCallerIdApi::get(RcCall& call, const RcExtension& extension) {
    return jsonResponse(callerIdJson(call, extension));
}

EmulatorResponse RcCallerIdApi::put(RcCall& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = RcBodyReader::parse(call.request, &body))
        return *error;
    RcBodyReader r;
    QJsonObject stored = extension.callerId;
    QJsonObject byFeatureStored = stored.value(u"byFeature"_s).toObject();
    QJsonArray byFeature;
    if (r.array(body, u"byFeature"_s, u"byFeature"_s, &byFeature)) {
        for (const auto& value : byFeature) {
            if (!r.typeCheck(value, QJsonValue::Object, u"byFeature"_s, tr("an object")))
                break;
            const QJsonObject item = value.toObject();
            QString feature;
            if (!item.contains(u"feature"_s)) {
                r.fail(u"byFeature.feature"_s, tr("Every entry needs a feature."));
                break;
            }
            r.oneOf(item, u"feature"_s, u"byFeature.feature"_s, kCallerIdFeatures, &feature);
            QJsonObject callerId;
            if (!r.failed() && !item.contains(u"callerId"_s))
                r.fail(u"byFeature.callerId"_s, tr("Every entry needs a callerId."));
            r.object(item, u"callerId"_s, u"byFeature.callerId"_s, &callerId);
            QString type = u"PhoneNumber"_s;
            r.oneOf(callerId, u"type"_s, u"byFeature.callerId.type"_s, kCallerIdTypes, &type);
            QJsonObject choice{{u"type"_s, type}};
            if (!r.failed() && type == u"PhoneNumber") {
                QJsonObject phoneInfo;
                r.object(callerId, u"phoneInfo"_s, u"byFeature.callerId.phoneInfo"_s, &phoneInfo);
                const QJsonValue idValue = phoneInfo.value(u"id"_s);
                const QString id = idValue.isDouble()
                                       ? QString::number(static_cast<qint64>(idValue.toDouble()))
                                       : idValue.toString();
                const RcPhoneNumber* n = call.directory().number(id.toLongLong());
                if (!r.failed() && id.isEmpty())
                    r.fail(u"byFeature.callerId.phoneInfo.id"_s,
                           tr("The phone number id is required for type PhoneNumber."));
                else if (!r.failed() && n && !n->features().contains(u"CallerId"_s))
                    r.fail(u"byFeature.callerId.phoneInfo.id"_s,
                           tr("Phone number %1 lacks the CallerId feature and cannot be shown as caller ID.")
                               .arg(id),
                           id);
                else if (!r.failed() && (!n || !usableAsCallerId(*n, extension.id)))
                    r.fail(
                        u"byFeature.callerId.phoneInfo.id"_s,
                        tr("Phone number %1 is not a number this extension may show as caller ID.").arg(id),
                        id);
                choice.insert(u"numberId"_s, id);
            }
            if (r.failed())
                break;
            byFeatureStored.insert(feature, choice);
        }
    }
    QJsonArray byDevice;
    if (r.array(body, u"byDevice"_s, u"byDevice"_s, &byDevice) && !byDevice.isEmpty())
        return RcErrors::notFound(
            u"byDevice.device.id"_s,
            byDevice.at(0).toObject().value(u"device"_s).toObject().value(u"id"_s).toString());
    bool flag = false;
    if (r.boolean(body, u"extensionNameForOutboundCalls"_s, u"extensionNameForOutboundCalls"_s, &flag))
        stored.insert(u"extensionNameForOutboundCalls"_s, flag);
    if (r.boolean(body, u"extensionNumberForInternalCalls"_s, u"extensionNumberForInternalCalls"_s, &flag))
        stored.insert(u"extensionNumberForInternalCalls"_s, flag);
    if (r.failed())
        return r.error();
    stored.insert(u"byFeature"_s, byFeatureStored);
    extension.callerId = stored;
    return jsonResponse(callerIdJson(call, extension));
}
} // namespace trunkline::emulator::ringcentral
