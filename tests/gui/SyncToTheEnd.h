#pragma once

// Runs a sync controller's syncAll() to its end, for the GUI tests that need synced data before they
// look at pages: an empty string when every profile synced, else what went wrong (so that the case's
// failure says why).
//
//   const QString failed = syncAllToTheEnd(*m_sync, 120000);
//   QVERIFY2(failed.isEmpty(), qPrintable(failed));

#include "gui/syncstatus/SyncController.h"

#include <QSignalSpy>
#include <QString>
#include <QStringList>

inline QString syncAllToTheEnd(trunkline::gui::SyncController& sync, int timeoutMs) {
    QSignalSpy finished(&sync, &trunkline::gui::SyncController::finished);
    sync.syncAll();
    if (!finished.wait(timeoutMs))
        return QStringLiteral("the sync did not finish in %1 ms").arg(timeoutMs);
    if (finished.first().at(0).toBool())
        return {};
    const QString errors = finished.first().at(2).toStringList().join(QLatin1Char('\n'));
    // A failed sync that names no error must still fail the case.
    return errors.isEmpty() ? QStringLiteral("the sync failed") : errors;
}
