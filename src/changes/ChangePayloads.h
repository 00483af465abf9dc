#pragma once

#include "changes/EntityKind.h"
#include "core/Extension.h"
#include "core/ForwardingNumber.h"
#include "store/PendingChange.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace trunkline::changes {

// The pending changes the sync engine understands, and the JSON their payload carries. The GUI and the
// CLI stage changes with these builders (through ChangeStager) and the ChangePusher reads them back with
// the apply* functions, so the format is defined in one place. An update's and a delete's baseValues are
// the stored record's values of the members the payload names (a delete: all of them).
//
// entity "extension" (RingCentral), entityKey = the extension id; for a create a local key the admin
// never sees at the provider (e.g. "new:<extensionNumber>"):
//   {"extensionNumber": "101", "name": "Sales", "status": "Enabled", "timeZone": "Europe/Berlin",
//    "type": "User" (create only),
//    "contact": {"firstName", "lastName", "company", "jobTitle", "email", "businessPhone",
//                "mobilePhone", "department"}}
//   Update carries only the members the admin changed (contact members one by one); create carries
//   all; delete carries {}. baseVersion = store::ExtensionRepository::versionOf(stored record).
//
// entity "forwarding_number" (RingCentral), entityKey = the forwarding number id (create: a local key):
//   {"extensionId": "...", "phoneNumber": "+4930...", "label": "...", "type": "Mobile",
//    "features": ["CallForwarding", "CallFlip"], "flipNumber": 2, "deviceId": "..."}
//   "extensionId" is always present; update carries only changed members besides it.
//   baseVersion = store::ForwardingNumberRepository::versionOf({stored entry}) (a one-entry list).
//
// Conflicts: before an update or delete the pusher GETs the remote record and compares its version with
// baseVersion; a different version parks the change as a conflict instead of overwriting.
class ChangePayloads {
public:
    static inline const QString& kExtension = EntityKind::kExtension;
    static inline const QString& kForwardingNumber = EntityKind::kForwardingNumber;

    // --- extension -------------------------------------------------------------------------------------
    static QJsonObject extensionFields(const core::Extension& extension); // every editable member
    static QJsonObject extensionDifference(const core::Extension& stored, const core::Extension& edited);
    static core::Extension applyExtensionFields(core::Extension base, const QJsonObject& payload);
    // Names of the members (as in the payload) that differ; for conflict messages.
    static QStringList extensionDifferences(const core::Extension& a, const core::Extension& b);
    // The remote record (as GET answers it) in each form the store may have held when the edit was staged,
    // so that a conflict check compares like with like: RingCentral's extension LIST carries no
    // regionalSettings (the stored record then has no time zone) while the GET does, and neither carries
    // the caller ID (a separate endpoint), for which only the stored value is known.
    static QList<core::Extension> storedForms(const core::Extension& remote,
                                              const std::optional<core::Extension>& stored);

    static store::PendingChange extensionCreate(qint64 profileId, const core::Extension& extension);
    static store::PendingChange extensionUpdate(qint64 profileId, const core::Extension& stored,
                                                const core::Extension& edited, const QString& baseVersion);
    static store::PendingChange extensionDelete(qint64 profileId, const core::Extension& stored,
                                                const QString& baseVersion);

    // --- forwarding number -----------------------------------------------------------------------------
    static QJsonObject forwardingFields(const QString& extensionId, const core::ForwardingNumber& forwarding);
    static core::ForwardingNumber applyForwardingFields(core::ForwardingNumber base,
                                                        const QJsonObject& payload);
    static QStringList forwardingDifferences(const core::ForwardingNumber& a,
                                             const core::ForwardingNumber& b);

    static store::PendingChange forwardingCreate(qint64 profileId, const QString& extensionId,
                                                 const core::ForwardingNumber& forwarding);
    static store::PendingChange forwardingUpdate(qint64 profileId, const QString& extensionId,
                                                 const core::ForwardingNumber& stored,
                                                 const core::ForwardingNumber& edited);
    static store::PendingChange forwardingDelete(qint64 profileId, const QString& extensionId,
                                                 const core::ForwardingNumber& stored);
};

} // namespace trunkline::changes
