#include "connection/DemoProfiles.h"

#include "core/PhoneNumberRecord.h"
#include "store/ProfileRepository.h"

namespace trunkline::connection {

int DemoProfiles::addIfFirstStart(store::ProfileRepository& profiles, QString* error) {
    QString listError;
    const QList<store::Profile> existing = profiles.list(&listError);
    if (!listError.isEmpty()) {
        if (error)
            *error = listError;
        return -1;
    }
    if (!existing.isEmpty())
        return 0;
    const QList<std::pair<QString, QString>> demo{
        {tr("Demo office (RingCentral)"), core::kProviderRingCentral.toString()},
        {tr("Demo porting (Telnyx)"), core::kProviderTelnyx.toString()},
        {tr("Demo routing (Restcomm)"), core::kProviderRestcomm.toString()},
    };
    int added = 0;
    for (const auto& [name, provider] : demo) {
        store::Profile profile;
        profile.name = name;
        profile.provider = provider;
        profile.baseUrl = kDemoBaseUrl;
        if (!profiles.add(profile, error))
            return -1;
        ++added;
    }
    return added;
}

} // namespace trunkline::connection
