#include "cli/CliContext.h"

#include "cli/ExitCode.h"
#include "connection/ConnectionFactory.h"
#include "demo/DemoEmulator.h"
#include "secrets/KeychainSecretStore.h"
#include "store/Database.h"
#include "store/ProfileRepository.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QTimer>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

CliContext::CliContext(QString databaseLocation)
    : m_location(std::move(databaseLocation))
    , m_out(stdout)
    , m_err(stderr) {
}

CliContext::~CliContext() = default;

int CliContext::fail(int code, const QString& message) {
    m_err << "trunkline-cli: " << message << Qt::endl;
    return code;
}

int CliContext::parse(QCommandLineParser& parser, QStringList arguments, const QString& command) {
    arguments[0] = u"trunkline-cli "_s + command;
    if (!parser.parse(arguments))
        return fail(kExitUsage, parser.errorText());
    if (parser.isSet(u"help"_s)) {
        m_out << parser.helpText();
        return kExitOk;
    }
    return -1;
}

int CliContext::parse(QCommandLineParser& parser, QStringList arguments, const QString& command,
                      QString* format, const QStringList& formats) {
    if (const int exit = parse(parser, std::move(arguments), command); exit >= 0)
        return exit;
    *format = parser.value(u"format"_s);
    if (!formats.contains(*format))
        return fail(kExitUsage, tr("--format: must be %1, not “%2”.").arg(formats.join(u" or "), *format));
    return -1;
}

store::Database* CliContext::database() {
    if (!m_database) {
        QString error;
        m_database = store::Database::open(m_location, &error);
        if (!m_database)
            fail(1, error);
    }
    return m_database.get();
}

secrets::SecretStore& CliContext::secrets() {
    if (!m_secrets)
        m_secrets = std::make_unique<secrets::KeychainSecretStore>();
    return *m_secrets;
}

QList<store::Profile> CliContext::profiles(const QString& selector, QString* error) {
    store::Database* db = database();
    if (!db) {
        *error = tr("The database cannot be opened.");
        return {};
    }
    const QList<store::Profile> all = store::ProfileRepository(*db).list(error);
    if (selector.isEmpty())
        return all;
    bool isNumber = false;
    const qint64 id = selector.toLongLong(&isNumber);
    for (const store::Profile& profile : all) {
        if (profile.name == selector || (isNumber && profile.id == id))
            return {profile};
    }
    *error =
        tr("There is no profile named or numbered “%1” (see `trunkline-cli profiles list`).").arg(selector);
    return {};
}

std::unique_ptr<connection::Connection> CliContext::connect(const store::Profile& profile, QString* error) {
    if (!m_demo)
        m_demo = std::make_unique<demo::DemoEmulator>();
    connection::ConnectionFactory factory(secrets(), m_network, *m_demo);
    std::unique_ptr<connection::Connection> result;
    QEventLoop loop;
    bool done = false;
    factory.open(profile, [&](std::optional<connection::Connection> opened, const QString& message) {
        if (opened)
            result = std::make_unique<connection::Connection>(std::move(*opened));
        *error = message;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

bool CliContext::printedSubcommandHelp(const QString& subcommand, const QString& help) {
    if (subcommand != u"--help" && subcommand != u"-h")
        return false;
    m_out << help << Qt::endl;
    return true;
}

bool CliContext::stdinIsTerminal() {
    return ::isatty(STDIN_FILENO) == 1;
}

bool CliContext::stderrIsTerminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

} // namespace trunkline::cli
