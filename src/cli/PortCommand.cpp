#include "cli/PortCommand.h"

#include "cli/AwaitResult.h"
#include "cli/CliContext.h"
#include "cli/ExitCode.h"
#include "cli/PortOrdersCommand.h"
#include "cli/ValidateCommand.h"
#include "connection/ConnectionFactory.h"
#include "core/PortOrderDetails.h"
#include "core/PortingRules.h"
#include "core/WantedNumbers.h"
#include "net/ApiError.h"
#include "store/NumberSightings.h"
#include "store/PortingRepository.h"

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
    if (PortOrdersCommand::handles(arguments.value(1)))
        return PortOrdersCommand::run(context, arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Plans or places the port of a German main line with its extension block: checks the route "
           "number, the extension range and the activation ranges against the porting rules. --dry-run "
           "prints every number that will port with whether it will be active; --profile P places the "
           "order (the documents uploaded, a draft with the route number only, its details and the extension "
           "block) and --submit "
           "submits it. --activate-numbers takes a file with one wanted number per line (+49 201 23456 "
           "7804, 0049…, 0201…) and derives the fewest activation ranges.\n"
           "port list|show|delete-extension|delete: see `port list --help`."));
    parser.addHelpOption();
    parser.addOption({u"dry-run"_s, tr("Only check and print the plan (needs no profile).")});
    parser.addOption({u"profile"_s, tr("Place the order on this profile (name or id)."), u"profile"_s});
    parser.addOption({u"route"_s, tr("The route number (main line) in E.164."), u"number"_s});
    parser.addOption({u"range"_s, tr("The extension range, e.g. 0-99."), u"from-to"_s});
    parser.addOption({u"activate"_s, tr("Activation ranges, e.g. 4-4,19-20."), u"ranges"_s});
    parser.addOption({u"activate-numbers"_s, tr("A file of wanted full numbers, one per line."), u"file"_s});
    parser.addOption({u"end-user"_s, tr("The company that holds the numbers today."), u"name"_s});
    parser.addOption({u"auth-person"_s, tr("Who signs the letter of authorisation."), u"name"_s});
    parser.addOption({u"street"_s, tr("Street address where the numbers are in service."), u"address"_s});
    parser.addOption({u"postal-code"_s, tr("Its German postal code (five digits)."), u"code"_s});
    parser.addOption({u"locality"_s, tr("Its town or city."), u"town"_s});
    parser.addOption(
        {u"date"_s, tr("The requested porting date, a working day after today."), u"YYYY-MM-DD"_s});
    parser.addOption(
        {u"loa"_s, tr("The letter of authorisation the end user signed (PDF, JPEG or PNG)."), u"file"_s});
    parser.addOption(
        {u"invoice"_s, tr("Their latest invoice from the current carrier (PDF, JPEG or PNG)."), u"file"_s});
    parser.addOption({u"reference"_s, tr("Your own reference for the order (optional)."), u"text"_s});
    parser.addOption({u"submit"_s, tr("Submit the order once it is placed.")});
    parser.addOption({u"format"_s, tr("text or json."), u"format"_s, u"text"_s});
    QString format;
    if (const int exit = context.parse(parser, arguments, u"port"_s, &format); exit >= 0)
        return exit;
    const bool dryRun = parser.isSet(u"dry-run"_s);
    if (dryRun == parser.isSet(u"profile"_s))
        return context.fail(kExitUsage, tr("port: give either --dry-run (check the plan) or --profile P "
                                           "(place the order)."));
    if (dryRun && parser.isSet(u"submit"_s))
        return context.fail(kExitUsage, tr("port: --submit places an order; it cannot go with --dry-run."));
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

    core::OrderDetails details;
    if (!dryRun) {
        const QString dateText = parser.value(u"date"_s);
        const QDate date = QDate::fromString(dateText, Qt::ISODate);
        if (!dateText.isEmpty() && !date.isValid())
            return context.fail(kExitUsage, tr("--date: “%1” is not a date (YYYY-MM-DD).").arg(dateText));
        details.entityName = parser.value(u"end-user"_s);
        details.authPersonName = parser.value(u"auth-person"_s);
        details.streetAddress = parser.value(u"street"_s);
        details.postalCode = parser.value(u"postal-code"_s);
        details.locality = parser.value(u"locality"_s);
        details.requestedDate = date;
        details.customerReference = parser.value(u"reference"_s);
        details.loaPath = parser.value(u"loa"_s);
        details.invoicePath = parser.value(u"invoice"_s);
        // Named by the option that gives the field, not by the API's JSON pointer.
        for (core::RuleViolation violation : core::OrderDetailsRules::check(details, QDate::currentDate())) {
            violation.field = optionOf(violation.field);
            violations << violation;
        }
    }
    if (!violations.isEmpty()) {
        for (const core::RuleViolation& v : std::as_const(violations))
            context.fail(kExitValidationFailed, tr("%1: %2").arg(v.field, v.message));
        return kExitValidationFailed;
    }
    if (!dryRun) {
        // The rules passed, so the files were readable a moment ago; read them whole now.
        QString unreadable;
        const std::optional<providers::PortOrderRequest> request =
            providers::PortOrderRequest::of(route, details, *range, activation, &unreadable);
        if (!request)
            return context.fail(kExitFailure, unreadable);
        return place(context, parser.value(u"profile"_s), *request, parser.isSet(u"submit"_s),
                     format == u"json"_s);
    }

    const QJsonObject plan = planJson(route, *range, activation);
    if (format == u"json"_s) {
        context.out() << QJsonDocument(plan).toJson(QJsonDocument::Compact) << Qt::endl;
        return kExitOk;
    }
    printPlan(context, plan);
    return kExitOk;
}

// A rule's field or a provider's JSON pointer (which may go deeper: /phone_numbers/0, /activation_ranges/1)
// named by the option that gives it; the field itself when no option does.
QString PortCommand::optionOf(const QString& field) {
    static const QList<std::pair<QString, QString>> options{
        {u"/phone_numbers"_s, u"--route"_s},
        {u"/porting_phone_number_id"_s, u"--route"_s},
        {u"/extension_range"_s, u"--range"_s},
        {u"/activation_ranges"_s, u"--activate"_s},
        {u"/end_user/admin/entity_name"_s, u"--end-user"_s},
        {u"/end_user/admin/auth_person_name"_s, u"--auth-person"_s},
        {u"/end_user/location/street_address"_s, u"--street"_s},
        {u"/end_user/location/postal_code"_s, u"--postal-code"_s},
        {u"/end_user/location/locality"_s, u"--locality"_s},
        {u"/activation_settings/foc_datetime_requested"_s, u"--date"_s},
        {u"/customer_reference"_s, u"--reference"_s},
        {u"/documents/loa"_s, u"--loa"_s},
        {u"/documents/invoice"_s, u"--invoice"_s},
        // An upload the provider refused (POST /documents names the file's members, not which document).
        {u"/file"_s, u"--loa/--invoice"_s}};
    for (const auto& [pointer, option] : options) {
        if (field == pointer || field.startsWith(pointer + u'/'))
            return option;
    }
    return field;
}

void PortCommand::printPlan(CliContext& context, const QJsonObject& plan) {
    QStringList ranges;
    for (const QJsonValue& value : plan.value(u"activation_ranges"_s).toArray()) {
        const QJsonObject r = value.toObject();
        ranges << u"%1-%2"_s.arg(r.value(u"start_at"_s).toInt()).arg(r.value(u"end_at"_s).toInt());
    }
    const QJsonObject range = plan.value(u"range"_s).toObject();
    context.out() << tr("route number %1, extension range %2-%3, activation ranges %4")
                         .arg(plan.value(u"route_number"_s).toString())
                         .arg(range.value(u"start_at"_s).toInt())
                         .arg(range.value(u"end_at"_s).toInt())
                         .arg(ranges.join(u", "_s))
                  << Qt::endl;
    const QJsonArray numbers = plan.value(u"numbers"_s).toArray();
    int active = 0;
    for (const QJsonValue& value : numbers) {
        const QJsonObject number = value.toObject();
        const bool on = number.value(u"active"_s).toBool();
        active += on ? 1 : 0;
        context.out() << number.value(u"number"_s).toString() << '\t' << (on ? tr("active") : tr("inactive"))
                      << Qt::endl;
    }
    context.out() << tr("%1 numbers port, %2 active, %3 inactive")
                         .arg(numbers.size())
                         .arg(active)
                         .arg(numbers.size() - active)
                  << Qt::endl;
}

int PortCommand::place(CliContext& context, const QString& profileSelector,
                       const providers::PortOrderRequest& request, bool submit, bool json) {
    QString error;
    const QList<store::Profile> profiles = context.profiles(profileSelector, &error);
    if (!error.isEmpty())
        return context.fail(kExitFailure, error);
    store::Database* database = context.database();
    if (!database)
        return kExitFailure;
    const store::Profile& profile = profiles.constFirst();
    // Warnings, not rules (the local copy may be out of date): porting a number again is almost always a
    // mistake, and the provider has the last word.
    for (const store::NumberSighting& sighting :
         store::numberSightings(*database, profile.id, request.routeE164)) {
        context.err() << (sighting.order ? tr("Warning: %1 is already on port order %2 (%3).")
                                               .arg(request.routeE164, sighting.order->id,
                                                    core::displayName(sighting.order->status))
                                         : tr("Warning: %1 is already in the inventory of profile “%2”.")
                                               .arg(request.routeE164, sighting.inventoryProfile))
                      << Qt::endl;
    }
    std::unique_ptr<connection::Connection> line = context.connect(profile, &error);
    if (!line)
        return context.fail(kExitFailure, error);
    const std::unique_ptr<providers::PortOrderPlacement> placement =
        line->provider && line->provider->adapter ? line->provider->adapter->portOrders(line->client.get())
                                                  : nullptr;
    if (!placement)
        return context.fail(kExitFailure, tr("Profile %1 takes no port orders (%2 has none).")
                                              .arg(profile.name, line->provider ? line->provider->displayName
                                                                                : profile.provider));
    store::PortingRepository porting(*database);
    using Placed = providers::Outcome<core::PortingOrder>;
    const Placed created = awaitResult<Placed>(
        [&](const std::function<void(const Placed&)>& done) { placement->placeDraft(request, done); });
    // A draft the provider holds is stored at once, even when a later step failed: it is there to
    // delete (`port delete ID`) or to finish on the Port orders page.
    if (created.value && !created.value->id.isEmpty())
        porting.upsertOrders(profile.id, {*created.value});
    if (created.error) {
        const QString why = errorText(*created.error);
        if (!created.value || created.value->id.isEmpty())
            return context.fail(kExitFailure, tr("The order was not created: %1").arg(why));
        return context.fail(kExitFailure,
                            tr("Draft order %1 was created, but the rest did not go through: %2 "
                               "Delete it with `trunkline-cli port delete %1`, or finish it on "
                               "the Port orders page.")
                                .arg(created.value->id, why));
    }
    core::PortingOrder order = *created.value;
    if (!json)
        context.out() << tr("Draft order %1 created on %2 with the extension block attached.")
                             .arg(order.id, profile.name)
                      << Qt::endl;
    if (submit) {
        const Placed submitted = awaitResult<Placed>(
            [&](const std::function<void(const Placed&)>& done) { placement->submit(order.id, done); });
        if (submitted.error || !submitted.value)
            return context.fail(
                kExitFailure, tr("Order %1 was not submitted: %2 It stays a draft; submit it on the Port "
                                 "orders page once the cause is fixed.")
                                  .arg(order.id, submitted.error ? errorText(*submitted.error) : QString()));
        order = *submitted.value;
        porting.upsertOrders(profile.id, {order});
        if (!json)
            context.out() << tr("Order %1 submitted; its status is now %2.")
                                 .arg(order.id, core::displayName(order.status))
                          << Qt::endl;
    }
    if (json) {
        QJsonObject placed = planJson(request.routeE164, request.extensionRange, request.activationRanges);
        placed.insert(u"id"_s, order.id);
        placed.insert(u"status"_s, core::toWire(order.status));
        context.out() << QJsonDocument(placed).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        context.out() << tr("Its numbers and extension blocks arrive with the next `trunkline-cli sync "
                            "--profile %1`.")
                             .arg(profile.name)
                      << Qt::endl;
    }
    return kExitOk;
}

QString PortCommand::errorText(const net::ApiError& error) {
    return error.field.isEmpty() ? error.message() : tr("%1: %2").arg(optionOf(error.field), error.message());
}

} // namespace trunkline::cli
