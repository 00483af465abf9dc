#include "TestSettingsCase.h"
#include "gui/MainWindow.h"
#include "i18n/Translator.h"

#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using trunkline::gui::MainWindow;
using trunkline::i18n::Translator;

class tst_Translator : public TestSettingsCase {
    Q_OBJECT

private slots:
    void cleanup();
    void chosenFromLocale_data();
    void chosenFromLocale();
    void mainWindowInGerman();
    void runningWindowFollowsLanguageChange();
};

void tst_Translator::cleanup() {
    Translator::uninstall();
}

void tst_Translator::chosenFromLocale_data() {
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<bool>("loaded");
    QTest::addColumn<QString>("numbersLabel");

    QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << true << u"Rufnummern"_s;
    QTest::newRow("de_AT falls back to de")
        << QLocale(QLocale::German, QLocale::Austria) << true << u"Rufnummern"_s;
    QTest::newRow("de_CH falls back to de")
        << QLocale(QLocale::German, QLocale::Switzerland) << true << u"Rufnummern"_s;
    QTest::newRow("en_US is the source")
        << QLocale(QLocale::English, QLocale::UnitedStates) << false << u"Numbers"_s;
    QTest::newRow("fr_FR falls back to English")
        << QLocale(QLocale::French, QLocale::France) << false << u"Numbers"_s;
    QTest::newRow("C locale") << QLocale::c() << false << u"Numbers"_s;
}

void tst_Translator::chosenFromLocale() {
    QFETCH(QLocale, locale);
    QFETCH(bool, loaded);
    QFETCH(QString, numbersLabel);

    const Translator::Result result = Translator::install(locale);
    QCOMPARE(result.trunklineLoaded, loaded);
    QCOMPARE(QCoreApplication::translate("trunkline::gui::MainWindow", "Numbers"), numbersLabel);
}

void tst_Translator::mainWindowInGerman() {
    QVERIFY(Translator::install(QLocale(QLocale::German, QLocale::Germany)).trunklineLoaded);

    MainWindow window;
    auto* navigation = window.findChild<QListWidget*>(u"navigationList"_s);
    QVERIFY(navigation);
    QCOMPARE(navigation->item(static_cast<int>(MainWindow::Page::Numbers))->text(), u"Rufnummern"_s);
    QCOMPARE(navigation->item(static_cast<int>(MainWindow::Page::PendingChanges))->text(),
             u"Ausstehende Änderungen"_s);
    // Long German titles are shown whole, not elided.
    QVERIFY(showExposed(window));
    for (int row = 0; row < navigation->count(); ++row) {
        const QListWidgetItem* item = navigation->item(row);
        // Text + icon + the item's horizontal padding (8 px each side, see MainWindow's style sheet).
        const int needed = navigation->fontMetrics().horizontalAdvance(item->text()) +
                           navigation->iconSize().width() + 2 * 8;
        QVERIFY2(navigation->visualItemRect(item).width() > needed, qPrintable(item->text()));
    }

    auto* quit = window.findChild<QAction*>(u"actionQuit"_s);
    QVERIFY(quit);
    QCOMPARE(quit->text(), u"&Beenden"_s);

    const QByteArray screenshotDir = qgetenv("TRUNKLINE_SCREENSHOT_DIR");
    if (!screenshotDir.isEmpty()) {
        window.resize(1200, 760);
        window.showPage(MainWindow::Page::PortOrders);
        QVERIFY(showExposed(window));
        QVERIFY(window.grab().save(QString::fromLocal8Bit(screenshotDir) + u"/main-window-de.png"_s));
    }
}

void tst_Translator::runningWindowFollowsLanguageChange() {
    MainWindow window;
    auto* navigation = window.findChild<QListWidget*>(u"navigationList"_s);
    QVERIFY(navigation);
    QCOMPARE(navigation->item(static_cast<int>(MainWindow::Page::AuditLog))->text(), u"Audit log"_s);

    QVERIFY(Translator::install(QLocale(QLocale::German, QLocale::Germany)).trunklineLoaded);
    QTRY_COMPARE(navigation->item(static_cast<int>(MainWindow::Page::AuditLog))->text(),
                 u"Änderungsprotokoll"_s);

    Translator::uninstall();
    QTRY_COMPARE(navigation->item(static_cast<int>(MainWindow::Page::AuditLog))->text(), u"Audit log"_s);
}

QTEST_MAIN(tst_Translator)
#include "tst_Translator.moc"
