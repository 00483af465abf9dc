#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace trunkline::cli {

class CliContext;

// `pending list|apply|discard [ID] [--profile P] [--format text|json]`: the staged changes. apply pushes
// (all due changes, or the one named, due or not) without pulling first.
class PendingCommand {
    Q_DECLARE_TR_FUNCTIONS(PendingCommand)

public:
    static int run(CliContext& context, const QStringList& arguments);
};

} // namespace trunkline::cli
