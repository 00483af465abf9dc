#pragma once

// A table model's column titles as one table in column order instead of a switch per model. Each model
// marks its titles with QT_TR_NOOP inside its own member function, so lupdate files them under the
// model's context, and columnTitle() translates them in that context just as the model's tr() would.

#include <QMetaObject>
#include <QString>
#include <array>
#include <cstddef>

namespace trunkline::models {

// The translated title of `column`, or a null string for a column the model does not have.
template <std::size_t N>
QString columnTitle(const QMetaObject& model, const std::array<const char*, N>& titles, int column) {
    if (column < 0 || static_cast<std::size_t>(column) >= N) {
        return {};
    }
    return model.tr(titles[static_cast<std::size_t>(column)], nullptr);
}

} // namespace trunkline::models
