#pragma once

#include "store/Profile.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <memory>
#include <optional>

class QCommandLineParser;

namespace trunkline::connection {
struct Connection;
} // namespace trunkline::connection
namespace trunkline::demo {
class DemoEmulator;
}
namespace trunkline::secrets {
class SecretStore;
}
namespace trunkline::store {
class Database;
}

namespace trunkline::cli {

// What every command shares: the database the user chose, the keychain, the way to reach a profile's
// provider, and the two output streams (results on stdout, errors and progress on stderr).
class CliContext {
    Q_DECLARE_TR_FUNCTIONS(CliContext)

public:
    explicit CliContext(QString databaseLocation);
    ~CliContext();

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    // Prints "trunkline-cli: <message>" on stderr and returns `code`.
    int fail(int code, const QString& message);
    // Parses a command's `arguments` ([0] is replaced by "trunkline-cli <command>" for the messages) with
    // `parser`, which has the help option. Returns -1 to go on, else the exit code: the usage error or
    // the help has been printed.
    int parse(QCommandLineParser& parser, QStringList arguments, const QString& command);
    // The same for a command with a --format option: the option's value must also be one of `formats`
    // (else the usage error is printed) and is returned in *format.
    int parse(QCommandLineParser& parser, QStringList arguments, const QString& command, QString* format,
              const QStringList& formats = {QStringLiteral("text"), QStringLiteral("json")});

    // Opens (and migrates) the database on first use; nullptr after printing why not.
    store::Database* database();
    secrets::SecretStore& secrets();

    // A profile by id or by exact name; an empty selector means every profile.
    QList<store::Profile> profiles(const QString& selector, QString* error);

    // Connects to the profile's provider (waits in a local event loop).
    std::unique_ptr<connection::Connection> connect(const store::Profile& profile, QString* error);

    // For a command with sub-commands (`profiles list|add…`, `validate number|port-ranges`): when the
    // sub-command is --help or -h, prints `help` (what each sub-command does) and returns true.
    bool printedSubcommandHelp(const QString& subcommand, const QString& help);

    static bool stdinIsTerminal();
    static bool stderrIsTerminal();

private:
    QString m_location;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<secrets::SecretStore> m_secrets;
    std::unique_ptr<demo::DemoEmulator> m_demo;
    QNetworkAccessManager m_network;
};

} // namespace trunkline::cli
