#pragma once

#include "core/Account.h"
#include "store/RecordAccess.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace trunkline::store {

// The provider account(s) behind a profile. Errors: false / empty result with *error set. The
// RecordAccess operations upsert, removeAllExcept, find, state and versionOf are the repository's.
class AccountRepository : private RecordAccess<core::Account> {
public:
    explicit AccountRepository(Database& database);

    using RecordAccess::find, RecordAccess::removeAllExcept, RecordAccess::state, RecordAccess::upsert,
        RecordAccess::versionOf;
    QList<core::Account> list(qint64 profileId, QString* error = nullptr) const;
};

} // namespace trunkline::store
