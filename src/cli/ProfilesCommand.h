#pragma once

#include "connection/ProviderSecret.h"

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

namespace trunkline::store {
struct Profile;
}

namespace trunkline::cli {

class CliContext;

// `profiles list|add|set-secret|remove`. Secrets are read from standard input (or a prompt that does not
// echo), never from the command line, where other users could read them in the process list.
class ProfilesCommand {
    Q_DECLARE_TR_FUNCTIONS(ProfilesCommand)

public:
    static int run(CliContext& context, const QStringList& arguments);

private:
    static int list(CliContext& context, const QStringList& arguments);
    static int add(CliContext& context, const QStringList& arguments);
    static int remove(CliContext& context, const QStringList& arguments);
    static int setSecret(CliContext& context, const QStringList& arguments);
    // Parses the arguments of a subcommand whose one positional argument names a profile, and finds that
    // profile. Returns -1 with *profile set to go on, else the exit code, the error printed (`notOne`
    // when not exactly one profile is named).
    static int parseProfile(CliContext& context, QCommandLineParser& parser, const QStringList& arguments,
                            const QString& command, const QString& notOne, store::Profile* profile);
    // The provider's secret fields, one line each (see readSecretLine).
    static connection::ProviderSecret readSecret(CliContext& context, const QString& provider);
    // One line from stdin, or from the terminal without echo after printing `prompt`.
    static QString readSecretLine(CliContext& context, const QString& prompt);
};

} // namespace trunkline::cli
