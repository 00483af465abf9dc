// This file builds JSON from concatenated strings everywhere; QStringBuilder's lazy results do not convert
// to QJsonValue, so plain QString concatenation is used here.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/ringcentral/RingCentralService.h"

#include "core/PhoneNumber.h"
#include "emulator/ringcentral/RcErrors.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QRegularExpression>
#include <functional>

namespace trunkline::emulator::ringcentral {

using namespace Qt::StringLiterals;

namespace {

// --- enums from the SPEC (ringcentral.md §3.1, §4.1, §5.1, §6) ------------------------------------------
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
const QStringList kStatusFull = {u"Enabled"_s, u"Disabled"_s, u"Frozen"_s, u"NotActivated"_s,
                                 u"Unassigned"_s};
const QStringList kStatusUpdate = {u"Enabled"_s, u"Disabled"_s, u"Frozen"_s, u"NotActivated"_s};
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
const QStringList kForwardingTypes = {u"Home"_s,
                                      u"Mobile"_s,
                                      u"Work"_s,
                                      u"PhoneLine"_s,
                                      u"Outage"_s,
                                      u"Other"_s,
                                      u"BusinessMobilePhone"_s,
                                      u"ExtensionApps"_s};
const QStringList kCallerIdFeatures = {
    u"RingOut"_s,   u"RingMe"_s,      u"CallFlip"_s,  u"FaxNumber"_s, u"AdditionalSoftphone"_s,
    u"Alternate"_s, u"CommonPhone"_s, u"MobileApp"_s, u"Delegated"_s, u"BusinessMobile"_s};
const QStringList kDefaultCallerIdFeatures = {
    u"RingOut"_s,   u"RingMe"_s,      u"CallFlip"_s,  u"FaxNumber"_s, u"AdditionalSoftphone"_s,
    u"Alternate"_s, u"CommonPhone"_s, u"MobileApp"_s, u"Delegated"_s};
const QStringList kCallerIdTypes = {u"PhoneNumber"_s, u"Blocked"_s, u"CurrentLocation"_s};
const QStringList kCallHandlingActions = {
    u"ForwardCalls"_s,     u"UnconditionalForwarding"_s, u"AgentQueue"_s, u"TransferToExtension"_s,
    u"TakeMessagesOnly"_s, u"PlayAnnouncementOnly"_s,    u"SharedLines"_s};
// SPEC says False|NoCallerId|UnknownCallerId|Always; the developer guide's samples say "Off". Both accepted.
const QStringList kScreening = {u"Off"_s, u"False"_s, u"NoCallerId"_s, u"UnknownCallerId"_s, u"Always"_s};
const QStringList kRingingModes = {u"Sequentially"_s, u"Simultaneously"_s};
const QStringList kDays = {u"monday"_s, u"tuesday"_s,  u"wednesday"_s, u"thursday"_s,
                           u"friday"_s, u"saturday"_s, u"sunday"_s};
constexpr int kMaxForwardingNumbers = 10;
constexpr int kMaxPerPage = 1000;

// Dictionary entries. UNCONFIRMED: the real dictionary ids were not available; these are stable choices.
struct DictEntry {
    const char16_t* id;
    const char16_t* name;
    const char16_t* description; // timezone description / locale code / ISO country code
    const char16_t* extra;       // timezone bias minutes / - / calling code
};
const std::array<DictEntry, 6> kTimezones = {
    {{u"58", u"US/Eastern", u"Eastern Time (US & Canada)", u"-300"},
     {u"59", u"US/Central", u"Central Time (US & Canada)", u"-360"},
     {u"60", u"US/Mountain", u"Mountain Time (US & Canada)", u"-420"},
     {u"61", u"US/Pacific", u"Pacific Time (US & Canada)", u"-480"},
     {u"70", u"Europe/Berlin", u"Amsterdam, Berlin, Rome, Vienna", u"60"},
     {u"71", u"Europe/London", u"Dublin, Edinburgh, Lisbon, London", u"0"}}};
const std::array<DictEntry, 3> kLanguages = {{{u"1033", u"English (United States)", u"en-US", u""},
                                              {u"1031", u"German (Germany)", u"de-DE", u""},
                                              {u"2057", u"English (United Kingdom)", u"en-GB", u""}}};
const std::array<DictEntry, 3> kCountries = {{{u"1", u"United States", u"US", u"1"},
                                              {u"83", u"Germany", u"DE", u"49"},
                                              {u"224", u"United Kingdom", u"GB", u"44"}}};

template <std::size_t N>
const DictEntry* lookup(const std::array<DictEntry, N>& table, const QString& id) {
    for (const auto& entry : table)
        if (id == QStringView(entry.id))
            return &entry;
    return nullptr;
}

QString str(const char16_t* text) {
    return QString::fromUtf16(text);
}

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

EmulatorResponse jsonResponse(const QJsonObject& object, int status = 200) {
    EmulatorResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

EmulatorResponse noContent() {
    EmulatorResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

bool isValidE164(const QString& text) {
    if (!core::PhoneNumber::isE164(text))
        return false;
    const core::ParseOutcome outcome = core::PhoneNumber::parse(text, u"");
    return outcome.ok() && outcome.number->e164() == text;
}

bool isEmail(const QString& text) {
    static const QRegularExpression pattern(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    return text.size() <= 254 && pattern.match(text).hasMatch();
}

bool isHhMm(const QString& text) {
    static const QRegularExpression pattern(u"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"_s);
    return pattern.match(text).hasMatch();
}

QString jsonTypeName(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"undefined"_s;
    }
}

// Reads typed fields from a JSON body and remembers the first problem as a RingCentral 400.
class BodyReader {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService)

public:
    std::optional<EmulatorResponse> error;

    bool failed() const { return error.has_value(); }
    void fail(const QString& path, const QString& detail, const QString& value = {}) {
        if (!error)
            error = RcErrors::invalidParameter(path, detail, value);
    }
    bool typeCheck(const QJsonValue& v, QJsonValue::Type type, const QString& path, const QString& expected) {
        if (v.type() == type)
            return true;
        fail(path, tr("Expected %1, got %2.").arg(expected, jsonTypeName(v)));
        return false;
    }
    // Returns true when the key is present with the right type; *out is set then.
    bool string(const QJsonObject& o, const QString& key, const QString& path, QString* out,
                int maxLength = -1) {
        if (failed() || !o.contains(key))
            return false;
        const QJsonValue v = o.value(key);
        if (!typeCheck(v, QJsonValue::String, path, tr("a string")))
            return false;
        if (maxLength >= 0 && v.toString().size() > maxLength) {
            fail(path,
                 tr("At most %1 characters are allowed, got %2.").arg(maxLength).arg(v.toString().size()));
            return false;
        }
        *out = v.toString();
        return true;
    }
    bool boolean(const QJsonObject& o, const QString& key, const QString& path, bool* out) {
        if (failed() || !o.contains(key))
            return false;
        const QJsonValue v = o.value(key);
        if (!typeCheck(v, QJsonValue::Bool, path, tr("a boolean")))
            return false;
        *out = v.toBool();
        return true;
    }
    bool integer(const QJsonObject& o, const QString& key, const QString& path, qint64* out) {
        if (failed() || !o.contains(key))
            return false;
        const QJsonValue v = o.value(key);
        if (!typeCheck(v, QJsonValue::Double, path, tr("an integer")))
            return false;
        const double d = v.toDouble();
        if (d != static_cast<double>(static_cast<qint64>(d))) {
            fail(path, tr("Expected an integer, got %1.").arg(d));
            return false;
        }
        *out = static_cast<qint64>(d);
        return true;
    }
    bool object(const QJsonObject& o, const QString& key, const QString& path, QJsonObject* out) {
        if (failed() || !o.contains(key))
            return false;
        const QJsonValue v = o.value(key);
        if (!typeCheck(v, QJsonValue::Object, path, tr("an object")))
            return false;
        *out = v.toObject();
        return true;
    }
    bool array(const QJsonObject& o, const QString& key, const QString& path, QJsonArray* out) {
        if (failed() || !o.contains(key))
            return false;
        const QJsonValue v = o.value(key);
        if (!typeCheck(v, QJsonValue::Array, path, tr("an array")))
            return false;
        *out = v.toArray();
        return true;
    }
    bool oneOf(const QJsonObject& o, const QString& key, const QString& path, const QStringList& allowed,
               QString* out) {
        QString value;
        if (!string(o, key, path, &value))
            return false;
        if (!allowed.contains(value)) {
            fail(path, tr("\"%1\" is not one of: %2.").arg(value, allowed.join(u", "_s)), value);
            return false;
        }
        *out = value;
        return true;
    }
    bool e164(const QJsonObject& o, const QString& key, const QString& path, QString* out) {
        QString value;
        if (!string(o, key, path, &value))
            return false;
        if (!isValidE164(value)) {
            fail(path,
                 tr("\"%1\" is not a valid phone number in E.164 format (+ and country code).").arg(value),
                 value);
            return false;
        }
        *out = value;
        return true;
    }
};

std::optional<EmulatorResponse> parseJsonBody(const EmulatorRequest& request, QJsonObject* out) {
    if (request.body.trimmed().isEmpty())
        return RcErrors::invalidJson(
            RingCentralService::tr("The request body is empty; a JSON object is expected."));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return RcErrors::invalidJson(
            RingCentralService::tr("%1 at offset %2.").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return RcErrors::invalidJson(RingCentralService::tr("The top level must be a JSON object."));
    *out = doc.object();
    return std::nullopt;
}

QUrlQuery formOf(const QByteArray& body) {
    // application/x-www-form-urlencoded writes spaces as '+'; QUrlQuery does not decode that.
    QByteArray copy = body;
    copy.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(copy));
}

QString countryIdOf(const QString& e164) {
    if (e164.startsWith(u"+49"))
        return u"83"_s;
    if (e164.startsWith(u"+44"))
        return u"224"_s;
    return u"1"_s;
}

QJsonArray numberFeatures(const RcPhoneNumber& n) {
    if (n.usageType == u"DirectNumber")
        return {u"CallerId"_s, u"SmsSender"_s};
    if (n.usageType == u"MainCompanyNumber" || n.usageType == u"CompanyNumber" ||
        n.usageType == u"AdditionalCompanyNumber")
        return {u"CallerId"_s};
    return {};
}

QByteArray hmac(const QByteArray& key, const QByteArray& data) {
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

QByteArray b64url(const QByteArray& data) {
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

// One authenticated API request being served.
struct RingCentralService::Call {
    const EmulatorRequest& request;
    QString base; // "http://127.0.0.1:<port>"
    RcExtension* caller = nullptr;
    bool admin = false;
};

RingCentralService::RingCentralService(quint32 seed, const EmulatorOptions& options)
    : m_options(options)
    , m_seed(seed)
    , m_clock(options.timeScale)
    , m_tokens(&m_clock, seed)
    , m_rateLimiter(&m_clock, options.rateLimits) {
    m_directory = RcDirectory::generate(seed, options.numbers, options.extensions, m_clock.nowMs());
    const QByteArray seedBytes = QByteArray::number(seed);
    m_clientId = QString::fromLatin1(
        b64url(QCryptographicHash::hash("rc-client-id:" + seedBytes, QCryptographicHash::Sha256).left(16)));
    m_clientSecret = QString::fromLatin1(
        b64url(QCryptographicHash::hash("rc-client-secret:" + seedBytes, QCryptographicHash::Sha256)));
    m_jwtKey = QCryptographicHash::hash("rc-jwt-key:" + seedBytes, QCryptographicHash::Sha256);
}

RingCentralService::~RingCentralService() = default;

qint64 RingCentralService::accountId() const {
    QMutexLocker lock(&m_mutex);
    return m_directory.accountId;
}

qint64 RingCentralService::adminExtensionId() const {
    QMutexLocker lock(&m_mutex);
    return m_directory.accountId; // the system extension: same id as the account, administrator
}

qint64 RingCentralService::userExtensionId() const {
    QMutexLocker lock(&m_mutex);
    for (const auto& e : m_directory.extensions)
        if (!e.admin && e.type == u"User")
            return e.id;
    return m_directory.accountId;
}

QString RingCentralService::jwtFor(qint64 extensionId) const {
    // A JWT credential as the developer console makes one; signed with a seed-derived key so the same
    // seed gives the same credentials across restarts. Never expires (like a non-expiring console JWT).
    const QByteArray header = b64url(R"({"alg":"HS256","typ":"JWT"})");
    const QByteArray payload = b64url(
        QJsonDocument(
            QJsonObject{{u"sub"_s, QString::number(extensionId)},
                        {u"aud"_s, u"https://platform.ringcentral.com/restapi/oauth/token"_s},
                        {u"iss"_s, u"https://platform.ringcentral.com"_s},
                        {u"iat"_s, 1735689600},
                        {u"jti"_s, QString::fromLatin1(
                                       b64url(hmac(m_jwtKey, QByteArray::number(extensionId))).left(22))}})
            .toJson(QJsonDocument::Compact));
    const QByteArray signingInput = header + '.' + payload;
    return QString::fromLatin1(signingInput + '.' + b64url(hmac(m_jwtKey, signingInput)));
}

qint64 RingCentralService::extensionOfJwt(const QString& jwt) const {
    const QList<QByteArray> parts = jwt.toLatin1().split('.');
    if (parts.size() != 3)
        return 0;
    const QByteArray expected = b64url(hmac(m_jwtKey, parts[0] + '.' + parts[1]));
    if (expected != parts[2])
        return 0;
    const QJsonObject claims =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
    const qint64 id = claims.value(u"sub"_s).toString().toLongLong();
    return m_directory.extension(id) ? id : 0;
}

QString RingCentralService::credentialLine() const {
    return u"ringcentral-admin client_id=%1 client_secret=%2 jwt=%3\nringcentral-user client_id=%1 client_secret=%2 jwt=%4"_s
        .arg(m_clientId, m_clientSecret, jwtFor(adminExtensionId()), jwtFor(userExtensionId()));
}

QJsonObject RingCentralService::snapshot() const {
    QMutexLocker lock(&m_mutex);
    // Sessions are not saved: after a restart clients log in again with their JWT.
    return m_directory.toJson();
}

void RingCentralService::restore(const QJsonObject& state) {
    QMutexLocker lock(&m_mutex);
    m_directory = RcDirectory::fromJson(state);
    m_numberJsonCache.clear();
    m_extensionJsonCache.clear();
}

EmulatorResponse RingCentralService::faultResponse(int status, int retryAfterSeconds) const {
    EmulatorResponse response;
    if (status == 429) {
        response = RcErrors::api(429, u"CMN-301"_s, tr("Request rate exceeded"));
        response.headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(qMax(1, retryAfterSeconds))});
    } else if (status == 503) {
        response = RcErrors::api(503, u"CMN-201"_s, tr("Service Temporarily Unavailable"));
    } else {
        response = RcErrors::api(status, u"CMN-203"_s, tr("Internal Server Error"));
    }
    return response;
}

QByteArray RingCentralService::cachedRecord(std::vector<QByteArray>& cache, std::size_t index,
                                            std::size_t size, const QString& base,
                                            const std::function<QJsonObject()>& render) {
    // Records of the big lists are serialised once and reused until the next change (or another Host).
    if (base != m_cacheBase) {
        m_numberJsonCache.clear();
        m_extensionJsonCache.clear();
        m_cacheBase = base;
    }
    if (cache.size() != size)
        cache.assign(size, QByteArray());
    QByteArray& slot = cache[index];
    if (slot.isEmpty())
        slot = QJsonDocument(render()).toJson(QJsonDocument::Compact);
    return slot;
}

EmulatorResponse RingCentralService::handle(const EmulatorRequest& request) {
    QMutexLocker lock(&m_mutex);
    if (request.method != "GET") {
        // Any change may touch what a cached record shows (names, numbers, owners).
        m_numberJsonCache.clear();
        m_extensionJsonCache.clear();
    }
    QStringList segments = request.path.mid(prefix().size()).split(u'/', Qt::SkipEmptyParts);
    if (!segments.isEmpty() && segments.first() == u"oauth")
        return handleOAuth(request, segments);
    return handleApi(request, segments);
}

// --- OAuth -------------------------------------------------------------------------------------------

EmulatorResponse RingCentralService::handleOAuth(const EmulatorRequest& request,
                                                 const QStringList& segments) {
    if (segments.size() == 2 && request.method == "POST" && segments[1] == u"token")
        return tokenEndpoint(request);
    if (segments.size() == 2 && request.method == "POST" && segments[1] == u"revoke")
        return revokeEndpoint(request);
    return RcErrors::uriNotFound(request.path);
}

std::optional<EmulatorResponse> RingCentralService::checkClient(const EmulatorRequest& request) const {
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty()) {
        // Public (PKCE) apps send client_id in the body; the demo app is confidential and needs its secret.
        return RcErrors::oauth(401, u"invalid_client"_s, u"OAU-123"_s,
                               tr("Client authentication is required: send Authorization: Basic "
                                  "base64(client_id:client_secret)."));
    }
    if (!authorization.startsWith("Basic ") && !authorization.startsWith("basic "))
        return RcErrors::oauth(401, u"invalid_client"_s, u"OAU-123"_s,
                               tr("Invalid Authorization header value: the Basic scheme is required."));
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
    const auto colon = decoded.indexOf(':');
    if (colon < 0)
        return RcErrors::oauth(401, u"invalid_client"_s, u"OAU-123"_s,
                               tr("Invalid Authorization header value: expected client_id:client_secret."));
    const QString id = QString::fromUtf8(decoded.left(colon));
    const QString secret = QString::fromUtf8(decoded.mid(colon + 1));
    if (id != m_clientId || secret != m_clientSecret)
        return RcErrors::oauth(401, u"invalid_client"_s, u"OAU-146"_s, tr("Invalid client credentials."));
    return std::nullopt;
}

EmulatorResponse RingCentralService::tokenResponse(const RcSession& session) const {
    const qint64 now = m_clock.nowMs();
    const QJsonObject body{
        {u"access_token"_s, session.accessToken},
        {u"token_type"_s, u"bearer"_s},
        {u"expires_in"_s, m_clock.realSecondsCeil((session.accessExpiresMs - now) / 1000)},
        {u"refresh_token"_s, session.refreshToken},
        {u"refresh_token_expires_in"_s, m_clock.realSecondsCeil((session.refreshExpiresMs - now) / 1000)},
        {u"scope"_s, u"ReadAccounts EditAccounts EditExtensions"_s},
        {u"owner_id"_s, QString::number(session.extensionId)},
        {u"endpoint_id"_s, u"emulator-"_s + session.sessionId},
        {u"session_id"_s, session.sessionId},
    };
    return jsonResponse(body);
}

EmulatorResponse RingCentralService::tokenEndpoint(const EmulatorRequest& request) {
    const QUrlQuery form = formOf(request.body);
    const QString grantType = form.queryItemValue(u"grant_type"_s, QUrl::FullyDecoded);
    const QString assertion = form.queryItemValue(u"assertion"_s, QUrl::FullyDecoded);
    const QString refreshToken = form.queryItemValue(u"refresh_token"_s, QUrl::FullyDecoded);

    // Auth group, per user: the JWT's subject or the refresh token's session owner.
    qint64 subject = 0;
    if (!assertion.isEmpty())
        subject = extensionOfJwt(assertion);
    else if (const RcSession* s = m_tokens.sessionForRefreshToken(refreshToken))
        subject = s->extensionId;
    const RcRateDecision rate = m_rateLimiter.check(u"auth|"_s + QString::number(subject), RcGroup::Auth);
    if (!rate.allowed) {
        EmulatorResponse response = RcErrors::api(429, u"CMN-301"_s, tr("Request rate exceeded"));
        response.headers = rate.headers;
        return response;
    }
    auto finish = [&rate](EmulatorResponse response) {
        response.headers += rate.headers;
        return response;
    };

    if (!request.header("content-type").toLower().startsWith("application/x-www-form-urlencoded"))
        return finish(RcErrors::oauth(415, u"invalid_request"_s, u"CMN-104"_s,
                                      tr("Unsupported Content-Type: the token request must be "
                                         "application/x-www-form-urlencoded.")));
    if (auto error = checkClient(request))
        return finish(*error);
    for (const QString& key : {u"grant_type"_s, u"assertion"_s, u"refresh_token"_s}) {
        if (form.allQueryItemValues(key).size() > 1)
            return finish(RcErrors::oauth(400, u"invalid_request"_s, u"OAU-111"_s,
                                          tr("Duplicated request parameter [%1].").arg(key)));
    }

    // *_ttl arrive in the wire unit (real seconds, see the class comment) and are clamped to the
    // documented ranges: access 600..3600 s, refresh up to 30 days. UNCONFIRMED: whether RingCentral
    // clamps or rejects out-of-range values; clamping keeps the JS SDK's echo of expires_in working.
    auto ttl = [&](const QString& key, qint64 fallback, qint64 lo, qint64 hi, qint64* out) -> bool {
        const QString text = form.queryItemValue(key, QUrl::FullyDecoded);
        if (text.isEmpty()) {
            *out = fallback;
            return true;
        }
        bool ok = false;
        const qint64 wire = text.toLongLong(&ok);
        if (!ok || wire <= 0)
            return false;
        *out = qBound(lo, m_clock.scaledSeconds(static_cast<double>(wire)), hi);
        return true;
    };
    qint64 accessTtl = 0;
    qint64 refreshTtl = 0;
    if (!ttl(u"access_token_ttl"_s, RcTokenStore::defaultAccessTtl, 600, 3600, &accessTtl))
        return finish(RcErrors::oauth(400, u"invalid_request"_s, u"OAU-101"_s,
                                      tr("Parameter [access_token_ttl] must be a positive integer.")));
    if (!ttl(u"refresh_token_ttl"_s, RcTokenStore::defaultRefreshTtl, 3600, 2592000, &refreshTtl))
        return finish(RcErrors::oauth(400, u"invalid_request"_s, u"OAU-101"_s,
                                      tr("Parameter [refresh_token_ttl] must be a positive integer.")));

    if (grantType == u"urn:ietf:params:oauth:grant-type:jwt-bearer") {
        if (assertion.isEmpty())
            return finish(RcErrors::oauth(400, u"invalid_request"_s, u"OAU-101"_s,
                                          tr("Parameter [assertion] is required for the JWT grant.")));
        // UNCONFIRMED status: the errors table lists OAU-140 with 401, the spec's token endpoint only
        // 400; OAuth (RFC 6749) answers invalid_grant with 400.
        if (subject == 0)
            return finish(RcErrors::oauth(400, u"invalid_grant"_s, u"OAU-140"_s,
                                          tr("Invalid resource owner credentials: the JWT assertion is not "
                                             "valid for this account.")));
        return finish(tokenResponse(m_tokens.issue(subject, accessTtl, refreshTtl)));
    }
    if (grantType == u"refresh_token") {
        if (refreshToken.isEmpty())
            return finish(
                RcErrors::oauth(400, u"invalid_request"_s, u"OAU-101"_s,
                                tr("Parameter [refresh_token] is required for the refresh grant.")));
        RcSession session;
        RcTokenState state = RcTokenState::Unknown;
        if (!m_tokens.refresh(refreshToken, accessTtl, refreshTtl, &session, &state)) {
            // UNCONFIRMED code: OAU-211 "Token not found" is what real servers are reported to send for
            // a used or unknown refresh token.
            return finish(RcErrors::oauth(400, u"invalid_grant"_s, u"OAU-211"_s,
                                          state == RcTokenState::Expired
                                              ? tr("Refresh token has expired.")
                                              : tr("Token not found: the refresh token is unknown or was "
                                                   "already used (refresh tokens are single-use).")));
        }
        return finish(tokenResponse(session));
    }
    if (grantType.isEmpty())
        return finish(RcErrors::oauth(400, u"invalid_request"_s, u"OAU-101"_s,
                                      tr("Parameter [grant_type] is required.")));
    if (grantType == u"password" || grantType == u"authorization_code" || grantType == u"client_credentials")
        return finish(RcErrors::oauth(401, u"unauthorized_client"_s, u"OAU-125"_s,
                                      tr("Grant type [%1] is not allowed for this application; use the JWT "
                                         "grant.")
                                          .arg(grantType)));
    return finish(RcErrors::oauth(400, u"unsupported_grant_type"_s, u"OAU-125"_s,
                                  tr("Unsupported grant type [%1].").arg(grantType)));
}

EmulatorResponse RingCentralService::revokeEndpoint(const EmulatorRequest& request) {
    const QUrlQuery form = formOf(request.body);
    QString token = form.queryItemValue(u"token"_s, QUrl::FullyDecoded);
    if (token.isEmpty())
        token = request.query.queryItemValue(u"token"_s, QUrl::FullyDecoded);
    qint64 subject = 0;
    if (const RcSession* s = m_tokens.sessionForRefreshToken(token))
        subject = s->extensionId;
    const RcRateDecision rate = m_rateLimiter.check(u"auth|"_s + QString::number(subject), RcGroup::Auth);
    if (!rate.allowed) {
        EmulatorResponse response = RcErrors::api(429, u"CMN-301"_s, tr("Request rate exceeded"));
        response.headers = rate.headers;
        return response;
    }
    if (auto error = checkClient(request)) {
        error->headers += rate.headers;
        return *error;
    }
    if (token.isEmpty()) {
        EmulatorResponse response =
            RcErrors::oauth(400, u"invalid_request"_s, u"OAU-101"_s, tr("Parameter [token] is required."));
        response.headers += rate.headers;
        return response;
    }
    // Revoking ends the whole session; an unknown token is not an error (clients must not retry).
    m_tokens.revoke(token);
    EmulatorResponse response;
    response.status = 200;
    response.contentType.clear();
    response.headers = rate.headers;
    return response;
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
    RcExtension* caller = m_directory.extension(session->extensionId);
    if (!caller)
        return RcErrors::unauthorized(u"TokenInvalid"_s, u"OAU-149"_s, tr("Invalid token"));

    QString host = QString::fromLatin1(request.header("host"));
    if (host.isEmpty())
        host = u"127.0.0.1"_s;
    Call call{request, u"http://"_s + host, caller, caller->admin};

    RcGroup group = RcGroup::Light;
    route(call, segments, &group, true);
    const RcRateDecision rate = m_rateLimiter.check(m_clientId + u'|' + QString::number(caller->id), group);
    if (!rate.allowed) {
        EmulatorResponse response = RcErrors::api(429, u"CMN-301"_s, tr("Request rate exceeded"));
        response.headers = rate.headers;
        return response;
    }
    EmulatorResponse response = route(call, segments, &group, false);
    response.headers += rate.headers;
    return response;
}

// With dryRun only *group is set (the usage group of the matched endpoint, Light if none matches).
EmulatorResponse RingCentralService::route(Call& call, const QStringList& s, RcGroup* group, bool dryRun) {
    const QByteArray& m = call.request.method;
    const auto n = s.size();
    auto notFound = [&] {
        return RcErrors::uriNotFound(call.request.path);
    };
    // The time zones an extension can be set to; PUT .../extension/{id} names one by its id.
    // UNCONFIRMED: path and usage group (Light) as for RingCentral's other dictionary lists.
    if (n == 3 && s[0] == u"v1.0" && s[1] == u"dictionary" && s[2] == u"timezone" && m == "GET") {
        *group = RcGroup::Light;
        return dryRun ? EmulatorResponse{} : listTimezones(call);
    }
    if (n < 3 || s[0] != u"v1.0" || s[1] != u"account")
        return dryRun ? EmulatorResponse{} : notFound();

    // Usage groups per endpoint: ringcentral.md §7.3.
    auto pick = [&](RcGroup g, const std::function<EmulatorResponse()>& run) {
        *group = g;
        return dryRun ? EmulatorResponse{} : run();
    };
    auto accountOk = [&]() -> std::optional<EmulatorResponse> {
        if (s[2] == u"~" || s[2] == QString::number(m_directory.accountId))
            return std::nullopt;
        return RcErrors::notFound(u"accountId"_s, s[2]);
    };
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
            extension = m_directory.extension(id);
        }
        if (!extension)
            return RcErrors::notFound(u"extensionId"_s, s[4]);
        if (!call.admin && extension->id != call.caller->id && !forOthers)
            return RcErrors::otherExtension();
        return run(*extension);
    };

    if (n == 3 && m == "GET")
        return pick(RcGroup::Light, [&] { return accountOk().value_or(getAccount(call)); });
    if (n == 4 && s[3] == u"service-info" && m == "GET")
        return pick(RcGroup::Light, [&] { return accountOk().value_or(getServiceInfo(call)); });
    if (s[3] == u"phone-number") {
        if (n == 4 && m == "GET")
            return pick(RcGroup::Heavy, [&] {
                if (auto error = accountOk())
                    return *error;
                return listAccountNumbers(call);
            });
        if (n == 5 && m == "GET")
            return pick(RcGroup::Light, [&] {
                if (auto error = accountOk())
                    return *error;
                return getAccountNumber(call, s[4]);
            });
        return dryRun ? EmulatorResponse{} : notFound();
    }
    if (s[3] != u"extension")
        return dryRun ? EmulatorResponse{} : notFound();
    if (n == 4) {
        if (m == "GET")
            return pick(RcGroup::Medium, [&] {
                if (auto error = accountOk())
                    return *error;
                return listExtensions(call);
            });
        if (m == "POST")
            return pick(RcGroup::Medium, [&] {
                if (auto error = accountOk())
                    return *error;
                if (!call.admin)
                    return RcErrors::needsPermission(u"AddRemoveUsers"_s);
                return createExtension(call);
            });
        return dryRun ? EmulatorResponse{} : notFound();
    }
    if (n == 5) {
        if (m == "GET")
            return pick(RcGroup::Light, [&] {
                return withExtension(false, [&](RcExtension& e) { return getExtension(call, e); });
            });
        if (m == "PUT")
            return pick(RcGroup::Medium, [&] {
                return withExtension(false, [&](RcExtension& e) { return updateExtension(call, e); });
            });
        if (m == "DELETE")
            return pick(RcGroup::Medium, [&] {
                if (!call.admin)
                    return RcErrors::needsPermission(u"AddRemoveUsers"_s);
                return withExtension(false, [&](RcExtension& e) { return deleteExtension(call, e); });
            });
        return dryRun ? EmulatorResponse{} : notFound();
    }
    const QString& sub = s[5];
    if (sub == u"phone-number" && n == 6 && m == "GET")
        return pick(RcGroup::Light, [&] {
            return withExtension(true, [&](RcExtension& e) { return listExtensionNumbers(call, e); });
        });
    if (sub == u"forwarding-number") {
        if (n == 6 && m == "GET")
            return pick(RcGroup::Light, [&] {
                return withExtension(false, [&](RcExtension& e) { return listForwarding(call, e); });
            });
        if (n == 6 && m == "POST")
            return pick(RcGroup::Medium, [&] {
                return withExtension(false, [&](RcExtension& e) { return createForwarding(call, e); });
            });
        if (n == 6 && m == "DELETE")
            return pick(RcGroup::Medium, [&] {
                return withExtension(false, [&](RcExtension& e) { return deleteForwardingBulk(call, e); });
            });
        if (n == 7 && m == "GET")
            return pick(RcGroup::Light, [&] {
                return withExtension(false, [&](RcExtension& e) { return getForwarding(call, e, s[6]); });
            });
        if (n == 7 && m == "PUT")
            return pick(RcGroup::Medium, [&] {
                return withExtension(false, [&](RcExtension& e) { return updateForwarding(call, e, s[6]); });
            });
        if (n == 7 && m == "DELETE")
            return pick(RcGroup::Medium, [&] {
                return withExtension(false, [&](RcExtension& e) { return deleteForwarding(call, e, s[6]); });
            });
        return dryRun ? EmulatorResponse{} : notFound();
    }
    if (n == 6 && sub == u"caller-id") {
        if (m == "GET")
            return pick(RcGroup::Light, [&] {
                return withExtension(false, [&](RcExtension& e) { return getCallerId(call, e); });
            });
        if (m == "PUT")
            return pick(RcGroup::Medium, [&] {
                return withExtension(false, [&](RcExtension& e) { return putCallerId(call, e); });
            });
    }
    if (n == 6 && sub == u"notification-settings") {
        if (m == "GET")
            return pick(RcGroup::Light, [&] {
                return withExtension(false, [&](RcExtension& e) { return getNotifications(call, e); });
            });
        if (m == "PUT")
            return pick(RcGroup::Medium, [&] {
                return withExtension(false, [&](RcExtension& e) { return putNotifications(call, e); });
            });
    }
    if (n == 6 && sub == u"business-hours") {
        if (m == "GET")
            return pick(RcGroup::Light, [&] {
                return withExtension(false, [&](RcExtension& e) { return getBusinessHours(call, e); });
            });
        if (m == "PUT")
            return pick(RcGroup::Medium, [&] {
                return withExtension(false, [&](RcExtension& e) { return putBusinessHours(call, e); });
            });
    }
    if (sub == u"answering-rule") {
        if (n == 6 && m == "GET")
            return pick(RcGroup::Medium, [&] {
                return withExtension(false, [&](RcExtension& e) { return listAnsweringRules(call, e); });
            });
        if (n == 7 && m == "GET")
            return pick(RcGroup::Light, [&] {
                return withExtension(false, [&](RcExtension& e) { return getAnsweringRule(call, e, s[6]); });
            });
        if (n == 7 && m == "PUT")
            return pick(RcGroup::Medium, [&] {
                return withExtension(false, [&](RcExtension& e) { return putAnsweringRule(call, e, s[6]); });
            });
    }
    return dryRun ? EmulatorResponse{} : notFound();
}

// --- paging ----------------------------------------------------------------------------------------------

namespace {

struct PageRequest {
    int page = 1;
    int perPage = 100;
};

std::optional<EmulatorResponse> parsePaging(const QUrlQuery& query, PageRequest* out) {
    const QString page = query.queryItemValue(u"page"_s, QUrl::FullyDecoded);
    const QString perPage = query.queryItemValue(u"perPage"_s, QUrl::FullyDecoded);
    if (!page.isEmpty()) {
        bool ok = false;
        const int value = page.toInt(&ok);
        if (!ok || value < 1)
            return RcErrors::invalidParameter(
                u"page"_s, RingCentralService::tr("Expected an integer of 1 or more."), page);
        out->page = value;
    }
    if (perPage == u"max") {
        out->perPage = kMaxPerPage;
    } else if (!perPage.isEmpty()) {
        bool ok = false;
        const int value = perPage.toInt(&ok);
        if (!ok || value < 1)
            return RcErrors::invalidParameter(
                u"perPage"_s, RingCentralService::tr("Expected an integer of 1 or more, or \"max\"."),
                perPage);
        // Larger values are clamped to the maximum (ringcentral.md §8; 1000 assumed for every list).
        out->perPage = qMin(value, kMaxPerPage);
    }
    return std::nullopt;
}

// Builds {uri, records, paging, navigation} for items [0, total) of a list, rendering only the page. The
// records arrive already serialised (possibly from a cache) and are spliced into the body as bytes.
EmulatorResponse pagedBytes(const QString& listUri, const QUrlQuery& originalQuery, const PageRequest& page,
                            int total, const std::function<QByteArray(int)>& record) {
    QUrlQuery filters = originalQuery;
    filters.removeAllQueryItems(u"page"_s);
    filters.removeAllQueryItems(u"perPage"_s);
    filters.removeAllQueryItems(u"access_token"_s);
    auto uriFor = [&](int p) {
        QUrlQuery q = filters;
        q.addQueryItem(u"page"_s, QString::number(p));
        q.addQueryItem(u"perPage"_s, QString::number(page.perPage));
        return listUri + u'?' + q.toString(QUrl::FullyEncoded);
    };
    const int totalPages = (total + page.perPage - 1) / page.perPage;
    const qint64 start = static_cast<qint64>(page.page - 1) * page.perPage;
    QByteArray records;
    int count = 0;
    for (qint64 i = start; i < total && i < start + page.perPage; ++i, ++count) {
        if (count > 0)
            records += ',';
        records += record(static_cast<int>(i));
    }
    QJsonObject paging{{u"page"_s, page.page},
                       {u"perPage"_s, page.perPage},
                       {u"totalPages"_s, totalPages},
                       {u"totalElements"_s, total}};
    if (count > 0) {
        paging.insert(u"pageStart"_s, static_cast<qint64>(start));
        paging.insert(u"pageEnd"_s, static_cast<qint64>(start + count - 1));
    }
    QJsonObject navigation{{u"firstPage"_s, QJsonObject{{u"uri"_s, uriFor(1)}}},
                           {u"lastPage"_s, QJsonObject{{u"uri"_s, uriFor(qMax(1, totalPages))}}}};
    if (page.page < totalPages)
        navigation.insert(u"nextPage"_s, QJsonObject{{u"uri"_s, uriFor(page.page + 1)}});
    if (page.page > 1 && page.page <= totalPages)
        navigation.insert(u"previousPage"_s, QJsonObject{{u"uri"_s, uriFor(page.page - 1)}});
    const QByteArray frame =
        QJsonDocument(
            QJsonObject{{u"uri"_s, uriFor(page.page)}, {u"paging"_s, paging}, {u"navigation"_s, navigation}})
            .toJson(QJsonDocument::Compact);
    EmulatorResponse response;
    response.body.reserve(frame.size() + records.size() + 16);
    response.body = frame.chopped(1) + ",\"records\":[" + records + "]}";
    return response;
}

EmulatorResponse pagedList(const QString& listUri, const QUrlQuery& originalQuery, const PageRequest& page,
                           int total, const std::function<QJsonObject(int)>& record) {
    return pagedBytes(listUri, originalQuery, page, total,
                      [&record](int i) { return QJsonDocument(record(i)).toJson(QJsonDocument::Compact); });
}

// Repeatable enum filter (?type=User&type=Department); empty list = no filter.
std::optional<EmulatorResponse> enumFilter(const QUrlQuery& query, const QString& key,
                                           const QStringList& allowed, QStringList* out) {
    for (const QString& value : query.allQueryItemValues(key, QUrl::FullyDecoded)) {
        if (!allowed.contains(value))
            return RcErrors::invalidParameter(
                key, RingCentralService::tr("\"%1\" is not one of: %2.").arg(value, allowed.join(u", "_s)),
                value);
        out->append(value);
    }
    return std::nullopt;
}

} // namespace

QString RingCentralService::extensionUri(const Call& call, qint64 extensionId) const {
    return call.base + u"/restapi/v1.0/account/"_s + QString::number(m_directory.accountId) +
           u"/extension/"_s + QString::number(extensionId);
}

// --- JSON of records ---------------------------------------------------------------------------------

QJsonObject RingCentralService::extensionJson(const Call& call, const RcExtension& e, bool detailed) const {
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

    QJsonObject o{{u"uri"_s, extensionUri(call, e.id)},
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

    o.insert(u"account"_s, QJsonObject{{u"id"_s, QString::number(m_directory.accountId)},
                                       {u"uri"_s, call.base + u"/restapi/v1.0/account/"_s +
                                                      QString::number(m_directory.accountId)}});
    const DictEntry* tz = lookup(kTimezones, e.timezoneId);
    const DictEntry* lang = lookup(kLanguages, e.languageId);
    const DictEntry* country = lookup(kCountries, e.countryId);
    if (!tz)
        tz = &kTimezones[0];
    if (!lang)
        lang = &kLanguages[0];
    if (!country)
        country = &kCountries[0];
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
        // serviceFeatures only when reading one's own extension (ringcentral.md §3.3).
        QJsonArray features;
        for (const QString& name : {u"CallForwarding"_s, u"CallerIdControl"_s, u"SMS"_s, u"Voicemail"_s})
            features.append(QJsonObject{{u"featureName"_s, name}, {u"enabled"_s, true}});
        features.append(QJsonObject{{u"featureName"_s, u"UserManagement"_s}, {u"enabled"_s, e.admin}});
        o.insert(u"serviceFeatures"_s, features);
    }
    return o;
}

QJsonObject RingCentralService::accountNumberJson(const Call& call, const RcPhoneNumber& n) const {
    QJsonObject o{{u"uri"_s, call.base + u"/restapi/v1.0/account/"_s +
                                 QString::number(m_directory.accountId) + u"/phone-number/"_s +
                                 QString::number(n.id)},
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
    if (const RcExtension* e = n.extensionId ? m_directory.extension(n.extensionId) : nullptr) {
        QJsonObject ext{{u"id"_s, e->id}, {u"uri"_s, extensionUri(call, e->id)}, {u"name"_s, e->name}};
        if (!e->extensionNumber.isEmpty())
            ext.insert(u"extensionNumber"_s, e->extensionNumber);
        o.insert(u"extension"_s, ext);
    }
    return o;
}

QJsonObject RingCentralService::extensionNumberJson(const Call& call, const RcPhoneNumber& n,
                                                    bool features) const {
    QJsonObject o = accountNumberJson(call, n);
    const DictEntry* country = lookup(kCountries, countryIdOf(n.phoneNumber));
    o.insert(u"country"_s, QJsonObject{{u"id"_s, str(country->id)}, {u"name"_s, str(country->name)}});
    if (features)
        o.insert(u"features"_s, numberFeatures(n));
    if (o.contains(u"extension"_s)) {
        QJsonObject ext = o.value(u"extension"_s).toObject();
        if (const RcExtension* e = m_directory.extension(n.extensionId))
            ext.insert(u"type"_s, e->type);
        o.insert(u"extension"_s, ext);
    }
    return o;
}

QJsonObject RingCentralService::forwardingJson(const Call& call, const RcExtension& e,
                                               const RcForwardingNumber& f) const {
    return {{u"uri"_s, extensionUri(call, e.id) + u"/forwarding-number/"_s + QString::number(f.id)},
            {u"id"_s, QString::number(f.id)},
            {u"phoneNumber"_s, f.phoneNumber},
            {u"label"_s, f.label},
            {u"type"_s, f.type},
            {u"features"_s, QJsonArray{u"CallFlip"_s, u"CallForwarding"_s}},
            {u"flipNumber"_s, QString::number(f.flipNumber)}};
}

// --- account -----------------------------------------------------------------------------------------

EmulatorResponse RingCentralService::getAccount(Call& call) {
    const QString accountUri =
        call.base + u"/restapi/v1.0/account/"_s + QString::number(m_directory.accountId);
    const RcPhoneNumber* main = m_directory.mainNumber();
    const RcExtension* system = m_directory.extension(m_directory.accountId);
    QJsonObject o{
        {u"uri"_s, accountUri},
        {u"id"_s, m_directory.accountId},
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
        o.insert(u"operator"_s, QJsonObject{{u"uri"_s, extensionUri(call, system->id)},
                                            {u"id"_s, system->id},
                                            {u"extensionNumber"_s, system->extensionNumber}});
    return jsonResponse(o);
}

EmulatorResponse RingCentralService::getServiceInfo(Call& call) {
    const QString accountUri =
        call.base + u"/restapi/v1.0/account/"_s + QString::number(m_directory.accountId);
    QJsonArray features;
    for (const QString& name : {u"CallForwarding"_s, u"CallerIdControl"_s, u"SMS"_s, u"Voicemail"_s,
                                u"UserManagement"_s, u"SiteCodes"_s}) {
        features.append(QJsonObject{{u"featureName"_s, name}, {u"enabled"_s, name != u"SiteCodes"}});
    }
    return jsonResponse(QJsonObject{
        {u"uri"_s, accountUri + u"/service-info"_s},
        {u"servicePlanName"_s, u"Professional"_s},
        {u"brand"_s, QJsonObject{{u"id"_s, u"1210"_s}, {u"name"_s, u"RingCentral"_s}}},
        {u"servicePlan"_s, QJsonObject{{u"id"_s, u"1216"_s}, {u"name"_s, u"Professional"_s}}},
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

// --- extensions --------------------------------------------------------------------------------------

EmulatorResponse RingCentralService::listExtensions(Call& call) {
    const QUrlQuery& q = call.request.query;
    PageRequest page;
    if (auto error = parsePaging(q, &page))
        return *error;
    QStringList types;
    QStringList statuses;
    if (auto error = enumFilter(q, u"type"_s, kExtensionTypes, &types))
        return *error;
    if (auto error = enumFilter(q, u"status"_s, kStatusFull, &statuses))
        return *error;
    const QString extensionNumber = q.queryItemValue(u"extensionNumber"_s, QUrl::FullyDecoded);
    const QStringList emails = q.allQueryItemValues(u"email"_s, QUrl::FullyDecoded);

    std::vector<int> matches;
    matches.reserve(m_directory.extensions.size());
    for (std::size_t i = 0; i < m_directory.extensions.size(); ++i) {
        const RcExtension& e = m_directory.extensions[i];
        if ((!types.isEmpty() && !types.contains(e.type)) ||
            (!statuses.isEmpty() && !statuses.contains(e.status)) ||
            (!extensionNumber.isEmpty() && e.extensionNumber != extensionNumber) ||
            (!emails.isEmpty() && !emails.contains(e.email, Qt::CaseInsensitive)))
            continue;
        matches.push_back(static_cast<int>(i));
    }
    const QString uri =
        call.base + u"/restapi/v1.0/account/"_s + QString::number(m_directory.accountId) + u"/extension"_s;
    return pagedBytes(uri, q, page, static_cast<int>(matches.size()), [&](int i) {
        const auto index = static_cast<std::size_t>(matches[static_cast<std::size_t>(i)]);
        return cachedRecord(m_extensionJsonCache, index, m_directory.extensions.size(), call.base,
                            [&] { return extensionJson(call, m_directory.extensions[index], false); });
    });
}

EmulatorResponse RingCentralService::listTimezones(Call& call) {
    PageRequest page;
    if (auto error = parsePaging(call.request.query, &page))
        return *error;
    const QString uri = call.base + u"/restapi/v1.0/dictionary/timezone"_s;
    return pagedBytes(uri, call.request.query, page, static_cast<int>(kTimezones.size()), [&](int i) {
        const DictEntry& tz = kTimezones.at(static_cast<std::size_t>(i));
        return QJsonDocument(QJsonObject{{u"uri"_s, uri + u'/' + str(tz.id)},
                                         {u"id"_s, str(tz.id)},
                                         {u"name"_s, str(tz.name)},
                                         {u"description"_s, str(tz.description)},
                                         {u"bias"_s, str(tz.extra)}})
            .toJson(QJsonDocument::Compact);
    });
}

EmulatorResponse RingCentralService::getExtension(Call& call, const RcExtension& extension) {
    return jsonResponse(extensionJson(call, extension, true));
}

namespace {

// Applies the contact object of a create/update body to an extension copy.
void readContact(BodyReader& r, const QJsonObject& contact, RcExtension* e) {
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
        if (!isEmail(v))
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

void readRegional(BodyReader& r, const QJsonObject& regional, RcExtension* e) {
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
    idOf(u"timezone"_s, kTimezones, &e->timezoneId);
    idOf(u"language"_s, kLanguages, &e->languageId);
    idOf(u"homeCountry"_s, kCountries, &e->countryId);
    idOf(u"greetingLanguage"_s, kLanguages, nullptr);
    idOf(u"formattingLocale"_s, kLanguages, nullptr);
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

EmulatorResponse RingCentralService::createExtension(Call& call) {
    QJsonObject body;
    if (auto error = parseJsonBody(call.request, &body))
        return *error;
    BodyReader r;
    RcExtension e;
    e.type = u"User"_s;
    e.status = u"NotActivated"_s; // activation by welcome e-mail unless created Enabled with a password
    e.timezoneId = u"58"_s;
    e.languageId = u"1033"_s;
    e.countryId = u"1"_s;
    e.timeFormat = u"12h"_s;
    e.company = m_directory.companyName;
    e.createdMs = m_clock.nowMs();

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
    r.oneOf(body, u"status"_s, u"status"_s, kStatusFull, &e.status);
    if (r.string(body, u"extensionNumber"_s, u"extensionNumber"_s, &v)) {
        if (!isExtensionNumber(v))
            r.fail(u"extensionNumber"_s, tr("\"%1\" must be 1 to 8 digits.").arg(v), v);
        else if (m_directory.extensionByNumber(v))
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
        return *r.error;

    if (e.status == u"Unassigned") {
        e.extensionNumber.clear();
    } else if (e.extensionNumber.isEmpty()) {
        // Next free number after the highest one in use.
        qint64 highest = 100;
        for (const auto& other : m_directory.extensions)
            highest = qMax(highest, other.extensionNumber.toLongLong());
        e.extensionNumber = QString::number(highest + 1);
    }
    e.name = e.lastName.isEmpty() ? e.firstName : e.firstName + u' ' + e.lastName;
    e.id = m_directory.nextExtensionId;
    m_directory.nextExtensionId += 1000;
    m_directory.addExtension(e);
    return jsonResponse(extensionJson(call, *m_directory.extension(e.id), true));
}

EmulatorResponse RingCentralService::updateExtension(Call& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = parseJsonBody(call.request, &body))
        return *error;
    // All checks run on a copy; the extension changes only if the whole body is valid.
    RcExtension e = extension;
    BodyReader r;
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
        } else if (const RcExtension* other = m_directory.extensionByNumber(v); other && other->id != e.id) {
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
        return *r.error;
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
        m_directory.renumberExtension(extension.id, newNumber);
    return jsonResponse(extensionJson(call, extension, true));
}

EmulatorResponse RingCentralService::deleteExtension(Call& call, const RcExtension& extension) {
    Q_UNUSED(call);
    if (extension.id == m_directory.accountId)
        return RcErrors::api(403, u"CMN-101"_s, tr("The system extension of the account cannot be deleted."),
                             u"extensionId"_s, QString::number(extension.id));
    const QString keep = call.request.query.queryItemValue(u"savePhoneNumbers"_s, QUrl::FullyDecoded);
    if (!keep.isEmpty() && keep != u"true" && keep != u"false")
        return RcErrors::invalidParameter(u"savePhoneNumbers"_s, tr("Expected true or false."), keep);
    const qint64 id = extension.id;
    m_tokens.revokeExtension(id);
    m_directory.removeExtension(id, keep != u"false");
    return noContent();
}

// --- phone numbers -----------------------------------------------------------------------------------

EmulatorResponse RingCentralService::listAccountNumbers(Call& call) {
    const QUrlQuery& q = call.request.query;
    PageRequest page;
    if (auto error = parsePaging(q, &page))
        return *error;
    QStringList usage;
    QStringList payment;
    QStringList status;
    QStringList extensionStatus;
    if (auto error = enumFilter(q, u"usageType"_s, kUsageTypes, &usage))
        return *error;
    if (auto error = enumFilter(q, u"paymentType"_s, kPaymentTypes, &payment))
        return *error;
    if (auto error = enumFilter(q, u"status"_s, kNumberStatus, &status))
        return *error;
    if (auto error = enumFilter(q, u"extensionStatus"_s, kStatusFull, &extensionStatus))
        return *error;

    std::vector<int> matches;
    matches.reserve(m_directory.numbers.size());
    for (std::size_t i = 0; i < m_directory.numbers.size(); ++i) {
        const RcPhoneNumber& n = m_directory.numbers[i];
        // Seed 001: a non-administrator sees only the direct numbers of other extensions, whatever
        // usageType asked for.
        if (!call.admin && (n.usageType != u"DirectNumber" || n.extensionId == call.caller->id))
            continue;
        if ((!usage.isEmpty() && !usage.contains(n.usageType)) ||
            (!payment.isEmpty() && !payment.contains(n.paymentType)) ||
            (!status.isEmpty() && !status.contains(n.status)))
            continue;
        if (!extensionStatus.isEmpty()) {
            const RcExtension* e = n.extensionId ? m_directory.extension(n.extensionId) : nullptr;
            if (!e || !extensionStatus.contains(e->status))
                continue;
        }
        matches.push_back(static_cast<int>(i));
    }
    const QString uri =
        call.base + u"/restapi/v1.0/account/"_s + QString::number(m_directory.accountId) + u"/phone-number"_s;
    return pagedBytes(uri, q, page, static_cast<int>(matches.size()), [&](int i) {
        const auto index = static_cast<std::size_t>(matches[static_cast<std::size_t>(i)]);
        return cachedRecord(m_numberJsonCache, index, m_directory.numbers.size(), call.base,
                            [&] { return accountNumberJson(call, m_directory.numbers[index]); });
    });
}

EmulatorResponse RingCentralService::getAccountNumber(Call& call, const QString& id) {
    bool ok = false;
    const qint64 numberId = id.toLongLong(&ok);
    const RcPhoneNumber* n = ok ? m_directory.number(numberId) : nullptr;
    if (!n || (!call.admin && n->usageType != u"DirectNumber" && n->extensionId != call.caller->id))
        return RcErrors::notFound(u"phoneNumberId"_s, id);
    return jsonResponse(accountNumberJson(call, *n));
}

EmulatorResponse RingCentralService::listExtensionNumbers(Call& call, const RcExtension& extension) {
    const QUrlQuery& q = call.request.query;
    PageRequest page;
    if (auto error = parsePaging(q, &page))
        return *error;
    QStringList usage;
    QStringList status;
    if (auto error = enumFilter(q, u"usageType"_s, kUsageTypes, &usage))
        return *error;
    if (auto error = enumFilter(q, u"status"_s, kNumberStatus, &status))
        return *error;
    const bool full = call.admin || extension.id == call.caller->id;
    // The extension's own numbers, plus for a person the company's main number it may use as caller ID.
    std::vector<const RcPhoneNumber*> matches;
    auto consider = [&](const RcPhoneNumber& n) {
        if (!full && n.usageType != u"DirectNumber")
            return;
        if ((!usage.isEmpty() && !usage.contains(n.usageType)) ||
            (!status.isEmpty() && !status.contains(n.status)))
            return;
        matches.push_back(&n);
    };
    for (int index : m_directory.numberIndexesOfExtension(extension.id))
        consider(m_directory.numbers[static_cast<std::size_t>(index)]);
    if (extension.type == u"User")
        if (const RcPhoneNumber* main = m_directory.mainNumber())
            consider(*main);
    const QString uri = extensionUri(call, extension.id) + u"/phone-number"_s;
    return pagedList(uri, q, page, static_cast<int>(matches.size()), [&](int i) {
        return extensionNumberJson(call, *matches[static_cast<std::size_t>(i)], full);
    });
}

// --- forwarding numbers ------------------------------------------------------------------------------

EmulatorResponse RingCentralService::listForwarding(Call& call, const RcExtension& extension) {
    PageRequest page;
    if (auto error = parsePaging(call.request.query, &page))
        return *error;
    const QString uri = extensionUri(call, extension.id) + u"/forwarding-number"_s;
    return pagedList(uri, call.request.query, page, static_cast<int>(extension.forwarding.size()),
                     [&](int i) { return forwardingJson(call, extension, extension.forwarding.at(i)); });
}

namespace {

// Shared checks of a forwarding number's phone number (create and update). Returns an error or nullopt.
std::optional<EmulatorResponse> checkForwardingTarget(const RcDirectory& directory,
                                                      const RcExtension& extension,
                                                      const QString& phoneNumber, qint64 selfId) {
    // Forwarding to a number of this account would loop calls back into it; only external numbers
    // (paymentType External, e.g. forwarded numbers) are allowed. UNCONFIRMED error code.
    if (const RcPhoneNumber* own = directory.numberByE164(phoneNumber);
        own && own->paymentType != u"External")
        return RcErrors::invalidParameter(
            u"phoneNumber"_s,
            RingCentralService::tr(
                "%1 is a %2 of this account; forwarding numbers must be outside the account.")
                .arg(phoneNumber, own->usageType),
            phoneNumber);
    for (const auto& f : extension.forwarding) {
        if (f.id != selfId && f.phoneNumber == phoneNumber)
            return RcErrors::api(
                400, u"CMN-406"_s,
                RingCentralService::tr("%1 is already forwarding number %2 of this extension.")
                    .arg(phoneNumber)
                    .arg(f.id),
                u"phoneNumber"_s, phoneNumber);
    }
    return std::nullopt;
}

std::optional<EmulatorResponse> checkFlipNumber(const RcExtension& extension, qint64 flip, qint64 selfId) {
    // Shortcut digits 1..10 (one per possible forwarding number). UNCONFIRMED range for v1.0.
    if (flip < 1 || flip > kMaxForwardingNumbers)
        return RcErrors::invalidParameter(
            u"flipNumber"_s,
            RingCentralService::tr("The flip number must be from 1 to %1, got %2.")
                .arg(kMaxForwardingNumbers)
                .arg(flip),
            QString::number(flip));
    for (const auto& f : extension.forwarding) {
        if (f.id != selfId && f.flipNumber == flip)
            return RcErrors::api(
                400, u"CMN-406"_s,
                RingCentralService::tr("Flip number %1 is already used by %2.").arg(flip).arg(f.phoneNumber),
                u"flipNumber"_s, QString::number(flip));
    }
    return std::nullopt;
}

} // namespace

EmulatorResponse RingCentralService::createForwarding(Call& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = parseJsonBody(call.request, &body))
        return *error;
    BodyReader r;
    RcForwardingNumber f;
    f.type = u"Other"_s;
    QString label;
    r.oneOf(body, u"type"_s, u"type"_s, kForwardingTypes, &f.type);
    const bool hasLabel = r.string(body, u"label"_s, u"label"_s, &label, 60);
    QJsonObject device;
    const bool hasDevice = r.object(body, u"device"_s, u"device"_s, &device);
    const bool hasNumber = r.e164(body, u"phoneNumber"_s, u"phoneNumber"_s, &f.phoneNumber);
    qint64 flip = 0;
    const bool hasFlip = r.integer(body, u"flipNumber"_s, u"flipNumber"_s, &flip); // an integer on create
    if (r.failed())
        return *r.error;
    if (f.type == u"PhoneLine" || hasDevice) {
        if (hasNumber)
            return RcErrors::invalidParameter(u"device"_s,
                                              tr("A device and a phone number cannot be combined."));
        // The emulator has no desk phones, so no device id can exist.
        return RcErrors::notFound(u"device.id"_s, device.value(u"id"_s).toVariant().toString());
    }
    if (!hasNumber && !body.contains(u"phoneNumber"_s))
        return RcErrors::invalidParameter(u"phoneNumber"_s, tr("The phone number is required."));
    // UNCONFIRMED error code for the documented limit of ten forwarding numbers per extension.
    if (extension.forwarding.size() >= kMaxForwardingNumbers)
        return RcErrors::api(400, u"CMN-101"_s,
                             tr("An extension can have at most %1 forwarding numbers; delete one first.")
                                 .arg(kMaxForwardingNumbers),
                             u"phoneNumber"_s, f.phoneNumber);
    if (auto error = checkForwardingTarget(m_directory, extension, f.phoneNumber, 0))
        return *error;
    if (hasFlip) {
        if (auto error = checkFlipNumber(extension, flip, 0))
            return *error;
        f.flipNumber = static_cast<int>(flip);
    } else {
        f.flipNumber = extension.nextFreeFlipNumber();
    }
    // The label is honoured only for type Other; predefined types are labelled with their name.
    f.label = f.type == u"Other" ? (hasLabel && !label.isEmpty() ? label : u"Other"_s) : f.type;
    f.id = m_directory.nextForwardingId++;
    extension.forwarding.append(f);
    return jsonResponse(forwardingJson(call, extension, f));
}

EmulatorResponse RingCentralService::getForwarding(Call& call, const RcExtension& extension,
                                                   const QString& id) {
    for (const auto& f : extension.forwarding)
        if (QString::number(f.id) == id)
            return jsonResponse(forwardingJson(call, extension, f));
    return RcErrors::notFound(u"forwardingNumberId"_s, id);
}

EmulatorResponse RingCentralService::updateForwarding(Call& call, RcExtension& extension, const QString& id) {
    qsizetype index = -1;
    for (qsizetype i = 0; i < extension.forwarding.size(); ++i)
        if (QString::number(extension.forwarding[i].id) == id)
            index = i;
    if (index < 0)
        return RcErrors::notFound(u"forwardingNumberId"_s, id);
    QJsonObject body;
    if (auto error = parseJsonBody(call.request, &body))
        return *error;
    RcForwardingNumber f = extension.forwarding[index];
    BodyReader r;
    QString label;
    QString flipText;
    const bool hasType = r.oneOf(body, u"type"_s, u"type"_s, kForwardingTypes, &f.type);
    const bool hasLabel = r.string(body, u"label"_s, u"label"_s, &label, 60);
    const bool hasNumber = r.e164(body, u"phoneNumber"_s, u"phoneNumber"_s, &f.phoneNumber);
    const bool hasFlip = r.string(body, u"flipNumber"_s, u"flipNumber"_s, &flipText); // a string on update
    if (r.failed())
        return *r.error;
    if (hasNumber)
        if (auto error = checkForwardingTarget(m_directory, extension, f.phoneNumber, f.id))
            return *error;
    if (hasFlip) {
        bool ok = false;
        const qint64 flip = flipText.toLongLong(&ok);
        if (!ok)
            return RcErrors::invalidParameter(u"flipNumber"_s, tr("\"%1\" is not a number.").arg(flipText),
                                              flipText);
        if (auto error = checkFlipNumber(extension, flip, f.id))
            return *error;
        f.flipNumber = static_cast<int>(flip);
    }
    if (hasType && f.type == u"PhoneLine")
        return RcErrors::invalidParameter(u"type"_s, tr("A forwarding number cannot become a PhoneLine."),
                                          f.type);
    if (f.type != u"Other")
        f.label = f.type;
    else if (hasLabel)
        f.label = label.isEmpty() ? u"Other"_s : label;
    else if (hasType)
        f.label = u"Other"_s;
    extension.forwarding[index] = f;
    return jsonResponse(forwardingJson(call, extension, f));
}

namespace {

// Removes references to deleted forwarding numbers from a stored answering rule.
void dropForwardingReferences(QJsonObject& rule, const QList<qint64>& ids) {
    if (rule.isEmpty() || !rule.contains(u"forwarding"_s))
        return;
    QJsonObject forwarding = rule.value(u"forwarding"_s).toObject();
    QJsonArray rules;
    for (const auto& value : forwarding.value(u"rules"_s).toArray()) {
        QJsonObject entry = value.toObject();
        QJsonArray kept;
        for (const auto& number : entry.value(u"forwardingNumbers"_s).toArray())
            if (!ids.contains(number.toObject().value(u"id"_s).toString().toLongLong()))
                kept.append(number);
        if (!kept.isEmpty()) {
            entry.insert(u"forwardingNumbers"_s, kept);
            rules.append(entry);
        }
    }
    forwarding.insert(u"rules"_s, rules);
    rule.insert(u"forwarding"_s, forwarding);
}

} // namespace

EmulatorResponse RingCentralService::deleteForwarding(Call& call, RcExtension& extension, const QString& id) {
    Q_UNUSED(call);
    for (qsizetype i = 0; i < extension.forwarding.size(); ++i) {
        if (QString::number(extension.forwarding[i].id) == id) {
            const qint64 removed = extension.forwarding[i].id;
            extension.forwarding.removeAt(i);
            dropForwardingReferences(extension.businessHoursRule, {removed});
            dropForwardingReferences(extension.afterHoursRule, {removed});
            return noContent();
        }
    }
    return RcErrors::notFound(u"forwardingNumberId"_s, id);
}

EmulatorResponse RingCentralService::deleteForwardingBulk(Call& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = parseJsonBody(call.request, &body))
        return *error;
    BodyReader r;
    QJsonArray records;
    if (!body.contains(u"records"_s))
        return RcErrors::invalidParameter(u"records"_s, tr("The list of records to delete is required."));
    r.array(body, u"records"_s, u"records"_s, &records);
    QList<qint64> ids;
    for (const auto& value : records) {
        if (!r.typeCheck(value, QJsonValue::Object, u"records"_s, tr("an object")))
            break;
        QString id;
        if (!r.string(value.toObject(), u"forwardingNumberId"_s, u"records.forwardingNumberId"_s, &id)) {
            r.fail(u"records.forwardingNumberId"_s, tr("Every record needs a forwardingNumberId."));
            break;
        }
        bool found = false;
        for (const auto& f : extension.forwarding)
            found = found || QString::number(f.id) == id;
        // All or nothing: one unknown id rejects the whole request.
        if (!found)
            return RcErrors::notFound(u"forwardingNumberId"_s, id);
        ids.append(id.toLongLong());
    }
    if (r.failed())
        return *r.error;
    extension.forwarding.removeIf([&ids](const RcForwardingNumber& f) { return ids.contains(f.id); });
    dropForwardingReferences(extension.businessHoursRule, ids);
    dropForwardingReferences(extension.afterHoursRule, ids);
    return noContent();
}

// --- caller ID ---------------------------------------------------------------------------------------

namespace {

// Numbers an extension may show as caller ID: its own and the company-level voice numbers.
bool usableAsCallerId(const RcPhoneNumber& n, qint64 extensionId) {
    if (n.extensionId == extensionId)
        return true;
    return n.extensionId == 0 && (n.usageType == u"MainCompanyNumber" || n.usageType == u"CompanyNumber" ||
                                  n.usageType == u"AdditionalCompanyNumber");
}

} // namespace

QJsonObject RingCentralService::callerIdJson(const Call& call, const RcExtension& e) const {
    // Default caller ID: the extension's first direct number, else the main company number.
    const RcPhoneNumber* fallback = nullptr;
    const auto own = m_directory.numberIndexesOfExtension(e.id);
    if (!own.isEmpty())
        fallback = &m_directory.numbers[static_cast<std::size_t>(own.first())];
    if (!fallback)
        fallback = m_directory.mainNumber();
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
                        m_directory.number(choice.value(u"numberId"_s).toString().toLongLong()))
                    n = chosen;
            if (n)
                callerId.insert(u"phoneInfo"_s,
                                QJsonObject{{u"id"_s, QString::number(n->id)},
                                            {u"uri"_s, accountNumberJson(call, *n).value(u"uri"_s)},
                                            {u"phoneNumber"_s, n->phoneNumber}});
        }
        byFeature.append(QJsonObject{{u"feature"_s, feature}, {u"callerId"_s, callerId}});
    }
    return {
        {u"uri"_s, extensionUri(call, e.id) + u"/caller-id"_s},
        {u"byDevice"_s, QJsonArray{}},
        {u"byFeature"_s, byFeature},
        {u"extensionNameForOutboundCalls"_s, e.callerId.value(u"extensionNameForOutboundCalls"_s).toBool()},
        {u"extensionNumberForInternalCalls"_s,
         e.callerId.value(u"extensionNumberForInternalCalls"_s).toBool()}};
}

EmulatorResponse RingCentralService::getCallerId(Call& call, const RcExtension& extension) {
    return jsonResponse(callerIdJson(call, extension));
}

EmulatorResponse RingCentralService::putCallerId(Call& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = parseJsonBody(call.request, &body))
        return *error;
    BodyReader r;
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
                const RcPhoneNumber* n = m_directory.number(id.toLongLong());
                if (!r.failed() && id.isEmpty())
                    r.fail(u"byFeature.callerId.phoneInfo.id"_s,
                           tr("The phone number id is required for type PhoneNumber."));
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
        return *r.error;
    stored.insert(u"byFeature"_s, byFeatureStored);
    extension.callerId = stored;
    return jsonResponse(callerIdJson(call, extension));
}

// --- notification settings ---------------------------------------------------------------------------

namespace {

const QStringList kNotificationBlocks = {u"voicemails"_s, u"inboundFaxes"_s, u"outboundFaxes"_s,
                                         u"inboundTexts"_s, u"missedCalls"_s};

QJsonObject defaultNotifications(const RcExtension& e) {
    auto block = [](bool byEmail, bool attachment) {
        QJsonObject o{{u"notifyByEmail"_s, byEmail},
                      {u"notifyBySms"_s, false},
                      {u"advancedEmailAddresses"_s, QJsonArray{}},
                      {u"advancedSmsEmailAddresses"_s, QJsonArray{}}};
        if (attachment)
            o.insert(u"includeAttachment"_s, false);
        return o;
    };
    QJsonObject voicemails = block(true, true);
    voicemails.insert(u"includeTranscription"_s, false);
    voicemails.insert(u"markAsRead"_s, false);
    QJsonObject faxes = block(true, true);
    faxes.insert(u"markAsRead"_s, false);
    return {{u"emailAddresses"_s, QJsonArray{e.email}},
            {u"smsEmailAddresses"_s, QJsonArray{}},
            {u"advancedMode"_s, false},
            {u"includeManagers"_s, true},
            {u"voicemails"_s, voicemails},
            {u"inboundFaxes"_s, faxes},
            {u"outboundFaxes"_s, block(false, false)},
            {u"inboundTexts"_s, block(false, false)},
            {u"missedCalls"_s, block(false, false)}};
}

} // namespace

QJsonObject RingCentralService::notificationsJson(const Call& call, const RcExtension& e) const {
    QJsonObject o = e.notificationSettings.isEmpty() ? defaultNotifications(e) : e.notificationSettings;
    o.insert(u"uri"_s, extensionUri(call, e.id) + u"/notification-settings"_s);
    o.insert(u"emailRecipients"_s, QJsonArray{QJsonObject{{u"extensionId"_s, QString::number(e.id)},
                                                          {u"fullName"_s, e.name},
                                                          {u"extensionNumber"_s, e.extensionNumber},
                                                          {u"emailAddresses"_s, o.value(u"emailAddresses"_s)},
                                                          {u"permission"_s, u"FullAccess"_s}}});
    return o;
}

EmulatorResponse RingCentralService::getNotifications(Call& call, const RcExtension& extension) {
    return jsonResponse(notificationsJson(call, extension));
}

EmulatorResponse RingCentralService::putNotifications(Call& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = parseJsonBody(call.request, &body))
        return *error;
    QJsonObject settings = extension.notificationSettings.isEmpty() ? defaultNotifications(extension)
                                                                    : extension.notificationSettings;
    BodyReader r;
    // String lists: e-mail lists must hold e-mail addresses, SMS lists at most ten E.164 numbers.
    auto stringList = [&](const QJsonObject& from, const QString& key, const QString& path, bool emails,
                          bool phones, QJsonObject* into) {
        QJsonArray list;
        if (!r.array(from, key, path, &list))
            return;
        if (phones && list.size() > 10) {
            r.fail(path, tr("At most 10 phone numbers are allowed, got %1.").arg(list.size()));
            return;
        }
        for (const auto& item : list) {
            if (!r.typeCheck(item, QJsonValue::String, path, tr("a list of strings")))
                return;
            const QString text = item.toString();
            if (emails && !isEmail(text)) {
                r.fail(path, tr("\"%1\" is not an e-mail address.").arg(text), text);
                return;
            }
            if (phones && !isValidE164(text)) {
                r.fail(path, tr("\"%1\" is not a valid phone number in E.164 format.").arg(text), text);
                return;
            }
        }
        into->insert(key, list);
    };
    stringList(body, u"emailAddresses"_s, u"emailAddresses"_s, true, false, &settings);
    stringList(body, u"smsEmailAddresses"_s, u"smsEmailAddresses"_s, true, false, &settings);
    stringList(body, u"smsPhoneNumbers"_s, u"smsPhoneNumbers"_s, false, true, &settings);
    bool flag = false;
    if (r.boolean(body, u"advancedMode"_s, u"advancedMode"_s, &flag))
        settings.insert(u"advancedMode"_s, flag);
    if (r.boolean(body, u"includeManagers"_s, u"includeManagers"_s, &flag))
        settings.insert(u"includeManagers"_s, flag);
    for (const QString& name : kNotificationBlocks) {
        QJsonObject incoming;
        if (!r.object(body, name, name, &incoming))
            continue;
        QJsonObject block = settings.value(name).toObject();
        for (const QString& key : {u"notifyByEmail"_s, u"notifyBySms"_s, u"includeAttachment"_s,
                                   u"includeTranscription"_s, u"markAsRead"_s}) {
            if (r.boolean(incoming, key, name + u'.' + key, &flag))
                block.insert(key, flag);
        }
        stringList(incoming, u"advancedEmailAddresses"_s, name + u".advancedEmailAddresses"_s, true, false,
                   &block);
        stringList(incoming, u"advancedSmsEmailAddresses"_s, name + u".advancedSmsEmailAddresses"_s, true,
                   false, &block);
        stringList(incoming, u"advancedSmsPhoneNumbers"_s, name + u".advancedSmsPhoneNumbers"_s, false, true,
                   &block);
        settings.insert(name, block);
    }
    if (r.failed())
        return *r.error;
    if (!settings.value(u"includeManagers"_s).toBool(true) &&
        settings.value(u"emailAddresses"_s).toArray().isEmpty())
        return RcErrors::invalidParameter(
            u"emailAddresses"_s, tr("The e-mail addresses cannot be empty when includeManagers is false."));
    extension.notificationSettings = settings;
    return jsonResponse(notificationsJson(call, extension));
}

// --- business hours and answering rules -----------------------------------------------------------

QJsonObject RingCentralService::businessHoursSchedule(const RcExtension& e) const {
    if (e.businessHours.contains(u"weeklyRanges"_s) || e.businessHours.contains(u"set"_s))
        return QJsonObject{{u"weeklyRanges"_s, e.businessHours.value(u"weeklyRanges"_s)}};
    // Default: Monday to Friday 09:00-18:00 (so an after-hours rule exists).
    QJsonObject weekly;
    for (const QString& day : kDays.mid(0, 5))
        weekly.insert(day, QJsonArray{QJsonObject{{u"from"_s, u"09:00"_s}, {u"to"_s, u"18:00"_s}}});
    return {{u"weeklyRanges"_s, weekly}};
}

EmulatorResponse RingCentralService::getBusinessHours(Call& call, const RcExtension& extension) {
    QJsonObject schedule = businessHoursSchedule(extension);
    if (schedule.value(u"weeklyRanges"_s).toObject().isEmpty())
        schedule = QJsonObject{}; // empty schedule = 24/7
    return jsonResponse(QJsonObject{{u"uri"_s, extensionUri(call, extension.id) + u"/business-hours"_s},
                                    {u"schedule"_s, schedule}});
}

EmulatorResponse RingCentralService::putBusinessHours(Call& call, RcExtension& extension) {
    QJsonObject body;
    if (auto error = parseJsonBody(call.request, &body))
        return *error;
    BodyReader r;
    QJsonObject schedule;
    if (!body.contains(u"schedule"_s))
        return RcErrors::invalidParameter(u"schedule"_s,
                                          tr("The schedule is required (an empty one means 24/7)."));
    r.object(body, u"schedule"_s, u"schedule"_s, &schedule);
    QJsonObject weekly;
    r.object(schedule, u"weeklyRanges"_s, u"schedule.weeklyRanges"_s, &weekly);
    for (auto it = weekly.constBegin(); it != weekly.constEnd() && !r.failed(); ++it) {
        const QString path = u"schedule.weeklyRanges."_s + it.key();
        if (!kDays.contains(it.key())) {
            r.fail(u"schedule.weeklyRanges"_s,
                   tr("\"%1\" is not a day of the week (monday ... sunday).").arg(it.key()), it.key());
            break;
        }
        if (!r.typeCheck(it.value(), QJsonValue::Array, path, tr("an array")))
            break;
        for (const auto& range : it.value().toArray()) {
            if (!r.typeCheck(range, QJsonValue::Object, path, tr("an object")))
                break;
            QString from;
            QString to;
            r.string(range.toObject(), u"from"_s, path + u".from"_s, &from);
            r.string(range.toObject(), u"to"_s, path + u".to"_s, &to);
            if (r.failed())
                break;
            if (!isHhMm(from) || !isHhMm(to))
                r.fail(path, tr("Times must be hh:mm, got \"%1\" to \"%2\".").arg(from, to));
            else if (from >= to)
                r.fail(path, tr("The range %1-%2 ends before it starts.").arg(from, to));
        }
    }
    if (r.failed())
        return *r.error;
    extension.businessHours = QJsonObject{{u"set"_s, true}, {u"weeklyRanges"_s, weekly}};
    return getBusinessHours(call, extension);
}

QJsonObject RingCentralService::answeringRuleJson(const Call& call, const RcExtension& e,
                                                  const QString& ruleId) const {
    const bool business = ruleId == u"business-hours-rule";
    const QJsonObject& stored = business ? e.businessHoursRule : e.afterHoursRule;
    QJsonObject o{
        {u"uri"_s, extensionUri(call, e.id) + u"/answering-rule/"_s + ruleId},
        {u"id"_s, ruleId},
        {u"type"_s, business ? u"BusinessHours"_s : u"AfterHours"_s},
        {u"name"_s, business ? u"Business Hours"_s : u"After Hours"_s},
        {u"enabled"_s, stored.value(u"enabled"_s).toBool(true)},
        {u"schedule"_s, QJsonObject{{u"ref"_s, business ? u"BusinessHours"_s : u"AfterHours"_s}}},
        {u"callHandlingAction"_s, stored.value(u"callHandlingAction"_s)
                                      .toString(business ? u"ForwardCalls"_s : u"TakeMessagesOnly"_s)},
        {u"screening"_s, stored.value(u"screening"_s).toString(u"Off"_s)},
        {u"voicemail"_s,
         QJsonObject{{u"enabled"_s, stored.value(u"voicemailEnabled"_s).toBool(true)},
                     {u"recipient"_s, QJsonObject{{u"uri"_s, extensionUri(call, e.id)}, {u"id"_s, e.id}}}}},
        {u"greetings"_s, stored.value(u"greetings"_s).toArray()}};
    // Forwarding: the stored rules (ids only) rendered with the numbers' current data, or by default every
    // forwarding number in list order, ringing one after the other.
    QJsonArray rules;
    auto numberJson = [&](const RcForwardingNumber& f) {
        return QJsonObject{
            {u"id"_s, QString::number(f.id)},
            {u"uri"_s, extensionUri(call, e.id) + u"/forwarding-number/"_s + QString::number(f.id)},
            {u"phoneNumber"_s, f.phoneNumber},
            {u"label"_s, f.label},
            {u"type"_s, f.type}};
    };
    const QJsonObject forwardingStored = stored.value(u"forwarding"_s).toObject();
    if (forwardingStored.contains(u"rules"_s)) {
        for (const auto& value : forwardingStored.value(u"rules"_s).toArray()) {
            QJsonObject entry = value.toObject();
            QJsonArray numbers;
            for (const auto& ref : entry.value(u"forwardingNumbers"_s).toArray())
                for (const auto& f : e.forwarding)
                    if (QString::number(f.id) == ref.toObject().value(u"id"_s).toString())
                        numbers.append(numberJson(f));
            entry.insert(u"forwardingNumbers"_s, numbers);
            rules.append(entry);
        }
    } else {
        int index = 1;
        for (const auto& f : e.forwarding)
            rules.append(QJsonObject{{u"index"_s, index++},
                                     {u"ringCount"_s, 4},
                                     {u"enabled"_s, true},
                                     {u"forwardingNumbers"_s, QJsonArray{numberJson(f)}}});
    }
    o.insert(u"forwarding"_s,
             QJsonObject{
                 {u"notifyMySoftPhones"_s, forwardingStored.value(u"notifyMySoftPhones"_s).toBool(true)},
                 {u"softPhonesRingCount"_s, forwardingStored.value(u"softPhonesRingCount"_s).toInt(1)},
                 {u"softPhonesAlwaysRing"_s, forwardingStored.value(u"softPhonesAlwaysRing"_s).toBool(true)},
                 {u"ringingMode"_s, forwardingStored.value(u"ringingMode"_s).toString(u"Sequentially"_s)},
                 {u"rules"_s, rules}});
    if (stored.contains(u"unconditionalForwarding"_s))
        o.insert(u"unconditionalForwarding"_s, stored.value(u"unconditionalForwarding"_s));
    if (const QString target = stored.value(u"transferExtensionId"_s).toString(); !target.isEmpty())
        o.insert(
            u"transfer"_s,
            QJsonObject{{u"extension"_s, QJsonObject{{u"id"_s, target},
                                                     {u"uri"_s, extensionUri(call, target.toLongLong())}}}});
    return o;
}

EmulatorResponse RingCentralService::listAnsweringRules(Call& call, const RcExtension& extension) {
    PageRequest page;
    if (auto error = parsePaging(call.request.query, &page))
        return *error;
    QStringList ids{u"business-hours-rule"_s};
    // The after-hours rule exists only when business hours are not 24/7.
    if (!businessHoursSchedule(extension).value(u"weeklyRanges"_s).toObject().isEmpty())
        ids.append(u"after-hours-rule"_s);
    const bool detailed = call.request.query.queryItemValue(u"view"_s) == u"Detailed";
    return (pagedList(extensionUri(call, extension.id) + u"/answering-rule"_s, call.request.query, page,
                      static_cast<int>(ids.size()), [&](int i) {
                          const QJsonObject full = answeringRuleJson(call, extension, ids.at(i));
                          if (detailed)
                              return full;
                          return QJsonObject{{u"uri"_s, full.value(u"uri"_s)},
                                             {u"id"_s, full.value(u"id"_s)},
                                             {u"type"_s, full.value(u"type"_s)},
                                             {u"enabled"_s, full.value(u"enabled"_s)}};
                      }));
}

EmulatorResponse RingCentralService::getAnsweringRule(Call& call, const RcExtension& extension,
                                                      const QString& ruleId) {
    const bool afterHoursExists =
        !businessHoursSchedule(extension).value(u"weeklyRanges"_s).toObject().isEmpty();
    if (ruleId != u"business-hours-rule" && !(ruleId == u"after-hours-rule" && afterHoursExists))
        return RcErrors::notFound(u"ruleId"_s, ruleId);
    return jsonResponse(answeringRuleJson(call, extension, ruleId));
}

EmulatorResponse RingCentralService::putAnsweringRule(Call& call, RcExtension& extension,
                                                      const QString& ruleId) {
    const bool afterHoursExists =
        !businessHoursSchedule(extension).value(u"weeklyRanges"_s).toObject().isEmpty();
    if (ruleId != u"business-hours-rule" && !(ruleId == u"after-hours-rule" && afterHoursExists))
        return RcErrors::notFound(u"ruleId"_s, ruleId);
    QJsonObject body;
    if (auto error = parseJsonBody(call.request, &body))
        return *error;
    const bool business = ruleId == u"business-hours-rule";
    QJsonObject stored = business ? extension.businessHoursRule : extension.afterHoursRule;
    BodyReader r;
    for (const QString& forbidden : {u"calledNumbers"_s, u"callers"_s}) {
        if (body.contains(forbidden))
            return RcErrors::invalidParameter(forbidden,
                                              tr("The default rules cannot have caller or called-number "
                                                 "conditions; create a custom rule instead."));
    }
    QJsonObject schedule;
    if (r.object(body, u"schedule"_s, u"schedule"_s, &schedule) &&
        (schedule.contains(u"weeklyRanges"_s) || schedule.contains(u"ranges"_s)))
        return RcErrors::invalidParameter(u"schedule"_s,
                                          tr("The schedule of a default rule follows the business "
                                             "hours; change them with the business-hours endpoint."));
    bool flag = false;
    if (r.boolean(body, u"enabled"_s, u"enabled"_s, &flag))
        stored.insert(u"enabled"_s, flag);
    QString text;
    if (r.oneOf(body, u"callHandlingAction"_s, u"callHandlingAction"_s, kCallHandlingActions, &text))
        stored.insert(u"callHandlingAction"_s, text);
    if (r.oneOf(body, u"screening"_s, u"screening"_s, kScreening, &text))
        stored.insert(u"screening"_s, text);
    QJsonObject voicemail;
    if (r.object(body, u"voicemail"_s, u"voicemail"_s, &voicemail) &&
        r.boolean(voicemail, u"enabled"_s, u"voicemail.enabled"_s, &flag))
        stored.insert(u"voicemailEnabled"_s, flag);
    QJsonArray greetings;
    if (r.array(body, u"greetings"_s, u"greetings"_s, &greetings))
        stored.insert(u"greetings"_s, greetings);
    QJsonObject unconditional;
    if (r.object(body, u"unconditionalForwarding"_s, u"unconditionalForwarding"_s, &unconditional)) {
        QString number;
        r.e164(unconditional, u"phoneNumber"_s, u"unconditionalForwarding.phoneNumber"_s, &number);
        stored.insert(u"unconditionalForwarding"_s, unconditional);
    }
    // TransferToExtension's target (e.g. an IVR menu or an application extension of the account).
    QJsonObject transfer;
    QJsonObject target;
    QString targetId;
    if (r.object(body, u"transfer"_s, u"transfer"_s, &transfer) &&
        r.object(transfer, u"extension"_s, u"transfer.extension"_s, &target) &&
        r.string(target, u"id"_s, u"transfer.extension.id"_s, &targetId)) {
        bool isNumber = false;
        const qint64 id = targetId.toLongLong(&isNumber);
        if (!isNumber || !m_directory.extension(id))
            r.fail(u"transfer.extension.id"_s, tr("No extension with this id in the account."), targetId);
        else
            stored.insert(u"transferExtensionId"_s, targetId);
    }
    QJsonObject forwarding;
    if (r.object(body, u"forwarding"_s, u"forwarding"_s, &forwarding)) {
        QJsonObject newForwarding = stored.value(u"forwarding"_s).toObject();
        if (r.boolean(forwarding, u"notifyMySoftPhones"_s, u"forwarding.notifyMySoftPhones"_s, &flag))
            newForwarding.insert(u"notifyMySoftPhones"_s, flag);
        if (r.boolean(forwarding, u"softPhonesAlwaysRing"_s, u"forwarding.softPhonesAlwaysRing"_s, &flag))
            newForwarding.insert(u"softPhonesAlwaysRing"_s, flag);
        qint64 count = 0;
        if (r.integer(forwarding, u"softPhonesRingCount"_s, u"forwarding.softPhonesRingCount"_s, &count))
            newForwarding.insert(u"softPhonesRingCount"_s, count);
        if (r.oneOf(forwarding, u"ringingMode"_s, u"forwarding.ringingMode"_s, kRingingModes, &text))
            newForwarding.insert(u"ringingMode"_s, text);
        QJsonArray rules;
        if (r.array(forwarding, u"rules"_s, u"forwarding.rules"_s, &rules)) {
            QJsonArray storedRules;
            int index = 0;
            for (const auto& value : rules) {
                ++index;
                if (!r.typeCheck(value, QJsonValue::Object, u"forwarding.rules"_s, tr("an object")))
                    break;
                const QJsonObject rule = value.toObject();
                qint64 ringCount = 4;
                qint64 ruleIndex = index;
                bool enabled = true;
                r.integer(rule, u"ringCount"_s, u"forwarding.rules.ringCount"_s, &ringCount);
                r.integer(rule, u"index"_s, u"forwarding.rules.index"_s, &ruleIndex);
                r.boolean(rule, u"enabled"_s, u"forwarding.rules.enabled"_s, &enabled);
                QJsonArray numbers;
                r.array(rule, u"forwardingNumbers"_s, u"forwarding.rules.forwardingNumbers"_s, &numbers);
                QJsonArray refs;
                for (const auto& number : numbers) {
                    if (!r.typeCheck(number, QJsonValue::Object, u"forwarding.rules.forwardingNumbers"_s,
                                     tr("an object")))
                        break;
                    QString id;
                    if (!r.string(number.toObject(), u"id"_s, u"forwarding.rules.forwardingNumbers.id"_s,
                                  &id)) {
                        r.fail(u"forwarding.rules.forwardingNumbers.id"_s,
                               tr("Every forwarding number needs the id of one of the extension's forwarding "
                                  "numbers."));
                        break;
                    }
                    bool known = false;
                    for (const auto& f : extension.forwarding)
                        known = known || QString::number(f.id) == id;
                    // The rule may only ring this extension's own forwarding numbers.
                    if (!known)
                        return RcErrors::notFound(u"forwardingNumberId"_s, id);
                    refs.append(QJsonObject{{u"id"_s, id}});
                }
                if (r.failed())
                    break;
                storedRules.append(QJsonObject{{u"index"_s, ruleIndex},
                                               {u"ringCount"_s, ringCount},
                                               {u"enabled"_s, enabled},
                                               {u"forwardingNumbers"_s, refs}});
            }
            newForwarding.insert(u"rules"_s, storedRules);
        }
        stored.insert(u"forwarding"_s, newForwarding);
    }
    if (r.failed())
        return *r.error;
    (business ? extension.businessHoursRule : extension.afterHoursRule) = stored;
    return jsonResponse(answeringRuleJson(call, extension, ruleId));
}

} // namespace trunkline::emulator::ringcentral
