#pragma once

#include <QString>
#include <QStringList>
#include <utility>

namespace trunkline::changes {

// One compared member of a record and its key in the change payload: made by compared(), read by
// differingKeys().
template <typename Record, typename Value>
struct ComparedMember {
    QString key;
    Value Record::*member;
};

template <typename Record, typename Value>
ComparedMember<Record, Value> compared(QString key, Value Record::*member) {
    return {std::move(key), member};
}

// The keys of the members in which `a` and `b` differ, in the order given: one line per member where an
// if per member would repeat the comparison's shape for every record kind.
template <typename Record, typename... Values>
QStringList differingKeys(const Record& a, const Record& b,
                          const ComparedMember<Record, Values>&... members) {
    QStringList keys;
    ((a.*members.member != b.*members.member ? void(keys << members.key) : void()), ...);
    return keys;
}

} // namespace trunkline::changes
