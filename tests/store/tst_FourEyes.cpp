// Four-eyes approval on a team's PostgreSQL store, held by the database itself: the author cannot
// approve their own change, an unapproved change cannot be claimed or finished while four-eyes is on, a
// revision loses its approval, and only the tables' owner switches the setting. Each rule is tried
// through the repository and through raw SQL (what a modified client would send), as two ordinary roles
// (TeamRoles: superusers bypass row rules). On SQLite the setting is off and cannot be switched on.
#include "RunSql.h"
#include "TeamRoles.h"
#include "TestDatabase.h"
#include "store/AuditLogRepository.h"
#include "store/FourEyesPolicy.h"
#include "store/PendingChangeRepository.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline::store;

namespace {

PendingChange makeChange(qint64 profile, const QString& key) {
    PendingChange change;
    change.profileId = profile;
    change.entity = u"extension"_s;
    change.entityKey = key;
    change.operation = ChangeOperation::Update;
    change.payload = QJsonObject{{u"name"_s, u"Anna Schmidt"_s}};
    change.baseValues = QJsonObject{{u"name"_s, u"Anna"_s}};
    change.baseVersion = u"v1"_s;
    return change;
}

ChangeClaim claim(const QString& owner) {
    return {owner, QDateTime::currentDateTimeUtc().addSecs(600)};
}

} // namespace

class tst_FourEyes : public QObject {
    Q_OBJECT

    // Four-eyes switched on and a change Alice staged, where the approval cases start; nullopt when either
    // is refused.
    std::optional<PendingChange> stagedByAliceWithFourEyesOn() {
        if (!FourEyesPolicy(m_test->database()).setRequired(true))
            return std::nullopt;
        PendingChange change = makeChange(m_profile, u"e1"_s);
        if (!PendingChangeRepository(m_team->alice()).enqueue(change))
            return std::nullopt;
        return change;
    }

private slots:
    void init() {
        m_test = std::make_unique<TestDatabase>(u"postgres"_s);
        if (!m_test->skipReason().isEmpty())
            QSKIP(qPrintable(m_test->skipReason()));
        QVERIFY2(m_test->open(), qPrintable(m_test->error()));
        m_profile = m_test->addProfile();
        QVERIFY(m_profile > 0);
        m_team = std::make_unique<TeamRoles>(*m_test);
        QVERIFY2(m_team->isReady(), qPrintable(m_team->error()));
    }
    void cleanup() {
        m_team.reset();
        m_test.reset();
    }

    void theAuthorIsWhoTheServerAuthenticated() {
        PendingChangeRepository asAlice(m_team->alice());
        PendingChange change = makeChange(m_profile, u"e1"_s);
        QString error;
        QVERIFY2(asAlice.enqueue(change, &error), qPrintable(error));
        QCOMPARE(change.author, m_team->aliceRole());
        QCOMPARE(asAlice.find(change.id)->author, m_team->aliceRole());
        QVERIFY(change.approvedBy.isEmpty());

        // A client that claims to be someone else, or pre-approves its insert, is overruled.
        QCOMPARE(
            runSql(
                m_team->alice(),
                u"INSERT INTO pending_changes (profile_id, entity, entity_key, operation, created_at, "
                u"updated_at, author, approved_by) VALUES (?, 'extension', 'e2', 'update', 'x', 'x', ?, ?)"_s,
                {m_profile, m_team->bobRole(), m_team->bobRole()}),
            QString());
        const QList<PendingChange> listed = asAlice.list(m_profile);
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(1).author, m_team->aliceRole());
        QVERIFY(listed.at(1).approvedBy.isEmpty());
        // And the author of a staged change stays who it is.
        QVERIFY(runSql(m_team->bob(), u"UPDATE pending_changes SET author = ? WHERE id = ?"_s,
                       {m_team->bobRole(), change.id})
                    .contains(u"TL003"_s));
    }

    void theAuthorCannotApprove() {
        const std::optional<PendingChange> change = stagedByAliceWithFourEyesOn();
        QVERIFY(change);
        PendingChangeRepository asAlice(m_team->alice());

        QString error;
        QVERIFY(!asAlice.approve(change->id, &error));
        QCOMPARE(
            error,
            u"You staged change %1 yourself; with four-eyes approval someone else must approve it."_s.arg(
                change->id));
        // What a modified client would send instead of asking the repository:
        QVERIFY(runSql(m_team->alice(), u"SELECT approve_change(?)"_s, {change->id}).contains(u"TL001"_s));
        QVERIFY(runSql(m_team->alice(), u"UPDATE pending_changes SET approved_by = ? WHERE id = ?"_s,
                       {m_team->aliceRole(), change->id})
                    .contains(u"TL001"_s));
        // ... or an approval in someone else's name.
        QVERIFY(runSql(m_team->alice(), u"UPDATE pending_changes SET approved_by = ? WHERE id = ?"_s,
                       {m_team->bobRole(), change->id})
                    .contains(u"TL003"_s));
        QVERIFY(asAlice.find(change->id)->approvedBy.isEmpty());

        PendingChangeRepository asBob(m_team->bob());
        QVERIFY2(asBob.approve(change->id, &error), qPrintable(error));
        const PendingChange approved = *asAlice.find(change->id);
        QCOMPARE(approved.approvedBy, m_team->bobRole());
        QVERIFY(approved.approvedAt.isValid());
        // The audit log keeps who approved what.
        const AuditEntry logged = AuditLogRepository(m_team->alice()).list(m_profile, 1).value(0);
        QCOMPARE(logged.action, u"approve"_s);
        QCOMPARE(logged.actor, m_team->bobRole());
        QCOMPARE(logged.entityKey, u"e1"_s);
        QVERIFY2(logged.summary.contains(m_team->aliceRole()), qPrintable(logged.summary));
        QVERIFY(qAbs(approved.approvedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        // The time is the server's, not one the client writes.
        QVERIFY(runSql(m_team->bob(),
                       u"UPDATE pending_changes SET approved_at = '2000-01-01T00:00:00.000Z' "
                       u"WHERE id = ?"_s,
                       {change->id})
                    .isEmpty());
        QCOMPARE(asAlice.find(change->id)->approvedAt, approved.approvedAt);
    }

    void anUnapprovedChangeIsNotApplied() {
        const std::optional<PendingChange> change = stagedByAliceWithFourEyesOn();
        QVERIFY(change);
        PendingChangeRepository asAlice(m_team->alice());
        PendingChangeRepository asBob(m_team->bob());

        QString error;
        QVERIFY(!asAlice.markApplying(change->id, claim(u"alice@ws-1:1#1"_s), &error));
        QCOMPARE(error,
                 u"Change %1 needs a second person's approval before it is applied (four-eyes is on)."_s.arg(
                     change->id));
        QVERIFY(!asBob.markApplying(change->id, claim(u"bob@ws-2:2#2"_s), &error));
        QVERIFY(runSql(m_team->alice(), u"UPDATE pending_changes SET state = 'applied' WHERE id = ?"_s,
                       {change->id})
                    .contains(u"TL002"_s));
        QVERIFY(runSql(m_team->alice(),
                       u"UPDATE pending_changes SET state = 'applying', claim_owner = 'x' "
                       u"WHERE id = ?"_s,
                       {change->id})
                    .contains(u"TL002"_s));
        // A temporary table of the setting's name in Alice's session does not switch it off for her.
        QCOMPARE(
            runSql(m_team->alice(), u"CREATE TEMPORARY TABLE approval_policy AS SELECT FALSE AS four_eyes"_s),
            QString());
        QVERIFY(!asAlice.markApplying(change->id, claim(u"alice@ws-1:1#1"_s), &error));
        QCOMPARE(asAlice.find(change->id)->state, ChangeState::Pending);

        // Approved by the second person, the author may apply it.
        QVERIFY(asBob.approve(change->id));
        QVERIFY2(asAlice.markApplying(change->id, claim(u"alice@ws-1:1#1"_s), &error), qPrintable(error));
        QVERIFY2(asAlice.markApplied(change->id, u"alice@ws-1:1#1"_s, {}, &error), qPrintable(error));
        QCOMPARE(asAlice.find(change->id)->state, ChangeState::Applied);
        // Once applied, there is nothing left to approve.
        QVERIFY(!asBob.approve(change->id, &error));
    }

    void withFourEyesOffTheAuthorAppliesAlone() {
        QCOMPARE(FourEyesPolicy(m_team->alice()).isRequired(), std::optional<bool>(false));
        PendingChangeRepository asAlice(m_team->alice());
        PendingChange change = makeChange(m_profile, u"e1"_s);
        QVERIFY(asAlice.enqueue(change));
        QString error;
        QVERIFY2(asAlice.markApplying(change.id, claim(u"alice@ws-1:1#1"_s), &error), qPrintable(error));
        // Approving is still the second person's: the author is refused even with four-eyes off.
        QVERIFY(!PendingChangeRepository(m_team->alice()).approve(change.id));
    }

    void aRevisedChangeLosesItsApproval() {
        const std::optional<PendingChange> change = stagedByAliceWithFourEyesOn();
        QVERIFY(change);
        PendingChangeRepository asAlice(m_team->alice());
        PendingChangeRepository asBob(m_team->bob());
        QVERIFY(asBob.approve(change->id));

        // The editor's way: a new revision of the staged change.
        QString error;
        QVERIFY2(asAlice.updatePayload(change->id, QJsonObject{{u"name"_s, u"Anna Schmidt-Wolf"_s}},
                                       change->baseValues, change->revision, &error),
                 qPrintable(error));
        PendingChange revised = *asAlice.find(change->id);
        QVERIFY(revised.approvedBy.isEmpty());
        QVERIFY(!revised.approvedAt.isValid());
        QVERIFY(!asAlice.markApplying(change->id, claim(u"alice@ws-1:1#1"_s), &error));

        // A raw edit of the payload that keeps the approval column is cleared by the database all the same.
        QVERIFY(asBob.approve(change->id));
        QCOMPARE(runSql(m_team->alice(),
                        u"UPDATE pending_changes SET payload = ?, approved_by = approved_by WHERE id = ?"_s,
                        {u"{\"name\":\"Mallory\"}"_s, change->id}),
                 QString());
        QVERIFY(asAlice.find(change->id)->approvedBy.isEmpty());
        QVERIFY(!asAlice.markApplying(change->id, claim(u"alice@ws-1:1#1"_s), &error));
    }

    void onlyTheOwnerSwitchesFourEyes() {
        FourEyesPolicy owner(m_test->database());
        FourEyesPolicy alice(m_team->alice());
        QVERIFY(alice.isAvailable());
        QVERIFY(owner.mayChange());
        QVERIFY(!alice.mayChange());
        QCOMPARE(alice.ownerRole(), m_test->database().sessionUser());

        QVERIFY(owner.setRequired(true));
        QCOMPARE(alice.isRequired(), std::optional<bool>(true));
        // Alice was granted every privilege on every table, the setting's included: the rule still holds.
        QString error;
        QVERIFY(!alice.setRequired(false, &error));
        QVERIFY2(error.contains(
                     u"Only the database role that owns Trunkline's tables (%1)"_s.arg(alice.ownerRole())),
                 qPrintable(error));
        QVERIFY(
            runSql(m_team->alice(), u"UPDATE approval_policy SET four_eyes = FALSE"_s).contains(u"TL004"_s));
        QVERIFY(runSql(m_team->alice(), u"DELETE FROM approval_policy"_s).contains(u"TL004"_s));
        const QString truncate = runSql(m_team->alice(), u"TRUNCATE approval_policy"_s);
        QVERIFY2(truncate.contains(u"TL004"_s), qPrintable(truncate));
        QCOMPARE(alice.isRequired(), std::optional<bool>(true));

        QVERIFY(owner.setRequired(false));
        QCOMPARE(alice.isRequired(), std::optional<bool>(false));
    }

    void sqliteHasNoFourEyes() {
        TestDatabase test(u"sqlite"_s);
        QVERIFY2(test.open(), qPrintable(test.error()));
        FourEyesPolicy policy(test.database());
        QVERIFY(!policy.isAvailable());
        QCOMPARE(policy.isRequired(), std::optional<bool>(false));
        QVERIFY(!policy.mayChange());
        QString error;
        QVERIFY(!policy.setRequired(true, &error));
        QVERIFY2(error.contains(u"PostgreSQL"_s), qPrintable(error));

        PendingChangeRepository changes(test.database());
        PendingChange change = makeChange(test.addProfile(), u"e1"_s);
        QVERIFY(changes.enqueue(change));
        QCOMPARE(change.author, test.database().sessionUser());
        QVERIFY(!changes.approve(change.id, &error));
        // Nothing stands between the one user and applying.
        QVERIFY(changes.markApplying(change.id, claim(u"anna@desk:1#1"_s)));
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<TeamRoles> m_team;
    qint64 m_profile = 0;
};

QTEST_MAIN(tst_FourEyes)
#include "tst_FourEyes.moc"
