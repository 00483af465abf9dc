#pragma once

#include "core/EndpointType.h"
#include "core/Extension.h"
#include "store/SqlUtil.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace trunkline::store {

class Database;

// What the extensions table shows; unset members do not filter.
struct ExtensionTableFilter {
    std::optional<qint64> profileId; // unset: the extensions of every profile
    std::optional<core::ExtensionType> type;
    std::optional<core::ExtensionStatus> status;
    std::optional<core::EndpointType> endpointType; // extensions whose device list was not read never match
    QString text; // part of the name, the extension number or the e-mail address, case-insensitive

    friend bool operator==(const ExtensionTableFilter&, const ExtensionTableFilter&) = default;
};

enum class ExtensionSortKey { Number, Name, Type, Status, Email, Department, TimeZone, EndpointType };

// One row of the extensions table. `extension` holds the listed fields (no caller ID, no phones).
struct ExtensionRow {
    qint64 profileId = 0;
    core::Extension extension;
    int numberCount = 0;                            // phone numbers assigned to the extension
    std::optional<core::EndpointType> endpointType; // nullopt: its device list was not read yet
    QString version;
    QString sortValue;
};

using ExtensionPageKey = PageKey;

// The paged, filtered and sorted reads behind the console's extensions table; keyset pages like
// NumberTableQuery. Extension numbers sort as text ("1001" before "102"): RingCentral numbers in one
// account have the same length as a rule, and text keeps the order usable by an index.
class ExtensionTableQuery {
    Q_DECLARE_TR_FUNCTIONS(ExtensionTableQuery)

public:
    explicit ExtensionTableQuery(Database& database);

    static ExtensionPageKey keyOf(const ExtensionRow& row);
    qint64 count(const ExtensionTableFilter& filter, QString* error = nullptr) const; // -1 on error
    QList<ExtensionRow> page(const ExtensionTableFilter& filter, ExtensionSortKey sortKey,
                             Qt::SortOrder order, const std::optional<ExtensionPageKey>& after, int limit,
                             QString* error = nullptr) const;

private:
    Database& m_database;
};

} // namespace trunkline::store
