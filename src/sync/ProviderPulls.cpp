#include "sync/ProviderPulls.h"

#include "connection/ConnectionFactory.h"
#include "core/PhoneNumberRecord.h"
#include "providers/restcomm/RestcommClient.h"
#include "providers/ringcentral/RingCentralClient.h"
#include "providers/telnyx/TelnyxClient.h"
#include "sync/RestcommPull.h"
#include "sync/RingCentralPull.h"
#include "sync/TelnyxPull.h"

#include <functional>

namespace trunkline::sync {

namespace {

using Factory =
    std::function<ProviderPulls::Made(store::Database&, qint64, connection::Connection&, int, QObject*)>;

struct Row {
    QStringView provider;
    Factory make;
};

template <typename Client>
Client* withPageSize(Client* client, int pageSize) {
    if (pageSize > 0)
        client->setPageSize(pageSize);
    return client;
}

const QList<Row>& rows() {
    static const QList<Row> table{
        {core::kProviderRingCentral,
         [](store::Database& database, qint64 profileId, connection::Connection& connection, int pageSize,
            QObject* parent) {
             auto* client = withPageSize(
                 new providers::ringcentral::RingCentralClient(connection.client.get(), parent), pageSize);
             return ProviderPulls::Made{new RingCentralPull(database, profileId, *client, parent), client};
         }},
        {core::kProviderTelnyx,
         [](store::Database& database, qint64 profileId, connection::Connection& connection, int pageSize,
            QObject* parent) {
             auto* client =
                 withPageSize(new providers::telnyx::TelnyxClient(connection.client.get(), parent), pageSize);
             return ProviderPulls::Made{new TelnyxPull(database, profileId, *client, parent), nullptr};
         }},
        {core::kProviderRestcomm,
         [](store::Database& database, qint64 profileId, connection::Connection& connection, int pageSize,
            QObject* parent) {
             auto* client = withPageSize(new providers::restcomm::RestcommClient(
                                             connection.client.get(), connection.accountId, parent),
                                         pageSize);
             return ProviderPulls::Made{new RestcommPull(database, profileId, *client, parent), nullptr};
         }},
    };
    return table;
}

} // namespace

ProviderPulls::Made ProviderPulls::make(store::Database& database, qint64 profileId,
                                        connection::Connection& connection, int pageSize, QObject* parent) {
    if (!connection.provider)
        return {};
    for (const Row& row : rows()) {
        if (row.provider == connection.provider->key)
            return row.make(database, profileId, connection, pageSize, parent);
    }
    return {};
}

QList<QStringView> ProviderPulls::providers() {
    QList<QStringView> keys;
    for (const Row& row : rows())
        keys << row.provider;
    return keys;
}

} // namespace trunkline::sync
