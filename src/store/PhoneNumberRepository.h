#pragma once

#include "core/PhoneNumberRecord.h"
#include "store/RecordAccess.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace trunkline::store {

// What the numbers page filters by; unset members do not filter.
struct PhoneNumberFilter {
    QString digitsContain; // digits anywhere in the number ("+49 (30) 12" -> "493012")
    QString e164Prefix;    // start of the number, '+' and punctuation ignored
    std::optional<core::UsageType> usageType;
    QString provider;                   // core::kProvider*
    std::optional<QString> extensionId; // an empty string selects company-level numbers
};

// The RecordAccess operations are the repository's: upsert, removeAllExcept, remove, find, state,
// versionOf.
class PhoneNumberRepository : private RecordAccess<core::PhoneNumberRecord> {
public:
    explicit PhoneNumberRepository(Database& database);

    using RecordAccess::find, RecordAccess::remove, RecordAccess::removeAllExcept, RecordAccess::state,
        RecordAccess::upsert, RecordAccess::versionOf;
    // Ordered by number.
    QList<core::PhoneNumberRecord> list(qint64 profileId, const PhoneNumberFilter& filter = {},
                                        QString* error = nullptr, const Page& page = {}) const;
    // How many rows list() returns without a page; -1 on error.
    int count(qint64 profileId, const PhoneNumberFilter& filter = {}, QString* error = nullptr) const;
};

} // namespace trunkline::store
