#include "cli/ProfilesCommand.h"

#include "cli/CliContext.h"
#include "cli/ExitCode.h"
#include "connection/DemoProfiles.h"
#include "connection/ProfileService.h"
#include "providers/ProviderRegistry.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

int ProfilesCommand::run(CliContext& context, const QStringList& arguments) {
    const QString action = arguments.value(1);
    if (context.printedSubcommandHelp(
            action,
            tr("Usage: trunkline-cli profiles ACTION [options]\n"
               "Provider profiles: the accounts Trunkline works on. Secrets go to the keychain and are\n"
               "read from standard input, never from arguments.\n"
               "\n"
               "  list        the profiles (--format text|json)\n"
               "  add         a profile: --name, --provider, --base-url, --account (or --demo)\n"
               "  set-secret  replace the secret of profile NAME_OR_ID\n"
               "  remove      profile NAME_OR_ID with its local data and its keychain entry\n"
               "\n"
               "trunkline-cli profiles ACTION --help tells the options of each.")))
        return kExitOk;
    const QStringList rest = arguments.mid(1); // [0], the action, is the program name for the parser
    if (action == u"list"_s)
        return list(context, rest);
    if (action == u"add"_s)
        return add(context, rest);
    if (action == u"remove"_s)
        return remove(context, rest);
    if (action == u"set-secret"_s)
        return setSecret(context, rest);
    return context.fail(kExitUsage,
                        tr("profiles: expected list, add, set-secret or remove, not “%1”.").arg(action));
}

int ProfilesCommand::list(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.addOption({u"format"_s, tr("Output format: text or json."), u"format"_s, u"text"_s});
    parser.addHelpOption();
    QString format;
    if (const int exit = context.parse(parser, arguments, u"profiles list"_s, &format); exit >= 0)
        return exit;
    QString error;
    const QList<store::Profile> profiles = context.profiles({}, &error);
    if (!error.isEmpty())
        return context.fail(kExitFailure, error);
    if (format == u"json"_s) {
        QJsonArray array;
        for (const store::Profile& p : profiles)
            array.append(QJsonObject{{u"id"_s, p.id},
                                     {u"name"_s, p.name},
                                     {u"provider"_s, p.provider},
                                     {u"baseUrl"_s, p.baseUrl},
                                     {u"accountId"_s, p.accountId}});
        context.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    for (const store::Profile& p : profiles)
        context.out() << p.id << '\t' << p.name << '\t' << p.provider << '\t' << p.baseUrl << Qt::endl;
    return kExitOk;
}

int ProfilesCommand::add(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Adds a provider profile. The secret is read from standard input (or asked for without echo on "
           "a terminal): RingCentral wants three lines (client id, client secret, JWT credential), Telnyx "
           "the API key, Restcomm the auth token. --demo adds a profile served by the built-in emulator, "
           "which needs no secret."));
    parser.addOption({u"name"_s, tr("Profile name."), u"name"_s});
    parser.addOption({u"provider"_s, tr("ringcentral, telnyx or restcomm."), u"provider"_s});
    parser.addOption(
        {u"base-url"_s, tr("The provider's API address (https, or http on 127.0.0.1)."), u"url"_s});
    parser.addOption({u"account"_s, tr("Account id (Restcomm Account SID)."), u"id"_s});
    parser.addOption({u"demo"_s, tr("Use the built-in emulator instead of a real provider.")});
    parser.addHelpOption();
    if (const int exit = context.parse(parser, arguments, u"profiles add"_s); exit >= 0)
        return exit;
    if (!parser.positionalArguments().isEmpty())
        return context.fail(kExitUsage, tr("profiles add: the secret is never taken from the command line; "
                                           "pipe it to standard input."));
    store::Profile profile;
    profile.name = parser.value(u"name"_s);
    profile.provider = parser.value(u"provider"_s);
    profile.accountId = parser.value(u"account"_s);
    profile.baseUrl =
        parser.isSet(u"demo"_s) ? connection::DemoProfiles::kDemoBaseUrl : parser.value(u"base-url"_s);
    if (const QString invalid = connection::ProfileService::validate(profile); !invalid.isEmpty())
        return context.fail(kExitUsage, invalid);

    const connection::ProviderSecret secret =
        parser.isSet(u"demo"_s) ? connection::ProviderSecret{} : readSecret(context, profile.provider);
    store::Database* db = context.database();
    if (!db)
        return kExitFailure;
    connection::ProfileService service(*db, context.secrets());
    QString error;
    if (!service.add(profile, secret, &error))
        return context.fail(kExitFailure, error);
    context.out() << profile.id << Qt::endl;
    return kExitOk;
}

int ProfilesCommand::remove(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    store::Profile profile;
    if (const int exit = parseProfile(context, parser, arguments, u"profiles remove"_s,
                                      tr("profiles remove: name exactly one profile."), &profile);
        exit >= 0)
        return exit;
    connection::ProfileService service(*context.database(), context.secrets());
    QString error;
    if (!service.remove(profile.id, &error))
        return context.fail(kExitFailure, error);
    return kExitOk;
}

int ProfilesCommand::setSecret(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Stores a new secret for a profile, bound to its current base URL and account: needed after "
           "the profile's address was changed, since Trunkline never sends a secret to another host. The "
           "secret is read from standard input (or asked for without echo on a terminal), as for add."));
    store::Profile profile;
    if (const int exit = parseProfile(context, parser, arguments, u"profiles set-secret"_s,
                                      tr("profiles set-secret: name exactly one profile; the secret is "
                                         "never taken from the command line."),
                                      &profile);
        exit >= 0)
        return exit;
    if (connection::DemoProfiles::isDemo(profile))
        return context.fail(
            kExitUsage, tr("profiles set-secret: the demo profile %1 needs no secret.").arg(profile.name));
    if (!providers::findProvider(profile.provider))
        return context.fail(kExitFailure,
                            tr("Profile %1: unknown provider “%2”.").arg(profile.name, profile.provider));
    const connection::ProviderSecret secret = readSecret(context, profile.provider);
    connection::ProfileService service(*context.database(), context.secrets());
    QString error;
    if (!service.update(profile, secret, &error))
        return context.fail(kExitFailure, error);
    return kExitOk;
}

int ProfilesCommand::parseProfile(CliContext& context, QCommandLineParser& parser,
                                  const QStringList& arguments, const QString& command, const QString& notOne,
                                  store::Profile* profile) {
    parser.addPositionalArgument(u"profile"_s, tr("Profile name or id."));
    parser.addHelpOption();
    if (const int exit = context.parse(parser, arguments, command); exit >= 0)
        return exit;
    if (parser.positionalArguments().size() != 1)
        return context.fail(kExitUsage, notOne);
    QString error;
    const QList<store::Profile> found = context.profiles(parser.positionalArguments().constFirst(), &error);
    if (found.isEmpty())
        return context.fail(kExitFailure, error);
    *profile = found.constFirst();
    return -1;
}

connection::ProviderSecret ProfilesCommand::readSecret(CliContext& context, const QString& provider) {
    connection::ProviderSecret secret;
    // Callers checked that the provider has a row.
    for (const providers::SecretField& field : providers::findProvider(provider)->secretFields) {
        const QByteArray value =
            readSecretLine(context, QCoreApplication::translate("ProfilesCommand", field.prompt)).toUtf8();
        switch (field.slot) {
        case providers::SecretSlot::ClientId:
            secret.clientId = value;
            break;
        case providers::SecretSlot::ClientSecret:
            secret.clientSecret = value;
            break;
        case providers::SecretSlot::Token:
            secret.token = value;
            break;
        }
    }
    return secret;
}

QString ProfilesCommand::readSecretLine(CliContext& context, const QString& prompt) {
    const bool terminal = CliContext::stdinIsTerminal();
    termios saved{};
    if (terminal) {
        context.err() << prompt << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    // C stdio, so that consecutive calls share one buffer and no line is swallowed by a read-ahead.
    QByteArray bytes;
    char chunk[512];
    while (std::fgets(chunk, sizeof chunk, stdin)) {
        bytes += chunk;
        if (bytes.endsWith('\n'))
            break;
    }
    const QString line = QString::fromUtf8(bytes).trimmed();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        context.err() << Qt::endl;
    }
    return line;
}

} // namespace trunkline::cli
