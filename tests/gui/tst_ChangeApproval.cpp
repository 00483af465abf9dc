// Four-eyes in the console: the Pending changes page's Approve button and the File menu's setting, driven
// as two ordinary roles on the test PostgreSQL server (TeamRoles) — the author's page refuses, the second
// person's approves — and hidden on a SQLite file.
#include "GuiTestCase.h"
#include "TeamRoles.h"
#include "gui/pending/ChangeApproval.h"
#include "gui/pending/FourEyesAction.h"
#include "gui/pending/PendingChangesPage.h"
#include "models/PendingChangesModel.h"
#include "store/FourEyesPolicy.h"
#include "store/PendingChangeRepository.h"

#include <QPushButton>
#include <QTreeView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using models::PendingChangesModel;

namespace {

store::PendingChange jobTitleChange(qint64 profile) {
    store::PendingChange change;
    change.profileId = profile;
    change.entity = u"extension"_s;
    change.entityKey = u"e1"_s;
    change.payload = QJsonObject{{u"contact"_s, QJsonObject{{u"jobTitle"_s, u"Head of Porting"_s}}}};
    change.baseValues = QJsonObject{{u"contact"_s, QJsonObject{{u"jobTitle"_s, u""_s}}}};
    change.baseVersion = u"v1"_s;
    return change;
}

// Clicks the first row of the page's table, as the admin selects a change.
void selectFirstChange(gui::PendingChangesPage& page) {
    auto* view = page.findChild<QTreeView*>(u"treeView"_s);
    const QModelIndex change = page.model()->indexOfChange(page.model()->changes().constFirst().id);
    const QRect cell = view->visualRect(change.siblingAtColumn(PendingChangesModel::StateColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
}

// What the page's row of the change shows in `column`, as `role`.
QString cellOf(const gui::PendingChangesPage& page, qint64 changeId, int column, int role = Qt::DisplayRole) {
    return page.model()->indexOfChange(changeId).siblingAtColumn(column).data(role).toString();
}

} // namespace

class tst_ChangeApproval : public QObject {
    Q_OBJECT

private slots:
    void init() { QStandardPaths::setTestModeEnabled(true); }

    void theSecondPersonApprovesTheAuthorCannot() {
        TestDatabase test(u"postgres"_s);
        if (!test.skipReason().isEmpty())
            QSKIP(qPrintable(test.skipReason()));
        QVERIFY2(test.open(), qPrintable(test.error()));
        const qint64 profile = test.addProfile();
        TeamRoles team(test);
        QVERIFY2(team.isReady(), qPrintable(team.error()));
        QVERIFY(store::FourEyesPolicy(test.database()).setRequired(true));
        store::PendingChange change = jobTitleChange(profile);
        QVERIFY(store::PendingChangeRepository(team.alice()).enqueue(change));

        // Alice's own page: the change shows her as its author, and she cannot approve it.
        gui::PendingChangesPage alicePage(team.alice());
        QVERIFY(showExposed(alicePage, {1200, 400}));
        auto* aliceButton = alicePage.findChild<QPushButton*>(u"approveButton"_s);
        QVERIFY(aliceButton && aliceButton->isVisible());
        QCOMPARE(cellOf(alicePage, change.id, PendingChangesModel::AuthorColumn), team.aliceRole());
        selectFirstChange(alicePage);
        QVERIFY(!aliceButton->isEnabled());
        QVERIFY(aliceButton->toolTip().contains(u"the author of a change cannot approve it"_s));

        // Bob's page: he selects the change and approves it.
        gui::PendingChangesPage bobPage(team.bob());
        QVERIFY(showExposed(bobPage, {1200, 400}));
        auto* bobButton = bobPage.findChild<QPushButton*>(u"approveButton"_s);
        QVERIFY(!bobButton->isEnabled()); // nothing selected yet
        selectFirstChange(bobPage);
        QVERIFY(bobButton->isEnabled());
        QTest::mouseClick(bobButton, Qt::LeftButton);
        QCOMPARE(cellOf(bobPage, change.id, PendingChangesModel::ApprovedByColumn), team.bobRole());
        QVERIFY(
            !cellOf(bobPage, change.id, PendingChangesModel::ApprovedByColumn, Qt::ToolTipRole).isEmpty());
        QCOMPARE(store::PendingChangeRepository(team.alice()).find(change.id)->approvedBy, team.bobRole());
        alicePage.refresh();
        if (const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(alicePage.grab().save(dir + u"/four-eyes.png"_s));
        // Approved: nothing left for Bob to approve.
        selectFirstChange(bobPage);
        QVERIFY(!bobButton->isEnabled());
    }

    void onlyTheOwnerSwitchesFourEyesInTheMenu() {
        TestDatabase test(u"postgres"_s);
        if (!test.skipReason().isEmpty())
            QSKIP(qPrintable(test.skipReason()));
        QVERIFY2(test.open(), qPrintable(test.error()));
        TeamRoles team(test);
        QVERIFY2(team.isReady(), qPrintable(team.error()));
        QWidget window;

        gui::FourEyesAction asOwner(test.database(), &window);
        QVERIFY(asOwner.isVisible() && asOwner.isEnabled());
        QVERIFY(!asOwner.isChecked());
        asOwner.trigger();
        QCOMPARE(store::FourEyesPolicy(team.alice()).isRequired(), std::optional<bool>(true));

        gui::FourEyesAction asAlice(team.alice(), &window);
        QVERIFY(asAlice.isVisible());
        QVERIFY(asAlice.isChecked());
        QVERIFY(!asAlice.isEnabled());
        QVERIFY(asAlice.toolTip().contains(test.database().sessionUser()));

        asOwner.trigger();
        QCOMPARE(store::FourEyesPolicy(team.alice()).isRequired(), std::optional<bool>(false));
        // Alice's menu follows when her window becomes active again.
        QVERIFY(asAlice.isChecked());
        QEvent activate(QEvent::WindowActivate);
        QCoreApplication::sendEvent(&window, &activate);
        QVERIFY(!asAlice.isChecked());
    }

    void sqliteShowsNoFourEyes() {
        std::unique_ptr<TestDatabase> test;
        QVERIFY2(startGuiTestCase(test), qPrintable(test->error()));
        store::PendingChange change = jobTitleChange(test->addProfile());
        QVERIFY(store::PendingChangeRepository(test->database()).enqueue(change));
        gui::PendingChangesPage page(test->database());
        QVERIFY(showExposed(page));
        auto* view = page.findChild<QTreeView*>(u"treeView"_s);
        QVERIFY(!page.findChild<QPushButton*>(u"approveButton"_s)->isVisible());
        QVERIFY(view->isColumnHidden(PendingChangesModel::ApprovedByColumn));
        QVERIFY(!view->isColumnHidden(PendingChangesModel::AuthorColumn));
        QCOMPARE(cellOf(page, change.id, PendingChangesModel::AuthorColumn), test->database().sessionUser());
        QWidget window;
        QVERIFY(!gui::FourEyesAction(test->database(), &window).isVisible());
    }
};

QTEST_MAIN(tst_ChangeApproval)
#include "tst_ChangeApproval.moc"
