// trunkline-bench-ui: time to first painted rows of the real Numbers page over a million numbers,
// time for a wildcard digits filter to show its first rows, and peak memory; each beside the same
// SELECT run by the sqlite3 command-line tool on the same file. See README.md; bench/ui/run drives it.
//
//   trunkline-bench-ui [--db FILE] [--count N] [--pattern P] [--text T] [--runs R]   the whole table
//   trunkline-bench-ui --generate --db FILE [--count N]                  (re)create the file only
//   trunkline-bench-ui --measure first|filter|text --db FILE [--pattern P]   one fresh-process run (JSON;
//                      "text" puts the pattern in the label/extension field)

#include "BenchData.h"
#include "PaintProbe.h"
#include "SqlTrace.h"
#include "StallProbe.h"
#include "gui/numbers/NumbersPage.h"
#include "models/NumbersModel.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTableView>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace trunkline;

namespace {

constexpr qint64 kDefaultCount = 1'000'000;
const QString kDefaultPattern = u"+4930*12*"_s;
// About one label in twelve has it (BenchData's labels), so the first page is found at once while the
// count has to read every row: no index serves a "contains" match.
const QString kDefaultText = u"reception"_s;
constexpr double kTargetFirstMs = 500.0;
constexpr double kTargetFilterMs = 100.0;
constexpr double kTargetRssMb = 250.0;
constexpr double kTargetStallMs = 50.0; // the GUI thread's longest busy turn, as in bench/sync's window

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

double peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

double msSince(const QElapsedTimer& timer) {
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// Runs the event loop until `done` is true or `timeoutMs` passed; false on time-out.
bool spinUntil(const std::function<bool()>& done, int timeoutMs = 60000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

// One measurement in this (fresh) process; the result is one JSON line on stdout.
int measure(bench::PaintProbe& app, const QString& mode, const QString& path, const QString& pattern) {
    QJsonObject result{{u"mode"_s, mode}};
    // The page remembers column state in QSettings: start from the defaults every time.
    QSettings().clear();

    QElapsedTimer openTimer;
    openTimer.start();
    QString error;
    const std::unique_ptr<store::Database> database = store::Database::open(path, &error);
    if (!database) {
        result.insert(u"error"_s, error);
        out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
        return 1;
    }
    result.insert(u"openMs"_s, msSince(openTimer));
    bench::SqlTrace trace(*database);

    // (1) From just before the page exists to the viewport's first paint with rows in it.
    bool painted = false;
    double firstMs = 0;
    QElapsedTimer timer;
    timer.start();
    gui::NumbersPage page(*database);
    models::NumbersModel* model = page.model();
    auto* table = page.findChild<QTableView*>(u"tableView"_s);
    auto* digits = page.findChild<QLineEdit*>(u"digitsEdit"_s);
    if (!table || !digits) {
        result.insert(u"error"_s, u"NumbersPage has no tableView/digitsEdit"_s);
        out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
        return 1;
    }
    app.watch(
        table->viewport(), [model] { return model->rowCount() > 0; },
        [&] {
            firstMs = msSince(timer);
            painted = true;
        });
    qint64 total = -2;
    // The model also signals when a new filter makes its count unknown; only an arrived count counts.
    const QMetaObject::Connection counted =
        QObject::connect(model, &models::NumbersModel::totalCountChanged, [&](qint64 count) {
            if (model->isTotalKnown())
                total = count;
        });
    page.resize(1280, 800);
    page.show();
    if (!spinUntil([&] { return painted; })) {
        result.insert(u"error"_s, u"no rows were painted within a minute"_s);
        out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
        return 1;
    }
    result.insert(u"firstMs"_s, firstMs);
    result.insert(u"firstRows"_s, model->rowCount());
    result.insert(u"firstSql"_s, trace.last({u"FROM phone_numbers n"_s, u"LIMIT"_s}));

    // The count ("1,000,000 numbers") is read on the model's counting thread and announced when done.
    spinUntil([&] { return total != -2; });
    result.insert(u"countShownMs"_s, msSince(timer));
    result.insert(u"total"_s, total);
    result.insert(u"countSql"_s, trace.last({u"COUNT(*)"_s, u"phone_numbers"_s}));

    if (mode == u"filter"_s || mode == u"text"_s) {
        // The filter bar waits for a typing pause (NumbersPage::kFilterDelayMs); Return applies at
        // once. The clock runs from the Return key to the first paint after the model's reset; the
        // stall probe from the Return key until the count is shown.
        QLineEdit* edit = mode == u"filter"_s ? digits : page.findChild<QLineEdit*>(u"textEdit"_s);
        if (!edit) {
            result.insert(u"error"_s, u"NumbersPage has no textEdit"_s);
            out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
            return 1;
        }
        QApplication::processEvents();
        edit->setText(pattern);
        bool reset = false;
        const QMetaObject::Connection resetSeen =
            QObject::connect(model, &QAbstractItemModel::modelReset, [&] { reset = true; });
        painted = false;
        double filterMs = 0;
        total = -2;
        trace.clear();
        // A filter that matches nothing paints an empty table: its first paint after the reset counts.
        app.watch(
            table->viewport(), [&] { return reset && (model->rowCount() > 0 || !model->canFetchMore({})); },
            [&] {
                filterMs = msSince(timer);
                painted = true;
            });
        // The keys are posted, not sent, so that the probe is already ticking when the event loop
        // handles them and their turn (which reads the first page) counts as a stall too.
        QElapsedTimer probeClock;
        probeClock.start();
        bench::StallProbe stalls(probeClock);
        stalls.start();
        spinUntil([&] { return probeClock.elapsed() > 20; });
        timer.start();
        QCoreApplication::postEvent(edit, new QKeyEvent(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier));
        QCoreApplication::postEvent(edit, new QKeyEvent(QEvent::KeyRelease, Qt::Key_Return, Qt::NoModifier));
        if (!spinUntil([&] { return painted; })) {
            result.insert(u"error"_s, u"the filter painted nothing within a minute"_s);
            out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
            return 1;
        }
        result.insert(u"filterMs"_s, filterMs);
        result.insert(u"filterRows"_s, model->rowCount());
        result.insert(u"filterSql"_s, trace.last({u"FROM phone_numbers n"_s, u"LIMIT"_s}));
        spinUntil([&] { return total != -2; });
        // The Return key's own turn of the event loop (which reads the first page) is part of the stall.
        stalls.stop();
        result.insert(u"filterCountShownMs"_s, msSince(timer));
        result.insert(u"filterTotal"_s, total);
        result.insert(u"filterCountSql"_s, trace.last({u"COUNT(*)"_s, u"phone_numbers"_s}));
        result.insert(u"filterStallMs"_s, stalls.longest());
        QObject::disconnect(resetSeen);
    }
    QObject::disconnect(counted);
    result.insert(u"pagesFetched"_s, model->pagesFetched());
    result.insert(u"peakRssMb"_s, peakRssMb());
    out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

// ---- the driver: fresh processes, the sqlite3 CLI, the table ----

struct Sample {
    double ms = 0;
    double rssMb = 0;
};

double median(QList<double> values) {
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

std::optional<QJsonObject> runChild(const QStringList& arguments, QString* error) {
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), arguments);
    if (!child.waitForFinished(300000)) {
        *error = u"child did not finish: "_s + child.errorString();
        return std::nullopt;
    }
    const QList<QByteArray> lines = child.readAllStandardOutput().trimmed().split('\n');
    const QJsonObject object = QJsonDocument::fromJson(lines.constLast()).object();
    if (object.isEmpty() || object.contains(u"error"_s) || child.exitCode() != 0) {
        *error = object.value(u"error"_s).toString(QString::fromLocal8Bit(child.readAllStandardError()));
        return std::nullopt;
    }
    return object;
}

// sqlite3 FILE with ".timer on" and the SQL on stdin, under /usr/bin/time -v: the query's own time (.timer),
// the whole process's wall time (start, open, query, print, exit) and its peak RSS.
struct CliResult {
    double queryMs = -1;
    double processMs = -1;
    double rssMb = -1;
    int rows = 0;
    QString error;
};

CliResult runSqliteCli(const QString& sqlite3, const QString& path, const QString& sql) {
    CliResult result;
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    // On stdin, not as arguments: sqlite3 3.40 runs "sqlite3 FILE '.timer on' 'SELECT ...'" but
    // prints no "Run Time" for SQL given as an argument.
    process.start(u"/usr/bin/time"_s, {u"-v"_s, sqlite3, path});
    const QByteArray input = ".timer on\n" + sql.toUtf8() + ";\n";
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(300000) || process.exitCode() != 0) {
        result.error = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        return result;
    }
    result.processMs = msSince(timer);
    const QString stdOut = QString::fromUtf8(process.readAllStandardOutput());
    const QString stdErr = QString::fromLocal8Bit(process.readAllStandardError());
    static const QRegularExpression runTime(u"Run Time: real ([0-9.]+)"_s);
    static const QRegularExpression maxRss(u"Maximum resident set size \\(kbytes\\): ([0-9]+)"_s);
    if (const auto m = runTime.match(stdOut); m.hasMatch()) {
        result.queryMs = m.captured(1).toDouble() * 1000.0;
    }
    if (const auto m = maxRss.match(stdErr); m.hasMatch()) {
        result.rssMb = m.captured(1).toDouble() / 1024.0;
    }
    for (const QStringView line : QStringView(stdOut).split(u'\n')) {
        if (!line.isEmpty() && !line.startsWith(u"Run Time:"_s)) {
            ++result.rows;
        }
    }
    return result;
}

QString fmt(double value, int decimals = 1) {
    return value < 0 ? u"n/a"_s : QString::number(value, 'f', decimals);
}

QString verdict(double value, double target) {
    return value <= target ? u"met"_s : u"MISSED"_s;
}

QString cpuModel() {
    QFile file(u"/proc/cpuinfo"_s);
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : file.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
            }
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

int drive(const QString& path, qint64 count, const QString& pattern, const QString& text, int runs,
          const QString& sqlite3) {
    QTextStream& o = out();
    const bench::BenchData::FileState existing = bench::BenchData::inspect(path);
    const int newFilePageSize = bench::BenchData::newFilePageSize();
    if (existing.numbers != count || existing.pageSize != newFilePageSize) {
        o << "Generating " << count << " numbers in " << path << " through PhoneNumberRepository::upsert"
          << (existing.numbers >= 0
                  ? u" (the file held %1 in %2-byte pages; a new file gets %3)"_s.arg(existing.numbers)
                        .arg(existing.pageSize)
                        .arg(newFilePageSize)
                  : QString())
          << "..." << Qt::endl;
        const bench::BenchData::Result generated =
            bench::BenchData::generate(path, count, [](qint64 written, qint64 total) {
                if (written % 100000 == 0 || written == total) {
                    out() << "  " << written << " / " << total << Qt::endl;
                }
            });
        if (!generated.ok) {
            o << "Generation failed: " << generated.error << Qt::endl;
            return 1;
        }
        o << "Generated " << generated.numbers << " numbers in "
          << fmt(static_cast<double>(generated.elapsedMs) / 1000.0) << " s ("
          << fmt(static_cast<double>(generated.numbers) * 1000.0 /
                     static_cast<double>(qMax<qint64>(1, generated.elapsedMs)),
                 0)
          << " rows/s); the file is reused by later runs." << Qt::endl;
    } else {
        o << "Reusing " << path << " (" << existing.numbers << " numbers)." << Qt::endl;
    }
    // Either reused with that size or generated just now by the store.
    o << "File size: " << fmt(static_cast<double>(QFileInfo(path).size()) / 1048576.0) << " MB in "
      << newFilePageSize << "-byte pages" << Qt::endl;

    QList<double> first;
    QList<double> firstRss;
    QList<double> filter;
    QList<double> filterRss;
    QList<double> countMs;
    QList<double> filterCountMs;
    QList<double> filterStall;
    QList<double> textMs;
    QList<double> textCountMs;
    QList<double> textStall;
    QList<double> textRss;
    QJsonObject sample;
    QJsonObject textSample;
    for (int run = 0; run < runs; ++run) {
        QString error;
        const std::optional<QJsonObject> a = runChild({u"--measure"_s, u"first"_s, u"--db"_s, path}, &error);
        const std::optional<QJsonObject> b =
            a ? runChild({u"--measure"_s, u"filter"_s, u"--db"_s, path, u"--pattern"_s, pattern}, &error)
              : std::nullopt;
        const std::optional<QJsonObject> c =
            b ? runChild({u"--measure"_s, u"text"_s, u"--db"_s, path, u"--pattern"_s, text}, &error)
              : std::nullopt;
        if (!a || !b || !c) {
            o << "Measurement failed: " << error << Qt::endl;
            return 1;
        }
        first << a->value(u"firstMs"_s).toDouble();
        firstRss << a->value(u"peakRssMb"_s).toDouble();
        countMs << a->value(u"countShownMs"_s).toDouble() - a->value(u"firstMs"_s).toDouble();
        filter << b->value(u"filterMs"_s).toDouble();
        filterRss << b->value(u"peakRssMb"_s).toDouble();
        filterCountMs << b->value(u"filterCountShownMs"_s).toDouble() - b->value(u"filterMs"_s).toDouble();
        filterStall << b->value(u"filterStallMs"_s).toDouble();
        textMs << c->value(u"filterMs"_s).toDouble();
        textCountMs << c->value(u"filterCountShownMs"_s).toDouble();
        textStall << c->value(u"filterStallMs"_s).toDouble();
        textRss << c->value(u"peakRssMb"_s).toDouble();
        sample = *b;
        textSample = *c;
        o << "  run " << run + 1 << ": first rows " << fmt(first.constLast()) << " ms, filter "
          << fmt(filter.constLast()) << " ms (longest stall " << fmt(filterStall.constLast())
          << " ms), label " << fmt(textMs.constLast()) << " ms (count shown " << fmt(textCountMs.constLast())
          << " ms, longest stall " << fmt(textStall.constLast()) << " ms), peak "
          << fmt(std::max({firstRss.constLast(), filterRss.constLast(), textRss.constLast()})) << " MB"
          << Qt::endl;
    }
    const QString firstSql = sample.value(u"firstSql"_s).toString();
    const QString filterSql = sample.value(u"filterSql"_s).toString();
    const QString countSql = sample.value(u"countSql"_s).toString();
    const QString filterCountSql = sample.value(u"filterCountSql"_s).toString();
    const QString textSql = textSample.value(u"filterSql"_s).toString();
    const QString textCountSql = textSample.value(u"filterCountSql"_s).toString();

    const auto cli = [&](const QString& sql) {
        QList<double> query;
        QList<double> process;
        QList<double> rss;
        CliResult last;
        for (int run = 0; run < runs; ++run) {
            last = runSqliteCli(sqlite3, path, sql);
            if (!last.error.isEmpty()) {
                break;
            }
            query << last.queryMs;
            process << last.processMs;
            rss << last.rssMb;
        }
        CliResult m = last;
        m.queryMs = query.isEmpty() ? -1 : median(query);
        m.processMs = process.isEmpty() ? -1 : median(process);
        m.rssMb = rss.isEmpty() ? -1 : *std::max_element(rss.cbegin(), rss.cend());
        return m;
    };
    const CliResult cliFirst = cli(firstSql);
    const CliResult cliFilter = cli(filterSql);
    const CliResult cliCount = cli(countSql);
    const CliResult cliFilterCount = cli(filterCountSql);
    const CliResult cliText = cli(textSql);
    const CliResult cliTextCount = cli(textCountSql);
    for (const CliResult* r : {&cliFirst, &cliFilter, &cliCount, &cliFilterCount, &cliText, &cliTextCount}) {
        if (!r->error.isEmpty()) {
            o << "sqlite3 failed: " << r->error << Qt::endl;
        }
    }

    const double firstMedian = median(first);
    const double filterMedian = median(filter);
    const double peak = std::max({*std::max_element(firstRss.cbegin(), firstRss.cend()),
                                  *std::max_element(filterRss.cbegin(), filterRss.cend()),
                                  *std::max_element(textRss.cbegin(), textRss.cend())});
    o << Qt::endl
      << "Trunkline UI benchmark: " << sample.value(u"total"_s).toInteger() << " numbers, pattern \""
      << pattern << "\" (" << sample.value(u"filterTotal"_s).toInteger() << " match), median of " << runs
      << " fresh processes; label filter \"" << text << "\" ("
      << textSample.value(u"filterTotal"_s).toInteger() << " match)" << Qt::endl
      << "Machine: " << cpuModel() << ", " << QThread::idealThreadCount() << " threads, "
      << QSysInfo::prettyProductName() << ", Qt " << qVersion() << Qt::endl
      << Qt::endl;
    const auto row = [&o](const QString& a, const QString& b, const QString& c, const QString& d,
                          const QString& e) {
        o << a.leftJustified(34) << b.leftJustified(16) << c.leftJustified(16) << d.leftJustified(18) << e
          << Qt::endl;
    };
    row(u"measure"_s, u"Trunkline"_s, u"target"_s, u"sqlite3 query"_s, u"sqlite3 process"_s);
    row(u"-------"_s, u"---------"_s, u"------"_s, u"-------------"_s, u"---------------"_s);
    row(u"first rows painted (ms)"_s, fmt(firstMedian), u"< 500 "_s + verdict(firstMedian, kTargetFirstMs),
        fmt(cliFirst.queryMs, 2), fmt(cliFirst.processMs));
    row(u"wildcard filter, first rows (ms)"_s, fmt(filterMedian),
        u"< 100 "_s + verdict(filterMedian, kTargetFilterMs), fmt(cliFilter.queryMs, 2),
        fmt(cliFilter.processMs));
    row(u"peak RSS (MB)"_s, fmt(peak), u"< 250 "_s + verdict(peak, kTargetRssMb),
        u"max %1"_s.arg(fmt(std::max({cliFirst.rssMb, cliFilter.rssMb, cliCount.rssMb, cliFilterCount.rssMb,
                                      cliText.rssMb, cliTextCount.rssMb}))),
        QString());
    const auto infoRow = [&row](const QString& name, const QList<double>& values,
                                const CliResult& reference) {
        row(name, fmt(median(values)), u"(info)"_s, fmt(reference.queryMs, 2), fmt(reference.processMs));
    };
    const auto stallRow = [&row](const QString& name, const QList<double>& stalls) {
        row(name, fmt(median(stalls)), u"<= 50 "_s + verdict(median(stalls), kTargetStallMs), QString(),
            QString());
    };
    infoRow(u"count after first paint (ms)"_s, countMs, cliCount);
    infoRow(u"count after filter paint (ms)"_s, filterCountMs, cliFilterCount);
    stallRow(u"longest GUI stall, filter (ms)"_s, filterStall);
    infoRow(u"label filter, first rows (ms)"_s, textMs, cliText);
    infoRow(u"label filter, count shown (ms)"_s, textCountMs, cliTextCount);
    stallRow(u"longest GUI stall, label (ms)"_s, textStall);
    o << Qt::endl
      << "Trunkline: QElapsedTimer from just before gui::NumbersPage is constructed (database already open, "
      << fmt(sample.value(u"openMs"_s).toDouble())
      << " ms) / from the Return key in the digits or label field, to the end"
      << " of the table viewport's first paint event with rows (offscreen platform). Peak RSS: getrusage"
      << " ru_maxrss of the whole process, max over runs. sqlite3: .timer real time of the same SELECT the "
         "model"
      << " ran (captured with sqlite3_trace_v2, bound values inlined), process wall time and /usr/bin/time -v"
      << " peak RSS." << Qt::endl
      << Qt::endl
      << "first-rows SQL: " << firstSql << Qt::endl
      << "filter SQL:     " << filterSql << Qt::endl
      << "count SQL:      " << countSql << Qt::endl
      << "filter count:   " << filterCountSql << Qt::endl
      << "label SQL:      " << textSql << Qt::endl
      << "label count:    " << textCountSql << Qt::endl
      << "rows: first page " << sample.value(u"firstRows"_s).toInt() << " (sqlite3 printed " << cliFirst.rows
      << "), filtered page " << sample.value(u"filterRows"_s).toInt() << " (sqlite3 printed "
      << cliFilter.rows << ")" << Qt::endl;
    const bool met = firstMedian <= kTargetFirstMs && filterMedian <= kTargetFilterMs &&
                     peak <= kTargetRssMb && median(filterStall) <= kTargetStallMs &&
                     median(textStall) <= kTargetStallMs;
    o << (met ? "All targets met." : "Some targets missed.") << Qt::endl;
    return met ? 0 : 2;
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    bench::PaintProbe app(argc, argv);
    QCoreApplication::setOrganizationName(u"Trunkline-bench"_s);
    QCoreApplication::setApplicationName(u"trunkline-bench-ui"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Numbers page over a million numbers versus the sqlite3 CLI"_s);
    parser.addHelpOption();
    const QCommandLineOption dbOption(u"db"_s, u"SQLite file (created when missing)"_s, u"file"_s,
                                      QDir::temp().filePath(u"trunkline-bench-ui.sqlite"_s));
    const QCommandLineOption countOption(u"count"_s, u"numbers in the file"_s, u"n"_s,
                                         QString::number(kDefaultCount));
    const QCommandLineOption patternOption(u"pattern"_s, u"wildcard digits filter"_s, u"pattern"_s,
                                           kDefaultPattern);
    const QCommandLineOption textOption(u"text"_s, u"label or extension filter (a third measure)"_s,
                                        u"text"_s, kDefaultText);
    const QCommandLineOption runsOption(u"runs"_s, u"fresh processes per measure (median)"_s, u"n"_s, u"5"_s);
    const QCommandLineOption sqliteOption(u"sqlite3"_s, u"the sqlite3 command-line tool"_s, u"path"_s,
                                          u"sqlite3"_s);
    const QCommandLineOption generateOption(u"generate"_s, u"only (re)create the file"_s);
    const QCommandLineOption measureOption(u"measure"_s, u"one run in this process: first|filter|text"_s,
                                           u"mode"_s);
    parser.addOptions({dbOption, countOption, patternOption, textOption, runsOption, sqliteOption,
                       generateOption, measureOption});
    parser.process(app);

    const QString path = QFileInfo(parser.value(dbOption)).absoluteFilePath();
    if (parser.isSet(measureOption)) {
        return measure(app, parser.value(measureOption), path, parser.value(patternOption));
    }
    const qint64 count = parser.value(countOption).toLongLong();
    if (parser.isSet(generateOption)) {
        const bench::BenchData::Result r =
            bench::BenchData::generate(path, count, [](qint64 written, qint64 total) {
                if (written % 100000 == 0 || written == total) {
                    out() << written << " / " << total << Qt::endl;
                }
            });
        out() << (r.ok ? u"Generated %1 numbers in %2 ms"_s.arg(r.numbers).arg(r.elapsedMs) : r.error)
              << Qt::endl;
        return r.ok ? 0 : 1;
    }
    return drive(path, count, parser.value(patternOption), parser.value(textOption),
                 qMax(1, parser.value(runsOption).toInt()), parser.value(sqliteOption));
}
