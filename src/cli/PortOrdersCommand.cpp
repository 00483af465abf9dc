#include "cli/PortOrdersCommand.h"

#include "cli/AwaitResult.h"
#include "cli/CliContext.h"
#include "cli/ExitCode.h"
#include "cli/PortCommand.h"
#include "connection/ConnectionFactory.h"
#include "core/PortingRules.h"
#include "net/ApiError.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

namespace {

const QStringList kSubcommands{u"list"_s, u"show"_s, u"delete-extension"_s, u"delete"_s};

QString blocksText(const store::PortOrderOverview& overview) {
    QStringList blocks;
    for (const core::PhoneNumberExtension& extension : overview.extensions)
        blocks << u"%1-%2"_s.arg(extension.extensionRange.startAt).arg(extension.extensionRange.endAt);
    return blocks.join(u", "_s);
}

// Connects to the profile and runs one call of its port-order placement to its end. False after printing
// why the profile cannot take it; else true, with the provider's refusal, if any, in *refused.
bool awaitPlacement(CliContext& context, const store::Profile& profile,
                    const std::function<void(providers::PortOrderPlacement&, providers::Completion)>& call,
                    std::optional<net::ApiError>* refused) {
    QString error;
    const std::unique_ptr<connection::Connection> line = context.connect(profile, &error);
    if (!line) {
        context.fail(kExitFailure, error);
        return false;
    }
    const std::unique_ptr<providers::PortOrderPlacement> placement =
        line->provider && line->provider->adapter ? line->provider->adapter->portOrders(line->client.get())
                                                  : nullptr;
    if (!placement) {
        context.fail(kExitFailure,
                     QCoreApplication::translate("PortOrdersCommand", "Profile %1 takes no port orders.")
                         .arg(profile.name));
        return false;
    }
    using Result = std::optional<net::ApiError>;
    *refused =
        awaitResult<Result>([&](const std::function<void(const Result&)>& done) { call(*placement, done); });
    return true;
}

} // namespace

bool PortOrdersCommand::handles(const QString& subcommand) {
    return kSubcommands.contains(subcommand);
}

int PortOrdersCommand::run(CliContext& context, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The port orders in the database (run sync to refresh them):\n"
           "  list                        each order: id, status, route number, extension blocks, active "
           "numbers\n"
           "  show ID                     the order, its extension blocks and every number it ports\n"
           "  delete-extension ID BLOCK   remove an extension block (its id, see show) at the provider; only "
           "while\n"
           "                              the order is draft, in process or exception\n"
           "  delete ID                   delete a draft order at the provider"));
    parser.addHelpOption();
    parser.addPositionalArgument(u"action"_s, tr("list, show, delete-extension or delete"));
    parser.addOption({u"profile"_s, tr("Only this profile (name or id)."), u"profile"_s});
    parser.addOption(
        {u"status"_s, tr("list: only orders with this status (e.g. draft, exception)."), u"status"_s});
    parser.addOption({u"format"_s, tr("text or json."), u"format"_s, u"text"_s});
    QString format;
    if (const int exit = context.parse(parser, arguments, u"port"_s, &format); exit >= 0)
        return exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const qsizetype wanted = action == u"list"_s ? 1 : action == u"delete-extension"_s ? 3 : 2;
    if (positional.size() != wanted)
        return context.fail(kExitUsage, tr("port: use `port list`, `port show ID`, `port delete-extension ID "
                                           "BLOCK` or `port delete ID`."));
    if (action == u"list"_s)
        return list(context, parser.value(u"profile"_s), parser.value(u"status"_s), format == u"json"_s);

    int exit = kExitOk;
    const std::optional<Found> found = find(context, parser.value(u"profile"_s), positional.at(1), &exit);
    if (!found)
        return exit;
    if (action == u"show"_s)
        return show(context, *found, format == u"json"_s);
    if (action == u"delete"_s)
        return deleteDraft(context, *found);
    return deleteExtension(context, *found, positional.at(2));
}

int PortOrdersCommand::list(CliContext& context, const QString& profile, const QString& status, bool json) {
    std::optional<core::PortingOrderStatus> only;
    if (!status.isEmpty()) {
        only = core::fromWire<core::PortingOrderStatus>(status);
        if (!only)
            return context.fail(kExitUsage, tr("--status: “%1” is not a port order status.").arg(status));
    }
    QString error;
    const QList<store::Profile> profiles = context.profiles(profile, &error);
    store::Database* database = context.database();
    if (!error.isEmpty() || !database)
        return error.isEmpty() ? kExitFailure : context.fail(kExitFailure, error);
    QJsonArray rows;
    for (const store::Profile& p : profiles) {
        for (const store::PortOrderOverview& overview :
             store::PortingRepository(*database).overviews(p.id, only, &error)) {
            if (json) {
                QJsonObject row = overviewJson(overview, false);
                row.insert(u"profile"_s, p.name);
                rows.append(row);
            } else {
                context.out() << overview.order.id << '\t' << core::toWire(overview.order.status) << '\t'
                              << overview.routeNumber << '\t' << blocksText(overview) << '\t'
                              << overview.activeCount() << Qt::endl;
            }
        }
        if (!error.isEmpty())
            return context.fail(kExitFailure, error);
    }
    if (json)
        context.out() << QJsonDocument(rows).toJson(QJsonDocument::Compact) << Qt::endl;
    return kExitOk;
}

int PortOrdersCommand::show(CliContext& context, const Found& found, bool json) {
    const store::PortOrderOverview& overview = found.overview;
    const QJsonObject order = overviewJson(overview, true);
    if (json) {
        context.out() << QJsonDocument(order).toJson(QJsonDocument::Compact) << Qt::endl;
        return kExitOk;
    }
    context.out() << tr("Order %1 (%2), profile %3")
                         .arg(overview.order.id, core::displayName(overview.order.status), found.profile.name)
                  << Qt::endl;
    context.out() << tr("Route number: %1")
                         .arg(overview.routeNumber.isEmpty() ? tr("not synced yet") : overview.routeNumber)
                  << Qt::endl;
    if (overview.order.focDatetimeRequested.isValid())
        context.out() << tr("Requested porting date: %1")
                             .arg(QLocale().toString(overview.order.focDatetimeRequested.date(),
                                                     QLocale::LongFormat))
                      << Qt::endl;
    if (overview.extensions.isEmpty())
        context.out() << tr("No extension block (run sync if one was attached since).") << Qt::endl;
    for (const QJsonValue& value : order.value(u"extensions"_s).toArray()) {
        const QJsonObject block = value.toObject();
        const QJsonObject range = block.value(u"range"_s).toObject();
        const QJsonArray numbers = block.value(u"numbers"_s).toArray();
        int active = 0;
        for (const QJsonValue& number : numbers)
            active += number.toObject().value(u"active"_s).toBool() ? 1 : 0;
        context.out() << tr("Extension block %1: %2-%3, %4 numbers, %5 active")
                             .arg(block.value(u"id"_s).toString())
                             .arg(range.value(u"start_at"_s).toInt())
                             .arg(range.value(u"end_at"_s).toInt())
                             .arg(numbers.size())
                             .arg(active)
                      << Qt::endl;
        for (const QJsonValue& number : numbers) {
            const QJsonObject n = number.toObject();
            context.out() << n.value(u"number"_s).toString() << '\t'
                          << (n.value(u"active"_s).toBool() ? tr("active") : tr("inactive")) << Qt::endl;
        }
    }
    return kExitOk;
}

int PortOrdersCommand::deleteExtension(CliContext& context, const Found& found, const QString& extensionId) {
    const store::PortOrderOverview& overview = found.overview;
    const bool onOrder =
        std::any_of(overview.extensions.cbegin(), overview.extensions.cend(),
                    [&](const core::PhoneNumberExtension& e) { return e.id == extensionId; });
    if (!onOrder)
        return context.fail(
            kExitFailure,
            tr("Order %1 has no extension block %2 (see port show %1).").arg(overview.order.id, extensionId));
    if (!core::canEditExtensions(overview.order.status))
        return context.fail(kExitFailure,
                            tr("Extensions can be deleted only while the order is Draft, In "
                               "process or Exception; order %1 is %2.")
                                .arg(overview.order.id, core::displayName(overview.order.status)));
    std::optional<net::ApiError> failed;
    if (!awaitPlacement(
            context, found.profile,
            [&](providers::PortOrderPlacement& placement, const providers::Completion& done) {
                placement.deleteExtension(overview.order.id, extensionId, done);
            },
            &failed))
        return kExitFailure;
    if (failed)
        return context.fail(kExitFailure, tr("The extension block %1 was not deleted: %2")
                                              .arg(extensionId, PortCommand::errorText(*failed)));
    // Gone at the provider: the store follows at once.
    store::PortingRepository(*context.database()).removeExtension(found.profile.id, extensionId);
    context.out() << tr("Deleted extension block %1 from order %2.").arg(extensionId, overview.order.id)
                  << Qt::endl;
    return kExitOk;
}

int PortOrdersCommand::deleteDraft(CliContext& context, const Found& found) {
    const core::PortingOrder& order = found.overview.order;
    if (!core::canDelete(order.status))
        return context.fail(kExitFailure, tr("Only a draft can be deleted (a submitted order is cancelled "
                                             "instead); order %1 is %2.")
                                              .arg(order.id, core::displayName(order.status)));
    std::optional<net::ApiError> failed;
    if (!awaitPlacement(
            context, found.profile,
            [&](providers::PortOrderPlacement& placement, const providers::Completion& done) {
                placement.deleteDraft(order.id, done);
            },
            &failed))
        return kExitFailure;
    // Already gone at the provider (deleted elsewhere) is what was asked for.
    if (failed && failed->kind != net::ApiError::Kind::NotFound)
        return context.fail(
            kExitFailure,
            tr("The draft %1 was not deleted: %2").arg(order.id, PortCommand::errorText(*failed)));
    // Its numbers and extension blocks go with it (ON DELETE CASCADE).
    store::PortingRepository(*context.database()).removeOrder(found.profile.id, order.id);
    context.out() << tr("Deleted the draft order %1.").arg(order.id) << Qt::endl;
    return kExitOk;
}

std::optional<PortOrdersCommand::Found> PortOrdersCommand::find(CliContext& context, const QString& profile,
                                                                const QString& orderId, int* exit) {
    QString error;
    const QList<store::Profile> profiles = context.profiles(profile, &error);
    store::Database* database = context.database();
    if (!error.isEmpty() || !database) {
        *exit = error.isEmpty() ? kExitFailure : context.fail(kExitFailure, error);
        return std::nullopt;
    }
    for (const store::Profile& p : profiles) {
        for (const store::PortOrderOverview& overview : store::PortingRepository(*database).overviews(p.id)) {
            if (overview.order.id == orderId)
                return Found{p, overview};
        }
    }
    *exit = context.fail(
        kExitFailure,
        tr("There is no port order %1 in the database (see port list; run sync first?).").arg(orderId));
    return std::nullopt;
}

QJsonObject PortOrdersCommand::overviewJson(const store::PortOrderOverview& overview, bool withNumbers) {
    QJsonArray blocks;
    for (const core::PhoneNumberExtension& extension : overview.extensions) {
        QJsonObject block =
            PortCommand::planJson(overview.routeNumber, extension.extensionRange, extension.activationRanges);
        block.remove(u"route_number"_s);
        if (!withNumbers)
            block.remove(u"numbers"_s);
        block.insert(u"id"_s, extension.id);
        blocks.append(block);
    }
    return QJsonObject{
        {u"id"_s, overview.order.id},
        {u"status"_s, core::toWire(overview.order.status)},
        {u"route_number"_s, overview.routeNumber},
        {u"customer_reference"_s, overview.order.customerReference},
        {u"foc_datetime_requested"_s, overview.order.focDatetimeRequested.toString(Qt::ISODate)},
        {u"active"_s, overview.activeCount()},
        {u"extensions"_s, blocks}};
}

} // namespace trunkline::cli
