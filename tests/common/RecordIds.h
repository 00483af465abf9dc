#pragma once

// The ids of records in the order a query returned them, so that one QCOMPARE checks both which records
// came back and their order.

#include <QList>
#include <type_traits>

namespace trunkline::test {

template <typename Record>
QList<std::decay_t<decltype(Record::id)>> idsOf(const QList<Record>& records) {
    QList<std::decay_t<decltype(Record::id)>> ids;
    for (const Record& record : records)
        ids << record.id;
    return ids;
}

} // namespace trunkline::test
