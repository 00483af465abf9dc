#include "EngineTestCase.h"
#include "RunSql.h"
#include "store/Migrator.h"
#include "store/ProfileRepository.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace Qt::StringLiterals;
using trunkline::store::Database;
using trunkline::store::Migrator;

namespace {

QStringList columnsOf(Database& db, const QString& table) {
    const QSqlRecord record = db.connection().record(table);
    QStringList columns;
    for (int i = 0; i < record.count(); ++i) {
        columns << record.fieldName(i);
    }
    return columns;
}

} // namespace

class tst_Migrator : public EngineTestCase {
    Q_OBJECT

private slots:
    void freshDatabaseIsAtLatestVersion() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QString error;
        QCOMPARE(Migrator(test.database()).currentVersion(&error), Migrator::latestVersion());
        QVERIFY(Migrator::latestVersion() >= 2);
        // QPSQL names tables outside "public" as schema.table; the test schema is such a place.
        QStringList tables;
        for (const QString& table : test.database().connection().tables()) {
            tables << table.section(u'.', -1);
        }
        for (const auto* table : {"profiles", "accounts", "extensions", "phone_numbers", "forwarding_numbers",
                                  "porting_orders", "porting_phone_numbers", "phone_number_extensions",
                                  "activation_ranges", "pending_changes", "audit_log", "schema_version"}) {
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        }
        // Profiles never hold secrets.
        for (const QString& column : columnsOf(test.database(), u"profiles"_s)) {
            QVERIFY2(!column.contains("secret"_L1) && !column.contains("token"_L1) &&
                         !column.contains("password"_L1),
                     qPrintable(column));
        }
    }

    void reopeningIsHarmless() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        test.close();
        QVERIFY2(test.open(), qPrintable(test.error()));
        QSqlQuery query(test.database().connection());
        QVERIFY(query.exec(u"SELECT count(*) FROM schema_version"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), Migrator::versions().size());
    }

    // Version 9 keys keychain entries by a profile UUID: profiles from before get one each, distinct.
    void upgradeGivesEveryProfileItsOwnUuid() {
        TRUNKLINE_OPEN_UNMIGRATED_TEST_DATABASE(test);
        QString error;
        QVERIFY2(Migrator(test.database()).migrateTo(7, &error), qPrintable(error));
        for (const QString& name : {u"Office"_s, u"Lab"_s}) {
            QCOMPARE(
                runSql(test.database(),
                       u"INSERT INTO profiles (name, provider, base_url, created_at) VALUES (?, ?, ?, ?)"_s,
                       {name, u"telnyx"_s, u"http://127.0.0.1:1"_s, u"2026-01-02T03:04:05.000Z"_s}),
                QString());
        }
        QVERIFY(!columnsOf(test.database(), u"audit_log"_s).contains(u"host"_s));
        QVERIFY2(Migrator(test.database()).migrate(&error), qPrintable(error));
        QVERIFY(columnsOf(test.database(), u"audit_log"_s).contains(u"host"_s));
        const auto profiles = trunkline::store::ProfileRepository(test.database()).list(&error);
        QCOMPARE(profiles.size(), 2);
        QVERIFY(profiles.at(0).uuid.size() >= 32);
        QVERIFY(profiles.at(1).uuid.size() >= 32);
        QVERIFY(profiles.at(0).uuid != profiles.at(1).uuid);
    }

    void upgradesVersion1WithRowsIntact() {
        TRUNKLINE_OPEN_UNMIGRATED_TEST_DATABASE(test);
        QString error;
        QVERIFY2(Migrator(test.database()).migrateTo(1, &error), qPrintable(error));
        QCOMPARE(Migrator(test.database()).currentVersion(&error), 1);
        QVERIFY(!columnsOf(test.database(), u"phone_numbers"_s).contains(u"synced_at"_s));

        // Rows as a version-1 Trunkline wrote them.
        QCOMPARE(runSql(test.database(),
                        u"INSERT INTO profiles (name, provider, base_url, account_id, created_at) "
                        u"VALUES (?, ?, ?, ?, ?)"_s,
                        {u"Office"_s, u"ringcentral"_s, u"http://127.0.0.1:1"_s, u"4711"_s,
                         u"2026-01-02T03:04:05.000Z"_s}),
                 QString());
        QSqlQuery idQuery(test.database().connection());
        QVERIFY(idQuery.exec(u"SELECT id FROM profiles"_s) && idQuery.next());
        const qint64 profileId = idQuery.value(0).toLongLong();
        idQuery.finish();
        QCOMPARE(runSql(test.database(),
                        u"INSERT INTO phone_numbers (profile_id, id, provider, e164, digits, usage_type, "
                        u"payment_type, call_type, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                        {profileId, u"n1"_s, u"ringcentral"_s, u"+4930123456"_s, u"4930123456"_s,
                         u"DirectNumber"_s, u"Local"_s, u"VoiceFax"_s, u"Normal"_s}),
                 QString());
        test.close();

        QVERIFY2(test.open(true), qPrintable(test.error()));
        QCOMPARE(Migrator(test.database()).currentVersion(&error), Migrator::latestVersion());
        QVERIFY(columnsOf(test.database(), u"phone_numbers"_s).contains(u"synced_at"_s));
        const auto profiles = trunkline::store::ProfileRepository(test.database()).list(&error);
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.first().name, u"Office"_s);
        QCOMPARE(profiles.first().accountId, u"4711"_s);
        QCOMPARE(profiles.first().createdAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QSqlQuery query(test.database().connection());
        QVERIFY(query.exec(u"SELECT e164, synced_at FROM phone_numbers"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"+4930123456"_s);
        QVERIFY(query.value(1).isNull()); // never confirmed since the upgrade
        QVERIFY(!query.next());
    }

    void failedMigrationLeavesPreviousVersion() {
        TRUNKLINE_OPEN_UNMIGRATED_TEST_DATABASE(test);
        QString error;
        QVERIFY2(Migrator(test.database()).migrateTo(1, &error), qPrintable(error));
        // Make the last statement of v2 fail: an object with its name already exists. Everything v2
        // did before (new columns, other indexes) must be rolled back with it.
        const QStringList v2 = Migrator::statementsFor(2, test.isPostgres());
        QVERIFY(v2.constLast().startsWith("CREATE INDEX phone_number_extensions_by_number"_L1));
        QCOMPARE(runSql(test.database(), u"CREATE TABLE phone_number_extensions_by_number (x INTEGER)"_s),
                 QString());
        test.close();

        QVERIFY(!test.open(true));
        QVERIFY2(test.error().contains("Cannot upgrade"_L1) && test.error().contains("schema version 2"_L1),
                 qPrintable(test.error()));
        QVERIFY2(test.open(false), qPrintable(test.error()));
        QCOMPARE(Migrator(test.database()).currentVersion(&error), 1);
        QVERIFY(!columnsOf(test.database(), u"accounts"_s).contains(u"synced_at"_s));
    }

    void newerDatabaseIsRefused() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const int future = Migrator::latestVersion() + 5;
        QCOMPARE(runSql(test.database(), u"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"_s,
                        {future, u"2030-01-01T00:00:00.000Z"_s}),
                 QString());
        test.close();
        QVERIFY(!test.open(true));
        QVERIFY2(test.error().contains(u"has schema version %1"_s.arg(future)), qPrintable(test.error()));
        QVERIFY2(test.error().contains(u"up to %1"_s.arg(Migrator::latestVersion())),
                 qPrintable(test.error()));
    }

    void dialectDiffersOnlyInIdsUuidsAndServerRules() {
        QCOMPARE(Migrator::versions().constLast(), Migrator::latestVersion());
        for (const int version : Migrator::versions()) {
            const QStringList sqlite = Migrator::statementsFor(version, false);
            const QStringList postgres = Migrator::statementsFor(version, true);
            QVERIFY(!sqlite.isEmpty());
            // PostgreSQL runs the same statements first; after them come only what the server itself
            // enforces for a team (v12: four-eyes approval), which has no SQLite counterpart.
            QCOMPARE(postgres.size() > sqlite.size(), version == 12);
            for (const QString& statement : postgres)
                QVERIFY(!statement.contains("{{"_L1));
            for (qsizetype i = 0; i < sqlite.size(); ++i) {
                QVERIFY(!sqlite.at(i).contains("{{"_L1));
                QString normalised = postgres.at(i);
                normalised.replace("BIGSERIAL PRIMARY KEY"_L1, "INTEGER PRIMARY KEY"_L1);
                normalised.replace("gen_random_uuid()::text"_L1, "lower(hex(randomblob(16)))"_L1);
                QCOMPARE(normalised, sqlite.at(i));
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_Migrator)
#include "tst_Migrator.moc"
