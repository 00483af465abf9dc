#pragma once

// Two ordinary LOGIN roles on the test PostgreSQL server, for the four-eyes tests: the URL in
// TRUNKLINE_TEST_PG_URL is a superuser's, and superusers bypass what a team's members are held to. The
// roles get what Trunkline needs on the test's schema (USAGE, and every table and sequence privilege, so
// that what the database still refuses is refused by its rules, not by a missing grant) and are dropped
// again. Role names are random: tests run in parallel on one server, and roles belong to the server.
//
//   TestDatabase test(u"postgres"_s); test.open();    // migrated as the superuser: it owns the tables
//   TeamRoles team(test);                            // alice() and bob() are connections as each role

#include "TestDatabase.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUrl>
#include <memory>

class TeamRoles {
public:
    explicit TeamRoles(TestDatabase& test)
        : m_test(test) {
        // Six hex digits: short enough to read in a table, unique enough for one test run.
        const QString suffix = QString::number(QRandomGenerator::global()->bounded(0x100000, 0x1000000), 16);
        m_aliceRole = QStringLiteral("alice_") + suffix;
        m_bobRole = QStringLiteral("bob_") + suffix;
        QSqlQuery query(test.database().connection());
        if (!query.exec(QStringLiteral("SELECT current_schema()")) || !query.next()) {
            m_error = query.lastError().text();
            return;
        }
        const QString schema = query.value(0).toString();
        query.finish();
        // Identifiers of our own making (hex digits, the test's schema): nothing here comes from outside.
        for (const QString& role : {m_aliceRole, m_bobRole}) {
            for (const QString& statement :
                 {QStringLiteral("CREATE ROLE %1 LOGIN"), QStringLiteral("GRANT USAGE ON SCHEMA %2 TO %1"),
                  QStringLiteral("GRANT ALL ON ALL TABLES IN SCHEMA %2 TO %1"),
                  QStringLiteral("GRANT ALL ON ALL SEQUENCES IN SCHEMA %2 TO %1")}) {
                if (!query.exec(QString(statement)
                                    .replace(QLatin1String("%1"), role)
                                    .replace(QLatin1String("%2"), schema))) {
                    m_error = query.lastError().text();
                    return;
                }
            }
        }
        m_alice = connectAs(m_aliceRole);
        m_bob = m_alice ? connectAs(m_bobRole) : nullptr;
    }

    ~TeamRoles() {
        m_alice.reset();
        m_bob.reset();
        QSqlQuery query(m_test.database().connection());
        for (const QString& role : {m_aliceRole, m_bobRole}) {
            query.exec(QStringLiteral("DROP OWNED BY %1 CASCADE").arg(role));
            query.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
        }
    }

    TeamRoles(const TeamRoles&) = delete;
    TeamRoles& operator=(const TeamRoles&) = delete;

    bool isReady() const { return m_alice && m_bob; }
    QString error() const { return m_error; }
    QString aliceRole() const { return m_aliceRole; }
    QString bobRole() const { return m_bobRole; }
    trunkline::store::Database& alice() { return *m_alice; }
    trunkline::store::Database& bob() { return *m_bob; }
    // The test database's URL as `role` (trust authentication on the throwaway server: no password).
    QString urlFor(const QString& role) const {
        QUrl url(m_test.location());
        url.setUserName(role);
        return url.toString();
    }

private:
    std::unique_ptr<trunkline::store::Database> connectAs(const QString& role) {
        auto database = trunkline::store::Database::open(urlFor(role), &m_error);
        return database;
    }

    TestDatabase& m_test;
    QString m_aliceRole;
    QString m_bobRole;
    QString m_error;
    std::unique_ptr<trunkline::store::Database> m_alice;
    std::unique_ptr<trunkline::store::Database> m_bob;
};
