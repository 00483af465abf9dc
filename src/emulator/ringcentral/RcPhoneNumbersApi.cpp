// Builds JSON from concatenated strings; QStringBuilder's lazy results do not convert to QJsonValue.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/ringcentral/RcApi.h"
#include "emulator/ringcentral/RcBodyReader.h"
#include "emulator/ringcentral/RcDictionary.h"
#include "emulator/ringcentral/RcErrors.h"
#include "emulator/ringcentral/RcPaging.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

namespace {

const QStringList kUsageTypes = {u"MainCompanyNumber"_s,
                                 u"AdditionalCompanyNumber"_s,
                                 u"CompanyNumber"_s,
                                 u"DirectNumber"_s,
                                 u"CompanyFaxNumber"_s,
                                 u"FmcBusinessMobileNumber"_s,
                                 u"InventoryFmcBusinessMobileNumber"_s,
                                 u"ForwardedNumber"_s,
                                 u"ForwardedCompanyNumber"_s,
                                 u"ContactCenterNumber"_s,
                                 u"ConferencingNumber"_s,
                                 u"MeetingsNumber"_s,
                                 u"NumberPool"_s,
                                 u"BusinessMobileNumber"_s,
                                 u"ELIN"_s,
                                 u"PartnerBusinessMobileNumber"_s,
                                 u"NumberPoolPartnerBusinessMobileNumber"_s,
                                 u"NumberStorage"_s,
                                 u"IntegrationNumber"_s,
                                 u"InventoryMobileNumber"_s};
const QStringList kPaymentTypes = {u"External"_s,
                                   u"TollFree"_s,
                                   u"Local"_s,
                                   u"BusinessMobileNumberProvider"_s,
                                   u"ExternalNumberProvider"_s,
                                   u"ExternalNumberProviderTollFree"_s,
                                   u"Mobile"_s};
const QStringList kNumberStatus = {u"Normal"_s, u"Pending"_s, u"PortedIn"_s, u"Temporary"_s, u"Unknown"_s};

} // namespace

QJsonObject RcPhoneNumbersApi::accountNumberJson(const RcCall& call, const RcPhoneNumber& n) {
    QJsonObject o{{u"uri"_s, call.accountUri() + u"/phone-number/"_s + QString::number(n.id)},
                  {u"id"_s, n.id},
                  {u"phoneNumber"_s, n.phoneNumber},
                  {u"paymentType"_s, n.paymentType},
                  {u"type"_s, n.type},
                  {u"usageType"_s, n.usageType},
                  {u"status"_s, n.status},
                  {u"primary"_s, n.primary}};
    if (!n.location.isEmpty())
        o.insert(u"location"_s, n.location);
    if (!n.label.isEmpty())
        o.insert(u"label"_s, n.label);
    if (const RcExtension* e = n.extensionId ? call.directory().extension(n.extensionId) : nullptr) {
        QJsonObject ext{{u"id"_s, e->id}, {u"uri"_s, call.extensionUri(e->id)}, {u"name"_s, e->name}};
        if (!e->extensionNumber.isEmpty())
            ext.insert(u"extensionNumber"_s, e->extensionNumber);
        o.insert(u"extension"_s, ext);
    }
    return o;
}

QJsonObject RcPhoneNumbersApi::extensionNumberJson(const RcCall& call, const RcPhoneNumber& n,
                                                   bool features) {
    QJsonObject o = accountNumberJson(call, n);
    const RcDictEntry* country = lookup(kRcCountries, countryIdOf(n.phoneNumber));
    o.insert(u"country"_s, QJsonObject{{u"id"_s, str(country->id)}, {u"name"_s, str(country->name)}});
    if (features)
        o.insert(u"features"_s, QJsonArray::fromStringList(n.features()));
    if (o.contains(u"extension"_s)) {
        QJsonObject ext = o.value(u"extension"_s).toObject();
        if (const RcExtension* e = call.directory().extension(n.extensionId))
            ext.insert(u"type"_s, e->type);
        o.insert(u"extension"_s, ext);
    }
    return o;
}

EmulatorResponse RcPhoneNumbersApi::listAccountNumbers(RcCall& call) {
    RcPageRequest page;
    QStringList usage;
    QStringList payment;
    QStringList status;
    QStringList extensionStatus;
    if (auto error = parseListQuery(call.request.query, &page,
                                    {{u"usageType"_s, kUsageTypes, &usage},
                                     {u"paymentType"_s, kPaymentTypes, &payment},
                                     {u"status"_s, kNumberStatus, &status},
                                     {u"extensionStatus"_s, kRcExtensionStatuses, &extensionStatus}}))
        return *error;

    auto keep = [&](const RcPhoneNumber& n) {
        // Seed 001: a non-administrator sees only the direct numbers of other extensions, whatever
        // usageType asked for.
        if (!call.admin && (n.usageType != u"DirectNumber" || n.extensionId == call.caller->id))
            return false;
        if (!admits(usage, n.usageType) || !admits(payment, n.paymentType) || !admits(status, n.status))
            return false;
        if (extensionStatus.isEmpty())
            return true;
        const RcExtension* e = n.extensionId ? call.directory().extension(n.extensionId) : nullptr;
        return e && extensionStatus.contains(e->status);
    };
    return pagedDirectoryList(call, call.accountUri() + u"/phone-number"_s, page, call.directory().numbers,
                              keep, [&](const RcPhoneNumber& n) { return accountNumberJson(call, n); });
}

EmulatorResponse RcPhoneNumbersApi::getAccountNumber(RcCall& call, const QString& id) {
    bool ok = false;
    const qint64 numberId = id.toLongLong(&ok);
    const RcPhoneNumber* n = ok ? call.directory().number(numberId) : nullptr;
    if (!n || (!call.admin && n->usageType != u"DirectNumber" && n->extensionId != call.caller->id))
        return RcErrors::notFound(u"phoneNumberId"_s, id);
    return jsonResponse(accountNumberJson(call, *n));
}

EmulatorResponse RcPhoneNumbersApi::assign(RcCall& call, const QString& id) {
    if (!call.admin)
        return RcErrors::needsPermission(u"EditCompanyPhoneNumbers"_s);
    bool ok = false;
    const qint64 numberId = id.toLongLong(&ok);
    const RcPhoneNumber* number = ok ? call.directory().number(numberId) : nullptr;
    if (!number)
        return RcErrors::notFound(u"phoneNumberId"_s, id);
    QJsonObject body;
    if (auto error = RcBodyReader::parse(call.request, &body))
        return *error;
    RcBodyReader r;
    QString usageType;
    QJsonObject extension;
    r.oneOf(body, u"usageType"_s, u"usageType"_s,
            {u"MainCompanyNumber"_s, u"CompanyNumber"_s, u"DirectNumber"_s, u"ContactCenterNumber"_s},
            &usageType);
    const bool toExtension = r.object(body, u"extension"_s, u"extension"_s, &extension);
    if (r.failed())
        return r.error();
    if (usageType.isEmpty())
        return RcErrors::invalidParameter(u"usageType"_s, tr("The usage type is required."));
    // The moves the API documents: inventory or company to company or extension, extension to extension
    // or company. Numbers that only forward, fax or belong to other services stay where they are, and the
    // main number is moved by making another number the main one (UNCONFIRMED: the exact codes and texts
    // of these refusals are not published).
    static const QStringList kMovable = {u"CompanyNumber"_s, u"AdditionalCompanyNumber"_s, u"DirectNumber"_s,
                                         u"Inventory"_s, u"ContactCenterNumber"_s};
    if (!kMovable.contains(number->usageType))
        return RcErrors::api(400, u"CMN-101"_s,
                             tr("A number of usage type %1 cannot be assigned.").arg(number->usageType),
                             u"phoneNumberId"_s, id);
    qint64 ownerId = 0;
    if (usageType == u"DirectNumber") {
        const QString extensionId = extension.value(u"id"_s).toVariant().toString();
        if (!toExtension || extensionId.isEmpty())
            return RcErrors::invalidParameter(u"extension.id"_s,
                                              tr("A direct number needs the extension it is assigned to."));
        const RcExtension* owner = call.directory().extension(extensionId.toLongLong());
        if (!owner)
            return RcErrors::notFound(u"extension.id"_s, extensionId);
        ownerId = owner->id;
    } else if (toExtension) {
        return RcErrors::invalidParameter(u"extension"_s,
                                          tr("Only a direct number is assigned to an extension; %1 is the "
                                             "company's.")
                                              .arg(usageType));
    }
    if (usageType == u"MainCompanyNumber") {
        // One main number: the current one becomes an ordinary company number (UNCONFIRMED).
        for (RcPhoneNumber& other : call.directory().numbers) {
            if (other.usageType == u"MainCompanyNumber")
                other.usageType = u"CompanyNumber"_s;
        }
    }
    call.directory().assignNumber(numberId, usageType, ownerId);
    const RcPhoneNumber* assigned = call.directory().number(numberId);
    QJsonObject answer{{u"id"_s, QString::number(assigned->id)},
                       {u"phoneNumber"_s, assigned->phoneNumber},
                       {u"tollType"_s, assigned->paymentType == u"TollFree" ? u"TollFree"_s : u"Toll"_s},
                       {u"usageType"_s, assigned->usageType},
                       {u"status"_s, assigned->status},
                       {u"type"_s, assigned->type},
                       {u"primary"_s, assigned->primary}};
    if (!assigned->label.isEmpty())
        answer.insert(u"label"_s, assigned->label);
    if (const RcExtension* owner = ownerId ? call.directory().extension(ownerId) : nullptr) {
        QJsonObject ext{{u"id"_s, QString::number(owner->id)}};
        if (!owner->extensionNumber.isEmpty())
            ext.insert(u"extensionNumber"_s, owner->extensionNumber);
        answer.insert(u"extension"_s, ext);
    }
    return jsonResponse(answer);
}

EmulatorResponse RcPhoneNumbersApi::listExtensionNumbers(RcCall& call, const RcExtension& extension) {
    const QUrlQuery& q = call.request.query;
    RcPageRequest page;
    QStringList usage;
    QStringList status;
    if (auto error = parseListQuery(
            q, &page, {{u"usageType"_s, kUsageTypes, &usage}, {u"status"_s, kNumberStatus, &status}}))
        return *error;
    const bool full = call.admin || extension.id == call.caller->id;
    // The extension's own numbers, plus for a person the company's main number it may use as caller ID.
    std::vector<const RcPhoneNumber*> matches;
    auto consider = [&](const RcPhoneNumber& n) {
        if (!full && n.usageType != u"DirectNumber")
            return;
        if (!admits(usage, n.usageType) || !admits(status, n.status))
            return;
        matches.push_back(&n);
    };
    for (int index : call.directory().numberIndexesOfExtension(extension.id))
        consider(call.directory().numbers[static_cast<std::size_t>(index)]);
    if (extension.type == u"User")
        if (const RcPhoneNumber* main = call.directory().mainNumber())
            consider(*main);
    const QString uri = call.extensionUri(extension.id) + u"/phone-number"_s;
    return pagedList(uri, q, page, static_cast<int>(matches.size()), [&](int i) {
        return extensionNumberJson(call, *matches[static_cast<std::size_t>(i)], full);
    });
}
} // namespace trunkline::emulator::ringcentral
