#include "cli/ProgressPrinter.h"

using namespace Qt::StringLiterals;

namespace trunkline::cli {

ProgressPrinter::ProgressPrinter(QTextStream& stream, bool terminal)
    : m_stream(stream)
    , m_terminal(terminal) {
    m_clock.start();
}

QString ProgressPrinter::barText(const sync::SyncProgress& progress, int width) {
    if (progress.total <= 0)
        return tr("%1 %2").arg(progress.what).arg(progress.done);
    const qint64 done = std::clamp<qint64>(progress.done, 0, progress.total);
    const int filled = static_cast<int>(done * width / progress.total);
    const int percent = static_cast<int>(done * 100 / progress.total);
    return u"[%1%2] %3% "_s.arg(QString(filled, u'#'), QString(width - filled, u'.')).arg(percent, 3) +
           tr("%1 %2/%3").arg(progress.what).arg(progress.done).arg(progress.total);
}

void ProgressPrinter::show(const sync::SyncProgress& progress) {
    if (m_terminal) {
        m_stream << '\r' << barText(progress, 30) << "\x1b[K" << Qt::flush;
        m_barOpen = true;
        return;
    }
    const qint64 now = m_clock.elapsed();
    const bool last = progress.total > 0 && progress.done >= progress.total;
    const auto it = m_lastLineAt.constFind(progress.what);
    if (!last && it != m_lastLineAt.cend() && now - *it < 250)
        return;
    m_lastLineAt.insert(progress.what, now);
    m_stream << barText(progress, 20) << Qt::endl;
}

void ProgressPrinter::finish() {
    if (m_barOpen) {
        m_stream << Qt::endl;
        m_barOpen = false;
    }
}

} // namespace trunkline::cli
