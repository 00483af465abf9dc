#pragma once

#include "store/AuditEntry.h"
#include "store/AuditLogRepository.h"

#include <QAbstractTableModel>
#include <QList>
#include <optional>

namespace trunkline::store {
class Database;
}

namespace trunkline::models {

// The newest entries of the audit log (what was pulled and applied, when, by whom), newest first; the
// filter (profile, time range, text) is applied by the store, so it reaches beyond the shown entries.
class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        ProfileColumn,
        ActorColumn,
        HostColumn,
        ActionColumn,
        RecordColumn,
        SummaryColumn,
        BeforeColumn,
        AfterColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    // The log only grows; the page shows the most recent entries.
    static constexpr int kShownEntries = 2000;

    explicit AuditLogModel(store::Database& database, QObject* parent = nullptr);

    bool reload(std::optional<qint64> profileId = {});
    bool reload(const store::AuditFilter& filter);
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    store::Database& m_database;
    QList<store::AuditEntry> m_entries;
    QString m_lastError;
};

} // namespace trunkline::models
