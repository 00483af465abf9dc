#include "TestSettingsCase.h"
#include "gui/AboutDialog.h"
#include "gui/DatabaseStatusText.h"
#include "gui/MainWindow.h"
#include "gui/Version.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdlib>
#include <functional>

using namespace Qt::StringLiterals;
using trunkline::gui::MainWindow;
using Page = trunkline::gui::MainWindow::Page;

namespace {

// Runs `handle` on the first visible modal dialog named objectName once it shows up; modal
// dialogs run their own event loop, so the test cannot simply continue after exec().
void whenModalAppears(const QString& objectName, std::function<void(QDialog*)> handle) {
    auto* timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, objectName, handle = std::move(handle)] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (dialog == nullptr || dialog->objectName() != objectName || !dialog->isVisible()) {
            return;
        }
        timer->stop();
        timer->deleteLater();
        handle(dialog);
    });
    timer->start();
}

QList<Page> allPages() {
    QList<Page> pages;
    for (int i = 0; i < MainWindow::kPageCount; ++i) {
        pages << static_cast<Page>(i);
    }
    return pages;
}

} // namespace

class tst_MainWindow : public TestSettingsCase {
    Q_OBJECT

private slots:
    void init();

    void navigationHasAnEntryPerPage();
    void clickingNavigationSwitchesPage_data();
    void clickingNavigationSwitchesPage();
    void shortcutSwitchesPage_data();
    void shortcutSwitchesPage();
    void setPageWidgetFillsTheSlot();
    void statusBarShowsDatabase();
    void firstStartUsesDefaultSize();
    void geometryAndPageSurviveRestart();
    void badSettingsFallBackToDefaults_data();
    void badSettingsFallBackToDefaults();
    void quitShortcutClosesAndSaves();
    void iconsFollowPalette();
    void aboutDialogOpensAndCloses();
    void iconsRender();
};

void tst_MainWindow::init() {
    QSettings().clear();
}

void tst_MainWindow::navigationHasAnEntryPerPage() {
    MainWindow window;
    auto* navigation = window.findChild<QListWidget*>(u"navigationList"_s);
    auto* stack = window.findChild<QStackedWidget*>(u"pageStack"_s);
    QVERIFY(navigation && stack);
    QCOMPARE(navigation->count(), MainWindow::kPageCount);
    QCOMPARE(stack->count(), MainWindow::kPageCount);

    const QStringList expected{u"Numbers"_s, u"Extensions"_s,      u"Port orders"_s,
                               u"Routing"_s, u"Pending changes"_s, u"Audit log"_s};
    for (int row = 0; row < navigation->count(); ++row) {
        QCOMPARE(navigation->item(row)->text(), expected.at(row));
        QVERIFY2(!navigation->item(row)->icon().isNull(), qPrintable(expected.at(row)));
    }
    QCOMPARE(window.currentPage(), Page::Numbers);
}

void tst_MainWindow::clickingNavigationSwitchesPage_data() {
    QTest::addColumn<Page>("page");
    for (const Page page : allPages()) {
        QTest::newRow(qPrintable(MainWindow::pageKey(page))) << page;
    }
}

void tst_MainWindow::clickingNavigationSwitchesPage() {
    QFETCH(Page, page);

    MainWindow window;
    QVERIFY(showExposed(window));
    // Start elsewhere so that the click has to change something.
    window.showPage(page == Page::AuditLog ? Page::Numbers : Page::AuditLog);
    QSignalSpy changed(&window, &MainWindow::currentPageChanged);

    auto* navigation = window.findChild<QListWidget*>(u"navigationList"_s);
    auto* stack = window.findChild<QStackedWidget*>(u"pageStack"_s);
    QListWidgetItem* item = navigation->item(static_cast<int>(page));
    QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, navigation->visualItemRect(item).center());

    QCOMPARE(window.currentPage(), page);
    QCOMPARE(stack->currentWidget()->objectName(), MainWindow::pageKey(page) + u"Page"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().value<Page>(), page);
    auto* action = window.findChild<QAction*>(u"actionShowPage_"_s + MainWindow::pageKey(page));
    QVERIFY(action);
    QVERIFY2(action->isChecked(), "the View menu marks the current page");
}

void tst_MainWindow::shortcutSwitchesPage_data() {
    QTest::addColumn<Page>("page");
    QTest::addColumn<int>("key");
    int key = Qt::Key_1;
    for (const Page page : allPages()) {
        QTest::newRow(qPrintable(u"Ctrl+%1 %2"_s.arg(QChar(key)).arg(MainWindow::pageKey(page))))
            << page << key;
        ++key;
    }
}

void tst_MainWindow::shortcutSwitchesPage() {
    QFETCH(Page, page);
    QFETCH(int, key);

    MainWindow window;
    QVERIFY(showActive(window));
    window.showPage(page == Page::Routing ? Page::Extensions : Page::Routing);

    auto* navigation = window.findChild<QListWidget*>(u"navigationList"_s);
    QTest::keyClick(navigation, static_cast<Qt::Key>(key), Qt::ControlModifier);

    QTRY_COMPARE(window.currentPage(), page);
    QCOMPARE(navigation->currentRow(), static_cast<int>(page));
}

void tst_MainWindow::setPageWidgetFillsTheSlot() {
    MainWindow window;
    window.showPage(Page::Routing);
    auto* realPage = new QLabel(u"routes"_s);
    window.setPageWidget(Page::Routing, realPage);

    QCOMPARE(window.pageWidget(Page::Routing), realPage);
    QCOMPARE(window.currentPage(), Page::Routing);
    auto* stack = window.findChild<QStackedWidget*>(u"pageStack"_s);
    QCOMPARE(stack->count(), MainWindow::kPageCount);
    QCOMPARE(stack->currentWidget(), realPage);
    window.showPage(Page::PendingChanges);
    QCOMPARE(stack->currentWidget(), window.pageWidget(Page::PendingChanges));
    QVERIFY(stack->currentWidget() != realPage);
}

void tst_MainWindow::statusBarShowsDatabase() {
    MainWindow window;
    const QString path = m_settingsDir.filePath(u"trunkline.sqlite"_s);
    window.setDatabaseDescription(trunkline::gui::DatabaseStatusText::describe(path));
    QVERIFY(showExposed(window));

    auto* label = window.statusBar()->findChild<QLabel*>(u"databaseStatusLabel"_s);
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), u"Local database: "_s + path);
    QCOMPARE(window.databaseDescription(), label->text());

    window.setDatabaseDescription(
        trunkline::gui::DatabaseStatusText::describe(u"postgresql://ops:pw@db.example.org/phones"_s));
    QCOMPARE(label->text(), u"PostgreSQL: db.example.org/phones"_s);
}

void tst_MainWindow::firstStartUsesDefaultSize() {
    MainWindow window;
    QSize expected(1200, 760);
    expected = expected.boundedTo(QGuiApplication::primaryScreen()->availableGeometry().size() * 0.9)
                   .expandedTo(window.minimumSize());
    QCOMPARE(window.size(), expected);
    QCOMPARE(window.currentPage(), Page::Numbers);
}

void tst_MainWindow::geometryAndPageSurviveRestart() {
    const QRect geometry(40, 30, 900, 560);
    {
        MainWindow window;
        QVERIFY(showExposed(window));
        window.setGeometry(geometry);
        window.showPage(Page::PortOrders);
        QTRY_COMPARE(window.geometry(), geometry);
        QVERIFY(window.close());
    }
    QCOMPARE(QSettings().value(u"MainWindow/currentPage"_s).toString(), u"port-orders"_s);

    MainWindow reopened;
    QCOMPARE(reopened.currentPage(), Page::PortOrders);
    QVERIFY(showExposed(reopened));
    QTRY_COMPARE(reopened.geometry().size(), geometry.size());
    QCOMPARE(reopened.geometry().topLeft(), geometry.topLeft());
}

void tst_MainWindow::badSettingsFallBackToDefaults_data() {
    QTest::addColumn<QVariant>("geometry");
    QTest::addColumn<QVariant>("page");

    QTest::newRow("unknown page key") << QVariant() << QVariant(u"reports"_s);
    QTest::newRow("page index instead of key") << QVariant() << QVariant(3);
    QTest::newRow("garbage geometry") << QVariant(QByteArray("not a geometry")) << QVariant(u"numbers"_s);
    QTest::newRow("empty values") << QVariant(QByteArray()) << QVariant(QString());
}

void tst_MainWindow::badSettingsFallBackToDefaults() {
    QFETCH(QVariant, geometry);
    QFETCH(QVariant, page);
    {
        QSettings settings;
        settings.setValue(u"MainWindow/geometry"_s, geometry);
        settings.setValue(u"MainWindow/currentPage"_s, page);
    }

    MainWindow window;
    QCOMPARE(window.currentPage(), Page::Numbers);
    QVERIFY(window.width() >= window.minimumWidth());
    QVERIFY(window.height() >= window.minimumHeight());
}

void tst_MainWindow::quitShortcutClosesAndSaves() {
    MainWindow window;
    QVERIFY(showActive(window));
    window.showPage(Page::Routing);

    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);

    QTRY_VERIFY(!window.isVisible());
    QCOMPARE(QSettings().value(u"MainWindow/currentPage"_s).toString(), u"routing"_s);
}

void tst_MainWindow::iconsFollowPalette() {
    MainWindow window;
    auto* navigation = window.findChild<QListWidget*>(u"navigationList"_s);
    QPalette palette = window.palette();
    palette.setColor(QPalette::Text, QColor(0xd0, 0x20, 0x20));
    palette.setColor(QPalette::HighlightedText, QColor(0x20, 0xd0, 0x20));
    window.setPalette(palette); // what a switch to another theme does

    const QIcon icon = navigation->item(static_cast<int>(Page::Extensions))->icon();
    const auto strongestColour = [](const QPixmap& pixmap) {
        // The most opaque pixel tells the icon's colour; edges are antialiased.
        const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
        QRgb best = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (qAlpha(image.pixel(x, y)) > qAlpha(best)) {
                    best = image.pixel(x, y);
                }
            }
        }
        return best;
    };
    const auto near = [](QRgb pixel, const QColor& colour) {
        return std::abs(qRed(pixel) - colour.red()) <= 3 && std::abs(qGreen(pixel) - colour.green()) <= 3 &&
               std::abs(qBlue(pixel) - colour.blue()) <= 3;
    };
    QVERIFY(near(strongestColour(icon.pixmap(QSize(22, 22), QIcon::Normal)), QColor(0xd0, 0x20, 0x20)));
    QVERIFY(near(strongestColour(icon.pixmap(QSize(22, 22), QIcon::Selected)), QColor(0x20, 0xd0, 0x20)));
}

void tst_MainWindow::aboutDialogOpensAndCloses() {
    MainWindow window;
    QVERIFY(showExposed(window));

    bool seen = false;
    QString version;
    QString licence;
    whenModalAppears(u"AboutDialog"_s, [&](QDialog* dialog) {
        seen = true;
        version = dialog->findChild<QLabel*>(u"versionLabel"_s)->text();
        licence = dialog->findChild<QLabel*>(u"licenceLabel"_s)->text();
        auto* buttons = dialog->findChild<QDialogButtonBox*>(u"buttonBox"_s);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Close), Qt::LeftButton);
    });
    auto* about = window.findChild<QAction*>(u"actionAbout"_s);
    QVERIFY(about);
    about->trigger(); // returns once the dialog has been closed

    QVERIFY(seen);
    QCOMPARE(version, u"Version "_s + QLatin1StringView(trunkline::kVersion));
    QVERIFY2(licence.contains(QLatin1StringView(trunkline::kLicenseSpdx)), qPrintable(licence));
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
}

void tst_MainWindow::iconsRender() {
    // SVG icons need Qt's SVG plugins (Debian: libqt6svg6); without them the window has no icons.
    for (const auto* name : {"trunkline", "nav-numbers", "nav-extensions", "nav-port-orders", "nav-routing",
                             "nav-pending", "nav-audit"}) {
        const QIcon icon(u":/icons/"_s + QLatin1StringView(name) + u".svg"_s);
        const QImage image = icon.pixmap(QSize(48, 48)).toImage();
        QVERIFY2(!image.isNull(), name);
        int painted = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                painted += image.pixelColor(x, y).alpha() > 0 ? 1 : 0;
            }
        }
        QVERIFY2(painted > 100, name);
    }

    // Screenshots for people who review the look (not an assertion of pixels).
    const QByteArray screenshotDir = qgetenv("TRUNKLINE_SCREENSHOT_DIR");
    if (!screenshotDir.isEmpty()) {
        MainWindow window;
        window.resize(1200, 760);
        window.setDatabaseDescription(trunkline::gui::DatabaseStatusText::describe(
            u"/home/ana/.local/share/Trunkline/Trunkline/trunkline.sqlite"_s));
        QVERIFY(showExposed(window));
        window.showPage(Page::Extensions);
        const QString dir = QString::fromLocal8Bit(screenshotDir);
        QVERIFY(window.grab().save(dir + u"/main-window.png"_s));

        trunkline::gui::AboutDialog about(&window);
        QVERIFY(showExposed(about));
        QVERIFY(about.grab().save(dir + u"/about-dialog.png"_s));
    }
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
