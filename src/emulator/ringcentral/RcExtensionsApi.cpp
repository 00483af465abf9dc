// Builds JSON from concatenated strings; QStringBuilder's lazy results do not convert to QJsonValue.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/Clock.h"
#include "emulator/ringcentral/RcApi.h"
#include "emulator/ringcentral/RcBodyReader.h"
#include "emulator/ringcentral/RcDictionary.h"
#include "emulator/ringcentral/RcErrors.h"
#include "emulator/ringcentral/RcPaging.h"
#include "emulator/ringcentral/RcTokenStore.h"
#include "emulator/ringcentral/RingCentralService.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

const QStringList kRcExtensionStatuses = {u"Enabled"_s, u"Disabled"_s, u"Frozen"_s, u"NotActivated"_s,
                                          u"Unassigned"_s};

namespace {

// --- enums from the SPEC (docs/api/ringcentral.md §3.1, §4.1, §5.1, §6)
// ------------------------------------------
const QStringList kExtensionTypes = {u"User"_s,
                                     u"Department"_s,
                                     u"Announcement"_s,
                                     u"Voicemail"_s,
                                     u"DigitalUser"_s,
                                     u"VirtualUser"_s,
                                     u"FaxUser"_s,
                                     u"PagingOnly"_s,
                                     u"SharedLinesGroup"_s,
                                     u"DelegatedLinesGroup"_s,
                                     u"GroupCallPickup"_s,
                                     u"IvrMenu"_s,
                                     u"ApplicationExtension"_s,
                                     u"ProxyAdmin"_s,
                                     u"RoomConnector"_s,
                                     u"ParkLocation"_s,
                                     u"Limited"_s,
                                     u"Bot"_s,
                                     u"Site"_s,
                                     u"Room"_s,
                                     u"FlexibleUser"_s,
                                     u"TieLine"_s,
                                     u"Unknown"_s};
const QStringList kCreateTypes = {u"User"_s,       u"VirtualUser"_s,  u"DigitalUser"_s, u"FlexibleUser"_s,
                                  u"Department"_s, u"Announcement"_s, u"Voicemail"_s,   u"SharedLinesGroup"_s,
                                  u"PagingOnly"_s, u"ParkLocation"_s, u"Limited"_s};
const QStringList kUpdateTypes = {u"User"_s,
                                  u"FaxUser"_s,
                                  u"FlexibleUser"_s,
                                  u"VirtualUser"_s,
                                  u"DigitalUser"_s,
                                  u"Department"_s,
                                  u"Announcement"_s,
                                  u"Voicemail"_s,
                                  u"SharedLinesGroup"_s,
                                  u"PagingOnly"_s,
                                  u"IvrMenu"_s,
                                  u"ApplicationExtension"_s,
                                  u"ParkLocation"_s,
                                  u"DelegatedLinesGroup"_s,
                                  u"GroupCallPickup"_s};
const QStringList kStatusUpdate = {u"Enabled"_s, u"Disabled"_s, u"Frozen"_s, u"NotActivated"_s};

} // namespace

QJsonObject RcExtensionsApi::json(const RcCall& call, const RcExtension& e, bool detailed) {
    QJsonObject contact{{u"firstName"_s, e.firstName}, {u"email"_s, e.email}, {u"emailAsLoginName"_s, false}};
    auto put = [](QJsonObject& o, const QString& key, const QString& value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    put(contact, u"lastName"_s, e.lastName);
    put(contact, u"company"_s, e.company);
    put(contact, u"jobTitle"_s, e.jobTitle);
    put(contact, u"department"_s, e.department);
    put(contact, u"businessPhone"_s, e.businessPhone);
    put(contact, u"mobilePhone"_s, e.mobilePhone);
    contact.insert(u"pronouncedName"_s, QJsonObject{{u"type"_s, u"Default"_s}});

    QJsonObject o{{u"uri"_s, call.extensionUri(e.id)},
                  {u"id"_s, e.id},
                  {u"name"_s, e.name},
                  {u"type"_s, e.type},
                  {u"status"_s, e.status},
                  {u"contact"_s, contact},
                  {u"hidden"_s, false},
                  {u"creationTime"_s, isoTime(e.createdMs)},
                  {u"permissions"_s, QJsonObject{{u"admin"_s, QJsonObject{{u"enabled"_s, e.admin}}},
                                                 {u"internationalCalling"_s,
                                                  QJsonObject{{u"enabled"_s, e.internationalCalling}}}}}};
    put(o, u"extensionNumber"_s, e.extensionNumber);
    if (!detailed)
        return o;

    o.insert(u"account"_s, QJsonObject{{u"id"_s, QString::number(call.directory().accountId)},
                                       {u"uri"_s, call.accountUri()}});
    const RcDictEntry* tz = lookup(kRcTimezones, e.timezoneId);
    const RcDictEntry* lang = lookup(kRcLanguages, e.languageId);
    const RcDictEntry* country = lookup(kRcCountries, e.countryId);
    if (!tz)
        tz = &kRcTimezones[0];
    if (!lang)
        lang = &kRcLanguages[0];
    if (!country)
        country = &kRcCountries[0];
    const QJsonObject language{
        {u"id"_s, str(lang->id)}, {u"localeCode"_s, str(lang->description)}, {u"name"_s, str(lang->name)}};
    o.insert(u"regionalSettings"_s,
             QJsonObject{{u"timezone"_s, QJsonObject{{u"id"_s, str(tz->id)},
                                                     {u"name"_s, str(tz->name)},
                                                     {u"description"_s, str(tz->description)},
                                                     {u"bias"_s, str(tz->extra)}}},
                         {u"homeCountry"_s, QJsonObject{{u"id"_s, str(country->id)},
                                                        {u"name"_s, str(country->name)},
                                                        {u"isoCode"_s, str(country->description)},
                                                        {u"callingCode"_s, str(country->extra)}}},
                         {u"language"_s, language},
                         {u"greetingLanguage"_s, language},
                         {u"formattingLocale"_s, language},
                         {u"timeFormat"_s, e.timeFormat}});
    o.insert(u"setupWizardState"_s, e.status == u"NotActivated" ? u"NotStarted"_s : u"Completed"_s);
    if (e.status == u"Disabled")
        o.insert(u"statusInfo"_s, QJsonObject{{u"reason"_s, u"Voluntarily"_s}});
    if (e.id == call.caller->id) {
        // serviceFeatures only when reading one's own extension (docs/api/ringcentral.md §3.3).
        QJsonArray features;
        for (const QString& name : {u"CallForwarding"_s, u"CallerIdControl"_s, u"SMS"_s, u"Voicemail"_s})
            features.append(QJsonObject{{u"featureName"_s, name}, {u"enabled"_s, true}});
        features.append(QJsonObject{{u"featureName"_s, u"UserManagement"_s}, {u"enabled"_s, e.admin}});
        o.insert(u"serviceFeatures"_s, features);
    }
    return o;
}

EmulatorResponse RcExtensionsApi::list(RcCall& call) {
    const QUrlQuery& q = call.request.query;
    RcPageRequest page;
    QStringList types;
    QStringList statuses;
    if (auto error = parseListQuery(
            q, &page, {{u"type"_s, kExtensionTypes, &types}, {u"status"_s, kRcExtensionStatuses, &statuses}}))
        return *error;
    const QString extensionNumber = q.queryItemValue(u"extensionNumber"_s, QUrl::FullyDecoded);
    const QStringList emails = q.allQueryItemValues(u"email"_s, QUrl::FullyDecoded);

    auto keep = [&](const RcExtension& e) {
        return admits(types, e.type) && admits(statuses, e.status) &&
               (extensionNumber.isEmpty() || e.extensionNumber == extensionNumber) &&
               (emails.isEmpty() || emails.contains(e.email, Qt::CaseInsensitive));
    };
    return pagedDirectoryList(call, call.accountUri() + u"/extension"_s, page, call.directory().extensions,
                              keep, [&](const RcExtension& e) { return json(call, e, false); });
}

EmulatorResponse RcExtensionsApi::get(RcCall& call, const RcExtension& extension) {
    return jsonResponse(json(call, extension, true));
}

namespace {

// Applies the contact object of a create/update body to an extension copy.
void readContact(RcBodyReader& r, const QJsonObject& contact, RcExtension* e) {
    QString v;
    if (r.string(contact, u"firstName"_s, u"contact.firstName"_s, &v, 64))
        e->firstName = v;
    if (r.string(contact, u"lastName"_s, u"contact.lastName"_s, &v, 64))
        e->lastName = v;
    if (r.string(contact, u"company"_s, u"contact.company"_s, &v, 64))
        e->company = v;
    if (r.string(contact, u"jobTitle"_s, u"contact.jobTitle"_s, &v, 64))
        e->jobTitle = v;
    if (r.string(contact, u"department"_s, u"contact.department"_s, &v, 64))
        e->department = v;
    if (r.string(contact, u"email"_s, u"contact.email"_s, &v, 254)) {
        if (!RcBodyReader::isEmail(v))
            r.fail(u"contact.email"_s, RingCentralService::tr("\"%1\" is not an e-mail address.").arg(v), v);
        e->email = v;
    }
    if (contact.contains(u"businessPhone"_s) && contact.value(u"businessPhone"_s).toString().isEmpty() &&
        contact.value(u"businessPhone"_s).isString())
        e->businessPhone.clear();
    else if (r.e164(contact, u"businessPhone"_s, u"contact.businessPhone"_s, &v))
        e->businessPhone = v;
    if (contact.contains(u"mobilePhone"_s) && contact.value(u"mobilePhone"_s).toString().isEmpty() &&
        contact.value(u"mobilePhone"_s).isString())
        e->mobilePhone.clear();
    else if (r.e164(contact, u"mobilePhone"_s, u"contact.mobilePhone"_s, &v))
        e->mobilePhone = v;
    bool b = false;
    r.boolean(contact, u"emailAsLoginName"_s, u"contact.emailAsLoginName"_s, &b);
    QJsonObject ignored;
    r.object(contact, u"businessAddress"_s, u"contact.businessAddress"_s, &ignored);
    r.object(contact, u"pronouncedName"_s, u"contact.pronouncedName"_s, &ignored);
}

void readRegional(RcBodyReader& r, const QJsonObject& regional, RcExtension* e) {
    auto idOf = [&](const QString& key, auto table, QString* out) {
        QJsonObject o;
        if (!r.object(regional, key, u"regionalSettings."_s + key, &o))
            return;
        QString id;
        const QString path = u"regionalSettings."_s + key + u".id"_s;
        if (!o.contains(u"id"_s)) {
            r.fail(path, RingCentralService::tr("The id is required."));
            return;
        }
        if (!r.string(o, u"id"_s, path, &id))
            return;
        if (!lookup(table, id)) {
            r.fail(path, RingCentralService::tr("Unknown id \"%1\".").arg(id), id);
            return;
        }
        if (out)
            *out = id;
    };
    idOf(u"timezone"_s, kRcTimezones, &e->timezoneId);
    idOf(u"language"_s, kRcLanguages, &e->languageId);
    idOf(u"homeCountry"_s, kRcCountries, &e->countryId);
    idOf(u"greetingLanguage"_s, kRcLanguages, nullptr);
    idOf(u"formattingLocale"_s, kRcLanguages, nullptr);
    QString timeFormat;
    if (r.oneOf(regional, u"timeFormat"_s, u"regionalSettings.timeFormat"_s, {u"12h"_s, u"24h"_s},
                &timeFormat))
        e->timeFormat = timeFormat;
}

bool isExtensionNumber(const QString& text) {
    static const QRegularExpression pattern(u"^[0-9]{1,8}$"_s);
    return pattern.match(text).hasMatch();
}

} // namespace

EmulatorResponse RcExtensionsApi::create(RcCall& call) {
    QJsonObject body;
    if (auto error = RcBodyReader::parse(call.request, &body))
        return *error;
    RcBodyReader r;
    RcExtension e;
    e.type = u"User"_s;
    e.status = u"NotActivated"_s; // activation by welcome e-mail unless created Enabled with a password
    e.timezoneId = u"58"_s;
    e.languageId = u"1033"_s;
    e.countryId = u"1"_s;
    e.timeFormat = u"12h"_s;
    e.company = call.directory().companyName;
    e.createdMs = call.account.clock->nowMs();

    QJsonObject contact;
    if (!body.contains(u"contact"_s))
        return RcErrors::invalidParameter(u"contact"_s,
                                          tr("The contact with firstName and email is required."));
    r.object(body, u"contact"_s, u"contact"_s, &contact);
    readContact(r, contact, &e);
    if (!r.failed() && e.firstName.isEmpty())
        r.fail(u"contact.firstName"_s, tr("The first name is required."));
    if (!r.failed() && e.email.isEmpty())
        r.fail(u"contact.email"_s, tr("The e-mail address is required."));
    QString v;
    r.oneOf(body, u"type"_s, u"type"_s, kCreateTypes, &e.type);
    r.oneOf(body, u"status"_s, u"status"_s, kRcExtensionStatuses, &e.status);
    if (r.string(body, u"extensionNumber"_s, u"extensionNumber"_s, &v)) {
        if (!isExtensionNumber(v))
            r.fail(u"extensionNumber"_s, tr("\"%1\" must be 1 to 8 digits.").arg(v), v);
        else if (call.directory().extensionByNumber(v))
            return RcErrors::api(400, u"CMN-406"_s,
                                 tr("Extension number %1 is already used by another extension.").arg(v),
                                 u"extensionNumber"_s, v);
        e.extensionNumber = v;
    }
    r.string(body, u"password"_s, u"password"_s, &v);
    QJsonObject regional;
    if (r.object(body, u"regionalSettings"_s, u"regionalSettings"_s, &regional))
        readRegional(r, regional, &e);
    bool hidden = false;
    r.boolean(body, u"hidden"_s, u"hidden"_s, &hidden);
    if (r.failed())
        return r.error();

    if (e.status == u"Unassigned") {
        e.extensionNumber.clear();
    } else if (e.extensionNumber.isEmpty()) {
        // Next free number after the highest one in use.
        qint64 highest = 100;
        for (const auto& other : call.directory().extensions)
            highest = qMax(highest, other.extensionNumber.toLongLong());
        e.extensionNumber = QString::number(highest + 1);
    }
    e.name = e.lastName.isEmpty() ? e.firstName : e.firstName + u' ' + e.lastName;
    e.id = call.directory().nextExtensionId;
    call.directory().nextExtensionId += 1000;
    call.directory().addExtension(e);
    return jsonResponse(json(call, *call.directory().extension(e.id), true));
}

EmulatorResponse RcExtensionsApi::update(RcCall& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = RcBodyReader::parse(call.request, &body))
        return *error;
    // All checks run on a copy; the extension changes only if the whole body is valid.
    RcExtension e = extension;
    RcBodyReader r;
    QJsonObject contact;
    if (r.object(body, u"contact"_s, u"contact"_s, &contact))
        readContact(r, contact, &e);
    if (!r.failed() && e.firstName.isEmpty())
        r.fail(u"contact.firstName"_s, tr("The first name cannot be empty."));
    if (!r.failed() && e.email.isEmpty())
        r.fail(u"contact.email"_s, tr("The e-mail address cannot be empty."));
    QString v;
    if (r.string(body, u"status"_s, u"status"_s, &v)) {
        if (v == u"Unassigned")
            r.fail(u"status"_s, tr("Status Unassigned cannot be set; delete the extension number instead."),
                   v);
        else if (!kStatusUpdate.contains(v))
            r.fail(u"status"_s, tr("\"%1\" is not one of: %2.").arg(v, kStatusUpdate.join(u", "_s)), v);
        e.status = v;
    }
    r.oneOf(body, u"type"_s, u"type"_s, kUpdateTypes, &e.type);
    if (r.string(body, u"extensionNumber"_s, u"extensionNumber"_s, &v)) {
        if (!isExtensionNumber(v)) {
            r.fail(u"extensionNumber"_s, tr("\"%1\" must be 1 to 8 digits.").arg(v), v);
        } else if (const RcExtension* other = call.directory().extensionByNumber(v);
                   other && other->id != e.id) {
            // UNCONFIRMED code for a duplicate extension number: CMN-406 "duplicate value" is the general
            // one.
            return RcErrors::api(
                400, u"CMN-406"_s,
                tr("Extension number %1 is already used by extension %2.").arg(v).arg(other->id),
                u"extensionNumber"_s, v);
        }
        e.extensionNumber = v;
    }
    QJsonObject regional;
    if (r.object(body, u"regionalSettings"_s, u"regionalSettings"_s, &regional))
        readRegional(r, regional, &e);
    QJsonObject transition;
    r.object(body, u"transition"_s, u"transition"_s, &transition); // an object, not an array (java#19)
    if (r.failed())
        return r.error();
    if (!call.admin && (e.status != extension.status || e.type != extension.type ||
                        e.extensionNumber != extension.extensionNumber))
        return RcErrors::needsAdmin();
    if (e.status == u"Enabled" && extension.status == u"Unassigned" && e.extensionNumber.isEmpty())
        return RcErrors::invalidParameter(u"extensionNumber"_s,
                                          tr("An enabled extension needs an extension number."));

    e.name = e.type == u"User" || !e.lastName.isEmpty()
                 ? (e.lastName.isEmpty() ? e.firstName : e.firstName + u' ' + e.lastName)
                 : e.firstName;
    const QString newNumber = e.extensionNumber;
    e.extensionNumber = extension.extensionNumber;
    extension = e;
    if (newNumber != extension.extensionNumber)
        call.directory().renumberExtension(extension.id, newNumber);
    return jsonResponse(json(call, extension, true));
}

EmulatorResponse RcExtensionsApi::remove(RcCall& call, const RcExtension& extension) {
    Q_UNUSED(call);
    if (extension.id == call.directory().accountId)
        return RcErrors::api(403, u"CMN-101"_s, tr("The system extension of the account cannot be deleted."),
                             u"extensionId"_s, QString::number(extension.id));
    const QString keep = call.request.query.queryItemValue(u"savePhoneNumbers"_s, QUrl::FullyDecoded);
    if (!keep.isEmpty() && keep != u"true" && keep != u"false")
        return RcErrors::invalidParameter(u"savePhoneNumbers"_s, tr("Expected true or false."), keep);
    const qint64 id = extension.id;
    call.account.tokens->revokeExtension(id);
    call.directory().removeExtension(id, keep != u"false");
    return noContent();
}
} // namespace trunkline::emulator::ringcentral
