#include "models/AuditLogModel.h"

#include "models/ColumnTitles.h"
#include "models/PendingChangesModel.h"
#include "store/AuditLogRepository.h"

#include <QLocale>

namespace trunkline::models {

AuditLogModel::AuditLogModel(store::Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_database(database) {
}

bool AuditLogModel::reload(std::optional<qint64> profileId) {
    store::AuditFilter filter;
    filter.profileId = profileId;
    return reload(filter);
}

bool AuditLogModel::reload(const store::AuditFilter& filter) {
    QString error;
    QList<store::AuditEntry> entries =
        store::AuditLogRepository(m_database).list(filter, kShownEntries, &error);
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
    // The columns cut long values; the tooltip shows them whole.
    if (role == Qt::ToolTipRole && index.column() == BeforeColumn)
        return PendingChangesModel::payloadDetails(entry.before);
    if (role == Qt::ToolTipRole && index.column() == AfterColumn)
        return PendingChangesModel::payloadDetails(entry.after);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat);
    case ProfileColumn:
        return entry.profileName;
    case ActorColumn:
        return entry.actor;
    case HostColumn:
        return entry.host;
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
    case BeforeColumn:
        return PendingChangesModel::payloadSummary(entry.before);
    case AfterColumn:
        return PendingChangesModel::payloadSummary(entry.after);
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    static constexpr std::array kTitles{
        QT_TR_NOOP("Time"),          QT_TR_NOOP("Profile"), QT_TR_NOOP("By"),
        QT_TR_NOOP("From"),          QT_TR_NOOP("Action"),  QT_TR_NOOP("Record"),
        QT_TR_NOOP("What happened"), QT_TR_NOOP("Before"),  QT_TR_NOOP("After"),
    };
    static_assert(kTitles.size() == ColumnCount);
    return titlesHeaderData<QAbstractTableModel>(*this, staticMetaObject, kTitles, section, orientation,
                                                 role);
}

} // namespace trunkline::models
