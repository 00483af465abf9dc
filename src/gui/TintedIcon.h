#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace trunkline::gui {

// Monochrome line icons drawn in the palette's colours: the text colour normally and the
// highlighted-text colour on a selected row, so they stay legible in light and dark themes and on
// the selection highlight. The SVGs in resources/icons are drawn in one colour for this reason.
class TintedIcon {
public:
    static QIcon fromSvg(const QString& resourcePath, const QColor& normal, const QColor& selected);

    // Pixel sizes the icon is prepared at (navigation, menus, placeholders).
    static QList<int> sizes();
};

} // namespace trunkline::gui
