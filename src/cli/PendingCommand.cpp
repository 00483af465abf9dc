#include "cli/PendingCommand.h"

#include "changes/ChangeDescription.h"
#include "changes/ChangeStager.h"
#include "cli/CliContext.h"
#include "cli/ExitCode.h"
#include "cli/SyncCommand.h"
#include "core/Csv.h"
#include "store/Database.h"
#include "store/FourEyesPolicy.h"
#include "store/PendingChangeRepository.h"
#include "store/ProfileRepository.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

QJsonObject PendingCommand::toJson(const store::PendingChange& change, const QString& profileName) {
    return QJsonObject{{u"id"_s, change.id},
                       {u"profile"_s, profileName},
                       {u"entity"_s, change.entity},
                       {u"entityKey"_s, change.entityKey},
                       {u"operation"_s, store::toText(change.operation)},
                       {u"state"_s, store::toText(change.state)},
                       {u"attempts"_s, change.attempts},
                       {u"lastError"_s, change.lastError},
                       {u"payload"_s, change.payload},
                       {u"baseValues"_s, change.baseValues},
                       // After apply: what the provider held of the touched members when read back.
                       {u"readBack"_s, change.readBack},
                       {u"updatedAt"_s, change.updatedAt.toUTC().toString(Qt::ISODate)},
                       // Who staged it and, with four-eyes, who approved this revision ("" = not yet).
                       {u"author"_s, change.author},
                       {u"approvedBy"_s, change.approvedBy},
                       {u"approvedAt"_s, change.approvedAt.isValid()
                                             ? QJsonValue(change.approvedAt.toUTC().toString(Qt::ISODate))
                                             : QJsonValue()}};
}

QString PendingCommand::describe(store::Database& database, const store::PendingChange& change,
                                 const QString& profileName) {
    // The same words as the Pending changes page: its fields by their form labels, before → after.
    QString out =
        tr("Change %1 · %2 · %3\n").arg(QString::number(change.id), profileName, store::toText(change.state));
    out += changes::ChangeDescriber(database).describe(change).text();
    if (!change.author.isEmpty())
        out += tr("Staged by: %1\n").arg(change.author);
    if (!change.approvedBy.isEmpty())
        out += tr("Approved by: %1 at %2\n")
                   .arg(change.approvedBy, change.approvedAt.toUTC().toString(Qt::ISODate));
    if (change.attempts > 0 || !change.lastError.isEmpty())
        out += tr("Attempts: %1. %2\n").arg(change.attempts).arg(change.lastError);
    return out;
}

int PendingCommand::resolve(CliContext& context, store::Database& database, qint64 id, bool keepMine) {
    changes::ChangeStager& stager = changes::ChangeStager::of(database);
    QString error;
    const std::optional<changes::ConflictMerge> merge = stager.conflictMerge(id, &error);
    if (!merge)
        return context.fail(kExitFailure, error);
    const changes::StagingResult resolved =
        stager.resolveConflict(*merge, keepMine ? merge->keepMine() : merge->takeTheirs());
    if (!resolved.ok())
        return context.fail(kExitFailure, resolved.error);
    const bool dropped = !resolved.steps.isEmpty() && resolved.steps.constFirst().isDropped();
    context.out() << (dropped ? tr("Change %1 is dropped: the provider's values stay.\n").arg(id)
                              : tr("Change %1 is staged again on the provider's current record; "
                                   "`pending apply %1` sends it.\n")
                                    .arg(id));
    return kExitOk;
}

int PendingCommand::run(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Lists, shows (each field before → after), approves, applies, discards or resolves staged changes, "
        "and switches four-eyes approval on a team database."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"action"_s,
                                 tr("list, show, approve, apply, discard, resolve or four-eyes"));
    parser.addPositionalArgument(u"id"_s,
                                 tr("A change id (required by show, approve, discard and resolve; apply "
                                    "without it applies every due change); four-eyes takes on or off, or "
                                    "nothing to show the setting."),
                                 u"[ID|on|off]"_s);
    parser.addOption({u"profile"_s, tr("Only this profile (name or id)."), u"profile"_s});
    parser.addOption({u"format"_s,
                      tr("text or json; list also takes csv: one row per field of a change, in the columns "
                         "of the Pending changes page's Export CSV."),
                      u"format"_s, u"text"_s});
    parser.addOption({u"all"_s, tr("list: also the applied changes.")});
    parser.addOption(
        {u"keep-mine"_s, tr("resolve: keep your values of a conflict (the provider's where only "
                            "it changed a field) and stage the change again on its current record.")});
    parser.addOption({u"take-theirs"_s, tr("resolve: keep the provider's values of a conflict; the change is "
                                           "dropped.")});
    QString format;
    if (const int exit =
            context.parse(parser, arguments, u"pending"_s, &format, {u"text"_s, u"json"_s, u"csv"_s});
        exit >= 0)
        return exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (format == u"csv"_s && action != u"list"_s)
        return context.fail(kExitUsage, tr("--format csv: only pending list writes CSV."));
    if (action == u"four-eyes"_s)
        return fourEyes(context, positional.mid(1));
    std::optional<qint64> id;
    if (positional.size() == 2) {
        bool ok = false;
        id = positional.at(1).toLongLong(&ok);
        if (!ok || *id <= 0)
            return context.fail(kExitUsage, tr("pending: “%1” is not a change id.").arg(positional.at(1)));
    }
    const QStringList actions{u"list"_s, u"show"_s, u"approve"_s, u"apply"_s, u"discard"_s, u"resolve"_s};
    const bool resolveSideGiven = parser.isSet(u"keep-mine"_s) != parser.isSet(u"take-theirs"_s);
    if (positional.size() > 2 || !actions.contains(action) ||
        ((action == u"discard"_s || action == u"show"_s || action == u"approve"_s ||
          action == u"resolve"_s) &&
         !id) ||
        (action == u"list"_s && id) || (action == u"resolve"_s && !resolveSideGiven))
        return context.fail(kExitUsage,
                            tr("pending: use `pending list`, `pending show ID`, `pending approve ID`, "
                               "`pending apply [ID]`, `pending discard ID`, `pending resolve ID "
                               "--keep-mine|--take-theirs` or `pending four-eyes [on|off]`."));
    store::Database* db = context.database();
    if (!db)
        return kExitFailure;
    store::PendingChangeRepository changes(*db);
    QString error;

    if (action == u"show"_s) {
        const std::optional<store::PendingChange> change = changes.find(*id, &error);
        if (!change)
            return context.fail(kExitFailure,
                                error.isEmpty() ? tr("There is no pending change %1.").arg(*id) : error);
        const std::optional<store::Profile> profile = store::ProfileRepository(*db).find(change->profileId);
        const QString profileName = profile ? profile->name : QString::number(change->profileId);
        if (format == u"json"_s)
            context.out() << QJsonDocument(toJson(*change, profileName)).toJson(QJsonDocument::Indented);
        else
            context.out() << describe(*db, *change, profileName);
        return kExitOk;
    }
    if (action == u"discard"_s) {
        if (!changes.find(*id, &error))
            return context.fail(kExitFailure,
                                error.isEmpty() ? tr("There is no pending change %1.").arg(*id) : error);
        const changes::StagingResult discarded = changes::ChangeStager::of(*db).discard(*id);
        if (!discarded.ok())
            return context.fail(kExitFailure, discarded.error);
        return kExitOk;
    }
    if (action == u"resolve"_s)
        return resolve(context, *db, *id, parser.isSet(u"keep-mine"_s));
    if (action == u"approve"_s) {
        // The database checks that the one approving is not the author (FourEyesPolicy).
        if (!changes.approve(*id, &error))
            return context.fail(kExitFailure, error);
        context.out() << tr("Change %1 approved by %2.").arg(*id).arg(db->sessionUser()) << Qt::endl;
        return kExitOk;
    }
    if (action == u"apply"_s) {
        SyncCommand::Request request;
        request.pull = false;
        request.onlyChangeId = id;
        request.json = format == u"json"_s;
        request.profile = parser.value(u"profile"_s);
        if (id && request.profile.isEmpty()) {
            const std::optional<store::PendingChange> change = changes.find(*id, &error);
            if (!change)
                return context.fail(kExitFailure,
                                    error.isEmpty() ? tr("There is no pending change %1.").arg(*id) : error);
            request.profile = QString::number(change->profileId);
        }
        return SyncCommand::runSync(context, request);
    }

    const QList<store::Profile> profiles = context.profiles(parser.value(u"profile"_s), &error);
    if (!error.isEmpty())
        return context.fail(kExitFailure, error);
    QFile standardOutput;
    std::optional<core::CsvWriter> csv;
    if (format == u"csv"_s) {
        context.out().flush();
        if (!standardOutput.open(stdout, QIODevice::WriteOnly))
            return context.fail(kExitFailure, tr("Cannot write to standard output."));
        csv.emplace(&standardOutput);
        if (!csv->writeRow(csvColumns()))
            return context.fail(kExitFailure, tr("Cannot write to standard output."));
    }
    const changes::ChangeDescriber describer(*db);
    QJsonArray array;
    for (const store::Profile& profile : profiles) {
        for (const store::PendingChange& c : changes.list(profile.id, {}, &error)) {
            if (c.state == store::ChangeState::Applied && !parser.isSet(u"all"_s))
                continue;
            if (csv) {
                for (const QStringList& row : csvRows(describer.describe(c), c, profile.name)) {
                    if (!csv->writeRow(row))
                        return context.fail(kExitFailure, tr("Cannot write to standard output."));
                }
            } else if (format == u"json"_s) {
                array.append(toJson(c, profile.name));
            } else {
                context.out() << c.id << '\t' << profile.name << '\t' << c.entity << '\t' << c.entityKey
                              << '\t' << store::toText(c.operation) << '\t' << store::toText(c.state) << '\t'
                              << c.author << '\t' << c.approvedBy << '\t' << c.lastError << Qt::endl;
            }
        }
    }
    if (!error.isEmpty())
        return context.fail(kExitFailure, error);
    if (format == u"json"_s)
        context.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    return kExitOk;
}

QStringList PendingCommand::csvColumns() {
    return {tr("Profile"),  tr("Record"), tr("Change"), tr("Field"),  tr("Before"),      tr("After"),
            tr("Requests"), tr("State"),  tr("Staged"), tr("Author"), tr("Approved by"), tr("Message")};
}

QList<QStringList> PendingCommand::csvRows(const changes::ChangeDescription& description,
                                           const store::PendingChange& change, const QString& profileName) {
    // The rows under a change on the page: its fields, then what it means; a change with neither is a row.
    QList<std::array<QString, 3>> leaves; // field, before, after
    for (const changes::FieldChange& field : description.fields)
        leaves.append({field.label, field.before, field.after});
    for (const QString& consequence : description.consequences)
        leaves.append({consequence, QString(), QString()});
    if (leaves.isEmpty())
        leaves.append(std::array<QString, 3>{});
    QList<QStringList> rows;
    for (const auto& [field, before, after] : std::as_const(leaves))
        rows << QStringList{profileName,
                            description.recordTitle,
                            description.summary,
                            field,
                            before,
                            after,
                            description.requests ? QString::number(*description.requests) : QString(),
                            store::toText(change.state),
                            change.createdAt.toUTC().toString(Qt::ISODate),
                            change.author,
                            change.approvedBy,
                            change.lastError};
    return rows;
}

int PendingCommand::fourEyes(CliContext& context, const QStringList& arguments) {
    const QString wanted = arguments.value(0);
    if (arguments.size() > 1 || (!wanted.isEmpty() && wanted != u"on"_s && wanted != u"off"_s))
        return context.fail(kExitUsage,
                            tr("pending four-eyes: use `pending four-eyes` to see the setting, or "
                               "`pending four-eyes on` / `off` to switch it."));
    store::Database* db = context.database();
    if (!db)
        return kExitFailure;
    store::FourEyesPolicy policy(*db);
    QString error;
    if (!wanted.isEmpty() && !policy.setRequired(wanted == u"on"_s, &error))
        return context.fail(kExitFailure, error);
    const std::optional<bool> required = policy.isRequired(&error);
    if (!required)
        return context.fail(kExitFailure, error);
    if (!policy.isAvailable())
        context.out() << tr("Four-eyes approval: off (a SQLite file has one user; a team database on "
                            "PostgreSQL can require it).")
                      << Qt::endl;
    else if (*required)
        context.out() << tr("Four-eyes approval: on. A change is applied only after someone other than its "
                            "author approved it (`pending approve ID`).")
                      << Qt::endl;
    else
        context.out() << tr("Four-eyes approval: off.") << Qt::endl;
    return kExitOk;
}

} // namespace trunkline::cli
