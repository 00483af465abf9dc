#pragma once

#include "core/PortingOrder.h"

#include <QList>
#include <QString>
#include <optional>

namespace trunkline::store {

class Database;

// One place a number about to be ported is already known in the local copy: the inventory of a profile,
// or a port order of the profile that ports it.
struct NumberSighting {
    QString inventoryProfile;                // the profile whose inventory holds it, or empty
    std::optional<core::PortingOrder> order; // the port order that holds it, or none
};

// Where `e164` is known: in any profile's inventory, and on `portingProfileId`'s port orders other than
// `exceptOrderId` (the order being placed). Warnings, not rules: the copy may be out of date, and the
// admin may know better; the porting wizard and `trunkline-cli port` both show them.
QList<NumberSighting> numberSightings(Database& database, qint64 portingProfileId, const QString& e164,
                                      const QString& exceptOrderId = {});

} // namespace trunkline::store
