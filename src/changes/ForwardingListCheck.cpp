#include "changes/ForwardingListCheck.h"

#include "changes/EntityKind.h"
#include "core/ForwardingRules.h"
#include "core/PhoneNumber.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"

#include <QCoreApplication>
#include <algorithm>

namespace trunkline::changes::ForwardingListCheck {

QSet<QString> accountNumbersAmong(store::Database& database, qint64 profileId,
                                  const QList<core::ForwardingNumber>& list) {
    QSet<QString> owned;
    store::PhoneNumberRepository numbers(database);
    for (const core::ForwardingNumber& number : list) {
        if (core::PhoneNumber::isE164(number.phoneNumber) &&
            numbers.findByE164(profileId, number.phoneNumber))
            owned.insert(number.phoneNumber);
    }
    return owned;
}

int unappliedChanges(store::Database& database, qint64 profileId, const QString& extensionId,
                     QString* error) {
    int staged = 0;
    const QList<store::PendingChange> open = store::PendingChangeRepository(database).list(
        profileId,
        {store::ChangeState::Pending, store::ChangeState::Applying, store::ChangeState::Failed,
         store::ChangeState::Conflict},
        error);
    for (const store::PendingChange& change : open) {
        if (change.entity == EntityKind::kForwardingNumber &&
            change.payload.value(QLatin1String("extensionId")).toString() == extensionId)
            ++staged;
    }
    return staged;
}

core::RuleViolations violations(store::Database& database, qint64 profileId,
                                const QList<core::ForwardingNumber>& list) {
    return core::validateForwardingList(list, accountNumbersAmong(database, profileId, list));
}

core::ForwardingFeatures featuresOfNewEntry() {
    return core::ForwardingFeature::CallForwarding | core::ForwardingFeature::CallFlip;
}

QString featuresSetByProviderReason() {
    return QCoreApplication::translate(
        "ForwardingListCheck", "RingCentral sets the features: every number added to the list gets call "
                               "forwarding and call flip, and keeps them. To take a number out of the call "
                               "flip list, remove it.");
}

core::RuleViolations featuresSetByProvider(const QList<core::ForwardingNumber>& stored,
                                           const QList<core::ForwardingNumber>& edited) {
    core::RuleViolations violations;
    for (qsizetype row = 0; row < edited.size(); ++row) {
        const core::ForwardingNumber& entry = edited.at(row);
        const auto before =
            std::find_if(stored.cbegin(), stored.cend(), [&](const core::ForwardingNumber& s) {
                return !entry.id.isEmpty() && s.id == entry.id;
            });
        const core::ForwardingFeatures expected =
            before != stored.cend() ? before->features : featuresOfNewEntry();
        if (entry.features != expected)
            violations.append(
                {QStringLiteral("/records/%1/features").arg(row), featuresSetByProviderReason()});
    }
    return violations;
}

} // namespace trunkline::changes::ForwardingListCheck
