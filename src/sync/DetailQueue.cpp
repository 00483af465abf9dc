#include "sync/DetailQueue.h"

#include "providers/ringcentral/RingCentralClient.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/ForwardingNumberRepository.h"

#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trunkline::sync {

DetailQueue::DetailQueue(store::Database& database, qint64 profileId,
                         providers::ringcentral::RingCentralClient& client, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_profileId(profileId)
    , m_client(client) {
}

void DetailQueue::requestNow(const QString& extensionId) {
    if (!m_queue.removeOne(extensionId))
        ++m_total;
    m_queue.prepend(extensionId);
    pump();
}

void DetailQueue::enqueueByAge(const QStringList& extensionIds) {
    struct Candidate {
        QString id;
        std::optional<QDateTime> fetched;
    };
    QList<Candidate> candidates;
    const QSet<QString> queued(m_queue.cbegin(), m_queue.cend());
    for (const QString& id : extensionIds) {
        if (!queued.contains(id))
            candidates.append({id, fetchedAt(id)});
    }
    // Never fetched first (in the given order), then the oldest fetch first.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.fetched.has_value() != b.fetched.has_value())
            return !a.fetched.has_value();
        return a.fetched && *a.fetched < *b.fetched;
    });
    for (const Candidate& candidate : candidates)
        m_queue << candidate.id;
    m_total += candidates.size();
    pump();
}

void DetailQueue::clear() {
    m_total -= m_queue.size();
    m_queue.clear();
}

std::optional<QDateTime> DetailQueue::fetchedAt(const QString& extensionId) const {
    if (const auto state = store::ForwardingNumberRepository(m_database).state(m_profileId, extensionId))
        return state->syncedAt;
    if (const auto it = m_fetchedEmpty.constFind(extensionId); it != m_fetchedEmpty.cend())
        return *it;
    return std::nullopt;
}

void DetailQueue::pump() {
    while (m_inFlight < m_maxInFlight && !m_queue.isEmpty())
        fetch(m_queue.takeFirst());
    if (isIdle()) {
        // Queued so that a caller connecting after enqueueing an empty list still hears it.
        QTimer::singleShot(0, this, [this] {
            if (isIdle())
                emit idle();
        });
    }
}

void DetailQueue::fetch(const QString& extensionId) {
    ++m_inFlight;
    // Four requests per extension (the forwarding list and three settings documents), in parallel; the
    // extension counts as done when the last one has answered.
    struct Gathering {
        int remaining = 4;
        QStringList errors;
    };
    auto gathering = std::make_shared<Gathering>();
    const auto partDone = [this, extensionId, gathering](const QString& error) {
        if (!error.isEmpty() && !gathering->errors.contains(error))
            gathering->errors << error;
        if (--gathering->remaining > 0)
            return;
        --m_inFlight;
        ++m_done;
        emit detailsRefreshed(extensionId, gathering->errors.join(u'\n'));
        emit progress({tr("Forwarding lists"), m_done, std::max(m_done, m_total)});
        pump();
    };

    auto gathered = std::make_shared<QList<core::ForwardingNumber>>();
    m_client.listForwardingNumbers(
        extensionId, [gathered](int, const QList<core::ForwardingNumber>& page) { *gathered += page; },
        [this, extensionId, gathered, partDone](const providers::ListOutcome& outcome) {
            QString error;
            if (!outcome.complete) {
                // Keep what is stored: a partial list must not replace a whole one.
                error = outcome.error ? outcome.error->message() : tr("The forwarding list was incomplete.");
            } else if (store::ForwardingNumberRepository(m_database)
                           .replaceList(m_profileId, extensionId, *gathered, &error)) {
                if (gathered->isEmpty())
                    m_fetchedEmpty.insert(extensionId, QDateTime::currentDateTimeUtc());
                error.clear();
            }
            partDone(error);
        });

    using Getter = net::ApiReply* (
        providers::ringcentral::RingCentralClient::*)(const QString&, providers::Callback<QJsonObject>);
    const std::pair<QString, Getter> settings[] = {
        {store::ExtensionSettingsRepository::kCallerId,
         &providers::ringcentral::RingCentralClient::getCallerId},
        {store::ExtensionSettingsRepository::kNotifications,
         &providers::ringcentral::RingCentralClient::getNotificationSettings},
        {store::ExtensionSettingsRepository::kBusinessHours,
         &providers::ringcentral::RingCentralClient::getBusinessHoursRule}};
    for (const auto& [kind, get] : settings) {
        (m_client.*get)(extensionId,
                        [this, extensionId, kind, partDone](const providers::Outcome<QJsonObject>& answer) {
                            QString error;
                            if (answer.error)
                                error = answer.error->message(); // what is stored stays as it was
                            else
                                store::ExtensionSettingsRepository(m_database)
                                    .put(m_profileId, extensionId, kind, *answer.value, &error);
                            partDone(error);
                        });
    }
}

} // namespace trunkline::sync
