#include "emulator/telnyx/TelnyxWire.h"

#include "emulator/JsonRequestReader.h"
#include "emulator/telnyx/TelnyxErrors.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

QString tr(const char* text) {
    return QCoreApplication::translate("trunkline::emulator::telnyx::TelnyxService", text);
}

Query::Query(const QUrlQuery& query) {
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

bool Query::has(const QString& key) const {
    return std::any_of(m_items.cbegin(), m_items.cend(), [&](const Item& i) { return i.key == key; });
}

QString Query::rawKey(const QString& key) const {
    for (const Item& i : m_items)
        if (i.key == key)
            return i.raw;
    return key;
}

QString Query::value(const QString& key) const {
    for (const Item& i : m_items)
        if (i.key == key)
            return i.value;
    return {};
}

QStringList Query::filterValues(const QString& field, bool splitPlain) const {
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

QStringList Query::sortValues() const {
    QStringList out;
    for (const Item& i : m_items)
        if (i.key == u"sort" || i.key == u"sort.value")
            out += i.value.split(u',', Qt::SkipEmptyParts);
    return out;
}

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

std::optional<EmulatorResponse> parseObject(const QByteArray& body, QJsonObject* out) {
    const JsonRequestReader::Body parsed = JsonRequestReader::parse(body);
    switch (parsed.fault) {
    case JsonRequestReader::BodyFault::Empty:
        *out = {};
        return std::nullopt;
    case JsonRequestReader::BodyFault::Malformed:
        return TelnyxErrors::response(
            400, TelnyxErrors::badRequest(tr("The request body is not valid JSON: %1 at byte %2.")
                                              .arg(parsed.parseError)
                                              .arg(parsed.offset)));
    case JsonRequestReader::BodyFault::NotAnObject:
        return TelnyxErrors::response(
            400, TelnyxErrors::badRequest(tr("The request body must be a JSON object."), u"/"_s));
    case JsonRequestReader::BodyFault::None:
        break;
    }
    *out = parsed.object;
    return std::nullopt;
}

std::optional<int> jsonInt(const QJsonValue& v) {
    const std::optional<qint64> whole = JsonRequestReader::wholeNumber(v);
    if (!whole || *whole < std::numeric_limits<int>::min() || *whole > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(*whole);
}

QString typeName(const QJsonValue& v) {
    return JsonRequestReader::typeName(v);
}

bool isUuid(const QString& s) {
    return s.size() == 36 && !QUuid::fromString(s).isNull();
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

void sortRecords(QList<QJsonObject>& records, const QString& sort) {
    const bool descending = sort.startsWith(u'-');
    const QString key = descending ? sort.mid(1) : sort;
    std::stable_sort(records.begin(), records.end(), [&](const QJsonObject& a, const QJsonObject& b) {
        const QString va = jsonText(at(a, key));
        const QString vb = jsonText(at(b, key));
        return descending ? va > vb : va < vb;
    });
}

QString statusText(core::PortingOrderStatus s) {
    return core::toWire(s);
}

} // namespace trunkline::emulator::telnyx
