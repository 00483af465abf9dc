#pragma once

#include "sync/SyncForward.h"
#include "sync/SyncTypes.h"

#include <QObject>
#include <QStringList>

namespace trunkline::sync {

// One provider's pull into the store: started once, reports progress, ends with finished() exactly once
// (also after cancel()). Records the provider no longer has are removed only after a complete list.
// Holds what every pull shares: the store and profile it writes, the report it builds and the steps of
// writing a page and ending the pull, so that each provider's pull says only which lists it reads.
class ProviderPull : public QObject {
    Q_OBJECT

public:
    virtual void start() = 0;
    virtual void cancel() = 0;

signals:
    void progress(const trunkline::sync::SyncProgress& progress);
    void finished(const trunkline::sync::SyncReport& report);

protected:
    ProviderPull(store::Database& database, qint64 profileId, QObject* parent);

    // Records an error once (several pages may fail alike).
    void addError(const QString& message);
    // Records why a list ended partial; a cancelled fetch is no error.
    void addListError(const providers::ListOutcome& outcome);

    // Writes one page of a list with `write` (the repository call, given where to put its error): on
    // success the page's ids join `ids` and it counts as pulled `entity`; a refused write sets
    // `writeFailed` and records the error. False when nothing was written (also when cancelled or empty).
    template <typename Record, typename Write>
    bool storePage(const QList<Record>& page, const QString& entity, QStringList& ids, bool& writeFailed,
                   Write write) {
        if (m_cancelled || page.isEmpty())
            return false;
        QString error;
        if (!write(&error)) {
            writeFailed = true;
            addError(error);
            return false;
        }
        for (const Record& record : page)
            ids << record.id;
        m_report.pulled[entity] += static_cast<int>(page.size());
        return true;
    }

    // storePage() for phone numbers (gathered pages of them, GatheredPages), through
    // PhoneNumberRepository::upsert.
    bool storeNumbers(const QList<core::PhoneNumberRecord>& numbers, QStringList& ids, bool& writeFailed);

    // For pulls made of parts that run at the same time: one more part, and one part done; true only for
    // the last part to end, once.
    void openPart() { ++m_openParts; }
    bool lastPartDone();
    bool isFinished() const { return m_finished; }

    // Emits finished() with the report; complete only when `complete`, not cancelled and without errors.
    void finish(bool complete);

    store::Database& m_database;
    const qint64 m_profileId;
    SyncReport m_report;
    bool m_cancelled = false;

private:
    int m_openParts = 0;
    bool m_finished = false;
};

} // namespace trunkline::sync
