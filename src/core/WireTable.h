#pragma once

// Internal helper for the records' .cpp files: one table per enum maps each value to its wire text,
// so toWire() and the fromWire() functions can never disagree. Not part of the public API.

#include <QList>
#include <QString>
#include <QStringView>
#include <array>
#include <cstddef>
#include <optional>

namespace trunkline::core::detail {

template <typename E>
struct WireEntry {
    E value;
    QStringView wire;
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

} // namespace trunkline::core::detail
