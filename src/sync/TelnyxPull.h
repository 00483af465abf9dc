#pragma once

#include "core/PhoneNumberRecord.h"
#include "sync/GatheredPages.h"
#include "sync/ProviderPull.h"
#include "sync/SyncForward.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSet>

namespace trunkline::sync {

// Pulls the account's phone numbers and, beside them, Telnyx porting orders, then for each order its
// porting phone numbers and after those (their parents) its German phone-number extensions. Records the
// provider no longer has are removed only when every one of these lists arrived whole.
class TelnyxPull : public ProviderPull {
    Q_OBJECT

public:
    TelnyxPull(store::Database& database, qint64 profileId, providers::telnyx::TelnyxClient& client,
               QObject* parent = nullptr);

    void start() override;
    void cancel() override;

private:
    void pullOrderChildren(const QString& orderId);
    void listDone(const providers::ListOutcome& outcome);
    void partDone();
    void removeStale();

    providers::telnyx::TelnyxClient& m_client;
    QList<QPointer<net::PagedFetch>> m_fetches;
    QStringList m_phoneNumberIds;
    GatheredPages<core::PhoneNumberRecord> m_phoneNumberPages;
    QStringList m_orderIds;
    QStringList m_numberIds;
    QStringList m_extensionIds;
    bool m_incomplete = false;
};

} // namespace trunkline::sync
