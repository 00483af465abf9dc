#include "store/Database.h"

#include "store/DeferredIndexes.h"
#include "store/Migrator.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUrl>
#include <QUrlQuery>
#include <atomic>
#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

std::atomic<quint64> s_connectionCounter{0};

QString nextConnectionName() {
    return u"trunkline-db-%1"_s.arg(++s_connectionCounter);
}

bool isPostgresScheme(const QString& scheme) {
    return scheme == "postgresql"_L1 || scheme == "postgres"_L1;
}

// A Windows drive letter ("C:/x.sqlite") parses as a URL scheme; anything with "://" is a URL.
bool looksLikeUrl(const QString& pathOrUrl) {
    return pathOrUrl.contains("://"_L1);
}

// libpq takes a password from the URL's user info or from a ?password= option; both are secrets.
QString passwordOf(const QUrl& url) {
    const QString inUserInfo = url.password(QUrl::FullyDecoded);
    return inUserInfo.isEmpty() ? QUrlQuery(url).queryItemValue(u"password"_s, QUrl::FullyDecoded)
                                : inUserInfo;
}

// The URL for messages and logs: without the password, wherever it was written.
QString shownUrl(const QUrl& url) {
    QUrl shown = url;
    QUrlQuery query(shown);
    query.removeAllQueryItems(u"password"_s);
    shown.setQuery(query);
    return shown.toDisplayString(QUrl::RemovePassword);
}

QString driverText(const QSqlError& error) {
    const QString text = error.text().trimmed();
    return text.isEmpty() ? Database::tr("unknown driver error") : text;
}

// The account the process runs as, from the system's user database rather than $USER, which any
// parent process can set.
QString operatingSystemUser() {
#ifdef Q_OS_UNIX
    if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    const QString name = qEnvironmentVariable("USERNAME", qEnvironmentVariable("USER"));
    return name.isEmpty() ? Database::tr("(unknown user)") : name;
}

} // namespace

Database::Database(QString pathOrUrl, Engine engine, QString displayName)
    : m_pathOrUrl(std::move(pathOrUrl))
    , m_engine(engine)
    , m_displayName(std::move(displayName))
    , m_connectionName(nextConnectionName())
    , m_thread(QThread::currentThread()) {
}

Database::~Database() {
    m_reusedStatements.clear(); // before the connection goes, which they use
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlQuery& Database::reusedStatement(const QString& text) const {
    auto found = m_reusedStatements.find(text);
    if (found == m_reusedStatements.end())
        found = m_reusedStatements.emplace(text, ReusedStatement{QSqlQuery(connection())}).first;
    ReusedStatement& reused = found->second;
    // One that failed to prepare is prepared again: its exec() reported why, and the cause may be gone.
    if (!reused.prepared)
        reused.prepared = reused.query.prepare(text);
    return reused.query;
}

QString Database::defaultSqlitePath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + "/trunkline.sqlite"_L1;
}

std::unique_ptr<Database> Database::connect(const QString& pathOrUrl, QString* error) {
    std::unique_ptr<Database> database;
    if (looksLikeUrl(pathOrUrl)) {
        const QUrl url(pathOrUrl, QUrl::StrictMode);
        const QString shown = url.isValid() ? shownUrl(url) : tr("(unreadable URL)");
        if (!url.isValid() || !isPostgresScheme(url.scheme()) || url.host().isEmpty()) {
            if (error) {
                *error = tr("Unsupported database URL %1: use a file path or "
                            "postgresql://user[:password]@host[:port]/database.")
                             .arg(shown);
            }
            return nullptr;
        }
        database.reset(new Database(pathOrUrl, Engine::Postgres, shown));
    } else {
        if (pathOrUrl.trimmed().isEmpty()) {
            if (error) {
                *error = tr("No database given: use a file path or "
                            "postgresql://user[:password]@host[:port]/database.");
            }
            return nullptr;
        }
        database.reset(new Database(pathOrUrl, Engine::Sqlite, QDir::toNativeSeparators(pathOrUrl)));
    }
    if (!database->openConnection(error) || !database->readSessionIdentity(error)) {
        return nullptr;
    }
    return database;
}

std::unique_ptr<Database> Database::open(const QString& pathOrUrl, QString* error) {
    auto database = connect(pathOrUrl, error);
    if (!database) {
        return nullptr;
    }
    // Indexes a load deferred and a killed process left unbuilt: first, so that the schema is whole
    // again before any migration changes it.
    if (!DeferredIndexes(*database).buildAll(error)) {
        return nullptr;
    }
    Migrator migrator(*database);
    if (!migrator.migrate(error)) {
        return nullptr;
    }
    return database;
}

std::unique_ptr<Database> Database::cloneForThisThread(QString* error) const {
    std::unique_ptr<Database> clone(new Database(m_pathOrUrl, m_engine, m_displayName));
    if (!clone->openConnection(error)) {
        return nullptr;
    }
    clone->m_sessionUser = m_sessionUser;
    clone->m_clientHost = m_clientHost;
    return clone;
}

QSqlDatabase Database::connection() const {
    Q_ASSERT_X(QThread::currentThread() == m_thread, "Database::connection",
               "a QSqlDatabase connection used from a thread that did not open it; use cloneForThisThread()");
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3* Database::sqliteHandle() const {
    const QVariant handle = connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

std::function<void()> Database::interrupter() const {
    if (sqlite3* handle = sqliteHandle())
        return [handle] {
            sqlite3_interrupt(handle);
        };
    return [] {
    };
}

bool Database::openConnection(QString* error) {
    const auto fail = [&](const QString& driverMessage) {
        if (error) {
            *error = tr("Cannot open the database %1: %2").arg(m_displayName, driverMessage);
        }
        QSqlDatabase::removeDatabase(m_connectionName);
        return false;
    };

    if (m_engine == Engine::Sqlite) {
        if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
            return fail(tr("the Qt SQLite driver (QSQLITE) is not installed"));
        }
        const QFileInfo file(m_pathOrUrl);
        if (!file.absoluteDir().exists()) {
            return fail(
                tr("the folder %1 does not exist").arg(QDir::toNativeSeparators(file.absoluteDir().path())));
        }
        bool ok = false;
        QString message;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
            db.setDatabaseName(m_pathOrUrl);
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
            ok = db.open();
            if (!ok) {
                message = driverText(db.lastError());
            } else {
                // WAL lets the GUI read while a sync writes; NORMAL is durable enough with WAL and
                // much faster; foreign keys are off by default in SQLite and must be asked for on
                // every connection. A new file gets 16 KiB pages (it must be said before WAL is, and
                // an existing file keeps its own): a sync writes a number as about 540 bytes over
                // the table and its indexes, and larger pages make the WAL's writes and checkpoints
                // fewer, larger calls; the million-number sync took 13 to 22 % less time than with
                // the 4 KiB default (docs/performance.md).
                QSqlQuery query(db);
                for (const auto* pragma :
                     {"PRAGMA busy_timeout = 5000", "PRAGMA page_size = 16384", "PRAGMA journal_mode = WAL",
                      "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"}) {
                    if (!query.exec(QLatin1String(pragma))) {
                        ok = false;
                        message = driverText(query.lastError());
                        break;
                    }
                }
                // Opening a non-database file only fails on first read.
                if (ok && !query.exec(u"SELECT count(*) FROM sqlite_master"_s)) {
                    ok = false;
                    message = driverText(query.lastError());
                }
            }
        }
        return ok ? true : fail(message);
    }

    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        return fail(tr("the Qt PostgreSQL driver (QPSQL) is not installed"));
    }
    const QUrl url(m_pathOrUrl, QUrl::StrictMode);
    bool ok = false;
    QString message;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName(QUrl::FullyDecoded));
        db.setPassword(url.password(QUrl::FullyDecoded));
        QString name = url.path(QUrl::FullyDecoded);
        if (name.startsWith(u'/')) {
            name.remove(0, 1);
        }
        db.setDatabaseName(name.isEmpty() ? db.userName() : name);
        db.setConnectOptions(postgresConnectOptions(url).join(u';'));
        ok = db.open();
        if (!ok) {
            message = driverText(db.lastError());
            const QString password = passwordOf(url);
            if (!password.isEmpty()) {
                message.replace(password, u"***"_s);
            }
        }
    }
    return ok ? true : fail(message);
}

bool Database::readSessionIdentity(QString* error) {
    m_clientHost = QSysInfo::machineHostName();
    if (m_engine == Engine::Sqlite) {
        m_sessionUser = operatingSystemUser();
        return true;
    }
    QSqlQuery query(connection());
    if (!query.exec(u"SELECT session_user, host(inet_client_addr())"_s) || !query.next()) {
        if (error) {
            *error = tr("Cannot open the database %1: %2").arg(m_displayName, driverText(query.lastError()));
        }
        return false;
    }
    m_sessionUser = query.value(0).toString();
    // Beside the role the server vouches for, the operating-system account on this computer (only this
    // computer's word, but it tells apart two people who share a role).
    m_clientHost = operatingSystemUser() + u'@' + m_clientHost;
    // No address over a Unix socket.
    if (const QString address = query.value(1).toString(); !address.isEmpty()) {
        m_clientHost = tr("%1 (%2)").arg(m_clientHost, address);
    }
    return true;
}

QString Database::commandLinePasswordProblem(const QString& pathOrUrl) {
    const QUrl url(pathOrUrl, QUrl::StrictMode);
    if (!looksLikeUrl(pathOrUrl) || !isPostgresScheme(url.scheme()) || passwordOf(url).isEmpty()) {
        return {};
    }
    return tr("The database URL %1 carries a password, which every user of this computer could read from "
              "the command line. Put the password in ~/.pgpass or the PGPASSWORD environment variable and "
              "give the URL without it.")
        .arg(shownUrl(url));
}

QStringList Database::postgresConnectOptions(const QUrl& url) {
    // Query items (?sslmode=require&connect_timeout=5) are libpq connection options.
    QStringList options;
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        options << key + u'=' + value;
    }
    const QString host = url.host();
    // No host (or a socket directory) is a Unix socket; loopback never leaves the machine.
    const bool local = host.isEmpty() || host.startsWith(u'/') || host == "localhost"_L1 ||
                       host.startsWith("127."_L1) || host == "::1"_L1;
    if (!local && !query.hasQueryItem(u"sslmode"_s)) {
        options << u"sslmode=require"_s;
    }
    return options;
}

} // namespace trunkline::store
