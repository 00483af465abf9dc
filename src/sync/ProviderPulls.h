#pragma once

#include "sync/SyncForward.h"

#include <QList>
#include <QObject>
#include <QStringView>

namespace trunkline::sync {

class ProviderPull;

// Which pull runs for a provider: one row per provider of the provider table (providers/ProviderRegistry),
// each making the provider's client and its ProviderPull. A new provider adds its pull here.
class ProviderPulls {
public:
    struct Made {
        ProviderPull* pull = nullptr;
        // The client that fetches per-extension details (ProviderCapabilities::extensionDetails), shared
        // with the pull; nullptr for providers without them.
        providers::ringcentral::RingCentralClient* details = nullptr;
    };

    // The pull for the connection's provider, owned by `parent`; Made{} when there is none.
    // pageSize 0 = the client's default.
    static Made make(store::Database& database, qint64 profileId, connection::Connection& connection,
                     int pageSize, QObject* parent);
    // The providers with a pull (for the table test).
    static QList<QStringView> providers();
};

} // namespace trunkline::sync
