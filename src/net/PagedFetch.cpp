#include "net/PagedFetch.h"

#include "net/ApiClient.h"

namespace trunkline::net {

PagedFetch::PagedFetch(ApiClient* client, RequestForPage requestForPage, PageReader reader, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_requestForPage(std::move(requestForPage))
    , m_reader(std::move(reader)) {
    qRegisterMetaType<trunkline::net::PagedFetchResult>();
}

PagedFetch::~PagedFetch() {
    // Nobody is listening any more: stop what is still on its way without signalling.
    dropOutstanding();
}

void PagedFetch::start() {
    if (m_started)
        return;
    m_started = true;
    if (!m_client) {
        ApiError error;
        error.kind = ApiError::Kind::Cancelled;
        fail(error);
        return;
    }
    m_highestRequested = 1;
    const ApiRequest first = m_requestForPage(1);
    m_subject = first.subject;
    request(1, first);
}

void PagedFetch::cancel() {
    if (m_finished)
        return;
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    error.provider = m_client ? m_client->providerName() : QString();
    error.subject = m_subject;
    fail(error);
}

ApiRequest PagedFetch::requestForLink(const QUrl& baseUrl, const QString& link, const ApiRequest& like) {
    const QUrl url = QUrl(link, QUrl::StrictMode);
    ApiRequest request;
    request.rateGroup = like.rateGroup;
    request.subject = like.subject;
    request.contentType = like.contentType;
    QString path = url.path(QUrl::FullyEncoded);
    const QString basePath = baseUrl.path(QUrl::FullyEncoded);
    // Absolute links carry the whole path; strip the part the client adds itself.
    if (!basePath.isEmpty() && basePath != u"/" && path.startsWith(basePath))
        path = path.mid(basePath.size());
    request.path = QUrl::fromPercentEncoding(path.toUtf8());
    request.query = QUrlQuery(url.query(QUrl::FullyEncoded));
    return request;
}

void PagedFetch::request(int page, const ApiRequest& apiRequest) {
    ApiReply* reply = m_client->send(apiRequest);
    m_outstanding.insert(page, reply);
    connect(reply, &ApiReply::finished, this,
            [this, page, apiRequest](const ApiResult& result) { onPage(page, apiRequest, result); });
}

void PagedFetch::onPage(int page, const ApiRequest& apiRequest, const ApiResult& result) {
    m_outstanding.remove(page);
    if (m_finished)
        return;
    if (result.error) {
        fail(*result.error);
        return;
    }
    QString problem;
    const std::optional<PageContent> content = m_reader(result, &problem);
    if (!content) {
        fail(protocolError(apiRequest, problem));
        return;
    }
    ++m_result.pages;
    m_result.records += static_cast<int>(content->records.size());
    emit pageReceived(page, content->records);
    if (m_finished) // a receiver cancelled
        return;

    if (content->totalPages > kMostPages) {
        fail(protocolError(apiRequest, tr("The list claims %1 pages, more than the %2 Trunkline reads.")
                                           .arg(content->totalPages)
                                           .arg(kMostPages)));
        return;
    }
    if (content->totalPages > 0 && (m_totalPages > 0 || page == 1)) {
        // A later page may report more pages than page 1 did (records added meanwhile): fetch those too.
        // Fewer pages than before are not trusted to mean "done": the pages already asked for still
        // have to answer, so nothing is silently skipped.
        m_totalPages = std::max(m_totalPages, content->totalPages);
    } else if (m_totalPages == 0 && content->next) {
        // Count unknown: follow the link, one page after another. A link back to a page already fetched
        // (to itself, seen with RingCentral past the last page, or A -> B -> A) would never end.
        const auto key = [](const ApiRequest& r) -> QString {
            return r.path + QLatin1Char('?') + r.query.toString(QUrl::FullyEncoded);
        };
        m_linksFollowed.insert(key(apiRequest));
        if (m_linksFollowed.contains(key(*content->next))) {
            fail(protocolError(apiRequest, key(*content->next) == key(apiRequest)
                                               ? tr("Page %1 links to itself as the next page.").arg(page)
                                               : tr("Page %1 links back to a page already read.").arg(page)));
            return;
        }
        if (page >= kMostPages) {
            fail(protocolError(apiRequest, tr("The list goes on past %1 pages.").arg(kMostPages)));
            return;
        }
        m_highestRequested = page + 1;
        request(page + 1, *content->next);
        return;
    }
    requestMorePages();
    if (m_outstanding.isEmpty()) {
        m_result.complete = true;
        finish();
    }
}

void PagedFetch::requestMorePages() {
    // Up to kPagesAhead unanswered at a time; each answer makes room for the next. ApiClient bounds the
    // requests on the wire (16 by default), so the window only caps what waits in its queue.
    while (m_highestRequested < m_totalPages && m_outstanding.size() < kPagesAhead) {
        ++m_highestRequested;
        request(m_highestRequested, m_requestForPage(m_highestRequested));
    }
}

void PagedFetch::fail(ApiError error) {
    if (m_finished)
        return;
    m_result.complete = false;
    m_result.error = std::move(error);
    // Stop the rest: a partial list is reported as partial, never padded out later.
    dropOutstanding();
    finish();
}

void PagedFetch::dropOutstanding() {
    const auto outstanding = m_outstanding;
    m_outstanding.clear();
    for (const QPointer<ApiReply>& reply : outstanding) {
        if (reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->cancel();
        }
    }
}

void PagedFetch::finish() {
    if (m_finished)
        return;
    m_finished = true;
    emit finished(m_result);
}

ApiError PagedFetch::protocolError(const ApiRequest& apiRequest, const QString& problem) const {
    ApiError error;
    error.kind = ApiError::Kind::Protocol;
    error.provider = m_client ? m_client->providerName() : QString();
    error.subject = apiRequest.subject;
    error.detail = problem;
    return error;
}

} // namespace trunkline::net
