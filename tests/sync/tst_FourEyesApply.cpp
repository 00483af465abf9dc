// The apply path under four-eyes on a team's PostgreSQL store: a change nobody else approved is skipped
// with the reason and never reaches the provider (the emulator); once a second role approved it, the same
// apply sends it. Run as ordinary roles (TeamRoles), against the emulator over 127.0.0.1.
#include "SyncFixture.h"
#include "TeamRoles.h"
#include "changes/ChangePayloads.h"
#include "store/AuditLogRepository.h"
#include "store/FourEyesPolicy.h"

using namespace trunkline;
using namespace Qt::StringLiterals;
using synctest::SyncFixture;

class tst_FourEyesApply : public QObject {
    Q_OBJECT

private slots:
    void anUnapprovedChangeIsSkippedUntilApproved() {
        SyncFixture f(synctest::quietOptions(10, 10), u"ringcentral"_s, u"postgres"_s);
        if (!f.database.skipReason().isEmpty())
            QSKIP(qPrintable(f.database.skipReason()));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        TeamRoles team(f.database);
        QVERIFY2(team.isReady(), qPrintable(team.error()));
        QVERIFY(store::FourEyesPolicy(f.database.database()).setRequired(true));

        // Alice stages a new job title.
        const std::optional<core::Extension> stored = f.someUser();
        QVERIFY(stored);
        core::Extension edited = *stored;
        edited.contact.jobTitle = u"Head of Four Eyes"_s;
        store::PendingChange change = changes::ChangePayloads::extensionUpdate(
            f.profile.id, *stored, edited, store::ExtensionRepository(team.alice()).versionOf(*stored));
        store::PendingChangeRepository asAlice(team.alice());
        QVERIFY(asAlice.enqueue(change));

        const auto remoteJobTitle = [&] {
            return f.remoteGet(u"/restapi/v1.0/account/~/extension/"_s + stored->id)
                .json()
                .value("contact"_L1)
                .toObject()
                .value("jobTitle"_L1)
                .toString();
        };
        sync::SyncEngine alice(team.alice());
        sync::SyncEngine::Options pushOnly;
        pushOnly.pull = false;
        sync::SyncReport report = f.runSync(alice, pushOnly);
        QCOMPARE(report.applied, 0);
        QCOMPARE(report.skipped.size(), 1);
        QVERIFY2(report.skipped.first().contains(
                     u"needs a second person's approval before it is applied (four-eyes is on)"_s),
                 qPrintable(report.skipped.first()));
        QCOMPARE(asAlice.find(change.id)->state, store::ChangeState::Pending);
        QVERIFY(remoteJobTitle() != u"Head of Four Eyes"_s);

        // Bob approves; the same apply of Alice's now sends it.
        QVERIFY(store::PendingChangeRepository(team.bob()).approve(change.id));
        report = f.runSync(alice, pushOnly);
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.applied, 1);
        QCOMPARE(asAlice.find(change.id)->state, store::ChangeState::Applied);
        QCOMPARE(remoteJobTitle(), u"Head of Four Eyes"_s);
        const QList<store::AuditEntry> log = store::AuditLogRepository(team.alice()).list(f.profile.id, 1);
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().actor, team.aliceRole());
    }
};

QTEST_MAIN(tst_FourEyesApply)
#include "tst_FourEyesApply.moc"
