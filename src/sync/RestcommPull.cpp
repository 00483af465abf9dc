#include "sync/RestcommPull.h"

#include "providers/restcomm/RestcommClient.h"
#include "store/PhoneNumberRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::sync {

RestcommPull::RestcommPull(store::Database& database, qint64 profileId,
                           providers::restcomm::RestcommClient& client, QObject* parent)
    : ProviderPull(parent)
    , m_database(database)
    , m_profileId(profileId)
    , m_client(client) {
}

void RestcommPull::start() {
    m_fetch = m_client.listIncomingNumbers(
        [this](int, const QList<core::PhoneNumberRecord>& page) {
            if (m_cancelled || page.isEmpty())
                return;
            QString error;
            if (!store::PhoneNumberRepository(m_database).upsert(m_profileId, page, &error)) {
                m_writeFailed = true;
                if (!m_report.errors.contains(error))
                    m_report.errors << error;
                return;
            }
            for (const core::PhoneNumberRecord& number : page)
                m_ids << number.id;
            m_report.pulled[u"numbers"_s] += static_cast<int>(page.size());
            const qint64 done = m_ids.size();
            const qint64 total =
                m_fetch && m_fetch->totalPages() > 0
                    ? std::max<qint64>(done, qint64(m_fetch->totalPages()) * m_client.pageSize())
                    : 0;
            emit progress({tr("Incoming numbers"), done, total});
        },
        [this](const providers::ListOutcome& outcome) {
            bool complete = outcome.complete && !m_writeFailed && !m_cancelled;
            if (!complete) {
                if (outcome.error && outcome.error->kind != net::ApiError::Kind::Cancelled)
                    m_report.errors << outcome.error->message();
            } else {
                QString error;
                int removed = 0;
                if (!store::PhoneNumberRepository(m_database)
                         .removeAllExcept(m_profileId, m_ids, &error, &removed)) {
                    complete = false;
                    m_report.errors << error;
                } else if (removed > 0) {
                    m_report.removed[u"numbers"_s] += removed;
                }
            }
            m_report.cancelled = m_cancelled;
            m_report.complete = complete && m_report.errors.isEmpty();
            emit finished(m_report);
        });
}

void RestcommPull::cancel() {
    m_cancelled = true;
    if (m_fetch)
        m_fetch->cancel();
}

} // namespace trunkline::sync
