#pragma once

#include "core/ForwardingNumber.h"
#include "core/PhoneNumberRecord.h"
#include "sync/SyncForward.h"
#include "sync/SyncTypes.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <optional>

namespace trunkline::sync {

// Per-extension details that cost requests per extension (the forwarding / call-flip list, the caller
// ID, notification settings, business-hours, after-hours and custom answering rules kept by
// store::ExtensionSettingsRepository, the extension's numbers with their features and its devices, which
// tell its endpoint type): under
// RingCentral's limits a big account takes hours to fetch them all, so they are fetched by priority and
// never block anything. requestNow() (the admin opened an extension) jumps the queue; enqueueByAge()
// adds extensions never fetched first, then the longest unrefreshed. At most maxInFlight extensions are
// fetched at a time and the ApiClient paces the requests within the usage group's limit.
class DetailQueue : public QObject {
    Q_OBJECT

public:
    DetailQueue(store::Database& database, qint64 profileId,
                providers::ringcentral::RingCentralClient& client, QObject* parent = nullptr);

    void requestNow(const QString& extensionId);
    void enqueueByAge(const QStringList& extensionIds);
    // The same for the background queue after a sync: only those never fetched or fetched longer than
    // `maxAge` ago, so that restarting the app (and syncing again) does not fetch a fresh detail twice.
    void enqueueStale(const QStringList& extensionIds, std::chrono::seconds maxAge);
    void setMaxInFlight(int count) { m_maxInFlight = std::max(1, count); }
    // Drops what is queued; fetches in flight finish.
    void clear();

    int queued() const { return static_cast<int>(m_queue.size()); }
    bool isIdle() const { return m_queue.isEmpty() && m_inFlight == 0 && m_unwritten.isEmpty(); }
    // The order in which queued extensions will be fetched (tests, status displays).
    QStringList queueOrder() const { return m_queue; }

    // When each extension's details were last fetched: the stored forwarding list's synced_at, or (for an
    // empty list, which leaves no row) that of the settings documents stored with it; absent = never.
    // Two grouped queries, where asking per extension took six queries each (120,000 for 20,000).
    QHash<QString, QDateTime> lastFetched() const;

signals:
    // error is empty when the details were fetched and stored.
    void detailsRefreshed(const QString& extensionId, const QString& error);
    void progress(const trunkline::sync::SyncProgress& progress);
    void idle();

private:
    // What the six requests of one extension brought, until it is written with a batch of others.
    struct FetchedDetails {
        QString extensionId;
        int remaining = 0; // requests not answered yet
        QList<core::ForwardingNumber> forwarding;
        bool forwardingComplete = false;
        QList<core::PhoneNumberRecord> numbers; // with the features only an extension's list reports
        bool numbersComplete = false;
        QStringList deviceTypes;
        bool devicesComplete = false;
        QList<std::pair<QString, QJsonObject>> settings; // kind, document
        QStringList errors;
    };
    static constexpr qsizetype kWriteBatch = 64;

    // Queues those of `extensionIds` never fetched or (with `before`) fetched before it, oldest first.
    void enqueueFetchedBefore(const QStringList& extensionIds, const std::optional<QDateTime>& before);
    void pump();
    void fetch(const QString& extensionId);
    void writeFetched();
    void storeDetails(const FetchedDetails& details, QStringList* errors);

    store::Database& m_database;
    qint64 m_profileId;
    providers::ringcentral::RingCentralClient& m_client;
    QStringList m_queue;
    int m_inFlight = 0;
    int m_maxInFlight = 4;
    qint64 m_done = 0;
    qint64 m_total = 0;
    QList<FetchedDetails> m_unwritten;
    QTimer m_writeTimer;
};

} // namespace trunkline::sync
