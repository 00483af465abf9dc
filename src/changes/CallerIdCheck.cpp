#include "changes/CallerIdCheck.h"

#include "changes/SettingsPayloads.h"
#include "core/ReadableNumber.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/PendingChange.h"
#include "store/PhoneNumberRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::changes {

QString CallerIdCheck::refusal(store::Database& database, const store::PendingChange& proposed) {
    if (proposed.entity != SettingsPayloads::kEntity ||
        proposed.payload.value(u"kind"_s).toString() != store::ExtensionSettingsRepository::kCallerId)
        return {};
    const QJsonObject callerId =
        SettingsPayloads::ringOutCallerId(proposed.payload.value(u"settings"_s).toObject());
    if (callerId.value(u"type"_s).toString(u"PhoneNumber"_s) != u"PhoneNumber"_s)
        return {};
    const QString numberId = SettingsPayloads::valueAt(callerId, u"phoneInfo.id"_s).toString();
    if (numberId.isEmpty())
        return {};
    store::PhoneNumberRepository numbers(database);
    const std::optional<core::NumberFeatures> features = numbers.listedFeatures(proposed.profileId, numberId);
    if (!features || features->testFlag(core::NumberFeature::CallerId))
        return {};
    QString shown = numberId;
    if (const std::optional<core::PhoneNumberRecord> number = numbers.find(proposed.profileId, numberId)) {
        shown = core::readableNumber(number->e164);
    }
    QStringList names;
    for (const core::NumberFeature feature : core::allValues<core::NumberFeature>()) {
        if (features->testFlag(feature))
            names << core::displayName(feature);
    }
    return tr("Outbound caller ID: %1 cannot be shown as the caller ID. RingCentral shows a number as "
              "caller ID only when it has the CallerId feature; this number has %2.")
        .arg(shown, names.isEmpty() ? tr("no features") : tr("only %1").arg(names.join(u", "_s)));
}

} // namespace trunkline::changes
