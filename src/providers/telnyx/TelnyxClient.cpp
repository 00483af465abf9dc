#include "providers/telnyx/TelnyxClient.h"

#include "providers/telnyx/TelnyxMapper.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace trunkline::providers::telnyx {

using namespace Qt::StringLiterals;

namespace {

QByteArray jsonBytes(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Single-record answers are {data: {...}, meta: {...}}.
template <typename T>
std::function<std::optional<T>(const QJsonObject&, QString*)>
fromData(std::optional<T> (*read)(const QJsonObject&, QString*)) {
    return [read](const QJsonObject& body, QString* problem) -> std::optional<T> {
        if (!body.value("data"_L1).isObject()) {
            *problem = TelnyxClient::tr("The answer has no “data” object.");
            return std::nullopt;
        }
        return read(body.value("data"_L1).toObject(), problem);
    };
}

// Answers with several records are {data: [...]}; `missing` names the records for an answer without one.
template <typename T>
std::function<std::optional<QList<T>>(const QJsonObject&, QString*)>
fromDataArray(std::optional<T> (*read)(const QJsonObject&, QString*), const QString& missing) {
    return [read, missing](const QJsonObject& body, QString* problem) -> std::optional<QList<T>> {
        if (!body.value("data"_L1).isArray()) {
            *problem = missing;
            return std::nullopt;
        }
        QList<T> records;
        for (const QJsonValue& value : body.value("data"_L1).toArray()) {
            std::optional<T> record = read(value.toObject(), problem);
            if (!record)
                return std::nullopt;
            records.append(std::move(*record));
        }
        return records;
    };
}

QString orderSubject(const QString& orderId) {
    return TelnyxClient::tr("porting order %1").arg(orderId);
}

} // namespace

TelnyxClient::TelnyxClient(net::ApiClient* api, QObject* parent)
    : QObject(parent)
    , ProviderClient(api, kMaxPageSize, kMaxPageSize) {
}

QString TelnyxClient::path(const QString& below) const {
    const QString basePath = m_api->baseUrl().path();
    const bool hasVersion = basePath.endsWith(u"/v2") || basePath.endsWith(u"/v2/");
    return (hasVersion ? QString() : u"/v2"_s) + below;
}

net::ApiRequest TelnyxClient::firstPortingOrder() const {
    return pageRequest(net::ApiRequest::get(path(u"/porting_orders"_s)), u"page[number]"_s, 1,
                       u"page[size]"_s, 1);
}

net::PagedFetch::RequestForPage TelnyxClient::pageRequests(const QString& listPath, const QUrlQuery& filters,
                                                           const QString& subject) const {
    net::ApiRequest list = net::ApiRequest::get(listPath);
    list.query = filters;
    list.subject = subject;
    return pagesOf(std::move(list), u"page[number]"_s, u"page[size]"_s);
}

// Telnyx pages: {data: [...], meta: {page_number, page_size, total_pages, total_results}} (§1).
net::PagedFetch::PageReader TelnyxClient::pageReader() {
    return [](const net::ApiResult& result, QString* problem) -> std::optional<net::PageContent> {
        const QJsonObject body = result.json().object();
        return pageRecords(body, "data"_L1, problem, tr("The list page has no “data” array."),
                           body.value("meta"_L1).toObject().value("total_pages"_L1));
    };
}

net::ApiReply* TelnyxClient::orderCall(QByteArray method, const QString& below, const QString& orderId,
                                       const QByteArray& body, Callback<core::PortingOrder> done) {
    net::ApiRequest request;
    request.method = std::move(method);
    request.path = path(below);
    request.subject = orderSubject(orderId);
    request.body = body;
    return sendForValue<core::PortingOrder>(m_api, this, std::move(request),
                                            fromData<core::PortingOrder>(TelnyxMapper::portingOrder),
                                            std::move(done));
}

// --- porting orders ------------------------------------------------------------------------------------

net::PagedFetch* TelnyxClient::listPortingOrders(const QList<core::PortingOrderStatus>& statuses,
                                                 PageHandler<core::PortingOrder> onPage, ListDone done) {
    QUrlQuery filters;
    // The phone numbers are fetched per order; not embedding them keeps the pages small.
    filters.addQueryItem(u"include_phone_numbers"_s, u"false"_s);
    if (!statuses.isEmpty()) {
        QStringList wire;
        for (core::PortingOrderStatus status : statuses)
            wire.append(core::toWire(status));
        // The SDK's form (comma-joined); the older spec's repeated [in][] keys are not needed (§1).
        filters.addQueryItem(u"filter[status][in]"_s, wire.join(u','));
    }
    const QString subject = tr("the porting orders");
    return startTypedList<core::PortingOrder>(
        m_api, this, pageRequests(path(u"/porting_orders"_s), filters, subject), pageReader(),
        TelnyxMapper::portingOrder, std::move(onPage), std::move(done));
}

net::ApiReply* TelnyxClient::getPortingOrder(const QString& orderId, Callback<core::PortingOrder> done) {
    return orderCall("GET", u"/porting_orders/"_s + orderId, orderId, {}, std::move(done));
}

net::ApiReply* TelnyxClient::createPortingOrder(const QStringList& phoneNumbers,
                                                const QString& customerReference,
                                                Callback<QList<core::PortingOrder>> done) {
    QJsonObject body{{u"phone_numbers"_s, QJsonArray::fromStringList(phoneNumbers)}};
    if (!customerReference.isEmpty())
        body.insert(u"customer_reference"_s, customerReference);
    net::ApiRequest request;
    request.method = "POST";
    request.path = path(u"/porting_orders"_s);
    request.subject = tr("the porting order for %1").arg(phoneNumbers.join(u", "_s));
    request.body = jsonBytes(body);
    // 201 {data: [PortingOrder, ...]}: an array, because Telnyx may split the numbers (§2).
    return sendForValue<QList<core::PortingOrder>>(
        m_api, this, std::move(request),
        fromDataArray(&TelnyxMapper::portingOrder, tr("The answer has no “data” array of porting orders.")),
        std::move(done));
}

net::ApiReply* TelnyxClient::patchPortingOrder(const QString& orderId, const QJsonObject& patch,
                                               Callback<core::PortingOrder> done) {
    // Telnyx documents no ETag / If-Match for porting orders (docs/api telnyx-porting.md): the PATCH
    // carries only the members in `patch`, so the others keep what Telnyx holds.
    return orderCall("PATCH", u"/porting_orders/"_s + orderId, orderId, jsonBytes(patch), std::move(done));
}

net::ApiReply* TelnyxClient::deletePortingOrder(const QString& orderId, Completion done) {
    net::ApiRequest request;
    request.method = "DELETE";
    request.path = path(u"/porting_orders/"_s + orderId);
    request.subject = orderSubject(orderId);
    return sendForCompletion(m_api, this, std::move(request), std::move(done));
}

net::ApiReply* TelnyxClient::confirmPortingOrder(const QString& orderId, Callback<core::PortingOrder> done) {
    return orderCall("POST", u"/porting_orders/"_s + orderId + u"/actions/confirm"_s, orderId, {},
                     std::move(done));
}

net::ApiReply* TelnyxClient::cancelPortingOrder(const QString& orderId, Callback<core::PortingOrder> done) {
    return orderCall("POST", u"/porting_orders/"_s + orderId + u"/actions/cancel"_s, orderId, {},
                     std::move(done));
}

net::ApiReply* TelnyxClient::uploadDocument(const core::OrderDocument& document, Callback<QString> done) {
    // The inline JSON form of CreateDocument (§5); multipart/form-data would do as well.
    const QJsonObject body{{u"file"_s, QString::fromLatin1(document.content.toBase64())},
                           {u"filename"_s, document.fileName}};
    net::ApiRequest request;
    request.method = "POST";
    request.path = path(u"/documents"_s);
    request.subject = tr("the document %1").arg(document.fileName);
    request.body = jsonBytes(body);
    auto read = [](const QJsonObject& answer, QString* problem) -> std::optional<QString> {
        const QString id = answer.value("data"_L1).toObject().value("id"_L1).toString();
        if (id.isEmpty()) {
            *problem = tr("The answer names no document id.");
            return std::nullopt;
        }
        return id;
    };
    return sendForValue<QString>(m_api, this, std::move(request), read, std::move(done));
}

net::ApiReply* TelnyxClient::loaTemplate(const QString& orderId, Callback<QByteArray> done) {
    net::ApiRequest request =
        net::ApiRequest::get(path(u"/porting_orders/"_s + orderId + u"/loa_template"_s));
    request.accept = "application/pdf";
    request.subject = tr("the LOA template of porting order %1").arg(orderId);
    net::ApiReply* reply = m_api->send(request);
    connect(
        reply, &net::ApiReply::finished, this,
        [provider = m_api->providerName(), subject = request.subject, done](const net::ApiResult& result) {
            Outcome<QByteArray> outcome;
            if (result.error) {
                outcome.error = result.error;
            } else if (!result.body.startsWith("%PDF-")) {
                net::ApiError error;
                error.kind = net::ApiError::Kind::Protocol;
                error.httpStatus = result.httpStatus;
                error.provider = provider;
                error.subject = subject;
                error.detail = tr("The answer is not a PDF file.");
                outcome.error = error;
            } else {
                outcome.value = result.body;
            }
            done(outcome);
        });
    return reply;
}

// --- porting phone numbers -----------------------------------------------------------------------------

net::PagedFetch* TelnyxClient::listPortingPhoneNumbers(const QString& orderId,
                                                       PageHandler<core::PortingPhoneNumber> onPage,
                                                       ListDone done) {
    QUrlQuery filters;
    // The filter the API itself advertises in meta.phone_numbers_url (§3).
    filters.addQueryItem(u"filter[porting_order_id]"_s, orderId);
    const QString subject = tr("the phone numbers of porting order %1").arg(orderId);
    return startTypedList<core::PortingPhoneNumber>(
        m_api, this, pageRequests(path(u"/porting_phone_numbers"_s), filters, subject), pageReader(),
        TelnyxMapper::portingPhoneNumber, std::move(onPage), std::move(done));
}

// --- phone number extensions ---------------------------------------------------------------------------

net::PagedFetch* TelnyxClient::listPhoneNumberExtensions(const QString& orderId,
                                                         PageHandler<core::PhoneNumberExtension> onPage,
                                                         ListDone done) {
    const QString subject = tr("the extended numbers of porting order %1").arg(orderId);
    return startTypedList<core::PhoneNumberExtension>(
        m_api, this,
        pageRequests(path(u"/porting_orders/"_s + orderId + u"/phone_number_extensions"_s), {}, subject),
        pageReader(), TelnyxMapper::phoneNumberExtension, std::move(onPage), std::move(done));
}

void TelnyxClient::createPhoneNumberExtension(const QString& orderId,
                                              const core::PhoneNumberExtension& extension,
                                              Callback<core::PhoneNumberExtension> done) {
    net::ApiRequest request;
    request.method = "POST";
    request.path = path(u"/porting_orders/"_s + orderId + u"/phone_number_extensions"_s);
    request.subject = tr("extension range %1–%2 of porting order %3")
                          .arg(extension.extensionRange.startAt)
                          .arg(extension.extensionRange.endAt)
                          .arg(orderId);
    request.body = jsonBytes(TelnyxMapper::phoneNumberExtensionCreateBody(extension));
    const QString listPath = path(u"/porting_orders/"_s + orderId + u"/phone_number_extensions"_s);
    Lookup<core::PhoneNumberExtension> lookup =
        [this, listPath, extension, subject = request.subject](LookupDone<core::PhoneNumberExtension> found) {
            net::ApiRequest query = net::ApiRequest::get(listPath);
            query.query.addQueryItem(u"filter[porting_phone_number_id]"_s, extension.portingPhoneNumberId);
            query.query.addQueryItem(u"page[size]"_s, u"250"_s);
            query.subject = subject;
            findInList<core::PhoneNumberExtension>(
                m_api, this, std::move(query), "data"_L1, TelnyxMapper::phoneNumberExtension,
                [extension](const core::PhoneNumberExtension& candidate) {
                    return candidate.portingPhoneNumberId == extension.portingPhoneNumberId &&
                           candidate.extensionRange == extension.extensionRange;
                },
                std::move(found));
        };
    sendCreate<core::PhoneNumberExtension>(
        m_api, this, std::move(request),
        fromData<core::PhoneNumberExtension>(TelnyxMapper::phoneNumberExtension), lookup, std::move(done));
}

net::ApiReply* TelnyxClient::deletePhoneNumberExtension(const QString& orderId, const QString& extensionId,
                                                        Callback<core::PhoneNumberExtension> done) {
    net::ApiRequest request;
    request.method = "DELETE";
    request.path = path(u"/porting_orders/"_s + orderId + u"/phone_number_extensions/"_s + extensionId);
    request.subject = tr("extended numbers %1 of porting order %2").arg(extensionId, orderId);
    return sendForValue<core::PhoneNumberExtension>(
        m_api, this, std::move(request),
        fromData<core::PhoneNumberExtension>(TelnyxMapper::phoneNumberExtension), std::move(done));
}

// --- buying numbers ------------------------------------------------------------------------------------

net::ApiReply* TelnyxClient::searchAvailableNumbers(const NumberSearchFilter& filter,
                                                    Callback<QList<AvailableNumber>> done) {
    net::ApiRequest request = net::ApiRequest::get(path(u"/available_phone_numbers"_s));
    for (const auto& [key, value] :
         {std::pair{u"filter[country_code]"_s, filter.countryCode},
          std::pair{u"filter[phone_number_type]"_s, filter.phoneNumberType},
          std::pair{u"filter[national_destination_code]"_s, filter.nationalDestinationCode},
          std::pair{u"filter[phone_number][starts_with]"_s, filter.startsWith},
          std::pair{u"filter[phone_number][contains]"_s, filter.contains}}) {
        if (!value.isEmpty())
            request.query.addQueryItem(key, value);
    }
    request.query.addQueryItem(u"filter[limit]"_s, QString::number(filter.limit));
    request.subject = tr("available numbers in %1").arg(filter.countryCode);
    return sendForValue<QList<AvailableNumber>>(
        m_api, this, std::move(request),
        fromDataArray(&TelnyxNumbersMapper::availableNumber,
                      tr("The answer has no “data” array of available numbers.")),
        std::move(done));
}

void TelnyxClient::orderNumber(const QString& e164, const QString& customerReference,
                               Callback<NumberOrder> done) {
    net::ApiRequest request;
    request.method = "POST";
    request.path = path(u"/number_orders"_s);
    request.subject = tr("the order of number %1").arg(e164);
    request.body = jsonBytes(TelnyxNumbersMapper::numberOrderBody({e164}, customerReference));
    Lookup<NumberOrder> lookup;
    if (!customerReference.isEmpty())
        lookup = [this, e164, customerReference](LookupDone<NumberOrder> found) {
            findNumberOrder(e164, customerReference, std::move(found));
        };
    sendCreate<NumberOrder>(m_api, this, std::move(request),
                            fromData<NumberOrder>(TelnyxNumbersMapper::numberOrder), lookup, std::move(done));
}

void TelnyxClient::findNumberOrder(const QString& e164, const QString& customerReference,
                                   LookupDone<NumberOrder> done) {
    net::ApiRequest query = net::ApiRequest::get(path(u"/number_orders"_s));
    query.query.addQueryItem(u"filter[customer_reference]"_s, customerReference);
    query.query.addQueryItem(u"page[size]"_s, u"250"_s);
    query.subject = tr("the order of number %1").arg(e164);
    findInList<NumberOrder>(
        m_api, this, std::move(query), "data"_L1, TelnyxNumbersMapper::numberOrder,
        [e164, customerReference](const NumberOrder& order) {
            // A failed order bought nothing: it does not count as the number's order.
            return order.customerReference == customerReference && order.phoneNumbers.contains(e164) &&
                   order.status != u"failure";
        },
        std::move(done));
}

net::PagedFetch* TelnyxClient::listPhoneNumbers(PageHandler<core::PhoneNumberRecord> onPage, ListDone done) {
    return startTypedList<core::PhoneNumberRecord>(
        m_api, this, pageRequests(path(u"/phone_numbers"_s), {}, tr("the phone numbers")), pageReader(),
        TelnyxNumbersMapper::phoneNumber, std::move(onPage), std::move(done));
}

void TelnyxClient::findPhoneNumber(const QString& e164, LookupDone<core::PhoneNumberRecord> done) {
    net::ApiRequest query = net::ApiRequest::get(path(u"/phone_numbers"_s));
    // Telnyx matches the digits (non-digits find nothing); the exact number is compared here.
    query.query.addQueryItem(u"filter[phone_number]"_s, e164.startsWith(u'+') ? e164.mid(1) : e164);
    query.subject = tr("number %1").arg(e164);
    findInList<core::PhoneNumberRecord>(
        m_api, this, std::move(query), "data"_L1, TelnyxNumbersMapper::phoneNumber,
        [e164](const core::PhoneNumberRecord& number) { return number.e164 == e164; }, std::move(done));
}

} // namespace trunkline::providers::telnyx
