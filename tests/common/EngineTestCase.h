#pragma once

// The base of the tests that run every case once per database engine: the engine rows (SQLite, and
// PostgreSQL when TRUNKLINE_TEST_PG_URL is set) are the global data, which each case reads through
// TRUNKLINE_OPEN_TEST_DATABASE. Listed in the test's sources so that AUTOMOC sees its Q_OBJECT.

#include "TestDatabase.h"

#include <QObject>

class EngineTestCase : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addEngineRows(); }
};
