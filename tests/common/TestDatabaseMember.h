#pragma once

// For the engine-row tests (EngineTestCase.h) whose cases share fixtures built in init(): the member
// form of TRUNKLINE_OPEN_TEST_DATABASE. `member`, a std::unique_ptr<TestDatabase>, gets a fresh,
// migrated database of the current engine row, or the case is skipped or failed.

#include "TestDatabase.h"

#include <memory>

#define TRUNKLINE_OPEN_TEST_DATABASE_MEMBER(member)                                                          \
    QFETCH_GLOBAL(QString, engine);                                                                          \
    (member) = std::make_unique<TestDatabase>(engine);                                                       \
    TRUNKLINE_SKIP_OR_OPEN(*(member), true)
