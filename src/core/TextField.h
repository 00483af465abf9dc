#pragma once

#include <QList>
#include <QString>

namespace trunkline::core {

// A text member of a record and its key in the record's JSON ("firstName"): a table of these lets one loop
// build, compare, apply or list a record's text members instead of an if per member.
template <typename Record>
struct TextField {
    QString key;
    QString Record::*member;
};

template <typename Record>
using TextFields = QList<TextField<Record>>;

} // namespace trunkline::core
