#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QThread>
#include <QUrl>
#include <functional>
#include <memory>
#include <unordered_map>

struct sqlite3;

namespace trunkline::store {

// One open connection to Trunkline's local database: a SQLite file (the default) or a PostgreSQL
// database shared by a team. QSqlDatabase connections must only be used from the thread that
// created them, so every Database owns exactly one uniquely named connection and worker threads
// take their own with cloneForThisThread().
class Database {
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class Engine { Sqlite, Postgres };

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // AppDataLocation/trunkline.sqlite; the directory is created so that open() can create the file.
    static QString defaultSqlitePath();

    // Opens a file path or a postgresql://user[:password]@host[:port]/database URL and brings the
    // schema up to the current version. Returns nullptr and a translated message on failure.
    static std::unique_ptr<Database> open(const QString& pathOrUrl, QString* error);

    // Opens without touching the schema (tests and the migrator's own checks use this).
    static std::unique_ptr<Database> connect(const QString& pathOrUrl, QString* error);

    // A database URL given on a command line must not carry a password: every user of the computer can
    // read another process's arguments (ps). Returns the translated refusal, or "" when the text is fine;
    // the password itself is never repeated. libpq takes it from ~/.pgpass or PGPASSWORD instead.
    static QString commandLinePasswordProblem(const QString& pathOrUrl);

    // libpq connection options for a postgresql:// URL: its query items (?connect_timeout=5 ...) and,
    // unless the URL says otherwise, sslmode=require for any host that is not this machine, so a team
    // database is never reached in clear text by default (?sslmode=verify-full checks the certificate).
    static QStringList postgresConnectOptions(const QUrl& url);

    // A second connection to the same database, owned by and usable in the calling thread.
    std::unique_ptr<Database> cloneForThisThread(QString* error) const;

    Engine engine() const { return m_engine; }
    bool isPostgres() const { return m_engine == Engine::Postgres; }

    // The path or URL the user gave, with any password removed: safe for messages and logs.
    QString displayName() const { return m_displayName; }

    // Who this connection is, for the audit log and four-eyes approval: on PostgreSQL the role the server
    // authenticated (session_user, which SET ROLE does not change), on SQLite the operating-system user
    // running Trunkline.
    QString sessionUser() const { return m_sessionUser; }
    // Where it connects from: this computer's name and, on PostgreSQL, the operating-system user and the
    // address the server sees ("anna@ws-anna (10.0.0.5)"; the server's word matters when a team shares
    // the store).
    QString clientHost() const { return m_clientHost; }

    // The connection for SQL; only valid in the thread that opened this Database.
    QSqlDatabase connection() const;
    QString connectionName() const { return m_connectionName; }
    // The SQLite library's own handle of the connection, nullptr on PostgreSQL; like connection(), only
    // for the thread that opened this Database. Qt's driver links the system's libsqlite3, the library
    // the store links, so the handle may be used with its C API.
    sqlite3* sqliteHandle() const;
    // Stops the statement this connection is running, which then fails; callable from any thread while
    // this Database exists, it does nothing when no statement runs, and nothing on PostgreSQL. Made in
    // the thread that opened the connection. A count made stale by the admin's next keystroke need not
    // read a million rows to the end (models::NumberCounter).
    std::function<void()> interrupter() const;

    // A write statement (INSERT, UPDATE, DELETE) prepared once for this connection and run again and
    // again with new values (sql::execWrite): the detail queue writes thousands of small rows, and
    // preparing each statement took longer than running it. Not for SELECTs: two readers of the same
    // text would share one result.
    QSqlQuery& reusedStatement(const QString& text) const;

private:
    friend class Transaction;

    Database(QString pathOrUrl, Engine engine, QString displayName);
    bool openConnection(QString* error);
    bool readSessionIdentity(QString* error);

    QString m_pathOrUrl;
    Engine m_engine;
    QString m_displayName;
    QString m_connectionName;
    QThread* m_thread = nullptr;
    QString m_sessionUser;
    QString m_clientHost;

    struct ReusedStatement {
        QSqlQuery query;
        bool prepared = false;
    };
    mutable std::unordered_map<QString, ReusedStatement> m_reusedStatements; // references stay valid
    // Transactions nest by joining the outermost one: only it talks to the engine, and an inner
    // scope that rolls back dooms the whole unit so that no half of it can be committed.
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
};

} // namespace trunkline::store
