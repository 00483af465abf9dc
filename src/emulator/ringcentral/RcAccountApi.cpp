// Builds JSON from concatenated strings; QStringBuilder's lazy results do not convert to QJsonValue.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/ringcentral/RcApi.h"
#include "emulator/ringcentral/RcPaging.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

EmulatorResponse RcAccountApi::get(RcCall& call) {
    const QString accountUri = call.accountUri();
    const RcPhoneNumber* main = call.directory().mainNumber();
    const RcExtension* system = call.directory().extension(call.directory().accountId);
    QJsonObject o{
        {u"uri"_s, accountUri},
        {u"id"_s, call.directory().accountId},
        {u"status"_s, u"Confirmed"_s},
        {u"setupWizardState"_s, u"Completed"_s},
        {u"serviceInfo"_s,
         QJsonObject{{u"uri"_s, accountUri + u"/service-info"_s},
                     {u"brand"_s, QJsonObject{{u"id"_s, u"1210"_s}, {u"name"_s, u"RingCentral"_s}}},
                     {u"servicePlan"_s, QJsonObject{{u"id"_s, u"1216"_s},
                                                    {u"name"_s, u"Professional"_s},
                                                    {u"edition"_s, u"Standard"_s}}},
                     {u"billingPlan"_s, QJsonObject{{u"id"_s, u"159"_s},
                                                    {u"name"_s, u"Monthly"_s},
                                                    {u"durationUnit"_s, u"Month"_s},
                                                    {u"duration"_s, 1},
                                                    {u"type"_s, u"Regular"_s}}}}},
        {u"regionalSettings"_s,
         QJsonObject{{u"homeCountry"_s, QJsonObject{{u"id"_s, u"1"_s}, {u"name"_s, u"United States"_s}}},
                     {u"timezone"_s, QJsonObject{{u"id"_s, u"58"_s}, {u"name"_s, u"US/Eastern"_s}}},
                     {u"timeFormat"_s, u"12h"_s},
                     {u"currency"_s, QJsonObject{{u"code"_s, u"USD"_s}}}}},
        {u"limits"_s,
         QJsonObject{{u"maxExtensionNumberLength"_s, 8}, {u"freeSoftPhoneLinesPerExtension"_s, 1}}},
    };
    if (main)
        o.insert(u"mainNumber"_s, main->phoneNumber);
    if (system)
        o.insert(u"operator"_s, QJsonObject{{u"uri"_s, call.extensionUri(system->id)},
                                            {u"id"_s, system->id},
                                            {u"extensionNumber"_s, system->extensionNumber}});
    return jsonResponse(o);
}

EmulatorResponse RcAccountApi::serviceInfo(RcCall& call) {
    const QString accountUri = call.accountUri();
    QJsonArray features;
    for (const QString& name : {u"CallForwarding"_s, u"CallerIdControl"_s, u"SMS"_s, u"Voicemail"_s,
                                u"UserManagement"_s, u"SiteCodes"_s}) {
        features.append(QJsonObject{{u"featureName"_s, name}, {u"enabled"_s, name != u"SiteCodes"}});
    }
    return jsonResponse(QJsonObject{
        {u"uri"_s, accountUri + u"/service-info"_s},
        {u"servicePlanName"_s, u"Professional"_s},
        {u"brand"_s, QJsonObject{{u"id"_s, u"1210"_s}, {u"name"_s, u"RingCentral"_s}}},
        {u"servicePlan"_s,
         QJsonObject{{u"id"_s, u"1216"_s}, {u"name"_s, u"Professional"_s}, {u"edition"_s, u"Standard"_s}}},
        {u"billingPlan"_s, QJsonObject{{u"id"_s, u"159"_s},
                                       {u"name"_s, u"Monthly"_s},
                                       {u"durationUnit"_s, u"Month"_s},
                                       {u"duration"_s, 1},
                                       {u"type"_s, u"Regular"_s},
                                       {u"includedPhoneLines"_s, 100}}},
        {u"serviceFeatures"_s, features},
        {u"limits"_s,
         QJsonObject{{u"maxExtensionNumberLength"_s, 8}, {u"freeSoftPhoneLinesPerExtension"_s, 1}}},
        {u"contractedCountry"_s, QJsonObject{{u"id"_s, u"1"_s}, {u"name"_s, u"United States"_s}}},
    });
}

EmulatorResponse RcAccountApi::businessAddress(RcCall& call) {
    // One invented address per account: the emulator offers no PUT, so it never changes.
    static const char16_t* const kStreets[] = {u"20 Davis Drive", u"500 Market Street", u"1 Harbor Way"};
    const auto pick = static_cast<std::size_t>(call.directory().accountId / 1000000 % 3);
    return jsonResponse(QJsonObject{
        {u"uri"_s, call.accountUri() + u"/business-address"_s},
        {u"company"_s, call.directory().companyName},
        {u"email"_s, u"office@demo.trunkline.invalid"_s},
        {u"businessAddress"_s, QJsonObject{{u"street"_s, QString::fromUtf16(kStreets[pick])},
                                           {u"city"_s, u"Belmont"_s},
                                           {u"state"_s, u"CA"_s},
                                           {u"zip"_s, u"94002"_s},
                                           {u"country"_s, u"United States"_s}}},
    });
}

EmulatorResponse RcDevicesApi::list(RcCall& call, const RcExtension& extension) {
    const QUrlQuery& q = call.request.query;
    RcPageRequest page;
    if (auto error = parsePaging(q, &page))
        return *error;
    const bool any = !extension.deviceType.isEmpty();
    const QString uri = call.extensionUri(extension.id) + u"/device"_s;
    return pagedList(uri, q, page, any ? 1 : 0, [&](int) {
        const QString id = QString::number(extension.id + 7);
        QJsonObject device{
            {u"id"_s, id},
            {u"uri"_s, call.accountUri() + u"/device/"_s + id},
            {u"type"_s, extension.deviceType},
            {u"name"_s, extension.deviceType == u"HardPhone" ? u"Polycom VVX 250"_s : extension.deviceType},
            {u"status"_s, u"Online"_s},
            {u"extension"_s,
             QJsonObject{{u"id"_s, extension.id}, {u"extensionNumber"_s, extension.extensionNumber}}}};
        return device;
    });
}

} // namespace trunkline::emulator::ringcentral
