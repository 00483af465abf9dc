#include "cli/PortCommand.h"

#include "cli/CliContext.h"
#include "cli/ExitCode.h"
#include "cli/ValidateCommand.h"
#include "core/PortingRules.h"
#include "core/WantedNumbers.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

namespace {

QJsonObject rangeJson(const core::NumberRange& range) {
    return QJsonObject{{u"start_at"_s, range.startAt}, {u"end_at"_s, range.endAt}};
}

} // namespace

QJsonObject PortCommand::planJson(const QString& route, const core::NumberRange& range,
                                  const QList<core::NumberRange>& activation) {
    QJsonArray ranges;
    for (const core::NumberRange& active : activation)
        ranges.append(rangeJson(active));
    QJsonArray numbers;
    const QStringList all = core::expandExtensionRange(route, range);
    for (qsizetype i = 0; i < all.size(); ++i) {
        const int extension = range.startAt + static_cast<int>(i);
        const bool active =
            std::any_of(activation.cbegin(), activation.cend(),
                        [extension](const core::NumberRange& r) { return r.contains(extension); });
        numbers.append(QJsonObject{{u"number"_s, all.at(i)}, {u"active"_s, active}});
    }
    return QJsonObject{{u"route_number"_s, route},
                       {u"range"_s, rangeJson(range)},
                       {u"activation_ranges"_s, ranges},
                       {u"numbers"_s, numbers}};
}

int PortCommand::run(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Plans the port of a German main line with its extension block: checks the route number, the "
           "extension range and the activation ranges against the porting rules, and prints every number "
           "that will port with whether it will be active. --activate-numbers takes a file with one wanted "
           "number per line (+49 201 23456 7804, 0049…, 0201…) and derives the fewest activation ranges."));
    parser.addHelpOption();
    parser.addOption({u"dry-run"_s, tr("Only check and print the plan (needs no profile).")});
    parser.addOption({u"route"_s, tr("The route number (main line) in E.164."), u"number"_s});
    parser.addOption({u"range"_s, tr("The extension range, e.g. 0-99."), u"from-to"_s});
    parser.addOption({u"activate"_s, tr("Activation ranges, e.g. 4-4,19-20."), u"ranges"_s});
    parser.addOption({u"activate-numbers"_s, tr("A file of wanted full numbers, one per line."), u"file"_s});
    parser.addOption({u"format"_s, tr("text or json."), u"format"_s, u"text"_s});
    if (const int exit = context.parse(parser, arguments, u"port"_s); exit >= 0)
        return exit;
    const QString format = parser.value(u"format"_s);
    if (format != u"text"_s && format != u"json"_s)
        return context.fail(kExitUsage, tr("--format: must be text or json, not “%1”.").arg(format));
    if (!parser.isSet(u"dry-run"_s))
        return context.fail(kExitUsage,
                            tr("port: only --dry-run is available in this version; port orders "
                               "are placed from the Telnyx portal until the porting wizard lands."));
    if (!parser.isSet(u"route"_s) || !parser.isSet(u"range"_s))
        return context.fail(kExitUsage, tr("port: --route and --range are required."));
    if (parser.isSet(u"activate"_s) == parser.isSet(u"activate-numbers"_s))
        return context.fail(kExitUsage, tr("port: give either --activate or --activate-numbers."));

    const QString route = parser.value(u"route"_s);
    const std::optional<core::NumberRange> range = ValidateCommand::parseRange(parser.value(u"range"_s));
    if (!range)
        return context.fail(kExitUsage,
                            tr("--range: “%1” is not FROM-TO (digits).").arg(parser.value(u"range"_s)));

    QList<core::NumberRange> activation;
    QList<core::RuleViolation> violations;
    if (parser.isSet(u"activate"_s)) {
        for (const QString& part : parser.value(u"activate"_s).split(u',')) {
            const std::optional<core::NumberRange> item = ValidateCommand::parseRange(part);
            if (!item)
                return context.fail(kExitUsage, tr("--activate: “%1” is not FROM-TO (digits).").arg(part));
            activation << *item;
        }
    } else {
        QFile file(parser.value(u"activate-numbers"_s));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return context.fail(
                kExitFailure,
                tr("--activate-numbers: cannot read %1: %2").arg(file.fileName(), file.errorString()));
        const core::WantedNumbers::Plan plan =
            core::WantedNumbers::plan(route, *range, QString::fromUtf8(file.readAll()).split(u'\n'));
        violations += plan.problems;
        activation = plan.activationRanges;
    }
    violations += core::validateExtensionRanges(route, core::PortingOrderStatus::Draft, *range, activation);
    if (!violations.isEmpty()) {
        for (const core::RuleViolation& v : std::as_const(violations))
            context.fail(kExitValidationFailed, tr("%1: %2").arg(v.field, v.message));
        return kExitValidationFailed;
    }

    const QJsonObject plan = planJson(route, *range, activation);
    if (format == u"json"_s) {
        context.out() << QJsonDocument(plan).toJson(QJsonDocument::Compact) << Qt::endl;
        return kExitOk;
    }
    QStringList ranges;
    for (const core::NumberRange& r : std::as_const(activation))
        ranges << u"%1-%2"_s.arg(r.startAt).arg(r.endAt);
    context.out() << tr("route number %1, extension range %2-%3, activation ranges %4")
                         .arg(route)
                         .arg(range->startAt)
                         .arg(range->endAt)
                         .arg(ranges.join(u", "_s))
                  << Qt::endl;
    int active = 0;
    for (const QJsonValue& value : plan.value(u"numbers"_s).toArray()) {
        const QJsonObject number = value.toObject();
        const bool on = number.value(u"active"_s).toBool();
        active += on ? 1 : 0;
        context.out() << number.value(u"number"_s).toString() << '\t' << (on ? tr("active") : tr("inactive"))
                      << Qt::endl;
    }
    context.out() << tr("%1 numbers port, %2 active, %3 inactive")
                         .arg(range->size())
                         .arg(active)
                         .arg(range->size() - active)
                  << Qt::endl;
    return kExitOk;
}

} // namespace trunkline::cli
