// The trunkline executable: application identity, translations, the command line, the local
// store, the main window. Everything else lives in the libraries so that tests can reach it.
#include "demo/DemoEmulator.h"
#include "gui/AppSession.h"
#include "gui/DatabaseStatusText.h"
#include "gui/MainWindow.h"
#include "gui/Version.h"
#include "i18n/Translator.h"
#include "secrets/KeychainSecretStore.h"
#include "store/Database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    // Settings live under "Trunkline/Trunkline", data under AppDataLocation of the same names.
    QCoreApplication::setOrganizationName(u"Trunkline"_s);
    QCoreApplication::setApplicationName(u"Trunkline"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(trunkline::kVersion));
    QGuiApplication::setApplicationDisplayName(u"Trunkline"_s);
    QGuiApplication::setDesktopFileName(u"trunkline"_s);
    QGuiApplication::setWindowIcon(QIcon(u":/icons/trunkline.svg"_s));

    // Before the parser, so that --help is translated too.
    trunkline::i18n::Translator::install(QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Provisioning console for company phone systems."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(
        u"database"_s,
        QCoreApplication::translate("main", "Open the SQLite file at PATH or the PostgreSQL database at URL "
                                            "(postgresql://user@host:port/database) instead of the "
                                            "local default."),
        QCoreApplication::translate("main", "PATH_OR_URL"));
    parser.addOption(databaseOption);
    parser.process(app);

    const QString pathOrUrl = parser.isSet(databaseOption) ? parser.value(databaseOption)
                                                           : trunkline::store::Database::defaultSqlitePath();
    QString error = trunkline::store::Database::commandLinePasswordProblem(pathOrUrl);
    const std::unique_ptr<trunkline::store::Database> database =
        error.isEmpty() ? trunkline::store::Database::open(pathOrUrl, &error) : nullptr;
    if (!database) {
        // The store's message names the file or server and the reason; it never contains a password.
        QMessageBox box(QMessageBox::Critical, QCoreApplication::translate("main", "Trunkline cannot start"),
                        QCoreApplication::translate("main", "Trunkline could not open its database."),
                        QMessageBox::Close);
        box.setInformativeText(trunkline::gui::DatabaseStatusText::describe(pathOrUrl) + u"\n\n"_s + error);
        box.exec();
        return 1;
    }

    // Secrets live only in the OS keychain. Declared before the session, which reads the store and the
    // keychain until it is gone.
    trunkline::secrets::KeychainSecretStore secrets;
    trunkline::demo::DemoEmulator demo; // the demo office, started when a demo profile is first opened
    trunkline::gui::AppSession session(*database, secrets, demo);
    session.window().setDatabaseDescription(trunkline::gui::DatabaseStatusText::describe(pathOrUrl));
    session.window().show();
    // Once the window is up: a first start offers the demo office.
    QTimer::singleShot(0, &session, [&session] { session.offerDemoOnFirstStart(); });
    return QApplication::exec();
}
