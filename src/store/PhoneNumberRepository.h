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

class PhoneNumberRepository {
public:
    explicit PhoneNumberRepository(Database& database);

    bool upsert(qint64 profileId, const QList<core::PhoneNumberRecord>& numbers, QString* error = nullptr);
    bool removeAllExcept(qint64 profileId, const QStringList& keptIds, QString* error = nullptr,
                         int* removed = nullptr);
    bool remove(qint64 profileId, const QString& id, QString* error = nullptr);
    std::optional<core::PhoneNumberRecord> find(qint64 profileId, const QString& id,
                                                QString* error = nullptr) const;
    // Ordered by number.
    QList<core::PhoneNumberRecord> list(qint64 profileId, const PhoneNumberFilter& filter = {},
                                        QString* error = nullptr, const Page& page = {}) const;
    // How many rows list() returns without a page; -1 on error.
    int count(qint64 profileId, const PhoneNumberFilter& filter = {}, QString* error = nullptr) const;
    std::optional<RecordState> state(qint64 profileId, const QString& id, QString* error = nullptr) const;
    QString versionOf(const core::PhoneNumberRecord& number) const { return m_access.versionOf(number); }

private:
    RecordAccess<core::PhoneNumberRecord> m_access;
};

} // namespace trunkline::store
