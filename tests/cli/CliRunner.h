#pragma once

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

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
    // The tests compare English messages whatever the developer's LANG; a test that wants a locale (the
    // separator of Excel CSV) sets LC_ALL itself.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("LC_ALL")))
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(environment);
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

// Writes `text` to a file in `dir` for the command line to read (a plan, a list of numbers), named
// <stem>-<hash of text>.txt so that each distinct text gets its own file; returns its path.
inline QString writeInputFile(const QDir& dir, const QString& stem, const QByteArray& text) {
    const QString path = dir.filePath(QStringLiteral("%1-%2.txt").arg(stem).arg(qHash(text)));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

// For the test classes that run trunkline-cli on a database file in a temporary directory of their own:
// the runs go to the file m_database names (set in initTestCase, or by a case that wants a fresh one).
class CliTestCase : public QObject {
protected:
    QTemporaryDir m_dir;
    QString m_database;

    CliRun cli(const QStringList& arguments, const QByteArray& input = {}, int timeoutMs = 120000) const {
        return runCli(m_database, arguments, input, timeoutMs);
    }
    // A run's output as the array `--format json` prints.
    static QJsonArray jsonArray(const QByteArray& text) { return QJsonDocument::fromJson(text).array(); }
};

} // namespace trunkline::tests
