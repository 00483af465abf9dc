#include "cli/RouteCommand.h"

#include "cli/CliContext.h"
#include "cli/ExitCode.h"
#include "core/RouteExplanation.h"
#include "core/WireTable.h"
#include "store/PhoneNumberRepository.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

namespace {

// How the JSON and text output spell a match kind and a finding's severity.
using core::detail::WireEntry;

constexpr std::array<WireEntry<core::RouteMatch::Kind>, 3> kKindTexts{{
    {core::RouteMatch::Kind::Exact, u"exact"},
    {core::RouteMatch::Kind::Regex, u"regex"},
    {core::RouteMatch::Kind::None, u"none"},
}};

constexpr std::array<WireEntry<core::RouteFinding::Severity>, 3> kSeverityTexts{{
    {core::RouteFinding::Severity::Error, u"error"},
    {core::RouteFinding::Severity::Warning, u"warning"},
    {core::RouteFinding::Severity::Info, u"info"},
}};

QString kindText(core::RouteMatch::Kind kind) {
    return core::detail::wireOf(kKindTexts, kind);
}

QString severityText(core::RouteFinding::Severity severity) {
    return core::detail::wireOf(kSeverityTexts, severity);
}

} // namespace

QJsonObject RouteCommand::resultJson(const QString& dialed, const QList<core::RouteEntry>& entries,
                                     const core::RouteMatch& match) {
    QJsonArray candidates;
    for (const core::RouteCandidate& candidate : core::RouteExplanation::candidates(match, dialed)) {
        candidates.append(QJsonObject{{u"entry"_s, entries.at(candidate.entryIndex).phoneNumber},
                                      {u"kind"_s, kindText(candidate.kind)},
                                      {u"matched"_s, candidate.matchedCandidate.isEmpty()
                                                         ? QJsonValue()
                                                         : QJsonValue(candidate.matchedCandidate)},
                                      {u"won"_s, candidate.won},
                                      {u"reason"_s, candidate.reason}});
    }
    return QJsonObject{
        {u"dialed"_s, dialed},
        {u"winner"_s, match.found() ? QJsonValue(entries.at(match.entryIndex).phoneNumber) : QJsonValue()},
        {u"kind"_s, kindText(match.kind)},
        {u"tried"_s, QJsonArray::fromStringList(match.candidates)},
        {u"candidates"_s, candidates}};
}

QJsonObject RouteCommand::findingJson(const QList<core::RouteEntry>& entries,
                                      const core::RouteFinding& finding) {
    return QJsonObject{{u"severity"_s, severityText(finding.severity)},
                       {u"entry"_s, finding.entryIndex >= 0
                                        ? QJsonValue(entries.at(finding.entryIndex).phoneNumber)
                                        : QJsonValue()},
                       {u"position"_s, finding.position >= 0 ? QJsonValue(finding.position) : QJsonValue()},
                       {u"message"_s, finding.message}};
}

QList<core::RouteEntry> RouteCommand::entriesFromFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = tr("--entries: cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    QList<core::RouteEntry> entries;
    for (const QString& line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const QString entry = line.trimmed();
        if (!entry.isEmpty())
            entries.append({entry, kOrganization, true, QString::number(entries.size() + 1)});
    }
    if (entries.isEmpty())
        *error = tr("--entries: %1 holds no number or pattern.").arg(path);
    return entries;
}

QList<core::RouteEntry> RouteCommand::entriesOfProfile(CliContext& context, const QString& selector,
                                                       QString* error) {
    const QList<store::Profile> profiles = context.profiles(selector, error);
    if (profiles.isEmpty())
        return {};
    if (profiles.size() != 1 || profiles.first().provider != core::kProviderRestcomm) {
        *error = tr("--profile: route needs one Restcomm profile.");
        return {};
    }
    store::Database* database = context.database();
    if (!database) {
        *error = tr("the database could not be opened");
        return {};
    }
    const QList<core::RouteEntry> entries = core::RouteExplanation::entriesOf(
        store::PhoneNumberRepository(*database).list(profiles.first().id, {}, error), kOrganization);
    if (entries.isEmpty() && error->isEmpty())
        *error = tr("--profile: %1 has no numbers; sync it first.").arg(profiles.first().name);
    return entries;
}

int RouteCommand::run(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Shows which Restcomm number or regex route a dialed number reaches, and why; with --lint, what is "
        "wrong with the routes. Give the routes of a profile (from its last sync) or a file with one stored "
        "number or pattern per line, tested as pure SIP numbers of one organisation."));
    parser.addHelpOption();
    parser.addOption({u"profile"_s, tr("A Restcomm profile (name or id)."), u"profile"_s});
    parser.addOption({u"entries"_s, tr("A file of stored numbers and patterns, one per line."), u"file"_s});
    parser.addOption({u"lint"_s, tr("Print the linter's findings instead; exit 3 on an error-level one.")});
    parser.addOption({u"format"_s, tr("text or json."), u"format"_s, u"text"_s});
    parser.addPositionalArgument(u"dialed"_s, tr("Dialed numbers (after --)."), u"-- DIALED…"_s);
    QString format;
    if (const int exit = context.parse(parser, arguments, u"route"_s, &format); exit >= 0)
        return exit;
    if (parser.isSet(u"profile"_s) == parser.isSet(u"entries"_s))
        return context.fail(kExitUsage, tr("route: give either --profile or --entries."));
    const bool lint = parser.isSet(u"lint"_s);
    if (!lint && parser.positionalArguments().isEmpty())
        return context.fail(kExitUsage, tr("route: give the dialed numbers after --, or --lint."));

    QString error;
    const QList<core::RouteEntry> entries =
        parser.isSet(u"entries"_s) ? entriesFromFile(parser.value(u"entries"_s), &error)
                                   : entriesOfProfile(context, parser.value(u"profile"_s), &error);
    if (entries.isEmpty())
        return context.fail(kExitFailure, error);
    const bool json = format == u"json"_s;

    if (lint) {
        const QList<core::RouteFinding> findings = core::RouteLinter::lint(entries);
        QJsonArray array;
        for (const core::RouteFinding& finding : findings) {
            array.append(findingJson(entries, finding));
            if (!json)
                context.out() << severityText(finding.severity) << ": " << finding.message << Qt::endl;
        }
        if (json)
            context.out() << QJsonDocument(QJsonObject{{u"findings"_s, array}}).toJson(QJsonDocument::Compact)
                          << Qt::endl;
        return core::RouteLinter::hasErrors(findings) ? kExitValidationFailed : kExitOk;
    }

    QJsonArray results;
    for (const QString& dialed : parser.positionalArguments()) {
        const core::RouteMatch match = core::RouteMatcher::match(dialed, entries, {}, kOrganization);
        const QJsonObject result = resultJson(dialed, entries, match);
        results.append(result);
        if (json)
            continue;
        context.out() << dialed << " -> "
                      << (match.found() ? entries.at(match.entryIndex).phoneNumber : tr("no number or route"))
                      << " (" << kindText(match.kind) << ")" << Qt::endl;
        for (const QJsonValue& candidate : result.value(u"candidates"_s).toArray()) {
            const QJsonObject c = candidate.toObject();
            context.out() << "  " << (c.value(u"won"_s).toBool() ? "* " : "  ")
                          << c.value(u"entry"_s).toString() << ": " << c.value(u"reason"_s).toString()
                          << Qt::endl;
        }
        if (!match.regexError.isEmpty())
            context.out() << "  " << tr("pattern error: %1").arg(match.regexError) << Qt::endl;
    }
    if (json)
        context.out() << QJsonDocument(QJsonObject{{u"results"_s, results}}).toJson(QJsonDocument::Compact)
                      << Qt::endl;
    return kExitOk;
}

} // namespace trunkline::cli
