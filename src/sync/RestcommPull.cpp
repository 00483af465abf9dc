#include "sync/RestcommPull.h"

#include "providers/restcomm/RestcommClient.h"
#include "store/PhoneNumberRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::sync {

RestcommPull::RestcommPull(store::Database& database, qint64 profileId,
                           providers::restcomm::RestcommClient& client, QObject* parent)
    : ProviderPull(database, profileId, parent)
    , m_client(client)
    , m_pages(this, [this](const QList<core::PhoneNumberRecord>& numbers) { store(numbers); }) {
}

void RestcommPull::start() {
    m_fetch = m_client.listIncomingNumbers(
        [this](int, const QList<core::PhoneNumberRecord>& page) { m_pages.add(page); },
        [this](const providers::ListOutcome& outcome) {
            m_pages.flush();
            bool complete = outcome.complete && !m_writeFailed && !m_cancelled;
            if (!complete) {
                addListError(outcome);
            } else {
                QString error;
                int removed = 0;
                if (!store::PhoneNumberRepository(m_database)
                         .removeAllExcept(m_profileId, m_ids, &error, &removed)) {
                    complete = false;
                    addError(error);
                } else if (removed > 0) {
                    m_report.removed[u"numbers"_s] += removed;
                }
            }
            finish(complete);
        });
}

void RestcommPull::store(const QList<core::PhoneNumberRecord>& numbers) {
    if (!storeNumbers(numbers, m_ids, m_writeFailed))
        return;
    const qint64 done = m_ids.size();
    const qint64 total = m_fetch && m_fetch->totalPages() > 0
                             ? std::max<qint64>(done, qint64(m_fetch->totalPages()) * m_client.pageSize())
                             : 0;
    emit progress({tr("Incoming numbers"), done, total});
}

void RestcommPull::cancel() {
    m_cancelled = true;
    if (m_fetch)
        m_fetch->cancel();
}

} // namespace trunkline::sync
