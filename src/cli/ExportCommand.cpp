#include "cli/ExportCommand.h"

#include "cli/CliContext.h"
#include "cli/ExitCode.h"
#include "cli/RecordFilter.h"
#include "core/Csv.h"
#include "store/AuditLogRepository.h"
#include "store/ExtensionRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/PortingRepository.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

namespace {
QString timeText(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

// A time as an admin types it: a date (its midnight) or a date and time, local unless it says otherwise
// (a trailing Z or an offset).
QDateTime timeArgument(const QString& text) {
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid())
        return date.startOfDay();
    return QDateTime::fromString(text, Qt::ISODate);
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
    if (kind == u"call-flip"_s)
        return {u"profile"_s,      u"extensionId"_s, u"extensionNumber"_s, u"flipNumber"_s,
                u"forwardingId"_s, u"phoneNumber"_s, u"label"_s,           u"type"_s};
    if (kind == u"routes"_s)
        return {u"profile"_s, u"id"_s,        u"number"_s,           u"label"_s,
                u"pureSip"_s, u"voiceUrl"_s,  u"voiceMethod"_s,      u"voiceApplicationSid"_s,
                u"smsUrl"_s,  u"smsMethod"_s, u"smsApplicationSid"_s};
    if (kind == u"audit"_s)
        return {u"at"_s,     u"profile"_s, u"actor"_s,     u"host"_s,
                u"action"_s, u"entity"_s,  u"entityKey"_s, u"summary"_s};
    if (kind == u"pending"_s)
        return {u"profile"_s,    u"id"_s,        u"state"_s,     u"operation"_s, u"entity"_s,
                u"entityKey"_s,  u"payload"_s,   u"attempts"_s,  u"lastError"_s, u"nextAttemptAt"_s,
                u"claimOwner"_s, u"createdAt"_s, u"updatedAt"_s, u"author"_s,    u"approvedBy"_s,
                u"approvedAt"_s};
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

bool ExportCommand::forEachRow(store::Database& database, const store::Profile& profile, const QString& kind,
                               const RowSink& sink, QString* error, const Period& period) {
    // Each row lists its values in the order of columns(kind).
    if (kind == u"numbers"_s) {
        return store::PhoneNumberRepository(database).forEach(
            profile.id,
            [&](const core::PhoneNumberRecord& n, const store::RecordState& state) {
                return sink({profile.name, n.id, n.e164, n.label, core::toWire(n.usageType),
                             core::toWire(n.paymentType), core::toWire(n.callType), core::toWire(n.status),
                             core::flagsToWire(n.features), n.extensionId, n.extensionNumber, n.provider,
                             timeText(state.syncedAt)});
            },
            error);
    }
    if (kind == u"routes"_s) {
        // Restcomm's incoming numbers and regex routes, as the Routing page lists them; other providers
        // route no calls through Trunkline, so their profiles add no rows.
        return store::PhoneNumberRepository(database).forEach(
            profile.id,
            [&](const core::PhoneNumberRecord& n, const store::RecordState&) {
                if (!n.restcomm)
                    return true;
                const core::RestcommAttributes& r = *n.restcomm;
                return sink({profile.name, n.id, n.e164, n.label, r.pureSip, r.voiceUrl, r.voiceMethod,
                             r.voiceApplicationSid, r.smsUrl, r.smsMethod, r.smsApplicationSid});
            },
            error);
    }
    if (kind == u"audit"_s) {
        // Newest first, as the Audit log page shows it; the log of one profile is thousands of lines.
        store::AuditFilter filter;
        filter.profileId = profile.id;
        filter.since = period.since;
        filter.until = period.until;
        for (const store::AuditEntry& e :
             store::AuditLogRepository(database).list(filter, std::numeric_limits<int>::max(), error)) {
            if (!sink({timeText(e.at), e.profileName, e.actor, e.host, e.action, e.entity, e.entityKey,
                       e.summary}))
                return false;
        }
        return !error || error->isEmpty();
    }
    if (kind == u"pending"_s) {
        // Every staged change, applied ones included, in the order they are applied.
        for (const store::PendingChange& c :
             store::PendingChangeRepository(database).list(profile.id, {}, error)) {
            if (!sink({profile.name, c.id, store::toText(c.state), store::toText(c.operation), c.entity,
                       c.entityKey,
                       QString::fromUtf8(QJsonDocument(c.payload).toJson(QJsonDocument::Compact)), c.attempts,
                       c.lastError, timeText(c.nextAttemptAt), c.claimOwner, timeText(c.createdAt),
                       timeText(c.updatedAt), c.author, c.approvedBy, timeText(c.approvedAt)}))
                return false;
        }
        return !error || error->isEmpty();
    }
    if (kind == u"extensions"_s || kind == u"forwarding"_s || kind == u"call-flip"_s) {
        // Each extension needs lookups of its forwarding list, queries of their own, which PostgreSQL's
        // forward-only result does not survive (the driver drops it). An account has thousands of
        // extensions, not millions: read them first, then look up.
        QList<std::pair<core::Extension, store::RecordState>> all;
        if (!store::ExtensionRepository(database).forEach(
                profile.id,
                [&all](const core::Extension& e, const store::RecordState& state) {
                    all.append({e, state});
                    return true;
                },
                error))
            return false;
        store::ForwardingNumberRepository forwarding(database);
        for (const auto& [e, state] : std::as_const(all)) {
            const auto details = forwarding.state(profile.id, e.id);
            const QString detailsSyncedAt = details ? timeText(details->syncedAt) : QString();
            if (kind == u"extensions"_s) {
                if (!sink({profile.name, e.id, e.extensionNumber, e.name, core::toWire(e.type),
                           core::toWire(e.status), e.contact.firstName, e.contact.lastName, e.contact.email,
                           e.contact.company, e.contact.department, e.contact.jobTitle,
                           e.contact.businessPhone, e.contact.mobilePhone, e.timeZone, e.admin,
                           timeText(state.syncedAt), detailsSyncedAt}))
                    return false;
                continue;
            }
            const QList<core::ForwardingNumber> list = forwarding.list(profile.id, e.id);
            if (kind == u"call-flip"_s) {
                // The digits a caller dials to flip a call, in digit order; entries without one are not in
                // it.
                QList<core::ForwardingNumber> flips;
                std::copy_if(list.cbegin(), list.cend(), std::back_inserter(flips),
                             [](const core::ForwardingNumber& f) { return f.flipNumber > 0; });
                std::sort(flips.begin(), flips.end(),
                          [](const auto& a, const auto& b) { return a.flipNumber < b.flipNumber; });
                for (const core::ForwardingNumber& f : std::as_const(flips)) {
                    if (!sink({profile.name, e.id, e.extensionNumber, f.flipNumber, f.id, f.phoneNumber,
                               f.label, core::toWire(f.type)}))
                        return false;
                }
                continue;
            }
            int position = 0;
            for (const core::ForwardingNumber& f : list) {
                if (!sink({profile.name, e.id, e.extensionNumber, ++position, f.id, f.phoneNumber, f.label,
                           core::toWire(f.type), core::flagsToWire(f.features), f.flipNumber,
                           detailsSyncedAt}))
                    return false;
            }
        }
        return true;
    }
    if (kind == u"port-orders"_s) {
        // An account has tens of orders, not millions: read whole.
        for (const core::PortingOrder& o :
             store::PortingRepository(database).orders(profile.id, std::nullopt, error)) {
            if (!sink({profile.name, o.id, core::toWire(o.status), o.countryCode, o.customerReference,
                       o.supportKey, timeText(o.focDatetimeRequested), timeText(o.createdAt),
                       timeText(o.updatedAt), o.exceptionCodes}))
                return false;
        }
        return !error || error->isEmpty();
    }
    return true;
}

bool ExportCommand::writeNumbersCsv(store::Database& database, const store::Profile& profile,
                                    core::CsvWriter& csv, QString* error) {
    const QByteArray profileName = profile.name.toUtf8();
    QList<QByteArrayView> cells;
    return store::PhoneNumberRepository(database).forEachExportRow(
        profile.id,
        [&](const QList<QByteArrayView>& row) {
            cells.clear(); // keeps its capacity
            cells << profileName << row;
            return csv.writeRow(cells);
        },
        error);
}

int ExportCommand::run(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes the local copy as CSV (safe to open in Excel) or JSON.\n"
           "--filter: conditions joined by \",\", all must hold: column=pattern or column!=pattern, "
           "case-insensitive, * matches anything, e.g. \"usageType=DirectNumber,number=+4930*\"."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        u"what"_s, tr("numbers, extensions, forwarding, call-flip, port-orders, routes, audit or pending"));
    parser.addOption({u"profile"_s, tr("Only this profile (name or id)."), u"profile"_s});
    parser.addOption({u"format"_s, tr("csv or json."), u"format"_s, u"csv"_s});
    parser.addOption(
        {{u"o"_s, u"output"_s}, tr("Write to this file instead of standard output."), u"file"_s});
    parser.addOption({u"filter"_s, tr("Only rows matching the expression."), u"expr"_s});
    parser.addOption({u"since"_s,
                      tr("audit: entries from this time on (2026-12-01 or 2026-12-01T09:00, local time)."),
                      u"time"_s});
    parser.addOption({u"until"_s, tr("audit: entries before this time."), u"time"_s});
    parser.addOption({u"excel"_s, tr("CSV for Excel: a UTF-8 byte order mark, so that umlauts show, and the "
                                     "locale's list separator (\";\" where the decimal point is a comma).")});
    QString format;
    if (const int exit = context.parse(parser, arguments, u"export"_s, &format, {u"csv"_s, u"json"_s});
        exit >= 0)
        return exit;
    const QStringList positional = parser.positionalArguments();
    const QString kind = positional.value(0);
    const QStringList columnNames = columns(kind);
    if (positional.size() != 1 || columnNames.isEmpty())
        return context.fail(kExitUsage,
                            tr("export: name one of numbers, extensions, forwarding, call-flip, port-orders, "
                               "routes, audit, pending."));
    Period period;
    for (const auto& [option, time] :
         {std::pair{u"since"_s, &period.since}, std::pair{u"until"_s, &period.until}}) {
        if (!parser.isSet(option))
            continue;
        if (kind != u"audit"_s)
            return context.fail(kExitUsage,
                                tr("--%1: only the audit log has times to choose from.").arg(option));
        *time = timeArgument(parser.value(option));
        if (!time->isValid())
            return context.fail(kExitUsage, tr("--%1: “%2” is not a date or time; use 2026-12-01 or "
                                               "2026-12-01T09:00.")
                                                .arg(option, parser.value(option)));
    }
    QString error;
    const std::optional<RecordFilter> filter =
        RecordFilter::parse(parser.value(u"filter"_s), columnNames, &error);
    if (!filter)
        return context.fail(kExitUsage, error);

    const QList<store::Profile> profiles = context.profiles(parser.value(u"profile"_s), &error);
    if (!error.isEmpty())
        return context.fail(kExitFailure, error);
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

    // Rows go out as they are read: memory stays flat however large the table is.
    core::CsvWriter csv(&file, parser.isSet(u"excel"_s) ? core::CsvOptions::forExcel(QLocale())
                                                        : core::CsvOptions{});
    bool firstJsonRow = true;
    QStringList cells;
    const auto writeRow = [&](const QVariantList& row) {
        Q_ASSERT(row.size() == columnNames.size());
        const bool json = format == u"json"_s;
        if (!json || !filter->isEmpty()) {
            cells.clear();
            for (const QVariant& value : row)
                cells << RecordFilter::cellText(value);
            if (!filter->matches(cells))
                return true;
        }
        if (!json)
            return csv.writeRow(cells);
        QJsonObject object;
        for (qsizetype i = 0; i < row.size(); ++i)
            object.insert(columnNames.at(i), QJsonValue::fromVariant(row.at(i)));
        const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
        const QByteArray lead = firstJsonRow ? QByteArrayLiteral("\n") : QByteArrayLiteral(",\n");
        firstJsonRow = false;
        return file.write(lead) == lead.size() && file.write(text) == text.size();
    };
    const bool started = format == u"json"_s ? file.write("[") == 1 : csv.writeRow(columnNames);
    if (!started)
        return context.fail(kExitFailure, tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    const bool numbersAsText = kind == u"numbers"_s && format == u"csv"_s && filter->isEmpty();
    for (const store::Profile& profile : profiles) {
        const bool read = numbersAsText
                              ? writeNumbersCsv(*context.database(), profile, csv, &error)
                              : forEachRow(*context.database(), profile, kind, writeRow, &error, period);
        if (!read) {
            return context.fail(
                kExitFailure,
                error.isEmpty() ? tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()) : error);
        }
    }
    if (format == u"json"_s && file.write("\n]\n") != 3)
        return context.fail(kExitFailure, tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    file.flush();
    return kExitOk;
}

} // namespace trunkline::cli
