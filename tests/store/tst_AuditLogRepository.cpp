#include "AuditRecord.h"
#include "EngineTestCase.h"
#include "store/AuditLogRepository.h"

#include <QSysInfo>
#include <QtTest>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace trunkline::store;
using trunkline::test::auditEntry;

namespace {

AuditEntry makeEntry(qint64 profile, const QString& action, const QString& key) {
    return auditEntry(profile, u"Berlin office"_s, u"extension"_s, key, action,
                      u"Name „Anna“ → „Anna Schmidt“"_s);
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

    // The Audit log page's and `export audit`'s filter: profile, a time range and a text found in the
    // record, the summary, who or where, case-insensitively and with LIKE's wildcards taken literally.
    void filtersByProfileTimeAndText() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 berlin = test.addProfile();
        const qint64 munich = test.addProfile();
        AuditLogRepository log(test.database());
        const QDateTime start(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
        const QList<std::tuple<qint64, QString, QString, int>> rows{
            {berlin, u"e104"_s, u"Updated extension 104 (Anna Wolf)"_s, 0},
            {berlin, u"f-7"_s, u"Created forwarding number +4930555"_s, 1},
            {munich, u"e104"_s, u"Updated extension 104 (department)"_s, 2},
            {munich, u"pn-1"_s, u"Label 100% sure"_s, 3},
        };
        for (const auto& [profile, key, summary, day] : rows) {
            AuditEntry entry = makeEntry(profile, u"update"_s, key);
            entry.summary = summary;
            entry.at = start.addDays(day);
            QVERIFY(log.append(entry));
        }
        const auto keysOf = [&](const AuditFilter& filter) {
            QStringList keys;
            QString error;
            for (const AuditEntry& e : log.list(filter, 100, &error))
                keys << e.entityKey + u'@' + QString::number(e.profileId == berlin ? 1 : 2);
            return error.isEmpty() ? keys : QStringList{error};
        };
        AuditFilter filter;
        filter.text = u"ANNA"_s;
        QCOMPARE(keysOf(filter), QStringList{u"e104@1"_s});
        filter.text = u"e104"_s;
        QCOMPARE(keysOf(filter), (QStringList{u"e104@2"_s, u"e104@1"_s}));
        filter.profileId = berlin;
        QCOMPARE(keysOf(filter), QStringList{u"e104@1"_s});
        filter = {};
        filter.text = u"100%"_s; // not "100 and anything"
        QCOMPARE(keysOf(filter), QStringList{u"pn-1@2"_s});
        filter = {};
        filter.since = start.addDays(1);
        filter.until = start.addDays(3);
        QCOMPARE(keysOf(filter), (QStringList{u"e104@2"_s, u"f-7@1"_s}));
        filter.text = log.list().constFirst().actor; // who: the identity the store authenticated
        QCOMPARE(keysOf(filter).size(), 2);
        filter.text = u"nobody-like-this"_s;
        QVERIFY(keysOf(filter).isEmpty());
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
        const passwd* user = getpwuid(geteuid());
        QVERIFY(user);
        const QString osUser = QString::fromLocal8Bit(user->pw_name);
        if (!test.database().isPostgres()) {
            QCOMPARE(stored.actor, osUser);
            QCOMPARE(stored.host, QSysInfo::machineHostName());
        } else {
            const QString role = QUrl(test.location()).userName();
            QVERIFY2(!role.isEmpty(), "the test server's URL names its role");
            QCOMPARE(stored.actor, role);
            // The OS user beside the role, and the address the server saw: the throwaway server listens on
            // loopback only.
            QCOMPARE(stored.host, u"%1@%2 (127.0.0.1)"_s.arg(osUser, QSysInfo::machineHostName()));
        }
    }
};

QTEST_GUILESS_MAIN(tst_AuditLogRepository)
#include "tst_AuditLogRepository.moc"
