#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace trunkline::gui {

// A flat table model over the rows it holds in a list (the porting wizard's ranges and preview, the port
// orders, the routes): the row and column counts every such model answers alike, and the row an index
// names.
template <typename Row>
class RowListModel : public QAbstractTableModel {
public:
    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : m_columns;
    }

protected:
    RowListModel(int columns, QObject* parent)
        : QAbstractTableModel(parent)
        , m_columns(columns) {}

    // The row `index` names; nullptr for an invalid index or one past the rows.
    const Row* rowOf(const QModelIndex& index) const {
        return index.isValid() && index.row() < m_rows.size() ? &m_rows.at(index.row()) : nullptr;
    }

    QList<Row> m_rows;

private:
    int m_columns;
};

} // namespace trunkline::gui
