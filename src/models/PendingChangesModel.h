#pragma once

#include "store/PendingChange.h"
#include "store/Profile.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace trunkline::store {
class Database;
}

namespace trunkline::models {

// Every change staged in the local store and not yet applied, over all profiles, in the order they
// will be applied. Pending changes are few (an admin's edits), so the model reads them all at once.
class PendingChangesModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        ProfileColumn,
        WhatColumn,
        RecordColumn,
        DetailsColumn,
        StateColumn,
        MessageColumn,
        StagedColumn,
        AuthorColumn,     // who staged it (the database role on PostgreSQL)
        ApprovedByColumn, // four-eyes: who approved it, empty while not approved
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role { ChangeIdRole = Qt::UserRole + 1, StateRole };

    explicit PendingChangesModel(store::Database& database, QObject* parent = nullptr);

    // Re-reads the store; false with lastError() when it cannot.
    bool reload();
    QString lastError() const { return m_lastError; }
    const store::PendingChange& changeAt(int row) const { return m_changes.at(row); }
    // How many changes will be sent by the next "Apply" (pending or failed, not conflicts).
    int applicableCount() const;

    // "Extension", "Forwarding number", ... for an entity name of changes::EntityKind.
    static QString entityText(const QString& entity);
    static QString operationText(store::ChangeOperation operation);
    static QString stateText(store::ChangeState state);
    // "name: Sales · timeZone: Europe/Berlin" — what the change sets, in one line.
    static QString payloadSummary(const QJsonObject& payload);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    store::Database& m_database;
    QList<store::PendingChange> m_changes;
    QHash<qint64, store::Profile> m_profiles;
    QString m_lastError;
};

} // namespace trunkline::models
