#include "core/ExtensionValidator.h"

#include "core/PhoneNumber.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace trunkline::core {

namespace {

void checkLength(RuleViolations& violations, const QString& pointer, const QString& value, int limit) {
    if (value.size() > limit) {
        violations.append({pointer, ExtensionValidator::tr("%1 has %2 characters; at most %3 are allowed.")
                                        .arg(ExtensionValidator::fieldName(pointer))
                                        .arg(value.size())
                                        .arg(limit)});
    }
}

void checkPhone(RuleViolations& violations, const QString& pointer, const QString& value, bool mobile) {
    if (value.trimmed().isEmpty())
        return;
    // Contact phones are stored in E.164, so the number must carry its country code.
    const ParseOutcome parsed = PhoneNumber::parse(value, {});
    if (!parsed.ok()) {
        violations.append(
            {pointer, ExtensionValidator::tr("%1: %2 Type it with its country code, e.g. +49 30 1234567.")
                          .arg(ExtensionValidator::fieldName(pointer), parsed.error)});
        return;
    }
    if (mobile && parsed.number->type() == PhoneNumber::Type::TollFree) {
        violations.append(
            {pointer,
             ExtensionValidator::tr("%1: %2 is a toll-free number; a mobile phone cannot be toll-free.")
                 .arg(ExtensionValidator::fieldName(pointer), parsed.number->international())});
    }
}

} // namespace

QString ExtensionValidator::fieldName(const QString& pointer) {
    if (pointer == u"/name")
        return tr("Name");
    if (pointer == u"/extensionNumber")
        return tr("Extension number");
    if (pointer == u"/status")
        return tr("Status");
    if (pointer == u"/timeZone")
        return tr("Time zone");
    if (pointer == u"/type")
        return tr("Type");
    if (pointer == u"/contact/firstName")
        return tr("First name");
    if (pointer == u"/contact/lastName")
        return tr("Last name");
    if (pointer == u"/contact/company")
        return tr("Company");
    if (pointer == u"/contact/jobTitle")
        return tr("Job title");
    if (pointer == u"/contact/email")
        return tr("E-mail");
    if (pointer == u"/contact/businessPhone")
        return tr("Business phone");
    if (pointer == u"/contact/mobilePhone")
        return tr("Mobile phone");
    if (pointer == u"/contact/department")
        return tr("Department");
    return pointer;
}

QString ExtensionValidator::normalisedPhone(const QString& typed) {
    const QString trimmed = typed.trimmed();
    if (trimmed.isEmpty())
        return {};
    const ParseOutcome parsed = PhoneNumber::parse(trimmed, {});
    return parsed.ok() ? parsed.number->e164() : trimmed;
}

RuleViolations ExtensionValidator::validate(const Extension& extension, const Context& context) {
    RuleViolations violations;

    const QString name = extension.name.trimmed();
    if (name.isEmpty())
        violations.append({u"/name"_s, tr("Name is required.")});
    checkLength(violations, u"/name"_s, extension.name, kMaxNameLength);

    const QString number = extension.extensionNumber.trimmed();
    static const QRegularExpression digits(u"^[0-9]+$"_s);
    if (extension.status == ExtensionStatus::Unassigned) {
        if (!number.isEmpty()) {
            violations.append({u"/extensionNumber"_s,
                               tr("Extension number must be empty while the status is Unassigned.")});
        }
    } else if (number.isEmpty()) {
        violations.append({u"/extensionNumber"_s, tr("Extension number is required.")});
    } else if (!digits.match(number).hasMatch()) {
        violations.append(
            {u"/extensionNumber"_s, tr("Extension number “%1” may contain digits only.").arg(number)});
    } else if (number.size() > kMaxExtensionNumberDigits) {
        violations.append(
            {u"/extensionNumber"_s, tr("Extension number has %1 digits; at most %2 are allowed.")
                                        .arg(number.size())
                                        .arg(kMaxExtensionNumberDigits)});
    } else if (const auto other = context.numbersInUse.constFind(number);
               other != context.numbersInUse.cend()) {
        violations.append({u"/extensionNumber"_s,
                           tr("Extension number %1 is already used by %2.").arg(number, other.value())});
    }

    if (extension.status == ExtensionStatus::Unassigned &&
        context.storedStatus != ExtensionStatus::Unassigned) {
        violations.append(
            {u"/status"_s, tr("Status Unassigned cannot be chosen: RingCentral sets it when an extension has "
                              "no number.")});
    }

    const bool knownZone = context.timeZones.isEmpty()
                               ? QTimeZone::isTimeZoneIdAvailable(extension.timeZone.toUtf8())
                               : context.timeZones.contains(extension.timeZone);
    if (!extension.timeZone.isEmpty() && !knownZone) {
        violations.append({u"/timeZone"_s, tr("Time zone “%1” is not in the list of time zones; choose one "
                                              "from the list.")
                                               .arg(extension.timeZone)});
    }

    const ExtensionContact& contact = extension.contact;
    // RingCentral requires a first name and an e-mail address to create an extension.
    if (context.creating && contact.firstName.trimmed().isEmpty())
        violations.append({u"/contact/firstName"_s, tr("First name is required for a new extension.")});
    checkLength(violations, u"/contact/firstName"_s, contact.firstName, kMaxContactLength);
    checkLength(violations, u"/contact/lastName"_s, contact.lastName, kMaxContactLength);
    checkLength(violations, u"/contact/company"_s, contact.company, kMaxContactLength);
    checkLength(violations, u"/contact/jobTitle"_s, contact.jobTitle, kMaxContactLength);
    checkLength(violations, u"/contact/department"_s, contact.department, kMaxContactLength);

    const QString email = contact.email.trimmed();
    static const QRegularExpression emailShape(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    if (email.isEmpty()) {
        if (context.creating)
            violations.append({u"/contact/email"_s, tr("E-mail is required for a new extension.")});
    } else if (!emailShape.match(email).hasMatch()) {
        violations.append(
            {u"/contact/email"_s,
             tr("E-mail “%1” is not an e-mail address: it needs a name, an @ and a domain, such "
                "as anna@example.com.")
                 .arg(email)});
    } else {
        checkLength(violations, u"/contact/email"_s, email, kMaxEmailLength);
    }

    checkPhone(violations, u"/contact/businessPhone"_s, contact.businessPhone, false);
    checkPhone(violations, u"/contact/mobilePhone"_s, contact.mobilePhone, true);
    return violations;
}

} // namespace trunkline::core
