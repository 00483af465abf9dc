#pragma once

// The Pending changes tree as text, to compare what the admin reads: each row indented by its depth,
// change rows as "title | requests N | state", field rows as "label: before → after", group and
// consequence rows as their title.

#include "models/PendingChangesModel.h"

#include <QStringList>
#include <functional>

inline QStringList pendingTreeLines(const trunkline::models::PendingChangesModel& model) {
    using Model = trunkline::models::PendingChangesModel;
    QStringList lines;
    const std::function<void(const QModelIndex&, int)> walk = [&](const QModelIndex& parent, int depth) {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            const auto kind = static_cast<Model::RowKind>(index.data(Model::RowKindRole).toInt());
            const QString indent(2 * depth, QLatin1Char(' '));
            const auto cell = [&](int column) {
                return index.siblingAtColumn(column).data().toString();
            };
            if (kind == Model::RowKind::Change)
                lines << indent + QStringLiteral("%1 | requests %2 | %3")
                                      .arg(cell(Model::ChangeColumn), cell(Model::RequestsColumn),
                                           cell(Model::StateColumn));
            else if (kind == Model::RowKind::Field)
                lines << indent + QStringLiteral("%1: %2 → %3")
                                      .arg(cell(Model::ChangeColumn), cell(Model::BeforeColumn),
                                           cell(Model::AfterColumn));
            else
                lines << indent + cell(Model::ChangeColumn);
            walk(index, depth + 1);
        }
    };
    walk({}, 0);
    return lines;
}
