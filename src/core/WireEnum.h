#pragma once

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace trunkline::core {

// The provider enums in core (ExtensionType, UsageType, CallType, PortingOrderStatus...) each have one table,
// beside the enum's other code in its .cpp, that gives every value its wire text and its display name.
// These function templates are declared once, here, and instantiated for each enum beside its table
// (TRUNKLINE_WIRE_ENUM in core/WireTable.h), so a header that declares such an enum names only the enum, and
// a caller writes fromWire<ExtensionType>(text). A call for an enum without a table fails at link time.

template <typename E>
QString toWire(E value);

// Exact, case-sensitive match (the providers' enums are case-sensitive); nullopt for an unknown text.
template <typename E>
std::optional<E> fromWire(QStringView wire);

// The value's name in the admin's language.
template <typename E>
QString displayName(E value);

// Every value, in the table's order (the order pickers and filters list them in).
template <typename E>
QList<E> allValues();

// A flag enum's set as the wire's string array, in table order.
template <typename E>
QStringList flagsToWire(QFlags<E> flags);

// The set a wire string array names. Unknown strings are skipped (the provider may add values) and reported
// in *unknown when given.
template <typename E>
QFlags<E> flagsFromWire(const QStringList& wire, QStringList* unknown = nullptr);

} // namespace trunkline::core
