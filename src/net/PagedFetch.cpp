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
    const auto outstanding = m_outstanding;
    m_outstanding.clear();
    for (const QPointer<ApiReply>& reply : outstanding) {
        if (reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->cancel();
        }
    }
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

    if (content->totalPages > 0 && (m_totalPages > 0 || page == 1)) {
        // A later page may report more pages than page 1 did (records added meanwhile): fetch those too.
        // Fewer pages than before are not trusted to mean "done": the pages already asked for still
        // have to answer, so nothing is silently skipped.
        m_totalPages = std::max(m_totalPages, content->totalPages);
        requestPagesUpTo(m_totalPages);
    } else if (m_totalPages == 0 && content->next) {
        // Count unknown: follow the link, one page after another. A link back to the same page (seen
        // with RingCentral past the last page) would never end.
        if (content->next->path == apiRequest.path && content->next->query.toString(QUrl::FullyEncoded) ==
                                                          apiRequest.query.toString(QUrl::FullyEncoded)) {
            fail(protocolError(apiRequest, tr("Page %1 links to itself as the next page.").arg(page)));
            return;
        }
        m_highestRequested = page + 1;
        request(page + 1, *content->next);
        return;
    }
    if (m_outstanding.isEmpty()) {
        m_result.complete = true;
        finish();
    }
}

void PagedFetch::requestPagesUpTo(int lastPage) {
    while (m_highestRequested < lastPage) {
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
    const auto outstanding = m_outstanding;
    m_outstanding.clear();
    for (const QPointer<ApiReply>& reply : outstanding) {
        if (reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->cancel();
        }
    }
    finish();
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
