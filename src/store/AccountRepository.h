#pragma once

#include "core/Account.h"
#include "store/RecordAccess.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace trunkline::store {

// The provider account(s) behind a profile. Errors: false / empty result with *error set.
class AccountRepository {
public:
    explicit AccountRepository(Database& database);

    bool upsert(qint64 profileId, const QList<core::Account>& accounts, QString* error = nullptr);
    bool removeAllExcept(qint64 profileId, const QStringList& keptIds, QString* error = nullptr,
                         int* removed = nullptr);
    std::optional<core::Account> find(qint64 profileId, const QString& id, QString* error = nullptr) const;
    QList<core::Account> list(qint64 profileId, QString* error = nullptr) const;
    std::optional<RecordState> state(qint64 profileId, const QString& id, QString* error = nullptr) const;
    QString versionOf(const core::Account& account) const { return m_access.versionOf(account); }

private:
    RecordAccess<core::Account> m_access;
};

} // namespace trunkline::store
