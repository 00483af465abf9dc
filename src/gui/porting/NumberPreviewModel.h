#pragma once

#include "core/PortingOrder.h"
#include "gui/RowListModel.h"

#include <QString>

namespace trunkline::gui {

// One full number of the block and whether it is active after the port.
struct PreviewedNumber {
    QString number;
    bool active = false;
};

// Every full number of an extension block (route number + zero-padded extension) and whether it is
// active after the port: what the admin is about to port, before it is sent.
class NumberPreviewModel : public RowListModel<PreviewedNumber> {
    Q_OBJECT

public:
    enum Column { NumberColumn, StateColumn, ColumnCount };

    explicit NumberPreviewModel(QObject* parent = nullptr)
        : RowListModel(ColumnCount, parent) {}

    // An empty route or an unusable block shows no numbers.
    void show(const QString& routeE164, const core::NumberRange& block,
              const QList<core::NumberRange>& ranges);
    int activeCount() const { return m_activeCount; }
    bool isActive(int row) const { return m_rows.value(row).active; }
    QString number(int row) const { return m_rows.value(row).number; }

    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    int m_activeCount = 0;
};

} // namespace trunkline::gui
