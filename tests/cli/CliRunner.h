#pragma once

#include <QProcess>
#include <QStringList>

namespace trunkline::tests {

// What one run of the built trunkline-cli left: its exit code (-1 if it crashed or hung) and output.
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs trunkline-cli as a script would, on the given database, with `input` on its standard input.
inline CliRun runCli(const QString& database, const QStringList& arguments, const QByteArray& input = {},
                     int timeoutMs = 120000) {
    QProcess process;
    process.setProgram(QStringLiteral(TRUNKLINE_CLI_PATH));
    process.setArguments(QStringList{QStringLiteral("--database"), database} + arguments);
    process.start();
    process.write(input);
    process.closeWriteChannel();
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace trunkline::tests
