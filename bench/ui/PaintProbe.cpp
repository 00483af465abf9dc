#include "PaintProbe.h"

#include <QEvent>
#include <QWidget>

namespace trunkline::bench {

PaintProbe::PaintProbe(int& argc, char** argv)
    : QApplication(argc, argv) {
}

void PaintProbe::watch(QWidget* viewport, std::function<bool()> ready, std::function<void()> done) {
    m_viewport = viewport;
    m_ready = std::move(ready);
    m_done = std::move(done);
}

void PaintProbe::stop() {
    m_viewport = nullptr;
    m_ready = {};
    m_done = {};
}

bool PaintProbe::notify(QObject* receiver, QEvent* event) {
    const bool paint =
        m_viewport && receiver == static_cast<QObject*>(m_viewport) && event->type() == QEvent::Paint;
    const bool result = QApplication::notify(receiver, event);
    if (paint && m_ready && m_ready()) {
        const std::function<void()> done = std::move(m_done);
        stop();
        done();
    }
    return result;
}

} // namespace trunkline::bench
