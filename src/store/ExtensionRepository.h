#pragma once

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

class ExtensionRepository {
public:
    explicit ExtensionRepository(Database& database);

    bool upsert(qint64 profileId, const QList<core::Extension>& extensions, QString* error = nullptr);
    // Also drops the forwarding lists of the removed extensions (foreign key cascade).
    bool removeAllExcept(qint64 profileId, const QStringList& keptIds, QString* error = nullptr,
                         int* removed = nullptr);
    bool remove(qint64 profileId, const QString& id, QString* error = nullptr);
    std::optional<core::Extension> find(qint64 profileId, const QString& id, QString* error = nullptr) const;
    // Ordered by extension number (numerically where the numbers are digits), then name.
    QList<core::Extension> list(qint64 profileId, const ExtensionFilter& filter = {},
                                QString* error = nullptr, const Page& page = {}) const;
    // How many rows list() returns without a page; -1 on error.
    int count(qint64 profileId, const ExtensionFilter& filter = {}, QString* error = nullptr) const;
    std::optional<RecordState> state(qint64 profileId, const QString& id, QString* error = nullptr) const;
    QString versionOf(const core::Extension& extension) const { return m_access.versionOf(extension); }

private:
    RecordAccess<core::Extension> m_access;
};

} // namespace trunkline::store
