#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace trunkline::cli {

// The top level of trunkline-cli: global options (--database, --help, --version, anywhere on the line),
// then one command, handed to its class.
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static int run(const QStringList& arguments);
    static QString helpText();
};

} // namespace trunkline::cli
