#pragma once

// Internal helper for the .cpp files that spell an enum as text (the records', the store's): one table per
// enum maps each value to its wire text and its display name, so toWire(), fromWire(), displayName() and a
// flag enum's set conversions can never disagree. A value may stand twice: its first row gives its wire
// text, a later row an older spelling that fromWire() accepts as well. Not part of the public API.

#include "core/WireEnum.h"

#include <QCoreApplication>
#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <array>
#include <cstddef>
#include <optional>

namespace trunkline::core::detail {

template <typename E>
struct WireEntry {
    E value;
    QStringView wire;
    // QT_TRANSLATE_NOOP("<enum>", ...), translated by displayNameOf(); none for a text that is never shown
    const char* displayName = nullptr;
};

template <typename E, std::size_t N>
QString wireOf(const std::array<WireEntry<E>, N>& table, E value) {
    for (const auto& entry : table) {
        if (entry.value == value) {
            return entry.wire.toString();
        }
    }
    return {};
}

// Exact, case-sensitive match: the providers' enums are case-sensitive.
template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<WireEntry<E>, N>& table, QStringView wire) {
    for (const auto& entry : table) {
        if (entry.wire == wire) {
            return entry.value;
        }
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
QList<E> valuesOf(const std::array<WireEntry<E>, N>& table) {
    QList<E> values;
    values.reserve(static_cast<qsizetype>(N));
    for (const auto& entry : table) {
        if (!values.contains(entry.value)) {
            values.append(entry.value);
        }
    }
    return values;
}

// The value's display name, translated in `context` (the QT_TRANSLATE_NOOP scope of the table). A value
// that is not in the table (only possible by a cast) is named like the last entry.
template <typename E, std::size_t N>
QString displayNameOf(const std::array<WireEntry<E>, N>& table, E value, const char* context) {
    for (const auto& entry : table) {
        if (entry.value == value) {
            return QCoreApplication::translate(context, entry.displayName);
        }
    }
    return QCoreApplication::translate(context, table.back().displayName);
}

} // namespace trunkline::core::detail

namespace trunkline::core {

// The table of a core enum, for the templates of core/WireEnum.h; specialised by TRUNKLINE_WIRE_ENUM.
template <typename E>
struct WireTableOf;

template <typename E>
QString toWire(E value) {
    return detail::wireOf(WireTableOf<E>::entries, value);
}

template <typename E>
std::optional<E> fromWire(QStringView wire) {
    return detail::valueOf(WireTableOf<E>::entries, wire);
}

template <typename E>
QString displayName(E value) {
    return detail::displayNameOf(WireTableOf<E>::entries, value, WireTableOf<E>::context);
}

template <typename E>
QList<E> allValues() {
    return detail::valuesOf(WireTableOf<E>::entries);
}

template <typename E>
QStringList flagsToWire(QFlags<E> flags) {
    QStringList wire;
    for (const auto& entry : WireTableOf<E>::entries) {
        if (flags.testFlag(entry.value)) {
            wire.append(entry.wire.toString());
        }
    }
    return wire;
}

template <typename E>
QFlags<E> flagsFromWire(const QStringList& wire, QStringList* unknown) {
    QFlags<E> flags;
    for (const QString& text : wire) {
        if (const auto value = fromWire<E>(text)) {
            flags |= *value;
        } else if (unknown) {
            unknown->append(text);
        }
    }
    return flags;
}

} // namespace trunkline::core

// Gives Enum its table and instantiates core/WireEnum.h's templates for it, in namespace trunkline::core
// after the table. The table's QT_TRANSLATE_NOOP context must be the enum's name.
#define TRUNKLINE_WIRE_ENUM(Enum, table)                                                                     \
    template <>                                                                                              \
    struct WireTableOf<Enum> {                                                                               \
        static constexpr const auto& entries = table;                                                        \
        static constexpr const char* context = #Enum;                                                        \
    };                                                                                                       \
    template QString toWire<Enum>(Enum);                                                                     \
    template std::optional<Enum> fromWire<Enum>(QStringView);                                                \
    template QString displayName<Enum>(Enum);                                                                \
    template QList<Enum> allValues<Enum>();

// The same for a flag enum, with the set conversions.
#define TRUNKLINE_WIRE_FLAGS(Enum, table)                                                                    \
    TRUNKLINE_WIRE_ENUM(Enum, table)                                                                         \
    template QStringList flagsToWire<Enum>(QFlags<Enum>);                                                    \
    template QFlags<Enum> flagsFromWire<Enum>(const QStringList&, QStringList*);
