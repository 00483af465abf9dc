#include "emulator/telnyx/TelnyxService.h"

#include "emulator/EmulatorOptions.h"
#include "emulator/telnyx/TelnyxApi.h"
#include "emulator/telnyx/TelnyxDemoData.h"

#include <QJsonArray>
#include <QMutexLocker>
#include <QStringTokenizer>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

TelnyxService::TelnyxService(quint32 seed, const EmulatorOptions& options)
    : m_state(seed, options.timeScale)
    , m_rateLimits(options.rateLimits) {
    QRandomGenerator keys(seed ^ 0x4b455931u);
    m_apiKey = u"KEY"_s;
    for (int i = 0; i < 4; ++i)
        m_apiKey += QStringLiteral("%1").arg(keys.generate(), 8, 16, QLatin1Char('0')).toUpper();
    m_apiKey += u"_"_s;
    for (int i = 0; i < 3; ++i)
        m_apiKey += QStringLiteral("%1").arg(keys.generate(), 8, 16, QLatin1Char('0'));
    m_state.userId = TelnyxRecords::uuid(keys);
    m_state.data = TelnyxDemoData::make(seed, options, m_state.userId);
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
    return QJsonObject{{u"porting_orders"_s, array(m_state.data.orders)},
                       {u"porting_phone_numbers"_s, array(m_state.data.portingNumbers)},
                       {u"phone_number_extensions"_s, array(m_state.data.extensions)},
                       {u"documents"_s, array(m_state.data.documents)},
                       {u"available_phone_numbers"_s, array(m_state.data.available)},
                       {u"phone_numbers"_s, array(m_state.data.phoneNumbers)},
                       {u"number_orders"_s, array(m_state.data.numberOrders)}};
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
    m_state.data.orders = list(state.value(u"porting_orders"_s));
    m_state.data.portingNumbers = list(state.value(u"porting_phone_numbers"_s));
    m_state.data.extensions = list(state.value(u"phone_number_extensions"_s));
    m_state.data.documents = list(state.value(u"documents"_s));
    // Snapshots from before numbers could be bought keep the seeded pool.
    if (state.contains(u"available_phone_numbers"_s)) {
        m_state.data.available = list(state.value(u"available_phone_numbers"_s));
        m_state.data.phoneNumbers = list(state.value(u"phone_numbers"_s));
        m_state.data.numberOrders = list(state.value(u"number_orders"_s));
    }
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
    // Bearer auth (docs/api/telnyx-porting.md §1). The scheme name is case-insensitive as in RFC 7235.
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
    // x-ratelimit-* on every answer, 429 with Telnyx's body past the limit (docs/api/telnyx-porting.md §1).
    const qint64 now = m_state.clock.nowMs();
    const qint64 windowMs = 60 * 1000;
    if (now - m_windowStartMs >= windowMs) {
        m_windowStartMs = now - (now % windowMs);
        m_windowCount = 0;
    }
    const qint64 resetSeconds =
        m_state.clock.realSecondsCeil((m_windowStartMs + windowMs - now + 999) / 1000);
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
    m_state.advanceLifecycle();
    return withLimitHeaders(dispatch(request, segments));
}

namespace {

// A resource handler as the route table calls it: with the request when it reads one, and with the ids the
// path's "*" segments stand for, in path order.
template <auto handler>
EmulatorResponse runRoute(TelnyxState& state, const EmulatorRequest& request, const QStringList& ids) {
    using Handler = decltype(handler);
    if constexpr (std::is_invocable_v<Handler, TelnyxState&, const EmulatorRequest&>)
        return handler(state, request);
    else if constexpr (std::is_invocable_v<Handler, TelnyxState&, const EmulatorRequest&, const QString&>)
        return handler(state, request, ids.at(0));
    else if constexpr (std::is_invocable_v<Handler, TelnyxState&, const QString&>)
        return handler(state, ids.at(0));
    else
        return handler(state, ids.at(0), ids.at(1));
}

// One operation of the API: its path below /v2 ("*" stands for an id), its method and its handler.
struct Route {
    QStringView path;
    QByteArrayView method;
    EmulatorResponse (*run)(TelnyxState&, const EmulatorRequest&, const QStringList& ids);
};

const Route kRoutes[] = {
    {u"porting_orders", "GET", &runRoute<&TelnyxPortingOrdersApi::list>},
    {u"porting_orders", "POST", &runRoute<&TelnyxPortingOrdersApi::create>},
    {u"porting_orders/*", "GET", &runRoute<&TelnyxPortingOrdersApi::get>},
    {u"porting_orders/*", "PATCH", &runRoute<&TelnyxPortingOrdersApi::patch>},
    {u"porting_orders/*", "DELETE", &runRoute<&TelnyxPortingOrdersApi::remove>},
    {u"porting_orders/*/actions/confirm", "POST", &runRoute<&TelnyxPortingOrdersApi::confirm>},
    {u"porting_orders/*/actions/cancel", "POST", &runRoute<&TelnyxPortingOrdersApi::cancel>},
    {u"porting_orders/*/loa_template", "GET", &runRoute<&TelnyxPortingOrdersApi::loaTemplate>},
    {u"porting_orders/*/phone_number_extensions", "GET", &runRoute<&TelnyxNumberExtensionsApi::list>},
    {u"porting_orders/*/phone_number_extensions", "POST", &runRoute<&TelnyxNumberExtensionsApi::create>},
    {u"porting_orders/*/phone_number_extensions/*", "DELETE", &runRoute<&TelnyxNumberExtensionsApi::remove>},
    {u"documents", "POST", &runRoute<&TelnyxDocumentsApi::create>},
    {u"documents/*", "GET", &runRoute<&TelnyxDocumentsApi::get>},
    {u"available_phone_numbers", "GET", &runRoute<&TelnyxAvailableNumbersApi::list>},
    {u"number_orders", "GET", &runRoute<&TelnyxNumberOrdersApi::list>},
    {u"number_orders", "POST", &runRoute<&TelnyxNumberOrdersApi::create>},
    {u"number_orders/*", "GET", &runRoute<&TelnyxNumberOrdersApi::get>},
    {u"phone_numbers", "GET", &runRoute<&TelnyxPhoneNumbersApi::list>},
    {u"porting_phone_numbers", "GET", &runRoute<&TelnyxPortingNumbersApi::list>},
};

// Whether the path's segments are those of the route's path; *ids gets the segments its "*" stand for.
bool matches(QStringView routePath, const QStringList& segments, QStringList* ids) {
    ids->clear();
    qsizetype i = 0;
    for (QStringView part : QStringTokenizer{routePath, u'/'}) {
        if (i == segments.size())
            return false;
        if (part == u"*")
            ids->append(segments.at(i));
        else if (part != segments.at(i))
            return false;
        ++i;
    }
    return i == segments.size();
}

} // namespace

EmulatorResponse TelnyxService::dispatch(const EmulatorRequest& request, const QStringList& segments) {
    const QByteArray& m = request.method;
    bool pathServed = false; // by another method
    QStringList ids;
    for (const Route& route : kRoutes) {
        if (!matches(route.path, segments, &ids))
            continue;
        if (m == route.method)
            return route.run(m_state, request, ids);
        pathServed = true;
    }
    if (pathServed)
        return TelnyxErrors::response(
            405, TelnyxErrors::badRequest(
                     tr("Method %1 is not allowed on %2.").arg(QString::fromLatin1(m), request.path)));
    return TelnyxErrors::response(
        404, TelnyxErrors::notFound(
                 tr("The emulator has no Telnyx endpoint %1 %2.").arg(QString::fromLatin1(m), request.path)));
}

} // namespace trunkline::emulator::telnyx
