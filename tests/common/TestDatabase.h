#pragma once

// A fresh, private database for one test case, on SQLite (a file in a QTemporaryDir) or on
// PostgreSQL (a new schema t_<random> in the database named by TRUNKLINE_TEST_PG_URL, reached through
// search_path in the URL and dropped after). A schema rather than a whole database: creating one
// takes milliseconds instead of a second, which matters with hundreds of data rows.
//
//   class tst_X : public EngineTestCase { // EngineTestCase.h: the engine rows as global data
//   void someTest() {
//       TRUNKLINE_OPEN_TEST_DATABASE(test); // skips or fails the case when it cannot open
//       ... test.database() ...

#include "store/Database.h"
#include "store/ExtensionRepository.h"
#include "store/Migrator.h"
#include "store/ProfileRepository.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <memory>

class TestDatabase {
public:
    static constexpr const char* kPgUrlVariable = "TRUNKLINE_TEST_PG_URL";

    static void addEngineRows() {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    explicit TestDatabase(const QString& engine)
        : m_engine(engine) {
        if (engine == QLatin1String("sqlite")) {
            if (!m_dir.isValid()) {
                m_error = QStringLiteral("no temporary directory");
                return;
            }
            m_location = m_dir.filePath(QStringLiteral("test.sqlite"));
            return;
        }
        const QString adminUrl = qEnvironmentVariable(kPgUrlVariable);
        if (adminUrl.isEmpty()) {
            m_skipReason = QStringLiteral("TRUNKLINE_TEST_PG_URL is not set (scripts/test sets it): "
                                          "PostgreSQL rows skipped");
            return;
        }
        m_admin = trunkline::store::Database::connect(adminUrl, &m_error);
        if (!m_admin) {
            return;
        }
        // Only hex digits of our own making go into the identifier: nothing here comes from outside.
        m_pgSchema =
            QStringLiteral("t_%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
        QSqlQuery query(m_admin->connection());
        if (!query.exec(QStringLiteral("CREATE SCHEMA ") + m_pgSchema)) {
            m_error = query.lastError().text();
            m_pgSchema.clear();
            return;
        }
        QUrl url(adminUrl);
        url.setQuery(QStringLiteral("options=-csearch_path%3D") + m_pgSchema);
        m_location = url.toString();
    }

    ~TestDatabase() {
        m_database.reset();
        if (m_admin && !m_pgSchema.isEmpty()) {
            QSqlQuery query(m_admin->connection());
            query.exec(QStringLiteral("DROP SCHEMA IF EXISTS ") + m_pgSchema + QStringLiteral(" CASCADE"));
        }
    }

    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    // Empty unless the engine is not available in this run.
    QString skipReason() const { return m_skipReason; }
    QString error() const { return m_error; }
    // The path or URL to pass to Database::open (also from a child process).
    QString location() const { return m_location; }
    bool isPostgres() const { return m_engine == QLatin1String("postgres"); }

    // Opens (and migrates, unless told not to) the test database; database() is then valid.
    bool open(bool migrate = true) {
        if (m_location.isEmpty()) {
            return false;
        }
        m_database = migrate ? trunkline::store::Database::open(m_location, &m_error)
                             : trunkline::store::Database::connect(m_location, &m_error);
        return m_database != nullptr;
    }
    void close() { m_database.reset(); }

    // A profile to hang records on; 0 on failure.
    qint64 addProfile(const QString& name = QStringLiteral("Test office"),
                      const QString& provider = QStringLiteral("ringcentral")) {
        trunkline::store::Profile profile;
        profile.name = name;
        profile.provider = provider;
        profile.baseUrl = QStringLiteral("http://127.0.0.1:8080");
        // Upgrade tests add profiles to an older schema, which lacks the UUID that ProfileRepository writes
        // (v9): those get the columns every version has.
        if (trunkline::store::Migrator(*m_database).currentVersion(&m_error) < 9)
            return addProfileRow(profile);
        return trunkline::store::ProfileRepository(*m_database).add(profile, &m_error) ? profile.id : 0;
    }
    // A profile with two extensions, e1 (101) and e2 (102), for the records that hang on extensions; 0 on
    // failure.
    qint64 addProfileWithExtensions(const QString& name = QStringLiteral("Test office")) {
        const qint64 profile = addProfile(name);
        trunkline::core::Extension a;
        a.id = QStringLiteral("e1");
        a.extensionNumber = QStringLiteral("101");
        trunkline::core::Extension b = a;
        b.id = QStringLiteral("e2");
        b.extensionNumber = QStringLiteral("102");
        if (profile == 0 ||
            !trunkline::store::ExtensionRepository(*m_database).upsert(profile, {a, b}, &m_error)) {
            return 0;
        }
        return profile;
    }
    trunkline::store::Database& database() { return *m_database; }

private:
    qint64 addProfileRow(const trunkline::store::Profile& profile) {
        QSqlQuery insert(m_database->connection());
        insert.prepare(
            QStringLiteral("INSERT INTO profiles (name, provider, base_url, account_id, created_at) "
                           "VALUES (?, ?, ?, '~', '2026-01-01T00:00:00.000Z')"));
        insert.addBindValue(profile.name);
        insert.addBindValue(profile.provider);
        insert.addBindValue(profile.baseUrl);
        if (!insert.exec()) {
            m_error = insert.lastError().text();
            return 0;
        }
        QSqlQuery id(m_database->connection());
        return id.exec(QStringLiteral("SELECT max(id) FROM profiles")) && id.next() ? id.value(0).toLongLong()
                                                                                    : 0;
    }

    QString m_engine;
    QTemporaryDir m_dir;
    QString m_location;
    QString m_skipReason;
    QString m_error;
    QString m_pgSchema;
    std::unique_ptr<trunkline::store::Database> m_admin;
    std::unique_ptr<trunkline::store::Database> m_database;
};

// A fresh, migrated SQLite database in `test`, for the tests that run on one engine only; false when it
// cannot open (the reason is test->error()).
inline bool openSqliteTestDatabase(std::unique_ptr<TestDatabase>& test) {
    test = std::make_unique<TestDatabase>(QStringLiteral("sqlite"));
    return test->open();
}

// Skips the case when `test`'s engine is not available in this run, else opens it (migrating it to the
// latest schema when `migrate` is true) or fails the case.
#define TRUNKLINE_SKIP_OR_OPEN(test, migrate)                                                                \
    if (!(test).skipReason().isEmpty())                                                                      \
        QSKIP(qPrintable((test).skipReason()));                                                              \
    QVERIFY2((test).open(migrate), qPrintable((test).error()))

// Declares `test` for the current global engine row, skipping or failing as appropriate.
#define TRUNKLINE_OPEN_TEST_DATABASE(test)                                                                   \
    QFETCH_GLOBAL(QString, engine);                                                                          \
    TestDatabase test(engine);                                                                               \
    TRUNKLINE_SKIP_OR_OPEN(test, true)

// The same, left at schema version 0: for the tests that build an older schema and upgrade it.
#define TRUNKLINE_OPEN_UNMIGRATED_TEST_DATABASE(test)                                                        \
    QFETCH_GLOBAL(QString, engine);                                                                          \
    TestDatabase test(engine);                                                                               \
    TRUNKLINE_SKIP_OR_OPEN(test, false)
