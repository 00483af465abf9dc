#pragma once

#include "emulator/ProviderService.h"
#include "emulator/ringcentral/RcCall.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>
#include <functional>
#include <initializer_list>
#include <optional>
#include <vector>

namespace trunkline::emulator::ringcentral {

// RingCentral's list plumbing (docs/api/ringcentral.md §8): page/perPage, the {uri, records, paging,
// navigation} envelope and repeatable enum filters, the same for every list endpoint.
struct RcPageRequest {
    int page = 1;
    int perPage = 100;
};

constexpr int kRcMaxPerPage = 1000; // UNCONFIRMED: assumed for every list

std::optional<EmulatorResponse> parsePaging(const QUrlQuery& query, RcPageRequest* out);

// Builds {uri, records, paging, navigation} for items [0, total) of a list, rendering only the page. The
// records arrive already serialised (possibly from a cache) and are spliced into the body as bytes.
EmulatorResponse pagedBytes(const QString& listUri, const QUrlQuery& originalQuery, const RcPageRequest& page,
                            int total, const std::function<QByteArray(int)>& record);
EmulatorResponse pagedList(const QString& listUri, const QUrlQuery& originalQuery, const RcPageRequest& page,
                           int total, const std::function<QJsonObject(int)>& record);

// A page of one of the directory's big lists (extensions, account numbers): the records that pass `keep`,
// each serialised once and then reused from the account's record cache until the next change.
template <typename Record, typename Keep, typename Render>
EmulatorResponse pagedDirectoryList(RcCall& call, const QString& listUri, const RcPageRequest& page,
                                    const std::vector<Record>& records, Keep keep, Render render) {
    std::vector<std::size_t> matches;
    matches.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (keep(records[i]))
            matches.push_back(i);
    }
    return pagedBytes(listUri, call.request.query, page, static_cast<int>(matches.size()), [&](int i) {
        const std::size_t index = matches[static_cast<std::size_t>(i)];
        return call.account.records.record(records, index, call.base, [&] { return render(records[index]); });
    });
}

// One repeatable enum filter of a list (?type=User&type=Department): its query key, the values it accepts
// and where the asked values go (left empty = no filter).
struct RcEnumFilter {
    QString key;
    const QStringList& allowed;
    QStringList* out;
};

// Reads page/perPage and then each filter in order; the first bad value is the error answer.
std::optional<EmulatorResponse> parseListQuery(const QUrlQuery& query, RcPageRequest* page,
                                               std::initializer_list<RcEnumFilter> filters);

} // namespace trunkline::emulator::ringcentral
