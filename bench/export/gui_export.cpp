// trunkline-bench-export-gui: the Numbers page over a store, all profiles in view, exported with the
// page's own Export CSV (what the view shows: its columns, filter and order) to --out. Run offscreen by
// bench/export/run, which times it beside sqlite3 -csv and trunkline-cli export.

#include "gui/TableCsvExport.h"
#include "gui/numbers/NumbersPage.h"
#include "store/Database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

using namespace trunkline;
using namespace Qt::StringLiterals;

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    // The page remembers its columns under this name, never under the admin's own settings.
    QCoreApplication::setOrganizationName(u"Trunkline"_s);
    QCoreApplication::setApplicationName(u"trunkline-bench-export-gui"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Exports the Numbers page of a store as the console does."_s);
    parser.addHelpOption();
    parser.addOption({u"database"_s, u"The SQLite file."_s, u"PATH"_s});
    parser.addOption({u"out"_s, u"The CSV file to write."_s, u"FILE"_s});
    parser.addOption({u"excel"_s, u"CSV for Excel (BOM, the locale's separator)."_s});
    parser.process(app);
    QTextStream err(stderr);
    if (!parser.isSet(u"database"_s) || !parser.isSet(u"out"_s)) {
        err << "trunkline-bench-export-gui: --database and --out are required." << Qt::endl;
        return 2;
    }
    QString error;
    const std::unique_ptr<store::Database> database =
        store::Database::open(parser.value(u"database"_s), &error);
    if (!database) {
        err << error << Qt::endl;
        return 1;
    }
    gui::NumbersPage page(*database);
    page.setProfile(std::nullopt);
    if (!page.exportTo({parser.value(u"out"_s), parser.isSet(u"excel"_s)}, false, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    return 0;
}
