#include "cli/SyncCommand.h"

#include "cli/CliContext.h"
#include "cli/ExitCode.h"
#include "cli/ProgressPrinter.h"
#include "connection/ConnectionFactory.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

namespace {
QJsonObject countsJson(const QMap<QString, int>& counts) {
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}
} // namespace

int SyncCommand::run(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Pulls every selected profile into the database, then pushes its "
                                        "pending changes."));
    parser.addHelpOption();
    parser.addOption({u"profile"_s, tr("Only this profile (name or id)."), u"profile"_s});
    parser.addOption({u"details"_s, tr("Also fetch every extension's forwarding list (one request per "
                                       "extension: slow on big accounts).")});
    parser.addOption({u"format"_s, tr("Summary format: text or json."), u"format"_s, u"text"_s});
    QString format;
    if (const int exit = context.parse(parser, arguments, u"sync"_s, &format); exit >= 0)
        return exit;
    if (!parser.positionalArguments().isEmpty())
        return context.fail(
            kExitUsage, tr("sync: unexpected argument “%1”.").arg(parser.positionalArguments().constFirst()));
    Request request;
    request.profile = parser.value(u"profile"_s);
    request.details = parser.isSet(u"details"_s);
    request.json = format == u"json"_s;
    return runSync(context, request);
}

int SyncCommand::runSync(CliContext& context, const Request& request) {
    QString error;
    const QList<store::Profile> profiles = context.profiles(request.profile, &error);
    if (!error.isEmpty())
        return context.fail(kExitFailure, error);
    if (profiles.isEmpty())
        return context.fail(kExitFailure,
                            tr("There is no profile to sync (see `trunkline-cli profiles add`)."));
    store::Database* db = context.database();
    int exit = kExitOk;
    QJsonArray summaries;
    for (const store::Profile& profile : profiles) {
        std::unique_ptr<connection::Connection> line = context.connect(profile, &error);
        if (!line) {
            context.fail(kExitFailure, error);
            exit = kExitFailure;
            continue;
        }
        sync::SyncEngine engine(*db);
        ProgressPrinter printer(context.err(), CliContext::stderrIsTerminal());
        QObject::connect(&engine, &sync::SyncEngine::progress, &engine,
                         [&printer](const sync::SyncProgress& progress) { printer.show(progress); });
        sync::SyncReport report;
        QEventLoop loop;
        QObject::connect(&engine, &sync::SyncEngine::finished, &loop, [&](const sync::SyncReport& finished) {
            report = finished;
            loop.quit();
        });
        sync::SyncEngine::Options options;
        options.pull = request.pull;
        options.details = request.details;
        options.onlyChangeId = request.onlyChangeId;
        engine.sync(profile, *line, options);
        loop.exec();
        printer.finish();
        for (const QString& message : std::as_const(report.errors))
            context.fail(kExitFailure, tr("%1: %2").arg(profile.name, message));
        // Another applier's changes are theirs to finish: said plainly, and no reason to fail.
        if (!request.json) {
            for (const QString& message : std::as_const(report.recovered))
                context.out() << tr("%1: %2").arg(profile.name, message) << Qt::endl;
            for (const QString& message : std::as_const(report.skipped))
                context.out() << tr("%1: %2").arg(profile.name, message) << Qt::endl;
        }
        // A change that failed earlier and waits for its retry is not done: said, and the run is partial.
        for (const QString& message : std::as_const(report.waiting))
            context.err() << tr("%1: %2").arg(profile.name, message) << Qt::endl;

        int code = kExitOk;
        if (!report.complete || !report.waiting.isEmpty())
            code = kExitPartialSync;
        else if (report.conflicts > 0)
            code = kExitConflicts;
        // The most serious outcome wins: failure > partial > conflicts > ok.
        const auto rank = [](int c) {
            return c == kExitFailure ? 3 : c == kExitPartialSync ? 2 : c == kExitConflicts ? 1 : 0;
        };
        if (rank(code) > rank(exit))
            exit = code;
        if (request.json) {
            summaries.append(QJsonObject{{u"profile"_s, profile.name},
                                         {u"complete"_s, report.complete},
                                         {u"cancelled"_s, report.cancelled},
                                         {u"pulled"_s, countsJson(report.pulled)},
                                         {u"removed"_s, countsJson(report.removed)},
                                         {u"applied"_s, report.applied},
                                         {u"failed"_s, report.failed},
                                         {u"conflicts"_s, report.conflicts},
                                         {u"skipped"_s, QJsonArray::fromStringList(report.skipped)},
                                         {u"recovered"_s, QJsonArray::fromStringList(report.recovered)},
                                         {u"waiting"_s, QJsonArray::fromStringList(report.waiting)},
                                         {u"errors"_s, QJsonArray::fromStringList(report.errors)}});
        } else {
            QStringList figures;
            for (auto it = report.pulled.cbegin(); it != report.pulled.cend(); ++it)
                figures << tr("%1 %2").arg(it.value()).arg(it.key());
            context.out() << tr("%1: %2; %3 changes applied, %4 failed, %5 conflicts; %6")
                                 .arg(profile.name, figures.join(u", "_s))
                                 .arg(report.applied)
                                 .arg(report.failed)
                                 .arg(report.conflicts)
                                 .arg(report.complete ? tr("complete") : tr("PARTIAL, run sync again"))
                          << Qt::endl;
        }
    }
    if (request.json)
        context.out() << QJsonDocument(summaries).toJson(QJsonDocument::Indented);
    return exit;
}

} // namespace trunkline::cli
