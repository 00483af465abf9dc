#include "EngineTestCase.h"
#include "RecordIds.h"
#include "store/PendingChangeRepository.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>
#include <algorithm>
#include <memory>
#include <vector>

Q_DECLARE_METATYPE(trunkline::store::ChangeState)

using namespace Qt::StringLiterals;
using namespace trunkline::store;
using trunkline::test::idsOf;

namespace {

PendingChange makeChange(qint64 profile, const QString& key,
                         ChangeOperation operation = ChangeOperation::Update) {
    PendingChange c;
    c.profileId = profile;
    c.entity = u"extension"_s;
    c.entityKey = key;
    c.operation = operation;
    c.payload = QJsonObject{{u"name"_s, u"Anna Schmidt"_s},
                            {u"contact"_s, QJsonObject{{u"email"_s, u"anna@example.com"_s}}},
                            {u"flip"_s, QJsonArray{1, 2, 3}}};
    c.baseVersion = u"abc123"_s;
    return c;
}

const QString kOwner = u"anna@desk-1:4711#0badcafe"_s;

// A claim by `owner` whose lease ends `seconds` from now (negative: already lapsed).
ChangeClaim claimFor(const QString& owner = kOwner, qint64 seconds = 600) {
    return {owner, QDateTime::currentDateTimeUtc().addSecs(seconds)};
}

// Brings a fresh change into `state` through the legal path.
bool driveTo(PendingChangeRepository& repository, qint64 id, ChangeState state) {
    switch (state) {
    case ChangeState::Pending:
        return true;
    case ChangeState::Applying:
        return repository.markApplying(id, claimFor());
    case ChangeState::Applied:
        return repository.markApplying(id, claimFor()) && repository.markApplied(id, kOwner);
    case ChangeState::Failed:
        return repository.markApplying(id, claimFor()) && repository.markFailed(id, kOwner, u"HTTP 503"_s);
    case ChangeState::Conflict:
        return repository.markApplying(id, claimFor()) &&
               repository.markConflict(id, kOwner, u"changed at the provider"_s);
    }
    return false;
}

} // namespace

class tst_PendingChangeRepository : public EngineTestCase {
    Q_OBJECT

private slots:
    void enqueueAndListInOrder() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        const qint64 other = test.addProfile(u"Other"_s);
        PendingChangeRepository repository(test.database());
        PendingChange first = makeChange(profile, u"e1"_s);
        PendingChange second = makeChange(profile, u"e2"_s, ChangeOperation::Delete);
        PendingChange elsewhere = makeChange(other, u"e1"_s, ChangeOperation::Create);
        QString error;
        QVERIFY2(repository.enqueue(first, &error), qPrintable(error));
        QVERIFY(repository.enqueue(elsewhere));
        QVERIFY(repository.enqueue(second));
        QVERIFY(first.id > 0 && second.id > first.id);
        QCOMPARE(first.state, ChangeState::Pending);
        QVERIFY(first.createdAt.isValid());

        const QList<PendingChange> listed = repository.list(profile, {}, &error);
        QCOMPARE(listed, (QList<PendingChange>{first, second}));
        QCOMPARE(listed.at(0).payload.value(u"contact"_s).toObject().value(u"email"_s).toString(),
                 u"anna@example.com"_s);
        QCOMPARE(repository.list(other).size(), 1);
        QCOMPARE(*repository.find(second.id), second);
    }

    void countsWhatListWouldReturnWithoutReadingIt() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        const qint64 other = test.addProfile(u"Other"_s);
        PendingChangeRepository repository(test.database());
        PendingChange waiting = makeChange(profile, u"e1"_s);
        PendingChange failing = makeChange(profile, u"e2"_s);
        PendingChange elsewhere = makeChange(other, u"e3"_s);
        QVERIFY(repository.enqueue(waiting) && repository.enqueue(failing) && repository.enqueue(elsewhere));
        QVERIFY(repository.markApplying(failing.id, claimFor()));
        QVERIFY(repository.markFailed(failing.id, kOwner, u"HTTP 503"_s));

        const QList<ChangeState> open{ChangeState::Pending, ChangeState::Failed};
        QCOMPARE(repository.count(profile, {}), 2);
        QCOMPARE(repository.count(profile, {ChangeState::Pending}), 1);
        QCOMPARE(repository.count(profile, open), repository.list(profile, open).size());
        // Among chosen ids: another profile's change does not count, and no ids is none.
        QCOMPARE(repository.count(profile, open, QSet<qint64>{failing.id, elsewhere.id}), 1);
        QCOMPARE(repository.count(profile, open, QSet<qint64>{}), 0);
        QCOMPARE(repository.count(other, {ChangeState::Failed}), 0);
    }

    void enqueueNeedsEntityAndKey() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        PendingChangeRepository repository(test.database());
        PendingChange change = makeChange(test.addProfile(), {});
        QString error;
        QVERIFY(!repository.enqueue(change, &error));
        QCOMPARE(error, u"A pending change needs an entity and an entity key."_s);
        QCOMPARE(change.id, 0);
    }

    void transitions_data() {
        QTest::addColumn<ChangeState>("from");
        QTest::addColumn<ChangeState>("to");
        QTest::addColumn<bool>("allowed");
        const QList<ChangeState> all = {ChangeState::Pending, ChangeState::Applying, ChangeState::Applied,
                                        ChangeState::Failed, ChangeState::Conflict};
        for (ChangeState from : all) {
            for (ChangeState to :
                 {ChangeState::Applying, ChangeState::Applied, ChangeState::Failed, ChangeState::Conflict}) {
                const bool allowed = to == ChangeState::Applying
                                         ? (from == ChangeState::Pending || from == ChangeState::Failed)
                                         : from == ChangeState::Applying;
                QTest::addRow("%s -> %s", qPrintable(toText(from)), qPrintable(toText(to)))
                    << from << to << allowed;
            }
        }
    }
    void transitions() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QFETCH(ChangeState, from);
        QFETCH(ChangeState, to);
        QFETCH(bool, allowed);
        PendingChangeRepository repository(test.database());
        PendingChange change = makeChange(test.addProfile(), u"e1"_s);
        QVERIFY(repository.enqueue(change));
        QVERIFY(driveTo(repository, change.id, from));
        QCOMPARE(repository.find(change.id)->state, from);

        QString error;
        bool ok = false;
        switch (to) {
        case ChangeState::Applying:
            ok = repository.markApplying(change.id, claimFor(), &error);
            break;
        case ChangeState::Applied:
            ok = repository.markApplied(change.id, kOwner, {}, &error);
            break;
        case ChangeState::Failed:
            ok = repository.markFailed(change.id, kOwner, u"timeout"_s, {}, &error);
            break;
        case ChangeState::Conflict:
            ok = repository.markConflict(change.id, kOwner, u"conflict"_s, &error);
            break;
        case ChangeState::Pending:
            break;
        }
        QCOMPARE(ok, allowed);
        QCOMPARE(repository.find(change.id)->state, allowed ? to : from);
        if (!allowed && from == ChangeState::Applying) {
            // Held by a live claim: the refusal names the holder.
            QVERIFY2(error.startsWith(
                         u"The pending change %1 is claimed by %2 until "_s.arg(change.id).arg(kOwner)),
                     qPrintable(error));
        } else if (!allowed) {
            QCOMPARE(error, u"The pending change %1 is %2 and cannot become %3."_s.arg(change.id).arg(
                                toText(from), toText(to)));
        }
    }

    void failuresCountAndBackOff() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        PendingChangeRepository repository(test.database());
        PendingChange change = makeChange(profile, u"e1"_s);
        PendingChange later = makeChange(profile, u"e2"_s);
        QVERIFY(repository.enqueue(change));
        QVERIFY(repository.enqueue(later));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(idsOf(repository.due(profile, now)), (QList<qint64>{change.id, later.id}));

        QVERIFY(repository.markApplying(change.id, claimFor()));
        QCOMPARE(idsOf(repository.due(profile, now)), QList<qint64>{later.id});
        const QDateTime retryAt = now.addSecs(60);
        QVERIFY(repository.markFailed(change.id, kOwner, u"HTTP 503 Service Unavailable"_s, retryAt));
        auto stored = *repository.find(change.id);
        QCOMPARE(stored.attempts, 1);
        QCOMPARE(stored.lastError, u"HTTP 503 Service Unavailable"_s);
        QCOMPARE(stored.nextAttemptAt.toMSecsSinceEpoch(), retryAt.toMSecsSinceEpoch());
        QCOMPARE(idsOf(repository.due(profile, now)), QList<qint64>{later.id});
        QCOMPARE(idsOf(repository.due(profile, retryAt)), (QList<qint64>{change.id, later.id}));

        QVERIFY(repository.markApplying(change.id, claimFor()));
        QVERIFY(repository.markFailed(change.id, kOwner, u"HTTP 503 again"_s, retryAt.addSecs(120)));
        QCOMPARE(repository.find(change.id)->attempts, 2);
        QVERIFY(repository.markApplying(change.id, claimFor()));
        QVERIFY(repository.markApplied(change.id, kOwner));
        stored = *repository.find(change.id);
        QCOMPARE(stored.state, ChangeState::Applied);
        QVERIFY(!stored.nextAttemptAt.isValid());
        QCOMPARE(repository.list(profile, {ChangeState::Applied}).size(), 1);
        QCOMPARE(repository.list(profile, {ChangeState::Pending, ChangeState::Failed}).size(), 1);
        QCOMPARE(repository.purgeApplied(profile), 1);
        QCOMPARE(idsOf(repository.list(profile)), QList<qint64>{later.id});
    }

    void discardAndEdit() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        PendingChangeRepository repository(test.database());
        const qint64 profile = test.addProfile();
        PendingChange busy = makeChange(profile, u"e1"_s);
        PendingChange idle = makeChange(profile, u"e2"_s);
        QVERIFY(repository.enqueue(busy));
        QVERIFY(repository.enqueue(idle));
        QVERIFY(repository.markApplying(busy.id, claimFor()));

        QString error;
        QVERIFY(!repository.discard(busy.id, &error));
        QVERIFY2(
            error.startsWith(
                u"The pending change %1 is being applied by %2 and cannot be discarded before "_s.arg(busy.id)
                    .arg(kOwner)),
            qPrintable(error));
        QVERIFY(!repository.updatePayload(busy.id, {}, &error));

        const QJsonObject edited{{u"name"_s, u"Anna S."_s}};
        QVERIFY(repository.updatePayload(idle.id, edited, &error));
        QCOMPARE(repository.find(idle.id)->payload, edited);
        QVERIFY(repository.discard(idle.id, &error));
        QVERIFY(!repository.find(idle.id));
        QVERIFY(!repository.discard(idle.id, &error));
        QCOMPARE(error, u"The pending change %1 no longer exists."_s.arg(idle.id));
    }

    void onlyOneWorkerClaimsAChange() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        PendingChange change = makeChange(test.addProfile(), u"e1"_s);
        QVERIFY(PendingChangeRepository(test.database()).enqueue(change));
        auto second = test.database().cloneForThisThread(nullptr);
        QVERIFY(second);
        PendingChangeRepository workerA(test.database());
        PendingChangeRepository workerB(*second);
        const QString ownerB = u"bernd@desk-2:815#00c0ffee"_s;
        QVERIFY(workerA.markApplying(change.id, claimFor()));
        QString error;
        QVERIFY(!workerB.markApplying(change.id, claimFor(ownerB), &error));
        QVERIFY2(error.contains(u"claimed by %1 until"_s.arg(kOwner)), qPrintable(error));
        QCOMPARE(workerB.find(change.id)->state, ChangeState::Applying);
        QCOMPARE(workerB.find(change.id)->claimOwner, kOwner);
        // Only the holder finishes the change: B cannot mark it, A can.
        QVERIFY(!workerB.markApplied(change.id, ownerB, {}, &error));
        QVERIFY(!workerB.markFailed(change.id, ownerB, u"timeout"_s, {}, &error));
        QVERIFY(
            workerA.markApplied(change.id, kOwner, QJsonObject{{u"name"_s, u"Anna Wolf-Berger"_s}}, &error));
        QCOMPARE(workerB.find(change.id)->state, ChangeState::Applied);
        // The provider's read-back is kept with the applied change, for `pending list`.
        QCOMPARE(workerB.find(change.id)->readBack, (QJsonObject{{u"name"_s, u"Anna Wolf-Berger"_s}}));
    }

    // Many appliers, each on its own connection and thread, race for the same changes: every change is
    // claimed by exactly one of them (the claim is one conditional UPDATE; on PostgreSQL the losers wait
    // for the winner's commit and then see the row claimed).
    void racingAppliersClaimEachChangeOnce() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        QList<qint64> ids;
        for (int i = 0; i < 40; ++i) {
            PendingChange change = makeChange(profile, u"e%1"_s.arg(i));
            QVERIFY(PendingChangeRepository(test.database()).enqueue(change));
            ids << change.id;
        }
        constexpr int kAppliers = 6;
        QList<QList<qint64>> won(kAppliers);
        QList<QString> failures(kAppliers);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int a = 0; a < kAppliers; ++a) {
            threads.emplace_back(QThread::create([&, a] {
                QString error;
                auto own = Database::open(test.location(), &error);
                if (!own) {
                    failures[a] = error;
                    return;
                }
                PendingChangeRepository repository(*own);
                const QString owner = u"applier%1@host:%1#00000000"_s.arg(a);
                for (qint64 id : ids) {
                    if (repository.markApplying(id, claimFor(owner), &error))
                        won[a] << id;
                    else if (!error.contains(u"claimed by"_s))
                        failures[a] = error;
                }
            }));
        }
        for (auto& thread : threads)
            thread->start();
        for (auto& thread : threads)
            QVERIFY(thread->wait(120000));
        QList<qint64> all;
        for (int a = 0; a < kAppliers; ++a) {
            QVERIFY2(failures[a].isEmpty(), qPrintable(failures[a]));
            all += won[a];
        }
        std::sort(all.begin(), all.end());
        QCOMPARE(all, ids);
    }

    // An applier that died leaves its change `applying`; once the lease lapses the change is due again,
    // another applier recovers it (counting an attempt: the dead one may have sent it) and the dead one
    // can no longer finish it.
    void lapsedClaimIsRecoveredCountingAnAttempt() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        PendingChangeRepository repository(test.database());
        PendingChange change = makeChange(profile, u"e1"_s);
        QVERIFY(repository.enqueue(change));
        const QString ghost = u"ghost@gone:1#deadbeef"_s;
        QVERIFY(repository.markApplying(change.id, claimFor(ghost, -1)));
        QCOMPARE(idsOf(repository.due(profile, QDateTime::currentDateTimeUtc())), QList<qint64>{change.id});
        QString error;
        QVERIFY2(repository.markApplying(change.id, claimFor(), &error), qPrintable(error));
        const PendingChange recovered = *repository.find(change.id);
        QCOMPARE(recovered.claimOwner, kOwner);
        QCOMPARE(recovered.attempts, 1);
        QVERIFY(repository.due(profile, QDateTime::currentDateTimeUtc()).isEmpty());
        QVERIFY(!repository.markApplied(change.id, ghost, {}, &error));
        QVERIFY(repository.markApplied(change.id, kOwner, {}, &error));
    }

    // A change stuck `applying` can be discarded once its lease lapsed, not before.
    void stuckChangeIsDiscardableAfterItsLease() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        PendingChangeRepository repository(test.database());
        PendingChange held = makeChange(test.addProfile(), u"e1"_s);
        PendingChange stuck = makeChange(held.profileId, u"e2"_s);
        QVERIFY(repository.enqueue(held));
        QVERIFY(repository.enqueue(stuck));
        QVERIFY(repository.markApplying(held.id, claimFor()));
        QVERIFY(repository.markApplying(stuck.id, claimFor(u"ghost@gone:1#deadbeef"_s, -1)));
        QString error;
        QVERIFY(!repository.discard(held.id, &error));
        QVERIFY2(repository.discard(stuck.id, &error), qPrintable(error));
        QVERIFY(!repository.find(stuck.id));
    }

    // The attempt a create counts before it is sent: only the holder counts it, and it is committed with
    // a full sync on SQLite while the connection keeps its normal setting for every other write.
    void attemptIsRecordedByTheHolderOnly() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        PendingChangeRepository repository(test.database());
        PendingChange change = makeChange(test.addProfile(), u"e1"_s, ChangeOperation::Create);
        QVERIFY(repository.enqueue(change));
        QString error;
        QVERIFY(!repository.recordAttempt(change.id, kOwner, &error)); // not claimed
        QVERIFY(repository.markApplying(change.id, claimFor()));
        QVERIFY(!repository.recordAttempt(change.id, u"bernd@desk-2:815#00c0ffee"_s, &error));
        QVERIFY2(repository.recordAttempt(change.id, kOwner, &error), qPrintable(error));
        QCOMPARE(repository.find(change.id)->attempts, 1);
        if (!test.isPostgres()) {
            QSqlQuery query(test.database().connection());
            QVERIFY(query.exec(u"PRAGMA synchronous"_s) && query.next());
            QCOMPARE(query.value(0).toInt(), 1); // NORMAL again
        }
    }

    // Two admins revise one staged change: the edit made on the older revision is refused, not written
    // over the other's.
    void editOnAnOlderRevisionIsRefused() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        PendingChangeRepository repository(test.database());
        PendingChange change = makeChange(test.addProfile(), u"e1"_s);
        QVERIFY(repository.enqueue(change));
        QCOMPARE(change.revision, 1);
        QCOMPARE(repository.find(change.id)->revision, 1);
        const QJsonObject bernd{{u"name"_s, u"Bernd"_s}};
        const QJsonObject anna{{u"name"_s, u"Anna"_s}};
        QString error;
        QVERIFY2(repository.updatePayload(change.id, bernd, {}, 1, &error), qPrintable(error));
        QCOMPARE(repository.find(change.id)->revision, 2);
        QVERIFY(!repository.updatePayload(change.id, anna, {}, 1, &error));
        QVERIFY2(error.contains(u"edited by someone else"_s), qPrintable(error));
        QCOMPARE(repository.find(change.id)->payload, bernd);
        QVERIFY(repository.updatePayload(change.id, anna, {}, 2, &error));
        QCOMPARE(repository.find(change.id)->payload, anna);
    }

    void removedWithItsProfile() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        PendingChangeRepository repository(test.database());
        PendingChange change = makeChange(profile, u"e1"_s);
        QVERIFY(repository.enqueue(change));
        QVERIFY(ProfileRepository(test.database()).remove(profile));
        QVERIFY(!repository.find(change.id));
    }
};

QTEST_GUILESS_MAIN(tst_PendingChangeRepository)
#include "tst_PendingChangeRepository.moc"
