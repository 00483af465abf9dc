#include "EngineTestCase.h"
#include "store/AuditLogRepository.h"

#include <QSysInfo>
#include <QtTest>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace trunkline::store;

namespace {

AuditEntry makeEntry(qint64 profile, const QString& action, const QString& key) {
    AuditEntry e;
    e.profileId = profile;
    e.profileName = u"Berlin office"_s;
    e.actor = u"admin"_s;
    e.entity = u"extension"_s;
    e.entityKey = key;
    e.action = action;
    e.summary = u"Name „Anna“ → „Anna Schmidt“"_s;
    return e;
}

} // namespace

class tst_AuditLogRepository : public EngineTestCase {
    Q_OBJECT

private slots:
    void appendAndListNewestFirst() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        AuditLogRepository log(test.database());
        QList<AuditEntry> written;
        QString error;
        for (int i = 0; i < 5; ++i) {
            AuditEntry entry = makeEntry(profile, u"update"_s, u"e%1"_s.arg(i));
            QVERIFY2(log.append(entry, &error), qPrintable(error));
            QVERIFY(entry.id > 0);
            QVERIFY(entry.at.isValid());
            written.prepend(entry);
        }
        AuditEntry global;
        global.actor = u"admin"_s;
        global.entity = u"settings"_s;
        global.action = u"update"_s;
        global.at = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(log.append(global));
        QCOMPARE(global.at, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));

        QCOMPARE(log.list(profile), written);
        QCOMPARE(log.list(profile, 2), written.mid(0, 2));
        const auto everything = log.list();
        QCOMPARE(everything.size(), 6);
        QCOMPARE(everything.first(), global);
        QCOMPARE(everything.first().profileId, 0);
    }

    void outlivesItsProfile() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        AuditLogRepository log(test.database());
        AuditEntry entry = makeEntry(profile, u"delete"_s, u"e1"_s);
        QVERIFY(log.append(entry));
        QVERIFY(ProfileRepository(test.database()).remove(profile));
        QCOMPARE(log.list(profile), QList<AuditEntry>{entry});
    }

    void rejectsIncompleteEntries_data() {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("action");
        QTest::newRow("no entity") << u"admin"_s << QString() << u"update"_s;
        QTest::newRow("no action") << u"admin"_s << u"extension"_s << QString();
    }
    void rejectsIncompleteEntries() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QFETCH(QString, actor);
        QFETCH(QString, entity);
        QFETCH(QString, action);
        AuditEntry entry;
        entry.actor = actor;
        entry.entity = entity;
        entry.action = action;
        QString error;
        QVERIFY(!AuditLogRepository(test.database()).append(entry, &error));
        QCOMPARE(error, u"An audit entry needs an entity and an action."_s);
        QVERIFY(AuditLogRepository(test.database()).list().isEmpty());
    }

    // "Who applied" is the identity the store checked, not a label the caller chose: PostgreSQL's
    // authenticated role (the test server's URL names it), SQLite's OS user; and the host it came from.
    void actorIsWhoTheStoreAuthenticated() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        AuditEntry entry = makeEntry(test.addProfile(), u"update"_s, u"e1"_s);
        entry.actor = u"sync"_s;
        entry.host = u"elsewhere"_s;
        QString error;
        QVERIFY2(AuditLogRepository(test.database()).append(entry, &error), qPrintable(error));
        const AuditEntry stored = AuditLogRepository(test.database()).list().constFirst();
        QCOMPARE(stored, entry);
        QVERIFY(stored.host.startsWith(QSysInfo::machineHostName()));
        if (!test.database().isPostgres()) {
            const passwd* user = getpwuid(geteuid());
            QVERIFY(user);
            QCOMPARE(stored.actor, QString::fromLocal8Bit(user->pw_name));
            QCOMPARE(stored.host, QSysInfo::machineHostName());
        } else {
            const QString role = QUrl(test.location()).userName();
            QVERIFY2(!role.isEmpty(), "the test server's URL names its role");
            QCOMPARE(stored.actor, role);
            // The address the server saw: the throwaway server listens on loopback only.
            QCOMPARE(stored.host, u"%1 (127.0.0.1)"_s.arg(QSysInfo::machineHostName()));
        }
    }
};

QTEST_GUILESS_MAIN(tst_AuditLogRepository)
#include "tst_AuditLogRepository.moc"
