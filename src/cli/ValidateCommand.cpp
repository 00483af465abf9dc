#include "cli/ValidateCommand.h"

#include "cli/CliContext.h"
#include "cli/ExitCode.h"
#include "core/PhoneNumber.h"
#include "core/PortingRules.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

namespace {
// Parses into `parser`, with the --format option every validate command has; returns -1 to go on, else
// the exit code (usage error or --help done).
int parseArguments(CliContext& context, QCommandLineParser& parser, const QStringList& arguments,
                   const QString& name) {
    parser.addHelpOption();
    parser.addOption({u"format"_s, ValidateCommand::tr("text or json."), u"format"_s, u"text"_s});
    QString format; // read again where the output is written
    return context.parse(parser, arguments, u"validate "_s + name, &format);
}
} // namespace

int ValidateCommand::run(CliContext& context, const QStringList& arguments) {
    const QString what = arguments.value(1);
    if (context.printedSubcommandHelp(
            what, tr("Usage: trunkline-cli validate WHAT [options]\n"
                     "Checks input against the rules the console applies, without a database.\n"
                     "\n"
                     "  number TEXT    a phone number: its E.164 form, or the rule it breaks (--region)\n"
                     "  port-ranges    a German extended-number port: --route, --range, --activate\n"
                     "\n"
                     "trunkline-cli validate WHAT --help tells the options of each.")))
        return kExitOk;
    if (what == u"number"_s)
        return number(context, arguments.mid(1));
    if (what == u"port-ranges"_s)
        return portRanges(context, arguments.mid(1));
    return context.fail(kExitUsage, tr("validate: expected number or port-ranges, not “%1”.").arg(what));
}

std::optional<core::NumberRange> ValidateCommand::parseRange(const QString& text) {
    static const QRegularExpression shape(u"^\\s*(\\d{1,4})\\s*(?:[-–]\\s*(\\d{1,4}))?\\s*$"_s);
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    core::NumberRange range;
    range.startAt = match.captured(1).toInt();
    range.endAt = match.captured(2).isEmpty() ? range.startAt : match.captured(2).toInt();
    return range;
}

int ValidateCommand::number(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Checks a phone number and prints it in E.164."));
    parser.addPositionalArgument(u"text"_s, tr("The number as typed."));
    parser.addOption({u"region"_s, tr("Region for numbers without +/00 (ISO code)."), u"region"_s, u"DE"_s});
    if (const int exit = parseArguments(context, parser, arguments, u"number"_s); exit >= 0)
        return exit;
    if (parser.positionalArguments().size() != 1)
        return context.fail(kExitUsage,
                            tr("validate number: give exactly one number (quote it if it has spaces)."));
    const core::ParseOutcome outcome =
        core::PhoneNumber::parse(parser.positionalArguments().constFirst(), parser.value(u"region"_s));
    const bool json = parser.value(u"format"_s) == u"json"_s;
    if (!outcome.ok()) {
        if (json)
            context.out() << QJsonDocument(QJsonObject{{u"valid"_s, false}, {u"error"_s, outcome.error}})
                                 .toJson(QJsonDocument::Compact)
                          << Qt::endl;
        return context.fail(kExitValidationFailed, outcome.error);
    }
    const core::PhoneNumber& n = *outcome.number;
    if (json) {
        context.out() << QJsonDocument(QJsonObject{{u"valid"_s, true},
                                                   {u"e164"_s, n.e164()},
                                                   {u"international"_s, n.international()},
                                                   {u"national"_s, n.national()},
                                                   {u"region"_s, n.regionCode()},
                                                   {u"type"_s, core::displayName(n.type())}})
                             .toJson(QJsonDocument::Compact)
                      << Qt::endl;
    } else {
        context.out() << n.e164() << '\t' << n.international() << '\t' << n.regionCode() << '\t'
                      << core::displayName(n.type()) << Qt::endl;
    }
    return kExitOk;
}

int ValidateCommand::portRanges(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Checks a German extended-number block (route number, extension "
                                        "range, activation ranges) against the porting rules."));
    parser.addOption({u"route"_s, tr("The route number in E.164."), u"number"_s});
    parser.addOption({u"range"_s, tr("The extension range, e.g. 0-99."), u"from-to"_s});
    parser.addOption({u"activate"_s, tr("Activation ranges, e.g. 4-4,19-20."), u"ranges"_s});
    parser.addOption({u"status"_s, tr("The porting order's status."), u"status"_s, u"draft"_s});
    if (const int exit = parseArguments(context, parser, arguments, u"port-ranges"_s); exit >= 0)
        return exit;
    if (!parser.positionalArguments().isEmpty() || !parser.isSet(u"route"_s) || !parser.isSet(u"range"_s))
        return context.fail(kExitUsage, tr("validate port-ranges: --route and --range are required."));
    const std::optional<core::NumberRange> range = parseRange(parser.value(u"range"_s));
    if (!range)
        return context.fail(kExitUsage,
                            tr("--range: “%1” is not FROM-TO (digits).").arg(parser.value(u"range"_s)));
    QList<core::NumberRange> activation;
    if (!parser.value(u"activate"_s).isEmpty()) {
        for (const QString& part : parser.value(u"activate"_s).split(u',')) {
            const std::optional<core::NumberRange> item = parseRange(part);
            if (!item)
                return context.fail(kExitUsage, tr("--activate: “%1” is not FROM-TO (digits).").arg(part));
            activation << *item;
        }
    }
    const std::optional<core::PortingOrderStatus> status =
        core::fromWire<core::PortingOrderStatus>(parser.value(u"status"_s));
    if (!status)
        return context.fail(
            kExitUsage, tr("--status: “%1” is not a porting order status.").arg(parser.value(u"status"_s)));

    const QList<core::RuleViolation> violations =
        core::validateExtensionRanges(parser.value(u"route"_s), *status, *range, activation);
    if (parser.value(u"format"_s) == u"json"_s) {
        QJsonArray array;
        for (const core::RuleViolation& v : violations)
            array.append(QJsonObject{{u"field"_s, v.field}, {u"message"_s, v.message}});
        context.out() << QJsonDocument(
                             QJsonObject{{u"valid"_s, violations.isEmpty()}, {u"violations"_s, array}})
                             .toJson(QJsonDocument::Compact)
                      << Qt::endl;
    }
    for (const core::RuleViolation& v : violations)
        context.fail(kExitValidationFailed, tr("%1: %2").arg(v.field, v.message));
    if (!violations.isEmpty())
        return kExitValidationFailed;
    if (parser.value(u"format"_s) != u"json"_s)
        context.out() << tr("valid: %n number(s)", nullptr,
                            static_cast<int>(
                                core::expandExtensionRange(parser.value(u"route"_s), *range).size()))
                      << Qt::endl;
    return kExitOk;
}

} // namespace trunkline::cli
