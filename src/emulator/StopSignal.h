#pragma once

class QCoreApplication;

namespace trunkline::emulator {

// Makes SIGINT and SIGTERM leave `app`'s event loop (checked every 50 ms), so that an executable serving
// the emulator returns from exec() and saves its state file; the handler itself only sets a flag, the
// one thing a signal handler may safely do.
void quitOnTerminationSignal(QCoreApplication& app);

} // namespace trunkline::emulator
