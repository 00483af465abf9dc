#pragma once

#include "emulator/ProviderService.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>
#include <functional>
#include <optional>

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

// Repeatable enum filter (?type=User&type=Department); empty list = no filter.
std::optional<EmulatorResponse> enumFilter(const QUrlQuery& query, const QString& key,
                                           const QStringList& allowed, QStringList* out);

} // namespace trunkline::emulator::ringcentral
