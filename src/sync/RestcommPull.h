#pragma once

#include "core/PhoneNumberRecord.h"
#include "sync/GatheredPages.h"
#include "sync/ProviderPull.h"
#include "sync/SyncForward.h"

#include <QCoreApplication>
#include <QPointer>

namespace trunkline::sync {

// Pulls a Restcomm account's incoming phone numbers (with their routing attributes), a few pages to a
// transaction (GatheredPages); numbers the account no longer has are removed after a complete list only.
class RestcommPull : public ProviderPull {
    Q_OBJECT

public:
    RestcommPull(store::Database& database, qint64 profileId, providers::restcomm::RestcommClient& client,
                 QObject* parent = nullptr);

    void start() override;
    void cancel() override;

private:
    void store(const QList<core::PhoneNumberRecord>& numbers);

    providers::restcomm::RestcommClient& m_client;
    QPointer<net::PagedFetch> m_fetch;
    QStringList m_ids;
    GatheredPages<core::PhoneNumberRecord> m_pages;
    bool m_writeFailed = false;
};

} // namespace trunkline::sync
