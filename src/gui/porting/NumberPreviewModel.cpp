#include "gui/porting/NumberPreviewModel.h"

#include "core/PortingRules.h"

#include <QColor>
#include <algorithm>

namespace trunkline::gui {

void NumberPreviewModel::show(const QString& routeE164, const core::NumberRange& block,
                              const QList<core::NumberRange>& ranges) {
    beginResetModel();
    m_numbers = routeE164.isEmpty() ? QStringList() : core::expandExtensionRange(routeE164, block);
    m_active = QList<bool>(m_numbers.size(), false);
    m_activeCount = 0;
    for (qsizetype row = 0; row < m_numbers.size(); ++row) {
        const int extension = block.startAt + static_cast<int>(row);
        m_active[row] = std::any_of(ranges.cbegin(), ranges.cend(), [extension](const core::NumberRange& r) {
            return r.contains(extension);
        });
        m_activeCount += m_active[row] ? 1 : 0;
    }
    endResetModel();
}

int NumberPreviewModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_numbers.size());
}

int NumberPreviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NumberPreviewModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const bool active = m_active.at(index.row());
    if (role == Qt::DisplayRole)
        return index.column() == NumberColumn ? m_numbers.at(index.row())
               : active                       ? tr("active")
                                              : tr("inactive");
    // Inactive numbers still port; they are only quieter in the list.
    if (role == Qt::ForegroundRole && !active)
        return QColor(0x80, 0x80, 0x80);
    return {};
}

QVariant NumberPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == NumberColumn ? tr("Number") : tr("After the port");
}

} // namespace trunkline::gui
