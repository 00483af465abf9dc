#include "sync/TelnyxPull.h"

#include "providers/telnyx/TelnyxClient.h"
#include "store/PortingRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::sync {

TelnyxPull::TelnyxPull(store::Database& database, qint64 profileId, providers::telnyx::TelnyxClient& client,
                       QObject* parent)
    : ProviderPull(parent)
    , m_database(database)
    , m_profileId(profileId)
    , m_client(client) {
}

void TelnyxPull::start() {
    ++m_openParts;
    m_fetches << m_client.listPortingOrders(
        {},
        [this](int, const QList<core::PortingOrder>& page) {
            if (m_cancelled || page.isEmpty())
                return;
            QString error;
            if (!store::PortingRepository(m_database).upsertOrders(m_profileId, page, &error)) {
                m_incomplete = true;
                addError(error);
                return;
            }
            m_report.pulled[u"port orders"_s] += static_cast<int>(page.size());
            for (const core::PortingOrder& order : page) {
                m_orderIds << order.id;
                // The order is stored: its numbers may follow (they reference it).
                pullOrderChildren(order.id);
            }
            emit progress({tr("Port orders"), m_orderIds.size(), 0});
        },
        [this](const providers::ListOutcome& outcome) { listDone(outcome); });
}

void TelnyxPull::pullOrderChildren(const QString& orderId) {
    ++m_openParts;
    m_fetches << m_client.listPortingPhoneNumbers(
        orderId,
        [this](int, const QList<core::PortingPhoneNumber>& page) {
            if (m_cancelled || page.isEmpty())
                return;
            QString error;
            if (!store::PortingRepository(m_database).upsertPhoneNumbers(m_profileId, page, &error)) {
                m_incomplete = true;
                addError(error);
                return;
            }
            for (const core::PortingPhoneNumber& number : page)
                m_numberIds << number.id;
            m_report.pulled[u"porting numbers"_s] += static_cast<int>(page.size());
        },
        [this, orderId](const providers::ListOutcome& outcome) {
            if (outcome.complete && !m_cancelled) {
                // Extensions hang on the order's numbers, which are stored now.
                ++m_openParts;
                m_fetches << m_client.listPhoneNumberExtensions(
                    orderId,
                    [this](int, const QList<core::PhoneNumberExtension>& page) {
                        if (m_cancelled || page.isEmpty())
                            return;
                        QString error;
                        if (!store::PortingRepository(m_database)
                                 .upsertExtensions(m_profileId, page, &error)) {
                            m_incomplete = true;
                            addError(error);
                            return;
                        }
                        for (const core::PhoneNumberExtension& extension : page)
                            m_extensionIds << extension.id;
                        m_report.pulled[u"porting extensions"_s] += static_cast<int>(page.size());
                    },
                    [this](const providers::ListOutcome& extensions) { listDone(extensions); });
            }
            listDone(outcome);
        });
}

void TelnyxPull::listDone(const providers::ListOutcome& outcome) {
    if (!outcome.complete) {
        m_incomplete = true;
        if (outcome.error && outcome.error->kind != net::ApiError::Kind::Cancelled)
            addError(outcome.error->message());
    }
    partDone();
}

void TelnyxPull::partDone() {
    if (--m_openParts > 0 || m_finished)
        return;
    m_finished = true;
    if (!m_incomplete && !m_cancelled)
        removeStale();
    m_report.cancelled = m_cancelled;
    m_report.complete = !m_incomplete && !m_cancelled && m_report.errors.isEmpty();
    emit finished(m_report);
}

void TelnyxPull::removeStale() {
    store::PortingRepository porting(m_database);
    QString error;
    int extensions = 0;
    int numbers = 0;
    int orders = 0;
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
    if (m_cancelled || m_finished)
        return;
    m_cancelled = true;
    const auto fetches = m_fetches;
    for (const QPointer<net::PagedFetch>& fetch : fetches) {
        if (fetch && !fetch->isFinished())
            fetch->cancel();
    }
}

void TelnyxPull::addError(const QString& message) {
    if (!m_report.errors.contains(message))
        m_report.errors << message;
}

} // namespace trunkline::sync
