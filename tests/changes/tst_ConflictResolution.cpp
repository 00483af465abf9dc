// ChangeStager::conflictMerge / resolveConflict: a change parked as a conflict is re-staged on the record's
// current version (keep mine, merge), dropped (take theirs), or refused when the change or the record
// moved since the admin looked. Each case runs on SQLite and, with TRUNKLINE_TEST_PG_URL, on PostgreSQL.

#include "EngineTestCase.h"
#include "TestDatabaseMember.h"
#include "changes/ChangeStager.h"
#include "changes/NumberChangePayloads.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using changes::ChangeStager;
using changes::ConflictMerge;
using changes::ConflictSide;
using store::ChangeState;
using store::PendingChange;

namespace {

core::PhoneNumberRecord number(const QString& label, const QString& voiceUrl) {
    core::PhoneNumberRecord n;
    n.provider = u"restcomm"_s;
    n.id = u"PN1"_s;
    n.e164 = u"+14155550100"_s;
    n.label = label;
    core::RestcommAttributes restcomm;
    restcomm.voiceUrl = voiceUrl;
    n.restcomm = restcomm;
    return n;
}

const store::ChangeClaim kApplier{u"admin@desk:1#00000001"_s, QDateTime::currentDateTimeUtc().addSecs(600)};

// A profile with the number stored, the admin's edit of its label and voice URL staged and, as the pusher
// leaves it, parked as a conflict with the provider's record (`theirs`) stored. The change's id.
qint64 conflictOn(TestDatabase& test, const core::PhoneNumberRecord& theirs) {
    const qint64 profile = test.addProfile(u"Restcomm office"_s, u"restcomm"_s);
    store::PhoneNumberRepository numbers(test.database());
    const core::PhoneNumberRecord base = number(u"Base"_s, u"https://base.example/voice"_s);
    if (!numbers.upsert(profile, {base}))
        return 0;
    const PendingChange edit = changes::NumberChangePayloads::numberUpdate(
        profile, base, number(u"Mine"_s, u"https://mine.example/voice"_s), numbers.versionOf(base));
    const changes::StagingResult staged = ChangeStager(test.database()).stage(edit);
    if (!staged.ok() || staged.steps.size() != 1)
        return 0;
    const qint64 id = staged.steps.constFirst().row().id;
    store::PendingChangeRepository changes(test.database());
    if (!changes.markApplying(id, kApplier) || !changes.markConflict(id, kApplier.owner, u"changed"_s) ||
        !numbers.upsert(profile, {theirs}))
        return 0;
    return id;
}

} // namespace

class tst_ConflictResolution : public EngineTestCase {
    Q_OBJECT

private slots:
    void init() {
        TRUNKLINE_OPEN_TEST_DATABASE_MEMBER(m_test);
        m_stager = std::make_unique<ChangeStager>(m_test->database());
    }
    void cleanup() {
        m_stager.reset();
        m_test.reset();
    }

    void keepMineRestagesOnTheirs() {
        const core::PhoneNumberRecord theirs = number(u"Theirs"_s, u"https://base.example/voice"_s);
        QString error;
        const std::optional<ConflictMerge> merge = shownConflict(theirs, &error);
        QVERIFY2(merge, qPrintable(error));
        QCOMPARE(merge->theirs().value(u"label"_s).toString(), u"Theirs"_s);

        QSignalSpy changed(m_stager.get(), &ChangeStager::changed);
        const changes::StagingResult result = m_stager->resolveConflict(*merge, merge->keepMine());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(changed.size(), 1);
        const PendingChange after =
            *store::PendingChangeRepository(m_test->database()).find(merge->change().id);
        QCOMPARE(after.state, ChangeState::Pending);
        QVERIFY(after.lastError.isEmpty());
        QCOMPARE(after.payload,
                 (QJsonObject{{u"label"_s, u"Mine"_s}, {u"voiceUrl"_s, u"https://mine.example/voice"_s}}));
        // The new base is the record as the provider holds it now.
        QCOMPARE(after.baseVersion, store::PhoneNumberRepository(m_test->database()).versionOf(theirs));
        QCOMPARE(after.baseValues,
                 (QJsonObject{{u"label"_s, u"Theirs"_s}, {u"voiceUrl"_s, u"https://base.example/voice"_s}}));
        QCOMPARE(after.revision, merge->change().revision + 1);
        // It is applicable again, and no longer a conflict to resolve.
        QVERIFY(!m_stager->conflictMerge(merge->change().id, &error));
    }

    void mergeKeepsTheChosenSides() {
        const std::optional<ConflictMerge> merge =
            shownConflict(number(u"Theirs"_s, u"https://theirs.example/voice"_s));
        QVERIFY(merge);
        QCOMPARE(merge->conflictCount(), 2);
        // A real conflict left undecided is refused, naming the field.
        const changes::StagingResult undecided =
            m_stager->resolveConflict(*merge, {{u"label"_s, ConflictSide::Theirs}});
        QVERIFY(!undecided.ok());
        QVERIFY2(undecided.error.contains(u"voiceUrl"_s), qPrintable(undecided.error));
        const changes::StagingResult result = m_stager->resolveConflict(
            *merge, {{u"label"_s, ConflictSide::Theirs}, {u"voiceUrl"_s, ConflictSide::Mine}});
        QVERIFY2(result.ok(), qPrintable(result.error));
        const PendingChange after =
            *store::PendingChangeRepository(m_test->database()).find(merge->change().id);
        QCOMPARE(after.state, ChangeState::Pending);
        QCOMPARE(after.payload, (QJsonObject{{u"voiceUrl"_s, u"https://mine.example/voice"_s}}));
        QCOMPARE(after.baseValues, (QJsonObject{{u"voiceUrl"_s, u"https://theirs.example/voice"_s}}));
    }

    void takeTheirsDropsTheChange() {
        const std::optional<ConflictMerge> merge =
            shownConflict(number(u"Theirs"_s, u"https://base.example/voice"_s));
        QVERIFY(merge);
        const changes::StagingResult result = m_stager->resolveConflict(*merge, merge->takeTheirs());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.steps.size(), 1);
        QVERIFY(result.steps.constFirst().isDropped());
        QVERIFY(!store::PendingChangeRepository(m_test->database()).find(merge->change().id));
    }

    // The record moved again (a sync stored newer values) while the admin decided: refused, unchanged.
    void staleResolutionIsRefused() {
        const std::optional<ConflictMerge> shown =
            shownConflict(number(u"Theirs"_s, u"https://base.example/voice"_s));
        QVERIFY(shown);
        const qint64 id = shown->change().id;
        const PendingChange before = *store::PendingChangeRepository(m_test->database()).find(id);
        QVERIFY(store::PhoneNumberRepository(m_test->database())
                    .upsert(before.profileId, {number(u"Theirs again"_s, u"https://base.example/voice"_s)}));
        const changes::StagingResult result = m_stager->resolveConflict(*shown, shown->keepMine());
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(u"changed again"_s), qPrintable(result.error));
        QCOMPARE(*store::PendingChangeRepository(m_test->database()).find(id), before);
        // Read again, it shows the new values and can be resolved.
        const std::optional<ConflictMerge> again = m_stager->conflictMerge(id);
        QCOMPARE(again->theirs().value(u"label"_s).toString(), u"Theirs again"_s);
        QVERIFY(m_stager->resolveConflict(*again, again->keepMine()).ok());
    }

    void revisedChangeIsRefused() {
        const std::optional<ConflictMerge> shown =
            shownConflict(number(u"Theirs"_s, u"https://base.example/voice"_s));
        QVERIFY(shown);
        const qint64 id = shown->change().id;
        // Another admin resolved it first.
        QVERIFY(m_stager->resolveConflict(*m_stager->conflictMerge(id), shown->keepMine()).ok());
        const changes::StagingResult second = m_stager->resolveConflict(*shown, shown->takeTheirs());
        QVERIFY(!second.ok());
        QVERIFY2(second.error.contains(u"no longer in conflict"_s), qPrintable(second.error));
        QCOMPARE(store::PendingChangeRepository(m_test->database()).find(id)->state, ChangeState::Pending);
    }

    // Without a newer copy of the record (the provider deleted it, or no pull since) there is no theirs.
    void noNewerCopyCannotBeMerged() {
        const qint64 id = conflictOn(*m_test, number(u"Base"_s, u"https://base.example/voice"_s));
        QVERIFY(id > 0);
        QString error;
        QVERIFY(!m_stager->conflictMerge(id, &error));
        QVERIFY2(error.contains(u"sync"_s), qPrintable(error));
    }

private:
    // The conflict that conflictOn parks, as the admin is shown it; nothing when it could not be parked.
    std::optional<ConflictMerge> shownConflict(const core::PhoneNumberRecord& theirs,
                                               QString* error = nullptr) {
        const qint64 id = conflictOn(*m_test, theirs);
        if (id <= 0)
            return std::nullopt;
        return m_stager->conflictMerge(id, error);
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<ChangeStager> m_stager;
};

QTEST_GUILESS_MAIN(tst_ConflictResolution)
#include "tst_ConflictResolution.moc"
