#include "RecordingNetworkAccessManager.h"

#include <QNetworkRequest>

namespace trunkline::bench {

QNetworkReply* RecordingNetworkAccessManager::createRequest(Operation op, const QNetworkRequest& request,
                                                            QIODevice* outgoingData) {
    // The ApiClient sends everything through sendCustomRequest(), i.e. as a custom operation with its verb.
    const bool get = op == GetOperation ||
                     (op == CustomOperation &&
                      request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray() == "GET");
    if (get) {
        const QString url = request.url().toString(QUrl::FullyEncoded);
        if (!m_recordInto->m_seen.contains(url)) {
            m_recordInto->m_seen.insert(url);
            m_recordInto->m_urls << url;
        }
    }
    return QNetworkAccessManager::createRequest(op, request, outgoingData);
}

} // namespace trunkline::bench
