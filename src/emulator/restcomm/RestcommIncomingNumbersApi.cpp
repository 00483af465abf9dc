#include "core/PhoneNumber.h"
#include "emulator/restcomm/RestcommApi.h"
#include "emulator/restcomm/RestcommWire.h"

#include <QRegularExpression>
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

// SQL LIKE '%value%' with '%' and '_' as wildcards and '*' literal (docs/api/restcomm-numbers.md §4).
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
bool applyColumns(IncomingNumber& number, const RestcommForm::Params& params) {
    for (const auto& [name, column] : IncomingNumber::parameterColumns()) {
        bool present = false;
        const QString value = RestcommForm::param(params, name, &present);
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
    const QString lookup = RestcommForm::param(params, u"VoiceCallerIdLookup"_s, &present);
    if (present)
        number.voiceCallerIdLookup = javaParseBoolean(lookup);
    for (const auto& [name, flag] :
         {std::pair{u"VoiceCapable"_s, &number.voiceCapable}, std::pair{u"SmsCapable"_s, &number.smsCapable},
          std::pair{u"MmsCapable"_s, &number.mmsCapable}, std::pair{u"FaxCapable"_s, &number.faxCapable}}) {
        const QString v = RestcommForm::param(params, name, &present);
        if (present)
            *flag = javaParseBoolean(v);
    }
    return true;
}

} // namespace

EmulatorResponse RestcommIncomingNumbersApi::list(RestcommState& state, const RestcommCall& call) {
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
    for (const IncomingNumber& n : state.data.numbers) {
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
            n->writeRestcommXml(xml, state.data.applications);
        xml.writeEndElement();
        return formatted(200, false, xmlDocument(out));
    }

    QByteArray items = "[]";
    if (!rows.isEmpty()) {
        items = "[\n";
        for (qsizetype i = 0; i < rows.size(); ++i) {
            items += RestcommJson::pad(4) + rows.at(i)->toRestcommJson(4, state.data.applications);
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

EmulatorResponse RestcommIncomingNumbersApi::numberResponse(const RestcommCall& call,
                                                            const IncomingNumber& number) {
    // Single reads/updates read the row without the applications join: names are null (§3).
    if (call.json)
        return formatted(200, true, number.toRestcommJson(0, {}));
    return formatted(200, false, xmlDocument(number.toRestcommXml({})));
}

EmulatorResponse RestcommIncomingNumbersApi::create(RestcommState& state, const RestcommCall& call,
                                                    const QString& type) {
    RestcommForm::Params params;
    if (auto error = RestcommForm::read(*call.request, &params))
        return *error;
    bool hasNumber = false;
    bool hasAreaCode = false;
    bool hasSip = false;
    const QString raw = RestcommForm::param(params, u"PhoneNumber"_s, &hasNumber);
    RestcommForm::param(params, u"AreaCode"_s, &hasAreaCode);
    const QString sipText = RestcommForm::param(params, u"isSIP"_s, &hasSip);
    if (!hasNumber && !hasAreaCode)
        return plain(400, tr("Phone number can not be null."));
    if (!hasNumber)
        // Docs: AreaCode provisions a random number. Server: the E.164 step dereferences the missing
        // number -> 500 (docs/api/restcomm-numbers.md §5.2, inferred). We behave like the server.
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
    for (const IncomingNumber& n : state.data.numbers) {
        if (n.phoneNumber() != normalised)
            continue;
        if (!sip || n.organizationSid == call.caller->organizationSid)
            return formatted(400, call.json, "21452");
    }

    IncomingNumber number;
    // The generator restarts with the seed, so after restore() it would repeat sids: skip used ones.
    QString sid = RestcommDemoData::sid(u"PN"_s, state.ids);
    while (std::any_of(state.data.numbers.cbegin(), state.data.numbers.cend(),
                       [&](const IncomingNumber& n) { return n.sid() == sid; }))
        sid = RestcommDemoData::sid(u"PN"_s, state.ids);
    const QString accountSid = state.findAccount(call.accountRef)->sid;
    const QString givenVersion = RestcommForm::param(params, u"ApiVersion"_s);
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
    number.dateCreated = state.clock.now();
    number.dateUpdated = number.dateCreated;

    // The DID provider: only when isSIP is absent. It sells what AvailablePhoneNumbers lists; anything
    // else is "not found" -> 400 21452. isSIP=false (present) skips it entirely (quirk, §5.5).
    if (!hasSip) {
        qsizetype stock = -1;
        for (qsizetype i = 0; i < state.data.available.size(); ++i)
            if (state.data.available.at(i).phoneNumber == normalised)
                stock = i;
        if (stock < 0)
            return formatted(400, call.json, "21452");
        state.data.available.removeAt(stock);
    }
    state.data.numbers.append(number);
    return numberResponse(call, number); // 200, not 201 (§5.6)
}

std::optional<EmulatorResponse> RestcommIncomingNumbersApi::findNumber(RestcommState& state,
                                                                       const RestcommCall& call,
                                                                       const QString& sid, qsizetype* index) {
    if (!isSid(sid))
        return empty(500); // Sid's constructor throws on a malformed sid (§6, inferred)
    for (qsizetype i = 0; i < state.data.numbers.size(); ++i) {
        if (state.data.numbers.at(i).sid() != sid)
            continue;
        if (state.data.numbers.at(i).accountSid() != state.findAccount(call.accountRef)->sid)
            return empty(403);
        *index = i;
        return std::nullopt;
    }
    return empty(404);
}

EmulatorResponse RestcommIncomingNumbersApi::read(RestcommState& state, const RestcommCall& call,
                                                  const QString& sid) {
    qsizetype index = -1;
    if (auto error = findNumber(state, call, sid, &index))
        return *error;
    return numberResponse(call, state.data.numbers.at(index));
}

EmulatorResponse RestcommIncomingNumbersApi::update(RestcommState& state, const RestcommCall& call,
                                                    const QString& sid) {
    qsizetype index = -1;
    if (auto error = findNumber(state, call, sid, &index))
        return *error;
    RestcommForm::Params params;
    if (auto error = RestcommForm::read(*call.request, &params))
        return *error;
    IncomingNumber stored = state.data.numbers.at(index);
    if (!applyColumns(stored, params))
        return empty(500);
    bool hasVersion = false;
    const QString apiVersion = RestcommForm::param(params, u"ApiVersion"_s, &hasVersion);
    if (hasVersion && apiVersion.size() > kMaxApiVersion)
        return empty(500);
    state.data.numbers[index] = stored;
    // The answer shows the new date_updated and ApiVersion, but the SQL UPDATE stores neither, so a
    // later GET shows the old values (§6, inferred).
    IncomingNumber answer = stored;
    answer.dateUpdated = state.clock.now();
    if (hasVersion)
        answer.text[u"api_version"_s] = apiVersion;
    return numberResponse(call, answer);
}

EmulatorResponse RestcommIncomingNumbersApi::remove(RestcommState& state, const RestcommCall& call,
                                                    const QString& sid) {
    qsizetype index = -1;
    if (auto error = findNumber(state, call, sid, &index))
        return *error;
    const IncomingNumber number = state.data.numbers.takeAt(index);
    if (!number.pureSip && core::PhoneNumber::isE164(number.phoneNumber()) &&
        number.phoneNumber().startsWith(u"+1")) {
        // Released at the provider: the number is for sale again.
        AvailableNumber back;
        back.phoneNumber = number.phoneNumber();
        back.friendlyName = number.phoneNumber();
        back.isoCountry = u"US"_s;
        back.type = number.type == u"Global" ? u"Local"_s : number.type;
        back.cost = u"1.00"_s;
        state.data.available.append(back);
    }
    return empty(204);
}

} // namespace trunkline::emulator::restcomm
