#include "emulator/restcomm/RestcommService.h"

#include "emulator/EmulatorOptions.h"
#include "emulator/restcomm/RestcommApi.h"
#include "emulator/restcomm/RestcommWire.h"

#include <QCryptographicHash>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::restcomm {

namespace {

QString md5Hex(const QString& text) {
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex());
}

} // namespace

RestcommService::RestcommService(quint32 seed, const EmulatorOptions& options)
    : m_state(seed, options) {
}

QString RestcommService::credentialLine() const {
    QMutexLocker locker(&m_mutex);
    const RestcommAccount& admin = m_state.data.accounts.first();
    return u"restcomm account_sid="_s + admin.sid + u" auth_token="_s + admin.authToken;
}

QJsonObject RestcommService::snapshot() const {
    QMutexLocker locker(&m_mutex);
    return m_state.data.toState();
}

void RestcommService::restore(const QJsonObject& state) {
    QMutexLocker locker(&m_mutex);
    RestcommData data = RestcommData::fromState(state);
    if (!data.accounts.isEmpty())
        m_state.data = data;
}

EmulatorResponse RestcommService::faultResponse(int status, int retryAfterSeconds) const {
    EmulatorResponse r = empty(status);
    if (retryAfterSeconds > 0)
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds)});
    return r;
}

QList<RestcommAccount> RestcommService::accounts() const {
    QMutexLocker locker(&m_mutex);
    return m_state.data.accounts;
}

QList<IncomingNumber> RestcommService::numbers() const {
    QMutexLocker locker(&m_mutex);
    return m_state.data.numbers;
}

QHash<QString, QString> RestcommService::organizations() const {
    QMutexLocker locker(&m_mutex);
    return m_state.data.organizations;
}

QList<AvailableNumber> RestcommService::availableNumbers() const {
    QMutexLocker locker(&m_mutex);
    return m_state.data.available;
}

const RestcommAccount* RestcommService::authenticate(const QByteArray& authorization) const {
    if (!authorization.left(6).toLower().startsWith("basic "))
        return nullptr;
    const QString decoded = QString::fromUtf8(QByteArray::fromBase64(authorization.mid(6).trimmed()));
    const qsizetype colon = decoded.indexOf(u':');
    if (colon < 0)
        return nullptr;
    const QString user = decoded.left(colon);
    const QString password = decoded.mid(colon + 1);
    // The username may be the email (tried first) or the AccountSid; the password the stored token or
    // anything whose MD5 hex is the stored token (docs/api/restcomm-numbers.md §1).
    const RestcommAccount* account = nullptr;
    for (const RestcommAccount& a : m_state.data.accounts)
        if (a.email == user)
            account = &a;
    if (!account)
        for (const RestcommAccount& a : m_state.data.accounts)
            if (a.sid == user)
                account = &a;
    if (!account || (password != account->authToken && md5Hex(password) != account->authToken))
        return nullptr;
    return account;
}

EmulatorResponse RestcommService::handle(const EmulatorRequest& request) {
    RestcommCall call;
    call.request = &request;
    // Format (AcceptFilter): ".json" anywhere in the path forces JSON; else no Accept -> XML, else JSON
    // only if the Accept value mentions json (so "*/*" gives XML).
    const QByteArray accept = request.header("accept");
    call.json = request.path.contains(u".json"_s) || (!accept.isEmpty() && accept.contains("json"));
    QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
    for (QString& s : segments)
        if (s.endsWith(u".json"))
            s.chop(5);
    if (segments.size() < 5 || segments[0] != u"restcomm" || segments[1] != u"2012-04-24" ||
        segments[2] != u"Accounts")
        return empty(404);

    QMutexLocker locker(&m_mutex);
    call.caller = authenticate(request.header("authorization"));
    if (!call.caller) {
        EmulatorResponse r = empty(401);
        r.headers.append(
            {QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Basic realm=\"Restcomm realm\"")});
        return r;
    }
    if (!call.caller->active)
        return plain(403, tr("Provided Account is not active"));
    call.accountRef = segments[3];
    call.rest = segments.mid(5);
    if (segments[4] == u"IncomingPhoneNumbers")
        return numbersEndpoint(call);
    if (segments[4] == u"AvailablePhoneNumbers")
        return availableEndpoint(call);
    return empty(404);
}

EmulatorResponse RestcommService::numbersEndpoint(RestcommCall& call) {
    const QByteArray& method = call.request->method;
    const QStringList& rest = call.rest;
    if (rest.size() == 1 && rest[0] == u"migrate") {
        if (method != "POST")
            return empty(405);
        return RestcommMigrationApi::migrate(m_state, call);
    }
    // Every other operation needs the path account to be the caller or one of its descendants.
    if (auto refusal = pathAccountRefusal(call))
        return *refusal;

    call.listUri = u"/2012-04-24/Accounts/"_s + call.accountRef + u"/IncomingPhoneNumbers"_s;
    if (rest.isEmpty() ||
        (rest.size() == 1 && (rest[0] == u"Local" || rest[0] == u"TollFree" || rest[0] == u"Mobile"))) {
        if (!rest.isEmpty())
            call.listUri += u'/' + rest[0];
        if (method == "GET")
            return RestcommIncomingNumbersApi::list(m_state, call);
        if (method == "POST")
            return RestcommIncomingNumbersApi::create(m_state, call, rest.isEmpty() ? u"Global"_s : rest[0]);
        return empty(405);
    }
    if (rest.size() == 1 && rest[0] == u"AvailableCountries") {
        if (method != "GET")
            return empty(405);
        return RestcommAvailableNumbersApi::countries(call);
    }
    if (rest.size() == 1) {
        if (method == "GET")
            return RestcommIncomingNumbersApi::read(m_state, call, rest[0]);
        if (method == "POST" || method == "PUT")
            return RestcommIncomingNumbersApi::update(m_state, call, rest[0]);
        if (method == "DELETE")
            return RestcommIncomingNumbersApi::remove(m_state, call, rest[0]);
        return empty(405);
    }
    return empty(404);
}

EmulatorResponse RestcommService::availableEndpoint(const RestcommCall& call) {
    if (auto refusal = pathAccountRefusal(call))
        return *refusal;
    if (call.rest.size() != 2)
        return empty(404);
    const QString country = call.rest[0];
    const QString kind = call.rest[1];
    if (kind != u"Local" && kind != u"TollFree" && kind != u"Mobile")
        return empty(404);
    if (call.request->method != "GET")
        return empty(405);
    return RestcommAvailableNumbersApi::search(m_state, call, country, kind);
}

std::optional<EmulatorResponse> RestcommService::pathAccountRefusal(const RestcommCall& call) const {
    const RestcommAccount* account = m_state.findAccount(call.accountRef);
    if (!account)
        // Restcomm dereferences the missing account before its null check (inferred NPE -> 500, §1).
        return empty(500);
    if (!m_state.isSelfOrAncestor(*call.caller, *account))
        return empty(403);
    return std::nullopt;
}

} // namespace trunkline::emulator::restcomm
