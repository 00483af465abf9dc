#include "providers/ringcentral/RingCentralClient.h"

#include "providers/ringcentral/RingCentralMapper.h"

#include <QJsonDocument>
#include <memory>

namespace trunkline::providers::ringcentral {

using namespace Qt::StringLiterals;

namespace {

// Usage groups, docs/api/ringcentral.md §7.3.
const QString kLight = u"Light"_s;
const QString kMedium = u"Medium"_s;
const QString kHeavy = u"Heavy"_s;

const QString kAccount = u"/restapi/v1.0/account/~"_s;

QString extensionPath(const QString& extensionId) {
    return kAccount + u"/extension/"_s + (extensionId.isEmpty() ? u"~"_s : extensionId);
}

QString extensionSubject(const core::Extension& extension) {
    return extension.extensionNumber.isEmpty()
               ? RingCentralClient::tr("extension %1")
                     .arg(extension.name.isEmpty() ? extension.id : extension.name)
               : RingCentralClient::tr("extension %1").arg(extension.extensionNumber);
}

QByteArray jsonBytes(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<QJsonObject> anyObject(const QJsonObject& object, QString*) {
    return object;
}

// Where a settings document sits below its extension's path, and how errors name it.
struct SettingsEndpoint {
    QString path;
    QString subject;
};

SettingsEndpoint settingsEndpoint(const QString& extensionId, SettingsDocument document) {
    const QString path = extensionPath(extensionId);
    switch (document) {
    case SettingsDocument::CallerId:
        return {path + u"/caller-id"_s,
                RingCentralClient::tr("the caller ID of extension %1").arg(extensionId)};
    case SettingsDocument::Notifications:
        return {path + u"/notification-settings"_s,
                RingCentralClient::tr("the notification settings of extension %1").arg(extensionId)};
    case SettingsDocument::BusinessHoursRule:
        return {path + u"/answering-rule/business-hours-rule"_s,
                RingCentralClient::tr("the business-hours rule of extension %1").arg(extensionId)};
    case SettingsDocument::AfterHoursRule:
        return {path + u"/answering-rule/after-hours-rule"_s,
                RingCentralClient::tr("the after-hours rule of extension %1").arg(extensionId)};
    }
    return {};
}

} // namespace

RingCentralClient::RingCentralClient(net::ApiClient* api, QObject* parent)
    : QObject(parent)
    , ProviderClient(api, kMaxPageSize, kMaxPageSize) {
}

net::PagedFetch::RequestForPage RingCentralClient::pageRequests(const QString& path, const QUrlQuery& filters,
                                                                const QString& group,
                                                                const QString& subject) const {
    net::ApiRequest list = net::ApiRequest::get(path, group);
    list.query = filters;
    list.subject = subject;
    return pagesOf(std::move(list), u"page"_s, u"perPage"_s);
}

// RingCentral pages: {records, paging{page, totalPages?}, navigation{nextPage{uri}?}} (§8). totalPages
// may be omitted "for performance reasons"; then the nextPage links are followed.
net::PagedFetch::PageReader RingCentralClient::pageReader(const QString& group,
                                                          const QString& subject) const {
    const QUrl baseUrl = m_api->baseUrl();
    return [baseUrl, group, subject](const net::ApiResult& result,
                                     QString* problem) -> std::optional<net::PageContent> {
        const QJsonObject body = result.json().object();
        std::optional<net::PageContent> content =
            pageRecords(body, "records"_L1, problem, tr("The list page has no “records” array."),
                        body.value("paging"_L1).toObject().value("totalPages"_L1));
        if (!content)
            return content;
        const QString next =
            body.value("navigation"_L1).toObject().value("nextPage"_L1).toObject().value("uri"_L1).toString();
        if (!next.isEmpty()) {
            net::ApiRequest like = net::ApiRequest::get({}, group);
            like.subject = subject;
            content->next = net::PagedFetch::requestForLink(baseUrl, next, like);
        }
        return content;
    };
}

net::ApiReply* RingCentralClient::jsonCall(QByteArray method, const QString& path, const QString& group,
                                           const QString& subject, const QJsonObject& body,
                                           Callback<QJsonObject> done) {
    net::ApiRequest request;
    request.method = std::move(method);
    request.path = path;
    request.rateGroup = group;
    request.subject = subject;
    if (request.method != "GET")
        request.body = jsonBytes(body);
    return sendForValue<QJsonObject>(m_api, this, std::move(request), anyObject, std::move(done));
}

// --- account -------------------------------------------------------------------------------------------

void RingCentralClient::fetchAccount(Callback<core::Account> done) {
    struct Pending {
        std::optional<QJsonObject> account;
        std::optional<QJsonObject> serviceInfo;
        QJsonObject businessAddress;
        std::optional<net::ApiError> error;
        int answers = 0;
    };
    auto pending = std::make_shared<Pending>();
    auto finishIfDone = [pending, done] {
        if (++pending->answers < 3)
            return;
        Outcome<core::Account> outcome;
        outcome.error = pending->error;
        if (!outcome.error) {
            QString problem;
            outcome.value = RingCentralMapper::account(*pending->account, *pending->serviceInfo,
                                                       pending->businessAddress, &problem);
            if (!outcome.value) {
                net::ApiError error;
                error.kind = net::ApiError::Kind::Protocol;
                error.provider = u"RingCentral"_s;
                error.subject = tr("the account");
                error.detail = problem;
                outcome.error = error;
            }
        }
        if (done)
            done(outcome);
    };
    const QString subject = tr("the account");
    const auto keep = [pending, finishIfDone](std::optional<QJsonObject>* into) {
        return [pending, finishIfDone, into](const Outcome<QJsonObject>& o) {
            if (o.error && !pending->error)
                pending->error = o.error;
            *into = o.value;
            finishIfDone();
        };
    };
    jsonCall("GET", kAccount, kLight, subject, {}, keep(&pending->account));
    jsonCall("GET", kAccount + u"/service-info"_s, kLight, subject, {}, keep(&pending->serviceInfo));
    // The business address needs the user permission ReadCompanyInfo; a user without it still gets the
    // rest of the account (UNCONFIRMED: the refusal's status is assumed to be 403 or 404).
    jsonCall("GET", kAccount + u"/business-address"_s, kLight, tr("the account's business address"), {},
             [pending, finishIfDone](const Outcome<QJsonObject>& o) {
                 const bool mayNotRead = o.error && (o.error->kind == net::ApiError::Kind::Forbidden ||
                                                     o.error->kind == net::ApiError::Kind::NotFound);
                 if (o.error && !mayNotRead && !pending->error)
                     pending->error = o.error;
                 if (o.value)
                     pending->businessAddress = *o.value;
                 finishIfDone();
             });
}

// --- extensions ----------------------------------------------------------------------------------------

net::PagedFetch* RingCentralClient::listExtensions(const ExtensionFilter& filter,
                                                   PageHandler<core::Extension> onPage, ListDone done) {
    QUrlQuery filters;
    for (core::ExtensionType type : filter.types)
        filters.addQueryItem(u"type"_s, core::toWire(type)); // repeated keys (§0)
    for (core::ExtensionStatus status : filter.statuses)
        filters.addQueryItem(u"status"_s, core::toWire(status));
    const QString path = kAccount + u"/extension"_s;
    const QString subject = tr("the extension list");
    return listPages<core::Extension>(path, filters, kMedium, subject, RingCentralMapper::extension,
                                      std::move(onPage), std::move(done));
}

net::ApiReply* RingCentralClient::getExtension(const QString& extensionId, Callback<core::Extension> done) {
    net::ApiRequest request = net::ApiRequest::get(extensionPath(extensionId), kLight);
    request.subject = tr("extension %1").arg(extensionId);
    return sendForValue<core::Extension>(m_api, this, std::move(request), RingCentralMapper::extension,
                                         std::move(done));
}

void RingCentralClient::createExtension(const core::Extension& extension, Callback<core::Extension> done) {
    net::ApiRequest request;
    request.method = "POST";
    request.path = kAccount + u"/extension"_s;
    request.rateGroup = kMedium;
    request.subject = extensionSubject(extension);
    request.body = jsonBytes(RingCentralMapper::extensionCreateBody(extension));
    Lookup<core::Extension> lookup;
    if (!extension.extensionNumber.isEmpty()) {
        lookup = [this, extension, subject = request.subject](LookupDone<core::Extension> found) {
            net::ApiRequest query = net::ApiRequest::get(kAccount + u"/extension"_s, kMedium);
            query.query.addQueryItem(u"extensionNumber"_s, extension.extensionNumber);
            query.subject = subject;
            findInList<core::Extension>(
                m_api, this, std::move(query), "records"_L1, RingCentralMapper::extension,
                [extension](const core::Extension& candidate) {
                    // The number alone could be someone else's: the e-mail must match too.
                    return candidate.extensionNumber == extension.extensionNumber &&
                           candidate.contact.email.compare(extension.contact.email, Qt::CaseInsensitive) == 0;
                },
                std::move(found));
        };
    }
    sendCreate<core::Extension>(m_api, this, std::move(request), RingCentralMapper::extension, lookup,
                                std::move(done));
}

net::ApiReply* RingCentralClient::updateExtension(const core::Extension& extension, const QStringList& fields,
                                                  Callback<core::Extension> done, const QString& timeZoneId) {
    net::ApiRequest request;
    request.method = "PUT";
    request.path = extensionPath(extension.id);
    request.rateGroup = kMedium;
    request.subject = extensionSubject(extension);
    // No ETag / If-Match on this PUT (docs/api ringcentral.md §8): only the touched fields are sent.
    QJsonObject body = RingCentralMapper::extensionUpdateBody(extension, fields);
    if (!timeZoneId.isEmpty())
        body.insert(u"regionalSettings"_s, QJsonObject{{u"timezone"_s, QJsonObject{{u"id"_s, timeZoneId}}}});
    request.body = jsonBytes(body);
    return sendForValue<core::Extension>(m_api, this, std::move(request), RingCentralMapper::extension,
                                         std::move(done));
}

void RingCentralClient::resolveTimeZone(const QString& name, Callback<QString> done) {
    const auto answer = [this, name, done] {
        const auto it = m_timeZoneIds.constFind(name);
        if (it != m_timeZoneIds.cend())
            return done({*it, std::nullopt});
        net::ApiError error;
        error.kind = net::ApiError::Kind::Invalid;
        error.provider = m_api->providerName();
        error.subject = tr("the time zone of an extension");
        error.field = u"regionalSettings.timezone"_s;
        error.detail =
            tr("RingCentral's time zone list has no \"%1\"; choose one of: %2.")
                .arg(name, QStringList(m_timeZoneIds.keyBegin(), m_timeZoneIds.keyEnd()).join(u", "_s));
        done({std::nullopt, error});
    };
    if (!m_timeZoneIds.isEmpty())
        return answer();
    auto found = std::make_shared<QHash<QString, QString>>();
    listTimeZones(
        [found](int, const QList<core::TimeZone>& page) {
            for (const core::TimeZone& zone : page)
                found->insert(zone.name, zone.id);
        },
        [this, found, answer, done](const ListOutcome& outcome) {
            if (!outcome.complete) {
                net::ApiError error = outcome.error.value_or(net::ApiError{});
                if (!outcome.error) {
                    error.kind = net::ApiError::Kind::Protocol;
                    error.provider = m_api->providerName();
                    error.subject = tr("the time zone list");
                }
                return done({std::nullopt, error});
            }
            m_timeZoneIds = *found;
            answer();
        });
}

net::PagedFetch* RingCentralClient::listTimeZones(PageHandler<core::TimeZone> onPage, ListDone done) {
    const QString subject = tr("the time zone list");
    return listPages<core::TimeZone>(u"/restapi/v1.0/dictionary/timezone"_s, {}, kLight, subject,
                                     RingCentralMapper::timeZone, std::move(onPage), std::move(done));
}

net::ApiReply* RingCentralClient::deleteExtension(const core::Extension& extension, Completion done) {
    net::ApiRequest request;
    request.method = "DELETE";
    request.path = extensionPath(extension.id);
    request.rateGroup = kMedium;
    request.subject = extensionSubject(extension);
    return sendForCompletion(m_api, this, std::move(request), std::move(done));
}

// --- phone numbers -------------------------------------------------------------------------------------

net::PagedFetch* RingCentralClient::listAccountPhoneNumbers(PageHandler<core::PhoneNumberRecord> onPage,
                                                            ListDone done) {
    const QString path = kAccount + u"/phone-number"_s;
    const QString subject = tr("the account's phone numbers");
    return listPages<core::PhoneNumberRecord>(path, {}, kHeavy, subject, RingCentralMapper::phoneNumber,
                                              std::move(onPage), std::move(done));
}

net::ApiReply* RingCentralClient::getAccountPhoneNumber(const QString& numberId,
                                                        Callback<core::PhoneNumberRecord> done) {
    net::ApiRequest request = net::ApiRequest::get(kAccount + u"/phone-number/"_s + numberId, kLight);
    request.subject = tr("phone number %1").arg(numberId);
    return sendForValue<core::PhoneNumberRecord>(m_api, this, std::move(request),
                                                 RingCentralMapper::phoneNumber, std::move(done));
}

net::ApiReply* RingCentralClient::assignPhoneNumber(const QString& numberId, const QString& extensionId,
                                                    Completion done) {
    QJsonObject body{{u"usageType"_s, extensionId.isEmpty() ? u"CompanyNumber"_s : u"DirectNumber"_s}};
    if (!extensionId.isEmpty())
        body.insert(u"extension"_s, QJsonObject{{u"id"_s, extensionId}});
    net::ApiRequest request;
    request.method = "PATCH";
    request.path = u"/restapi/v2/accounts/~/phone-numbers/"_s + numberId;
    request.rateGroup = kMedium;
    request.subject = tr("phone number %1").arg(numberId);
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return sendForCompletion(m_api, this, std::move(request), std::move(done));
}

net::PagedFetch* RingCentralClient::listExtensionPhoneNumbers(const QString& extensionId,
                                                              PageHandler<core::PhoneNumberRecord> onPage,
                                                              ListDone done) {
    const QString path = extensionPath(extensionId) + u"/phone-number"_s;
    const QString subject = tr("the phone numbers of extension %1").arg(extensionId);
    return listPages<core::PhoneNumberRecord>(path, {}, kLight, subject, RingCentralMapper::phoneNumber,
                                              std::move(onPage), std::move(done));
}

net::PagedFetch* RingCentralClient::listExtensionDevices(const QString& extensionId,
                                                         PageHandler<QString> onPage, ListDone done) {
    const QString path = extensionPath(extensionId) + u"/device"_s;
    const QString subject = tr("the devices of extension %1").arg(extensionId);
    return listPages<QString>(path, {}, kLight, subject, RingCentralMapper::deviceType, std::move(onPage),
                              std::move(done));
}

// --- forwarding numbers --------------------------------------------------------------------------------

net::PagedFetch* RingCentralClient::listForwardingNumbers(const QString& extensionId,
                                                          PageHandler<core::ForwardingNumber> onPage,
                                                          ListDone done) {
    const QString path = extensionPath(extensionId) + u"/forwarding-number"_s;
    const QString subject = tr("the forwarding numbers of extension %1").arg(extensionId);
    return listPages<core::ForwardingNumber>(path, {}, kLight, subject, RingCentralMapper::forwardingNumber,
                                             std::move(onPage), std::move(done));
}

void RingCentralClient::createForwardingNumber(const QString& extensionId,
                                               const core::ForwardingNumber& forwarding,
                                               Callback<core::ForwardingNumber> done) {
    net::ApiRequest request;
    request.method = "POST";
    request.path = extensionPath(extensionId) + u"/forwarding-number"_s;
    request.rateGroup = kMedium;
    request.subject = tr("forwarding number %1").arg(forwarding.phoneNumber);
    request.body = jsonBytes(RingCentralMapper::forwardingCreateBody(forwarding));
    Lookup<core::ForwardingNumber> lookup =
        [this, extensionId, forwarding, subject = request.subject](LookupDone<core::ForwardingNumber> found) {
            // An extension has at most ten forwarding numbers: one page holds them all.
            net::ApiRequest query =
                net::ApiRequest::get(extensionPath(extensionId) + u"/forwarding-number"_s, kLight);
            query.query.addQueryItem(u"perPage"_s, u"1000"_s);
            query.subject = subject;
            findInList<core::ForwardingNumber>(
                m_api, this, std::move(query), "records"_L1, RingCentralMapper::forwardingNumber,
                [forwarding](const core::ForwardingNumber& candidate) {
                    return forwarding.phoneNumber.isEmpty() ? candidate.deviceId == forwarding.deviceId
                                                            : candidate.phoneNumber == forwarding.phoneNumber;
                },
                std::move(found));
        };
    sendCreate<core::ForwardingNumber>(m_api, this, std::move(request), RingCentralMapper::forwardingNumber,
                                       lookup, std::move(done));
}

net::ApiReply* RingCentralClient::updateForwardingNumber(const QString& extensionId,
                                                         const core::ForwardingNumber& forwarding,
                                                         const QStringList& fields,
                                                         Callback<core::ForwardingNumber> done) {
    net::ApiRequest request;
    request.method = "PUT";
    request.path = extensionPath(extensionId) + u"/forwarding-number/"_s + forwarding.id;
    request.rateGroup = kMedium;
    request.subject = tr("forwarding number %1").arg(forwarding.phoneNumber);
    // No ETag / If-Match on this PUT (docs/api ringcentral.md §8): only the touched fields are sent.
    request.body = jsonBytes(RingCentralMapper::forwardingUpdateBody(forwarding, fields));
    return sendForValue<core::ForwardingNumber>(m_api, this, std::move(request),
                                                RingCentralMapper::forwardingNumber, std::move(done));
}

net::ApiReply* RingCentralClient::deleteForwardingNumber(const QString& extensionId,
                                                         const QString& forwardingNumberId, Completion done) {
    net::ApiRequest request;
    request.method = "DELETE";
    request.path = extensionPath(extensionId) + u"/forwarding-number/"_s + forwardingNumberId;
    request.rateGroup = kMedium;
    request.subject = tr("forwarding number %1").arg(forwardingNumberId);
    return sendForCompletion(m_api, this, std::move(request), std::move(done));
}

// --- per-extension settings ----------------------------------------------------------------------------

net::ApiReply* RingCentralClient::getSettings(const QString& extensionId, SettingsDocument document,
                                              Callback<QJsonObject> done) {
    const SettingsEndpoint endpoint = settingsEndpoint(extensionId, document);
    return jsonCall("GET", endpoint.path, kLight, endpoint.subject, {}, std::move(done));
}

net::ApiReply* RingCentralClient::putSettings(const QString& extensionId, SettingsDocument document,
                                              const QJsonObject& settings, Callback<QJsonObject> done) {
    const SettingsEndpoint endpoint = settingsEndpoint(extensionId, document);
    return jsonCall("PUT", endpoint.path, kMedium, endpoint.subject, settings, std::move(done));
}

net::ApiReply* RingCentralClient::getCustomRules(const QString& extensionId, Callback<QJsonObject> done) {
    net::ApiRequest request;
    request.path = extensionPath(extensionId) + u"/answering-rule"_s;
    request.query.addQueryItem(u"type"_s, u"Custom"_s);
    request.query.addQueryItem(u"view"_s, u"Detailed"_s);
    request.query.addQueryItem(u"perPage"_s, u"1000"_s);
    request.rateGroup = kMedium;
    request.subject = tr("the custom rules of extension %1").arg(extensionId);
    return sendForValue<QJsonObject>(
        m_api, this, std::move(request),
        [](const QJsonObject& list, QString* problem) -> std::optional<QJsonObject> {
            if (list.value(u"paging"_s).toObject().value(u"totalPages"_s).toInt(1) > 1) {
                *problem = tr("more than 1000 custom rules, which the console does not read");
                return std::nullopt;
            }
            return QJsonObject{{u"records"_s, list.value(u"records"_s).toArray()}};
        },
        std::move(done));
}

} // namespace trunkline::providers::ringcentral
