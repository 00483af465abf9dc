#pragma once

#include "core/PortingOrder.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>

namespace trunkline::cli {

class CliContext;

// `validate number TEXT [--region DE]` and `validate port-ranges --route +49... --range 0-99
// --activate 4-4,19-20 [--status draft]`: the console's own rules, for scripts. Exit 0 = valid,
// 3 = the input breaks a rule (each broken rule on stderr), 2 = the command line itself is wrong.
class ValidateCommand {
    Q_DECLARE_TR_FUNCTIONS(ValidateCommand)

public:
    static int run(CliContext& context, const QStringList& arguments);

    // "19-20" (or "7" for 7-7); nullopt when it is not one.
    static std::optional<core::NumberRange> parseRange(const QString& text);

private:
    static int number(CliContext& context, const QStringList& arguments);
    static int portRanges(CliContext& context, const QStringList& arguments);
};

} // namespace trunkline::cli
