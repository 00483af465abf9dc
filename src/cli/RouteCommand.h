#pragma once

#include "core/RouteLinter.h"
#include "core/RouteMatcher.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace trunkline::cli {

class CliContext;

// `route (--profile P | --entries FILE) [--format json] -- DIALED…`: which stored number or regex each
// dialed string reaches at Restcomm, and why (core::RouteMatcher, the server's own rules).
// `route --lint (--profile P | --entries FILE)`: the linter's findings; exit 3 when one is an error.
// FILE holds one stored number or pattern per line, as a pure SIP number of one organisation (how a
// plan of routes is created), so a plan can be tested before it exists.
class RouteCommand {
    Q_DECLARE_TR_FUNCTIONS(RouteCommand)

public:
    static int run(CliContext& context, const QStringList& arguments);

    // The organisation every entry of a plan file or a profile is tested in.
    static inline const QString kOrganization = QStringLiteral("plan");

    // One dialed string's result as the JSON the command prints (see --help).
    static QJsonObject resultJson(const QString& dialed, const QList<core::RouteEntry>& entries,
                                  const core::RouteMatch& match);
    static QJsonObject findingJson(const QList<core::RouteEntry>& entries, const core::RouteFinding& finding);

private:
    static QList<core::RouteEntry> entriesFromFile(const QString& path, QString* error);
    static QList<core::RouteEntry> entriesOfProfile(CliContext& context, const QString& profile,
                                                    QString* error);
};

} // namespace trunkline::cli
