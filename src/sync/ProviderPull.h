#pragma once

#include "sync/SyncTypes.h"

#include <QObject>

namespace trunkline::sync {

// One provider's pull into the store: started once, reports progress, ends with finished() exactly once
// (also after cancel()). Records the provider no longer has are removed only after a complete list.
class ProviderPull : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void start() = 0;
    virtual void cancel() = 0;

signals:
    void progress(const trunkline::sync::SyncProgress& progress);
    void finished(const trunkline::sync::SyncReport& report);
};

} // namespace trunkline::sync
