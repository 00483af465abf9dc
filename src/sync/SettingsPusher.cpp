#include "sync/SettingsPusher.h"

#include "changes/SettingsPayloads.h"
#include "providers/ringcentral/RingCentralClient.h"
#include "store/Database.h"
#include "store/ExtensionSettingsRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::sync {

using changes::SettingsPayloads;

namespace {

using providers::Outcome;
using providers::ringcentral::RingCentralClient;
using providers::ringcentral::SettingsDocument;
using store::ExtensionSettingsRepository;
using namespace pushResults;

// Where a form member's value sits in a document: the RingOut caller ID is an entry of byFeature.
QString memberPath(const QString& path) {
    return path == SettingsPayloads::kRingOutPath ? u"byFeature"_s : path;
}

// The members the change carries whose value `document` does not hold (paths as in formMembers()).
// Only those count: the others are not sent.
QStringList notHeld(const QString& kind, const QJsonObject& document, const QJsonObject& settings) {
    QStringList paths;
    for (const QString& path : SettingsPayloads::differences(kind, document, settings)) {
        if (!SettingsPayloads::valueAt(settings, memberPath(path)).isUndefined())
            paths << path;
    }
    return paths;
}

// The part of `settings` at `paths`: what a PUT sends, so that members the change does not alter keep
// what the provider holds (the payload carries every form member).
QJsonObject partAt(const QJsonObject& settings, const QStringList& paths) {
    QJsonObject part;
    for (const QString& path : paths)
        SettingsPayloads::setValueAt(part, memberPath(path),
                                     SettingsPayloads::valueAt(settings, memberPath(path)));
    return part;
}

// After the provider's success the document is read again: the change is applied only when the provider
// holds what was reviewed (a member the PUT could not carry, or one the provider ignored, would otherwise
// be reported as applied and come back at the next sync). The store gets what the provider holds.
void readBack(store::Database& database, qint64 profileId, RingCentralClient& client,
              SettingsDocument document, const QString& extensionId, const QString& kind,
              const QJsonObject& settings, const QString& summary, SettingsPusher::Done done) {
    client.getSettings(
        extensionId, document,
        [&database, profileId, extensionId, kind, settings, summary, done](const Outcome<QJsonObject>& held) {
            if (held.error)
                return done(failed(*held.error)); // the next attempt compares before it sends
            QString error;
            if (!ExtensionSettingsRepository(database).put(profileId, extensionId, kind, *held.value, &error))
                return done(failedLocally(error));
            const QStringList differing = notHeld(kind, *held.value, settings);
            done(differing.isEmpty() ? applied(summary) : notKept(differing));
        });
}

} // namespace

std::optional<SettingsDocument> SettingsPusher::documentOf(const QString& kind) {
    if (kind == ExtensionSettingsRepository::kCallerId)
        return SettingsDocument::CallerId;
    if (kind == ExtensionSettingsRepository::kNotifications)
        return SettingsDocument::Notifications;
    if (kind == ExtensionSettingsRepository::kBusinessHours)
        return SettingsDocument::BusinessHoursRule;
    if (kind == ExtensionSettingsRepository::kAfterHours)
        return SettingsDocument::AfterHoursRule;
    return std::nullopt;
}

void SettingsPusher::apply(store::Database& database, qint64 profileId, RingCentralClient& client,
                           const store::PendingChange& change, Done done) {
    QString extensionId;
    QString kind;
    if (!SettingsPayloads::splitEntityKey(change.entityKey, &extensionId, &kind))
        return done(failedLocally(tr("The settings change names no extension and kind (key \"%1\", expected "
                                     "\"<extension id>/<kind>\").")
                                      .arg(change.entityKey)));
    if (change.operation != store::ChangeOperation::Update)
        return done(failedLocally(
            tr("Settings of extension %1 can only be updated, not created or deleted.").arg(extensionId)));
    const QJsonObject settings = change.payload.value(u"settings"_s).toObject();
    const QString what = ExtensionSettingsRepository::displayName(kind);
    if (settings.isEmpty())
        return done(
            failedLocally(tr("The change of the %1 of extension %2 carries no settings (payload member "
                             "settings).")
                              .arg(what, extensionId)));
    const std::optional<SettingsDocument> editable = documentOf(kind);
    if (!editable)
        return done(failedLocally(tr("The %1 of extension %2 are shown, not edited: the change cannot be "
                                     "applied; discard it.")
                                      .arg(what, extensionId)));
    const SettingsDocument document = *editable;
    client.getSettings(
        extensionId, document,
        [&database, &client, profileId, change, extensionId, kind, settings, what, document,
         done](const Outcome<QJsonObject>& remote) {
            // The after-hours rule also goes away when the business hours become 24/7.
            if (remote.error && remote.error->kind == net::ApiError::Kind::NotFound &&
                kind == ExtensionSettingsRepository::kAfterHours)
                return done(conflict(tr("Extension %1 has no after-hours rule at the provider any more (its "
                                        "business hours are 24/7 now, or it was deleted).")
                                         .arg(extensionId)));
            if (remote.error && remote.error->kind == net::ApiError::Kind::NotFound)
                return done(conflict(tr("Extension %1 was deleted at the provider since you edited its %2.")
                                         .arg(extensionId, what)));
            if (remote.error)
                return done(failed(*remote.error));
            ExtensionSettingsRepository repository(database);
            const QStringList changed = notHeld(kind, *remote.value, settings);
            if (changed.isEmpty()) {
                // The provider already holds the change's values, whatever its version: an earlier attempt
                // took effect (its answer was lost, or the process died before recording it). Applied, not a
                // conflict; keep what the provider has.
                QString error;
                if (!repository.put(profileId, extensionId, kind, *remote.value, &error))
                    return done(failedLocally(error));
                return done(
                    applied(tr("The %1 of extension %2 already had the new values.").arg(what, extensionId)));
            }
            if (ExtensionSettingsRepository::versionOf(*remote.value) != change.baseVersion) {
                const std::optional<QJsonObject> local = repository.get(profileId, extensionId, kind);
                const QStringList fields =
                    local ? SettingsPayloads::differences(kind, *local, *remote.value) : QStringList();
                // The provider's document is stored, so that the conflict is resolved against it.
                QString error;
                if (!repository.put(profileId, extensionId, kind, *remote.value, &error))
                    return done(failedLocally(error));
                // Members the console does not show may have changed too: the version covers the whole
                // document.
                return done(conflict(
                    fields.isEmpty()
                        ? tr("The %1 of extension %2 changed at the provider since you edited it.")
                              .arg(what, extensionId)
                        : tr("The %1 of extension %2 changed at the provider since you edited it: %3.")
                              .arg(what, extensionId, fields.join(u", "_s))));
            }
            // RingCentral's settings PUTs offer no ETag / If-Match (docs/api ringcentral.md §8): the body
            // carries only the changed members, so members edited at the provider meanwhile are kept, and
            // the read-back checks those members.
            const QJsonObject sent = partAt(settings, changed);
            client.putSettings(extensionId, document, sent,
                               [&database, &client, profileId, extensionId, kind, what, sent, changed,
                                document, done](const Outcome<QJsonObject>& answer) {
                                   if (answer.error)
                                       return done(failed(*answer.error));
                                   readBack(database, profileId, client, document, extensionId, kind, sent,
                                            tr("Updated the %1 of extension %2 (%3).")
                                                .arg(what, extensionId, changed.join(u", "_s)),
                                            done);
                               });
        });
}

} // namespace trunkline::sync
