#include "changes/StoredRecord.h"

#include "changes/ChangePayloads.h"
#include "changes/NumberChangePayloads.h"
#include "changes/SettingsPayloads.h"
#include "store/ExtensionRepository.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PhoneNumberRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::changes {

namespace {

std::optional<StoredRecord> missing(const store::PendingChange& change, const QString& readError,
                                    QString* error) {
    if (error)
        *error = !readError.isEmpty()
                     ? readError
                     : StoredRecord::tr("The local copy has no record %1 (%2); sync, then try again.")
                           .arg(change.entityKey, change.entity);
    return std::nullopt;
}

} // namespace

std::optional<StoredRecord> StoredRecord::of(store::Database& database, const store::PendingChange& change,
                                             QString* error) {
    QString readError;
    if (change.entity == EntityKind::kPhoneNumber) {
        const store::PhoneNumberRepository numbers(database);
        if (const auto number = numbers.find(change.profileId, change.entityKey, &readError))
            return StoredRecord{numbers.versionOf(*number), NumberChangePayloads::numberFields(*number)};
    } else if (change.entity == EntityKind::kExtension) {
        const store::ExtensionRepository extensions(database);
        if (const auto extension = extensions.find(change.profileId, change.entityKey, &readError))
            return StoredRecord{extensions.versionOf(*extension),
                                ChangePayloads::extensionFields(*extension)};
    } else if (change.entity == EntityKind::kForwardingNumber) {
        const QString extensionId = change.payload.value(u"extensionId"_s).toString();
        for (const core::ForwardingNumber& entry :
             store::ForwardingNumberRepository(database).list(change.profileId, extensionId, &readError)) {
            if (entry.id == change.entityKey)
                return StoredRecord{store::ForwardingNumberRepository::versionOf({entry}),
                                    ChangePayloads::forwardingFields(extensionId, entry)};
        }
    } else if (change.entity == EntityKind::kExtensionSettings) {
        QString extensionId;
        QString kind;
        if (SettingsPayloads::splitEntityKey(change.entityKey, &extensionId, &kind)) {
            if (const auto document = store::ExtensionSettingsRepository(database).get(
                    change.profileId, extensionId, kind, &readError))
                return StoredRecord{
                    store::ExtensionSettingsRepository::versionOf(*document),
                    QJsonObject{{u"kind"_s, kind},
                                {u"settings"_s, SettingsPayloads::formPart(kind, *document)}}};
        }
    }
    return missing(change, readError, error);
}

} // namespace trunkline::changes
