#include "changes/NumberChangePayloads.h"

#include "changes/ChangeBuilders.h"
#include "changes/MemberDifferences.h"
#include "changes/TextFields.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trunkline::changes {

namespace {

const QString kLabel = u"label"_s;
const QString& kExtensionId = NumberChangePayloads::kExtensionIdKey;
const QString kCallerIdLookup = u"voiceCallerIdLookup"_s;

// The Restcomm members an admin edits (docs/api/restcomm-numbers.md §6); capabilities, USSD and the account
// are read-only in the console.
const TextFields<core::RestcommAttributes>& restcommTextFields() {
    static const TextFields<core::RestcommAttributes> fields = {
        {u"voiceUrl"_s, &core::RestcommAttributes::voiceUrl},
        {u"voiceMethod"_s, &core::RestcommAttributes::voiceMethod},
        {u"voiceFallbackUrl"_s, &core::RestcommAttributes::voiceFallbackUrl},
        {u"voiceFallbackMethod"_s, &core::RestcommAttributes::voiceFallbackMethod},
        {u"statusCallback"_s, &core::RestcommAttributes::statusCallback},
        {u"statusCallbackMethod"_s, &core::RestcommAttributes::statusCallbackMethod},
        {u"voiceApplicationSid"_s, &core::RestcommAttributes::voiceApplicationSid},
        {u"smsUrl"_s, &core::RestcommAttributes::smsUrl},
        {u"smsMethod"_s, &core::RestcommAttributes::smsMethod},
        {u"smsFallbackUrl"_s, &core::RestcommAttributes::smsFallbackUrl},
        {u"smsFallbackMethod"_s, &core::RestcommAttributes::smsFallbackMethod},
        {u"smsApplicationSid"_s, &core::RestcommAttributes::smsApplicationSid},
        {u"referUrl"_s, &core::RestcommAttributes::referUrl},
        {u"referMethod"_s, &core::RestcommAttributes::referMethod},
        {u"referApplicationSid"_s, &core::RestcommAttributes::referApplicationSid},
    };
    return fields;
}

// An empty text is "unset" (JSON null), as Restcomm prints it.
QJsonValue textValue(const QString& text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject NumberChangePayloads::numberFields(const core::PhoneNumberRecord& record) {
    QJsonObject fields{{kLabel, record.label}, {kExtensionId, record.extensionId}};
    if (!record.restcomm && record.provider != core::kProviderRestcomm)
        return fields;
    const core::RestcommAttributes attributes = record.restcomm.value_or(core::RestcommAttributes{});
    TextFieldOps::insertAll(fields, restcommTextFields(), attributes, &textValue);
    fields.insert(kCallerIdLookup, attributes.voiceCallerIdLookup);
    return fields;
}

QJsonObject NumberChangePayloads::numberDifference(const core::PhoneNumberRecord& stored,
                                                   const core::PhoneNumberRecord& edited) {
    QJsonObject payload;
    if (stored.label != edited.label)
        payload.insert(kLabel, edited.label);
    if (stored.extensionId != edited.extensionId)
        payload.insert(kExtensionId, edited.extensionId);
    if (!edited.restcomm)
        return payload;
    // A record without Restcomm attributes compares like one with default (unset) attributes.
    const core::RestcommAttributes before = stored.restcomm.value_or(core::RestcommAttributes{});
    const core::RestcommAttributes& after = *edited.restcomm;
    TextFieldOps::insertChanged(payload, restcommTextFields(), before, after, &textValue);
    if (before.voiceCallerIdLookup != after.voiceCallerIdLookup)
        payload.insert(kCallerIdLookup, after.voiceCallerIdLookup);
    return payload;
}

core::PhoneNumberRecord NumberChangePayloads::applyNumberFields(core::PhoneNumberRecord base,
                                                                const QJsonObject& payload) {
    if (payload.contains(kLabel))
        base.label = payload.value(kLabel).toString();
    if (payload.contains(kExtensionId)) {
        const QString extensionId = payload.value(kExtensionId).toString();
        if (extensionId != base.extensionId)
            base.extensionNumber.clear(); // the number of the new extension is not in the payload
        base.extensionId = extensionId;
    }
    if (!payload.contains(kCallerIdLookup) && !TextFieldOps::anyPresent(restcommTextFields(), payload))
        return base;
    core::RestcommAttributes& attributes = base.restcomm ? *base.restcomm : base.restcomm.emplace();
    TextFieldOps::applyPresent(attributes, restcommTextFields(), payload); // null -> null QString
    if (payload.contains(kCallerIdLookup))
        attributes.voiceCallerIdLookup = payload.value(kCallerIdLookup).toBool();
    return base;
}

QStringList NumberChangePayloads::numberDifferences(const core::PhoneNumberRecord& a,
                                                    const core::PhoneNumberRecord& b) {
    using Record = core::PhoneNumberRecord;
    QStringList names = differingKeys(
        a, b, compared(u"e164"_s, &Record::e164), compared(u"provider"_s, &Record::provider),
        compared(kLabel, &Record::label), compared(u"usageType"_s, &Record::usageType),
        compared(u"paymentType"_s, &Record::paymentType), compared(u"callType"_s, &Record::callType),
        compared(u"status"_s, &Record::status), compared(u"features"_s, &Record::features),
        compared(kExtensionId, &Record::extensionId));
    const core::RestcommAttributes ra = a.restcomm.value_or(core::RestcommAttributes{});
    const core::RestcommAttributes rb = b.restcomm.value_or(core::RestcommAttributes{});
    for (const TextField<core::RestcommAttributes>& field : restcommTextFields()) {
        if (ra.*field.member != rb.*field.member)
            names << field.key;
    }
    if (ra.voiceCallerIdLookup != rb.voiceCallerIdLookup)
        names << kCallerIdLookup;
    return names;
}

store::PendingChange NumberChangePayloads::numberUpdate(qint64 profileId,
                                                        const core::PhoneNumberRecord& stored,
                                                        const core::PhoneNumberRecord& edited,
                                                        const QString& baseVersion) {
    return numberUpdate(profileId, stored, numberDifference(stored, edited), baseVersion);
}

store::PendingChange NumberChangePayloads::numberUpdate(qint64 profileId,
                                                        const core::PhoneNumberRecord& stored,
                                                        const QJsonObject& payload,
                                                        const QString& baseVersion) {
    return ChangeBuilders::update(profileId, kPhoneNumber, stored.id, payload, numberFields(stored),
                                  baseVersion);
}

QJsonObject NumberChangePayloads::provisionFields(const QString& phoneNumber, const QString& areaCode,
                                                  const QString& friendlyName, bool isSip,
                                                  const QString& numberType, const QString& isoCountry) {
    QJsonObject request;
    if (!phoneNumber.isEmpty())
        request.insert(kPhoneNumberKey, phoneNumber);
    else
        request.insert(kAreaCodeKey, areaCode);
    if (!friendlyName.isEmpty())
        request.insert(kFriendlyNameKey, friendlyName);
    request.insert(kIsSipKey, isSip);
    request.insert(kNumberTypeKey, numberType);
    request.insert(kIsoCountryKey, isoCountry);
    return request;
}

store::PendingChange NumberChangePayloads::numberProvision(qint64 profileId, const QJsonObject& request) {
    const QString phoneNumber = request.value(kPhoneNumberKey).toString();
    const QString key =
        u"new:"_s + (phoneNumber.isEmpty() ? request.value(kAreaCodeKey).toString() : phoneNumber);
    return ChangeBuilders::create(profileId, kPhoneNumber, key, request);
}

store::PendingChange NumberChangePayloads::numberMigration(qint64 profileId, const QString& accountSid,
                                                           const QString& organizationSid) {
    return ChangeBuilders::create(profileId, kNumberMigration, accountSid,
                                  QJsonObject{{kOrganizationSidKey, organizationSid}});
}

core::RuleViolations NumberChangePayloads::migrationProblems(const QString& accountSid,
                                                             const QString& organizationSid,
                                                             const QString& ownAccountSid) {
    // Restcomm takes any 34 letters and digits as a sid (restcomm §3); the prefix says which kind it is.
    static const QRegularExpression sid(u"^[A-Za-z0-9]{34}$"_s);
    core::RuleViolations problems;
    if (!sid.match(accountSid).hasMatch() || !accountSid.startsWith(u"AC"_s))
        problems.append(
            {u"accountSid"_s, tr("The account is an AccountSid: AC followed by 32 letters and digits.")});
    else if (accountSid == ownAccountSid)
        problems.append(
            {u"accountSid"_s, tr("Restcomm does not migrate the numbers of the super admin's own account; "
                                 "choose one of its sub-accounts.")});
    if (!sid.match(organizationSid).hasMatch() || !organizationSid.startsWith(u"OR"_s))
        problems.append(
            {u"organizationSid"_s,
             tr("The organisation is an OrganizationSid: OR followed by 32 letters and digits.")});
    return problems;
}

store::PendingChange NumberChangePayloads::numberDelete(qint64 profileId,
                                                        const core::PhoneNumberRecord& stored,
                                                        const QString& baseVersion) {
    return ChangeBuilders::remove(profileId, kPhoneNumber, stored.id, numberFields(stored), baseVersion);
}

} // namespace trunkline::changes
