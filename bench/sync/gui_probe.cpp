// trunkline-bench-sync-gui: the console's main window (AppSession, Numbers page open) while it syncs a
// RingCentral account from a running trunkline-emulator into a fresh SQLite file, as an admin would with
// F5. Measures what the admin feels, not the sync's speed:
//   - the GUI thread's event-loop stalls: a 1 ms probe timer on the GUI thread; every gap beyond its
//     interval is a stall (longest, p99, how many over 50 ms),
//   - how soon the first rows are painted after the first page of numbers is in the store: a second
//     read-only connection on a thread of its own polls the store every 2 ms for the first row; the
//     PaintProbe application stops the other clock when the table's viewport has painted rows.
// The emulator's "ringcentral-admin client_id=… client_secret=… jwt=…" line is read from standard input.
// Prints one line of key=value figures.

#include "../ui/PaintProbe.h"
#include "../ui/StallProbe.h"
#include "BenchAccount.h"
#include "demo/DemoEmulator.h"
#include "gui/AppSession.h"
#include "gui/MainWindow.h"
#include "gui/syncstatus/SyncController.h"
#include "secrets/MemorySecretStore.h"
#include "store/Database.h"

#include <QAbstractItemModel>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTableView>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <sys/resource.h>

using namespace trunkline;
using namespace Qt::StringLiterals;

namespace {

int fail(const QString& message) {
    QTextStream(stderr) << "trunkline-bench-sync-gui: " << message << Qt::endl;
    return 1;
}

double peakMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Watches the store from a connection of its own for the first stored phone number.
class FirstRowWatch : public QThread {
public:
    FirstRowWatch(const store::Database& database, const QElapsedTimer& clock)
        : m_database(database)
        , m_clock(clock) {}
    ~FirstRowWatch() override {
        m_stop = true;
        wait();
    }
    // Nanoseconds on the clock when the first number was seen, -1 until then.
    qint64 seenAt() const { return m_seenAt; }

protected:
    void run() override {
        QString error;
        const std::unique_ptr<store::Database> own = m_database.cloneForThisThread(&error);
        if (!own)
            return;
        QSqlQuery query(own->connection());
        while (!m_stop) {
            if (query.exec(u"SELECT EXISTS (SELECT 1 FROM phone_numbers)"_s) && query.next() &&
                query.value(0).toBool()) {
                m_seenAt = m_clock.nsecsElapsed();
                return;
            }
            query.finish();
            msleep(2);
        }
    }

private:
    const store::Database& m_database;
    const QElapsedTimer& m_clock;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_seenAt{-1};
};

} // namespace

int main(int argc, char* argv[]) {
    bench::PaintProbe app(argc, argv);
    // The window remembers its state under this name, never under the admin's own Trunkline settings.
    QCoreApplication::setOrganizationName(u"Trunkline"_s);
    QCoreApplication::setApplicationName(u"trunkline-bench-sync-gui"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The console's responsiveness while it syncs from trunkline-emulator."_s);
    parser.addHelpOption();
    parser.addOption({u"base-url"_s, u"The emulator's address."_s, u"URL"_s});
    parser.addOption({u"database"_s, u"SQLite file to sync into (created fresh)."_s, u"PATH"_s});
    parser.process(app);
    if (!parser.isSet(u"base-url"_s) || !parser.isSet(u"database"_s))
        return fail(u"--base-url and --database are required."_s);

    secrets::MemorySecretStore secrets;
    bench::BenchAccount account;
    QString error;
    if (!account.create(parser.value(u"database"_s), parser.value(u"base-url"_s), secrets, &error))
        return fail(error);
    store::Database& database = *account.database;

    demo::DemoEmulator unusedDemo; // the session offers the demo account; this run never opens it
    gui::AppSession session(database, secrets, unusedDemo);
    gui::MainWindow& window = session.window();
    window.resize(1280, 800);
    window.show();
    window.showPage(gui::MainWindow::Page::Numbers);
    auto* table = window.pageWidget(gui::MainWindow::Page::Numbers)->findChild<QTableView*>(u"tableView"_s);
    if (!table)
        return fail(u"the Numbers page has no table"_s);

    QElapsedTimer clock;
    clock.start();
    bench::StallProbe probe(clock);
    FirstRowWatch firstRow(database, clock);
    qint64 paintedAt = -1;
    app.watch(
        table->viewport(), [table] { return table->model()->rowCount() > 0; },
        [&] { paintedAt = clock.nsecsElapsed(); });
    bool ok = false;
    QObject::connect(&session.sync(), &gui::SyncController::finished, &app,
                     [&](bool complete, const QString& summary, const QStringList& errors) {
                         ok = complete;
                         if (!complete)
                             QTextStream(stderr) << summary << '\n' << errors.join(u'\n') << Qt::endl;
                         app.quit();
                     });
    QTimer::singleShot(0, &app, [&] {
        probe.start();
        firstRow.start();
        session.sync().syncAll();
    });
    app.exec();
    probe.stop();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double firstRowsMs =
        paintedAt > 0 && firstRow.seenAt() > 0 ? double(paintedAt - firstRow.seenAt()) / 1e6 : -1;
    QTextStream(stdout) << "complete=" << (ok ? 1 : 0) << " seconds=" << QString::number(seconds, 'f', 2)
                        << " stall_max_ms=" << QString::number(probe.longest(), 'f', 1)
                        << " stall_p99_ms=" << QString::number(probe.percentile(0.99), 'f', 1)
                        << " stalls_over_50ms=" << probe.over(50)
                        << " first_rows_ms=" << QString::number(firstRowsMs, 'f', 0)
                        << " peak_mb=" << QString::number(peakMegabytes(), 'f', 0) << Qt::endl;
    return ok ? 0 : 1;
}
