#include "sync/DetailQueue.h"

#include "providers/ringcentral/RingCentralClient.h"
#include "store/ExtensionRepository.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/Transaction.h"
#include "sync/SettingsPusher.h"

#include <QTimer>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace trunkline::sync {

DetailQueue::DetailQueue(store::Database& database, qint64 profileId,
                         providers::ringcentral::RingCentralClient& client, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_profileId(profileId)
    , m_client(client) {
    // Fetched details wait at most this long for others to share their transaction.
    m_writeTimer.setSingleShot(true);
    m_writeTimer.setInterval(100);
    connect(&m_writeTimer, &QTimer::timeout, this, &DetailQueue::writeFetched);
}

void DetailQueue::requestNow(const QString& extensionId) {
    if (!m_queue.removeOne(extensionId))
        ++m_total;
    m_queue.prepend(extensionId);
    pump();
}

void DetailQueue::enqueueByAge(const QStringList& extensionIds) {
    enqueueFetchedBefore(extensionIds, std::nullopt);
}

void DetailQueue::enqueueStale(const QStringList& extensionIds, std::chrono::seconds maxAge) {
    enqueueFetchedBefore(extensionIds, QDateTime::currentDateTimeUtc().addSecs(-maxAge.count()));
}

void DetailQueue::enqueueFetchedBefore(const QStringList& extensionIds,
                                       const std::optional<QDateTime>& before) {
    struct Candidate {
        QString id;
        std::optional<QDateTime> fetched;
    };
    QList<Candidate> candidates;
    const QSet<QString> queued(m_queue.cbegin(), m_queue.cend());
    const QHash<QString, QDateTime> fetchTimes = lastFetched();
    for (const QString& id : extensionIds) {
        if (queued.contains(id))
            continue;
        const auto found = fetchTimes.constFind(id);
        const std::optional<QDateTime> fetched =
            found == fetchTimes.cend() ? std::nullopt : std::optional<QDateTime>(found.value());
        if (!before || !fetched || *fetched < *before)
            candidates.append({id, fetched});
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

QHash<QString, QDateTime> DetailQueue::lastFetched() const {
    // The settings are written in the same transaction as the list; the list's time wins where both
    // are stored. Both live in the store, so a restart knows them too.
    QHash<QString, QDateTime> times =
        store::ExtensionSettingsRepository(m_database).latestSyncTimes(m_profileId);
    times.insert(store::ForwardingNumberRepository(m_database).listSyncTimes(m_profileId));
    return times;
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
    // Eight requests per extension (the forwarding list, five settings documents, the numbers and the
    // devices), in parallel; the
    // extension's network part is done when the last one has answered, and it is then stored with others.
    const QStringList settingsKinds = store::ExtensionSettingsRepository::kinds();
    auto details = std::make_shared<FetchedDetails>();
    details->extensionId = extensionId;
    details->remaining = 3 + static_cast<int>(settingsKinds.size()); // forwarding, numbers, devices
    const auto partDone = [this, details] {
        if (--details->remaining > 0)
            return;
        --m_inFlight;
        m_unwritten.append(std::move(*details));
        if (m_unwritten.size() >= kWriteBatch || m_queue.isEmpty())
            writeFetched();
        else if (!m_writeTimer.isActive())
            m_writeTimer.start();
        pump();
    };
    const auto noteError = [details](const QString& error) {
        if (!error.isEmpty() && !details->errors.contains(error))
            details->errors << error;
    };

    // The end of one of the three lists: `complete` marks it whole; a partial list keeps what is stored (it
    // must not replace a whole one) and notes why, `incomplete` when the provider gave no error.
    const auto listDone = [details, partDone, noteError](bool FetchedDetails::*complete,
                                                         const QString& incomplete) {
        return [details, partDone, noteError, complete, incomplete](const providers::ListOutcome& outcome) {
            (*details).*complete = outcome.complete;
            if (!outcome.complete)
                noteError(outcome.error ? outcome.error->message() : incomplete);
            partDone();
        };
    };

    m_client.listForwardingNumbers(
        extensionId,
        [details](int, const QList<core::ForwardingNumber>& page) { details->forwarding += page; },
        listDone(&FetchedDetails::forwardingComplete, tr("The forwarding list was incomplete.")));
    // Partial lists are not stored: features or an endpoint type read from part of a list would be wrong.
    m_client.listExtensionPhoneNumbers(
        extensionId, [details](int, const QList<core::PhoneNumberRecord>& page) { details->numbers += page; },
        listDone(&FetchedDetails::numbersComplete, tr("The extension's number list was incomplete.")));
    m_client.listExtensionDevices(
        extensionId, [details](int, const QList<QString>& page) { details->deviceTypes += page; },
        listDone(&FetchedDetails::devicesComplete, tr("The extension's device list was incomplete.")));

    for (const QString& kind : settingsKinds) {
        auto stored = [details, kind, partDone, noteError](const providers::Outcome<QJsonObject>& answer) {
            // No after-hours rule while the business hours are 24/7: stored as an empty document, so that the
            // console says so instead of "not fetched" (or a rule that no longer exists).
            if (answer.error && answer.error->kind == net::ApiError::Kind::NotFound &&
                kind == store::ExtensionSettingsRepository::kAfterHours)
                details->settings.append({kind, QJsonObject{}});
            else if (answer.error)
                noteError(answer.error->message()); // what is stored stays as it was
            else
                details->settings.append({kind, *answer.value});
            partDone();
        };
        if (const auto document = SettingsPusher::documentOf(kind))
            m_client.getSettings(extensionId, *document, std::move(stored));
        else // the custom rules, read as a list
            m_client.getCustomRules(extensionId, std::move(stored));
    }
}

void DetailQueue::writeFetched() {
    m_writeTimer.stop();
    if (m_unwritten.isEmpty())
        return;
    const QList<FetchedDetails> batch = std::exchange(m_unwritten, {});
    // One transaction for the batch: a transaction per document made the store, not the network, the
    // limit of a big account's fetch. Each extension's writes stay whole (savepoints inside Transaction).
    QString batchError;
    store::Transaction transaction(m_database);
    if (!transaction.isActive())
        batchError = transaction.error();
    QList<QStringList> errors;
    for (const FetchedDetails& details : batch) {
        QStringList extensionErrors = details.errors;
        if (batchError.isEmpty())
            storeDetails(details, &extensionErrors);
        errors.append(extensionErrors);
    }
    if (batchError.isEmpty() && !transaction.commit())
        batchError = transaction.error();
    for (qsizetype i = 0; i < batch.size(); ++i) {
        QStringList extensionErrors = errors.at(i);
        if (!batchError.isEmpty())
            extensionErrors = batch.at(i).errors + QStringList{batchError};
        ++m_done;
        emit detailsRefreshed(batch.at(i).extensionId, extensionErrors.join(u'\n'));
    }
    emit progress({tr("Forwarding lists"), m_done, std::max(m_done, m_total)});
    if (isIdle()) {
        // Queued so that a caller connecting after enqueueing an empty list still hears it.
        QTimer::singleShot(0, this, [this] {
            if (isIdle())
                emit idle();
        });
    }
}

void DetailQueue::storeDetails(const FetchedDetails& details, QStringList* errors) {
    const auto note = [errors](const QString& error) {
        if (!error.isEmpty() && !errors->contains(error))
            *errors << error;
    };
    QString error;
    if (details.forwardingComplete) {
        if (!store::ForwardingNumberRepository(m_database)
                 .replaceList(m_profileId, details.extensionId, details.forwarding, &error))
            note(error);
    }
    error.clear();
    if (details.numbersComplete &&
        !store::PhoneNumberRepository(m_database).setListedFeatures(m_profileId, details.numbers, &error))
        note(error);
    error.clear();
    if (details.devicesComplete &&
        !store::ExtensionRepository(m_database)
             .setEndpointType(m_profileId, details.extensionId,
                              core::endpointTypeOfDevices(details.deviceTypes), &error))
        note(error);
    store::ExtensionSettingsRepository settings(m_database);
    for (const auto& [kind, json] : details.settings) {
        error.clear();
        if (!settings.put(m_profileId, details.extensionId, kind, json, &error))
            note(error);
    }
}

} // namespace trunkline::sync
