#include "sync/RingCentralPull.h"

#include "providers/ringcentral/RingCentralClient.h"
#include "store/AccountRepository.h"
#include "store/ExtensionRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/TimeZoneRepository.h"

#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;

namespace trunkline::sync {

namespace {
// Records a list will hold, as far as the provider has told: full pages times the page size.
qint64 estimatedTotal(const net::PagedFetch* fetch, int pageSize, qint64 done) {
    if (!fetch || fetch->totalPages() <= 0)
        return 0;
    return std::max(done, static_cast<qint64>(fetch->totalPages()) * pageSize);
}
} // namespace

RingCentralPull::RingCentralPull(store::Database& database, qint64 profileId,
                                 providers::ringcentral::RingCentralClient& client, QObject* parent)
    : ProviderPull(database, profileId, parent)
    , m_client(client)
    , m_numberPages(this, [this](const QList<core::PhoneNumberRecord>& numbers) {
        if (storeNumbers(numbers, m_numberIds, m_numberWriteFailed))
            reportProgress(tr("Phone numbers"), m_numberIds.size(), m_numberFetch);
    }) {
}

void RingCentralPull::start() {
    for (int part = 0; part < 4; ++part) // the account and three lists
        openPart();
    m_client.fetchAccount([this](const providers::Outcome<core::Account>& outcome) {
        if (outcome.error) {
            addError(outcome.error->message());
            m_incomplete = true;
        } else if (!m_cancelled) {
            store::AccountRepository accounts(m_database);
            QString error;
            // A profile works on one account, so any other stored account is stale.
            if (!accounts.upsert(m_profileId, {*outcome.value}, &error) ||
                !accounts.removeAllExcept(m_profileId, {outcome.value->id}, &error)) {
                addError(error);
                m_incomplete = true;
            } else {
                m_report.pulled[u"accounts"_s] += 1;
            }
        }
        partDone();
    });
    listExtensions();
    listNumbers();
    listTimeZones();
}

void RingCentralPull::cancel() {
    if (isFinished() || m_cancelled)
        return;
    m_cancelled = true;
    // Each fetch answers cancel() with finished(), which ends its part.
    if (m_extensionFetch)
        m_extensionFetch->cancel();
    if (m_numberFetch)
        m_numberFetch->cancel();
    if (m_timeZoneFetch)
        m_timeZoneFetch->cancel();
}

void RingCentralPull::listExtensions() {
    m_extensionFetch = m_client.listExtensions(
        {},
        [this](int, const QList<core::Extension>& page) {
            if (storePage(page, u"extensions"_s, m_extensionIds, m_extensionWriteFailed,
                          [this, &page](QString* error) {
                              return store::ExtensionRepository(m_database).upsert(m_profileId, page, error);
                          }))
                reportProgress(tr("Extensions"), m_extensionIds.size(), m_extensionFetch);
        },
        [this](const providers::ListOutcome& outcome) {
            finishList(u"extensions"_s, outcome, m_extensionIds, m_extensionWriteFailed);
        });
}

void RingCentralPull::listTimeZones() {
    auto zones = std::make_shared<QList<core::TimeZone>>();
    m_timeZoneFetch = m_client.listTimeZones(
        [zones](int, const QList<core::TimeZone>& page) { *zones += page; },
        [this, zones](const providers::ListOutcome& outcome) {
            QString error;
            if (!outcome.complete) {
                // The stored list stays; the form and the push can still use it.
                addListError(outcome);
            } else if (!m_cancelled &&
                       !store::TimeZoneRepository(m_database).replaceAll(m_profileId, *zones, &error)) {
                addError(error);
            } else if (!m_cancelled) {
                m_report.pulled[u"time zones"_s] += static_cast<int>(zones->size());
            }
            partDone();
        });
}

void RingCentralPull::listNumbers() {
    m_numberFetch = m_client.listAccountPhoneNumbers(
        [this](int, const QList<core::PhoneNumberRecord>& page) { m_numberPages.add(page); },
        [this](const providers::ListOutcome& outcome) {
            m_numberPages.flush();
            finishList(u"numbers"_s, outcome, m_numberIds, m_numberWriteFailed);
        });
}

void RingCentralPull::finishList(const QString& entity, const providers::ListOutcome& outcome,
                                 const QStringList& keptIds, bool writeFailed) {
    if (!outcome.complete || writeFailed || m_cancelled) {
        // A partial list says nothing about records it did not mention: keep them all.
        m_incomplete = true;
        addListError(outcome);
    } else {
        QString error;
        int removed = 0;
        const bool ok = entity == u"extensions"_s
                            ? store::ExtensionRepository(m_database)
                                  .removeAllExcept(m_profileId, keptIds, &error, &removed)
                            : store::PhoneNumberRepository(m_database)
                                  .removeAllExcept(m_profileId, keptIds, &error, &removed);
        if (!ok) {
            m_incomplete = true;
            addError(error);
        } else if (removed > 0) {
            m_report.removed[entity] += removed;
        }
    }
    partDone();
}

void RingCentralPull::reportProgress(const QString& what, qint64 done,
                                     const QPointer<net::PagedFetch>& fetch) {
    // A page is handed over before the fetch has read its paging information, so the first page would
    // report "done 100 of 0". Reported from the event loop instead, the fetch knows the page count by then.
    QTimer::singleShot(0, this, [this, what, done, fetch] {
        if (m_cancelled)
            return;
        emit progress({what, done, estimatedTotal(fetch, m_client.pageSize(), done)});
    });
}

void RingCentralPull::partDone() {
    if (lastPartDone())
        finish(!m_incomplete);
}

} // namespace trunkline::sync
