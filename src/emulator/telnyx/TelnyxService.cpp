#include "emulator/telnyx/TelnyxService.h"

#include "core/PhoneNumber.h"
#include "core/PortingRules.h"
#include "emulator/EmulatorOptions.h"
#include "emulator/telnyx/TelnyxDemoData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSet>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

namespace {

using core::PortingOrderStatus;

constexpr int kDefaultPageSize = 20;
constexpr int kMaxPageSize = 250;
constexpr int kMaxNumbersPerCreate = 1000;
constexpr int kEmbeddedPhoneNumbers = 50;
constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kCancelBlockedBeforeFocMs = 48 * kHourMs;
// How long the carrier side takes in the emulator (UNCONFIRMED: Telnyx publishes no timings; real
// German ports take days to weeks). Run the emulator with --time-scale to watch an order complete.
constexpr qint64 kInProcessToSubmittedMs = 2 * kHourMs;
constexpr qint64 kSubmittedToFocConfirmedMs = 24 * kHourMs;
constexpr qint64 kDefaultFocLeadMs = 7 * 24 * kHourMs;
constexpr qint64 kCancelPendingToCancelledMs = 1 * kHourMs;
const QString kStatusChangedAt = QStringLiteral("_status_changed_at"); // internal, never sent

QString tr(const char* text) {
    return QCoreApplication::translate("trunkline::emulator::telnyx::TelnyxService", text);
}

// The query with normalised keys: "filter[a][b]" and "filter[a.b]" both become "filter.a.b",
// "page[number]" becomes "page.number", a trailing "[]" is dropped. The SDK and the older spec spell
// the same filters differently (telnyx-porting.md §1 Pagination, §2 list filters); we accept all.
class Query {
public:
    explicit Query(const QUrlQuery& query) {
        const auto items = query.queryItems(QUrl::FullyDecoded);
        for (const auto& [rawKey, value] : items) {
            QString key = rawKey;
            if (key.endsWith(u"[]"))
                key.chop(2);
            key.replace(u"]["_s, u"."_s);
            key.replace(u'[', u'.');
            key.remove(u']');
            m_items.append({key, value, rawKey});
        }
    }

    bool has(const QString& key) const {
        return std::any_of(m_items.cbegin(), m_items.cend(), [&](const Item& i) { return i.key == key; });
    }
    QString rawKey(const QString& key) const {
        for (const Item& i : m_items)
            if (i.key == key)
                return i.raw;
        return key;
    }
    QString value(const QString& key) const {
        for (const Item& i : m_items)
            if (i.key == key)
                return i.value;
        return {};
    }
    // Values of filter.<field>, filter.<field>.eq and filter.<field>.in (comma-split, repeatable).
    QStringList filterValues(const QString& field, bool splitPlain = false) const {
        QStringList out;
        const QString base = u"filter."_s + field;
        for (const Item& i : m_items) {
            const bool in = i.key == base + u".in"_s;
            if (i.key != base && i.key != base + u".eq"_s && !in)
                continue;
            if (in || splitPlain)
                out += i.value.split(u',', Qt::SkipEmptyParts);
            else
                out += i.value;
        }
        return out;
    }
    QStringList sortValues() const {
        QStringList out;
        for (const Item& i : m_items)
            if (i.key == u"sort" || i.key == u"sort.value")
                out += i.value.split(u',', Qt::SkipEmptyParts);
        return out;
    }

private:
    struct Item {
        QString key;
        QString value;
        QString raw;
    };
    QList<Item> m_items;
};

struct Paging {
    int number = 1;
    int size = kDefaultPageSize;
};

std::optional<EmulatorResponse> parsePaging(const Query& query, Paging* paging) {
    QList<TelnyxError> errors;
    auto parse = [&](const QString& key, int* out, int max) {
        if (!query.has(key))
            return;
        bool ok = false;
        const int v = query.value(key).toInt(&ok);
        if (!ok || v < 1 || v > max) {
            const QString name = key == u"page.number" ? u"page[number]"_s : u"page[size]"_s;
            errors.append(TelnyxErrors::badParameter(
                name, max == std::numeric_limits<int>::max()
                          ? tr("Parameter %1 must be an integer of at least 1, got \"%2\".")
                                .arg(name, query.value(key))
                          : tr("Parameter %1 must be an integer from 1 to %2, got \"%3\".")
                                .arg(name)
                                .arg(max)
                                .arg(query.value(key))));
            return;
        }
        *out = v;
    };
    parse(u"page.number"_s, &paging->number, std::numeric_limits<int>::max());
    parse(u"page.size"_s, &paging->size, kMaxPageSize);
    if (!errors.isEmpty())
        return TelnyxErrors::response(400, errors);
    return std::nullopt;
}

EmulatorResponse jsonResponse(int status, const QJsonObject& body) {
    EmulatorResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

EmulatorResponse pageResponse(const QList<QJsonObject>& all, const Paging& paging) {
    const qsizetype total = all.size();
    const qsizetype pages = (total + paging.size - 1) / paging.size;
    QJsonArray data;
    const qsizetype first = static_cast<qsizetype>(paging.number - 1) * paging.size;
    for (qsizetype i = first; i < total && i < first + paging.size; ++i)
        data.append(all.at(i));
    return jsonResponse(200, QJsonObject{{u"data"_s, data},
                                         {u"meta"_s, QJsonObject{{u"page_number"_s, paging.number},
                                                                 {u"page_size"_s, paging.size},
                                                                 {u"total_pages"_s, pages},
                                                                 {u"total_results"_s, total}}}});
}

// Parses a JSON request body that must be an object. An empty body counts as {}.
std::optional<EmulatorResponse> parseObject(const QByteArray& body, QJsonObject* out) {
    if (body.trimmed().isEmpty()) {
        *out = {};
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return TelnyxErrors::response(
            400, TelnyxErrors::badRequest(tr("The request body is not valid JSON: %1 at byte %2.")
                                              .arg(error.errorString())
                                              .arg(error.offset)));
    if (!doc.isObject())
        return TelnyxErrors::response(
            400, TelnyxErrors::badRequest(tr("The request body must be a JSON object."), u"/"_s));
    *out = doc.object();
    return std::nullopt;
}

std::optional<int> jsonInt(const QJsonValue& v) {
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d != std::floor(d) || d < std::numeric_limits<int>::min() || d > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(d);
}

QString typeName(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Double:
        return u"number"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"undefined"_s;
}

bool isUuid(const QString& s) {
    return s.size() == 36 && !QUuid::fromString(s).isNull();
}

// Schema of UpdatePortingOrder (telnyx-porting.md §2). Leaf types: string, uuid, datetime, url, bool,
// int, e164, enum:a|b. Every leaf may be null (PATCH: explicit null clears). A trailing "!" means
// required and not null (inside array items). An array holds its item schema as the only element.
const QJsonObject& updateSchema() {
    static const QJsonObject schema = QJsonDocument::fromJson(R"({
        "activation_settings": {"foc_datetime_requested": "datetime"},
        "customer_reference": "string",
        "customer_group_reference": "string",
        "documents": {"loa": "uuid", "invoice": "uuid"},
        "end_user": {
            "admin": {"entity_name": "string", "auth_person_name": "string", "billing_phone_number": "e164",
                      "account_number": "string", "pin_passcode": "string", "business_identifier": "string",
                      "tax_identifier": "string"},
            "location": {"street_address": "string", "extended_address": "string", "locality": "string",
                         "administrative_area": "string", "postal_code": "string", "country_code": "string"}},
        "messaging": {"enable_messaging": "bool"},
        "misc": {"type": "enum:full|partial", "remaining_numbers_action": "enum:keep|disconnect",
                 "new_billing_phone_number": "e164"},
        "phone_number_configuration": {"billing_group_id": "uuid", "connection_id": "string",
                                       "emergency_address_id": "uuid", "messaging_profile_id": "uuid",
                                       "tags": ["string"]},
        "requirement_group_id": "uuid",
        "requirements": [{"requirement_type_id": "uuid!", "field_value": "string!"}],
        "user_feedback": {"user_comment": "string", "user_rating": "int"},
        "webhook_url": "url"
    })")
                                          .object();
    return schema;
}

void validateAgainst(const QJsonValue& value, const QJsonValue& schema, const QString& pointer,
                     QList<TelnyxError>& errors) {
    if (schema.isObject()) {
        if (value.isNull())
            return;
        if (!value.isObject()) {
            errors.append(TelnyxErrors::badRequest(
                tr("%1 must be an object, got %2.").arg(pointer, typeName(value)), pointer));
            return;
        }
        const QJsonObject object = value.toObject();
        const QJsonObject fields = schema.toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (it.value().isString() && it.value().toString().endsWith(u'!') && !object.contains(it.key()))
                errors.append(TelnyxErrors::missing(pointer + u'/' + it.key(),
                                                    tr("%1/%2 is required.").arg(pointer, it.key())));
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString child = pointer + u'/' + it.key();
            if (!fields.contains(it.key())) {
                errors.append(TelnyxErrors::badRequest(tr("Unknown field %1.").arg(child), child));
                continue;
            }
            validateAgainst(it.value(), fields.value(it.key()), child, errors);
        }
        return;
    }
    if (schema.isArray()) {
        if (value.isNull())
            return;
        if (!value.isArray()) {
            errors.append(TelnyxErrors::badRequest(
                tr("%1 must be an array, got %2.").arg(pointer, typeName(value)), pointer));
            return;
        }
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            validateAgainst(items.at(i), schema.toArray().at(0), pointer + u'/' + QString::number(i), errors);
        return;
    }
    QString type = schema.toString();
    const bool required = type.endsWith(u'!');
    if (required)
        type.chop(1);
    if (value.isNull()) {
        if (required)
            errors.append(TelnyxErrors::badRequest(tr("%1 must not be null.").arg(pointer), pointer));
        return;
    }
    auto wrongType = [&](const QString& expected) {
        errors.append(TelnyxErrors::badRequest(
            tr("%1 must be %2, got %3.").arg(pointer, expected, typeName(value)), pointer));
    };
    if (type == u"bool") {
        if (!value.isBool())
            wrongType(tr("a boolean"));
        return;
    }
    if (type == u"int") {
        if (!jsonInt(value))
            wrongType(tr("an integer"));
        return;
    }
    if (!value.isString()) {
        wrongType(tr("a string"));
        return;
    }
    const QString text = value.toString();
    if (type == u"uuid" && !isUuid(text)) {
        errors.append(
            TelnyxErrors::invalidId(tr("%1 must be a UUID, got \"%2\".").arg(pointer, text), pointer));
    } else if (type == u"datetime" && !QDateTime::fromString(text, Qt::ISODateWithMs).isValid()) {
        errors.append(TelnyxErrors::badRequest(
            tr("%1 must be an ISO 8601 date-time such as 2026-03-02T09:00:00Z, got \"%2\".")
                .arg(pointer, text),
            pointer));
    } else if (type == u"url") {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
            errors.append(TelnyxErrors::badRequest(
                tr("%1 must be an http(s) URL, got \"%2\".").arg(pointer, text), pointer));
    } else if (type == u"e164" && !core::PhoneNumber::isE164(text)) {
        errors.append(TelnyxErrors::invalidE164(
            tr("%1 must be a phone number in +E.164 format, got \"%2\".").arg(pointer, text), pointer));
    } else if (type.startsWith(u"enum:")) {
        const QStringList allowed = type.mid(5).split(u'|');
        if (!allowed.contains(text))
            errors.append(TelnyxErrors::badRequest(
                tr("%1 must be one of %2, got \"%3\".").arg(pointer, allowed.join(u", "), text), pointer));
    }
}

// PATCH merge: members left out keep their values, explicit null clears, objects merge recursively.
void mergeInto(QJsonObject& target, const QJsonObject& patch) {
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isObject() && target.value(it.key()).isObject()) {
            QJsonObject child = target.value(it.key()).toObject();
            mergeInto(child, it.value().toObject());
            target.insert(it.key(), child);
        } else {
            target.insert(it.key(), it.value());
        }
    }
}

QJsonValue at(const QJsonObject& object, const QString& dottedPath) {
    QJsonValue v = object;
    for (const QString& part : dottedPath.split(u'.'))
        v = v.toObject().value(part);
    return v;
}

QString jsonText(const QJsonValue& v) {
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return v.toString();
}

QString statusText(PortingOrderStatus s) {
    return core::toWire(s);
}

QString rangeText(const QJsonObject& range) {
    return QStringLiteral("%1–%2")
        .arg(range.value(u"start_at"_s).toInt())
        .arg(range.value(u"end_at"_s).toInt());
}

} // namespace

TelnyxService::TelnyxService(quint32 seed, const EmulatorOptions& options)
    : m_clock(options.timeScale)
    , m_rateLimits(options.rateLimits)
    , m_ids(seed ^ 0x7e1e5a11u) {
    QRandomGenerator keys(seed ^ 0x4b455931u);
    m_apiKey = u"KEY"_s;
    for (int i = 0; i < 4; ++i)
        m_apiKey += QStringLiteral("%1").arg(keys.generate(), 8, 16, QLatin1Char('0')).toUpper();
    m_apiKey += u"_"_s;
    for (int i = 0; i < 3; ++i)
        m_apiKey += QStringLiteral("%1").arg(keys.generate(), 8, 16, QLatin1Char('0'));
    m_userId = TelnyxRecords::uuid(keys);
    m_data = TelnyxDemoData::make(seed, options, m_userId);
}

QString TelnyxService::credentialLine() const {
    return u"telnyx api_key="_s + m_apiKey;
}

QJsonObject TelnyxService::snapshot() const {
    QMutexLocker locker(&m_mutex);
    auto array = [](const QList<QJsonObject>& list) {
        QJsonArray a;
        for (const QJsonObject& o : list)
            a.append(o);
        return a;
    };
    return QJsonObject{{u"porting_orders"_s, array(m_data.orders)},
                       {u"porting_phone_numbers"_s, array(m_data.portingNumbers)},
                       {u"phone_number_extensions"_s, array(m_data.extensions)}};
}

void TelnyxService::restore(const QJsonObject& state) {
    QMutexLocker locker(&m_mutex);
    if (!state.contains(u"porting_orders"_s))
        return; // not a Telnyx snapshot (e.g. an empty state file): keep the seeded data
    auto list = [](const QJsonValue& v) {
        QList<QJsonObject> out;
        for (const QJsonValue& item : v.toArray())
            out.append(item.toObject());
        return out;
    };
    m_data.orders = list(state.value(u"porting_orders"_s));
    m_data.portingNumbers = list(state.value(u"porting_phone_numbers"_s));
    m_data.extensions = list(state.value(u"phone_number_extensions"_s));
}

EmulatorResponse TelnyxService::faultResponse(int status, int retryAfterSeconds) const {
    EmulatorResponse r;
    if (status == 429) {
        // Body from Telnyx's rate-limiting page; whether Telnyx sends Retry-After is UNCONFIRMED, the SDK
        // honours it, so we send it.
        r = TelnyxErrors::response(
            429, TelnyxError{u"10011"_s,
                             tr("Too many requests"),
                             tr("You have exceeded the maximum number of allowed requests."),
                             {},
                             {}});
        if (retryAfterSeconds > 0)
            r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds)});
        return r;
    }
    return TelnyxErrors::response(status,
                                  TelnyxError{u"10007"_s,
                                              tr("Unexpected error"),
                                              tr("An unexpected error occurred; please retry the request."),
                                              {},
                                              {}});
}

EmulatorResponse TelnyxService::handle(const EmulatorRequest& request) {
    // Bearer auth (telnyx-porting.md §1). The scheme name is case-insensitive as in RFC 7235.
    const QByteArray authorization = request.header("authorization").trimmed();
    const bool bearer =
        authorization.size() > 7 && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0;
    if (!bearer || authorization.mid(7).trimmed() != m_apiKey.toLatin1())
        return TelnyxErrors::response(401, TelnyxErrors::authenticationFailed());

    QString path = request.path;
    if (path.startsWith(prefix()))
        path = path.mid(prefix().size());
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    QMutexLocker locker(&m_mutex);
    // x-ratelimit-* on every answer, 429 with Telnyx's body past the limit (telnyx-porting.md §1).
    const qint64 now = m_clock.nowMs();
    const qint64 windowMs = 60 * 1000;
    if (now - m_windowStartMs >= windowMs) {
        m_windowStartMs = now - (now % windowMs);
        m_windowCount = 0;
    }
    const qint64 resetSeconds = m_clock.realSecondsCeil((m_windowStartMs + windowMs - now + 999) / 1000);
    auto withLimitHeaders = [&](EmulatorResponse response) {
        response.headers.append(
            {QByteArrayLiteral("x-ratelimit-limit"), QByteArray::number(kRequestsPerMinute)});
        response.headers.append({QByteArrayLiteral("x-ratelimit-remaining"),
                                 QByteArray::number(qMax(0, kRequestsPerMinute - m_windowCount))});
        response.headers.append({QByteArrayLiteral("x-ratelimit-reset"), QByteArray::number(resetSeconds)});
        return response;
    };
    if (m_rateLimits && m_windowCount >= kRequestsPerMinute)
        return withLimitHeaders(faultResponse(429, static_cast<int>(qMax<qint64>(1, resetSeconds))));
    ++m_windowCount;
    advanceLifecycle();
    return withLimitHeaders(dispatch(request, segments));
}

EmulatorResponse TelnyxService::dispatch(const EmulatorRequest& request, const QStringList& s) {
    const QByteArray& m = request.method;
    auto methodNotAllowed = [&] {
        return TelnyxErrors::response(
            405, TelnyxErrors::badRequest(
                     tr("Method %1 is not allowed on %2.").arg(QString::fromLatin1(m), request.path)));
    };
    if (s.size() == 1 && s[0] == u"porting_orders") {
        if (m == "GET")
            return listOrders(request);
        if (m == "POST")
            return createOrder(request);
        return methodNotAllowed();
    }
    if (s.size() == 2 && s[0] == u"porting_orders") {
        if (m == "GET")
            return getOrder(request, s[1]);
        if (m == "PATCH")
            return patchOrder(request, s[1]);
        if (m == "DELETE")
            return deleteOrder(s[1]);
        return methodNotAllowed();
    }
    if (s.size() == 4 && s[0] == u"porting_orders" && s[2] == u"actions" &&
        (s[3] == u"confirm" || s[3] == u"cancel")) {
        if (m != "POST")
            return methodNotAllowed();
        return s[3] == u"confirm" ? confirmOrder(s[1]) : cancelOrder(s[1]);
    }
    if (s.size() == 3 && s[0] == u"porting_orders" && s[2] == u"phone_number_extensions") {
        if (m == "GET")
            return listExtensions(request, s[1]);
        if (m == "POST")
            return createExtension(request, s[1]);
        return methodNotAllowed();
    }
    if (s.size() == 4 && s[0] == u"porting_orders" && s[2] == u"phone_number_extensions") {
        if (m == "DELETE")
            return deleteExtension(s[1], s[3]);
        return methodNotAllowed();
    }
    if (s.size() == 1 && s[0] == u"porting_phone_numbers") {
        if (m == "GET")
            return listPortingNumbers(request);
        return methodNotAllowed();
    }
    return TelnyxErrors::response(
        404, TelnyxErrors::notFound(
                 tr("The emulator has no Telnyx endpoint %1 %2.").arg(QString::fromLatin1(m), request.path)));
}

std::optional<EmulatorResponse> TelnyxService::findOrder(const QString& id, qsizetype* index) const {
    if (!isUuid(id))
        // UNCONFIRMED: Telnyx's answer for a malformed path id; we say 404 with "Invalid ID".
        return TelnyxErrors::response(
            404, TelnyxErrors::invalidId(tr("Porting order id \"%1\" is not a UUID.").arg(id)));
    for (qsizetype i = 0; i < m_data.orders.size(); ++i) {
        if (m_data.orders.at(i).value(u"id"_s).toString() == id) {
            *index = i;
            return std::nullopt;
        }
    }
    return TelnyxErrors::response(404, TelnyxErrors::notFound(tr("Porting order %1 was not found.").arg(id)));
}

QJsonObject TelnyxService::portingNumberForOutput(const QJsonObject& number) const {
    QJsonObject out = number;
    const QString orderId = number.value(u"porting_order_id"_s).toString();
    for (const QJsonObject& order : m_data.orders) {
        if (order.value(u"id"_s).toString() != orderId)
            continue;
        const PortingOrderStatus status = TelnyxRecords::status(order);
        out.insert(u"porting_order_status"_s, statusText(status));
        out.insert(u"activation_status"_s, TelnyxRecords::activationStatusFor(status));
        out.insert(u"support_key"_s, order.value(u"support_key"_s));
        if (TelnyxRecords::requirementsMet(order))
            out.insert(u"requirements_status"_s, status == PortingOrderStatus::Draft
                                                     ? u"requirement-info-under-review"_s
                                                     : u"approved"_s);
        break;
    }
    return out;
}

QJsonObject TelnyxService::orderForOutput(const QJsonObject& order, bool includePhoneNumbers) const {
    QJsonObject out = order;
    out.remove(kStatusChangedAt);
    const QString id = order.value(u"id"_s).toString();
    QJsonArray numbers;
    qsizetype count = 0;
    for (const QJsonObject& n : m_data.portingNumbers) {
        if (n.value(u"porting_order_id"_s).toString() != id)
            continue;
        if (includePhoneNumbers && count < kEmbeddedPhoneNumbers)
            numbers.append(portingNumberForOutput(n));
        ++count;
    }
    if (includePhoneNumbers)
        out.insert(u"phone_numbers"_s, numbers);
    out.insert(u"porting_phone_numbers_count"_s, count);
    out.insert(u"requirements_met"_s, TelnyxRecords::requirementsMet(order));
    return out;
}

QJsonObject TelnyxService::orderEnvelope(const QJsonObject& order) const {
    const QString id = order.value(u"id"_s).toString();
    return QJsonObject{
        {u"data"_s, orderForOutput(order, true)},
        {u"meta"_s, QJsonObject{{u"phone_numbers_url"_s,
                                 QString(u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + id)}}}};
}

QString TelnyxService::newId() {
    // The generator restarts with the seed, so after restore() it would repeat ids of the restored
    // session: skip any id already in use.
    auto used = [&](const QString& id) {
        for (const QList<QJsonObject>* list : {&m_data.orders, &m_data.portingNumbers, &m_data.extensions})
            for (const QJsonObject& record : *list)
                if (record.value(u"id"_s).toString() == id)
                    return true;
        return false;
    };
    QString id = TelnyxRecords::uuid(m_ids);
    while (used(id))
        id = TelnyxRecords::uuid(m_ids);
    return id;
}

void TelnyxService::touch(QJsonObject& order) {
    order.insert(u"updated_at"_s, TelnyxRecords::timestamp(m_clock.now()));
}

void TelnyxService::markStatusChange(QJsonObject& order, PortingOrderStatus status) {
    TelnyxRecords::setStatus(order, status);
    order.insert(kStatusChangedAt, static_cast<double>(m_clock.nowMs()));
    touch(order);
}

void TelnyxService::advanceLifecycle() {
    using S = PortingOrderStatus;
    const qint64 now = m_clock.nowMs();
    for (QJsonObject& order : m_data.orders) {
        if (!order.contains(kStatusChangedAt))
            continue; // demo orders keep their status; only orders moved through the API progress
        for (bool step = true; step;) {
            step = false;
            const auto since = static_cast<qint64>(order.value(kStatusChangedAt).toDouble());
            const S status = TelnyxRecords::status(order);
            auto move = [&](S next, qint64 at) {
                TelnyxRecords::setStatus(order, next);
                order.insert(kStatusChangedAt, static_cast<double>(at));
                order.insert(u"updated_at"_s,
                             TelnyxRecords::timestamp(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC)));
                step = true;
            };
            if (status == S::InProcess && now - since >= kInProcessToSubmittedMs) {
                move(S::Submitted, since + kInProcessToSubmittedMs);
            } else if (status == S::Submitted && now - since >= kSubmittedToFocConfirmedMs) {
                const qint64 at = since + kSubmittedToFocConfirmedMs;
                QJsonObject activation = order.value(u"activation_settings"_s).toObject();
                const QDateTime requested = QDateTime::fromString(
                    activation.value(u"foc_datetime_requested"_s).toString(), Qt::ISODateWithMs);
                const qint64 foc = requested.isValid() && requested.toMSecsSinceEpoch() > at
                                       ? requested.toMSecsSinceEpoch()
                                       : at + kDefaultFocLeadMs;
                activation.insert(u"foc_datetime_actual"_s,
                                  TelnyxRecords::timestamp(QDateTime::fromMSecsSinceEpoch(foc, Qt::UTC)));
                order.insert(u"activation_settings"_s, activation);
                move(S::FocDateConfirmed, at);
            } else if (status == S::FocDateConfirmed) {
                const QDateTime foc = QDateTime::fromString(order.value(u"activation_settings"_s)
                                                                .toObject()
                                                                .value(u"foc_datetime_actual"_s)
                                                                .toString(),
                                                            Qt::ISODateWithMs);
                if (foc.isValid() && now >= foc.toMSecsSinceEpoch())
                    move(S::Ported, foc.toMSecsSinceEpoch());
            } else if (status == S::CancelPending && now - since >= kCancelPendingToCancelledMs) {
                move(S::Cancelled, since + kCancelPendingToCancelledMs);
            }
        }
    }
}

EmulatorResponse TelnyxService::listOrders(const EmulatorRequest& request) {
    const Query query(request.query);
    Paging paging;
    if (auto error = parsePaging(query, &paging))
        return *error;

    const QStringList statuses = query.filterValues(u"status"_s, true);
    for (const QString& s : statuses)
        if (!core::portingOrderStatusFromWire(s))
            return TelnyxErrors::response(
                400, TelnyxErrors::badParameter(query.rawKey(u"filter.status"_s),
                                                tr("Unknown porting order status \"%1\".").arg(s)));
    const bool includeNumbers = query.value(u"include_phone_numbers"_s) != u"false";

    // Exact-match filters on order fields (both the dotted and the nested spelling arrive here).
    const QStringList exactFields{u"customer_reference"_s,
                                  u"customer_group_reference"_s,
                                  u"parent_support_key"_s,
                                  u"misc.type"_s,
                                  u"end_user.admin.entity_name"_s,
                                  u"end_user.admin.auth_person_name"_s,
                                  u"activation_settings.fast_port_eligible"_s};
    const QStringList countries = query.filterValues(u"phone_numbers.country_code"_s, true);
    const QString contains = query.value(u"filter.phone_numbers.phone_number.contains"_s);
    const QString focAfter = query.value(u"filter.activation_settings.foc_datetime_requested.gt"_s);
    const QString focBefore = query.value(u"filter.activation_settings.foc_datetime_requested.lt"_s);
    for (const auto& [key, text] : {std::pair{u"gt"_s, focAfter}, std::pair{u"lt"_s, focBefore}})
        if (!text.isEmpty() && !QDateTime::fromString(text, Qt::ISODateWithMs).isValid())
            return TelnyxErrors::response(
                400, TelnyxErrors::badParameter(
                         u"filter[activation_settings.foc_datetime_requested]["_s + key + u']',
                         tr("The date-time filter must be ISO 8601, got \"%1\".").arg(text)));

    QList<QJsonObject> matched;
    for (const QJsonObject& order : m_data.orders) {
        if (!statuses.isEmpty() && !statuses.contains(statusText(TelnyxRecords::status(order))))
            continue;
        bool keep = true;
        for (const QString& field : exactFields) {
            const QStringList wanted = query.filterValues(field);
            if (!wanted.isEmpty() && !wanted.contains(jsonText(at(order, field))))
                keep = false;
        }
        const QString id = order.value(u"id"_s).toString();
        if (keep && (!countries.isEmpty() || !contains.isEmpty())) {
            bool countryHit = countries.isEmpty();
            bool numberHit = contains.isEmpty();
            const QString country = at(order, u"end_user.location.country_code"_s).toString();
            for (const QJsonObject& n : m_data.portingNumbers) {
                if (n.value(u"porting_order_id"_s).toString() != id)
                    continue;
                countryHit = countryHit || countries.contains(country);
                numberHit = numberHit || n.value(u"phone_number"_s).toString().contains(contains);
            }
            keep = countryHit && numberHit;
        }
        const QDateTime foc = QDateTime::fromString(
            at(order, u"activation_settings.foc_datetime_requested"_s).toString(), Qt::ISODateWithMs);
        if (keep && !focAfter.isEmpty())
            keep = foc.isValid() && foc > QDateTime::fromString(focAfter, Qt::ISODateWithMs);
        if (keep && !focBefore.isEmpty())
            keep = foc.isValid() && foc < QDateTime::fromString(focBefore, Qt::ISODateWithMs);
        if (keep)
            matched.append(order);
    }

    QString sort = query.sortValues().value(0, u"-created_at"_s);
    const QStringList sorts{u"created_at"_s, u"-created_at"_s,
                            u"activation_settings.foc_datetime_requested"_s,
                            u"-activation_settings.foc_datetime_requested"_s};
    if (!sorts.contains(sort))
        return TelnyxErrors::response(
            400, TelnyxErrors::badParameter(
                     u"sort"_s, tr("sort must be one of %1, got \"%2\".").arg(sorts.join(u", "), sort)));
    const bool descending = sort.startsWith(u'-');
    const QString key = descending ? sort.mid(1) : sort;
    std::stable_sort(matched.begin(), matched.end(), [&](const QJsonObject& a, const QJsonObject& b) {
        const QString va = jsonText(at(a, key));
        const QString vb = jsonText(at(b, key));
        return descending ? va > vb : va < vb;
    });
    for (QJsonObject& order : matched)
        order = orderForOutput(order, includeNumbers);
    return pageResponse(matched, paging);
}

EmulatorResponse TelnyxService::createOrder(const EmulatorRequest& request) {
    QJsonObject body;
    if (auto error = parseObject(request.body, &body))
        return *error;
    QList<TelnyxError> errors;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != u"phone_numbers" && it.key() != u"customer_reference" &&
            it.key() != u"customer_group_reference")
            // UNCONFIRMED whether Telnyx rejects unknown members; we do, so typos do not pass silently.
            errors.append(TelnyxErrors::badRequest(tr("Unknown field /%1.").arg(it.key()), u'/' + it.key()));
    }
    for (const QString& key : {u"customer_reference"_s, u"customer_group_reference"_s}) {
        const QJsonValue v = body.value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            errors.append(TelnyxErrors::badRequest(tr("/%1 must be a string, got %2.").arg(key, typeName(v)),
                                                   u'/' + key));
    }
    const QJsonValue numbersValue = body.value(u"phone_numbers"_s);
    struct Wanted {
        QString e164;
        QString region;
        QString type;
    };
    QList<Wanted> wanted;
    if (numbersValue.isUndefined() || numbersValue.isNull()) {
        errors.append(TelnyxErrors::missing(u"/phone_numbers"_s, tr("/phone_numbers must be present.")));
    } else if (!numbersValue.isArray()) {
        errors.append(TelnyxErrors::badRequest(
            tr("/phone_numbers must be an array of +E.164 strings, got %1.").arg(typeName(numbersValue)),
            u"/phone_numbers"_s));
    } else if (numbersValue.toArray().isEmpty()) {
        errors.append(TelnyxErrors::badRequest(tr("/phone_numbers must contain at least one number."),
                                               u"/phone_numbers"_s));
    } else if (numbersValue.toArray().size() > kMaxNumbersPerCreate) {
        errors.append(TelnyxErrors::badRequest(
            tr("%1 numbers is the maximum allowed.").arg(kMaxNumbersPerCreate), u"/phone_numbers"_s));
    } else {
        const QJsonArray numbers = numbersValue.toArray();
        QSet<QString> seen;
        for (qsizetype i = 0; i < numbers.size(); ++i) {
            const QString pointer = u"/phone_numbers/"_s + QString::number(i);
            if (!numbers.at(i).isString()) {
                errors.append(TelnyxErrors::badRequest(
                    tr("%1 must be a string, got %2.").arg(pointer, typeName(numbers.at(i))), pointer));
                continue;
            }
            const QString text = numbers.at(i).toString();
            if (!core::PhoneNumber::isE164(text)) {
                errors.append(TelnyxErrors::invalidE164(
                    tr("%1 \"%2\" is not in +E.164 format (\"+\", country code, number, no spaces).")
                        .arg(pointer, text),
                    pointer));
                continue;
            }
            const core::ParseOutcome parsed = core::PhoneNumber::parse(text, u"");
            if (!parsed.ok()) {
                errors.append(TelnyxErrors::badRequest(
                    tr("%1 \"%2\" is not a portable phone number: %3").arg(pointer, text, parsed.error),
                    pointer));
                continue;
            }
            if (seen.contains(text)) {
                errors.append(
                    TelnyxErrors::duplicate(tr("%1 \"%2\" is listed twice.").arg(pointer, text), pointer));
                continue;
            }
            seen.insert(text);
            for (const QJsonObject& n : m_data.portingNumbers) {
                if (n.value(u"phone_number"_s).toString() != text)
                    continue;
                for (const QJsonObject& order : m_data.orders) {
                    const PortingOrderStatus st = TelnyxRecords::status(order);
                    if (order.value(u"id"_s) == n.value(u"porting_order_id"_s) &&
                        st != PortingOrderStatus::Cancelled && st != PortingOrderStatus::Ported)
                        errors.append(TelnyxErrors::duplicate(
                            tr("%1 \"%2\" is already on porting order %3 (status %4).")
                                .arg(pointer, text, order.value(u"id"_s).toString(), statusText(st)),
                            pointer));
                }
            }
            const core::PhoneNumber& number = *parsed.number;
            QString type = u"landline"_s;
            if (number.type() == core::PhoneNumber::Type::Mobile)
                type = u"mobile"_s;
            else if (number.type() == core::PhoneNumber::Type::TollFree)
                type = u"toll_free"_s;
            else if (number.type() == core::PhoneNumber::Type::SharedCost)
                type = u"shared_cost"_s;
            else if (number.regionCode() == u"US" || number.regionCode() == u"CA")
                type = u"local"_s;
            wanted.append({text, number.regionCode(), type});
        }
    }
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);

    // Telnyx splits one request into several orders by country and number type (telnyx-porting.md §2).
    QList<QPair<QString, QString>> groups;
    for (const Wanted& w : wanted)
        if (!groups.contains(qMakePair(w.region, w.type)))
            groups.append(qMakePair(w.region, w.type));
    const QDateTime now = m_clock.now();
    QJsonArray created;
    for (const auto& [region, type] : groups) {
        const QString orderId = newId();
        QJsonObject order = TelnyxRecords::newOrder(orderId, m_userId, region, type,
                                                    body.value(u"customer_reference"_s).isString()
                                                        ? body.value(u"customer_reference"_s).toString()
                                                        : QString(),
                                                    body.value(u"customer_group_reference"_s).isString()
                                                        ? body.value(u"customer_group_reference"_s).toString()
                                                        : QString(),
                                                    now);
        m_data.orders.append(order);
        for (const Wanted& w : wanted)
            if (w.region == region && w.type == type)
                m_data.portingNumbers.append(
                    TelnyxRecords::newPortingNumber(newId(), orderId, w.e164, w.type, w.region));
        created.append(orderForOutput(order, true));
    }
    return jsonResponse(201, QJsonObject{{u"data"_s, created}});
}

EmulatorResponse TelnyxService::getOrder(const EmulatorRequest& request, const QString& id) {
    qsizetype index = -1;
    if (auto error = findOrder(id, &index))
        return *error;
    const bool include = Query(request.query).value(u"include_phone_numbers"_s) != u"false";
    QJsonObject envelope = orderEnvelope(m_data.orders.at(index));
    if (!include)
        envelope.insert(u"data"_s, orderForOutput(m_data.orders.at(index), false));
    return jsonResponse(200, envelope);
}

EmulatorResponse TelnyxService::patchOrder(const EmulatorRequest& request, const QString& id) {
    qsizetype index = -1;
    if (auto error = findOrder(id, &index))
        return *error;
    QJsonObject body;
    if (auto error = parseObject(request.body, &body))
        return *error;
    QList<TelnyxError> errors;
    validateAgainst(body, updateSchema(), QString(), errors);
    // validateAgainst builds pointers from "" so top-level members read "/member".
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);

    QJsonObject order = m_data.orders.at(index);
    const PortingOrderStatus status = TelnyxRecords::status(order);
    if (status == PortingOrderStatus::Ported || status == PortingOrderStatus::Cancelled ||
        status == PortingOrderStatus::CancelPending)
        return TelnyxErrors::response(
            422,
            TelnyxErrors::badRequest(
                tr("A porting order in status %1 cannot be changed.").arg(statusText(status)), u"/status"_s));

    const QString focText = at(body, u"activation_settings.foc_datetime_requested"_s).toString();
    if (!focText.isEmpty() && QDateTime::fromString(focText, Qt::ISODateWithMs) <= m_clock.now())
        errors.append(TelnyxErrors::badRequest(
            tr("/activation_settings/foc_datetime_requested must lie in the future, got %1.").arg(focText),
            u"/activation_settings/foc_datetime_requested"_s));
    if (body.contains(u"requirement_group_id"_s) && !body.value(u"requirement_group_id"_s).isNull())
        errors.append(TelnyxErrors::notFound(
            tr("Requirement group %1 was not found.").arg(body.value(u"requirement_group_id"_s).toString()),
            u"/requirement_group_id"_s));

    // requirements[] fills the order's own requirement entries by requirement_type_id.
    QJsonArray requirements = order.value(u"requirements"_s).toArray();
    const QJsonArray given = body.value(u"requirements"_s).toArray();
    for (qsizetype i = 0; i < given.size(); ++i) {
        const QJsonObject item = given.at(i).toObject();
        const QString typeId = item.value(u"requirement_type_id"_s).toString();
        bool found = false;
        for (qsizetype r = 0; r < requirements.size(); ++r) {
            QJsonObject req = requirements.at(r).toObject();
            if (req.value(u"requirement_type_id"_s).toString() != typeId)
                continue;
            req.insert(u"field_value"_s, item.value(u"field_value"_s));
            requirements.replace(r, req);
            found = true;
        }
        if (!found) {
            const QString pointer = u"/requirements/"_s + QString::number(i) + u"/requirement_type_id"_s;
            errors.append(TelnyxErrors::badRequest(
                tr("%1 \"%2\" is not a requirement of this porting order.").arg(pointer, typeId), pointer));
        }
    }
    QJsonObject patch = body;
    patch.remove(u"requirements"_s);
    patch.remove(u"requirement_group_id"_s);
    mergeInto(order, patch);
    if (body.contains(u"requirements"_s))
        order.insert(u"requirements"_s, requirements);
    const QJsonObject misc = order.value(u"misc"_s).toObject();
    if (misc.value(u"remaining_numbers_action"_s).toString() == u"keep" &&
        !misc.value(u"new_billing_phone_number"_s).isString())
        errors.append(TelnyxErrors::badRequest(
            tr("/misc/new_billing_phone_number is required when /misc/remaining_numbers_action is \"keep\"."),
            u"/misc/new_billing_phone_number"_s));
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);
    touch(order);
    m_data.orders[index] = order;
    return jsonResponse(200, orderEnvelope(order));
}

EmulatorResponse TelnyxService::deleteOrder(const QString& id) {
    qsizetype index = -1;
    if (auto error = findOrder(id, &index))
        return *error;
    const PortingOrderStatus status = TelnyxRecords::status(m_data.orders.at(index));
    if (status != PortingOrderStatus::Draft)
        return TelnyxErrors::response(
            422,
            TelnyxErrors::badRequest(tr("Only porting orders in status draft can be deleted; this one is %1.")
                                         .arg(statusText(status)),
                                     u"/status"_s));
    m_data.orders.removeAt(index);
    m_data.portingNumbers.removeIf(
        [&](const QJsonObject& n) { return n.value(u"porting_order_id"_s).toString() == id; });
    m_data.extensions.removeIf(
        [&](const QJsonObject& e) { return e.value(u"porting_order_id"_s).toString() == id; });
    EmulatorResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

EmulatorResponse TelnyxService::confirmOrder(const QString& id) {
    qsizetype index = -1;
    if (auto error = findOrder(id, &index))
        return *error;
    QJsonObject order = m_data.orders.at(index);
    const PortingOrderStatus status = TelnyxRecords::status(order);
    if (status != PortingOrderStatus::Draft && status != PortingOrderStatus::Exception)
        return TelnyxErrors::response(
            422, TelnyxErrors::badRequest(
                     tr("Only porting orders in status draft or exception can be confirmed; this one is %1.")
                         .arg(statusText(status)),
                     u"/status"_s));
    // UNCONFIRMED which fields Telnyx insists on before it accepts an order; we require the end user's
    // name, the authorised person, the service address and the fake DE documents (LOA + invoice).
    QList<TelnyxError> errors;
    for (const QString& path : {u"end_user.admin.entity_name"_s, u"end_user.admin.auth_person_name"_s,
                                u"end_user.location.street_address"_s, u"end_user.location.locality"_s,
                                u"end_user.location.postal_code"_s, u"end_user.location.country_code"_s}) {
        const QJsonValue v = at(order, path);
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            const QString pointer = u'/' + QString(path).replace(u'.', u'/');
            errors.append(TelnyxErrors::missing(
                pointer, tr("%1 must be filled in before the porting order can be confirmed.").arg(pointer)));
        }
    }
    if (!TelnyxRecords::requirementsMet(order))
        errors.append(TelnyxErrors::missing(
            u"/documents"_s,
            tr("The LOA and the latest invoice (/documents/loa, /documents/invoice) must be given before the "
               "porting order can be confirmed.")));
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);

    if (status == PortingOrderStatus::Draft) {
        markStatusChange(order, PortingOrderStatus::InProcess);
        QRandomGenerator keys(static_cast<quint32>(qHash(id)));
        order.insert(u"support_key"_s,
                     QStringLiteral("sr_%1").arg(keys.generate() & 0xffffffu, 6, 16, QLatin1Char('0')));
        order.insert(u"parent_support_key"_s,
                     QStringLiteral("pr_%1").arg(keys.generate() & 0xffffffu, 6, 16, QLatin1Char('0')));
    } else {
        // Docs: once the exception is resolved the order returns to "submitted".
        markStatusChange(order, PortingOrderStatus::Submitted);
    }
    touch(order);
    m_data.orders[index] = order;
    return jsonResponse(200, orderEnvelope(order));
}

EmulatorResponse TelnyxService::cancelOrder(const QString& id) {
    qsizetype index = -1;
    if (auto error = findOrder(id, &index))
        return *error;
    QJsonObject order = m_data.orders.at(index);
    const PortingOrderStatus status = TelnyxRecords::status(order);
    using S = PortingOrderStatus;
    if (status == S::Draft)
        // UNCONFIRMED: drafts are never submitted, so Telnyx has nothing to cancel; delete them instead.
        return TelnyxErrors::response(
            422,
            TelnyxErrors::badRequest(
                tr("A porting order in status draft cannot be cancelled; delete it instead."), u"/status"_s));
    if (status == S::Ported || status == S::Cancelled || status == S::CancelPending)
        return TelnyxErrors::response(
            422, TelnyxErrors::badRequest(
                     tr("A porting order in status %1 cannot be cancelled.").arg(statusText(status)),
                     u"/status"_s));
    const QJsonObject activation = order.value(u"activation_settings"_s).toObject();
    QDateTime foc =
        QDateTime::fromString(activation.value(u"foc_datetime_actual"_s).toString(), Qt::ISODateWithMs);
    if (!foc.isValid())
        foc = QDateTime::fromString(activation.value(u"foc_datetime_requested"_s).toString(),
                                    Qt::ISODateWithMs);
    if (status == S::FocDateConfirmed && foc.isValid() &&
        foc.toMSecsSinceEpoch() - m_clock.nowMs() < kCancelBlockedBeforeFocMs)
        return TelnyxErrors::response(
            422, TelnyxErrors::badRequest(
                     tr("The porting order cannot be cancelled within 48 hours of its FOC date "
                        "%1; please contact Telnyx support.")
                         .arg(TelnyxRecords::timestamp(foc)),
                     u"/activation_settings/foc_datetime_actual"_s));
    markStatusChange(order, S::CancelPending);
    touch(order);
    m_data.orders[index] = order;
    return jsonResponse(200, orderEnvelope(order));
}

EmulatorResponse TelnyxService::listPortingNumbers(const EmulatorRequest& request) {
    const Query query(request.query);
    Paging paging;
    if (auto error = parsePaging(query, &paging))
        return *error;
    const QStringList orderIds = query.filterValues(u"porting_order_id"_s, true);
    for (const QString& id : orderIds)
        if (!isUuid(id))
            return TelnyxErrors::response(
                400, TelnyxErrors::badParameter(
                         query.rawKey(u"filter.porting_order_id"_s),
                         tr("filter[porting_order_id] must be a UUID, got \"%1\".").arg(id)));
    const QStringList phoneNumbers = query.filterValues(u"phone_number"_s, true);
    const QStringList supportKeys = query.filterValues(u"support_key"_s, true);
    const QStringList orderStatuses = query.filterValues(u"porting_order_status"_s, true);
    const QStringList activation = query.filterValues(u"activation_status"_s);
    const QStringList portability = query.filterValues(u"portability_status"_s, true);

    QList<QJsonObject> matched;
    for (const QJsonObject& raw : m_data.portingNumbers) {
        const QJsonObject n = portingNumberForOutput(raw);
        auto passes = [&](const QStringList& wanted, const QString& field) {
            return wanted.isEmpty() || wanted.contains(n.value(field).toString());
        };
        if (passes(orderIds, u"porting_order_id"_s) && passes(phoneNumbers, u"phone_number"_s) &&
            passes(supportKeys, u"support_key"_s) && passes(orderStatuses, u"porting_order_status"_s) &&
            passes(activation, u"activation_status"_s) && passes(portability, u"portability_status"_s))
            matched.append(n);
    }
    if (request.header("accept").contains("text/csv")) {
        QByteArray csv = "phone_number,phone_number_type,porting_order_id,support_key,porting_order_status\n";
        for (const QJsonObject& n : matched) {
            csv += n.value(u"phone_number"_s).toString().toUtf8() + ',' +
                   n.value(u"phone_number_type"_s).toString().toUtf8() + ',' +
                   n.value(u"porting_order_id"_s).toString().toUtf8() + ',' +
                   n.value(u"support_key"_s).toString().toUtf8() + ',' +
                   n.value(u"porting_order_status"_s).toString().toUtf8() + '\n';
        }
        EmulatorResponse r;
        r.contentType = "text/csv";
        r.body = csv;
        return r;
    }
    return pageResponse(matched, paging);
}

EmulatorResponse TelnyxService::listExtensions(const EmulatorRequest& request, const QString& orderId) {
    qsizetype index = -1;
    if (auto error = findOrder(orderId, &index))
        return *error;
    const Query query(request.query);
    Paging paging;
    if (auto error = parsePaging(query, &paging))
        return *error;
    const QStringList numberIds = query.filterValues(u"porting_phone_number_id"_s, true);
    const QString sort = query.sortValues().value(0, u"-created_at"_s);
    if (sort != u"created_at" && sort != u"-created_at")
        return TelnyxErrors::response(
            400, TelnyxErrors::badParameter(
                     u"sort"_s, tr("sort must be created_at or -created_at, got \"%1\".").arg(sort)));
    QList<QJsonObject> matched;
    for (const QJsonObject& e : m_data.extensions) {
        if (e.value(u"porting_order_id"_s).toString() != orderId)
            continue;
        if (!numberIds.isEmpty() && !numberIds.contains(e.value(u"porting_phone_number_id"_s).toString()))
            continue;
        QJsonObject out = e;
        out.remove(u"porting_order_id"_s);
        matched.append(out);
    }
    const bool descending = sort.startsWith(u'-');
    std::stable_sort(matched.begin(), matched.end(), [&](const QJsonObject& a, const QJsonObject& b) {
        const QString va = a.value(u"created_at"_s).toString();
        const QString vb = b.value(u"created_at"_s).toString();
        return descending ? va > vb : va < vb;
    });
    return pageResponse(matched, paging);
}

EmulatorResponse TelnyxService::createExtension(const EmulatorRequest& request, const QString& orderId) {
    qsizetype index = -1;
    if (auto error = findOrder(orderId, &index))
        return *error;
    QJsonObject body;
    if (auto error = parseObject(request.body, &body))
        return *error;
    const QJsonObject& order = m_data.orders.at(index);

    // Structure first: required members, JSON types, integers (createPortingPhoneNumberExtension).
    QList<TelnyxError> errors;
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != u"porting_phone_number_id" && it.key() != u"extension_range" &&
            it.key() != u"activation_ranges")
            errors.append(TelnyxErrors::badRequest(tr("Unknown field /%1.").arg(it.key()), u'/' + it.key()));

    auto readRange = [&](const QJsonValue& value, const QString& pointer, core::NumberRange* out) {
        if (!value.isObject()) {
            errors.append(TelnyxErrors::badRequest(
                tr("%1 must be an object {start_at, end_at}, got %2.").arg(pointer, typeName(value)),
                pointer));
            return false;
        }
        const QJsonObject object = value.toObject();
        bool ok = true;
        for (auto it = object.begin(); it != object.end(); ++it)
            if (it.key() != u"start_at" && it.key() != u"end_at") {
                errors.append(TelnyxErrors::badRequest(tr("Unknown field %1/%2.").arg(pointer, it.key()),
                                                       pointer + u'/' + it.key()));
                ok = false;
            }
        for (const QString& key : {u"start_at"_s, u"end_at"_s}) {
            const QString child = pointer + u'/' + key;
            const QJsonValue v = object.value(key);
            if (v.isUndefined() || v.isNull()) {
                errors.append(TelnyxErrors::missing(child, tr("%1 is required.").arg(child)));
                ok = false;
            } else if (const std::optional<int> n = jsonInt(v)) {
                (key == u"start_at" ? out->startAt : out->endAt) = *n;
            } else {
                errors.append(TelnyxErrors::badRequest(
                    tr("%1 must be an integer, got %2.")
                        .arg(child, v.isString() ? u"\"%1\""_s.arg(v.toString()) : typeName(v)),
                    child));
                ok = false;
            }
        }
        return ok;
    };

    QString routeNumber;
    QString portingNumberId;
    const QJsonValue idValue = body.value(u"porting_phone_number_id"_s);
    if (idValue.isUndefined() || idValue.isNull()) {
        errors.append(TelnyxErrors::missing(u"/porting_phone_number_id"_s,
                                            tr("/porting_phone_number_id is required.")));
    } else if (!idValue.isString()) {
        errors.append(TelnyxErrors::badRequest(
            tr("/porting_phone_number_id must be a string (UUID), got %1.").arg(typeName(idValue)),
            u"/porting_phone_number_id"_s));
    } else if (!isUuid(idValue.toString())) {
        errors.append(TelnyxErrors::invalidId(
            tr("/porting_phone_number_id must be a UUID, got \"%1\".").arg(idValue.toString()),
            u"/porting_phone_number_id"_s));
    } else {
        portingNumberId = idValue.toString();
        for (const QJsonObject& n : m_data.portingNumbers)
            if (n.value(u"id"_s).toString() == portingNumberId &&
                n.value(u"porting_order_id"_s).toString() == orderId)
                routeNumber = n.value(u"phone_number"_s).toString();
        if (routeNumber.isEmpty())
            errors.append(TelnyxErrors::notFound(
                tr("Porting phone number %1 is not on porting order %2.").arg(portingNumberId, orderId),
                u"/porting_phone_number_id"_s));
    }

    core::NumberRange extensionRange;
    const QJsonValue rangeValue = body.value(u"extension_range"_s);
    if (rangeValue.isUndefined() || rangeValue.isNull())
        errors.append(TelnyxErrors::missing(u"/extension_range"_s, tr("/extension_range is required.")));
    else
        readRange(rangeValue, u"/extension_range"_s, &extensionRange);

    QList<core::NumberRange> activationRanges;
    const QJsonValue activationValue = body.value(u"activation_ranges"_s);
    if (activationValue.isUndefined() || activationValue.isNull()) {
        errors.append(TelnyxErrors::missing(u"/activation_ranges"_s, tr("/activation_ranges is required.")));
    } else if (!activationValue.isArray()) {
        errors.append(
            TelnyxErrors::badRequest(tr("/activation_ranges must be an array of {start_at, end_at}, got %1.")
                                         .arg(typeName(activationValue)),
                                     u"/activation_ranges"_s));
    } else {
        const QJsonArray items = activationValue.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            core::NumberRange r;
            if (readRange(items.at(i), u"/activation_ranges/"_s + QString::number(i), &r))
                activationRanges.append(r);
        }
    }
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);

    // Then the porting rules of seed 002, shared with the app through core.
    const core::PortingOrderStatus status = TelnyxRecords::status(order);
    for (const core::RuleViolation& v :
         core::validateExtensionRanges(routeNumber, status, extensionRange, activationRanges))
        errors.append(TelnyxErrors::badRequest(v.message, v.field));
    // Two blocks of the same route number must not share extensions (UNCONFIRMED; the same extended
    // number cannot port twice).
    if (errors.isEmpty()) {
        for (const QJsonObject& e : m_data.extensions) {
            if (e.value(u"porting_phone_number_id"_s).toString() != portingNumberId)
                continue;
            const QJsonObject other = e.value(u"extension_range"_s).toObject();
            const core::NumberRange existing{other.value(u"start_at"_s).toInt(),
                                             other.value(u"end_at"_s).toInt()};
            if (existing.overlaps(extensionRange))
                errors.append(TelnyxErrors::duplicate(
                    tr("Extension range %1 overlaps extension range %2 already attached to %3 (extension "
                       "%4).")
                        .arg(rangeText(TelnyxRecords::rangeJson(extensionRange)), rangeText(other),
                             routeNumber, e.value(u"id"_s).toString()),
                    u"/extension_range"_s));
        }
    }
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);

    QJsonObject extension = TelnyxRecords::newExtension(newId(), orderId, portingNumberId, extensionRange,
                                                        activationRanges, m_clock.now());
    m_data.extensions.append(extension);
    QJsonObject order2 = m_data.orders.at(index);
    touch(order2);
    m_data.orders[index] = order2;
    extension.remove(u"porting_order_id"_s);
    return jsonResponse(201, QJsonObject{{u"data"_s, extension}});
}

EmulatorResponse TelnyxService::deleteExtension(const QString& orderId, const QString& extensionId) {
    qsizetype index = -1;
    if (auto error = findOrder(orderId, &index))
        return *error;
    qsizetype found = -1;
    for (qsizetype i = 0; i < m_data.extensions.size(); ++i)
        if (m_data.extensions.at(i).value(u"id"_s).toString() == extensionId &&
            m_data.extensions.at(i).value(u"porting_order_id"_s).toString() == orderId)
            found = i;
    if (found < 0)
        return TelnyxErrors::response(
            404, TelnyxErrors::notFound(tr("Phone number extension %1 was not found on porting order %2.")
                                            .arg(extensionId, orderId)));
    const PortingOrderStatus status = TelnyxRecords::status(m_data.orders.at(index));
    if (!core::canEditExtensions(status))
        return TelnyxErrors::response(
            422,
            TelnyxErrors::badRequest(tr("Extensions can only be deleted while the porting order is in draft, "
                                        "in-process or exception; this one is %1.")
                                         .arg(statusText(status)),
                                     u"/status"_s));
    QJsonObject extension = m_data.extensions.takeAt(found);
    extension.remove(u"porting_order_id"_s);
    // Telnyx answers 200 with the deleted record, not 204 (telnyx-porting.md §4.4).
    return jsonResponse(200, QJsonObject{{u"data"_s, extension}});
}

} // namespace trunkline::emulator::telnyx
