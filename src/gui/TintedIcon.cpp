#include "gui/TintedIcon.h"

#include <QPainter>
#include <QPixmap>

namespace trunkline::gui {

namespace {

QPixmap tinted(const QIcon& source, int size, const QColor& color) {
    QPixmap pixmap = source.pixmap(QSize(size, size));
    if (pixmap.isNull()) {
        return pixmap;
    }
    // Keep the drawing's alpha (its shape and antialiasing) and replace its colour.
    QPainter painter(&pixmap);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(pixmap.rect(), color);
    return pixmap;
}

} // namespace

QList<int> TintedIcon::sizes() {
    return {16, 22, 24, 32, 48, 72, 96, 144};
}

QIcon TintedIcon::fromSvg(const QString& resourcePath, const QColor& normal, const QColor& selected) {
    const QIcon source(resourcePath);
    QIcon icon;
    for (const int size : sizes()) {
        icon.addPixmap(tinted(source, size, normal), QIcon::Normal);
        icon.addPixmap(tinted(source, size, selected), QIcon::Selected);
    }
    return icon;
}

} // namespace trunkline::gui
