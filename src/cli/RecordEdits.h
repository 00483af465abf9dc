#pragma once

#include "core/Extension.h"
#include "core/ForwardingNumber.h"
#include "core/PhoneNumberRecord.h"
#include "core/RuleViolation.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QStringList>

namespace trunkline::cli {

// `--set FIELD=VALUE` edits of one record, by the field names `export --format json` prints. Each apply
// function changes only the named fields and reports, per field, a name it does not know, a field the
// provider sets (id, type, syncedAt ...) or a value it cannot take (an unknown status, a flip digit that is
// no number); the record rules themselves (core::ExtensionValidator, core::validateForwardingList) are
// checked afterwards on the whole edited record by the caller.
class RecordEdits {
    Q_DECLARE_TR_FUNCTIONS(RecordEdits)

public:
    using Assignments = QList<QPair<QString, QString>>;

    // "FIELD=VALUE" items in order; nullopt and *error for an item without "=" or with an empty field.
    static std::optional<Assignments> parse(const QStringList& items, QString* error);

    static core::RuleViolations applyToExtension(core::Extension& extension, const Assignments& assignments);
    static core::RuleViolations applyToForwarding(core::ForwardingNumber& forwarding,
                                                  const Assignments& assignments);
    // extensionId / extensionNumber are resolved by the caller (they need the store); this sets label and
    // checks the names.
    static core::RuleViolations applyToNumber(core::PhoneNumberRecord& number,
                                              const Assignments& assignments);

    // Gives the call flip entries the digits 1..n again, in the order of the digits they hold, after an
    // entry left or joined the list or took another digit; the entry `preferredId` (the one edited) wins a
    // tie, so "--set flipNumber=1" moves it to the front and the others move up.
    static void renumberFlips(QList<core::ForwardingNumber>& list, const QString& preferredId);

    // The field a validator's JSON pointer names, as `--set` spells it ("/contact/email" -> "email",
    // "/records/2/flipNumber" -> "flipNumber", "/records" -> "forwarding").
    static QString fieldOf(const QString& pointer);

    static QStringList extensionFields();
    static QStringList forwardingFields();
    static QStringList numberFields();

private:
    static core::RuleViolation unknownField(const QString& field, const QStringList& known);
    static core::RuleViolation readOnlyField(const QString& field);
};

} // namespace trunkline::cli
