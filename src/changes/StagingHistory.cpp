#include "changes/StagingHistory.h"

#include "changes/ChangeStager.h"
#include "changes/OnePerDatabase.h"
#include "store/Database.h"

#include <QUndoCommand>

namespace trunkline::changes {

// One entry: the steps the store holds now (what its last redo or undo did). Undo and redo both revert
// them, since reverting a revert redoes.
class StagingCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(StagingCommand)

public:
    StagingCommand(StagingHistory& history, const QString& name, QList<ChangeStep> steps)
        : QUndoCommand(name)
        , m_history(history)
        , m_steps(std::move(steps)) {}

    // The first redo is the staging itself, done before the push.
    void redo() override {
        if (m_staged)
            revert(tr("Cannot redo “%1”: %2"));
        m_staged = true;
    }
    void undo() override { revert(tr("Cannot undo “%1”: %2")); }

private:
    void revert(const QString& refusal) {
        StagingResult result = m_history.stager().revert(m_steps);
        if (result.ok()) {
            m_steps = std::move(result.steps);
            return;
        }
        // The stack drops an obsolete command instead of moving past it: the store keeps the entry's
        // effect, and the history no longer offers to take back what is no longer the admin's own.
        setObsolete(true);
        emit m_history.refused(refusal.arg(text(), result.error));
    }

    StagingHistory& m_history;
    QList<ChangeStep> m_steps;
    bool m_staged = false;
};

StagingHistory& StagingHistory::of(store::Database& database) {
    return onePerDatabase<StagingHistory>(database);
}

StagingHistory::StagingHistory(store::Database& database, QObject* parent)
    : QObject(parent)
    , m_stager(ChangeStager::of(database)) {
}

StagingResult StagingHistory::stage(const store::PendingChange& proposed, const QString& name) {
    return record(name, m_stager.stage(proposed));
}

StagingResult StagingHistory::stageSequence(const QList<store::PendingChange>& sequence,
                                            const QString& name) {
    return record(name, m_stager.stageSequence(sequence));
}

StagingResult StagingHistory::discard(qint64 changeId, const QString& name) {
    return record(name, m_stager.discard(changeId));
}

StagingResult StagingHistory::discardAll(qint64 profileId, const QString& name) {
    return record(name, m_stager.discardAll(profileId));
}

StagingResult StagingHistory::record(const QString& name, StagingResult result) {
    if (!result.ok() || result.steps.isEmpty())
        return result;
    if (m_editDepth > 0)
        m_editSteps << result.steps;
    else
        m_stack.push(new StagingCommand(*this, name, result.steps));
    return result;
}

StagingHistory::Edit::Edit(StagingHistory& history, const QString& name)
    : m_history(history) {
    if (m_history.m_editDepth++ == 0) {
        m_history.m_editName = name;
        m_history.m_editSteps.clear();
        m_history.m_editBroken = false;
    }
}

StagingHistory::Edit::~Edit() {
    m_history.m_editBroken = m_history.m_editBroken || !m_committed;
    if (--m_history.m_editDepth > 0)
        return;
    if (!m_history.m_editBroken && !m_history.m_editSteps.isEmpty())
        m_history.m_stack.push(new StagingCommand(m_history, m_history.m_editName, m_history.m_editSteps));
    m_history.m_editSteps.clear();
}

} // namespace trunkline::changes
