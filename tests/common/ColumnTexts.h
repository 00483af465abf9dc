#pragma once

// What a model shows down one column, top to bottom, as text (of `role`): a filtered table's rows
// compared at once rather than cell by cell.
//
//   QCOMPARE(columnTexts(model, StatusColumn, RawValueRole), QStringList(model.rowCount(), u"Enabled"_s));

#include <QAbstractItemModel>
#include <QStringList>

inline QStringList columnTexts(const QAbstractItemModel& model, int column, int role = Qt::DisplayRole) {
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts << model.index(row, column).data(role).toString();
    return texts;
}
