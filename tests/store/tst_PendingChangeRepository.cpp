#include "EngineTestCase.h"
#include "store/PendingChangeRepository.h"

#include <QJsonArray>
#include <QtTest>

Q_DECLARE_METATYPE(trunkline::store::ChangeState)

using namespace Qt::StringLiterals;
using namespace trunkline::store;

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

QList<qint64> idsOf(const QList<PendingChange>& changes) {
    QList<qint64> ids;
    for (const auto& c : changes) {
        ids << c.id;
    }
    return ids;
}

// Brings a fresh change into `state` through the legal path.
bool driveTo(PendingChangeRepository& repository, qint64 id, ChangeState state) {
    switch (state) {
    case ChangeState::Pending:
        return true;
    case ChangeState::Applying:
        return repository.markApplying(id);
    case ChangeState::Applied:
        return repository.markApplying(id) && repository.markApplied(id);
    case ChangeState::Failed:
        return repository.markApplying(id) && repository.markFailed(id, u"HTTP 503"_s);
    case ChangeState::Conflict:
        return repository.markApplying(id) && repository.markConflict(id, u"changed at the provider"_s);
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
            ok = repository.markApplying(change.id, &error);
            break;
        case ChangeState::Applied:
            ok = repository.markApplied(change.id, &error);
            break;
        case ChangeState::Failed:
            ok = repository.markFailed(change.id, u"timeout"_s, {}, &error);
            break;
        case ChangeState::Conflict:
            ok = repository.markConflict(change.id, u"conflict"_s, &error);
            break;
        case ChangeState::Pending:
            break;
        }
        QCOMPARE(ok, allowed);
        QCOMPARE(repository.find(change.id)->state, allowed ? to : from);
        if (!allowed) {
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

        QVERIFY(repository.markApplying(change.id));
        QCOMPARE(idsOf(repository.due(profile, now)), QList<qint64>{later.id});
        const QDateTime retryAt = now.addSecs(60);
        QVERIFY(repository.markFailed(change.id, u"HTTP 503 Service Unavailable"_s, retryAt));
        auto stored = *repository.find(change.id);
        QCOMPARE(stored.attempts, 1);
        QCOMPARE(stored.lastError, u"HTTP 503 Service Unavailable"_s);
        QCOMPARE(stored.nextAttemptAt.toMSecsSinceEpoch(), retryAt.toMSecsSinceEpoch());
        QCOMPARE(idsOf(repository.due(profile, now)), QList<qint64>{later.id});
        QCOMPARE(idsOf(repository.due(profile, retryAt)), (QList<qint64>{change.id, later.id}));

        QVERIFY(repository.markApplying(change.id));
        QVERIFY(repository.markFailed(change.id, u"HTTP 503 again"_s, retryAt.addSecs(120)));
        QCOMPARE(repository.find(change.id)->attempts, 2);
        QVERIFY(repository.markApplying(change.id));
        QVERIFY(repository.markApplied(change.id));
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
        QVERIFY(repository.markApplying(busy.id));

        QString error;
        QVERIFY(!repository.discard(busy.id, &error));
        QCOMPARE(error, u"The pending change %1 is being applied and cannot be discarded."_s.arg(busy.id));
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
        QVERIFY(workerA.markApplying(change.id));
        QVERIFY(!workerB.markApplying(change.id));
        QCOMPARE(workerB.find(change.id)->state, ChangeState::Applying);
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
