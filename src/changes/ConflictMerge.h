#pragma once

#include "store/PendingChange.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <optional>

namespace trunkline::changes {

// Which side's value a field of a resolved conflict takes.
enum class ConflictSide { Mine, Theirs };
// The admin's choice per field, by the field's path (ConflictField::path).
using ConflictChoices = QHash<QString, ConflictSide>;

// One member that a change in conflict touches, with its three values: base (the record before the
// admin's edit), mine (the change's payload) and theirs (the record as the provider holds it now).
struct ConflictField {
    enum class State {
        Unchanged,     // neither side changed it (the change carries it as it was, e.g. a settings kind)
        OnlyMine,      // the admin changed it, the provider still has the base value
        OnlyTheirs,    // someone changed it at the provider, the change carries the base value
        BothSame,      // both changed it to the same value
        BothDifferent, // a real conflict: the admin has to choose
    };

    QString path; // as PayloadMembers::paths() names it: "label", "contact.jobTitle"
    QJsonValue base;
    QJsonValue mine;
    QJsonValue theirs;
    State state = State::Unchanged;

    bool isConflict() const { return state == State::BothDifferent; }
    // The side the field takes unless the admin chooses: the side that changed it. None for a real
    // conflict, which nobody may decide for the admin.
    std::optional<ConflictSide> naturalSide() const;
};

// The three-way merge of a change parked as a conflict. Pure: it is given the change and the record's
// current values (as the store holds them after the pusher refreshed the record) and computes, per member
// the change touches, who changed it; then the payload for a resolution, relative to theirs, so that the
// change can be re-staged on the record's current version (ChangeStager::resolveConflict).
class ConflictMerge {
public:
    // `theirsRecord`: the record's current editable values (any superset of the change's members), in the
    // payload's form; `theirsVersion`: the record's version they have.
    ConflictMerge(const store::PendingChange& change, const QJsonObject& theirsRecord,
                  const QString& theirsVersion);

    const store::PendingChange& change() const { return m_change; }
    // The record's current values of the members the change touches (the payload's shape).
    const QJsonObject& theirs() const { return m_theirs; }
    const QString& theirsVersion() const { return m_theirsVersion; }
    const QList<ConflictField>& fields() const { return m_fields; }
    // How many fields both sides changed differently.
    int conflictCount() const;

    // "Keep mine": the admin's value wherever the admin changed the field; a field only the provider
    // changed keeps the provider's value (the change carried the old value, not a decision).
    ConflictChoices keepMine() const;
    // "Take theirs": the provider's value everywhere.
    ConflictChoices takeTheirs() const;

    // The change's payload once every field has its chosen side (a field `choices` leaves out takes its
    // natural side): what still differs from theirs, plus the members neither side changed. nullopt, with
    // the paths in *unchosen, while a real conflict has no choice.
    std::optional<QJsonObject> resolve(const ConflictChoices& choices, QStringList* unchosen = nullptr) const;
    // True when `resolved` would change nothing the provider holds: the change is dropped, not re-staged.
    bool changesNothing(const QJsonObject& resolved) const;

private:
    store::PendingChange m_change;
    QJsonObject m_theirs;
    QString m_theirsVersion;
    QList<ConflictField> m_fields;
};

} // namespace trunkline::changes
