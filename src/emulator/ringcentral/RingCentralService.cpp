// Builds JSON from concatenated strings; QStringBuilder's lazy results do not convert to QJsonValue.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/ringcentral/RingCentralService.h"

#include "emulator/ringcentral/RcApi.h"
#include "emulator/ringcentral/RcAppPermissions.h"
#include "emulator/ringcentral/RcErrors.h"

#include <QMutexLocker>
#include <functional>
#include <type_traits>

namespace trunkline::emulator::ringcentral {

using namespace Qt::StringLiterals;

RingCentralService::RingCentralService(quint32 seed, const EmulatorOptions& options)
    : m_options(options)
    , m_seed(seed)
    , m_clock(options.timeScale)
    , m_tokens(&m_clock, seed)
    , m_rateLimiter(&m_clock, options.rateLimits)
    , m_oauth(seed, &m_clock, &m_tokens, &m_rateLimiter, &m_account.directory) {
    m_account.directory = RcDirectory::generate(seed, options.numbers, options.extensions, m_clock.nowMs());
    m_account.clock = &m_clock;
    m_account.tokens = &m_tokens;
}

RingCentralService::~RingCentralService() = default;

qint64 RingCentralService::accountId() const {
    QMutexLocker lock(&m_mutex);
    return m_account.directory.accountId;
}

qint64 RingCentralService::adminExtensionId() const {
    QMutexLocker lock(&m_mutex);
    return m_account.directory.accountId; // the system extension: same id as the account, administrator
}

qint64 RingCentralService::userExtensionId() const {
    QMutexLocker lock(&m_mutex);
    for (const auto& e : m_account.directory.extensions)
        if (!e.admin && e.type == u"User")
            return e.id;
    return m_account.directory.accountId;
}

QString RingCentralService::jwtFor(qint64 extensionId) const {
    return m_oauth.jwtFor(extensionId);
}

QString RingCentralService::credentialLine() const {
    return u"ringcentral-admin client_id=%1 client_secret=%2 jwt=%3\nringcentral-user client_id=%1 client_secret=%2 jwt=%4\nringcentral-readonly client_id=%5 client_secret=%6 jwt=%3"_s
        .arg(m_oauth.clientId(), m_oauth.clientSecret(), jwtFor(adminExtensionId()),
             jwtFor(userExtensionId()), m_oauth.readOnlyApp().clientId, m_oauth.readOnlyApp().clientSecret);
}

QJsonObject RingCentralService::snapshot() const {
    QMutexLocker lock(&m_mutex);
    // Sessions are not saved: after a restart clients log in again with their JWT.
    return m_account.directory.toJson();
}

void RingCentralService::restore(const QJsonObject& state) {
    QMutexLocker lock(&m_mutex);
    m_account.directory = RcDirectory::fromJson(state);
    m_account.records.clear();
}

EmulatorResponse RingCentralService::faultResponse(int status, int retryAfterSeconds) const {
    EmulatorResponse response;
    if (status == 429) {
        response = rateExceeded(
            {{QByteArrayLiteral("Retry-After"), QByteArray::number(qMax(1, retryAfterSeconds))}});
    } else if (status == 503) {
        response = RcErrors::api(503, u"CMN-201"_s, tr("Service Temporarily Unavailable"));
    } else {
        response = RcErrors::api(status, u"CMN-203"_s, tr("Internal Server Error"));
    }
    return response;
}

EmulatorResponse RingCentralService::handle(const EmulatorRequest& request) {
    QMutexLocker lock(&m_mutex);
    if (request.method != "GET") {
        // Any change may touch what a cached record shows (names, numbers, owners).
        m_account.records.clear();
    }
    QStringList segments = request.path.mid(prefix().size()).split(u'/', Qt::SkipEmptyParts);
    if (!segments.isEmpty() && segments.first() == u"oauth")
        return m_oauth.handle(request, segments);
    return handleApi(request, segments);
}

// --- API: authentication, rate limiting, routing -------------------------------------------------------

EmulatorResponse RingCentralService::handleApi(const EmulatorRequest& request, const QStringList& segments) {
    QString token;
    const QByteArray authorization = request.header("authorization");
    if (authorization.toLower().startsWith("bearer "))
        token = QString::fromLatin1(authorization.mid(7).trimmed());
    else if (authorization.isEmpty())
        token =
            request.query.queryItemValue(u"access_token"_s, QUrl::FullyDecoded); // discouraged, but allowed
    if (token.isEmpty()) {
        // Third-party observation (UNCONFIRMED by official docs): the gateway answers with AGW-401.
        return RcErrors::unauthorized(u"AGW-401"_s, u"AGW-401"_s,
                                      tr("Authorization header is not specified"));
    }
    RcTokenState state = RcTokenState::Unknown;
    const RcSession* session = m_tokens.sessionForAccessToken(token, &state);
    if (!session) {
        if (state == RcTokenState::Expired)
            return RcErrors::unauthorized(u"TokenExpired"_s, u"OAU-128"_s, tr("Access token expired"));
        return RcErrors::unauthorized(u"TokenInvalid"_s, u"OAU-149"_s, tr("Invalid token"));
    }
    RcExtension* caller = m_account.directory.extension(session->extensionId);
    if (!caller)
        return RcErrors::unauthorized(u"TokenInvalid"_s, u"OAU-149"_s, tr("Invalid token"));

    QString host = QString::fromLatin1(request.header("host"));
    if (host.isEmpty())
        host = u"127.0.0.1"_s;
    RcCall call{request, m_account, u"http://"_s + host, caller, caller->admin};

    RcGroup group = RcGroup::Light;
    route(call, segments, &group, true);
    const RcRateDecision rate =
        m_rateLimiter.check(m_oauth.clientId() + u'|' + QString::number(caller->id), group);
    if (!rate.allowed)
        return rateExceeded(rate.headers);
    // The app's permissions come before the user's: an app without the scope is refused whoever signs in.
    const QString needed = RcAppPermissions::required(request.method, segments);
    if (!RcAppPermissions::grants(session->scopes, needed)) {
        EmulatorResponse refused = RcErrors::needsAppPermission(needed);
        refused.headers += rate.headers;
        return refused;
    }
    EmulatorResponse response = route(call, segments, &group, false);
    response.headers += rate.headers;
    return response;
}

namespace {

// A resource handler as the route table of one extension calls it: those of one record also take its {id}.
template <auto handler>
EmulatorResponse runOnExtension(RcCall& call, RcExtension& extension, const QString& id) {
    if constexpr (std::is_invocable_v<decltype(handler), RcCall&, RcExtension&, const QString&>)
        return handler(call, extension, id);
    else
        return handler(call, extension);
}

} // namespace

// With dryRun only *group is set (the usage group of the matched endpoint, Light if none matches).
EmulatorResponse RingCentralService::route(RcCall& call, const QStringList& s, RcGroup* group, bool dryRun) {
    const QByteArray& m = call.request.method;
    const auto n = s.size();
    auto notFound = [&] {
        return dryRun ? EmulatorResponse{} : RcErrors::uriNotFound(call.request.path);
    };
    // Usage groups per endpoint: docs/api/ringcentral.md §7.3.
    auto pick = [&](RcGroup g, const std::function<EmulatorResponse()>& run) {
        *group = g;
        return dryRun ? EmulatorResponse{} : run();
    };
    auto accountOk = [&]() -> std::optional<EmulatorResponse> {
        if (s[2] == u"~" || s[2] == QString::number(m_account.directory.accountId))
            return std::nullopt;
        return RcErrors::notFound(u"accountId"_s, s[2]);
    };
    // A resource of the account {accountId} names, which must be ~ or this account.
    auto onAccount = [&](RcGroup g, const std::function<EmulatorResponse()>& run) {
        return pick(g, [&] {
            if (auto error = accountOk())
                return *error;
            return run();
        });
    };
    // The time zones an extension can be set to; PUT .../extension/{id} names one by its id.
    // UNCONFIRMED: path and usage group (Light) as for RingCentral's other dictionary lists.
    if (n == 3 && s[0] == u"v1.0" && s[1] == u"dictionary" && s[2] == u"timezone" && m == "GET")
        return pick(RcGroup::Light, [&] { return RcTimeZonesApi::list(call); });
    // Preset greetings (UNCONFIRMED path and group, as for the time zones; RcGreetingsApi).
    if (n == 3 && s[0] == u"v1.0" && s[1] == u"dictionary" && s[2] == u"greeting" && m == "GET")
        return pick(RcGroup::Light, [&] { return RcGreetingsApi::listPresets(call); });
    // v2 number management: assigning a number (docs/api/ringcentral.md §4.5; Medium).
    if (n == 5 && s[0] == u"v2" && s[1] == u"accounts" && s[3] == u"phone-numbers" && m == "PATCH")
        return onAccount(RcGroup::Medium, [&] { return RcPhoneNumbersApi::assign(call, s[4]); });
    if (n < 3 || s[0] != u"v1.0" || s[1] != u"account")
        return notFound();

    // Resolves {extensionId}; forOthers = the operation is allowed on other extensions for non-admins.
    auto withExtension = [&](bool forOthers, const std::function<EmulatorResponse(RcExtension&)>& run) {
        if (auto error = accountOk())
            return *error;
        RcExtension* extension = nullptr;
        if (s[4] == u"~") {
            extension = call.caller;
        } else {
            bool ok = false;
            const qint64 id = s[4].toLongLong(&ok);
            if (!ok)
                return RcErrors::invalidParameter(u"extensionId"_s, tr("Expected a numeric id or ~."), s[4]);
            extension = m_account.directory.extension(id);
        }
        if (!extension)
            return RcErrors::notFound(u"extensionId"_s, s[4]);
        if (!call.admin && extension->id != call.caller->id && !forOthers)
            return RcErrors::otherExtension();
        return run(*extension);
    };

    if (n == 3 && m == "GET")
        return onAccount(RcGroup::Light, [&] { return RcAccountApi::get(call); });
    if (n == 4 && s[3] == u"service-info" && m == "GET")
        return onAccount(RcGroup::Light, [&] { return RcAccountApi::serviceInfo(call); });
    if (n == 4 && s[3] == u"business-address" && m == "GET")
        return onAccount(RcGroup::Light, [&] { return RcAccountApi::businessAddress(call); });
    if (s[3] == u"phone-number") {
        if (n == 4 && m == "GET")
            return onAccount(RcGroup::Heavy, [&] { return RcPhoneNumbersApi::listAccountNumbers(call); });
        if (n == 5 && m == "GET")
            return onAccount(RcGroup::Light, [&] { return RcPhoneNumbersApi::getAccountNumber(call, s[4]); });
        return notFound();
    }
    if (s[3] != u"extension")
        return notFound();
    if (n == 4) {
        if (m == "GET")
            return onAccount(RcGroup::Medium, [&] { return RcExtensionsApi::list(call); });
        if (m == "POST")
            return onAccount(RcGroup::Medium, [&] {
                if (!call.admin)
                    return RcErrors::needsPermission(u"AddRemoveUsers"_s);
                return RcExtensionsApi::create(call);
            });
        return notFound();
    }
    if (n == 5) {
        if (m == "GET")
            return pick(RcGroup::Light, [&] {
                return withExtension(false, [&](RcExtension& e) { return RcExtensionsApi::get(call, e); });
            });
        if (m == "PUT")
            return pick(RcGroup::Medium, [&] {
                return withExtension(false, [&](RcExtension& e) { return RcExtensionsApi::update(call, e); });
            });
        if (m == "DELETE")
            return pick(RcGroup::Medium, [&] {
                if (!call.admin)
                    return RcErrors::needsPermission(u"AddRemoveUsers"_s);
                return withExtension(false, [&](RcExtension& e) { return RcExtensionsApi::remove(call, e); });
            });
        return notFound();
    }
    // The resources of one extension: path below /extension/{id}, segment count, method, usage group,
    // whether a non-admin may use it on other extensions, and the handler ({id} of a record as last).
    using ExtensionHandler = EmulatorResponse (*)(RcCall&, RcExtension&, const QString&);
    struct ExtensionRoute {
        QStringView sub;
        qsizetype segments;
        QByteArrayView method;
        RcGroup group;
        bool forOthers;
        ExtensionHandler run;
    };
    static const ExtensionRoute kExtensionRoutes[] = {
        {u"phone-number", 6, "GET", RcGroup::Light, true,
         &runOnExtension<&RcPhoneNumbersApi::listExtensionNumbers>},
        {u"device", 6, "GET", RcGroup::Light, false, &runOnExtension<&RcDevicesApi::list>},
        {u"forwarding-number", 6, "GET", RcGroup::Light, false, &runOnExtension<&RcForwardingApi::list>},
        {u"forwarding-number", 6, "POST", RcGroup::Medium, false, &runOnExtension<&RcForwardingApi::create>},
        {u"forwarding-number", 6, "DELETE", RcGroup::Medium, false,
         &runOnExtension<&RcForwardingApi::removeBulk>},
        {u"forwarding-number", 7, "GET", RcGroup::Light, false, &runOnExtension<&RcForwardingApi::get>},
        {u"forwarding-number", 7, "PUT", RcGroup::Medium, false, &runOnExtension<&RcForwardingApi::update>},
        {u"forwarding-number", 7, "DELETE", RcGroup::Medium, false,
         &runOnExtension<&RcForwardingApi::remove>},
        {u"caller-id", 6, "GET", RcGroup::Light, false, &runOnExtension<&RcCallerIdApi::get>},
        {u"caller-id", 6, "PUT", RcGroup::Medium, false, &runOnExtension<&RcCallerIdApi::put>},
        {u"notification-settings", 6, "GET", RcGroup::Light, false,
         &runOnExtension<&RcNotificationsApi::get>},
        {u"notification-settings", 6, "PUT", RcGroup::Medium, false,
         &runOnExtension<&RcNotificationsApi::put>},
        {u"business-hours", 6, "GET", RcGroup::Light, false,
         &runOnExtension<&RcCallHandlingApi::getBusinessHours>},
        {u"business-hours", 6, "PUT", RcGroup::Medium, false,
         &runOnExtension<&RcCallHandlingApi::putBusinessHours>},
        {u"answering-rule", 6, "GET", RcGroup::Medium, false,
         &runOnExtension<&RcCallHandlingApi::listAnsweringRules>},
        {u"answering-rule", 7, "GET", RcGroup::Light, false,
         &runOnExtension<&RcCallHandlingApi::getAnsweringRule>},
        {u"answering-rule", 7, "PUT", RcGroup::Medium, false,
         &runOnExtension<&RcCallHandlingApi::putAnsweringRule>},
        {u"answering-rule", 6, "POST", RcGroup::Medium, false,
         &runOnExtension<&RcCallHandlingApi::createAnsweringRule>},
        {u"answering-rule", 7, "DELETE", RcGroup::Medium, false,
         &runOnExtension<&RcCallHandlingApi::deleteAnsweringRule>},
        // UNCONFIRMED usage group (Light, as for reading one rule).
        {u"greeting", 7, "GET", RcGroup::Light, false, &runOnExtension<&RcGreetingsApi::getCustom>},
    };
    for (const ExtensionRoute& r : kExtensionRoutes) {
        if (s[5] != r.sub || n != r.segments || m != r.method)
            continue;
        const QString id = n == 7 ? s[6] : QString();
        return pick(r.group, [&] {
            return withExtension(r.forOthers, [&](RcExtension& e) { return r.run(call, e, id); });
        });
    }
    return notFound();
}

} // namespace trunkline::emulator::ringcentral
