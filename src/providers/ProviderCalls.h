#pragma once

// Shared by the three provider clients: what each keeps (ProviderClient), how results come back (callbacks,
// consistently) and how a paged provider list becomes typed records. Header-only; each provider library
// includes it.

#include "net/ApiClient.h"
#include "net/ApiError.h"
#include "net/PagedFetch.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

namespace trunkline::providers {

// One operation's answer: a value, or the typed error that prevented it.
template <typename T>
struct Outcome {
    std::optional<T> value;
    std::optional<net::ApiError> error;

    bool ok() const { return !error.has_value() && value.has_value(); }
};

template <typename T>
using Callback = std::function<void(const Outcome<T>&)>;

// For operations without a value (delete, confirm without reading back): nullopt = success.
using Completion = std::function<void(const std::optional<net::ApiError>&)>;

// How a whole list ended. `complete` is false when a page failed, the fetch was cancelled, or a record
// could not be read: then the sync engine must not delete local records the list did not mention.
struct ListOutcome {
    bool complete = false;
    int pages = 0;
    int records = 0;      // records delivered to the page handler
    QStringList problems; // records skipped because they could not be read
    std::optional<net::ApiError> error;
};

template <typename T>
using PageHandler = std::function<void(int page, const QList<T>& records)>;
using ListDone = std::function<void(const ListOutcome&)>;

// One page of a list: the list's request (path, rate group, subject, filters) with the provider's own
// page-number and page-size parameters added.
inline net::ApiRequest pageRequest(net::ApiRequest list, const QString& pageKey, int page,
                                   const QString& sizeKey, int size) {
    list.query.addQueryItem(pageKey, QString::number(page));
    list.query.addQueryItem(sizeKey, QString::number(size));
    return list;
}

// What every provider client keeps: the ApiClient it sends through, and the records a list page asks for,
// from 1 to the provider's largest page.
class ProviderClient {
public:
    void setPageSize(int size) { m_pageSize = std::clamp(size, 1, m_maxPageSize); }
    int pageSize() const { return m_pageSize; }
    net::ApiClient* api() const { return m_api; }

protected:
    ProviderClient(net::ApiClient* api, int pageSize, int maxPageSize)
        : m_api(api)
        , m_pageSize(pageSize)
        , m_maxPageSize(maxPageSize) {}

    // The request for each page of `list`: the provider's page-number and page-size parameters added, the
    // size as set now. PagedFetch counts pages from 1; `firstPage` is the provider's number of the first.
    net::PagedFetch::RequestForPage pagesOf(net::ApiRequest list, const QString& pageKey,
                                            const QString& sizeKey, int firstPage = 1) const {
        return [list = std::move(list), pageKey, sizeKey, firstPage, size = m_pageSize](int page) {
            return pageRequest(list, pageKey, page - 1 + firstPage, sizeKey, size);
        };
    }

    net::ApiClient* m_api;

private:
    int m_pageSize;
    int m_maxPageSize;
};

// The start of reading a list page: its records, the array under `key` in every provider's envelope, and
// the page count where the page states it as a number (`totalPages`, the member of the envelope that holds
// it); the caller adds the next link. nullopt with *problem = `missing` when the page has no array.
inline std::optional<net::PageContent> pageRecords(const QJsonObject& body, QLatin1StringView key,
                                                   QString* problem, const QString& missing,
                                                   const QJsonValue& totalPages = {}) {
    if (!body.value(key).isArray()) {
        *problem = missing;
        return std::nullopt;
    }
    net::PageContent content;
    content.records = body.value(key).toArray();
    if (totalPages.isDouble())
        content.totalPages = totalPages.toInt();
    return content;
}

// Maps one JSON record; nullopt with *problem set when it cannot be read.
template <typename T>
using RecordMapper = std::function<std::optional<T>(const QJsonObject&, QString* problem)>;

// What a RecordMapper gives for a record it cannot read: nullopt, with *problem = `why` when asked for.
inline std::nullopt_t unreadable(QString* problem, const QString& why) {
    if (problem)
        *problem = why;
    return std::nullopt;
}

// Starts a PagedFetch whose pages are mapped to records. The fetch belongs to `context` and deletes
// itself after onDone; keep a QPointer to cancel it.
template <typename T>
net::PagedFetch* startTypedList(net::ApiClient* client, QObject* context,
                                net::PagedFetch::RequestForPage requestForPage,
                                net::PagedFetch::PageReader reader, RecordMapper<T> mapper,
                                PageHandler<T> onPage, ListDone onDone) {
    auto* fetch = new net::PagedFetch(client, std::move(requestForPage), std::move(reader), context);
    auto problems = std::make_shared<QStringList>();
    auto delivered = std::make_shared<int>(0);
    QObject::connect(fetch, &net::PagedFetch::pageReceived, context,
                     [mapper, onPage, problems, delivered](int page, const QJsonArray& records) {
                         QList<T> mapped;
                         mapped.reserve(records.size());
                         for (const QJsonValue& value : records) {
                             QString problem;
                             if (std::optional<T> record = mapper(value.toObject(), &problem))
                                 mapped.append(std::move(*record));
                             else
                                 problems->append(problem);
                         }
                         *delivered += static_cast<int>(mapped.size());
                         if (onPage)
                             onPage(page, mapped);
                     });
    QObject::connect(fetch, &net::PagedFetch::finished, context,
                     [fetch, onDone, problems, delivered, client](const net::PagedFetchResult& result) {
                         ListOutcome outcome;
                         outcome.pages = result.pages;
                         outcome.records = *delivered;
                         outcome.problems = *problems;
                         outcome.error = result.error;
                         outcome.complete = result.complete && problems->isEmpty();
                         if (result.complete && !problems->isEmpty()) {
                             net::ApiError error;
                             error.kind = net::ApiError::Kind::Protocol;
                             error.provider = client ? client->providerName() : QString();
                             error.detail = problems->first();
                             outcome.error = error;
                         }
                         fetch->deleteLater();
                         if (onDone)
                             onDone(outcome);
                     });
    fetch->start();
    return fetch;
}

// Sends one request and hands its JSON object body to `read`, which makes the value.
template <typename T>
net::ApiReply* sendForValue(net::ApiClient* client, QObject* context, net::ApiRequest request,
                            std::function<std::optional<T>(const QJsonObject&, QString*)> read,
                            Callback<T> done) {
    const QString subject = request.subject;
    net::ApiReply* reply = client->send(std::move(request));
    QObject::connect(reply, &net::ApiReply::finished, context,
                     [client, subject, read, done](const net::ApiResult& result) {
                         Outcome<T> outcome;
                         if (result.error) {
                             outcome.error = result.error;
                         } else {
                             QString problem;
                             outcome.value = read(result.json().object(), &problem);
                             if (!outcome.value) {
                                 net::ApiError error;
                                 error.kind = net::ApiError::Kind::Protocol;
                                 error.httpStatus = result.httpStatus;
                                 error.provider = client->providerName();
                                 error.subject = subject;
                                 error.detail = problem;
                                 outcome.error = error;
                             }
                         }
                         if (done)
                             done(outcome);
                     });
    return reply;
}

// How a create whose answer was lost is checked: calls back with the record if it exists remotely, with
// nullopt if it provably does not, or with an error if that cannot be told.
template <typename T>
using LookupDone =
    std::function<void(const std::optional<T>& found, const std::optional<net::ApiError>& error)>;
template <typename T>
using Lookup = std::function<void(LookupDone<T>)>;

// The lookup of a record in a list: sends `query` (the list, filtered towards the record) and calls back
// with the first record under `key` that `read` can read and `matches` accepts, or nullopt if none does.
template <typename T>
void findInList(net::ApiClient* client, QObject* context, net::ApiRequest query, QLatin1StringView key,
                RecordMapper<T> read, std::function<bool(const T&)> matches, LookupDone<T> found) {
    net::ApiReply* reply = client->send(std::move(query));
    QObject::connect(reply, &net::ApiReply::finished, context,
                     [key, read, matches, found](const net::ApiResult& result) {
                         if (result.error) {
                             found(std::nullopt, result.error);
                             return;
                         }
                         for (const QJsonValue& value : result.json().object().value(key).toArray()) {
                             QString problem;
                             const std::optional<T> record = read(value.toObject(), &problem);
                             if (record && matches(*record)) {
                                 found(record, std::nullopt);
                                 return;
                             }
                         }
                         found(std::nullopt, std::nullopt);
                     });
}

template <typename T>
void sendCreate(net::ApiClient* client, QObject* context, net::ApiRequest request,
                std::function<std::optional<T>(const QJsonObject&, QString*)> read, Lookup<T> lookup,
                Callback<T> done, int attempts = 3);

namespace detail {

// After a create's answer was lost: looks it up; `settled` is the second look, after the settle delay.
template <typename T>
void lookUpLostCreate(net::ApiClient* client, QObject* context, net::ApiRequest request,
                      std::function<std::optional<T>(const QJsonObject&, QString*)> read, Lookup<T> lookup,
                      Callback<T> done, int attempts, Outcome<T> lost, bool settled) {
    lookup([=](const std::optional<T>& found, const std::optional<net::ApiError>& error) {
        if (found && !error) {
            Outcome<T> recovered;
            recovered.value = found;
            if (done)
                done(recovered);
        } else if (error || attempts <= 1) {
            if (done)
                done(lost);
        } else if (!settled) {
            QTimer::singleShot(client->settleDelay(), context, [=] {
                lookUpLostCreate<T>(client, context, request, read, lookup, done, attempts, lost, true);
            });
        } else {
            sendCreate<T>(client, context, request, read, lookup, done, attempts - 1);
        }
    });
}

} // namespace detail

// Sends a create. A create is never sent twice blindly: when ApiClient reports its outcome unknown (the
// answer was lost), `lookup` checks whether it took effect. Found: that record is the result. Not found:
// the create may still be on its way, so the provider is given ApiClient::settleDelay() and asked once
// more; still not found, the create provably did not happen and is sent again (at most `attempts` sends in
// all). A lookup that fails reports the OutcomeUnknown error, so the caller knows to check before trying
// again.
template <typename T>
void sendCreate(net::ApiClient* client, QObject* context, net::ApiRequest request,
                std::function<std::optional<T>(const QJsonObject&, QString*)> read, Lookup<T> lookup,
                Callback<T> done, int attempts) {
    sendForValue<T>(client, context, request, read,
                    [client, context, request, read, lookup, done, attempts](const Outcome<T>& outcome) {
                        const bool unknown =
                            outcome.error && outcome.error->kind == net::ApiError::Kind::OutcomeUnknown;
                        if (!unknown || !lookup) {
                            if (done)
                                done(outcome);
                            return;
                        }
                        detail::lookUpLostCreate<T>(client, context, request, read, lookup, done, attempts,
                                                    outcome, false);
                    });
}

// Sends one request whose answer carries nothing the caller needs.
inline net::ApiReply* sendForCompletion(net::ApiClient* client, QObject* context, net::ApiRequest request,
                                        Completion done) {
    net::ApiReply* reply = client->send(std::move(request));
    QObject::connect(reply, &net::ApiReply::finished, context, [done](const net::ApiResult& result) {
        if (done)
            done(result.error);
    });
    return reply;
}

} // namespace trunkline::providers
