#pragma once

#include "core/PhoneNumberRecord.h"
#include "sync/GatheredPages.h"
#include "sync/ProviderPull.h"
#include "sync/SyncForward.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSet>

namespace trunkline::sync {

// Pulls a RingCentral account: the account record, every extension, every account phone number and
// the time zone list. The lists run at the same time (the client paces them in their own usage groups); each
// page of extensions is written as it arrives, in its own transaction, the numbers a few pages at a time
// (GatheredPages), so a kill loses at most the pages in hand.
// Per-extension details (forwarding lists) are not part of it: DetailQueue fetches those by priority.
class RingCentralPull : public ProviderPull {
    Q_OBJECT

public:
    RingCentralPull(store::Database& database, qint64 profileId,
                    providers::ringcentral::RingCentralClient& client, QObject* parent = nullptr);

    void start() override;
    void cancel() override;

private:
    void listExtensions();
    void listNumbers();
    void listTimeZones();
    // Ends one list: on a complete list removes what it did not mention, else records why it is partial.
    void finishList(const QString& entity, const providers::ListOutcome& outcome, const QStringList& keptIds,
                    bool writeFailed);
    void reportProgress(const QString& what, qint64 done, const QPointer<net::PagedFetch>& fetch);
    void partDone();

    providers::ringcentral::RingCentralClient& m_client;
    QPointer<net::PagedFetch> m_extensionFetch;
    QPointer<net::PagedFetch> m_numberFetch;
    QPointer<net::PagedFetch> m_timeZoneFetch;
    QStringList m_extensionIds;
    QStringList m_numberIds;
    GatheredPages<core::PhoneNumberRecord> m_numberPages;
    bool m_extensionWriteFailed = false;
    bool m_numberWriteFailed = false;
    bool m_incomplete = false;
};

} // namespace trunkline::sync
