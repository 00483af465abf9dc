#pragma once

#include "sync/SyncTypes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QTextStream>

namespace trunkline::cli {

// Shows sync progress on stderr: a redrawn bar on a terminal, plain lines (at most a few a second per
// subject) when stderr is a file or a pipe, so logs stay readable.
class ProgressPrinter {
    Q_DECLARE_TR_FUNCTIONS(ProgressPrinter)

public:
    ProgressPrinter(QTextStream& stream, bool terminal);

    void show(const sync::SyncProgress& progress);
    // Ends a bar line so that the next output starts on a fresh line.
    void finish();

    // "[#####.....]  50% Extensions 500/1000" (a total of 0 means unknown: no bar, no percentage).
    static QString barText(const sync::SyncProgress& progress, int width);

private:
    QTextStream& m_stream;
    bool m_terminal;
    bool m_barOpen = false;
    QHash<QString, qint64> m_lastLineAt;
    QElapsedTimer m_clock;
};

} // namespace trunkline::cli
