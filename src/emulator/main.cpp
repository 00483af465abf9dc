// trunkline-emulator: the providers' APIs on 127.0.0.1 for the demo account, tests and benchmarks.

#include "emulator/EmulatorServer.h"
#include "emulator/StopSignal.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

using trunkline::emulator::EmulatorOptions;
using trunkline::emulator::EmulatorServer;
using trunkline::emulator::FaultSpec;

namespace {

int fail(const QString& message) {
    std::fprintf(stderr, "trunkline-emulator: %s\n", qPrintable(message));
    return 2;
}

// An option that takes a value; `help` is marked for translation in the context "main" by the caller.
QCommandLineOption valueOption(const char* name, const char* help, const char* valueName,
                               const char* defaultValue = "") {
    return QCommandLineOption(QString::fromLatin1(name), QCoreApplication::translate("main", help),
                              QString::fromLatin1(valueName), QString::fromLatin1(defaultValue));
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trunkline-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Serves the RingCentral, Telnyx and Restcomm APIs with seeded demo data on 127.0.0.1."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port =
        valueOption("port", QT_TRANSLATE_NOOP("main", "TCP port (0 = any free port)."), "N", "0");
    const QCommandLineOption seed =
        valueOption("seed", QT_TRANSLATE_NOOP("main", "Seed of the demo data and faults."), "N", "1");
    const QCommandLineOption numbers = valueOption(
        "numbers", QT_TRANSLATE_NOOP("main", "Phone numbers to generate (default: a small office)."), "N");
    const QCommandLineOption extensions = valueOption(
        "extensions", QT_TRANSLATE_NOOP("main", "Extensions to generate (default: a small office)."), "N");
    const QCommandLineOption faults = valueOption(
        "faults",
        QT_TRANSLATE_NOOP("main",
                          "Injected faults, e.g. 5xx=0.1,429=0.05,drop=0.02,truncate=0.01,latency=50-400."),
        "SPEC");
    const QCommandLineOption rateLimits = valueOption(
        "rate-limits", QT_TRANSLATE_NOOP("main", "Provider rate limits: on or off."), "on|off", "on");
    const QCommandLineOption timeScale = valueOption(
        "time-scale", QT_TRANSLATE_NOOP("main", "Run windows, penalties and token lifetimes F times faster."),
        "F", "1");
    const QCommandLineOption state = valueOption(
        "state", QT_TRANSLATE_NOOP("main", "JSON file that keeps the data across restarts."), "FILE");
    parser.addOptions({port, seed, numbers, extensions, faults, rateLimits, timeScale, state});
    parser.process(app);

    EmulatorOptions options;
    bool ok = false;
    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue > 65535)
        return fail(QCoreApplication::translate("main", "--port must be 0 to 65535, got \"%1\".")
                        .arg(parser.value(port)));
    options.port = static_cast<quint16>(portValue);
    options.seed = parser.value(seed).toUInt(&ok);
    if (!ok)
        return fail(QCoreApplication::translate("main", "--seed must be a non-negative integer, got \"%1\".")
                        .arg(parser.value(seed)));
    for (const auto& [option, target] :
         {std::pair{&numbers, &options.numbers}, std::pair{&extensions, &options.extensions}}) {
        if (!parser.isSet(*option))
            continue;
        *target = parser.value(*option).toInt(&ok);
        if (!ok || *target < 0)
            return fail(
                QCoreApplication::translate("main", "--%1 must be a non-negative integer, got \"%2\".")
                    .arg(option->names().constFirst(), parser.value(*option)));
    }
    if (parser.isSet(faults)) {
        QString error;
        const auto spec = FaultSpec::parse(parser.value(faults), &error);
        if (!spec)
            return fail(error);
        options.faults = *spec;
    }
    const QString limits = parser.value(rateLimits);
    if (limits != u"on" && limits != u"off")
        return fail(
            QCoreApplication::translate("main", "--rate-limits must be on or off, got \"%1\".").arg(limits));
    options.rateLimits = limits == u"on";
    options.timeScale = parser.value(timeScale).toDouble(&ok);
    if (!ok || options.timeScale <= 0)
        return fail(QCoreApplication::translate("main", "--time-scale must be a number above 0, got \"%1\".")
                        .arg(parser.value(timeScale)));
    options.stateFile = parser.value(state);

    EmulatorServer server(options);
    QString error;
    if (!server.listen(&error))
        return fail(error);

    // The first line is exactly "listening http://127.0.0.1:<port>", then one line per demo credential.
    std::printf("listening %s\n", qPrintable(server.baseUrl().toString()));
    for (const QString& line : server.credentialLines())
        std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);

    // Leave through the event loop on SIGINT/SIGTERM so the state file gets saved.
    trunkline::emulator::quitOnTerminationSignal(app);
    const int rc = QCoreApplication::exec();
    server.saveState();
    return rc;
}
