#pragma once

#include "core/ForwardingNumber.h"
#include "store/PendingChange.h"

#include <QList>

namespace trunkline::changes {

// Turns an edited forwarding / call-flip list into one pending change per entry
// (ChangePayloads forwardingCreate/Update/Delete), in an order the provider accepts one by one:
// deletes first, then updates, where an entry only takes a flip number once no other entry holds it
// (a cycle of swapped flip numbers goes through a free digit), then creates. The plan is staged as one
// sequence (ChangeStager::stageSequence): an entry may appear twice, parked and then final.
class ForwardingListPlan {
public:
    static QList<store::PendingChange> plan(qint64 profileId, const QString& extensionId,
                                            const QList<core::ForwardingNumber>& stored,
                                            const QList<core::ForwardingNumber>& edited);
};

} // namespace trunkline::changes
