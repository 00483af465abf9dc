#pragma once

#include "store/Database.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QThread>

namespace trunkline::changes {

// The one T of an open database that every user shares (ChangeStager::of, StagingHistory::of): created on
// first use in the calling thread as T(database, parent), it lives until the application quits. Keyed by
// the connection name, which no other Database ever gets: the T of a closed database is never handed out
// for a new one that happens to live at the same address.
template <class T>
T& onePerDatabase(store::Database& database) {
    static QMutex mutex;
    static QHash<QString, QPointer<T>> instances;
    const QMutexLocker lock(&mutex);
    QPointer<T>& instance = instances[database.connectionName()];
    if (!instance) {
        // Children of the application go with it; a worker thread's T cannot have a parent elsewhere.
        QCoreApplication* app = QCoreApplication::instance();
        instance = new T(database, app && app->thread() == QThread::currentThread() ? app : nullptr);
    }
    return *instance;
}

} // namespace trunkline::changes
