#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <optional>

namespace trunkline::cli {

class CliContext;

// `sync [--profile P] [--details]` and, through runSync(), `pending apply`: pulls and pushes each
// selected profile, prints progress on stderr and one summary line per profile on stdout.
class SyncCommand {
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)

public:
    static int run(CliContext& context, const QStringList& arguments);

    struct Request {
        QString profile; // empty = every profile
        bool pull = true;
        bool details = false;
        std::optional<qint64> onlyChangeId;
        bool json = false;
    };
    static int runSync(CliContext& context, const Request& request);
};

} // namespace trunkline::cli
