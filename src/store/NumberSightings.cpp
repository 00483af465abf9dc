#include "store/NumberSightings.h"

#include "store/PhoneNumberRepository.h"
#include "store/PortingRepository.h"
#include "store/ProfileRepository.h"

#include <algorithm>

namespace trunkline::store {

QList<NumberSighting> numberSightings(Database& database, qint64 portingProfileId, const QString& e164,
                                      const QString& exceptOrderId) {
    QList<NumberSighting> sightings;
    const PhoneNumberRepository inventory(database);
    for (const Profile& profile : ProfileRepository(database).list()) {
        if (inventory.findByE164(profile.id, e164))
            sightings.append({profile.name, std::nullopt});
    }
    const PortingRepository porting(database);
    for (const core::PortingOrder& order : porting.orders(portingProfileId)) {
        if (order.id == exceptOrderId)
            continue;
        const QList<core::PortingPhoneNumber> numbers = porting.phoneNumbers(portingProfileId, order.id);
        if (std::any_of(numbers.cbegin(), numbers.cend(),
                        [&e164](const auto& n) { return n.phoneNumber == e164; }))
            sightings.append({QString(), order});
    }
    return sightings;
}

} // namespace trunkline::store
