#include "cli/CommandLine.h"
#include "i18n/Translator.h"

#include <QCoreApplication>

// Thin on purpose: everything lives in the trunkline_cli library so the tests can reach it.
int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Trunkline"));
    QCoreApplication::setApplicationName(QStringLiteral("Trunkline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRUNKLINE_VERSION));
    // Messages and help in the user's language, as in the console (LANG / LC_ALL / LC_MESSAGES).
    trunkline::i18n::Translator::install(QLocale::system());
    return trunkline::cli::CommandLine::run(QCoreApplication::arguments());
}
