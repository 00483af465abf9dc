#include "gui/TintedIcon.h"

#include <QGuiApplication>
#include <QImage>
#include <QPixmap>
#include <QTest>
#include <cstdlib>

using namespace Qt::StringLiterals;
using trunkline::gui::TintedIcon;

namespace {

// True when every pixel that is at least half opaque has the colour, give or take the rounding
// of premultiplied alpha; antialiased edges are left out.
bool drawnIn(const QPixmap& pixmap, const QColor& colour) {
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    int solid = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (qAlpha(pixel) < 128) {
                continue;
            }
            ++solid;
            if (std::abs(qRed(pixel) - colour.red()) > 3 || std::abs(qGreen(pixel) - colour.green()) > 3 ||
                std::abs(qBlue(pixel) - colour.blue()) > 3) {
                qWarning() << "pixel" << x << y << QColor::fromRgba(pixel) << "is not" << colour;
                return false;
            }
        }
    }
    return solid > 0;
}

} // namespace

class tst_TintedIcon : public QObject {
    Q_OBJECT

private slots:
    void drawsInTheGivenColours_data();
    void drawsInTheGivenColours();
    void missingFileGivesNullPixmaps();
};

void tst_TintedIcon::drawsInTheGivenColours_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QColor>("normal");
    QTest::addColumn<QColor>("selected");
    QTest::addColumn<int>("size");

    QTest::newRow("numbers, light theme, 22px")
        << u":/icons/nav-numbers.svg"_s << QColor(0x20, 0x20, 0x20) << QColor(Qt::white) << 22;
    QTest::newRow("routing, dark theme, 24px")
        << u":/icons/nav-routing.svg"_s << QColor(0xee, 0xee, 0xee) << QColor(0x10, 0x10, 0x10) << 24;
    QTest::newRow("audit log, odd colours, 72px")
        << u":/icons/nav-audit.svg"_s << QColor(0xc0, 0x10, 0x30) << QColor(0x10, 0xc0, 0x30) << 72;
}

void tst_TintedIcon::drawsInTheGivenColours() {
    QFETCH(QString, path);
    QFETCH(QColor, normal);
    QFETCH(QColor, selected);
    QFETCH(int, size);

    const QIcon icon = TintedIcon::fromSvg(path, normal, selected);
    const QPixmap normalPixmap = icon.pixmap(QSize(size, size), QIcon::Normal);
    const QPixmap selectedPixmap = icon.pixmap(QSize(size, size), QIcon::Selected);
    QCOMPARE(normalPixmap.size(), QSize(size, size));

    QVERIFY(drawnIn(normalPixmap, normal));
    QVERIFY(drawnIn(selectedPixmap, selected));
    QVERIFY(!drawnIn(normalPixmap, selected));
}

void tst_TintedIcon::missingFileGivesNullPixmaps() {
    const QIcon icon = TintedIcon::fromSvg(u":/icons/no-such-icon.svg"_s, Qt::black, Qt::white);
    QVERIFY(icon.pixmap(QSize(22, 22)).isNull());
}

QTEST_MAIN(tst_TintedIcon)
#include "tst_TintedIcon.moc"
