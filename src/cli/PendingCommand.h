#pragma once

#include "store/PendingChange.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace trunkline::store {
class Database;
}
namespace trunkline::changes {
struct ChangeDescription;
}

namespace trunkline::cli {

class CliContext;

// `pending list|show|approve|apply|discard [ID] [--profile P] [--format text|json] [--all]`: the staged
// changes; `pending list --format csv` writes them one row per field, as the Pending changes page's
// Export CSV does (with the store's words for a state and UTC times, for scripts). apply pushes (all due
// changes, or the one named, due or not) without pulling first; list --all includes the applied ones, so a
// script can see what became of each change it staged. approve records the connection's database role as a
// second person's approval (four-eyes, PostgreSQL only), and `pending four-eyes [on|off]` shows or switches
// the team setting. `pending resolve ID
// --keep-mine|--take-theirs` settles a conflict as the conflict dialog's buttons of those names do.
class PendingCommand {
    Q_DECLARE_TR_FUNCTIONS(PendingCommand)

public:
    static int run(CliContext& context, const QStringList& arguments);
    // One change as `pending list --format json` (and `stage --format json`) print it.
    static QJsonObject toJson(const store::PendingChange& change, const QString& profileName);
    // One change as `pending show` prints it (changes::ChangeDescription): what it does, then each field it
    // touches by its form label, before → after, the requests it takes and what it means.
    static QString describe(store::Database& database, const store::PendingChange& change,
                            const QString& profileName);

    // The header of `pending list --format csv`, and the rows of one change under it.
    static QStringList csvColumns();
    static QList<QStringList> csvRows(const changes::ChangeDescription& description,
                                      const store::PendingChange& change, const QString& profileName);

private:
    static int resolve(CliContext& context, store::Database& database, qint64 id, bool keepMine);
    static int fourEyes(CliContext& context, const QStringList& arguments);
};

} // namespace trunkline::cli
