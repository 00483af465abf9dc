// trunkline-reliability-emulator: the emulator library as the reliability harness needs it. Like
// trunkline-emulator (same banner: "listening URL", then the credential lines) but it also prints
//   served <n> <METHOD> <path> <status>      after each answer (status 0 = connection dropped), so the
//                                            harness can kill a client after its n-th request, and
//   counts requests=… 5xx=… 429=… dropped=… truncated=… delayed=…   when it stops (SIGTERM/SIGINT),
// so that each run's table shows the faults the client really met.

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
    std::fprintf(stderr, "trunkline-reliability-emulator: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("TCP port."), QStringLiteral("N"),
                                  QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of data and faults."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption faults(QStringLiteral("faults"),
                                    QStringLiteral("Fault spec, as trunkline-emulator."),
                                    QStringLiteral("SPEC"));
    const QCommandLineOption state(QStringLiteral("state"), QStringLiteral("State file."),
                                   QStringLiteral("FILE"));
    parser.addOptions({port, seed, faults, state});
    parser.process(app);

    EmulatorOptions options;
    options.port = static_cast<quint16>(parser.value(port).toUInt());
    options.seed = parser.value(seed).toUInt();
    // The faults are what is measured; the provider's own rate limits would only add waiting.
    options.rateLimits = false;
    options.stateFile = parser.value(state);
    QString error;
    if (parser.isSet(faults)) {
        const std::optional<FaultSpec> spec = FaultSpec::parse(parser.value(faults), &error);
        if (!spec)
            return fail(error);
        options.faults = *spec;
    }
    EmulatorServer server(options);
    if (!server.listen(&error))
        return fail(error);
    std::printf("listening %s\n", qPrintable(server.baseUrl().toString()));
    for (const QString& line : server.credentialLines())
        std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);

    qint64 served = 0;
    QObject::connect(&server, &EmulatorServer::requestServed, &app,
                     [&served](const QByteArray& method, const QString& path, int status) {
                         std::printf("served %lld %s %s %d\n", static_cast<long long>(++served),
                                     method.constData(), qPrintable(path), status);
                         std::fflush(stdout);
                     });

    trunkline::emulator::quitOnTerminationSignal(app);
    const int rc = QCoreApplication::exec();
    server.saveState();
    const auto counts = server.servedCounts();
    std::printf("counts requests=%lld 5xx=%lld 429=%lld dropped=%lld truncated=%lld delayed=%lld\n",
                static_cast<long long>(counts.requests), static_cast<long long>(counts.serverErrors),
                static_cast<long long>(counts.tooManyRequests), static_cast<long long>(counts.dropped),
                static_cast<long long>(counts.truncated), static_cast<long long>(counts.delayed));
    std::fflush(stdout);
    return rc;
}
