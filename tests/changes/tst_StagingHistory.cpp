// StagingHistory: each staging command is one entry of the undo stack whose undo puts the pending changes
// back exactly as they were (a discarded change with its id, payload, base values and revision) and whose
// redo stages it again; an undo is refused, the store untouched and the entry gone from the history, when
// the change was applied or someone else revised it since. Every case runs on SQLite and, with
// TRUNKLINE_TEST_PG_URL, on PostgreSQL.

#include "EngineTestCase.h"
#include "NumberEdits.h"
#include "StagingRecords.h"
#include "changes/ChangePayloads.h"
#include "changes/ChangeStager.h"
#include "changes/ForwardingListPlan.h"
#include "changes/NumberChangePayloads.h"
#include "changes/StagingHistory.h"
#include "store/PendingChangeRepository.h"
#include "store/Transaction.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using changes::ChangeStager;
using changes::StagingHistory;
using changes::StagingResult;
using store::ChangeOperation;
using store::PendingChange;
using namespace test; // StagingRecords.h, NumberEdits.h

class tst_StagingHistory : public EngineTestCase {
    Q_OBJECT

private:
    static QList<PendingChange> rows(TestDatabase& test, qint64 profile) {
        return store::PendingChangeRepository(test.database()).list(profile);
    }

private slots:
    void undoAndRedoAnEditAndItsRevision() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        StagingHistory history(test.database());
        QUndoStack& stack = history.stack();
        QSignalSpy changed(&ChangeStager::of(test.database()), &ChangeStager::changed);

        const StagingResult added = history.stage(
            relabel(profile, u"Front desk"_s, PendingChange::kShowedNoStagedChange), u"Edit +49 30 123456"_s);
        QVERIFY2(added.ok(), qPrintable(added.error));
        const PendingChange first = *added.steps.first().after;
        const StagingResult revised =
            history.stage(relabel(profile, u"Lobby"_s, first.revision), u"Edit again"_s);
        QVERIFY2(revised.ok(), qPrintable(revised.error));
        QCOMPARE(stack.count(), 2);
        QCOMPARE(stack.undoText(), u"Edit again"_s);

        // Undoing the revision brings back the first edit's payload and revision.
        changed.clear();
        stack.undo();
        QList<PendingChange> staged = rows(test, profile);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.first().id, first.id);
        QCOMPARE(staged.first().payload, first.payload);
        QCOMPARE(staged.first().baseValues, first.baseValues);
        QCOMPARE(staged.first().revision, first.revision);
        QCOMPARE(changed.count(), 1); // pages refresh from the stager's signal

        // Undoing the first edit drops the change; redoing puts it back with its id.
        stack.undo();
        QVERIFY(rows(test, profile).isEmpty());
        QVERIFY(!stack.canUndo());
        stack.redo();
        staged = rows(test, profile);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.first().id, first.id);
        QCOMPARE(staged.first().payload, first.payload);
        QCOMPARE(staged.first().revision, first.revision);
        stack.redo();
        staged = rows(test, profile);
        QCOMPARE(staged.first().payload, revised.steps.first().after->payload);
        QCOMPARE(staged.first().revision, revised.steps.first().after->revision);
        QCOMPARE(stack.index(), 2);
    }

    // Undoing a discard brings the change back as it was: id, state, payload, base values, attempts and
    // revision; redoing drops it again.
    void undoneDiscardBringsTheChangeBackAsItWas() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        StagingHistory history(test.database());
        store::PendingChangeRepository repository(test.database());
        const StagingResult added = history.stage(relabel(profile, u"Front desk"_s, 0), u"Edit"_s);
        const qint64 id = added.steps.first().after->id;
        QVERIFY(history.stage(relabel(profile, u"Lobby"_s, 0), u"Edit"_s).ok());
        // A failed attempt: the undo must not forget it (a create is looked up before it is sent again).
        QVERIFY(repository.markApplying(id, applier()));
        QVERIFY(repository.markFailed(id, applier().owner, u"Server error"_s));
        const PendingChange before = *repository.find(id);
        QCOMPARE(before.revision, 2);
        QCOMPARE(before.attempts, 1);

        const StagingResult discarded = history.discard(id, u"Discard 1 change"_s);
        QVERIFY2(discarded.ok(), qPrintable(discarded.error));
        QVERIFY(rows(test, profile).isEmpty());
        QCOMPARE(history.stack().undoText(), u"Discard 1 change"_s);

        history.stack().undo();
        QCOMPARE(rows(test, profile), QList<PendingChange>{before});
        history.stack().redo();
        QVERIFY(rows(test, profile).isEmpty());

        // Discard all, undone, brings every one back.
        history.stack().undo();
        QVERIFY(history
                    .stage(changes::NumberChangePayloads::numberMigration(
                               profile, u"AC"_s + QString(32, u'b'), u"OR"_s + QString(32, u'c')),
                           u"Migrate"_s)
                    .ok());
        const QList<PendingChange> all = rows(test, profile);
        QCOMPARE(all.size(), 2);
        QVERIFY(history.discardAll(profile, u"Discard 2 changes"_s).ok());
        QVERIFY(rows(test, profile).isEmpty());
        history.stack().undo();
        QCOMPARE(rows(test, profile), all);
    }

    // A release drops the staged edit of the number and adds the delete; undone, the edit is back and the
    // delete gone.
    void undoneReleaseBringsBackTheEdit() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        StagingHistory history(test.database());
        const StagingResult edit = history.stage(relabel(profile, u"Front desk"_s, 0), u"Edit"_s);
        const PendingChange staged = *edit.steps.first().after;
        QVERIFY(
            history
                .stage(changes::NumberChangePayloads::numberDelete(profile, number(), u"v1"_s), u"Release"_s)
                .ok());
        QCOMPARE(rows(test, profile).first().operation, ChangeOperation::Delete);
        history.stack().undo();
        QCOMPARE(rows(test, profile), QList<PendingChange>{staged});
        history.stack().redo();
        QCOMPARE(rows(test, profile).size(), 1);
        QCOMPARE(rows(test, profile).first().operation, ChangeOperation::Delete);
    }

    void forwardingListEditIsOneEntry() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        StagingHistory history(test.database());
        const QList<core::ForwardingNumber> stored = {forwarding(u"F1"_s, u"+4915111111"_s, 1),
                                                      forwarding(u"F2"_s, u"+4915122222"_s, 2)};
        const QList<core::ForwardingNumber> edited = {forwarding(u"F1"_s, u"+4915111111"_s, 2),
                                                      forwarding(u"F2"_s, u"+4915122222"_s, 1)};
        QVERIFY(history
                    .stageSequence(changes::ForwardingListPlan::plan(profile, u"E1"_s, stored, edited),
                                   u"Edit forwarding"_s)
                    .ok());
        const QList<PendingChange> sequence = rows(test, profile);
        QCOMPARE(sequence.size(), 3);
        QCOMPARE(history.stack().count(), 1);
        history.stack().undo();
        QVERIFY(rows(test, profile).isEmpty());
        history.stack().redo();
        QCOMPARE(rows(test, profile), sequence);
    }

    // A form's save stages several changes in its transaction: one entry when it commits, none when it
    // rolls back; nested edits make one entry under the outer name.
    void editGroupsStagingIntoOneEntry() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        StagingHistory history(test.database());
        {
            StagingHistory::Edit edit(history, u"Save extension 101"_s);
            QVERIFY(history.stage(relabel(profile, u"Front desk"_s, 0), u"inner"_s).ok());
            {
                StagingHistory::Edit inner(history, u"Call settings"_s);
                QVERIFY(history
                            .stage(changes::NumberChangePayloads::numberMigration(
                                       profile, u"AC"_s + QString(32, u'b'), u"OR"_s + QString(32, u'c')),
                                   u"inner"_s)
                            .ok());
                inner.commit();
            }
            edit.commit();
        }
        QCOMPARE(history.stack().count(), 1);
        QCOMPARE(history.stack().text(0), u"Save extension 101"_s);
        history.stack().undo();
        QVERIFY(rows(test, profile).isEmpty());

        {
            store::Transaction transaction(test.database());
            StagingHistory::Edit edit(history, u"Rolled back"_s);
            QVERIFY(history.stage(relabel(profile, u"Lobby"_s, 0), u"inner"_s).ok());
            StagingHistory::Edit inner(history, u"Refused"_s); // ends uncommitted: the save failed
        }
        QVERIFY(rows(test, profile).isEmpty());
        QCOMPARE(history.stack().count(), 1);
        QCOMPARE(history.stack().index(), 0);
    }

    // Once applied, the change is the provider's: the undo is refused with a message, the store keeps
    // it, and the entry leaves the history (the one below stays).
    void undoOfAnAppliedChangeIsRefused() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        StagingHistory history(test.database());
        QSignalSpy refused(&history, &StagingHistory::refused);
        QVERIFY(history
                    .stage(changes::NumberChangePayloads::numberMigration(
                               profile, u"AC"_s + QString(32, u'b'), u"OR"_s + QString(32, u'c')),
                           u"Migrate"_s)
                    .ok());
        const StagingResult added =
            history.stage(relabel(profile, u"Front desk"_s, 0), u"Edit +49 30 123456"_s);
        const qint64 id = added.steps.first().after->id;
        store::PendingChangeRepository repository(test.database());
        QVERIFY(repository.markApplying(id, applier()));
        QVERIFY(repository.markApplied(id, applier().owner));

        history.stack().undo();
        QCOMPARE(refused.count(), 1);
        const QString message = refused.first().first().toString();
        QVERIFY2(message.startsWith(u"Cannot undo “Edit +49 30 123456”: "_s), qPrintable(message));
        QVERIFY2(message.contains(u"was applied meanwhile"_s), qPrintable(message));
        QCOMPARE(repository.find(id)->state, store::ChangeState::Applied);
        QCOMPARE(history.stack().count(), 1);
        QCOMPARE(history.stack().undoText(), u"Migrate"_s);
        QVERIFY(!history.stack().canRedo());
    }

    // Another admin (a second connection, as the CLI would) revised the change since: the undo would
    // write over their revision and is refused; so is a redo when they staged the record meanwhile.
    void undoAndRedoAfterSomeoneElseAreRefused() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        auto secondConnection = test.database().cloneForThisThread(nullptr);
        QVERIFY(secondConnection);
        ChangeStager bernd(*secondConnection);
        StagingHistory history(test.database());
        QSignalSpy refused(&history, &StagingHistory::refused);
        QVERIFY(history.stage(relabel(profile, u"Front desk"_s, 0), u"Edit"_s).ok());
        QVERIFY(bernd.stage(relabel(profile, u"Bernd's desk"_s, 0)).ok());

        history.stack().undo();
        QCOMPARE(refused.count(), 1);
        QVERIFY2(refused.last().first().toString().contains(u"edited by someone else"_s),
                 qPrintable(refused.last().first().toString()));
        QCOMPARE(rows(test, profile).first().payload.value(u"label"_s).toString(), u"Bernd's desk"_s);
        QCOMPARE(history.stack().count(), 0);

        QVERIFY(bernd.discardAll(profile).ok());
        QVERIFY(history.stage(relabel(profile, u"Lobby"_s, 0), u"Edit"_s).ok());
        history.stack().undo();
        QVERIFY(rows(test, profile).isEmpty());
        QVERIFY(bernd.stage(relabel(profile, u"Bernd's desk"_s, 0)).ok());
        history.stack().redo();
        QCOMPARE(refused.count(), 2);
        QVERIFY2(refused.last().first().toString().startsWith(u"Cannot redo “Edit”: "_s),
                 qPrintable(refused.last().first().toString()));
        const QList<PendingChange> staged = rows(test, profile);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.first().payload.value(u"label"_s).toString(), u"Bernd's desk"_s);
        QCOMPARE(history.stack().count(), 0);
    }

    void oneHistoryPerDatabase() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        StagingHistory& history = StagingHistory::of(test.database());
        QCOMPARE(&StagingHistory::of(test.database()), &history);
        auto other = test.database().cloneForThisThread(nullptr);
        QVERIFY(other);
        QVERIFY(&StagingHistory::of(*other) != &history);
    }
};

QTEST_GUILESS_MAIN(tst_StagingHistory)
#include "tst_StagingHistory.moc"
