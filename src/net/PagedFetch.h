#pragma once

#include "net/ApiError.h"
#include "net/ApiRequest.h"
#include "net/ApiResult.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <functional>
#include <optional>

namespace trunkline::net {

class ApiClient;
class ApiReply;

// What one page of a provider list said about itself, read by a provider-specific PageReader.
struct PageContent {
    QJsonArray records;
    int totalPages = 0;             // pages in the whole list; 0 = the provider did not say
    std::optional<ApiRequest> next; // the next page's request when the provider only links to it
};

// How a paged fetch ended. `complete` is true only if every page arrived; the sync engine must never
// delete local records after an incomplete pull.
struct PagedFetchResult {
    bool complete = false;
    int pages = 0;   // pages received
    int records = 0; // records delivered
    std::optional<ApiError> error;
};

// Fetches every page of one provider list. Page 1 is fetched first; if it tells the page count, pages
// 2..N are requested at once (ApiClient bounds the requests in flight and paces them per rate group),
// so the list arrives as fast as the limits allow instead of one round trip per page. If the count is
// not given, next links are followed one by one. Each page is delivered as it arrives, in any order,
// with its 1-based number; finished() comes last, exactly once.
//
// A server is not trusted with memory or time: at most kPagesAhead pages are asked for beyond those
// answered (a claimed count of two billion pages queues 64 requests, not two billion), a count above
// kMostPages is refused, and a next link that leads back to a page already fetched (A -> B -> A) ends
// the fetch with a Protocol error instead of looping.
class PagedFetch : public QObject {
    Q_OBJECT

public:
    static constexpr int kPagesAhead = 64;
    // 100,000 pages of 1,000 records: a hundred million numbers, far beyond any account.
    static constexpr int kMostPages = 100000;

    // The request for a page (1-based; providers with 0-based pages convert inside).
    using RequestForPage = std::function<ApiRequest(int page)>;
    // Reads one page's body; nullopt (with *problem set) when it is not the documented shape.
    using PageReader = std::function<std::optional<PageContent>(const ApiResult& result, QString* problem)>;

    PagedFetch(ApiClient* client, RequestForPage requestForPage, PageReader reader,
               QObject* parent = nullptr);
    ~PagedFetch() override;

    // Starts the fetch (once). Pages and the result are signalled from the event loop.
    void start();
    // Stops every outstanding request; finished() follows at once with a Cancelled error.
    void cancel();

    bool isFinished() const { return m_finished; }
    int totalPages() const { return m_totalPages; }
    int requestedPages() const { return m_highestRequested; } // pages asked for so far
    const PagedFetchResult& result() const { return m_result; }

    // A next link as the providers give it (absolute URL or a path with query) made into a request
    // below baseUrl, carrying the rate group and subject of `like`. A path outside baseUrl's path is
    // taken as is.
    static ApiRequest requestForLink(const QUrl& baseUrl, const QString& link, const ApiRequest& like);

signals:
    void pageReceived(int page, const QJsonArray& records);
    void finished(const trunkline::net::PagedFetchResult& result);

private:
    void request(int page, const ApiRequest& apiRequest);
    void onPage(int page, const ApiRequest& apiRequest, const ApiResult& result);
    void requestMorePages();
    void fail(ApiError error);
    // Cancels the requests still on their way; their answers no longer reach this fetch.
    void dropOutstanding();
    void finish();
    ApiError protocolError(const ApiRequest& apiRequest, const QString& problem) const;

    QPointer<ApiClient> m_client;
    RequestForPage m_requestForPage;
    PageReader m_reader;
    QString m_subject;
    QHash<int, QPointer<ApiReply>> m_outstanding;
    QSet<QString> m_linksFollowed; // path?query of every page reached by a next link
    int m_totalPages = 0;          // 0 = unknown (following links)
    int m_highestRequested = 0;
    bool m_started = false;
    bool m_finished = false;
    PagedFetchResult m_result;
};

} // namespace trunkline::net

Q_DECLARE_METATYPE(trunkline::net::PagedFetchResult)
