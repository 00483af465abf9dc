#include "GuiTestCase.h"
#include "gui/porting/ActivationRangeBar.h"
#include "gui/porting/ActivationRangesModel.h"
#include "gui/porting/ExtensionsStep.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;
using trunkline::core::NumberRange;
using trunkline::gui::ActivationRangeBar;
using trunkline::gui::ActivationRangesModel;
using trunkline::gui::ExtensionsStep;
using Ranges = QList<NumberRange>;

namespace {
const QString kRoute = u"+492012345678"_s;
}

class tst_ExtensionsStep : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_step = std::make_unique<ExtensionsStep>();
        m_step->resize(1000, 600);
        m_step->setRouteNumber(kRoute);
        QVERIFY(showExposed(*m_step));
    }
    void cleanup() { m_step.reset(); }

    void startsWithTheHundredBlockAndNothingActive() {
        QCOMPARE(m_step->block(), (NumberRange{0, 99}));
        QVERIFY(!m_step->isComplete()); // at least one activation range is a rule
        QVERIFY(label(u"rangesError"_s).contains(u"At least one activation range"_s));
        QCOMPARE(label(u"countsLabel"_s), u"100 numbers port: 0 active, 100 inactive."_s);
    }
    void pastedNumbersBecomeTheFewestRanges() {
        paste(u"+49 201 2345678 04\n0201/2345678-19\n0049 201 234567820\n\n+49201234567842"_s);
        const Ranges expected{{4, 4}, {19, 20}, {42, 42}};
        QCOMPARE(m_step->ranges(), expected);
        QCOMPARE(bar()->ranges(), expected);
        QCOMPARE(tableRanges(), expected);
        QVERIFY(m_step->isComplete());
        QCOMPARE(label(u"countsLabel"_s), u"100 numbers port: 4 active, 96 inactive."_s);
        QVERIFY(label(u"rangesError"_s).isEmpty());
    }
    void unreadableLineIsShownBesideThePasteBox() {
        paste(u"+49201234567804\n+4930123456"_s);
        QVERIFY(!m_step->isComplete());
        QVERIFY2(label(u"wantedNumbersError"_s).startsWith(u"Line 2:"_s),
                 qPrintable(label(u"wantedNumbersError"_s)));
        QVERIFY(label(u"rangesError"_s).contains(u"At least one"_s)); // the ranges were left alone
    }
    void tableEditsReachTheBarAndThePasteBox() {
        m_step->findChild<QPushButton*>(u"addRangeButton"_s)->click();
        auto* model = qobject_cast<ActivationRangesModel*>(table()->model());
        QVERIFY(model->setData(model->index(0, ActivationRangesModel::EndColumn), 2, Qt::EditRole));
        QCOMPARE(bar()->ranges(), (Ranges{{0, 2}}));
        QCOMPARE(pasteBox()->toPlainText(), u"+49201234567800\n+49201234567801\n+49201234567802"_s);
        QVERIFY(m_step->isComplete());
    }
    void overlappingRowsDisableTheStep() {
        m_step->setRanges({{10, 20}, {15, 25}});
        QVERIFY(!m_step->isComplete());
        QVERIFY(label(u"rangesError"_s).contains(u"overlaps"_s));
        auto* model = table()->model();
        QVERIFY(model->index(1, 0).data(Qt::ToolTipRole).toString().contains(u"overlaps"_s));
        QVERIFY(model->index(0, 0).data(Qt::ToolTipRole).toString().isEmpty());
    }
    void barEditsReachTheTableAndThePasteBox() {
        QTest::mouseClick(bar(), Qt::LeftButton, {}, bar()->pointFor(7));
        QCOMPARE(tableRanges(), (Ranges{{7, 7}}));
        QCOMPARE(pasteBox()->toPlainText(), u"+49201234567807"_s);
    }
    void smallerBlockPutsRangesOutside() {
        paste(u"+49201234567842"_s);
        combo()->setCurrentIndex(0); // 0 to 9
        QCOMPARE(m_step->block(), (NumberRange{0, 9}));
        QVERIFY(!m_step->isComplete());
        QVERIFY(label(u"rangesError"_s).contains(u"outside the extension range"_s));
        combo()->setCurrentIndex(2); // 0 to 999: the extension values stay, the numbers get three digits
        QVERIFY(m_step->isComplete());
        QCOMPARE(pasteBox()->toPlainText(), u"+492012345678042"_s);
        QCOMPARE(label(u"countsLabel"_s), u"1000 numbers port: 1 active, 999 inactive."_s);
    }
    void customBlockIsChecked() {
        m_step->setRanges({{5, 5}});
        combo()->setCurrentIndex(3);
        auto* start = m_step->findChild<QSpinBox*>(u"blockStart"_s);
        auto* end = m_step->findChild<QSpinBox*>(u"blockEnd"_s);
        QVERIFY(start->isEnabled());
        end->setValue(3);
        QVERIFY(!m_step->isComplete());
        QVERIFY(label(u"rangesError"_s).contains(u"outside the extension range 0–3"_s));
        start->setValue(9);
        QVERIFY(label(u"blockError"_s).contains(u"starts after it ends"_s));
        start->setValue(0);
        end->setValue(9);
        QVERIFY(m_step->isComplete());
        QCOMPARE(m_step->block(), (NumberRange{0, 9}));
    }
    void completeChangedFollowsTheRules() {
        QSignalSpy spy(m_step.get(), &ExtensionsStep::completeChanged);
        m_step->setRanges({{1, 1}});
        QVERIFY(!spy.isEmpty());
        QVERIFY(m_step->isComplete());
    }

private:
    QString label(const QString& name) const { return m_step->findChild<QLabel*>(name)->text(); }
    ActivationRangeBar* bar() const { return m_step->findChild<ActivationRangeBar*>(); }
    QTableView* table() const { return m_step->findChild<QTableView*>(u"rangesTable"_s); }
    QComboBox* combo() const { return m_step->findChild<QComboBox*>(u"blockPreset"_s); }
    QPlainTextEdit* pasteBox() const { return m_step->findChild<QPlainTextEdit*>(u"wantedNumbers"_s); }
    void paste(const QString& text) const {
        pasteBox()->setFocus();
        pasteBox()->selectAll();
        pasteBox()->insertPlainText(text);
    }
    Ranges tableRanges() const { return qobject_cast<ActivationRangesModel*>(table()->model())->ranges(); }

    std::unique_ptr<ExtensionsStep> m_step;
};

QTEST_MAIN(tst_ExtensionsStep)
#include "tst_ExtensionsStep.moc"
