#pragma once

#include "core/ForwardingNumber.h"
#include "store/SqlUtil.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <optional>

namespace trunkline::store {

class Database;

// An extension's forwarding / call-flip list. The provider owns it as one ordered list, so it is
// only ever replaced whole; the order is the list's order, kept in a position column.
class ForwardingNumberRepository {
    Q_DECLARE_TR_FUNCTIONS(ForwardingNumberRepository)

public:
    explicit ForwardingNumberRepository(Database& database);

    // Replaces the extension's list in one transaction; the extension must already be stored.
    bool replaceList(qint64 profileId, const QString& extensionId,
                     const QList<core::ForwardingNumber>& numbers, QString* error = nullptr);
    QList<core::ForwardingNumber> list(qint64 profileId, const QString& extensionId,
                                       QString* error = nullptr) const;
    // The stored list's version (compare with versionOf(list) of a fresh pull) and the time it was
    // last replaced; nullopt when the extension has no stored list.
    std::optional<RecordState> state(qint64 profileId, const QString& extensionId,
                                     QString* error = nullptr) const;
    // For each extension of the profile with a stored list, when the list was last replaced: one query
    // where the detail queue would otherwise ask once per extension.
    QHash<QString, QDateTime> listSyncTimes(qint64 profileId) const;
    static QString versionOf(const QList<core::ForwardingNumber>& numbers);
    // The extensions (ids) of the profile whose forwarding list holds `e164`, each once.
    QStringList extensionsForwardingTo(qint64 profileId, const QString& e164, QString* error = nullptr) const;

private:
    Database& m_database;
};

} // namespace trunkline::store
