#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <functional>

class QAbstractItemModel;

namespace trunkline::bench {

// The benchmark's application: it sees every event after its receiver handled it, so it can stop a
// clock right after the table's viewport has painted rows (the frame the admin would see), not when
// the paint was merely requested.
class PaintProbe : public QApplication {
public:
    PaintProbe(int& argc, char** argv);

    // Calls `done` once, after the first paint of `viewport` that `ready` accepts.
    void watch(QWidget* viewport, std::function<bool()> ready, std::function<void()> done);
    void stop();

    bool notify(QObject* receiver, QEvent* event) override;

private:
    QWidget* m_viewport = nullptr;
    std::function<bool()> m_ready;
    std::function<void()> m_done;
};

} // namespace trunkline::bench
