#pragma once

// A table model's column titles as one table in column order instead of a switch per model. Each model
// marks its titles with QT_TR_NOOP inside its own member function, so lupdate files them under the
// model's context, and columnTitle() translates them in that context just as the model's tr() would.

#include <QMetaObject>
#include <QString>
#include <QVariant>
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

// headerData() of a model whose header shows `titles` across the top and nothing else of its own: the
// title of `section` for Qt::DisplayRole (nothing for a column the model does not have); every other
// request is answered by the model's base class `Base`.
template <class Base, std::size_t N>
QVariant titlesHeaderData(const Base& model, const QMetaObject& meta,
                          const std::array<const char*, N>& titles, int section, Qt::Orientation orientation,
                          int role) {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return model.Base::headerData(section, orientation, role);
    }
    if (section < 0 || static_cast<std::size_t>(section) >= N) {
        return {};
    }
    return columnTitle(meta, titles, section);
}

// The same for a model whose titles come from its static headerText(column), which other code (menus,
// exports) reads as well: headerText(section) for Qt::DisplayRole, `Base` for every other request.
template <class Base>
QVariant titlesHeaderData(const Base& model, QString (*headerText)(int), int section,
                          Qt::Orientation orientation, int role) {
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        return headerText(section);
    }
    return model.Base::headerData(section, orientation, role);
}

} // namespace trunkline::models
