#include "cli/StageCommand.h"

#include "changes/ChangePayloads.h"
#include "changes/ChangeStager.h"
#include "changes/ForwardingListCheck.h"
#include "changes/ForwardingListPlan.h"
#include "changes/NumberChangePayloads.h"
#include "cli/CliContext.h"
#include "cli/ExitCode.h"
#include "cli/PendingCommand.h"
#include "core/ExtensionValidator.h"
#include "core/PhoneNumber.h"
#include "store/ExtensionRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/TimeZoneRepository.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

namespace {

using changes::ChangePayloads;
using changes::NumberChangePayloads;

// An extension by its id or, as admins know it, its extension number.
std::optional<core::Extension> findExtension(store::Database& database, qint64 profileId,
                                             const QString& key) {
    store::ExtensionRepository extensions(database);
    if (std::optional<core::Extension> byId = extensions.find(profileId, key))
        return byId;
    store::ExtensionFilter filter;
    filter.text = key;
    for (const core::Extension& extension : extensions.list(profileId, filter)) {
        if (extension.extensionNumber == key)
            return extension;
    }
    return std::nullopt;
}

// A phone number by its id or its number (E.164, or as typed with a country code).
std::optional<core::PhoneNumberRecord> findNumber(store::Database& database, qint64 profileId,
                                                  const QString& key) {
    store::PhoneNumberRepository numbers(database);
    if (std::optional<core::PhoneNumberRecord> byId = numbers.find(profileId, key))
        return byId;
    const core::ParseOutcome parsed = core::PhoneNumber::parse(key, {});
    return numbers.findByE164(profileId, parsed.ok() ? parsed.number->e164() : key);
}

} // namespace

int StageCommand::run(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Stages an edit as a pending change, as the console's forms do; `pending apply` sends it.\n"
           "\n"
           "  update extension EXT --set FIELD=VALUE...      EXT: extension number or id\n"
           "  create forwarding EXT --set phoneNumber=+49... [--set label=...]\n"
           "  update forwarding EXT ID --set FIELD=VALUE...  ID: the forwarding number's id\n"
           "  delete forwarding EXT ID\n"
           "  update number NUMBER --set FIELD=VALUE...      NUMBER: E.164 number or id\n"
           "Call flip: update forwarding EXT ID --set flipNumber=2 moves the entry in the flip list. "
           "RingCentral\n"
           "sets the features: a new number gets call forwarding and call flip, and keeps them.\n"
           "\n"
           "FIELD is a column of `export … --format json`:\n"
           "  extension:  %1\n"
           "  forwarding: %2 (type defaults to Other with a label, else Mobile)\n"
           "  number:     %3 (an empty extensionId unassigns the number)\n"
           "An empty VALUE clears the field. A field that is not editable, or a value that breaks a rule, "
           "exits 3 with the field and the rule on standard error, and nothing is staged.")
            .arg(RecordEdits::extensionFields().join(u", "), RecordEdits::forwardingFields().join(u", "),
                 RecordEdits::numberFields().join(u", ")));
    parser.addHelpOption();
    parser.addPositionalArgument(u"verb"_s, tr("update, create or delete"));
    parser.addPositionalArgument(u"kind"_s, tr("extension, forwarding or number"));
    parser.addPositionalArgument(u"key"_s, tr("The record (see above)."), u"KEY [ID]"_s);
    parser.addOption(
        {u"profile"_s, tr("The profile (name or id); needed when there are several."), u"profile"_s});
    parser.addOption({u"set"_s, tr("A field's new value; repeat for more fields."), u"FIELD=VALUE"_s});
    parser.addOption({u"format"_s, tr("text or json (the staged changes as `pending list` prints them)."),
                      u"format"_s, u"text"_s});
    QString format;
    if (const int exit = context.parse(parser, arguments, u"stage"_s, &format); exit >= 0)
        return exit;

    const QStringList positional = parser.positionalArguments();
    const QString verb = positional.value(0);
    const QString kind = positional.value(1);
    const bool forwardingEntry = kind == u"forwarding" && verb != u"create";
    const qsizetype expected = forwardingEntry ? 4 : 3;
    const bool known =
        (verb == u"update" && (kind == u"extension" || kind == u"forwarding" || kind == u"number")) ||
        ((verb == u"create" || verb == u"delete") && kind == u"forwarding");
    if (!known || positional.size() != expected)
        return context.fail(kExitUsage,
                            tr("stage: use `stage update extension EXT`, `stage create forwarding "
                               "EXT`, `stage update|delete forwarding EXT ID` or `stage update "
                               "number NUMBER`; see trunkline-cli stage --help."));
    QString error;
    const std::optional<RecordEdits::Assignments> assignments =
        RecordEdits::parse(parser.values(u"set"_s), &error);
    if (!assignments)
        return context.fail(kExitUsage, error);
    if (assignments->isEmpty() && verb != u"delete")
        return context.fail(kExitUsage,
                            tr("stage %1: name at least one field with --set FIELD=VALUE.").arg(verb));
    if (!assignments->isEmpty() && verb == u"delete")
        return context.fail(kExitUsage, tr("stage delete: takes no --set."));

    store::Database* database = context.database();
    if (!database)
        return kExitFailure;
    const QList<store::Profile> profiles = context.profiles(parser.value(u"profile"_s), &error);
    if (!error.isEmpty())
        return context.fail(kExitFailure, error);
    if (profiles.size() != 1)
        return context.fail(kExitUsage,
                            profiles.isEmpty()
                                ? tr("stage: there is no profile yet; add one with `profiles add`.")
                                : tr("stage: there are several profiles; name one with --profile."));

    const Edit edit{
        context,      *database,          profiles.constFirst(), positional.at(2), positional.value(3),
        *assignments, format == u"json"_s};
    if (kind == u"extension")
        return updateExtension(edit);
    if (kind == u"number")
        return updateNumber(edit);
    return editForwarding(edit, verb);
}

int StageCommand::updateExtension(const Edit& edit) {
    const std::optional<core::Extension> stored = findExtension(edit.database, edit.profile.id, edit.key);
    if (!stored)
        return edit.context.fail(
            kExitFailure,
            tr("Profile %1 has no extension %2 (run sync first?).").arg(edit.profile.name, edit.key));
    changes::ChangeStager& stager = changes::ChangeStager::of(edit.database);
    // As in the form: the edit goes on top of what is staged for the record already, and a staged delete
    // leaves nothing to edit.
    core::Extension edited = *stored;
    for (const store::PendingChange& change :
         stager.openChanges(edit.profile.id, ChangePayloads::kExtension, stored->id)) {
        if (change.operation == store::ChangeOperation::Delete)
            return edit.context.fail(kExitFailure, tr("Extension %1 is staged for deletion.").arg(edit.key));
        if (change.operation == store::ChangeOperation::Update)
            edited = ChangePayloads::applyExtensionFields(edited, change.payload);
    }
    core::RuleViolations problems = RecordEdits::applyToExtension(edited, edit.assignments);

    core::ExtensionValidator::Context rules;
    rules.storedStatus = stored->status;
    for (const core::TimeZone& zone : store::TimeZoneRepository(edit.database).list(edit.profile.id))
        rules.timeZones << zone.name;
    if (edited.extensionNumber != stored->extensionNumber) {
        const std::optional<core::Extension> holder =
            findExtension(edit.database, edit.profile.id, edited.extensionNumber);
        if (holder && holder->id != stored->id)
            rules.numbersInUse.insert(holder->extensionNumber, holder->name);
    }
    problems << core::ExtensionValidator::validate(edited, rules);
    if (const int exit = refuse(edit.context, problems))
        return exit;
    const QString version = store::ExtensionRepository(edit.database).versionOf(*stored);
    return report(edit,
                  stager.stage(ChangePayloads::extensionUpdate(edit.profile.id, *stored, edited, version)));
}

int StageCommand::editForwarding(const Edit& edit, const QString& verb) {
    const std::optional<core::Extension> extension = findExtension(edit.database, edit.profile.id, edit.key);
    if (!extension)
        return edit.context.fail(
            kExitFailure,
            tr("Profile %1 has no extension %2 (run sync first?).").arg(edit.profile.name, edit.key));
    QString error;
    const int unapplied =
        changes::ForwardingListCheck::unappliedChanges(edit.database, edit.profile.id, extension->id, &error);
    if (!error.isEmpty())
        return edit.context.fail(kExitFailure, error);
    if (unapplied > 0)
        return edit.context.fail(
            kExitFailure,
            tr("Extension %1's forwarding list has %2 staged change(s) that are not applied yet; "
               "apply or discard them first (see pending list).")
                .arg(edit.key)
                .arg(unapplied));
    const QList<core::ForwardingNumber> stored =
        store::ForwardingNumberRepository(edit.database).list(edit.profile.id, extension->id, &error);
    if (!error.isEmpty())
        return edit.context.fail(kExitFailure, error);

    QList<core::ForwardingNumber> edited = stored;
    core::RuleViolations problems;
    if (verb == u"create") {
        // As the form adds an entry: the features RingCentral gives it; a label is only honoured for the
        // type Other.
        core::ForwardingNumber entry;
        entry.type = core::ForwardingType::Mobile;
        entry.features = changes::ForwardingListCheck::featuresOfNewEntry();
        for (const auto& [field, value] : edit.assignments) {
            if (field == u"label" && !value.isEmpty())
                entry.type = core::ForwardingType::Other;
        }
        problems = RecordEdits::applyToForwarding(entry, edit.assignments);
        if (entry.phoneNumber.isEmpty())
            problems.append({u"/phoneNumber"_s, tr("a new forwarding number needs one (--set "
                                                   "phoneNumber=+49...).")});
        edited.append(entry);
    } else {
        const auto entry = std::find_if(edited.begin(), edited.end(),
                                        [&](const core::ForwardingNumber& f) { return f.id == edit.id; });
        if (entry == edited.end())
            return edit.context.fail(kExitFailure, tr("Extension %1 has no forwarding number %2 (see export "
                                                      "forwarding).")
                                                       .arg(edit.key, edit.id));
        if (verb == u"delete")
            edited.erase(entry);
        else
            problems = RecordEdits::applyToForwarding(*entry, edit.assignments);
    }
    // The flip digits follow the flip list's order, as in the form: the others close up or move over.
    RecordEdits::renumberFlips(edited, edit.id);
    problems << changes::ForwardingListCheck::violations(edit.database, edit.profile.id, edited);
    problems << changes::ForwardingListCheck::featuresSetByProvider(stored, edited);
    if (const int exit = refuse(edit.context, problems))
        return exit;
    return report(edit, changes::ChangeStager::of(edit.database)
                            .stageSequence(changes::ForwardingListPlan::plan(edit.profile.id, extension->id,
                                                                             stored, edited)));
}

int StageCommand::updateNumber(const Edit& edit) {
    const std::optional<core::PhoneNumberRecord> stored =
        findNumber(edit.database, edit.profile.id, edit.key);
    if (!stored)
        return edit.context.fail(
            kExitFailure,
            tr("Profile %1 has no phone number %2 (run sync first?).").arg(edit.profile.name, edit.key));
    changes::ChangeStager& stager = changes::ChangeStager::of(edit.database);
    core::PhoneNumberRecord edited = *stored;
    QJsonObject staged;
    for (const store::PendingChange& change :
         stager.openChanges(edit.profile.id, NumberChangePayloads::kPhoneNumber, stored->id)) {
        if (change.operation == store::ChangeOperation::Delete)
            return edit.context.fail(kExitFailure,
                                     tr("Phone number %1 is staged for release.").arg(edit.key));
        if (change.operation == store::ChangeOperation::Update) {
            edited = NumberChangePayloads::applyNumberFields(edited, change.payload);
            staged = change.payload;
        }
    }
    core::RuleViolations problems = RecordEdits::applyToNumber(edited, edit.assignments);
    for (const auto& [field, value] : edit.assignments) {
        if (field != u"extensionId" && field != u"extensionNumber")
            continue;
        if (value.isEmpty()) {
            edited.extensionId.clear();
            edited.extensionNumber.clear();
        } else if (const std::optional<core::Extension> extension =
                       findExtension(edit.database, edit.profile.id, value)) {
            edited.extensionId = extension->id;
            edited.extensionNumber = extension->extensionNumber;
        } else {
            problems.append({field, tr("profile %1 has no extension %2.").arg(edit.profile.name, value)});
        }
    }
    if (const int exit = refuse(edit.context, problems))
        return exit;
    // The members staged before stay; the ones edited now are their difference to the stored record (the
    // stored record holds only part of a Restcomm number, so the model's way: exactly the staged members).
    QJsonObject payload = staged;
    const QJsonObject difference = NumberChangePayloads::numberDifference(*stored, edited);
    for (const auto& [field, value] : edit.assignments) {
        const QString member = field == u"extensionNumber" ? u"extensionId"_s : field;
        payload.remove(member);
        if (difference.contains(member))
            payload.insert(member, difference.value(member));
    }
    const QString version = store::PhoneNumberRepository(edit.database).versionOf(*stored);
    return report(
        edit, stager.stage(NumberChangePayloads::numberUpdate(edit.profile.id, *stored, payload, version)));
}

int StageCommand::refuse(CliContext& context, const core::RuleViolations& violations) {
    for (const core::RuleViolation& violation : violations)
        context.err() << "trunkline-cli: " << RecordEdits::fieldOf(violation.field) << ": "
                      << violation.message << Qt::endl;
    if (!violations.isEmpty())
        context.err() << tr("trunkline-cli: nothing was staged.") << Qt::endl;
    return violations.isEmpty() ? kExitOk : kExitValidationFailed;
}

int StageCommand::report(const Edit& edit, const changes::StagingResult& result) {
    if (!result.ok())
        return edit.context.fail(kExitFailure, result.error);
    QJsonArray array;
    for (const changes::ChangeStep& step : result.steps) {
        const store::PendingChange& row = step.row();
        if (edit.json) {
            if (step.after)
                array.append(PendingCommand::toJson(*step.after, edit.profile.name));
            continue;
        }
        const QString what = store::toText(row.operation) + u' ' + row.entity + u' ' + row.entityKey;
        if (step.isAdded())
            edit.context.out() << tr("Staged change %1: %2").arg(row.id).arg(what) << Qt::endl;
        else if (step.isRevised())
            edit.context.out() << tr("Revised staged change %1: %2").arg(row.id).arg(what) << Qt::endl;
        else
            edit.context.out() << tr("Dropped staged change %1 (the edit is back to the stored value): %2")
                                      .arg(row.id)
                                      .arg(what)
                               << Qt::endl;
    }
    if (edit.json)
        edit.context.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else if (result.steps.isEmpty())
        edit.context.out() << tr("Nothing staged: the edit changes nothing.") << Qt::endl;
    return kExitOk;
}

} // namespace trunkline::cli
