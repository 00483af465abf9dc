#include "cli/CommandLine.h"

#include <QCoreApplication>

// Thin on purpose: everything lives in the trunkline_cli library so the tests can reach it.
int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Trunkline"));
    QCoreApplication::setApplicationName(QStringLiteral("Trunkline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRUNKLINE_VERSION));
    return trunkline::cli::CommandLine::run(QCoreApplication::arguments());
}
