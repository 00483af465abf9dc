#pragma once

// The base of the widget tests whose every case starts afresh: init() opens m_test as startGuiTestCase
// does (test-mode paths, no settings, a new migrated SQLite file), with the demo account's profiles when
// constructed with Start::Demo (startDemoGuiTestCase); cleanup() closes it. Listed in the test's sources
// so that AUTOMOC sees its Q_OBJECT.
//
//   class tst_X : public FreshGuiTestCase {   // or, with the demo's profiles:
//   public:                                   //   tst_X() : FreshGuiTestCase(Start::Demo) {}

#include "GuiTestCase.h"

#include <QObject>
#include <memory>

class FreshGuiTestCase : public QObject {
    Q_OBJECT

public:
    enum class Start { Empty, Demo };
    explicit FreshGuiTestCase(Start start = Start::Empty)
        : m_start(start) {}

protected:
    std::unique_ptr<TestDatabase> m_test;

private slots:
    void init() {
        const bool started = m_start == Start::Demo ? startDemoGuiTestCase(m_test) : startGuiTestCase(m_test);
        QVERIFY2(started, qPrintable(m_test->error()));
    }
    void cleanup() { m_test.reset(); }

private:
    Start m_start;
};
