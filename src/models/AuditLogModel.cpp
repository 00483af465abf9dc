#include "models/AuditLogModel.h"

#include "models/PendingChangesModel.h"
#include "store/AuditLogRepository.h"

#include <QLocale>

namespace trunkline::models {

AuditLogModel::AuditLogModel(store::Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_database(database) {
}

bool AuditLogModel::reload(std::optional<qint64> profileId) {
    QString error;
    QList<store::AuditEntry> entries =
        store::AuditLogRepository(m_database).list(profileId, kShownEntries, &error);
    beginResetModel();
    m_entries = std::move(entries);
    m_lastError = error;
    endResetModel();
    return error.isEmpty();
}

int AuditLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const store::AuditEntry& entry = m_entries.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == SummaryColumn)
        return entry.summary;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat);
    case ProfileColumn:
        return entry.profileName;
    case ActorColumn:
        return entry.actor;
    case ActionColumn:
        return entry.action;
    case RecordColumn:
        return entry.entity.isEmpty()
                   ? QString()
                   : tr("%1 %2")
                         .arg(PendingChangesModel::entityText(entry.entity), entry.entityKey)
                         .trimmed();
    case SummaryColumn:
        return entry.summary;
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ProfileColumn:
        return tr("Profile");
    case ActorColumn:
        return tr("By");
    case ActionColumn:
        return tr("Action");
    case RecordColumn:
        return tr("Record");
    case SummaryColumn:
        return tr("What happened");
    default:
        return {};
    }
}

} // namespace trunkline::models
