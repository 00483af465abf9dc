#include "EngineTestCase.h"
#include "store/Database.h"
#include "store/SqlUtil.h"
#include "store/Transaction.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using trunkline::store::Database;
using trunkline::store::Transaction;

namespace {

int countRows(Database& db, const QString& table) {
    QSqlQuery query(db.connection());
    if (!query.exec("SELECT count(*) FROM "_L1 + table) || !query.next()) {
        return -1;
    }
    return query.value(0).toInt();
}

bool insertNote(Database& db, const QString& text) {
    QSqlQuery query(db.connection());
    query.prepare(u"INSERT INTO notes (text) VALUES (?)"_s);
    query.addBindValue(text);
    return query.exec();
}

// Whether this case runs on the SQLite engine row; the cases about files and pragmas skip the others.
bool onSqlite() {
    QFETCH_GLOBAL(QString, engine);
    return engine == "sqlite"_L1;
}

bool createNotes(Database& db) {
    QSqlQuery query(db.connection());
    return query.exec(u"CREATE TABLE notes (text TEXT NOT NULL)"_s);
}

} // namespace

class tst_Database : public EngineTestCase {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensAndReportsEngine() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QCOMPARE(test.database().isPostgres(), test.isPostgres());
        QVERIFY(test.database().connection().isOpen());
    }

    void sqliteConnectionSettings_data() {
        QTest::addColumn<QString>("pragma");
        QTest::addColumn<QString>("expected");
        QTest::newRow("journal_mode") << u"journal_mode"_s << u"wal"_s;
        QTest::newRow("foreign_keys") << u"foreign_keys"_s << u"1"_s;
        QTest::newRow("busy_timeout") << u"busy_timeout"_s << u"5000"_s;
        QTest::newRow("synchronous NORMAL") << u"synchronous"_s << u"1"_s;
        QTest::newRow("page_size of a new file") << u"page_size"_s << u"16384"_s;
    }
    void sqliteConnectionSettings() {
        if (!onSqlite()) {
            QSKIP("SQLite pragmas only");
        }
        QFETCH(QString, pragma);
        QFETCH(QString, expected);
        TestDatabase test(u"sqlite"_s);
        QVERIFY2(test.open(), qPrintable(test.error()));
        // Also on a clone: pragmas are per connection.
        for (Database* db : {&test.database()}) {
            auto clone = db->cloneForThisThread(nullptr);
            QVERIFY(clone);
            for (Database* each : {db, clone.get()}) {
                QSqlQuery query(each->connection());
                QVERIFY(query.exec("PRAGMA "_L1 + pragma));
                QVERIFY(query.next());
                QCOMPARE(query.value(0).toString(), expected);
            }
        }
    }

    // Pages are a file's own: a database made before 16 KiB pages (or by another tool) keeps its size,
    // and its rows, when Trunkline opens it.
    void anExistingFileKeepsItsPageSize() {
        if (!onSqlite()) {
            QSKIP("SQLite only");
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"older.sqlite"_s);
        {
            QSqlDatabase older = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"older"_s);
            older.setDatabaseName(path);
            QVERIFY(older.open());
            QSqlQuery query(older);
            QVERIFY(query.exec(u"PRAGMA page_size = 4096"_s));
            QVERIFY(query.exec(u"PRAGMA journal_mode = WAL"_s));
            QVERIFY(query.exec(u"CREATE TABLE notes (text TEXT NOT NULL)"_s));
            QVERIFY(query.exec(u"INSERT INTO notes (text) VALUES ('kept')"_s));
            older.close();
        }
        QSqlDatabase::removeDatabase(u"older"_s);

        QString error;
        const std::unique_ptr<Database> db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(u"PRAGMA page_size"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 4096);
        QCOMPARE(countRows(*db, u"notes"_s), 1);
        QVERIFY2(insertNote(*db, u"added"_s), qPrintable(db->connection().lastError().text()));
        QCOMPARE(countRows(*db, u"notes"_s), 2);
    }

    void errorMessages_data() {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("expectedStart");
        QTest::addColumn<QString>("mustNotContain");
        QTest::newRow("missing folder")
            << u"/nonexistent-trunkline-dir/x.sqlite"_s
            << u"Cannot open the database /nonexistent-trunkline-dir/x.sqlite: "_s << QString();
        QTest::newRow("unsupported scheme")
            << u"mysql://admin:hunter2@127.0.0.1/db"_s
            << u"Unsupported database URL mysql://admin@127.0.0.1/db: use a file path or postgresql://"_s
            << u"hunter2"_s;
        // Port 1 on loopback: nothing listens, so the driver itself fails; the password stays out.
        QTest::newRow("postgres refused")
            << u"postgresql://admin:s3cr3t-pw@127.0.0.1:1/trunkline"_s
            << u"Cannot open the database postgresql://admin@127.0.0.1:1/trunkline: "_s << u"s3cr3t-pw"_s;
        QTest::newRow("empty") << QString() << u"No database given"_s << QString();
    }
    void errorMessages() {
        if (!onSqlite()) {
            QSKIP("engine-independent");
        }
        QFETCH(QString, location);
        QFETCH(QString, expectedStart);
        QFETCH(QString, mustNotContain);
        QString error;
        QVERIFY(!Database::open(location, &error));
        QVERIFY2(error.startsWith(expectedStart), qPrintable(error));
        if (!mustNotContain.isEmpty()) {
            QVERIFY2(!error.contains(mustNotContain), qPrintable(error));
        }
    }

    void notADatabaseFile() {
        if (!onSqlite()) {
            QSKIP("SQLite only");
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"garbage.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        QString error;
        QVERIFY(!Database::open(path, &error));
        QVERIFY2(error.startsWith("Cannot open the database "_L1 + path + ": "_L1), qPrintable(error));
    }

    void postgresOptionsRequireTlsAwayFromThisMachine_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("team server") << u"postgresql://anna@db.example.invalid/trunkline"_s
                                     << QStringList{u"sslmode=require"_s};
        QTest::newRow("team server, verify-full")
            << u"postgresql://anna@db.example.invalid/t?sslmode=verify-full"_s
            << QStringList{u"sslmode=verify-full"_s};
        QTest::newRow("other options kept") << u"postgresql://anna@db.example.invalid/t?connect_timeout=5"_s
                                            << QStringList{u"connect_timeout=5"_s, u"sslmode=require"_s};
        QTest::newRow("loopback v4") << u"postgresql://anna@127.0.0.1:5433/t"_s << QStringList{};
        QTest::newRow("loopback v6") << u"postgresql://anna@[::1]/t"_s << QStringList{};
        QTest::newRow("localhost") << u"postgresql://anna@localhost/t"_s << QStringList{};
        QTest::newRow("unix socket") << u"postgresql:///t"_s << QStringList{};
        QTest::newRow("explicitly off") << u"postgresql://anna@db.example.invalid/t?sslmode=disable"_s
                                        << QStringList{u"sslmode=disable"_s};
    }
    void postgresOptionsRequireTlsAwayFromThisMachine() {
        QFETCH(QString, url);
        QFETCH(QStringList, options);
        QCOMPARE(Database::postgresConnectOptions(QUrl(url)), options);
    }

    void aPasswordOnTheCommandLineIsRefused() {
        const QString problem =
            Database::commandLinePasswordProblem(u"postgresql://anna:s3cret@db.example.invalid/trunkline"_s);
        QVERIFY(
            problem.startsWith(u"The database URL postgresql://anna@db.example.invalid/trunkline carries a "
                               u"password"_s));
        QVERIFY(problem.contains(u"~/.pgpass"_s));
        QVERIFY(!problem.contains(u"s3cret"_s));
        QCOMPARE(Database::commandLinePasswordProblem(u"postgresql://anna@db.example.invalid/trunkline"_s),
                 QString());
        QCOMPARE(Database::commandLinePasswordProblem(u"/home/anna/trunkline.sqlite"_s), QString());
    }

    // libpq also takes the password as a URL option: just as readable in the process list.
    void aPasswordOptionOnTheCommandLineIsRefusedToo() {
        const QString problem = Database::commandLinePasswordProblem(
            u"postgresql://anna@db.example.invalid/trunkline?password=s3cret&sslmode=verify-full"_s);
        QVERIFY2(
            problem.startsWith(u"The database URL postgresql://anna@db.example.invalid/trunkline?sslmode="
                               u"verify-full carries a password"_s),
            qPrintable(problem));
        QVERIFY(!problem.contains(u"s3cret"_s));
    }

    void defaultSqlitePathIsInAppData() {
        const QString path = Database::defaultSqlitePath();
        QVERIFY(path.endsWith("/trunkline.sqlite"_L1));
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(QFileInfo(path).absoluteDir().exists());
    }

    void connectionNamesAreUnique() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        auto clone = test.database().cloneForThisThread(nullptr);
        QVERIFY(clone);
        QVERIFY(clone->connectionName() != test.database().connectionName());
        const QString name = clone->connectionName();
        QVERIFY(QSqlDatabase::contains(name));
        clone.reset();
        QVERIFY(!QSqlDatabase::contains(name));
    }

    void cloneWorksInWorkerThread() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QVERIFY(createNotes(test.database()));
        QVERIFY(insertNote(test.database(), u"from main"_s));

        int seenInWorker = -1;
        bool wroteInWorker = false;
        QString workerConnection;
        QThread* worker = QThread::create([&] {
            auto db = test.database().cloneForThisThread(nullptr);
            if (!db) {
                return;
            }
            workerConnection = db->connectionName();
            seenInWorker = countRows(*db, u"notes"_s);
            wroteInWorker = insertNote(*db, u"from worker"_s);
        });
        worker->start();
        QVERIFY(worker->wait(30000));
        delete worker;
        QCOMPARE(seenInWorker, 1);
        QVERIFY(wroteInWorker);
        QVERIFY(workerConnection != test.database().connectionName());
        QCOMPARE(countRows(test.database(), u"notes"_s), 2);
    }

    void transactionCommitAndRollback() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        Database& db = test.database();
        QVERIFY(createNotes(db));
        {
            Transaction t(db);
            QVERIFY2(t.isActive(), qPrintable(t.error()));
            QVERIFY(insertNote(db, u"kept"_s));
            QVERIFY2(t.commit(), qPrintable(t.error()));
        }
        {
            Transaction t(db);
            QVERIFY(insertNote(db, u"dropped by scope"_s));
        }
        {
            Transaction t(db);
            QVERIFY(insertNote(db, u"dropped explicitly"_s));
            t.rollback();
            QVERIFY(!t.commit());
        }
        QCOMPARE(countRows(db, u"notes"_s), 1);
    }

    void reusedWriteStatementRunsAgainAndReportsFailures() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        Database& db = test.database();
        QVERIFY(createNotes(db));
        namespace sql = trunkline::store::sql;
        const QString insert = u"INSERT INTO notes (text) VALUES (?)"_s;
        const auto noteWhat = [] {
            return u"Cannot add the note"_s;
        };
        QCOMPARE(&db.reusedStatement(insert), &db.reusedStatement(insert)); // prepared once
        QString error;
        for (const QString& text : {u"first"_s, u"second"_s}) {
            QVERIFY2(sql::execWrite(db, insert, {text}, noteWhat, &error), qPrintable(error));
        }
        // NOT NULL refuses a null text: the error names what failed, and the statement runs again after it.
        QVERIFY(!sql::execWrite(db, insert, {QVariant(QMetaType::fromType<QString>())}, noteWhat, &error));
        QVERIFY2(error.startsWith(u"Cannot add the note in "_s), qPrintable(error));
        QVERIFY2(sql::execWrite(db, insert, {u"third"_s}, noteWhat, &error), qPrintable(error));
        QCOMPARE(countRows(db, u"notes"_s), 3);

        // A statement that cannot be prepared yet (no such table) says so, and is prepared again later.
        const QString tag = u"INSERT INTO tags (name) VALUES (?)"_s;
        const auto tagWhat = [] {
            return u"Cannot add the tag"_s;
        };
        QVERIFY(!sql::execWrite(db, tag, {u"urgent"_s}, tagWhat, &error));
        QVERIFY2(error.startsWith(u"Cannot add the tag in "_s), qPrintable(error));
        QVERIFY(QSqlQuery(db.connection()).exec(u"CREATE TABLE tags (name TEXT)"_s));
        QVERIFY2(sql::execWrite(db, tag, {u"urgent"_s}, tagWhat, &error), qPrintable(error));
        QCOMPARE(countRows(db, u"tags"_s), 1);
    }

    void nestedTransactionJoinsOuter() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        Database& db = test.database();
        QVERIFY(createNotes(db));
        {
            Transaction outer(db);
            {
                Transaction inner(db);
                QVERIFY(insertNote(db, u"inner"_s));
                QVERIFY(inner.commit());
            }
            QVERIFY(insertNote(db, u"outer"_s));
            outer.rollback();
        }
        QCOMPARE(countRows(db, u"notes"_s), 0);

        // An inner step that gives up dooms the whole unit.
        {
            Transaction outer(db);
            QVERIFY(insertNote(db, u"outer"_s));
            {
                Transaction inner(db);
                QVERIFY(insertNote(db, u"inner"_s));
            }
            QVERIFY(!outer.commit());
            QVERIFY(outer.error().contains("Nothing was saved"_L1));
        }
        QCOMPARE(countRows(db, u"notes"_s), 0);

        {
            Transaction outer(db);
            {
                Transaction inner(db);
                QVERIFY(insertNote(db, u"inner"_s));
                QVERIFY(inner.commit());
            }
            QVERIFY(outer.commit());
        }
        QCOMPARE(countRows(db, u"notes"_s), 1);
    }

    void interrupterStopsAStatementFromAnotherThread() {
        // A count made stale by the admin's next keystroke is stopped from the GUI thread while the
        // counting thread runs it (models::NumberCounter). On PostgreSQL the interrupter does nothing.
        if (!onSqlite())
            QSKIP("sqlite3_interrupt only");
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        std::function<void()> interrupt;
        QSemaphore opened;
        QSemaphore stopped;
        QSemaphore mayClose; // the connection stays open while this thread may still interrupt it
        QString error;
        bool ran = true;
        QThread* worker = QThread::create([&] {
            const auto other = test.database().cloneForThisThread(&error);
            if (other)
                interrupt = other->interrupter();
            opened.release();
            if (!other)
                return;
            QSqlQuery endless(other->connection());
            // Counts to ten billion: hours, unless stopped.
            ran = endless.exec(u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                               u"WHERE x < 10000000000) SELECT count(*) FROM c"_s);
            error = endless.lastError().text();
            endless.finish();
            stopped.release();
            mayClose.acquire();
        });
        worker->start();
        opened.acquire();
        QVERIFY2(interrupt, qPrintable(error));
        // Interrupting before the statement starts does nothing, so again until it has stopped.
        QElapsedTimer waited;
        waited.start();
        while (!stopped.tryAcquire(1, 20) && waited.elapsed() < 60000)
            interrupt();
        mayClose.release();
        QVERIFY(worker->wait(60000));
        delete worker;
        QVERIFY(!ran);
        QVERIFY2(error.contains(u"interrupt"_s, Qt::CaseInsensitive), qPrintable(error));
    }

    void secondWriterWaitsForFirst() {
        // Two connections, like the GUI and a sync worker: the second writer must wait for the lock
        // (busy_timeout / PostgreSQL row locks) rather than fail, and both writes must land.
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        Database& db = test.database();
        QVERIFY(createNotes(db));
        bool workerOk = false;
        auto first = std::make_unique<Transaction>(db);
        QVERIFY(insertNote(db, u"first"_s));
        QThread* worker = QThread::create([&] {
            auto other = test.database().cloneForThisThread(nullptr);
            if (!other) {
                return;
            }
            Transaction second(*other);
            workerOk = second.isActive() && insertNote(*other, u"second"_s) && second.commit();
        });
        worker->start();
        QTest::qWait(300); // give the worker time to block on the lock held by `first`
        QVERIFY(first->commit());
        first.reset();
        QVERIFY(worker->wait(30000));
        delete worker;
        QVERIFY(workerOk);
        QCOMPARE(countRows(db, u"notes"_s), 2);
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_Database.moc"
