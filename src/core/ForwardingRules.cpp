#include "core/ForwardingRules.h"

#include "core/PhoneNumber.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>

namespace trunkline::core {

namespace {

QString recordPointer(qsizetype index, QStringView field = {}) {
    return QStringLiteral("/records/%1").arg(index) + field;
}

// Label values the provider itself returns for the predefined types; anything else is a custom label.
bool isPredefinedLabel(ForwardingType type, const QString& label) {
    if (label.isEmpty() || label.compare(toWire(type), Qt::CaseInsensitive) == 0) {
        return true;
    }
    // The RingCentral guide calls the Work label "Office".
    return type == ForwardingType::Work && label.compare(u"Office", Qt::CaseInsensitive) == 0;
}

bool hasCustomLabel(const ForwardingNumber& number) {
    return number.type == ForwardingType::Other && !isPredefinedLabel(ForwardingType::Other, number.label);
}

// Types whose label the provider replaces with the type's own name. PhoneLine and ExtensionApps labels
// name a device or app and are set by the provider, so they are left alone.
bool labelIsIgnored(ForwardingType type) {
    switch (type) {
    case ForwardingType::Home:
    case ForwardingType::Mobile:
    case ForwardingType::Work:
    case ForwardingType::Outage:
    case ForwardingType::BusinessMobilePhone:
        return true;
    case ForwardingType::PhoneLine:
    case ForwardingType::Other:
    case ForwardingType::ExtensionApps:
        break;
    }
    return false;
}

void checkPhoneNumber(const ForwardingNumber& number, const QSet<QString>& directNumbers,
                      QList<RuleViolation>& violations) {
    const QString field = QStringLiteral("/phoneNumber");
    if (number.type == ForwardingType::PhoneLine) {
        if (number.deviceId.isEmpty()) {
            violations.append(
                {QStringLiteral("/deviceId"),
                 QCoreApplication::translate("ForwardingRules", "A phone line entry needs a device.")});
        }
        if (!number.phoneNumber.isEmpty()) {
            violations.append({field, QCoreApplication::translate(
                                          "ForwardingRules",
                                          "A phone line entry names a device; it cannot also have the phone "
                                          "number %1.")
                                          .arg(number.phoneNumber)});
        }
        return;
    }
    if (number.phoneNumber.isEmpty()) {
        // UNCONFIRMED: ExtensionApps entries point at another extension's apps (the spec gives them an
        // `extension` object); whether they always carry a phoneNumber is not documented, so an empty one is
        // accepted rather than flagging data the provider itself returned.
        if (number.type != ForwardingType::ExtensionApps) {
            violations.append(
                {field, QCoreApplication::translate("ForwardingRules", "The phone number is required.")});
        }
        return;
    }
    if (!PhoneNumber::isE164(number.phoneNumber)) {
        violations.append(
            {field,
             QCoreApplication::translate(
                 "ForwardingRules", "The phone number “%1” must be in E.164 form: + country code and number, "
                                    "digits only.")
                 .arg(number.phoneNumber)});
        return;
    }
    const ParseOutcome parsed = PhoneNumber::parse(number.phoneNumber, {});
    if (!parsed.ok()) {
        violations.append({field, parsed.error});
        return;
    }
    if (directNumbers.contains(parsed.number->e164())) {
        violations.append(
            {field,
             QCoreApplication::translate(
                 "ForwardingRules", "The phone number %1 is a direct number of this account and cannot be a "
                                    "forwarding number.")
                 .arg(parsed.number->e164())});
    }
}

} // namespace

QList<RuleViolation> validateForwardingNumber(const ForwardingNumber& number,
                                              const QSet<QString>& accountDirectNumbersE164) {
    QList<RuleViolation> violations;
    checkPhoneNumber(number, accountDirectNumbersE164, violations);

    const QString labelField = QStringLiteral("/label");
    if (number.label.size() > kMaxForwardingLabelLength) {
        violations.append(
            {labelField, QCoreApplication::translate("ForwardingRules",
                                                     "The label has %1 characters; at most 60 are allowed.")
                             .arg(number.label.size())});
    }
    if (labelIsIgnored(number.type) && !isPredefinedLabel(number.type, number.label)) {
        violations.append(
            {labelField,
             QCoreApplication::translate("ForwardingRules",
                                         "The label “%1” would be ignored: only entries of type Other keep a "
                                         "custom label, this entry is of type %2.")
                 .arg(number.label, displayName(number.type))});
    }

    if (!number.features) {
        violations.append({QStringLiteral("/features"),
                           QCoreApplication::translate(
                               "ForwardingRules", "Choose at least one of call forwarding and call flip.")});
    }

    const QString flipField = QStringLiteral("/flipNumber");
    if (number.features.testFlag(ForwardingFeature::CallFlip)) {
        if (number.flipNumber < 1 || number.flipNumber > kMaxForwardingNumbers) {
            violations.append(
                {flipField,
                 QCoreApplication::translate(
                     "ForwardingRules",
                     "The flip number must be from 1 to 10 for an entry in the call flip list; it is %1.")
                     .arg(number.flipNumber)});
        }
    } else if (number.flipNumber != 0) {
        violations.append({flipField, QCoreApplication::translate(
                                          "ForwardingRules",
                                          "The entry has flip number %1 but is not in the call flip list.")
                                          .arg(number.flipNumber)});
    }
    return violations;
}

QList<RuleViolation> validateForwardingList(const QList<ForwardingNumber>& list,
                                            const QSet<QString>& accountDirectNumbersE164) {
    QList<RuleViolation> violations;
    const QString listField = QStringLiteral("/records");

    if (list.size() > kMaxForwardingNumbers) {
        violations.append(
            {listField, QCoreApplication::translate(
                            "ForwardingRules", "The list has %1 forwarding numbers; at most 10 are allowed.")
                            .arg(list.size())});
    }

    QHash<QString, qsizetype> firstIndexOfNumber;
    QMap<int, qsizetype> firstIndexOfFlip;
    qsizetype flipEntries = 0;
    qsizetype customLabels = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const ForwardingNumber& number = list.at(i);
        for (RuleViolation violation : validateForwardingNumber(number, accountDirectNumbersE164)) {
            violation.field.prepend(recordPointer(i));
            violations.append(std::move(violation));
        }

        if (!number.phoneNumber.isEmpty()) {
            // Compare the canonical form so "+49 30 1234567" and "+49301234567" count as the same.
            const ParseOutcome parsed = PhoneNumber::parse(number.phoneNumber, {});
            const QString key = parsed.ok() ? parsed.number->e164() : number.phoneNumber;
            const auto previous = firstIndexOfNumber.constFind(key);
            if (previous != firstIndexOfNumber.constEnd()) {
                violations.append(
                    {recordPointer(i, u"/phoneNumber"),
                     QCoreApplication::translate("ForwardingRules",
                                                 "The phone number %1 is already in the list as entry %2.")
                         .arg(number.phoneNumber)
                         .arg(*previous + 1)});
            } else {
                firstIndexOfNumber.insert(key, i);
            }
        }

        if (hasCustomLabel(number)) {
            ++customLabels;
        }

        if (number.features.testFlag(ForwardingFeature::CallFlip)) {
            ++flipEntries;
            if (number.flipNumber >= 1) {
                const auto previous = firstIndexOfFlip.constFind(number.flipNumber);
                if (previous != firstIndexOfFlip.constEnd()) {
                    violations.append({recordPointer(i, u"/flipNumber"),
                                       QCoreApplication::translate(
                                           "ForwardingRules", "Flip number %1 is already used by entry %2.")
                                           .arg(number.flipNumber)
                                           .arg(*previous + 1)});
                } else {
                    firstIndexOfFlip.insert(number.flipNumber, i);
                }
            }
        }
    }

    if (customLabels > kMaxCustomForwardingLabels) {
        violations.append(
            {listField, QCoreApplication::translate("ForwardingRules",
                                                    "The list uses %1 custom labels; at most 7 are allowed.")
                            .arg(customLabels)});
    }

    // Flip numbers are shortcut digits: the n entries of the flip list use exactly 1..n.
    for (int flip = 1; flip <= flipEntries; ++flip) {
        if (!firstIndexOfFlip.contains(flip)) {
            violations.append(
                {listField,
                 QCoreApplication::translate(
                     "ForwardingRules", "Flip number %1 is missing: the %2 entries of the call flip list "
                                        "must use the flip numbers 1 to %2 without gaps.")
                     .arg(flip)
                     .arg(flipEntries)});
        }
    }
    return violations;
}

} // namespace trunkline::core
