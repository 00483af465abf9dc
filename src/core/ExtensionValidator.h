#pragma once

#include "core/Extension.h"
#include "core/RuleViolation.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace trunkline::core {

// The rules an extension keeps (RingCentral limits, docs/api/ringcentral.md §3.2-3.5): the settings form
// checks them as the admin types, `trunkline-cli stage` before it stages. Fields are JSON pointers like the
// payload's members: "/name", "/extensionNumber", "/status", "/timeZone", "/contact/firstName",
// "/contact/email", "/contact/businessPhone", ... Each message names the field and the rule.
class ExtensionValidator {
    Q_DECLARE_TR_FUNCTIONS(ExtensionValidator)

public:
    static constexpr int kMaxNameLength = 129;
    static constexpr int kMaxContactLength = 64;
    static constexpr int kMaxEmailLength = 254;
    static constexpr int kMaxExtensionNumberDigits = 8;

    struct Context {
        bool creating = false;
        // Status the stored record has (Unassigned may stay, but cannot be chosen).
        std::optional<ExtensionStatus> storedStatus;
        // Extension numbers of the profile's other extensions -> their names (duplicates are refused).
        QHash<QString, QString> numbersInUse;
        // The provider's time zone names; empty = any zone Qt knows is accepted.
        QStringList timeZones;
    };

    static RuleViolations validate(const Extension& extension, const Context& context);

    // A contact phone as typed ("+49 30 1234567") in E.164, or the text unchanged when it does not parse.
    static QString normalisedPhone(const QString& typed);
    // The field's name as the form shows it ("Business phone"), for messages and the page's summary.
    static QString fieldName(const QString& pointer);
};

} // namespace trunkline::core
