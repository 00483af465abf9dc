#pragma once

// Where every widget test case over a database starts from: test-mode standard paths (settings and data
// never touch the user's), no settings left by the case before, and a fresh, migrated SQLite database.
// Each test adds its own data after it:
//
//   void init() {
//       QVERIFY2(startGuiTestCase(m_test), qPrintable(m_test->error()));
//       m_profile = m_test->addProfile(u"Berlin office"_s);
//       ...
//   }
//   void cleanup() { ...; m_test.reset(); }

#include "TestDatabase.h"
#include "connection/DemoProfiles.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>
#include <memory>

inline bool startGuiTestCase(std::unique_ptr<TestDatabase>& test) {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    return openSqliteTestDatabase(test);
}

// For the window tests without a database: test-mode standard paths, and native settings kept in
// `settingsDir` under the application's own names, so that the window reads and writes settings as it
// does for a user, but never the developer's real ones.
inline void useTestSettings(const QTemporaryDir& settingsDir) {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("Trunkline"));
    QCoreApplication::setApplicationName(QStringLiteral("Trunkline"));
}

// The profiles of a first start (connection::DemoProfiles, served by the built-in emulator): returns
// how many were added, -1 on error (said in a warning).
inline int addDemoProfiles(TestDatabase& test) {
    trunkline::store::ProfileRepository profiles(test.database());
    QString error;
    const int added = trunkline::connection::DemoProfiles::addIfFirstStart(profiles, &error);
    if (added < 0) {
        qWarning("%s", qPrintable(error));
    }
    return added;
}

// startGuiTestCase with the profiles of a first start added (the demo account: one profile per provider).
inline bool startDemoGuiTestCase(std::unique_ptr<TestDatabase>& test) {
    return startGuiTestCase(test) && addDemoProfiles(*test) == 3;
}

// Shows `window` and waits until it is the active window: keyboard shortcuts and key clicks reach only the
// active one.
//
//   QVERIFY(showActive(window));
inline bool showActive(QWidget& window) {
    window.show();
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

// Shows `window`, at `size` when one is given, and waits until it is exposed: drawn, with its layout
// and geometry settled, before the test reads them or clicks into it.
//
//   QVERIFY(showExposed(page, {1200, 720}));
inline bool showExposed(QWidget& window, QSize size = {}) {
    if (size.isValid())
        window.resize(size);
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

// For the README's and the user guide's pictures: saves `widget` as <name>.png in the directory that
// TRUNKLINE_SCREENSHOT_DIR names; nothing when it is not set.
inline void saveScreenshot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    // Let pending layout requests run first (a button whose text just grew, a page just shown).
    QCoreApplication::processEvents();
    QVERIFY(widget.grab().save(dir + u'/' + name + QStringLiteral(".png")));
}
