#pragma once

#include "store/PendingChange.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace trunkline::store {
class Database;
}

namespace trunkline::changes {

// The local copy of the record a pending change is about, as its payload class writes it: the version a
// change is staged on and every editable value in the payload's form. A three-way merge takes theirs from
// it once the pusher has stored the provider's record (ConflictMerge).
struct StoredRecord {
    Q_DECLARE_TR_FUNCTIONS(StoredRecord)

public:
    QString version;
    QJsonObject values;

    // nullopt, with *error, when the store holds no such record or cannot be read.
    static std::optional<StoredRecord> of(store::Database& database, const store::PendingChange& change,
                                          QString* error);
};

} // namespace trunkline::changes
