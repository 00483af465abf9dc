#include "gui/RecordsPage.h"

#include <QTableView>

namespace trunkline::gui {

void setColumnWidths(QHeaderView* header, const QList<std::pair<int, int>>& widths) {
    for (const auto& [column, width] : widths)
        header->resizeSection(column, width);
}

QHeaderView* setUpRecordsTable(QTableView* table, int sortColumn, const QList<std::pair<int, int>>& widths) {
    QHeaderView* header = table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    header->setSortIndicator(sortColumn, Qt::AscendingOrder);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    setColumnWidths(header, widths);
    return header;
}

} // namespace trunkline::gui
