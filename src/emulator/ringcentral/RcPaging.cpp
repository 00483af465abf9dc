// Builds JSON from concatenated strings; QStringBuilder's lazy results do not convert to QJsonValue.
#undef QT_USE_QSTRINGBUILDER

#include "emulator/ringcentral/RcPaging.h"

#include "emulator/ringcentral/RcErrors.h"
#include "emulator/ringcentral/RingCentralService.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

std::optional<EmulatorResponse> parsePaging(const QUrlQuery& query, RcPageRequest* out) {
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
        out->perPage = kRcMaxPerPage;
    } else if (!perPage.isEmpty()) {
        bool ok = false;
        const int value = perPage.toInt(&ok);
        if (!ok || value < 1)
            return RcErrors::invalidParameter(
                u"perPage"_s, RingCentralService::tr("Expected an integer of 1 or more, or \"max\"."),
                perPage);
        // Larger values are clamped to the maximum (docs/api/ringcentral.md §8; 1000 assumed for every list).
        out->perPage = qMin(value, kRcMaxPerPage);
    }
    return std::nullopt;
}

// Builds {uri, records, paging, navigation} for items [0, total) of a list, rendering only the page. The
// records arrive already serialised (possibly from a cache) and are spliced into the body as bytes.
EmulatorResponse pagedBytes(const QString& listUri, const QUrlQuery& originalQuery, const RcPageRequest& page,
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

EmulatorResponse pagedList(const QString& listUri, const QUrlQuery& originalQuery, const RcPageRequest& page,
                           int total, const std::function<QJsonObject(int)>& record) {
    return pagedBytes(listUri, originalQuery, page, total,
                      [&record](int i) { return QJsonDocument(record(i)).toJson(QJsonDocument::Compact); });
}

// Repeatable enum filter (?type=User&type=Department); empty list = no filter.
std::optional<EmulatorResponse> parseListQuery(const QUrlQuery& query, RcPageRequest* page,
                                               std::initializer_list<RcEnumFilter> filters) {
    if (auto error = parsePaging(query, page))
        return error;
    for (const RcEnumFilter& filter : filters) {
        for (const QString& value : query.allQueryItemValues(filter.key, QUrl::FullyDecoded)) {
            if (!filter.allowed.contains(value))
                return RcErrors::invalidParameter(filter.key,
                                                  RingCentralService::tr("\"%1\" is not one of: %2.")
                                                      .arg(value, filter.allowed.join(u", "_s)),
                                                  value);
            filter.out->append(value);
        }
    }
    return std::nullopt;
}

} // namespace trunkline::emulator::ringcentral
