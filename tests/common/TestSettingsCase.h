#pragma once

// The base of the window tests without a database: initTestCase() keeps the settings the windows read
// and write in a temporary directory of the test's own (useTestSettings), never the developer's real
// ones. Listed in the test's sources so that AUTOMOC sees its Q_OBJECT.
//
//   class tst_X : public TestSettingsCase {

#include "GuiTestCase.h"

#include <QObject>
#include <QTemporaryDir>

class TestSettingsCase : public QObject {
    Q_OBJECT

protected:
    QTemporaryDir m_settingsDir;

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        useTestSettings(m_settingsDir);
    }
};
