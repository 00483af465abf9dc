#include "changes/ChangeDescription.h"

#include "changes/ChangePayloads.h"
#include "changes/NumberChangePayloads.h"
#include "changes/PayloadMembers.h"
#include "changes/ReleaseConsequences.h"
#include "changes/SettingsPayloads.h"
#include "core/Extension.h"
#include "core/ForwardingNumber.h"
#include "core/RouteMatcher.h"
#include "store/ExtensionRepository.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"

#include <QJsonArray>
#include <QLocale>
#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace trunkline::changes {

namespace {

struct FieldLabel {
    const char* path;
    const char* label;
};

// The labels of the Edit number dialog and of the Add number dialog (a provision), by payload member.
constexpr FieldLabel kNumberLabels[] = {
    {"label", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Label")},
    {"extensionId", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Assigned to")},
    {"voiceUrl", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Voice URL")},
    {"voiceMethod", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Voice URL method")},
    {"voiceFallbackUrl", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Voice fallback URL")},
    {"voiceFallbackMethod",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Voice fallback URL method")},
    {"statusCallback", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Status callback URL")},
    {"statusCallbackMethod",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Status callback URL method")},
    {"voiceCallerIdLookup", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber",
                                              "Look up the caller's name (caller-ID lookup)")},
    {"voiceApplicationSid",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Voice application SID")},
    {"smsUrl", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "SMS URL")},
    {"smsMethod", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "SMS URL method")},
    {"smsFallbackUrl", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "SMS fallback URL")},
    {"smsFallbackMethod",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "SMS fallback URL method")},
    {"smsApplicationSid", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "SMS application SID")},
    {"referUrl", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Refer URL")},
    {"referMethod", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Refer URL method")},
    {"referApplicationSid",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Refer application SID")},
    {"phoneNumber", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Phone number")},
    {"areaCode", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Area code")},
    {"friendlyName", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Friendly name")},
    {"isSip", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Virtual SIP number")},
    {"numberType", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Kind of number")},
    {"isoCountry", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Country")},
    {"organizationSid",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "To organisation (OrganizationSid)")},
};

// The extension editor's General and Contact tabs.
constexpr FieldLabel kExtensionLabels[] = {
    {"extensionNumber", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Extension number")},
    {"name", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Name")},
    {"status", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Status")},
    {"timeZone", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Time zone")},
    {"type", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Type")},
    {"contact.firstName", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "First name")},
    {"contact.lastName", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Last name")},
    {"contact.company", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Company")},
    {"contact.jobTitle", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Job title")},
    {"contact.department", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Department")},
    {"contact.email", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "E-mail")},
    {"contact.businessPhone", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Business phone")},
    {"contact.mobilePhone", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Mobile phone")},
};

// The forwarding editor's "Selected number" box.
constexpr FieldLabel kForwardingLabels[] = {
    {"phoneNumber", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Phone number")},
    {"type", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Type")},
    {"label", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Label")},
    {"features", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Features")},
    {"flipNumber", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Flip digit")},
    {"deviceId", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Device")},
    // Not a field of the box: the list the entry belongs to, which a conflict shows as it was.
    {"extensionId", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Extension")},
};

// The call settings tab (ExtensionCallSettingsWidget), by SettingsPayloads::formMembers() path.
constexpr FieldLabel kSettingsLabels[] = {
    {"callHandlingAction", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "When a call comes in")},
    {"voicemail.enabled", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber",
                                            "Take a voicemail when a call is not answered")},
    {"unconditionalForwarding.phoneNumber",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Forward to")},
    {"transfer.extension.id", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Transfer to")},
    {"emailAddresses", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "E-mail addresses")},
    {"voicemails.notifyByEmail",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Notify by e-mail about new voicemail")},
    {"voicemails.includeAttachment",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Attach the voicemail as an audio file")},
    {"voicemails.markAsRead", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber",
                                                "Mark the voicemail as read once it is e-mailed")},
    {"missedCalls.notifyByEmail",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Missed calls by e-mail")},
    {"missedCalls.notifyBySms",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Missed calls by SMS")},
    {"inboundTexts.notifyByEmail",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Incoming texts by e-mail")},
    {"inboundTexts.notifyBySms",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Incoming texts by SMS")},
    {"byFeature.RingOut", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Show callers")},
    // Not a field of the tab: which of its documents a change carries, which a conflict shows as it was.
    {"kind", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Settings")},
};

// The call-handling choices of the call settings tab, by business-hours callHandlingAction.
constexpr FieldLabel kCallHandlingTexts[] = {
    {"ForwardCalls",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Ring the forwarding list (forward calls)")},
    {"UnconditionalForwarding",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Forward every call to a phone number")},
    {"TakeMessagesOnly",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Voicemail only (take messages)")},
    {"TransferToExtension", QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber",
                                              "Transfer to another extension (IVR menu, application)")},
    {"PlayAnnouncementOnly",
     QT_TRANSLATE_NOOP("trunkline::changes::ChangeDescriber", "Play an announcement only")},
};

template <std::size_t N>
const FieldLabel* findLabel(const FieldLabel (&labels)[N], const QString& path) {
    const auto* found =
        std::ranges::find_if(labels, [&](const FieldLabel& l) { return path == QLatin1StringView(l.path); });
    return found != std::end(labels) ? found : nullptr;
}

template <std::size_t N>
QString labelOf(const FieldLabel (&labels)[N], const QString& path) {
    const FieldLabel* found = findLabel(labels, path);
    return found ? ChangeDescriber::tr(found->label) : path;
}

} // namespace

QString ChangeDescription::kindText(Kind kind) {
    switch (kind) {
    case Kind::Added:
        return ChangeDescriber::tr("Added");
    case Kind::Removed:
        return ChangeDescriber::tr("Removed");
    case Kind::Moved:
        return ChangeDescriber::tr("Moved");
    case Kind::Changed:
        break;
    }
    return ChangeDescriber::tr("Changed");
}

QString ChangeDescription::requestsText() const {
    return requests ? ChangeDescriber::tr("Requests to apply: %1").arg(*requests)
                    : ChangeDescriber::tr(
                          "The provider's API offers no request for this change: applying it fails. "
                          "Discard it, or make the change in the provider's portal.");
}

QString ChangeDescription::text() const {
    QString out = ChangeDescriber::tr("%1 · %2\n").arg(recordTitle, summary);
    for (const FieldChange& field : fields) {
        if (kind == Kind::Added || field.before.isEmpty())
            out += ChangeDescriber::tr("  %1: %2\n").arg(field.label, field.after);
        else if (kind == Kind::Removed)
            out += ChangeDescriber::tr("  %1: %2 (removed)\n").arg(field.label, field.before);
        else
            out += ChangeDescriber::tr("  %1: %2 → %3\n").arg(field.label, field.before, field.after);
    }
    if (requests) // else it is one of the consequences
        out += u"  "_s + requestsText() + u'\n';
    for (const QString& consequence : consequences)
        out += u"  ! "_s + consequence + u'\n';
    return out;
}

ChangeDescriber::ChangeDescriber(store::Database& database)
    : m_database(database) {
}

QString ChangeDescriber::plainValue(const QJsonValue& value) {
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    if (value.isDouble())
        return QLocale().toString(value.toDouble());
    if (value.isArray()) {
        QStringList items;
        for (const QJsonValue& item : value.toArray())
            items << plainValue(item);
        return items.isEmpty() ? tr("(empty)") : items.join(u", "_s);
    }
    const QString text = value.toString();
    return text.isEmpty() ? tr("(empty)") : text;
}

QString ChangeDescriber::providerOf(qint64 profileId) const {
    if (!m_providers.contains(profileId)) {
        const std::optional<store::Profile> profile = store::ProfileRepository(m_database).find(profileId);
        m_providers.insert(profileId, profile ? profile->provider : QString());
    }
    return m_providers.value(profileId);
}

QString ChangeDescriber::extensionText(qint64 profileId, const QString& extensionId) const {
    const std::optional<core::Extension> extension =
        store::ExtensionRepository(m_database).find(profileId, extensionId);
    if (!extension)
        return extensionId;
    return extension->name.isEmpty() ? extension->extensionNumber
                                     : tr("%1 (%2)").arg(extension->extensionNumber, extension->name);
}

ChangeDescription ChangeDescriber::describe(const store::PendingChange& change) const {
    ChangeDescription description;
    description.kind = change.operation == store::ChangeOperation::Create ? ChangeDescription::Kind::Added
                       : change.operation == store::ChangeOperation::Delete
                           ? ChangeDescription::Kind::Removed
                           : ChangeDescription::Kind::Changed;
    description.recordKey = change.entity + u'/' + change.entityKey;
    description.recordTitle = change.entityKey;
    if (change.entity == EntityKind::kPhoneNumber)
        describeNumber(change, providerOf(change.profileId), description);
    else if (change.entity == EntityKind::kNumberMigration)
        describeMigration(change, description);
    else if (change.entity == EntityKind::kExtension)
        describeExtension(change, description);
    else if (change.entity == EntityKind::kForwardingNumber)
        describeForwarding(change, description);
    else if (change.entity == EntityKind::kExtensionSettings)
        describeSettings(change, description);
    else
        description.summary = tr("%1 %2").arg(change.entity, change.entityKey);
    // Better said before Apply than learnt from its failure.
    if (!description.requests)
        description.consequences << description.requestsText();
    // A create tried before is looked up at the provider first, so that it is never made twice.
    if (description.requests && change.operation == store::ChangeOperation::Create && change.attempts > 0)
        ++*description.requests;
    return description;
}

namespace {

// The members a change touches, as (path, before, after) of its base values and payload: a create shows
// what it sets, a delete what goes, an update only what differs (a member that names the record, such as
// a forwarding entry's extension, is in both and no change).
struct TouchedMember {
    QString path;
    QJsonValue before;
    QJsonValue after;
};

bool isBlank(const QJsonValue& value) {
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty()) ||
           (value.isArray() && value.toArray().isEmpty());
}

QList<TouchedMember> touchedMembers(const store::PendingChange& change, const QJsonObject& base,
                                    const QJsonObject& payload, const QStringList& skipped = {}) {
    QList<TouchedMember> touched;
    const bool isDelete = change.operation == store::ChangeOperation::Delete;
    for (const QString& path : PayloadMembers::paths(isDelete ? base : payload)) {
        if (skipped.contains(path))
            continue;
        TouchedMember member{path, PayloadMembers::valueAt(base, path),
                             PayloadMembers::valueAt(payload, path)};
        if (change.operation == store::ChangeOperation::Create)
            member.before = QJsonValue(QJsonValue::Undefined);
        if (isDelete)
            member.after = QJsonValue(QJsonValue::Undefined);
        if (change.operation == store::ChangeOperation::Update && member.before == member.after)
            continue;
        // A record that comes or goes is shown by the members it has: an empty one says nothing.
        if (change.operation != store::ChangeOperation::Update &&
            isBlank(isDelete ? member.before : member.after))
            continue;
        touched << member;
    }
    return touched;
}

// The members `change` touches, in the order of their form (members the form does not show last).
template <std::size_t N>
QList<TouchedMember> membersInFormOrder(const store::PendingChange& change, const FieldLabel (&labels)[N],
                                        const QStringList& skipped = {}) {
    QList<TouchedMember> members = touchedMembers(change, change.baseValues, change.payload, skipped);
    std::ranges::stable_sort(members, {}, [&](const TouchedMember& member) {
        const FieldLabel* found = findLabel(labels, member.path);
        return found ? std::distance(std::begin(labels), found) : std::ssize(labels);
    });
    return members;
}

// Each member as its form shows it: its label, and its values before and after as `text(path, value)`
// words them (a value the member lacks, as before a create, stays empty).
template <std::size_t N, typename Text>
QList<FieldChange> formFields(const QList<TouchedMember>& members, const FieldLabel (&labels)[N],
                              const Text& text) {
    const auto word = [&text](const QString& path, const QJsonValue& value) {
        return value.isUndefined() ? QString() : text(path, value);
    };
    QList<FieldChange> fields;
    for (const TouchedMember& member : members)
        fields << FieldChange{labelOf(labels, member.path), word(member.path, member.before),
                              word(member.path, member.after)};
    return fields;
}

// "Name, Job title": the fields of a change in one line, for its summary.
QString labelList(const QList<FieldChange>& fields) {
    QStringList labels;
    for (const FieldChange& field : fields)
        labels << field.label;
    return labels.join(u", "_s);
}

} // namespace

QString ChangeDescriber::fieldLabel(const QString& entity, const QString& path) {
    if (entity == EntityKind::kPhoneNumber || entity == EntityKind::kNumberMigration)
        return labelOf(kNumberLabels, path);
    if (entity == EntityKind::kExtension)
        return labelOf(kExtensionLabels, path);
    if (entity == EntityKind::kForwardingNumber)
        return labelOf(kForwardingLabels, path);
    if (entity == EntityKind::kExtensionSettings) {
        // The members of a settings document are named by their path inside it.
        const QString inDocument = u"settings."_s;
        return labelOf(kSettingsLabels, path.startsWith(inDocument) ? path.mid(inDocument.size()) : path);
    }
    return path;
}

void ChangeDescriber::describeNumber(const store::PendingChange& change, const QString& provider,
                                     ChangeDescription& description) const {
    const std::optional<core::PhoneNumberRecord> stored =
        store::PhoneNumberRepository(m_database).find(change.profileId, change.entityKey);
    const QString number = stored ? stored->e164 : change.entityKey;
    // Restcomm's regex routes are incoming numbers too; the Routing page calls them routes.
    const QString title =
        core::RouteMatcher::isRegexEntry(number) ? tr("Route %1").arg(number) : tr("Number %1").arg(number);
    description.recordKey = EntityKind::kPhoneNumber + u'/' + change.entityKey;
    const bool restcomm = provider == core::kProviderRestcomm;
    const auto text = [this, &change](const QString& path, const QJsonValue& value) {
        if (path == NumberChangePayloads::kExtensionIdKey)
            return value.toString().isEmpty() ? tr("Not assigned (company number)")
                                              : extensionText(change.profileId, value.toString());
        return plainValue(value);
    };
    description.fields = formFields(membersInFormOrder(change, kNumberLabels), kNumberLabels, text);

    switch (change.operation) {
    case store::ChangeOperation::Create: {
        const QString wanted = change.payload.value(NumberChangePayloads::kPhoneNumberKey).toString();
        const QString areaCode = change.payload.value(NumberChangePayloads::kAreaCodeKey).toString();
        description.recordTitle = wanted.isEmpty() ? tr("New number in area code %1").arg(areaCode)
                                                   : tr("New number %1").arg(wanted);
        description.summary = tr("Buy the number");
        description.requests = restcomm ? std::optional(1) : std::nullopt;
        if (change.payload.value(NumberChangePayloads::kIsSipKey).toBool())
            description.consequences << tr("A virtual number that exists only in the provider's account "
                                           "(isSIP); nothing is bought from a carrier.");
        else
            description.consequences
                << (wanted.isEmpty()
                        ? tr("The provider picks any free number of area code %1 and adds it to the account.")
                              .arg(areaCode)
                        : tr("%1 is bought from the carrier and added to the account.").arg(wanted))
                << tr("The provider bills the number at its price list; Trunkline does not know the cost.");
        return;
    }
    case store::ChangeOperation::Delete: {
        description.recordTitle = title;
        description.summary = tr("Release the number");
        description.requests = restcomm ? std::optional(2) : std::nullopt;
        description.consequences << tr("%1 leaves the account: it can no longer be called or used, and "
                                       "the provider may give it to someone else.")
                                        .arg(number);
        if (stored)
            description.consequences << ReleaseConsequences::of(m_database, change.profileId, *stored);
        return;
    }
    case store::ChangeOperation::Update:
        break;
    }
    description.recordTitle = title;
    description.summary = tr("Edit: %1").arg(labelList(description.fields));
    // Restcomm: GET and PUT (the answer is the stored record). RingCentral assigns through its own call,
    // checked before and read back after; it cannot set anything else of a number.
    const bool assignsOnly =
        change.payload.size() == 1 && change.payload.contains(NumberChangePayloads::kExtensionIdKey);
    if (restcomm)
        description.requests = 2;
    else if (provider == core::kProviderRingCentral && assignsOnly)
        description.requests = 3;
    if (change.payload.contains(NumberChangePayloads::kExtensionIdKey) && stored &&
        !stored->extensionId.isEmpty() &&
        change.payload.value(NumberChangePayloads::kExtensionIdKey).toString() != stored->extensionId)
        description.consequences << tr("Extension %1 loses %2, its direct number.")
                                        .arg(extensionText(change.profileId, stored->extensionId), number);
}

void ChangeDescriber::describeMigration(const store::PendingChange& change,
                                        ChangeDescription& description) const {
    const QString organization = change.payload.value(NumberChangePayloads::kOrganizationSidKey).toString();
    description.recordTitle = tr("Numbers of account %1").arg(change.entityKey);
    description.summary = tr("Migrate the numbers to organisation %1").arg(organization);
    description.fields << FieldChange{
        labelOf(kNumberLabels, NumberChangePayloads::kOrganizationSidKey), {}, organization};
    description.requests = 1;
    description.consequences << tr("Every number of account %1 and of its sub-accounts leaves this "
                                   "organisation for organisation %2.")
                                    .arg(change.entityKey, organization);
}

void ChangeDescriber::describeExtension(const store::PendingChange& change,
                                        ChangeDescription& description) const {
    const auto text = [](const QString& path, const QJsonValue& value) {
        if (path == "status"_L1)
            if (const auto status = core::fromWire<core::ExtensionStatus>(value.toString()))
                return core::displayName(*status);
        if (path == "type"_L1)
            if (const auto type = core::fromWire<core::ExtensionType>(value.toString()))
                return core::displayName(*type);
        return plainValue(value);
    };
    description.fields = formFields(membersInFormOrder(change, kExtensionLabels), kExtensionLabels, text);
    description.recordKey = EntityKind::kExtension + u'/' + change.entityKey;
    switch (change.operation) {
    case store::ChangeOperation::Create:
        description.recordTitle =
            tr("New extension %1").arg(change.payload.value(u"extensionNumber"_s).toString());
        description.summary = tr("Create the extension");
        description.requests = 2; // POST, read back
        return;
    case store::ChangeOperation::Delete:
        description.recordTitle = tr("Extension %1").arg(extensionText(change.profileId, change.entityKey));
        description.summary = tr("Delete the extension");
        description.requests = 2; // GET (version check), DELETE
        description.consequences << tr("The extension is deleted at the provider with its forwarding list "
                                       "and settings; its direct numbers go back to the company.");
        return;
    case store::ChangeOperation::Update:
        break;
    }
    description.recordTitle = tr("Extension %1").arg(extensionText(change.profileId, change.entityKey));
    description.summary = tr("Edit: %1").arg(labelList(description.fields));
    // GET (version check), PUT, GET (read back); a new time zone is looked up by name first.
    description.requests = change.payload.contains(u"timeZone"_s) ? 4 : 3;
}

void ChangeDescriber::describeForwarding(const store::PendingChange& change,
                                         ChangeDescription& description) const {
    const QString extensionId =
        change.payload.value(u"extensionId"_s).toString(change.baseValues.value(u"extensionId"_s).toString());
    // The entries of one list are shown under their extension, like the rows of the list.
    description.recordKey = EntityKind::kExtension + u'/' + extensionId;
    description.recordTitle = tr("Extension %1").arg(extensionText(change.profileId, extensionId));

    core::ForwardingNumber entry;
    for (const core::ForwardingNumber& stored :
         store::ForwardingNumberRepository(m_database).list(change.profileId, extensionId)) {
        if (stored.id == change.entityKey)
            entry = stored;
    }
    const QString number =
        change.payload.value(u"phoneNumber"_s)
            .toString(change.baseValues.value(u"phoneNumber"_s).toString(entry.phoneNumber));
    const auto text = [](const QString& path, const QJsonValue& value) {
        if (path == "type"_L1)
            if (const auto type = core::fromWire<core::ForwardingType>(value.toString()))
                return core::displayName(*type);
        if (path == "features"_L1) {
            QStringList names;
            for (const QJsonValue& feature : value.toArray())
                if (const auto known = core::fromWire<core::ForwardingFeature>(feature.toString()))
                    names << core::displayName(*known);
            return names.isEmpty() ? ChangeDescriber::tr("(none)") : names.join(u", "_s);
        }
        if (path == "flipNumber"_L1 && value.toInt() == 0)
            return ChangeDescriber::tr("Not in the call flip list");
        return plainValue(value);
    };
    const QList<TouchedMember> members = membersInFormOrder(change, kForwardingLabels, {u"extensionId"_s});
    description.fields = formFields(members, kForwardingLabels, text);

    switch (change.operation) {
    case store::ChangeOperation::Create:
        description.summary = tr("Forwarding & flip list: added %1").arg(number);
        description.requests = 2; // POST, read the list back
        return;
    case store::ChangeOperation::Delete:
        description.summary = tr("Forwarding & flip list: removed %1").arg(number);
        description.requests = 2; // GET the list (version check), DELETE
        return;
    case store::ChangeOperation::Update:
        break;
    }
    description.requests = 3; // GET the list (version check), PUT, read the list back
    const bool flipDigitOnly = members.size() == 1 && members.first().path == "flipNumber"_L1 &&
                               members.first().before.toInt() > 0 && members.first().after.toInt() > 0;
    if (flipDigitOnly) {
        description.kind = ChangeDescription::Kind::Moved;
        description.summary =
            tr("Forwarding & flip list: moved %1 from flip digit %2 to %3")
                .arg(number, description.fields.first().before, description.fields.first().after);
        return;
    }
    description.summary =
        tr("Forwarding & flip list: %1 edited (%2)").arg(number, labelList(description.fields));
}

void ChangeDescriber::describeSettings(const store::PendingChange& change,
                                       ChangeDescription& description) const {
    QString extensionId;
    QString kind;
    SettingsPayloads::splitEntityKey(change.entityKey, &extensionId, &kind);
    description.recordKey = EntityKind::kExtension + u'/' + extensionId;
    description.recordTitle = tr("Extension %1").arg(extensionText(change.profileId, extensionId));
    const QJsonObject before = change.baseValues.value(u"settings"_s).toObject();
    const QJsonObject after = change.payload.value(u"settings"_s).toObject();
    const auto text = [this, &change](const QString& path, const QJsonValue& value) {
        if (path == "callHandlingAction"_L1) {
            const FieldLabel* found = findLabel(kCallHandlingTexts, value.toString());
            return found ? tr(found->label) : plainValue(value);
        }
        if (path == "transfer.extension.id"_L1)
            return extensionText(change.profileId, value.toString());
        if (path == SettingsPayloads::kRingOutPath) {
            const QJsonObject callerId = value.toObject();
            const QString type = callerId.value(u"type"_s).toString();
            if (type == u"Blocked"_s)
                return tr("Nothing (caller ID blocked)");
            if (type == u"CurrentLocation"_s)
                return tr("The caller's current location");
            const QString numberId = SettingsPayloads::valueAt(callerId, u"phoneInfo.id"_s).toString();
            if (const auto number = store::PhoneNumberRepository(m_database).find(change.profileId, numberId))
                return number->e164;
            return numberId.isEmpty() ? type : numberId;
        }
        return plainValue(value);
    };
    const auto member = [&kind](const QJsonObject& settings, const QString& path) -> QJsonValue {
        if (kind == store::ExtensionSettingsRepository::kCallerId && path == SettingsPayloads::kRingOutPath) {
            const QJsonObject callerId = SettingsPayloads::ringOutCallerId(settings);
            return callerId.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(callerId);
        }
        return SettingsPayloads::valueAt(settings, path);
    };
    QList<TouchedMember> members; // in the order of the form
    for (const QString& path : SettingsPayloads::formMembers(kind)) {
        const QJsonValue was = member(before, path);
        const QJsonValue will = member(after, path);
        if (!will.isUndefined() && was != will)
            members << TouchedMember{path, was, will};
    }
    description.fields = formFields(members, kSettingsLabels, text);
    const QString section =
        kind == store::ExtensionSettingsRepository::kBusinessHours ? tr("Call handling during business hours")
        : kind == store::ExtensionSettingsRepository::kAfterHours  ? tr("Call handling after hours")
        : kind == store::ExtensionSettingsRepository::kNotifications ? tr("Notifications")
                                                                     : tr("Outbound caller ID");
    description.summary = tr("%1: %2").arg(section, labelList(description.fields));
    description.requests = 3; // GET (version check), PUT, GET (read back)
}

} // namespace trunkline::changes
