#include "GuiTestCase.h"
#include "gui/porting/ActivationRangeBar.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using trunkline::core::NumberRange;
using trunkline::gui::ActivationRangeBar;
using Ranges = QList<NumberRange>;

class tst_ActivationRangeBar : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_bar = std::make_unique<ActivationRangeBar>();
        m_bar->resize(504, m_bar->sizeHint().height()); // 5 px per extension of 0–99
        m_bar->setBlock({0, 99});
        QVERIFY(showExposed(*m_bar));
        m_spy = std::make_unique<QSignalSpy>(m_bar.get(), &ActivationRangeBar::rangesEdited);
    }
    void cleanup() {
        m_spy.reset();
        m_bar.reset();
    }

    void dragOnEmptySpaceAddsRange() {
        drag(m_bar->pointFor(10), m_bar->pointFor(20));
        QCOMPARE(lastEmitted(), (Ranges{{10, 20}}));
        QCOMPARE(m_bar->ranges(), (Ranges{{10, 20}}));
    }
    void dragLeftwardsAddsRangeToo() {
        drag(m_bar->pointFor(60), m_bar->pointFor(55));
        QCOMPARE(lastEmitted(), (Ranges{{55, 60}}));
    }
    void dragStopsAtTheNextRangeAndMergesWithIt() {
        m_bar->setRanges({{30, 40}});
        drag(m_bar->pointFor(10), m_bar->pointFor(70));
        // The new range grows only into free extensions (10–29) and then touches 30–40: one range.
        QCOMPARE(lastEmitted(), (Ranges{{10, 40}}));
    }
    void clickOnEmptySpaceAddsOneExtension() {
        QTest::mouseClick(m_bar.get(), Qt::LeftButton, {}, m_bar->pointFor(42));
        QCOMPARE(lastEmitted(), (Ranges{{42, 42}}));
    }
    void dragEndEdgeResizes() {
        m_bar->setRanges({{20, 29}});
        drag(edgeBetween(29, 30), m_bar->pointFor(39));
        QCOMPARE(lastEmitted(), (Ranges{{20, 39}}));
    }
    void dragStartEdgeResizes() {
        m_bar->setRanges({{20, 29}, {50, 59}});
        drag(edgeBetween(49, 50), m_bar->pointFor(35));
        QCOMPARE(lastEmitted(), (Ranges{{20, 29}, {35, 59}}));
    }
    void resizeStopsBeforeTheNeighbour() {
        m_bar->setRanges({{20, 29}, {50, 59}});
        drag(edgeBetween(29, 30), m_bar->pointFor(80));
        QCOMPARE(lastEmitted(), (Ranges{{20, 59}})); // grown to 49, touching 50–59: merged
    }
    void clickOnRangeRemovesIt() {
        m_bar->setRanges({{20, 29}, {50, 50}});
        QTest::mouseClick(m_bar.get(), Qt::LeftButton, {}, m_bar->pointFor(25));
        QCOMPARE(lastEmitted(), (Ranges{{50, 50}}));
        QTest::mouseClick(m_bar.get(), Qt::LeftButton, {}, m_bar->pointFor(50));
        QCOMPARE(lastEmitted(), Ranges{});
        QCOMPARE(m_spy->count(), 2);
    }
    void dragOnRangeBodyChangesNothing() {
        m_bar->setRanges({{10, 40}});
        drag(m_bar->pointFor(20), m_bar->pointFor(30));
        QCOMPARE(m_spy->count(), 0);
        QCOMPARE(m_bar->ranges(), (Ranges{{10, 40}}));
    }
    void keyboardSpaceToggles() {
        m_bar->setFocus();
        QTest::keyClick(m_bar.get(), Qt::Key_Home);
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(m_bar.get(), Qt::Key_Right);
        QCOMPARE(m_bar->cursorExtension(), 4);
        QTest::keyClick(m_bar.get(), Qt::Key_Space);
        QCOMPARE(lastEmitted(), (Ranges{{4, 4}}));
        QTest::keyClick(m_bar.get(), Qt::Key_Right);
        QTest::keyClick(m_bar.get(), Qt::Key_Space);
        QCOMPARE(lastEmitted(), (Ranges{{4, 5}}));
        QTest::keyClick(m_bar.get(), Qt::Key_Left);
        QTest::keyClick(m_bar.get(), Qt::Key_Space);
        QCOMPARE(lastEmitted(), (Ranges{{5, 5}}));
    }
    void spaceInsideRangeSplitsIt() {
        m_bar->setRanges({{0, 9}});
        m_bar->setFocus();
        QTest::keyClick(m_bar.get(), Qt::Key_Home);
        QTest::keyClick(m_bar.get(), Qt::Key_PageUp); // ten up: 10
        QTest::keyClick(m_bar.get(), Qt::Key_PageDown);
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(m_bar.get(), Qt::Key_Right);
        QTest::keyClick(m_bar.get(), Qt::Key_Space);
        QCOMPARE(lastEmitted(), (Ranges{{0, 4}, {6, 9}}));
    }
    void cursorStaysInTheBlock() {
        m_bar->setFocus();
        QTest::keyClick(m_bar.get(), Qt::Key_End);
        QTest::keyClick(m_bar.get(), Qt::Key_Right);
        QCOMPARE(m_bar->cursorExtension(), 99);
        m_bar->setBlock({0, 9});
        QCOMPARE(m_bar->cursorExtension(), 9);
    }
    void setRangesDoesNotEmit() {
        m_bar->setRanges({{1, 2}});
        QCOMPARE(m_spy->count(), 0);
    }
    void describesItselfForAccessibility() {
        m_bar->setRanges({{4, 4}, {19, 20}});
        QCOMPARE(m_bar->accessibleName(), u"Activation ranges"_s);
        QVERIFY2(m_bar->accessibleDescription().contains(u"4–4, 19–20"_s),
                 qPrintable(m_bar->accessibleDescription()));
        QVERIFY(m_bar->focusPolicy() & Qt::TabFocus);
        QVERIFY(m_bar->sizeHint().height() >= m_bar->fontMetrics().height() * 2);
        QVERIFY(m_bar->sizeHint().width() >= 200);
    }

private:
    QPoint edgeBetween(int left, int right) const {
        return {(m_bar->pointFor(left).x() + m_bar->pointFor(right).x()) / 2, m_bar->pointFor(left).y()};
    }
    void drag(QPoint from, QPoint to) {
        QTest::mousePress(m_bar.get(), Qt::LeftButton, {}, from);
        const QPoint step = (to - from) / 4;
        for (int i = 1; i <= 4; ++i)
            QTest::mouseMove(m_bar.get(), from + step * i);
        QTest::mouseMove(m_bar.get(), to);
        QTest::mouseRelease(m_bar.get(), Qt::LeftButton, {}, to);
    }
    Ranges lastEmitted() const {
        if (m_spy->isEmpty())
            return {{-1, -1}}; // nothing emitted: never equal to an expected list
        return m_spy->last().at(0).value<Ranges>();
    }

    std::unique_ptr<ActivationRangeBar> m_bar;
    std::unique_ptr<QSignalSpy> m_spy;
};

QTEST_MAIN(tst_ActivationRangeBar)
#include "tst_ActivationRangeBar.moc"
