#include "gui/porting/ActivationRangesModel.h"

#include <QColor>
#include <algorithm>

namespace trunkline::gui {

void ActivationRangesModel::setRanges(const QList<core::NumberRange>& ranges) {
    beginResetModel();
    m_rows = ranges;
    m_problems.clear();
    endResetModel();
}

void ActivationRangesModel::setRowProblems(const QHash<int, QString>& problems) {
    m_problems = problems;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::ToolTipRole, Qt::BackgroundRole});
}

void ActivationRangesModel::addRange(const core::NumberRange& range) {
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_rows.append(range);
    endInsertRows();
    emit rangesEdited(m_rows);
}

void ActivationRangesModel::removeRanges(QList<int> rows) {
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (const int row : std::as_const(rows)) {
        if (row < 0 || row >= rowCount())
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    emit rangesEdited(m_rows);
}

QVariant ActivationRangesModel::data(const QModelIndex& index, int role) const {
    const core::NumberRange* range = rowOf(index);
    if (!range)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == StartColumn ? range->startAt : range->endAt;
    case Qt::ToolTipRole:
        return m_problems.value(index.row());
    case Qt::BackgroundRole:
        // The same red as the rule messages beside the fields (gui/extensions/FormMessages.h), lightened.
        return m_problems.contains(index.row()) ? QVariant(QColor(0xf9, 0xdc, 0xd9)) : QVariant();
    default:
        return {};
    }
}

bool ActivationRangesModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!index.isValid() || role != Qt::EditRole || !ok)
        return false;
    core::NumberRange& range = m_rows[index.row()];
    (index.column() == StartColumn ? range.startAt : range.endAt) = number;
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    emit rangesEdited(m_rows);
    return true;
}

Qt::ItemFlags ActivationRangesModel::flags(const QModelIndex& index) const {
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

QVariant ActivationRangesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == StartColumn ? tr("From") : tr("To");
}

} // namespace trunkline::gui
