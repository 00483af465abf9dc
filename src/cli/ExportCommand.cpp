#include "cli/ExportCommand.h"

#include "cli/CliContext.h"
#include "cli/ExitCode.h"
#include "cli/RecordFilter.h"
#include "core/Csv.h"
#include "store/ExtensionRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/PortingRepository.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

namespace {
QString timeText(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}
} // namespace

QStringList ExportCommand::columns(const QString& kind) {
    if (kind == u"numbers"_s)
        return {u"profile"_s,         u"id"_s,       u"number"_s,  u"label"_s,    u"usageType"_s,
                u"paymentType"_s,     u"callType"_s, u"status"_s,  u"features"_s, u"extensionId"_s,
                u"extensionNumber"_s, u"provider"_s, u"syncedAt"_s};
    if (kind == u"extensions"_s)
        return {u"profile"_s,    u"id"_s,        u"extensionNumber"_s, u"name"_s,        u"type"_s,
                u"status"_s,     u"firstName"_s, u"lastName"_s,        u"email"_s,       u"company"_s,
                u"department"_s, u"jobTitle"_s,  u"businessPhone"_s,   u"mobilePhone"_s, u"timeZone"_s,
                u"admin"_s,      u"syncedAt"_s,  u"detailsSyncedAt"_s};
    if (kind == u"forwarding"_s)
        return {u"profile"_s,  u"extensionId"_s, u"extensionNumber"_s, u"position"_s,
                u"id"_s,       u"phoneNumber"_s, u"label"_s,           u"type"_s,
                u"features"_s, u"flipNumber"_s,  u"syncedAt"_s};
    if (kind == u"port-orders"_s)
        return {u"profile"_s,
                u"id"_s,
                u"status"_s,
                u"countryCode"_s,
                u"customerReference"_s,
                u"supportKey"_s,
                u"focDatetimeRequested"_s,
                u"createdAt"_s,
                u"updatedAt"_s,
                u"exceptionCodes"_s};
    return {};
}

QList<QJsonObject> ExportCommand::rows(store::Database& database, const store::Profile& profile,
                                       const QString& kind) {
    QList<QJsonObject> rows;
    if (kind == u"numbers"_s) {
        store::PhoneNumberRepository repository(database);
        for (const core::PhoneNumberRecord& n : repository.list(profile.id)) {
            const auto state = repository.state(profile.id, n.id);
            rows << QJsonObject{
                {u"profile"_s, profile.name},
                {u"id"_s, n.id},
                {u"number"_s, n.e164},
                {u"label"_s, n.label},
                {u"usageType"_s, core::toWire(n.usageType)},
                {u"paymentType"_s, core::toWire(n.paymentType)},
                {u"callType"_s, core::toWire(n.callType)},
                {u"status"_s, core::toWire(n.status)},
                {u"features"_s, QJsonArray::fromStringList(core::numberFeaturesToWire(n.features))},
                {u"extensionId"_s, n.extensionId},
                {u"extensionNumber"_s, n.extensionNumber},
                {u"provider"_s, n.provider},
                {u"syncedAt"_s, state ? timeText(state->syncedAt) : QString()}};
        }
    } else if (kind == u"extensions"_s || kind == u"forwarding"_s) {
        store::ExtensionRepository extensions(database);
        store::ForwardingNumberRepository forwarding(database);
        for (const core::Extension& e : extensions.list(profile.id)) {
            const auto details = forwarding.state(profile.id, e.id);
            if (kind == u"forwarding"_s) {
                int position = 0;
                for (const core::ForwardingNumber& f : forwarding.list(profile.id, e.id))
                    rows << QJsonObject{{u"profile"_s, profile.name},
                                        {u"extensionId"_s, e.id},
                                        {u"extensionNumber"_s, e.extensionNumber},
                                        {u"position"_s, ++position},
                                        {u"id"_s, f.id},
                                        {u"phoneNumber"_s, f.phoneNumber},
                                        {u"label"_s, f.label},
                                        {u"type"_s, core::toWire(f.type)},
                                        {u"features"_s, QJsonArray::fromStringList(
                                                            core::forwardingFeaturesToWire(f.features))},
                                        {u"flipNumber"_s, f.flipNumber},
                                        {u"syncedAt"_s, details ? timeText(details->syncedAt) : QString()}};
                continue;
            }
            const auto state = extensions.state(profile.id, e.id);
            rows << QJsonObject{{u"profile"_s, profile.name},
                                {u"id"_s, e.id},
                                {u"extensionNumber"_s, e.extensionNumber},
                                {u"name"_s, e.name},
                                {u"type"_s, core::toWire(e.type)},
                                {u"status"_s, core::toWire(e.status)},
                                {u"firstName"_s, e.contact.firstName},
                                {u"lastName"_s, e.contact.lastName},
                                {u"email"_s, e.contact.email},
                                {u"company"_s, e.contact.company},
                                {u"department"_s, e.contact.department},
                                {u"jobTitle"_s, e.contact.jobTitle},
                                {u"businessPhone"_s, e.contact.businessPhone},
                                {u"mobilePhone"_s, e.contact.mobilePhone},
                                {u"timeZone"_s, e.timeZone},
                                {u"admin"_s, e.admin},
                                {u"syncedAt"_s, state ? timeText(state->syncedAt) : QString()},
                                {u"detailsSyncedAt"_s, details ? timeText(details->syncedAt) : QString()}};
        }
    } else if (kind == u"port-orders"_s) {
        for (const core::PortingOrder& o : store::PortingRepository(database).orders(profile.id))
            rows << QJsonObject{{u"profile"_s, profile.name},
                                {u"id"_s, o.id},
                                {u"status"_s, core::toWire(o.status)},
                                {u"countryCode"_s, o.countryCode},
                                {u"customerReference"_s, o.customerReference},
                                {u"supportKey"_s, o.supportKey},
                                {u"focDatetimeRequested"_s, timeText(o.focDatetimeRequested)},
                                {u"createdAt"_s, timeText(o.createdAt)},
                                {u"updatedAt"_s, timeText(o.updatedAt)},
                                {u"exceptionCodes"_s, QJsonArray::fromStringList(o.exceptionCodes)}};
    }
    return rows;
}

int ExportCommand::run(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes the local copy as CSV (safe to open in Excel) or JSON.\n"
           "--filter: conditions joined by \",\", all must hold: column=pattern or column!=pattern, "
           "case-insensitive, * matches anything, e.g. \"usageType=DirectNumber,number=+4930*\"."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"what"_s, tr("numbers, extensions, forwarding or port-orders"));
    parser.addOption({u"profile"_s, tr("Only this profile (name or id)."), u"profile"_s});
    parser.addOption({u"format"_s, tr("csv or json."), u"format"_s, u"csv"_s});
    parser.addOption(
        {{u"o"_s, u"output"_s}, tr("Write to this file instead of standard output."), u"file"_s});
    parser.addOption({u"filter"_s, tr("Only rows matching the expression."), u"expr"_s});
    if (const int exit = context.parse(parser, arguments, u"export"_s); exit >= 0)
        return exit;
    const QStringList positional = parser.positionalArguments();
    const QString kind = positional.value(0);
    const QStringList columnNames = columns(kind);
    if (positional.size() != 1 || columnNames.isEmpty())
        return context.fail(kExitUsage,
                            tr("export: name one of numbers, extensions, forwarding, port-orders."));
    const QString format = parser.value(u"format"_s);
    if (format != u"csv"_s && format != u"json"_s)
        return context.fail(kExitUsage, tr("--format: must be csv or json, not “%1”.").arg(format));
    QString error;
    const std::optional<RecordFilter> filter =
        RecordFilter::parse(parser.value(u"filter"_s), columnNames, &error);
    if (!filter)
        return context.fail(kExitUsage, error);

    const QList<store::Profile> profiles = context.profiles(parser.value(u"profile"_s), &error);
    if (!error.isEmpty())
        return context.fail(kExitFailure, error);
    QList<QJsonObject> selected;
    for (const store::Profile& profile : profiles) {
        for (const QJsonObject& row : rows(*context.database(), profile, kind)) {
            if (filter->matches(row))
                selected << row;
        }
    }

    QFile file;
    if (parser.isSet(u"output"_s)) {
        file.setFileName(parser.value(u"output"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return context.fail(kExitFailure,
                                tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    } else {
        context.out().flush();
        if (!file.open(stdout, QIODevice::WriteOnly))
            return context.fail(kExitFailure, tr("Cannot write to standard output."));
    }
    if (format == u"json"_s) {
        QJsonArray array;
        for (const QJsonObject& row : std::as_const(selected))
            array.append(row);
        file.write(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else {
        core::CsvWriter writer(&file);
        writer.writeRow(columnNames);
        for (const QJsonObject& row : std::as_const(selected)) {
            QStringList cells;
            for (const QString& column : columnNames)
                cells << RecordFilter::cellText(row.value(column));
            if (!writer.writeRow(cells))
                return context.fail(kExitFailure,
                                    tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
        }
    }
    file.flush();
    return kExitOk;
}

} // namespace trunkline::cli
