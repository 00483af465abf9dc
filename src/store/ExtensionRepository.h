#pragma once

#include "core/EndpointType.h"
#include "core/Extension.h"
#include "store/RecordAccess.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace trunkline::store {

// What the extensions page filters by; unset members do not filter.
struct ExtensionFilter {
    std::optional<core::ExtensionType> type;
    std::optional<core::ExtensionStatus> status;
    QString text; // part of the name, the extension number or the e-mail address, case-insensitive
};

// The RecordAccess operations are the repository's: upsert, removeAllExcept (which also drops the
// forwarding lists of the removed extensions, by foreign key cascade), remove, find, state, versionOf.
class ExtensionRepository : private RecordAccess<core::Extension> {
public:
    explicit ExtensionRepository(Database& database);

    using RecordAccess::find, RecordAccess::forEach, RecordAccess::remove, RecordAccess::removeAllExcept,
        RecordAccess::state, RecordAccess::upsert, RecordAccess::versionOf;
    // Ordered by extension number (numerically where the numbers are digits), then name.
    QList<core::Extension> list(qint64 profileId, const ExtensionFilter& filter = {},
                                QString* error = nullptr, const Page& page = {}) const;
    // How many rows list() returns without a page; -1 on error.
    int count(qint64 profileId, const ExtensionFilter& filter = {}, QString* error = nullptr) const;
    // The conditions of `filter` on the extensions table, its columns qualified with `table` (the table's
    // name or its alias in the statement): ExtensionTableQuery filters the console's table by them too.
    static sql::Where whereOf(const ExtensionFilter& filter, const QString& table);

    // The endpoint type read from the extension's device list (sync::DetailQueue). It lives beside the
    // listed record: the list's upsert keeps it and it is no part of the record's version.
    bool setEndpointType(qint64 profileId, const QString& extensionId, core::EndpointType type,
                         QString* error = nullptr) const;
    // nullopt when the device list was not read yet (or on error).
    std::optional<core::EndpointType> endpointType(qint64 profileId, const QString& extensionId,
                                                   QString* error = nullptr) const;
};

} // namespace trunkline::store
