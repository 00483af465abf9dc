#pragma once

#include <QJsonObject>
#include <QStringList>

namespace trunkline::changes {

// Member-wise operations on payload objects, shared by the payload classes (base values) and the stager
// (merging a repeated edit). Nested objects are walked member by member; arrays and scalars are values.
namespace PayloadMembers {

// The members of `record` (all of a record's editable values) that `shape` names: the base values of a
// payload are `membersOf(fields of the stored record, payload)`.
QJsonObject membersOf(const QJsonObject& record, const QJsonObject& shape);

// `first` with the members only `later` has added: the values from before the first edit win, since
// the record's values before a later edit already include what the first edit did not touch.
QJsonObject keepFirst(const QJsonObject& first, const QJsonObject& later);

// The members of `after` whose value differs from `before`'s (a whole-record payload's update part).
QJsonObject difference(const QJsonObject& before, const QJsonObject& after);

// True when every member of `payload` is in `base` with the same value: the change would do nothing.
bool isContainedIn(const QJsonObject& payload, const QJsonObject& base);

// The dotted paths of the leaf members of `payload` ("name", "contact.jobTitle"): the fields a change
// touches, as the provider mappers take them to build a request that sends exactly those fields.
QStringList paths(const QJsonObject& payload);

// The member at a dotted path of paths() ("contact.jobTitle"); undefined when `object` has none.
QJsonValue valueAt(const QJsonObject& object, const QString& path);

// Removes the member at a dotted path of paths(), and the objects on the way that it leaves empty, so
// that a payload names no member it does not change.
void removeAt(QJsonObject& object, const QString& path);

// The paths of the members of `payload` whose value `record` does not hold: after an apply, what the
// provider's read-back did not keep of what was reviewed.
QStringList differingPaths(const QJsonObject& payload, const QJsonObject& record);

} // namespace PayloadMembers

} // namespace trunkline::changes
