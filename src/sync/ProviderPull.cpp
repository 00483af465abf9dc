#include "sync/ProviderPull.h"

#include "core/PhoneNumberRecord.h"
#include "providers/ProviderCalls.h"
#include "store/PhoneNumberRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::sync {

ProviderPull::ProviderPull(store::Database& database, qint64 profileId, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_profileId(profileId) {
}

void ProviderPull::addError(const QString& message) {
    if (!m_report.errors.contains(message))
        m_report.errors << message;
}

void ProviderPull::addListError(const providers::ListOutcome& outcome) {
    if (outcome.error && outcome.error->kind != net::ApiError::Kind::Cancelled)
        addError(outcome.error->message());
}

bool ProviderPull::storeNumbers(const QList<core::PhoneNumberRecord>& numbers, QStringList& ids,
                                bool& writeFailed) {
    return storePage(numbers, u"numbers"_s, ids, writeFailed, [this, &numbers](QString* error) {
        return store::PhoneNumberRepository(m_database).upsert(m_profileId, numbers, error);
    });
}

bool ProviderPull::lastPartDone() {
    if (--m_openParts > 0 || m_finished)
        return false;
    m_finished = true;
    return true;
}

void ProviderPull::finish(bool complete) {
    m_finished = true;
    m_report.cancelled = m_cancelled;
    m_report.complete = complete && !m_cancelled && m_report.errors.isEmpty();
    emit finished(m_report);
}

} // namespace trunkline::sync
