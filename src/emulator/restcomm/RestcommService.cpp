#include "emulator/restcomm/RestcommService.h"

#include "core/PhoneNumber.h"
#include "emulator/EmulatorOptions.h"

#include <QCryptographicHash>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QXmlStreamWriter>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::restcomm {

namespace {

constexpr int kDefaultPageSize = 50;
// Column limits of Restcomm's bundled HSQLDB schema; longer values fail in the DB -> 500 (§5.8).
constexpr int kMaxFriendlyName = 64;
constexpr int kMaxPhoneNumber = 30;
constexpr int kMaxMethod = 4;
constexpr int kMaxApiVersion = 10;

QString tr(const char* text) {
    return QCoreApplication::translate("trunkline::emulator::restcomm::RestcommService", text);
}

EmulatorResponse empty(int status) {
    EmulatorResponse r;
    r.status = status;
    r.contentType.clear();
    return r;
}

EmulatorResponse plain(int status, const QString& text) {
    EmulatorResponse r;
    r.status = status;
    r.contentType = "text/plain;charset=UTF-8";
    r.body = text.toUtf8();
    return r;
}

EmulatorResponse formatted(int status, bool json, const QByteArray& body) {
    EmulatorResponse r;
    r.status = status;
    r.contentType = json ? QByteArrayLiteral("application/json") : QByteArrayLiteral("application/xml");
    r.body = body;
    return r;
}

QByteArray xmlDocument(const QByteArray& inner) {
    return "<?xml version='1.0' encoding='UTF-8'?>\n<RestcommResponse>" + inner + "</RestcommResponse>";
}

bool isSid(const QString& text) {
    static const QRegularExpression pattern(u"^[a-zA-Z0-9]{34}$"_s);
    return pattern.match(text).hasMatch();
}

bool javaParseBoolean(const QString& text) {
    return text.compare(u"true"_s, Qt::CaseInsensitive) == 0;
}

// SQL LIKE '%value%' with '%' and '_' as wildcards and '*' literal (restcomm-numbers.md §4).
bool likeContains(const QString& haystack, const QString& needle) {
    QString pattern;
    for (const QChar c : needle) {
        if (c == u'%')
            pattern += u".*"_s;
        else if (c == u'_')
            pattern += u'.';
        else
            pattern += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption)
        .match(haystack)
        .hasMatch();
}

// Strict application/x-www-form-urlencoded decoding: '+' is a space, '%' needs two hex digits.
std::optional<QString> decodeFormComponent(const QByteArray& raw, QString* out) {
    QByteArray bytes;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '+') {
            bytes += ' ';
        } else if (c == '%') {
            const QByteArray hex = raw.mid(i + 1, 2);
            auto isHex = [](char h) {
                return (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
            };
            if (hex.size() != 2 || !isHex(hex.at(0)) || !isHex(hex.at(1)))
                return tr("broken percent-encoding \"%1\"").arg(QString::fromLatin1(raw.mid(i, 3)));
            bytes += static_cast<char>(hex.toInt(nullptr, 16));
            i += 2;
        } else {
            bytes += c;
        }
    }
    *out = QString::fromUtf8(bytes);
    return std::nullopt;
}

QString param(const QList<QPair<QString, QString>>& params, const QString& name, bool* present = nullptr) {
    for (const auto& [key, value] : params) {
        if (key == name) {
            if (present)
                *present = true;
            return value;
        }
    }
    if (present)
        *present = false;
    return {};
}

bool validUri(const QString& text) {
    // Java URI.create: no spaces or other illegal characters; relative references are fine.
    return QUrl(text, QUrl::StrictMode).isValid() && !text.contains(u' ');
}

// A column value from a form parameter; an empty URL or application sid clears it (§6).
enum class ColumnKind { Url, Method, AppSid, Text };

ColumnKind kindOf(const QString& column) {
    if (column.endsWith(u"_method"))
        return ColumnKind::Method;
    if (column.endsWith(u"_application_sid"))
        return ColumnKind::AppSid;
    if (column.endsWith(u"_url") || column == u"status_callback")
        return ColumnKind::Url;
    return ColumnKind::Text;
}

// Sets the columns named by params. Returns false when Restcomm would fail with a 500 (bad URI, bad sid,
// value too long for its column).
bool applyColumns(IncomingNumber& number, const QList<QPair<QString, QString>>& params) {
    for (const auto& [name, column] : IncomingNumber::parameterColumns()) {
        bool present = false;
        const QString value = param(params, name, &present);
        if (!present || column == u"api_version")
            continue;
        switch (kindOf(column)) {
        case ColumnKind::Url:
            if (!value.isEmpty() && !validUri(value))
                return false;
            number.text[column] = value.isEmpty() ? QString() : value;
            break;
        case ColumnKind::AppSid:
            if (!value.isEmpty() && !isSid(value))
                return false;
            number.text[column] = value.isEmpty() ? QString() : value;
            break;
        case ColumnKind::Method:
            if (value.size() > kMaxMethod)
                return false;
            number.text[column] = value;
            break;
        case ColumnKind::Text:
            if (column == u"friendly_name" && value.size() > kMaxFriendlyName)
                return false;
            number.text[column] = value;
            break;
        }
    }
    bool present = false;
    const QString lookup = param(params, u"VoiceCallerIdLookup"_s, &present);
    if (present)
        number.voiceCallerIdLookup = javaParseBoolean(lookup);
    for (const auto& [name, flag] :
         {std::pair{u"VoiceCapable"_s, &number.voiceCapable}, std::pair{u"SmsCapable"_s, &number.smsCapable},
          std::pair{u"MmsCapable"_s, &number.mmsCapable}, std::pair{u"FaxCapable"_s, &number.faxCapable}}) {
        const QString v = param(params, name, &present);
        if (present)
            *flag = javaParseBoolean(v);
    }
    return true;
}

QString md5Hex(const QString& text) {
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex());
}

// AvailablePhoneNumbers "Contains": digits kept, '*' one digit, letters through Restcomm's off-by-one
// keypad (ABC->1 ... WXYZ->9), anything else 0; wrapped as ((pattern)+).* (restcomm-numbers.md §9).
QString containsPattern(const QString& contains) {
    QString pattern;
    for (const QChar c : contains.toUpper()) {
        if (c.isDigit())
            pattern += c;
        else if (c == u'*')
            pattern += u"[0-9]"_s;
        else if (c >= u'A' && c <= u'Z') {
            static const QString keypad = u"11122233344455566667778999"_s;
            pattern += keypad.at(c.unicode() - u'A');
        } else
            pattern += u'0';
    }
    return u"^((" + pattern + u")+).*$";
}

} // namespace

RestcommService::RestcommService(quint32 seed, const EmulatorOptions& options)
    : m_clock(options.timeScale)
    , m_ids(seed ^ 0x5e5c1d5u)
    , m_data(RestcommDemoData::make(seed, options)) {
}

QString RestcommService::credentialLine() const {
    QMutexLocker locker(&m_mutex);
    const RestcommAccount& admin = m_data.accounts.first();
    return u"restcomm account_sid="_s + admin.sid + u" auth_token="_s + admin.authToken;
}

QJsonObject RestcommService::snapshot() const {
    QMutexLocker locker(&m_mutex);
    return m_data.toState();
}

void RestcommService::restore(const QJsonObject& state) {
    QMutexLocker locker(&m_mutex);
    RestcommData data = RestcommData::fromState(state);
    if (!data.accounts.isEmpty())
        m_data = data;
}

EmulatorResponse RestcommService::faultResponse(int status, int retryAfterSeconds) const {
    EmulatorResponse r = empty(status);
    if (retryAfterSeconds > 0)
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds)});
    return r;
}

QList<RestcommAccount> RestcommService::accounts() const {
    QMutexLocker locker(&m_mutex);
    return m_data.accounts;
}

QList<IncomingNumber> RestcommService::numbers() const {
    QMutexLocker locker(&m_mutex);
    return m_data.numbers;
}

QHash<QString, QString> RestcommService::organizations() const {
    QMutexLocker locker(&m_mutex);
    return m_data.organizations;
}

QList<AvailableNumber> RestcommService::availableNumbers() const {
    QMutexLocker locker(&m_mutex);
    return m_data.available;
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
    // anything whose MD5 hex is the stored token (restcomm-numbers.md §1).
    const RestcommAccount* account = nullptr;
    for (const RestcommAccount& a : m_data.accounts)
        if (a.email == user)
            account = &a;
    if (!account)
        for (const RestcommAccount& a : m_data.accounts)
            if (a.sid == user)
                account = &a;
    if (!account || (password != account->authToken && md5Hex(password) != account->authToken))
        return nullptr;
    return account;
}

const RestcommAccount* RestcommService::findAccount(const QString& ref) const {
    for (const RestcommAccount& a : m_data.accounts)
        if (a.friendlyName == ref)
            return &a;
    for (const RestcommAccount& a : m_data.accounts)
        if (a.email == ref)
            return &a;
    for (const RestcommAccount& a : m_data.accounts)
        if (a.sid == ref)
            return &a;
    return nullptr;
}

bool RestcommService::isSelfOrAncestor(const RestcommAccount& caller, const RestcommAccount& account) const {
    const RestcommAccount* current = &account;
    for (int depth = 0; current && depth < 32; ++depth) {
        if (current->sid == caller.sid)
            return true;
        if (current->parentSid.isEmpty())
            return false;
        current = findAccount(current->parentSid);
    }
    return false;
}

EmulatorResponse RestcommService::handle(const EmulatorRequest& request) {
    Call call;
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

EmulatorResponse RestcommService::numbersEndpoint(Call& call) {
    const QByteArray& method = call.request->method;
    const QStringList& rest = call.rest;
    if (rest.size() == 1 && rest[0] == u"migrate") {
        if (method != "POST")
            return empty(405);
        return migrate(call);
    }
    // Every other operation needs the path account to be the caller or one of its descendants.
    const RestcommAccount* account = findAccount(call.accountRef);
    if (!account)
        // Restcomm dereferences the missing account before its null check (inferred NPE -> 500, §1).
        return empty(500);
    if (!isSelfOrAncestor(*call.caller, *account))
        return empty(403);

    call.listUri = u"/2012-04-24/Accounts/"_s + call.accountRef + u"/IncomingPhoneNumbers"_s;
    if (rest.isEmpty() ||
        (rest.size() == 1 && (rest[0] == u"Local" || rest[0] == u"TollFree" || rest[0] == u"Mobile"))) {
        if (!rest.isEmpty())
            call.listUri += u'/' + rest[0];
        if (method == "GET")
            return list(call);
        if (method == "POST")
            return create(call, rest.isEmpty() ? u"Global"_s : rest[0]);
        return empty(405);
    }
    if (rest.size() == 1 && rest[0] == u"AvailableCountries") {
        if (method != "GET")
            return empty(405);
        return call.json ? formatted(200, true, "[\n  \"US\"\n]")
                         : formatted(200, false,
                                     xmlDocument("<AvailableCountries><AvailableCountry>US</AvailableCountry>"
                                                 "</AvailableCountries>"));
    }
    if (rest.size() == 1) {
        if (method == "GET")
            return read(call, rest[0]);
        if (method == "POST" || method == "PUT")
            return update(call, rest[0]);
        if (method == "DELETE")
            return remove(call, rest[0]);
        return empty(405);
    }
    return empty(404);
}

EmulatorResponse RestcommService::list(const Call& call) {
    const QUrlQuery& query = call.request->query;
    auto queryValue = [&](const QString& key, bool* present) {
        *present = query.hasQueryItem(key);
        QString v = query.queryItemValue(key, QUrl::FullyDecoded);
        return v;
    };
    bool hasPage = false;
    bool hasSize = false;
    const QString pageText = queryValue(u"Page"_s, &hasPage);
    const QString sizeText = queryValue(u"PageSize"_s, &hasSize);
    bool ok = true;
    const int page = hasPage ? pageText.toInt(&ok) : 0;
    if (!ok)
        return empty(500); // NumberFormatException, caught generically (§4)
    const int pageSize = hasSize ? sizeText.toInt(&ok) : kDefaultPageSize;
    if (!ok || pageSize <= 0 || page < 0)
        return empty(500);
    bool hasNumber = false;
    bool hasName = false;
    const QString numberFilter = queryValue(u"PhoneNumber"_s, &hasNumber);
    const QString nameFilter = queryValue(u"FriendlyName"_s, &hasName);

    // The SQL filter uses the raw path segment as account_sid; sub-accounts' numbers are not listed.
    QList<const IncomingNumber*> matched;
    for (const IncomingNumber& n : m_data.numbers) {
        if (n.accountSid() != call.accountRef)
            continue;
        if (hasNumber && !likeContains(n.phoneNumber(), numberFilter))
            continue;
        if (hasName && !likeContains(n.friendlyName(), nameFilter))
            continue;
        matched.append(&n);
    }
    // Restcomm's mapper never emits ORDER BY (sort direction bug, §4): SortBy/Reverse do nothing and rows
    // come in primary-key order, which we take to be sid order (UNCONFIRMED on HSQLDB).
    std::sort(matched.begin(), matched.end(),
              [](const IncomingNumber* a, const IncomingNumber* b) { return a->sid() < b->sid(); });

    const qsizetype total = matched.size();
    const qsizetype numPages = total / pageSize;
    if (page > numPages)
        return empty(400);
    const qsizetype offset = static_cast<qsizetype>(page) * pageSize;
    QList<const IncomingNumber*> rows = matched.mid(offset, pageSize);
    const qsizetype start = offset;
    const qsizetype end = page == numPages ? offset + rows.size() : offset + pageSize - 1;
    const QString size = QString::number(pageSize);
    const QString previous =
        page == 0 ? u"null"_s
                  : QString(call.listUri + u"?Page="_s + QString::number(page - 1) + u"&PageSize="_s + size);
    const QString next = page == numPages || rows.isEmpty()
                             ? u"null"_s
                             : QString(call.listUri + u"?Page="_s + QString::number(page + 1) +
                                       u"&PageSize="_s + size + u"&AfterSid="_s + rows.last()->sid());
    const QString first = call.listUri + u"?Page=0&PageSize="_s + size;
    const QString last = call.listUri + u"?Page="_s + QString::number(numPages) + u"&PageSize="_s + size;

    if (!call.json) {
        QByteArray out;
        QXmlStreamWriter xml(&out);
        xml.writeStartElement(u"IncomingPhoneNumbers"_s);
        xml.writeAttribute(u"page"_s, QString::number(page));
        xml.writeAttribute(u"numpages"_s, QString::number(numPages));
        xml.writeAttribute(u"pagesize"_s, size);
        xml.writeAttribute(u"total"_s, QString::number(numPages)); // Restcomm's bug: total carries num_pages
        xml.writeAttribute(u"start"_s, QString::number(start));
        xml.writeAttribute(u"end"_s, QString::number(end));
        xml.writeAttribute(u"uri"_s, call.listUri);
        xml.writeAttribute(u"firstpageuri"_s, first);
        xml.writeAttribute(u"previouspageuri"_s, previous);
        xml.writeAttribute(u"nextpageuri"_s, next);
        xml.writeAttribute(u"lastpageuri"_s, last);
        for (const IncomingNumber* n : rows)
            n->writeRestcommXml(xml, m_data.applications);
        xml.writeEndElement();
        return formatted(200, false, xmlDocument(out));
    }

    QByteArray items = "[]";
    if (!rows.isEmpty()) {
        items = "[\n";
        for (qsizetype i = 0; i < rows.size(); ++i) {
            items += RestcommJson::pad(4) + rows.at(i)->toRestcommJson(4, m_data.applications);
            items += i + 1 < rows.size() ? ",\n" : "\n";
        }
        items += "  ]";
    }
    const QByteArray body = RestcommJson::object({{u"page"_s, QByteArray::number(page)},
                                                  {u"num_pages"_s, QByteArray::number(numPages)},
                                                  {u"page_size"_s, QByteArray::number(pageSize)},
                                                  {u"total"_s, QByteArray::number(total)},
                                                  {u"start"_s, RestcommJson::scalar(QString::number(start))},
                                                  {u"end"_s, RestcommJson::scalar(QString::number(end))},
                                                  {u"uri"_s, RestcommJson::scalar(call.listUri)},
                                                  {u"first_page_uri"_s, RestcommJson::scalar(first)},
                                                  {u"previous_page_uri"_s, RestcommJson::scalar(previous)},
                                                  {u"next_page_uri"_s, RestcommJson::scalar(next)},
                                                  {u"last_page_uri"_s, RestcommJson::scalar(last)},
                                                  {u"incomingPhoneNumbers"_s, items}},
                                                 0);
    return formatted(200, true, body);
}

std::optional<EmulatorResponse> RestcommService::formParams(const Call& call, Params* params) const {
    const QByteArray body = call.request->body;
    if (body.isEmpty())
        return std::nullopt;
    const QByteArray contentType = call.request->header("content-type").toLower();
    if (!contentType.startsWith("application/x-www-form-urlencoded"))
        // Jersey's @FormParam endpoints consume only form bodies (UNCONFIRMED exact text: Jersey sends none).
        return plain(415,
                     tr("Unsupported Media Type: send the parameters as application/x-www-form-urlencoded, "
                        "not %1.")
                         .arg(QString::fromLatin1(contentType.isEmpty() ? QByteArray("no content type")
                                                                        : contentType)));
    for (const QByteArray& pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QString key;
        QString value;
        if (auto error = decodeFormComponent(eq < 0 ? pair : pair.left(eq), &key))
            return plain(400, tr("Malformed form data: %1 in parameter name \"%2\".")
                                  .arg(*error, QString::fromUtf8(eq < 0 ? pair : pair.left(eq))));
        if (eq >= 0) {
            if (auto error = decodeFormComponent(pair.mid(eq + 1), &value))
                return plain(
                    400, tr("Malformed form data: %1 in the value of parameter \"%2\".").arg(*error, key));
        }
        params->append({key, value});
    }
    return std::nullopt;
}

EmulatorResponse RestcommService::numberResponse(const Call& call, const IncomingNumber& number) const {
    // Single reads/updates read the row without the applications join: names are null (§3).
    if (call.json)
        return formatted(200, true, number.toRestcommJson(0, {}));
    return formatted(200, false, xmlDocument(number.toRestcommXml({})));
}

EmulatorResponse RestcommService::create(const Call& call, const QString& type) {
    Params params;
    if (auto error = formParams(call, &params))
        return *error;
    bool hasNumber = false;
    bool hasAreaCode = false;
    bool hasSip = false;
    const QString raw = param(params, u"PhoneNumber"_s, &hasNumber);
    param(params, u"AreaCode"_s, &hasAreaCode);
    const QString sipText = param(params, u"isSIP"_s, &hasSip);
    if (!hasNumber && !hasAreaCode)
        return plain(400, tr("Phone number can not be null."));
    if (!hasNumber)
        // Docs: AreaCode provisions a random number. Server: the E.164 step dereferences the missing
        // number -> 500 (restcomm-numbers.md §5.2, inferred). We behave like the server.
        return empty(500);
    const bool sip = javaParseBoolean(sipText);

    // Duplicate check on a normalised form unless isSIP is present (§5.3, §5.4).
    QString normalised = raw;
    if (!hasSip) {
        if (!normalised.startsWith(u'+'))
            normalised.prepend(u'+');
        const core::ParseOutcome parsed = core::PhoneNumber::parse(normalised, u"US");
        if (parsed.ok())
            normalised = parsed.number->e164();
        else
            normalised = raw;
    }
    for (const IncomingNumber& n : m_data.numbers) {
        if (n.phoneNumber() != normalised)
            continue;
        if (!sip || n.organizationSid == call.caller->organizationSid)
            return formatted(400, call.json, "21452");
    }

    IncomingNumber number;
    // The generator restarts with the seed, so after restore() it would repeat sids: skip used ones.
    QString sid = RestcommDemoData::sid(u"PN"_s, m_ids);
    while (std::any_of(m_data.numbers.cbegin(), m_data.numbers.cend(),
                       [&](const IncomingNumber& n) { return n.sid() == sid; }))
        sid = RestcommDemoData::sid(u"PN"_s, m_ids);
    const QString accountSid = findAccount(call.accountRef)->sid;
    const QString givenVersion = param(params, u"ApiVersion"_s);
    const QString apiVersion = givenVersion.isEmpty() ? u"2012-04-24"_s : givenVersion;
    const QString post = u"POST"_s;
    number.text = {{u"sid"_s, sid},
                   {u"account_sid"_s, accountSid},
                   {u"friendly_name"_s, raw}, // default: the raw input, not a formatted number (§5.6)
                   {u"phone_number"_s, raw},
                   {u"api_version"_s, apiVersion},
                   {u"uri"_s, QString(u'/' + apiVersion + u"/Accounts/"_s + accountSid +
                                      u"/IncomingPhoneNumbers/"_s + sid)}};
    for (const auto& [name, column] : IncomingNumber::parameterColumns()) {
        if (column == u"friendly_name" || column == u"api_version")
            continue;
        number.text.insert(column, kindOf(column) == ColumnKind::Method ? post : QString());
    }
    if (!applyColumns(number, params) || raw.size() > kMaxPhoneNumber || apiVersion.size() > kMaxApiVersion)
        return empty(500);
    number.pureSip = sip;
    number.organizationSid = call.caller->organizationSid;
    number.type = type;
    number.dateCreated = m_clock.now();
    number.dateUpdated = number.dateCreated;

    // The DID provider: only when isSIP is absent. It sells what AvailablePhoneNumbers lists; anything
    // else is "not found" -> 400 21452. isSIP=false (present) skips it entirely (quirk, §5.5).
    if (!hasSip) {
        qsizetype stock = -1;
        for (qsizetype i = 0; i < m_data.available.size(); ++i)
            if (m_data.available.at(i).phoneNumber == normalised)
                stock = i;
        if (stock < 0)
            return formatted(400, call.json, "21452");
        m_data.available.removeAt(stock);
    }
    m_data.numbers.append(number);
    return numberResponse(call, number); // 200, not 201 (§5.6)
}

std::optional<EmulatorResponse> RestcommService::findNumber(const Call& call, const QString& sid,
                                                            qsizetype* index) const {
    if (!isSid(sid))
        return empty(500); // Sid's constructor throws on a malformed sid (§6, inferred)
    for (qsizetype i = 0; i < m_data.numbers.size(); ++i) {
        if (m_data.numbers.at(i).sid() != sid)
            continue;
        if (m_data.numbers.at(i).accountSid() != findAccount(call.accountRef)->sid)
            return empty(403);
        *index = i;
        return std::nullopt;
    }
    return empty(404);
}

EmulatorResponse RestcommService::read(const Call& call, const QString& sid) {
    qsizetype index = -1;
    if (auto error = findNumber(call, sid, &index))
        return *error;
    return numberResponse(call, m_data.numbers.at(index));
}

EmulatorResponse RestcommService::update(const Call& call, const QString& sid) {
    qsizetype index = -1;
    if (auto error = findNumber(call, sid, &index))
        return *error;
    Params params;
    if (auto error = formParams(call, &params))
        return *error;
    IncomingNumber stored = m_data.numbers.at(index);
    if (!applyColumns(stored, params))
        return empty(500);
    bool hasVersion = false;
    const QString apiVersion = param(params, u"ApiVersion"_s, &hasVersion);
    if (hasVersion && apiVersion.size() > kMaxApiVersion)
        return empty(500);
    m_data.numbers[index] = stored;
    // The answer shows the new date_updated and ApiVersion, but the SQL UPDATE stores neither, so a
    // later GET shows the old values (§6, inferred).
    IncomingNumber answer = stored;
    answer.dateUpdated = m_clock.now();
    if (hasVersion)
        answer.text[u"api_version"_s] = apiVersion;
    return numberResponse(call, answer);
}

EmulatorResponse RestcommService::remove(const Call& call, const QString& sid) {
    qsizetype index = -1;
    if (auto error = findNumber(call, sid, &index))
        return *error;
    const IncomingNumber number = m_data.numbers.takeAt(index);
    if (!number.pureSip && core::PhoneNumber::isE164(number.phoneNumber()) &&
        number.phoneNumber().startsWith(u"+1")) {
        // Released at the provider: the number is for sale again.
        AvailableNumber back;
        back.phoneNumber = number.phoneNumber();
        back.friendlyName = number.phoneNumber();
        back.isoCountry = u"US"_s;
        back.type = number.type == u"Global" ? u"Local"_s : number.type;
        back.cost = u"1.00"_s;
        m_data.available.append(back);
    }
    return empty(204);
}

EmulatorResponse RestcommService::migrate(const Call& call) {
    if (!call.caller->parentSid.isEmpty())
        return empty(403); // super admins only
    const RestcommAccount* target = findAccount(call.accountRef);
    if (!target)
        return plain(404, tr("Account not found"));
    if (target->parentSid.isEmpty())
        return plain(
            400, tr("Super Admin account numbers can not be migrated. Please provide a valid account sid"));
    Params params;
    if (auto error = formParams(call, &params))
        return *error;
    bool present = false;
    const QString organization = param(params, u"OrganizationSid"_s, &present);
    if (!present)
        return plain(400, tr("OrganizationSid cannot be null"));
    if (!isSid(organization))
        return plain(400, tr("OrganizationSid is not valid"));
    if (!m_data.organizations.contains(organization))
        return plain(404, tr("Destination organization not found"));
    // The target and every descendant account move to the organisation; sids and uris stay.
    QSet<QString> tree{target->sid};
    bool grew = true;
    while (grew) {
        grew = false;
        for (const RestcommAccount& a : m_data.accounts)
            if (tree.contains(a.parentSid) && !tree.contains(a.sid))
                grew = tree.insert(a.sid) != tree.end();
    }
    for (RestcommAccount& a : m_data.accounts)
        if (tree.contains(a.sid))
            a.organizationSid = organization;
    for (IncomingNumber& n : m_data.numbers)
        if (tree.contains(n.accountSid()))
            n.organizationSid = organization;
    return empty(200);
}

EmulatorResponse RestcommService::availableEndpoint(Call& call) {
    const RestcommAccount* account = findAccount(call.accountRef);
    if (!account)
        return empty(500);
    if (!isSelfOrAncestor(*call.caller, *account))
        return empty(403);
    if (call.rest.size() != 2)
        return empty(404);
    const QString country = call.rest[0];
    const QString kind = call.rest[1];
    if (kind != u"Local" && kind != u"TollFree" && kind != u"Mobile")
        return empty(404);
    if (call.request->method != "GET")
        return empty(405);
    const QUrlQuery& q = call.request->query;
    auto value = [&](const QString& key) {
        return q.queryItemValue(key, QUrl::FullyDecoded);
    };
    const QString areaCode = value(u"AreaCode"_s);
    const QString contains = value(u"Contains"_s);
    const QRegularExpression containsRe(contains.isEmpty() ? u".*"_s : containsPattern(contains));
    QList<const AvailableNumber*> hits;
    for (const AvailableNumber& a : m_data.available) {
        if (a.isoCountry.compare(country, Qt::CaseInsensitive) != 0)
            continue;
        // For Local, a non-US country is searched as type Global (any type).
        if (!(kind == u"Local" && country.compare(u"US"_s, Qt::CaseInsensitive) != 0) && a.type != kind)
            continue;
        const QString national =
            a.phoneNumber.startsWith(u"+1") ? a.phoneNumber.mid(2) : a.phoneNumber.mid(1);
        if (!areaCode.isEmpty() && !national.startsWith(areaCode))
            continue;
        if (!contains.isEmpty() && !containsRe.match(national).hasMatch())
            continue;
        auto wants = [&](const QString& key, bool capable) {
            return !javaParseBoolean(value(key)) || capable;
        };
        if (!wants(u"VoiceEnabled"_s, a.voice) || !wants(u"SmsEnabled"_s, a.sms) ||
            !wants(u"MmsEnabled"_s, a.mms) || !wants(u"FaxEnabled"_s, a.fax))
            continue;
        if (q.hasQueryItem(u"InPostalCode"_s) && a.postalCode != value(u"InPostalCode"_s))
            continue;
        if (q.hasQueryItem(u"InRegion"_s) && a.region != value(u"InRegion"_s))
            continue;
        if (q.hasQueryItem(u"InRateCenter"_s) && a.rateCenter != value(u"InRateCenter"_s))
            continue;
        if (q.hasQueryItem(u"InLata"_s) && a.lata != value(u"InLata"_s))
            continue;
        hits.append(&a);
    }
    // camelCase members, nulls omitted (restcomm-numbers.md §9).
    auto members = [](const AvailableNumber& a) {
        QList<QPair<QString, QString>> m{{u"friendlyName"_s, a.friendlyName},
                                         {u"phoneNumber"_s, a.phoneNumber},
                                         {u"lata"_s, a.lata},
                                         {u"rateCenter"_s, a.rateCenter},
                                         {u"region"_s, a.region},
                                         {u"postalCode"_s, a.postalCode},
                                         {u"isoCountry"_s, a.isoCountry},
                                         {u"cost"_s, a.cost}};
        m.removeIf([](const QPair<QString, QString>& p) { return p.second.isEmpty(); });
        return m;
    };
    if (call.json) {
        QByteArray body = "[]";
        if (!hits.isEmpty()) {
            body = "[\n";
            for (qsizetype i = 0; i < hits.size(); ++i) {
                const AvailableNumber& a = *hits.at(i);
                QList<QPair<QString, QByteArray>> object;
                for (const auto& [key, text] : members(a))
                    object.append({key, RestcommJson::scalar(text)});
                for (const auto& [key, flag] :
                     {std::pair{u"voiceCapable"_s, a.voice}, std::pair{u"smsCapable"_s, a.sms},
                      std::pair{u"mmsCapable"_s, a.mms}, std::pair{u"faxCapable"_s, a.fax}})
                    object.append({key, flag ? QByteArrayLiteral("true") : QByteArrayLiteral("false")});
                body += RestcommJson::pad(2) + RestcommJson::object(object, 2) +
                        (i + 1 < hits.size() ? ",\n" : "\n");
            }
            body += ']';
        }
        return formatted(200, true, body);
    }
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartElement(u"AvailablePhoneNumbers"_s);
    for (const AvailableNumber* a : hits) {
        xml.writeStartElement(u"AvailablePhoneNumber"_s);
        for (const auto& [key, text] : members(*a))
            xml.writeTextElement(key.at(0).toUpper() + key.mid(1), text);
        xml.writeEndElement();
    }
    xml.writeEndElement();
    return formatted(200, false, xmlDocument(out));
}

} // namespace trunkline::emulator::restcomm
