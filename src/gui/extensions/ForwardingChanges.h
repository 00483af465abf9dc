#pragma once

#include "core/ForwardingNumber.h"
#include "store/PendingChange.h"

#include <QCoreApplication>
#include <QList>

namespace trunkline::store {
class Database;
}

namespace trunkline::gui {

// Turns an edited forwarding / call-flip list into one pending change per entry
// (sync::ChangePayloads forwardingCreate/Update/Delete), in an order the provider accepts one by one:
// deletes first, then updates, where an entry only takes a flip number once no other entry holds it
// (a cycle of swapped flip numbers goes through a free digit), then creates.
class ForwardingChanges {
    Q_DECLARE_TR_FUNCTIONS(ForwardingChanges)

public:
    static QList<store::PendingChange> plan(qint64 profileId, const QString& extensionId,
                                            const QList<core::ForwardingNumber>& stored,
                                            const QList<core::ForwardingNumber>& edited);
    // Enqueues the plan in one transaction; returns how many changes, -1 with *error.
    static int stage(store::Database& database, qint64 profileId, const QString& extensionId,
                     const QList<core::ForwardingNumber>& stored, const QList<core::ForwardingNumber>& edited,
                     QString* error = nullptr);
};

} // namespace trunkline::gui
