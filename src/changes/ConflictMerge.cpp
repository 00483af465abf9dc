#include "changes/ConflictMerge.h"

#include "changes/PayloadMembers.h"

#include <algorithm>

namespace trunkline::changes {

namespace {

ConflictField::State stateOf(const QJsonValue& base, const QJsonValue& mine, const QJsonValue& theirs) {
    const bool mineChanged = mine != base;
    const bool theirsChanged = theirs != base;
    if (!mineChanged && !theirsChanged)
        return ConflictField::State::Unchanged;
    if (!theirsChanged)
        return ConflictField::State::OnlyMine;
    if (!mineChanged)
        return ConflictField::State::OnlyTheirs;
    return mine == theirs ? ConflictField::State::BothSame : ConflictField::State::BothDifferent;
}

} // namespace

std::optional<ConflictSide> ConflictField::naturalSide() const {
    switch (state) {
    case State::OnlyMine:
        return ConflictSide::Mine;
    case State::Unchanged:
    case State::OnlyTheirs:
    case State::BothSame:
        return ConflictSide::Theirs;
    case State::BothDifferent:
        break;
    }
    return std::nullopt;
}

ConflictMerge::ConflictMerge(const store::PendingChange& change, const QJsonObject& theirsRecord,
                             const QString& theirsVersion)
    : m_change(change)
    , m_theirs(PayloadMembers::membersOf(theirsRecord, change.payload))
    , m_theirsVersion(theirsVersion) {
    for (const QString& path : PayloadMembers::paths(change.payload)) {
        ConflictField field;
        field.path = path;
        field.base = PayloadMembers::valueAt(change.baseValues, path);
        field.mine = PayloadMembers::valueAt(change.payload, path);
        field.theirs = PayloadMembers::valueAt(m_theirs, path);
        field.state = stateOf(field.base, field.mine, field.theirs);
        m_fields << field;
    }
}

int ConflictMerge::conflictCount() const {
    return int(std::count_if(m_fields.cbegin(), m_fields.cend(),
                             [](const ConflictField& field) { return field.isConflict(); }));
}

ConflictChoices ConflictMerge::keepMine() const {
    ConflictChoices choices;
    for (const ConflictField& field : m_fields)
        choices.insert(field.path, field.state == ConflictField::State::OnlyTheirs ? ConflictSide::Theirs
                                                                                   : ConflictSide::Mine);
    return choices;
}

ConflictChoices ConflictMerge::takeTheirs() const {
    ConflictChoices choices;
    for (const ConflictField& field : m_fields)
        choices.insert(field.path, ConflictSide::Theirs);
    return choices;
}

std::optional<QJsonObject> ConflictMerge::resolve(const ConflictChoices& choices,
                                                  QStringList* unchosen) const {
    QJsonObject payload = m_change.payload;
    QStringList open;
    for (const ConflictField& field : m_fields) {
        // Carried as it was (a settings document's kind, a forwarding entry's extension): it stays, so the
        // payload keeps what names its record.
        if (field.state == ConflictField::State::Unchanged)
            continue;
        const std::optional<ConflictSide> side =
            choices.contains(field.path) ? std::optional(choices.value(field.path)) : field.naturalSide();
        if (!side) {
            open << field.path;
            continue;
        }
        // Mine is already in the payload; a field that ends with theirs has nothing left to send.
        if (*side == ConflictSide::Theirs || field.mine == field.theirs)
            PayloadMembers::removeAt(payload, field.path);
    }
    if (unchosen)
        *unchosen = open;
    if (!open.isEmpty())
        return std::nullopt;
    return payload;
}

bool ConflictMerge::changesNothing(const QJsonObject& resolved) const {
    return PayloadMembers::isContainedIn(resolved, m_theirs);
}

} // namespace trunkline::changes
