// trunkline-bench-sync: one full RingCentral sync (account, extensions, numbers and, with --details, every
// extension's per-extension details) into a fresh SQLite file, against a running trunkline-emulator.
// The emulator's "ringcentral-admin client_id=… client_secret=… jwt=…" line is read from standard input
// (never from the command line). Prints one line of key=value figures; --urls-out writes the distinct
// pages (GET URLs) the sync fetched, one per line, for the curl floor and the SDK script.

#include "BenchAccount.h"
#include "connection/ConnectionFactory.h"
#include "connection/ProfileSecrets.h"
#include "connection/ProviderSecret.h"
#include "demo/DemoEmulator.h"
#include "net/ApiClient.h"
#include "secrets/MemorySecretStore.h"
#include "store/Database.h"
#include "store/ExtensionRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTemporaryFile>
#include <QTextStream>
#include <cstdio>
#include <sys/resource.h>

using namespace trunkline;
using namespace Qt::StringLiterals;

namespace {

double peakMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

int fail(const QString& message) {
    QTextStream(stderr) << "trunkline-bench-sync: " << message << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times one full Trunkline sync against trunkline-emulator."_s);
    parser.addHelpOption();
    parser.addOption({u"base-url"_s, u"The emulator's address."_s, u"URL"_s});
    parser.addOption({u"database"_s, u"SQLite file to sync into (created fresh)."_s, u"PATH"_s});
    parser.addOption({u"urls-out"_s, u"Write the pages fetched to FILE."_s, u"FILE"_s});
    parser.addOption({u"details"_s, u"Also fetch every extension's details (forwarding lists, ...)."_s});
    parser.addOption(
        {u"max-in-flight"_s, u"Requests in flight (0 = the client's default)."_s, u"N"_s, u"0"_s});
    parser.process(app);
    if (!parser.isSet(u"base-url"_s) || !parser.isSet(u"database"_s))
        return fail(u"--base-url and --database are required."_s);

    secrets::MemorySecretStore secrets; // the bench's own throwaway profile; the CLI uses the keychain
    bench::BenchAccount account;
    QString error;
    if (!account.create(parser.value(u"database"_s), parser.value(u"base-url"_s), secrets, &error))
        return fail(error);
    store::Database& database = *account.database;
    const store::Profile& profile = account.profile;

    QNetworkAccessManager network;
    demo::DemoEmulator demo;
    connection::ConnectionFactory factory(secrets, network, demo);
    sync::SyncEngine engine(database);
    std::unique_ptr<connection::Connection> line;
    sync::SyncReport report;
    QTemporaryFile sentGets;
    if (!sentGets.open())
        return fail(sentGets.errorString());
    QElapsedTimer timer;
    timer.start();
    const int maxInFlight = parser.value(u"max-in-flight"_s).toInt();
    sync::SyncEngine::Options options;
    options.details = parser.isSet(u"details"_s);

    QObject::connect(&engine, &sync::SyncEngine::finished, &app, [&](const sync::SyncReport& finished) {
        report = finished;
        app.quit();
    });
    factory.open(profile, [&](std::optional<connection::Connection> opened, const QString& message) {
        if (!opened) {
            error = message;
            app.quit();
            return;
        }
        line = std::make_unique<connection::Connection>(std::move(*opened));
        // Every GET, so that the floors and the SDK script fetch exactly these pages: written as it goes
        // (a list of 160,000 URLs in memory would weigh on the peak measured), retries dropped after.
        QObject::connect(line->client.get(), &net::ApiClient::attemptSent, &app,
                         [&sentGets](const QByteArray& method, const QUrl& url) {
                             if (method == "GET")
                                 sentGets.write(url.toEncoded() + '\n');
                         });
        if (maxInFlight > 0)
            line->client->setMaxInFlight(maxInFlight);
        engine.sync(profile, *line, options);
    });
    app.exec();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double peak = peakMegabytes(); // the sync's, before the list of pages below is read back
    if (!line)
        return fail(error);

    QList<QByteArray> fetchedUrls;
    QSet<QByteArray> seen;
    sentGets.seek(0);
    for (const QByteArray& url : sentGets.readAll().split('\n')) {
        if (!url.isEmpty() && !seen.contains(url)) {
            seen.insert(url);
            fetchedUrls.append(url);
        }
    }

    if (parser.isSet(u"urls-out"_s)) {
        QFile out(parser.value(u"urls-out"_s));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(out.errorString());
        for (const QByteArray& url : std::as_const(fetchedUrls))
            out.write(url + '\n');
    }
    QTextStream(stdout) << "seconds=" << QString::number(seconds, 'f', 2)
                        << " peak_mb=" << QString::number(peak, 'f', 0)
                        << " requests=" << line->client->requestsSent() << " pages=" << fetchedUrls.size()
                        << " lanes=" << line->client->laneCount() << " http_stack="
                        << (line->client->httpStack() == net::ApiClient::HttpStack::Qt ? "qt" : "curl")
                        << " http_429=" << line->client->rateLimitRejections()
                        << " complete=" << (report.complete ? 1 : 0)
                        << " extensions=" << store::ExtensionRepository(database).list(profile.id).size()
                        << " numbers=" << store::PhoneNumberRepository(database).list(profile.id).size()
                        << " details=" << report.pulled.value(u"forwarding lists"_s) << Qt::endl;
    for (const QString& problem : report.errors)
        QTextStream(stderr) << "trunkline-bench-sync: " << problem << Qt::endl;
    return report.complete ? 0 : 4;
}
