#pragma once

#include "core/PortingOrder.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace trunkline::gui {

// Every full number of an extension block (route number + zero-padded extension) and whether it is
// active after the port: what the admin is about to port, before it is sent.
class NumberPreviewModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NumberColumn, StateColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // An empty route or an unusable block shows no numbers.
    void show(const QString& routeE164, const core::NumberRange& block,
              const QList<core::NumberRange>& ranges);
    int activeCount() const { return m_activeCount; }
    bool isActive(int row) const { return m_active.value(row); }
    QString number(int row) const { return m_numbers.value(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QStringList m_numbers;
    QList<bool> m_active;
    int m_activeCount = 0;
};

} // namespace trunkline::gui
