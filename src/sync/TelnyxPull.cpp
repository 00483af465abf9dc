#include "sync/TelnyxPull.h"

#include "providers/telnyx/TelnyxClient.h"
#include "store/PhoneNumberRepository.h"
#include "store/PortingRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::sync {

TelnyxPull::TelnyxPull(store::Database& database, qint64 profileId, providers::telnyx::TelnyxClient& client,
                       QObject* parent)
    : ProviderPull(database, profileId, parent)
    , m_client(client)
    , m_phoneNumberPages(this, [this](const QList<core::PhoneNumberRecord>& numbers) {
        if (storeNumbers(numbers, m_phoneNumberIds, m_incomplete))
            emit progress({tr("Phone numbers"), m_phoneNumberIds.size(), 0});
    }) {
}

void TelnyxPull::start() {
    openPart();
    m_fetches << m_client.listPhoneNumbers(
        [this](int, const QList<core::PhoneNumberRecord>& page) { m_phoneNumberPages.add(page); },
        [this](const providers::ListOutcome& outcome) {
            m_phoneNumberPages.flush();
            listDone(outcome);
        });
    openPart();
    m_fetches << m_client.listPortingOrders(
        {},
        [this](int, const QList<core::PortingOrder>& page) {
            if (!storePage(page, u"port orders"_s, m_orderIds, m_incomplete, [this, &page](QString* error) {
                    return store::PortingRepository(m_database).upsertOrders(m_profileId, page, error);
                }))
                return;
            // The orders are stored: their numbers may follow (they reference them).
            for (const core::PortingOrder& order : page)
                pullOrderChildren(order.id);
            emit progress({tr("Port orders"), m_orderIds.size(), 0});
        },
        [this](const providers::ListOutcome& outcome) { listDone(outcome); });
}

void TelnyxPull::pullOrderChildren(const QString& orderId) {
    openPart();
    m_fetches << m_client.listPortingPhoneNumbers(
        orderId,
        [this](int, const QList<core::PortingPhoneNumber>& page) {
            storePage(page, u"porting numbers"_s, m_numberIds, m_incomplete, [this, &page](QString* error) {
                return store::PortingRepository(m_database).upsertPhoneNumbers(m_profileId, page, error);
            });
        },
        [this, orderId](const providers::ListOutcome& outcome) {
            if (outcome.complete && !m_cancelled) {
                // Extensions hang on the order's numbers, which are stored now.
                openPart();
                m_fetches << m_client.listPhoneNumberExtensions(
                    orderId,
                    [this](int, const QList<core::PhoneNumberExtension>& page) {
                        storePage(page, u"porting extensions"_s, m_extensionIds, m_incomplete,
                                  [this, &page](QString* error) {
                                      return store::PortingRepository(m_database)
                                          .upsertExtensions(m_profileId, page, error);
                                  });
                    },
                    [this](const providers::ListOutcome& extensions) { listDone(extensions); });
            }
            listDone(outcome);
        });
}

void TelnyxPull::listDone(const providers::ListOutcome& outcome) {
    if (!outcome.complete) {
        m_incomplete = true;
        addListError(outcome);
    }
    partDone();
}

void TelnyxPull::partDone() {
    if (!lastPartDone())
        return;
    if (!m_incomplete && !m_cancelled)
        removeStale();
    finish(!m_incomplete);
}

void TelnyxPull::removeStale() {
    store::PortingRepository porting(m_database);
    QString error;
    int extensions = 0;
    int numbers = 0;
    int orders = 0;
    int phoneNumbers = 0;
    if (!store::PhoneNumberRepository(m_database)
             .removeAllExcept(m_profileId, m_phoneNumberIds, &error, &phoneNumbers)) {
        m_incomplete = true;
        addError(error);
        return;
    }
    if (phoneNumbers > 0)
        m_report.removed[u"numbers"_s] += phoneNumbers;
    // Children first, though the cascade would take them along with their parents anyway.
    if (!porting.removeExtensionsExcept(m_profileId, m_extensionIds, &error, &extensions) ||
        !porting.removePhoneNumbersExcept(m_profileId, m_numberIds, &error, &numbers) ||
        !porting.removeOrdersExcept(m_profileId, m_orderIds, &error, &orders)) {
        m_incomplete = true;
        addError(error);
        return;
    }
    if (extensions > 0)
        m_report.removed[u"porting extensions"_s] += extensions;
    if (numbers > 0)
        m_report.removed[u"porting numbers"_s] += numbers;
    if (orders > 0)
        m_report.removed[u"port orders"_s] += orders;
}

void TelnyxPull::cancel() {
    if (m_cancelled || isFinished())
        return;
    m_cancelled = true;
    const auto fetches = m_fetches;
    for (const QPointer<net::PagedFetch>& fetch : fetches) {
        if (fetch && !fetch->isFinished())
            fetch->cancel();
    }
}

} // namespace trunkline::sync
