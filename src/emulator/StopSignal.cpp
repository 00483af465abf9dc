#include "emulator/StopSignal.h"

#include <QCoreApplication>
#include <QTimer>
#include <csignal>

namespace trunkline::emulator {

namespace {

volatile std::sig_atomic_t g_stopRequested = 0;

void requestStop(int) {
    g_stopRequested = 1;
}

} // namespace

void quitOnTerminationSignal(QCoreApplication& app) {
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    auto* poll = new QTimer(&app);
    QObject::connect(poll, &QTimer::timeout, &app, [] {
        if (g_stopRequested)
            QCoreApplication::quit();
    });
    poll->start(50);
}

} // namespace trunkline::emulator
