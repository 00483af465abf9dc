#include "providers/restcomm/RestcommClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <limits>

namespace trunkline::providers::restcomm {

using namespace Qt::StringLiterals;

namespace {

const QByteArray kForm = "application/x-www-form-urlencoded";

QString numberSubject(const core::PhoneNumberRecord& number) {
    return RestcommClient::tr("incoming number %1").arg(number.e164.isEmpty() ? number.id : number.e164);
}

// application/x-www-form-urlencoded: every reserved character escaped. QUrlQuery leaves '+' as is,
// which a form decoder reads as a space ("+1650..." would arrive as " 1650...").
QByteArray formBytes(const QUrlQuery& form) {
    QByteArray out;
    for (const auto& [key, value] : form.queryItems(QUrl::FullyDecoded)) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace

RestcommClient::RestcommClient(net::ApiClient* api, QString accountSid, QObject* parent)
    : QObject(parent)
    , ProviderClient(api, kDefaultPageSize, std::numeric_limits<int>::max())
    , m_accountSid(std::move(accountSid)) {
}

QString RestcommClient::prefix() const {
    const QString basePath = m_api->baseUrl().path();
    return basePath.endsWith(u"/restcomm") || basePath.endsWith(u"/restcomm/") ? QString() : u"/restcomm"_s;
}

QString RestcommClient::accountPath(const QString& accountSid) const {
    return prefix() + u"/2012-04-24/Accounts/"_s + accountSid;
}

QString RestcommClient::numbersPath() const {
    return accountPath(m_accountSid) + u"/IncomingPhoneNumbers"_s;
}

net::ApiRequest RestcommClient::firstIncomingNumber() const {
    net::ApiRequest request = net::ApiRequest::get(numbersPath() + u".json"_s);
    request.query.addQueryItem(u"PageSize"_s, u"1"_s);
    return request;
}

net::PagedFetch* RestcommClient::listIncomingNumbers(PageHandler<core::PhoneNumberRecord> onPage,
                                                     ListDone done) {
    const QString listPath = numbersPath() + u".json"_s;
    const QString subject = tr("the incoming numbers of account %1").arg(m_accountSid);
    net::ApiRequest list = net::ApiRequest::get(listPath);
    list.subject = subject;
    auto requestForPage = pagesOf(std::move(list), u"Page"_s, u"PageSize"_s, 0); // Restcomm pages start at 0
    const QString linkPrefix = prefix();
    const QUrl baseUrl = m_api->baseUrl();
    auto reader = [linkPrefix, baseUrl, subject](const net::ApiResult& result,
                                                 QString* problem) -> std::optional<net::PageContent> {
        const QJsonObject body = result.json().object();
        std::optional<net::PageContent> content =
            pageRecords(body, "incomingPhoneNumbers"_L1, problem,
                        tr("The list page has no “incomingPhoneNumbers” array."));
        if (!content)
            return content;
        // num_pages is the index of the last page (total / PageSize, floored), so there is one more page.
        const QJsonValue lastIndex = body.value("num_pages"_L1);
        if (lastIndex.isDouble())
            content->totalPages = lastIndex.toInt() + 1;
        // next_page_uri is the string "null" on the last page, and has no /restcomm prefix (§4).
        const QString next = body.value("next_page_uri"_L1).toString();
        if (!next.isEmpty() && next != u"null") {
            net::ApiRequest like;
            like.subject = subject;
            content->next = net::PagedFetch::requestForLink(baseUrl, next, like);
            content->next->path = linkPrefix + content->next->path;
            if (!content->next->path.endsWith(u".json"))
                content->next->path += u".json"_s;
        }
        return content;
    };
    return startTypedList<core::PhoneNumberRecord>(m_api, this, requestForPage, reader,
                                                   RestcommMapper::incomingNumber, std::move(onPage),
                                                   std::move(done));
}

net::ApiReply* RestcommClient::getIncomingNumber(const QString& sid, Callback<core::PhoneNumberRecord> done) {
    net::ApiRequest request = net::ApiRequest::get(numbersPath() + u'/' + sid + u".json"_s);
    request.subject = tr("incoming number %1").arg(sid);
    return sendForValue<core::PhoneNumberRecord>(m_api, this, std::move(request),
                                                 RestcommMapper::incomingNumber, std::move(done));
}

net::ApiReply* RestcommClient::updateIncomingNumber(const core::PhoneNumberRecord& number,
                                                    const QStringList& fields,
                                                    Callback<core::PhoneNumberRecord> done) {
    net::ApiRequest request;
    request.method = "PUT";
    request.path = numbersPath() + u'/' + number.id + u".json"_s;
    request.contentType = kForm;
    // Restcomm has no ETag / If-Match (docs/api restcomm-numbers.md §6): only the touched parameters
    // are sent, so a field changed at the provider meanwhile is not overwritten.
    request.body = formBytes(RestcommMapper::updateForm(number, fields));
    request.subject = numberSubject(number);
    return sendForValue<core::PhoneNumberRecord>(m_api, this, std::move(request),
                                                 RestcommMapper::incomingNumber, std::move(done));
}

net::ApiReply* RestcommClient::deleteIncomingNumber(const core::PhoneNumberRecord& number, Completion done) {
    net::ApiRequest request;
    request.method = "DELETE";
    request.path = numbersPath() + u'/' + number.id + u".json"_s;
    request.subject = numberSubject(number);
    return sendForCompletion(m_api, this, std::move(request), std::move(done));
}

void RestcommClient::provisionIncomingNumber(const ProvisionRequest& provision,
                                             Callback<core::PhoneNumberRecord> done) {
    net::ApiRequest request;
    request.method = "POST";
    request.path = numbersPath() +
                   (provision.numberType.isEmpty() ? QString() : u'/' + provision.numberType) + u".json"_s;
    request.contentType = kForm;
    request.body = formBytes(RestcommMapper::provisionForm(provision));
    request.subject = provision.number.e164.isEmpty() ? tr("a number in area code %1").arg(provision.areaCode)
                                                      : numberSubject(provision.number);
    const bool pureSip = provision.number.restcomm && provision.number.restcomm->pureSip;
    auto read = [pureSip](const QJsonObject& json,
                          QString* problem) -> std::optional<core::PhoneNumberRecord> {
        auto number = RestcommMapper::incomingNumber(json, problem);
        // Restcomm does not print pure_sip; what was asked for is what it stored (§5 step 6).
        if (number && number->restcomm)
            number->restcomm->pureSip = pureSip;
        return number;
    };
    Lookup<core::PhoneNumberRecord> lookup;
    if (!provision.number.e164.isEmpty()) {
        const QString wanted = provision.number.e164;
        lookup = [this, wanted, read, subject = request.subject](LookupDone<core::PhoneNumberRecord> found) {
            // The filter is a substring LIKE (§4); '+' is left out so no form decoder turns it into a space,
            // and the exact number is compared here.
            net::ApiRequest query = net::ApiRequest::get(numbersPath() + u".json"_s);
            query.query.addQueryItem(u"PhoneNumber"_s, wanted.startsWith(u'+') ? wanted.mid(1) : wanted);
            query.query.addQueryItem(u"PageSize"_s, u"1000"_s);
            query.subject = subject;
            findInList<core::PhoneNumberRecord>(
                m_api, this, std::move(query), "incomingPhoneNumbers"_L1, read,
                [wanted](const core::PhoneNumberRecord& candidate) { return candidate.e164 == wanted; },
                std::move(found));
        };
    }
    sendCreate<core::PhoneNumberRecord>(m_api, this, std::move(request), read, lookup, std::move(done));
}

net::ApiReply* RestcommClient::searchAvailableNumbers(const QString& isoCountry, const QString& numberType,
                                                      const QString& areaCode, const QString& contains,
                                                      Callback<QList<AvailableNumber>> done) {
    net::ApiRequest request = net::ApiRequest::get(accountPath(m_accountSid) + u"/AvailablePhoneNumbers/"_s +
                                                   isoCountry + u'/' + numberType + u".json"_s);
    if (!areaCode.isEmpty())
        request.query.addQueryItem(u"AreaCode"_s, areaCode);
    if (!contains.isEmpty())
        request.query.addQueryItem(u"Contains"_s, contains);
    request.subject = tr("available %1 numbers in %2").arg(numberType, isoCountry);
    const QString subject = request.subject;
    net::ApiReply* reply = m_api->send(std::move(request));
    net::ApiClient* api = m_api;
    connect(reply, &net::ApiReply::finished, this, [api, subject, done](const net::ApiResult& result) {
        Outcome<QList<AvailableNumber>> outcome;
        if (result.error) {
            outcome.error = result.error;
        } else {
            // A bare JSON array (§9), which the shared helpers (objects only) do not read.
            QList<AvailableNumber> numbers;
            QString problem;
            for (const QJsonValue& value : result.json().array()) {
                auto number = RestcommMapper::availableNumber(value.toObject(), &problem);
                if (!number)
                    break;
                numbers.append(*number);
            }
            if (!problem.isEmpty() || !result.json().isArray()) {
                net::ApiError error;
                error.kind = net::ApiError::Kind::Protocol;
                error.provider = api->providerName();
                error.subject = subject;
                error.detail = problem.isEmpty() ? tr("The answer is not a JSON array.") : problem;
                outcome.error = error;
            } else {
                outcome.value = numbers;
            }
        }
        if (done)
            done(outcome);
    });
    return reply;
}

net::ApiReply* RestcommClient::migrateNumbers(const QString& targetAccountSid, const QString& organizationSid,
                                              Completion done) {
    QUrlQuery form;
    form.addQueryItem(u"OrganizationSid"_s, organizationSid);
    net::ApiRequest request;
    request.method = "POST";
    request.path = accountPath(targetAccountSid) + u"/IncomingPhoneNumbers/migrate"_s;
    request.contentType = kForm;
    request.body = formBytes(form);
    request.subject = tr("the numbers of account %1").arg(targetAccountSid);
    // Setting the organisation again has the same effect: safe to repeat after a lost answer.
    request.markIdempotent();
    return sendForCompletion(m_api, this, std::move(request), std::move(done));
}

} // namespace trunkline::providers::restcomm
