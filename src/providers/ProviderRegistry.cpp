#include "providers/ProviderRegistry.h"

#include "providers/restcomm/RestcommProvider.h"
#include "providers/ringcentral/RingCentralProvider.h"
#include "providers/telnyx/TelnyxProvider.h"

namespace trunkline::providers {

const QList<const ProviderCapabilities*>& allProviders() {
    static const QList<const ProviderCapabilities*> rows{
        &ringcentral::capabilities(),
        &telnyx::capabilities(),
        &restcomm::capabilities(),
    };
    return rows;
}

const ProviderCapabilities* findProvider(QStringView key) {
    for (const ProviderCapabilities* row : allProviders()) {
        if (row->key == key)
            return row;
    }
    return nullptr;
}

bool hasExtensions(QStringView key) {
    const ProviderCapabilities* row = findProvider(key);
    return row && row->extensions;
}

QString providerDisplayName(QStringView key) {
    const ProviderCapabilities* row = findProvider(key);
    return row ? row->displayName : key.toString();
}

} // namespace trunkline::providers
