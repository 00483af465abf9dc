#include "changes/ForwardingListPlan.h"

#include "changes/ChangePayloads.h"
#include "core/ForwardingRules.h"

#include <QHash>
#include <QSet>

namespace trunkline::changes {

QList<store::PendingChange> ForwardingListPlan::plan(qint64 profileId, const QString& extensionId,
                                                     const QList<core::ForwardingNumber>& stored,
                                                     const QList<core::ForwardingNumber>& edited) {
    QList<store::PendingChange> result;
    QSet<QString> editedIds;
    for (const core::ForwardingNumber& number : edited) {
        if (!number.id.isEmpty())
            editedIds.insert(number.id);
    }

    // What the provider holds while the changes apply, entry by entry, and who holds which flip digit.
    QHash<QString, core::ForwardingNumber> current;
    QHash<int, QString> holder;
    for (const core::ForwardingNumber& before : stored) {
        if (!editedIds.contains(before.id)) {
            result << ChangePayloads::forwardingDelete(profileId, extensionId, before);
            continue;
        }
        current.insert(before.id, before);
        if (before.flipNumber > 0)
            holder.insert(before.flipNumber, before.id);
    }

    QList<core::ForwardingNumber> updates;
    for (const core::ForwardingNumber& number : edited) {
        if (!number.id.isEmpty() && current.contains(number.id) && current.value(number.id) != number)
            updates << number;
    }
    auto emitUpdate = [&](const core::ForwardingNumber& target) {
        const core::ForwardingNumber before = current.value(target.id);
        result << ChangePayloads::forwardingUpdate(profileId, extensionId, before, target);
        if (before.flipNumber > 0 && holder.value(before.flipNumber) == target.id)
            holder.remove(before.flipNumber);
        if (target.flipNumber > 0)
            holder.insert(target.flipNumber, target.id);
        current.insert(target.id, target);
    };
    while (!updates.isEmpty()) {
        bool progressed = false;
        for (qsizetype i = 0; i < updates.size();) {
            const core::ForwardingNumber target = updates.at(i);
            const int flip = target.flipNumber;
            if (flip == 0 || !holder.contains(flip) || holder.value(flip) == target.id) {
                emitUpdate(target);
                updates.removeAt(i);
                progressed = true;
            } else {
                ++i;
            }
        }
        if (progressed || updates.isEmpty())
            continue;
        // Every remaining update waits for a digit another one holds (a swap): park the first on a
        // digit nobody holds or wants, then go on.
        QSet<int> wanted;
        for (const core::ForwardingNumber& target : std::as_const(updates))
            wanted.insert(target.flipNumber);
        int parking = 0;
        for (int digit = core::kMaxForwardingNumbers; digit >= 1 && parking == 0; --digit) {
            if (!holder.contains(digit) && !wanted.contains(digit))
                parking = digit;
        }
        core::ForwardingNumber parked = current.value(updates.first().id);
        if (parking == 0 || parked.flipNumber == 0) {
            // No free digit (ten entries all swapping): send the rest as they are; the provider may
            // refuse one, which the pending changes page then shows.
            for (const core::ForwardingNumber& target : std::as_const(updates))
                emitUpdate(target);
            break;
        }
        parked.flipNumber = parking;
        emitUpdate(parked);
    }

    for (const core::ForwardingNumber& number : edited) {
        if (number.id.isEmpty())
            result << ChangePayloads::forwardingCreate(profileId, extensionId, number);
    }
    return result;
}

} // namespace trunkline::changes
