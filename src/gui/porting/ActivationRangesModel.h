#pragma once

#include "core/PortingOrder.h"
#include "gui/RowListModel.h"

#include <QHash>
#include <QList>

namespace trunkline::gui {

// The activation ranges as editable start/end rows, with the rule message of a row as its tooltip and a
// tinted background. The admin's edits (cell edits, added and removed rows) are emitted as the whole new
// list; setRanges() from the other editors is not.
class ActivationRangesModel : public RowListModel<core::NumberRange> {
    Q_OBJECT

public:
    enum Column { StartColumn, EndColumn, ColumnCount };

    explicit ActivationRangesModel(QObject* parent = nullptr)
        : RowListModel(ColumnCount, parent) {}

    void setRanges(const QList<core::NumberRange>& ranges);
    QList<core::NumberRange> ranges() const { return m_rows; }
    // Rule messages by row (core::RuleViolation "/activation_ranges/<row>").
    void setRowProblems(const QHash<int, QString>& problems);

    void addRange(const core::NumberRange& range);
    void removeRanges(QList<int> rows);

    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void rangesEdited(const QList<core::NumberRange>& ranges);

private:
    QHash<int, QString> m_problems;
};

} // namespace trunkline::gui
