#include "cli/CommandLine.h"

#include "cli/CliContext.h"
#include "cli/ExitCode.h"
#include "cli/ExportCommand.h"
#include "cli/PendingCommand.h"
#include "cli/PortCommand.h"
#include "cli/ProfilesCommand.h"
#include "cli/RouteCommand.h"
#include "cli/StageCommand.h"
#include "cli/SyncCommand.h"
#include "cli/ValidateCommand.h"
#include "store/Database.h"

using namespace Qt::StringLiterals;

namespace trunkline::cli {

namespace {

// The commands by the name they are called with; each gets its own name and the arguments after it.
struct Command {
    QString name;
    int (*run)(CliContext& context, const QStringList& arguments);
};

const QList<Command>& commands() {
    static const QList<Command> all = {
        {u"profiles"_s, &ProfilesCommand::run},
        {u"sync"_s, &SyncCommand::run},
        {u"export"_s, &ExportCommand::run},
        {u"pending"_s, &PendingCommand::run},
        {u"port"_s, &PortCommand::run},
        {u"route"_s, &RouteCommand::run},
        {u"validate"_s, &ValidateCommand::run},
        {u"stage"_s, &StageCommand::run},
        // `audit [--since …] [--until …]` is `export audit` under the name an admin looks for.
        {u"audit"_s,
         [](CliContext& context, const QStringList& arguments) {
             return ExportCommand::run(context, QStringList{u"export"_s, u"audit"_s} + arguments.mid(1));
         }},
    };
    return all;
}

} // namespace

QString CommandLine::helpText() {
    return tr("Usage: trunkline-cli [--database PATH_OR_URL] COMMAND [options]\n"
              "\n"
              "Commands:\n"
              "  profiles list|add|set-secret|remove\n"
              "                             provider profiles (secrets from standard input, never "
              "arguments)\n"
              "  sync [--profile P] [--details]\n"
              "                             pull from the provider, then push pending changes\n"
              "  export numbers|extensions|forwarding|call-flip|port-orders|routes|audit|pending\n"
              "         [--format csv|json] [--excel] [-o FILE] [--filter EXPR]\n"
              "  audit [--since TIME] [--until TIME] [--profile P] [--format csv|json] [--filter EXPR]\n"
              "                             the audit log (the same as export audit)\n"
              "  stage update|create|delete extension|forwarding|number KEY [ID] --set FIELD=VALUE...\n"
              "                             stage an edit from a script (see stage --help)\n"
              "  pending list|show|apply|discard [ID] [--all]\n"
              "  port --dry-run --route +49... --range 0-99 (--activate 4-4,19-20 | --activate-numbers "
              "FILE)\n"
              "                             plan a German extended-number port: every number, active or not\n"
              "  port --profile P --route ... --range ... --activate ... --end-user ... --loa FILE ...\n"
              "       [--submit]\n"
              "                             place the order (see port --help)\n"
              "  port list|show|delete-extension|delete [ID] [BLOCK]\n"
              "                             the port orders in the database, and what can go from them\n"
              "  route (--profile P | --entries FILE) [--lint] [--format json] -- DIALED...\n"
              "                             which Restcomm number or regex route a dialed number reaches\n"
              "  validate number TEXT [--region DE]\n"
              "  validate port-ranges --route +49... --range 0-99 --activate 4-4,19-20 [--status draft]\n"
              "Every command takes --help; commands that print records take --format json.\n"
              "\n"
              "Options:\n"
              "  --database PATH_OR_URL     SQLite file or postgresql:// URL (default: %1)\n"
              "  -h, --help                 this text\n"
              "  -v, --version              the version\n"
              "\n"
              "Exit codes:\n"
              "  0  done\n"
              "  1  failure (database, keychain, network, the provider refused)\n"
              "  2  usage error (wrong command line)\n"
              "  3  validation failed (validate, stage: the input breaks a rule; each rule on stderr)\n"
              "  4  partial sync (a list was incomplete or a change failed; run sync again)\n"
              "  5  conflicts (changes edited at the provider too; see pending list)\n"
              "Errors go to standard error, results to standard output.\n")
        .arg(store::Database::defaultSqlitePath());
}

int CommandLine::run(const QStringList& arguments) {
    QString database = store::Database::defaultSqlitePath();
    QStringList rest{arguments.value(0, u"trunkline-cli"_s)};
    bool help = false;
    bool version = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == u"--database"_s) {
            if (i + 1 >= arguments.size()) {
                CliContext context(database);
                return context.fail(kExitUsage, tr("--database: a path or URL is missing."));
            }
            database = arguments.at(++i);
        } else if (argument.startsWith(u"--database="_s)) {
            database = argument.mid(11);
        } else if (rest.size() == 1 && (argument == u"--help"_s || argument == u"-h"_s)) {
            help = true;
        } else if (rest.size() == 1 && (argument == u"--version"_s || argument == u"-v"_s)) {
            version = true;
        } else {
            rest << argument;
        }
    }
    CliContext context(database);
    if (const QString problem = store::Database::commandLinePasswordProblem(database); !problem.isEmpty())
        return context.fail(kExitUsage, u"--database: "_s + problem);
    if (version) {
        context.out() << "trunkline-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return kExitOk;
    }
    if (help || rest.size() == 1) {
        if (help) {
            context.out() << helpText();
            return kExitOk;
        }
        context.err() << helpText();
        return kExitUsage;
    }
    const QString command = rest.at(1);
    for (const Command& known : commands()) {
        if (known.name == command)
            return known.run(context, rest.mid(1));
    }
    return context.fail(kExitUsage, tr("Unknown command “%1”; see trunkline-cli --help.").arg(command));
}

} // namespace trunkline::cli
