#include "gui/porting/NumberPreviewModel.h"

#include "core/PortingRules.h"

#include <QColor>
#include <algorithm>

namespace trunkline::gui {

void NumberPreviewModel::show(const QString& routeE164, const core::NumberRange& block,
                              const QList<core::NumberRange>& ranges) {
    beginResetModel();
    const QStringList numbers =
        routeE164.isEmpty() ? QStringList() : core::expandExtensionRange(routeE164, block);
    m_rows.clear();
    m_activeCount = 0;
    for (qsizetype row = 0; row < numbers.size(); ++row) {
        const int extension = block.startAt + static_cast<int>(row);
        const bool active =
            std::any_of(ranges.cbegin(), ranges.cend(),
                        [extension](const core::NumberRange& r) { return r.contains(extension); });
        m_rows.append({numbers.at(row), active});
        m_activeCount += active ? 1 : 0;
    }
    endResetModel();
}

QVariant NumberPreviewModel::data(const QModelIndex& index, int role) const {
    const PreviewedNumber* previewed = rowOf(index);
    if (!previewed)
        return {};
    if (role == Qt::DisplayRole)
        return index.column() == NumberColumn ? previewed->number
               : previewed->active            ? tr("active")
                                              : tr("inactive");
    // Inactive numbers still port; they are only quieter in the list.
    if (role == Qt::ForegroundRole && !previewed->active)
        return QColor(0x80, 0x80, 0x80);
    return {};
}

QVariant NumberPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == NumberColumn ? tr("Number") : tr("After the port");
}

} // namespace trunkline::gui
