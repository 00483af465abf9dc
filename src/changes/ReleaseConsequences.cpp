#include "changes/ReleaseConsequences.h"

#include "store/ExtensionRepository.h"
#include "store/ForwardingNumberRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::changes {

namespace {

QString extensionText(store::ExtensionRepository& extensions, qint64 profileId, const QString& id,
                      const QString& fallbackNumber) {
    const std::optional<core::Extension> extension = extensions.find(profileId, id);
    if (!extension)
        return fallbackNumber.isEmpty() ? id : fallbackNumber;
    return extension->name.isEmpty() ? extension->extensionNumber
                                     : u"%1 (%2)"_s.arg(extension->extensionNumber, extension->name);
}

} // namespace

QStringList ReleaseConsequences::of(store::Database& database, qint64 profileId,
                                    const core::PhoneNumberRecord& number) {
    QStringList consequences;
    store::ExtensionRepository extensions(database);
    if (!number.extensionId.isEmpty() || !number.extensionNumber.isEmpty())
        consequences << tr("Extension %1 loses %2, its direct number.")
                            .arg(extensionText(extensions, profileId, number.extensionId,
                                               number.extensionNumber),
                                 number.e164);
    const QStringList forwarding =
        store::ForwardingNumberRepository(database).extensionsForwardingTo(profileId, number.e164);
    for (const QString& extensionId : forwarding)
        consequences << tr("Extension %1 still forwards calls to %2; remove it from that forwarding list.")
                            .arg(extensionText(extensions, profileId, extensionId, {}), number.e164);
    if (number.restcomm) {
        const core::RestcommAttributes& r = *number.restcomm;
        const QString voice = !r.voiceApplicationSid.isEmpty() ? r.voiceApplicationSid : r.voiceUrl;
        if (!voice.isEmpty())
            consequences << tr("Calls to %1 no longer reach %2.").arg(number.e164, voice);
        const QString sms = !r.smsApplicationSid.isEmpty() ? r.smsApplicationSid : r.smsUrl;
        if (!sms.isEmpty())
            consequences << tr("Texts to %1 no longer reach %2.").arg(number.e164, sms);
    }
    return consequences;
}

} // namespace trunkline::changes
