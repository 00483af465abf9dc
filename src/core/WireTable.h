#pragma once

// Internal helper for the .cpp files that spell an enum as text (the records', the store's): one table per
// enum maps each value to its wire text and its display name, so toWire(), the fromWire() functions,
// displayName() and a flag enum's set conversions can never disagree. Not part of the public API.

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
        values.append(entry.value);
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

// For a flag enum: the set as the wire's string array, in table order.
template <typename E, std::size_t N>
QStringList flagsToWire(const std::array<WireEntry<E>, N>& table, QFlags<E> flags) {
    QStringList wire;
    for (const auto& entry : table) {
        if (flags.testFlag(entry.value)) {
            wire.append(entry.wire.toString());
        }
    }
    return wire;
}

// For a flag enum: the set the wire's strings name. Unknown strings are skipped (the provider may add
// values) and reported in *unknown when given.
template <typename E, std::size_t N>
QFlags<E> flagsFromWire(const std::array<WireEntry<E>, N>& table, const QStringList& wire,
                        QStringList* unknown) {
    QFlags<E> flags;
    for (const QString& text : wire) {
        if (const auto value = valueOf(table, text)) {
            flags |= *value;
        } else if (unknown) {
            unknown->append(text);
        }
    }
    return flags;
}

} // namespace trunkline::core::detail

// Defines the four functions each wire enum's header declares, over its table: toWire(Enum),
// fromWireName(QStringView), allName() and displayName(Enum). The table's QT_TRANSLATE_NOOP context must
// be the enum's name. Used inside namespace trunkline::core, after the table.
#define TRUNKLINE_WIRE_ENUM_FUNCTIONS(Enum, table, fromWireName, allName)                                    \
    QString toWire(Enum value) {                                                                             \
        return detail::wireOf(table, value);                                                                 \
    }                                                                                                        \
    std::optional<Enum> fromWireName(QStringView wire) {                                                     \
        return detail::valueOf(table, wire);                                                                 \
    }                                                                                                        \
    QList<Enum> allName() {                                                                                  \
        return detail::valuesOf(table);                                                                      \
    }                                                                                                        \
    QString displayName(Enum value) {                                                                        \
        return detail::displayNameOf(table, value, #Enum);                                                   \
    }
