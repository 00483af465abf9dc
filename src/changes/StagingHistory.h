#pragma once

#include "changes/StagingResult.h"
#include "store/PendingChange.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QUndoStack>

namespace trunkline::store {
class Database;
}

namespace trunkline::changes {

class ChangeStager;

// Undo and redo of staged edits: the staging commands of ChangeStager, each recorded as one named entry
// of a QUndoStack ("Edit +49 30 …", "Discard 3 changes") whose undo is ChangeStager::revert of what it did
// and whose redo reverts that again. Pages and models stage through here instead of calling the stager,
// so that every edit on every page lands on the one history of its database, and pages refresh from
// ChangeStager::changed as for any staging.
//
// An undo or redo that the store refuses (the change was applied meanwhile, or someone else revised it)
// does nothing, reports refused() and leaves the history: what it would take back is no longer its own,
// and the entries below it stay as they were.
class StagingHistory : public QObject {
    Q_OBJECT

public:
    // The history of an open database, shared like ChangeStager::of.
    static StagingHistory& of(store::Database& database);

    explicit StagingHistory(store::Database& database, QObject* parent = nullptr);

    QUndoStack& stack() { return m_stack; }

    // The stager's commands; a successful one that changed something becomes the entry `name` (or part of
    // the open Edit's entry).
    StagingResult stage(const store::PendingChange& proposed, const QString& name);
    StagingResult stageSequence(const QList<store::PendingChange>& sequence, const QString& name);
    StagingResult discard(qint64 changeId, const QString& name);
    StagingResult discardAll(qint64 profileId, const QString& name);

    // Makes the staging done while it lives one entry of the history, pushed when the outermost Edit ends
    // committed. An Edit is tied to the caller's transaction: commit() it after that commits; one that
    // ends uncommitted (rolled back) records nothing, nor does any Edit it is nested in.
    class Edit {
    public:
        Edit(StagingHistory& history, const QString& name);
        ~Edit();
        Edit(const Edit&) = delete;
        Edit& operator=(const Edit&) = delete;
        void commit() { m_committed = true; }

    private:
        StagingHistory& m_history;
        bool m_committed = false;
    };

signals:
    // An undo or redo was refused; `message` names the entry and why.
    void refused(const QString& message);

private:
    friend class StagingCommand;
    StagingResult record(const QString& name, StagingResult result);
    ChangeStager& stager() { return m_stager; }

    ChangeStager& m_stager;
    QUndoStack m_stack;
    // The open Edit: its name, how deeply nested, the steps so far, and whether an inner one rolled back.
    QString m_editName;
    int m_editDepth = 0;
    QList<ChangeStep> m_editSteps;
    bool m_editBroken = false;
};

} // namespace trunkline::changes
