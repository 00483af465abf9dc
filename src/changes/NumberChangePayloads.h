#pragma once

#include "changes/EntityKind.h"
#include "core/PhoneNumberRecord.h"
#include "core/RuleViolation.h"
#include "store/PendingChange.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace trunkline::changes {

// The pending changes of phone numbers (entity "phone_number") and the JSON their payload carries. The
// GUI stages them with these builders (through ChangeStager) and the sync pusher reads them back with
// applyNumberFields() (and sync::NumberPusher::provisionRequest(), the Restcomm side of a provision), so
// the format is defined in one place.
//
// Update, entityKey = the number's id at the provider; the payload carries only the changed members among
//   "label" (RingCentral label / Restcomm FriendlyName), "extensionId" ("" = unassign), and for Restcomm
//   "voiceUrl", "voiceMethod", "voiceFallbackUrl", "voiceFallbackMethod", "statusCallback",
//   "statusCallbackMethod", "voiceCallerIdLookup" (bool), "voiceApplicationSid", "smsUrl", "smsMethod",
//   "smsFallbackUrl", "smsFallbackMethod", "smsApplicationSid", "referUrl", "referMethod",
//   "referApplicationSid". A cleared text member is JSON null (RestcommAttributes: null = unset).
//   baseVersion = store::PhoneNumberRepository::versionOf(stored record); baseValues = the stored
//   record's values of the payload's members (numberFields()).
// Create (provision: Restcomm; Telnyx orders the picked phoneNumber), entityKey "new:<phoneNumber or
// areaCode>":
//   {"phoneNumber": "+1650..." or "areaCode": "650", "friendlyName": "...", "isSip": bool,
//    "numberType": "Local"|"TollFree"|"Mobile"|"" (plain list), "isoCountry": "US"}
// Delete (release), payload {}; baseVersion as for update, baseValues every editable member.
// Migration (entity "number_migration", a create, Restcomm only), entityKey = the AccountSid whose numbers
//   move, with those of all its sub-accounts: {"organizationSid": "OR..."} (restcomm §7).
class NumberChangePayloads {
    Q_DECLARE_TR_FUNCTIONS(NumberChangePayloads)

public:
    // The migration of `accountSid`'s numbers (and its sub-accounts') to `organizationSid`.
    static store::PendingChange numberMigration(qint64 profileId, const QString& accountSid,
                                                const QString& organizationSid);
    // What is wrong with a migration's sids, by field ("accountSid", "organizationSid"); empty when both
    // are usable. `ownAccountSid` is the profile's: Restcomm refuses to migrate a super admin's numbers,
    // and the profile must be the super admin to migrate at all.
    static core::RuleViolations migrationProblems(const QString& accountSid, const QString& organizationSid,
                                                  const QString& ownAccountSid);

    static inline const QString& kPhoneNumber = EntityKind::kPhoneNumber;
    static inline const QString& kNumberMigration = EntityKind::kNumberMigration;
    static inline const QString kOrganizationSidKey = QStringLiteral("organizationSid");
    static inline const QString kExtensionIdKey = QStringLiteral("extensionId"); // "" = the company's

    // Payload keys of the provision request.
    static inline const QString kPhoneNumberKey = QStringLiteral("phoneNumber");
    static inline const QString kAreaCodeKey = QStringLiteral("areaCode");
    static inline const QString kFriendlyNameKey = QStringLiteral("friendlyName");
    static inline const QString kIsSipKey = QStringLiteral("isSip");
    static inline const QString kNumberTypeKey = QStringLiteral("numberType");
    static inline const QString kIsoCountryKey = QStringLiteral("isoCountry");

    // Every editable member of the record, in the payload's form (the base values are taken from it).
    static QJsonObject numberFields(const core::PhoneNumberRecord& record);
    // The changed editable members of `edited` compared with `stored` (see above).
    static QJsonObject numberDifference(const core::PhoneNumberRecord& stored,
                                        const core::PhoneNumberRecord& edited);
    // `base` with the payload's members applied; members not in the payload are kept.
    static core::PhoneNumberRecord applyNumberFields(core::PhoneNumberRecord base,
                                                     const QJsonObject& payload);
    // Names (as in the payload, plus e164/usageType/... for read-only members) of the members that
    // differ; for conflict messages.
    static QStringList numberDifferences(const core::PhoneNumberRecord& a, const core::PhoneNumberRecord& b);

    static store::PendingChange numberUpdate(qint64 profileId, const core::PhoneNumberRecord& stored,
                                             const core::PhoneNumberRecord& edited,
                                             const QString& baseVersion);
    // An update carrying exactly `payload` (the table row holds only part of a Restcomm record, so the
    // model stages the members it knows were edited rather than a difference of two records).
    static store::PendingChange numberUpdate(qint64 profileId, const core::PhoneNumberRecord& stored,
                                             const QJsonObject& payload, const QString& baseVersion);

    // The provision payload for a given number (phoneNumber set) or any number of an area code.
    static QJsonObject provisionFields(const QString& phoneNumber, const QString& areaCode,
                                       const QString& friendlyName, bool isSip, const QString& numberType,
                                       const QString& isoCountry);
    static store::PendingChange numberProvision(qint64 profileId, const QJsonObject& request);

    static store::PendingChange numberDelete(qint64 profileId, const core::PhoneNumberRecord& stored,
                                             const QString& baseVersion);
};

} // namespace trunkline::changes
