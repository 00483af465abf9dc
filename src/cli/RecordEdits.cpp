#include "cli/RecordEdits.h"

#include "core/ContactTextFields.h"
#include "core/PhoneNumber.h"

#include <climits>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

namespace {

// Export columns the provider sets or that only name the record; `--set` refuses them by name.
const QStringList kExtensionReadOnly = {u"profile"_s, u"id"_s,       u"type"_s,
                                        u"admin"_s,   u"syncedAt"_s, u"detailsSyncedAt"_s};
const QStringList kForwardingReadOnly = {u"profile"_s,  u"extensionId"_s, u"extensionNumber"_s,
                                         u"position"_s, u"id"_s,          u"syncedAt"_s};
const QStringList kNumberReadOnly = {u"profile"_s,     u"id"_s,       u"number"_s, u"usageType"_s,
                                     u"paymentType"_s, u"callType"_s, u"status"_s, u"features"_s,
                                     u"provider"_s,    u"syncedAt"_s};

// A phone number as typed ("+49 30 1234567") in E.164, else unchanged so that the rules name it.
QString e164OrAsTyped(const QString& typed) {
    const core::ParseOutcome parsed = core::PhoneNumber::parse(typed.trimmed(), {});
    return parsed.ok() ? parsed.number->e164() : typed.trimmed();
}

// Every wire name of an enum's values (core::allValues<core::ExtensionStatus>() and the like), for the
// message that refuses a value.
template <typename Values>
QString wireNames(const Values& values) {
    QStringList names;
    for (const auto value : values)
        names << core::toWire(value);
    return names.join(u", ");
}

// Sets an enum member from its wire name (`parsed`, what core's fromWire made of `value`); a name that is
// none of `values` is a problem in the words of `notOneOf` (“%1” the value, %2 the names to use instead).
template <typename E>
void setFromWire(E& member, const std::optional<E>& parsed, const QList<E>& values, const QString& field,
                 const QString& value, const QString& notOneOf, core::RuleViolations& problems) {
    if (parsed)
        member = *parsed;
    else
        problems.append({field, notOneOf.arg(value, wireNames(values))});
}

} // namespace

std::optional<RecordEdits::Assignments> RecordEdits::parse(const QStringList& items, QString* error) {
    Assignments assignments;
    for (const QString& item : items) {
        const qsizetype equals = item.indexOf(u'=');
        if (equals <= 0) {
            *error = tr("--set “%1”: write FIELD=VALUE (an empty VALUE clears the field).").arg(item);
            return std::nullopt;
        }
        assignments.append({item.left(equals), item.mid(equals + 1)});
    }
    return assignments;
}

QStringList RecordEdits::extensionFields() {
    QStringList fields{u"extensionNumber"_s, u"status"_s, u"timeZone"_s};
    for (const auto& member : core::contactTextFields())
        fields << member.key;
    return fields;
}

QStringList RecordEdits::forwardingFields() {
    return {u"phoneNumber"_s, u"label"_s, u"type"_s, u"features"_s, u"flipNumber"_s};
}

QStringList RecordEdits::numberFields() {
    return {u"label"_s, u"extensionId"_s, u"extensionNumber"_s};
}

core::RuleViolation RecordEdits::unknownField(const QString& field, const QStringList& known) {
    return {field, tr("no such field; the fields that can be set are %1.").arg(known.join(u", "))};
}

core::RuleViolation RecordEdits::readOnlyField(const QString& field) {
    return {field, tr("set by the provider; it cannot be changed here.")};
}

core::RuleViolations RecordEdits::applyToExtension(core::Extension& extension,
                                                   const Assignments& assignments) {
    core::RuleViolations problems;
    for (const auto& [field, value] : assignments) {
        if (field == u"name") {
            // As in the extension editor: RingCentral derives the name and ignores one sent on its own.
            problems.append({field, tr("derived from firstName and lastName, as RingCentral does; set those "
                                       "instead.")});
        } else if (field == u"extensionNumber") {
            extension.extensionNumber = value.trimmed();
        } else if (field == u"timeZone") {
            extension.timeZone = value.trimmed();
        } else if (field == u"status") {
            setFromWire(extension.status, core::fromWire<core::ExtensionStatus>(value),
                        core::allValues<core::ExtensionStatus>(), field, value,
                        tr("“%1” is not a status; use one of %2."), problems);
        } else if (const auto member =
                       std::find_if(core::contactTextFields().cbegin(), core::contactTextFields().cend(),
                                    [&](const auto& m) { return m.key == field; });
                   member != core::contactTextFields().cend()) {
            const bool phone = field == u"businessPhone" || field == u"mobilePhone";
            extension.contact.*(member->member) =
                phone && !value.trimmed().isEmpty() ? e164OrAsTyped(value) : value;
        } else if (kExtensionReadOnly.contains(field)) {
            problems.append(readOnlyField(field));
        } else {
            problems.append(unknownField(field, extensionFields()));
        }
        if (field == u"firstName" || field == u"lastName")
            extension.name = core::derivedName(extension.contact);
    }
    return problems;
}

core::RuleViolations RecordEdits::applyToForwarding(core::ForwardingNumber& forwarding,
                                                    const Assignments& assignments) {
    core::RuleViolations problems;
    bool featuresSet = false;
    bool flipSet = false;
    for (const auto& [field, value] : assignments) {
        if (field == u"phoneNumber") {
            forwarding.phoneNumber = e164OrAsTyped(value);
        } else if (field == u"label") {
            forwarding.label = value;
        } else if (field == u"type") {
            setFromWire(forwarding.type, core::fromWire<core::ForwardingType>(value),
                        core::allValues<core::ForwardingType>(), field, value,
                        tr("“%1” is not a type; use one of %2."), problems);
        } else if (field == u"features") {
            QStringList unknown;
            forwarding.features =
                core::flagsFromWire<core::ForwardingFeature>(value.split(u',', Qt::SkipEmptyParts), &unknown);
            featuresSet = true;
            if (!unknown.isEmpty())
                problems.append({field, tr("“%1” is not a feature; use CallForwarding and/or "
                                           "CallFlip, separated by commas.")
                                            .arg(unknown.join(u", "))});
        } else if (field == u"flipNumber") {
            bool ok = false;
            const int digit = value.toInt(&ok);
            if (ok) {
                forwarding.flipNumber = digit;
                flipSet = true;
            } else {
                problems.append({field, tr("“%1” is not a digit; use 1 to 10, or 0 to leave the call flip "
                                           "list.")
                                            .arg(value)});
            }
        } else if (kForwardingReadOnly.contains(field)) {
            problems.append(readOnlyField(field));
        } else {
            problems.append(unknownField(field, forwardingFields()));
        }
    }
    // A flip digit alone says what is meant: in the call flip list (1..10) or out of it (0).
    if (flipSet && !featuresSet)
        forwarding.features.setFlag(core::ForwardingFeature::CallFlip, forwarding.flipNumber > 0);
    return problems;
}

core::RuleViolations RecordEdits::applyToNumber(core::PhoneNumberRecord& number,
                                                const Assignments& assignments) {
    core::RuleViolations problems;
    for (const auto& [field, value] : assignments) {
        if (field == u"label") {
            number.label = value;
        } else if (field == u"extensionId" || field == u"extensionNumber") {
            continue;
        } else if (kNumberReadOnly.contains(field)) {
            problems.append(readOnlyField(field));
        } else {
            problems.append(unknownField(field, numberFields()));
        }
    }
    return problems;
}

void RecordEdits::renumberFlips(QList<core::ForwardingNumber>& list, const QString& preferredId) {
    QList<core::ForwardingNumber*> flips;
    for (core::ForwardingNumber& number : list) {
        if (number.features.testFlag(core::ForwardingFeature::CallFlip))
            flips << &number;
        else
            number.flipNumber = 0;
    }
    // An entry that just joined (digit 0) goes last.
    const auto rank = [](const core::ForwardingNumber* n) {
        return n->flipNumber > 0 ? n->flipNumber : INT_MAX;
    };
    std::stable_sort(flips.begin(), flips.end(),
                     [&](const core::ForwardingNumber* a, const core::ForwardingNumber* b) {
                         if (rank(a) != rank(b))
                             return rank(a) < rank(b);
                         return a->id == preferredId && b->id != preferredId;
                     });
    int digit = 0;
    for (core::ForwardingNumber* number : std::as_const(flips))
        number->flipNumber = ++digit;
}

QString RecordEdits::fieldOf(const QString& pointer) {
    if (pointer == u"/records")
        return u"forwarding"_s;
    return pointer.section(u'/', -1);
}

} // namespace trunkline::cli
