#pragma once

// The data of a case that runs once without and once with something: the bool column `column`, a row
// `whenFalse` with false and a row `whenTrue` with true.

#include <QTest>

inline void addBoolRows(const char* column, const char* whenFalse, const char* whenTrue) {
    QTest::addColumn<bool>(column);
    QTest::newRow(whenFalse) << false;
    QTest::newRow(whenTrue) << true;
}
