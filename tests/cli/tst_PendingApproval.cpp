// `trunkline-cli pending approve|four-eyes|list` on a team's PostgreSQL store, run as two ordinary roles
// (TeamRoles): the author is refused, the second person approves, the list names both, and only the
// tables' owner switches four-eyes. On a SQLite file four-eyes is off and cannot be switched on.
#include "CliRunner.h"
#include "TeamRoles.h"
#include "TestDatabase.h"
#include "store/PendingChangeRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using Run = trunkline::tests::CliRun;
using trunkline::tests::runCli;
using namespace Qt::StringLiterals;

class tst_PendingApproval : public QObject {
    Q_OBJECT

private slots:
    void approveAndFourEyesOnATeamDatabase() {
        TestDatabase test(u"postgres"_s);
        if (!test.skipReason().isEmpty())
            QSKIP(qPrintable(test.skipReason()));
        QVERIFY2(test.open(), qPrintable(test.error()));
        const qint64 profile = test.addProfile(u"Berlin"_s);
        TeamRoles team(test);
        QVERIFY2(team.isReady(), qPrintable(team.error()));
        const QString alice = team.urlFor(team.aliceRole());
        const QString bob = team.urlFor(team.bobRole());

        trunkline::store::PendingChange change;
        change.profileId = profile;
        change.entity = u"extension"_s;
        change.entityKey = u"e1"_s;
        change.payload = QJsonObject{{u"name"_s, u"Anna"_s}};
        QVERIFY(trunkline::store::PendingChangeRepository(team.alice()).enqueue(change));
        const QString id = QString::number(change.id);

        Run run = runCli(alice, {u"pending"_s, u"four-eyes"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), "Four-eyes approval: off.");
        run = runCli(alice, {u"pending"_s, u"four-eyes"_s, u"on"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"Only the database role that owns Trunkline's tables (%1)"_s
                                      .arg(test.database().sessionUser())
                                      .toUtf8()),
                 run.err.constData());
        run = runCli(test.location(), {u"pending"_s, u"four-eyes"_s, u"on"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("Four-eyes approval: on."));
        QCOMPARE(runCli(alice, {u"pending"_s, u"four-eyes"_s, u"maybe"_s}).exitCode, 2);

        run = runCli(alice, {u"pending"_s, u"approve"_s, id});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("yourself"), run.err.constData());
        run = runCli(bob, {u"pending"_s, u"approve"_s, id});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out.trimmed(), u"Change %1 approved by %2."_s.arg(id, team.bobRole()).toUtf8());
        QCOMPARE(runCli(bob, {u"pending"_s, u"approve"_s}).exitCode, 2);

        run = runCli(alice, {u"pending"_s, u"list"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"\tpending\t%1\t%2\t"_s.arg(team.aliceRole(), team.bobRole()).toUtf8()),
                 run.out.constData());
        run = runCli(alice, {u"pending"_s, u"list"_s, u"--format"_s, u"json"_s});
        const QJsonObject listed = QJsonDocument::fromJson(run.out).array().at(0).toObject();
        QCOMPARE(listed.value("author"_L1).toString(), team.aliceRole());
        QCOMPARE(listed.value("approvedBy"_L1).toString(), team.bobRole());
        QVERIFY(!listed.value("approvedAt"_L1).toString().isEmpty());
        run = runCli(alice, {u"pending"_s, u"show"_s, id});
        QVERIFY(run.out.contains(u"Approved by: %1"_s.arg(team.bobRole()).toUtf8()));
    }

    void sqliteHasNoFourEyes() {
        TestDatabase test(u"sqlite"_s);
        QVERIFY2(test.open(), qPrintable(test.error()));
        test.close();
        Run run = runCli(test.location(), {u"pending"_s, u"four-eyes"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("Four-eyes approval: off (a SQLite file has one user"));
        run = runCli(test.location(), {u"pending"_s, u"four-eyes"_s, u"on"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("PostgreSQL"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(tst_PendingApproval)
#include "tst_PendingApproval.moc"
