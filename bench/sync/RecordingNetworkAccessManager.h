#pragma once

#include <QNetworkAccessManager>
#include <QSet>
#include <QStringList>

namespace trunkline::bench {

// A QNetworkAccessManager that remembers every distinct GET it was asked for, so that the curl floor and
// the SDK script download exactly the pages Trunkline fetched (retries counted once).
class RecordingNetworkAccessManager : public QNetworkAccessManager {
    Q_OBJECT

public:
    // recordInto: another recorder that keeps the list (the ApiClient's further lanes record into the
    // first manager's list).
    explicit RecordingNetworkAccessManager(RecordingNetworkAccessManager* recordInto = nullptr,
                                           QObject* parent = nullptr)
        : QNetworkAccessManager(parent)
        , m_recordInto(recordInto ? recordInto : this) {}

    const QStringList& fetchedUrls() const { return m_urls; }

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request,
                                 QIODevice* outgoingData = nullptr) override;

private:
    QStringList m_urls;
    QSet<QString> m_seen;
    RecordingNetworkAccessManager* m_recordInto;
};

} // namespace trunkline::bench
