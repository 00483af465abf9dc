#pragma once

#include "store/PortingRepository.h"
#include "store/Profile.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace trunkline::cli {

class CliContext;

// The port orders a sync brought into the database, and what can be done to them from a script:
// `port list [--profile P] [--status S]`, `port show ID` (the order, its extension blocks and every full
// number with its active flag), `port delete-extension ID EXT` (only while the order is draft, in process
// or exception) and `port delete ID` (a draft). The two deletes go to the provider first and the store
// follows.
class PortOrdersCommand {
    Q_DECLARE_TR_FUNCTIONS(PortOrdersCommand)

public:
    // True for the sub-commands this class runs (arguments[1] of `port …`).
    static bool handles(const QString& subcommand);
    static int run(CliContext& context, const QStringList& arguments);

private:
    struct Found {
        store::Profile profile;
        store::PortOrderOverview overview;
    };
    static int list(CliContext& context, const QString& profile, const QString& status, bool json);
    static int show(CliContext& context, const Found& found, bool json);
    static int deleteExtension(CliContext& context, const Found& found, const QString& extensionId);
    static int deleteDraft(CliContext& context, const Found& found);
    static std::optional<Found> find(CliContext& context, const QString& profile, const QString& orderId,
                                     int* exit);
    static QJsonObject overviewJson(const store::PortOrderOverview& overview, bool withNumbers);
};

} // namespace trunkline::cli
