#pragma once

#include "core/TextField.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

namespace trunkline::changes {

using core::TextField;
using core::TextFields;

namespace TextFieldOps {

// A text as the payload carries it. Callers whose format writes a cleared text differently (Restcomm:
// null) pass their own; either way a cleared member is present in the payload, an untouched one absent.
inline QJsonValue plainText(const QString& text) {
    return text;
}

// Every field of `record` into `object`.
template <typename Record, typename ToValue = decltype(&plainText)>
void insertAll(QJsonObject& object, const TextFields<Record>& fields, const Record& record,
               ToValue toValue = &plainText) {
    for (const TextField<Record>& field : fields)
        object.insert(field.key, toValue(record.*field.member));
}

// The fields whose text differs from `before` to `after`, with after's text, into `object`.
template <typename Record, typename ToValue = decltype(&plainText)>
void insertChanged(QJsonObject& object, const TextFields<Record>& fields, const Record& before,
                   const Record& after, ToValue toValue = &plainText) {
    for (const TextField<Record>& field : fields) {
        // QString compares null and empty as equal, which is what "unset" needs.
        if (before.*field.member != after.*field.member)
            object.insert(field.key, toValue(after.*field.member));
    }
}

// The fields `payload` names, set on `record` (JSON null reads as a null QString); the others are kept.
template <typename Record>
void applyPresent(Record& record, const TextFields<Record>& fields, const QJsonObject& payload) {
    for (const TextField<Record>& field : fields) {
        if (payload.contains(field.key))
            record.*field.member = payload.value(field.key).toString();
    }
}

// True when `payload` names any of the fields.
template <typename Record>
bool anyPresent(const TextFields<Record>& fields, const QJsonObject& payload) {
    for (const TextField<Record>& field : fields) {
        if (payload.contains(field.key))
            return true;
    }
    return false;
}

} // namespace TextFieldOps

} // namespace trunkline::changes
