#pragma once

#include "store/PendingChange.h"
#include "store/Profile.h"

#include <QHash>
#include <QList>
#include <QStandardItemModel>
#include <optional>

namespace trunkline::store {
class Database;
}

namespace trunkline::models {

// Every change staged in the local store and not yet applied, over all profiles, as a tree for review:
// profile → record (a number, an extension with its forwarding list and settings) → change, in the order
// they will be applied, and under each change its fields before → after and what it means
// (changes::ChangeDescription, which the CLI shows too). Pending changes are few (an admin's edits), so
// the model reads them all at once.
class PendingChangesModel : public QStandardItemModel {
    Q_OBJECT

public:
    enum Column {
        ChangeColumn,
        BeforeColumn,
        AfterColumn,
        RequestsColumn,
        StateColumn,
        StagedColumn,
        AuthorColumn,     // who staged it (the database role on PostgreSQL)
        ApprovedByColumn, // four-eyes: who approved it, empty while not approved
        MessageColumn,    // last: the provider's messages are long
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        ChangeIdRole = Qt::UserRole + 1, // on a change row and on its field rows
        StateRole,                       // store::ChangeState, on a change row's State cell
        RowKindRole,                     // RowKind
        ChangeKindRole                   // changes::ChangeDescription::Kind, on a change row
    };
    enum class RowKind { Profile, Record, Change, Field, Consequence };

    explicit PendingChangesModel(store::Database& database, QObject* parent = nullptr);

    // Re-reads the store; false with lastError() when it cannot.
    bool reload();
    QString lastError() const { return m_lastError; }
    const QList<store::PendingChange>& changes() const { return m_changes; }
    std::optional<store::PendingChange> change(qint64 changeId) const;
    // How many changes will be sent by the next "Apply" (pending or failed, not conflicts).
    int applicableCount() const;
    // The changes at or under these rows (a profile or record row stands for all of its changes), by id.
    QList<qint64> changeIdsUnder(const QModelIndexList& indexes) const;
    // The change's row (column 0), invalid when the model does not show it.
    QModelIndex indexOfChange(qint64 changeId) const;

    // "Extension", "Forwarding number", ... for an entity name of changes::EntityKind.
    static QString entityText(const QString& entity);
    static QString stateText(store::ChangeState state);
    // "name: Sales · timeZone: Europe/Berlin" — what the change sets, in one line.
    static QString payloadSummary(const QJsonObject& payload);
    // The same members uncut, one a line: for a tooltip.
    static QString payloadDetails(const QJsonObject& payload);

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild(const QHash<qint64, store::Profile>& profiles);

    store::Database& m_database;
    QList<store::PendingChange> m_changes;
    QString m_lastError;
};

} // namespace trunkline::models
