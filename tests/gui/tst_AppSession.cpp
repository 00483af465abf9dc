#include "FreshGuiTestCase.h"
#include "NextModal.h"
#include "demo/DemoEmulator.h"
#include "gui/AppSession.h"
#include "gui/MainWindow.h"
#include "gui/account/AccountDetailsPanel.h"
#include "gui/account/AccountOverview.h"
#include "gui/extensions/ExtensionPermissions.h"
#include "gui/pending/PendingChangesPage.h"
#include "gui/profiles/ProfileEditDialog.h"
#include "gui/profiles/ProfileSwitcher.h"
#include "gui/profiles/ProfilesDialog.h"
#include "gui/syncstatus/SyncController.h"
#include "models/ExtensionsModel.h"
#include "models/NumbersModel.h"
#include "models/PendingChangesModel.h"
#include "secrets/MemorySecretStore.h"
#include "store/ExtensionRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/ProfileRepository.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;

// The whole console over a real SQLite file and the in-process demo emulator: the first-start offer,
// the sync into every page, the profile switcher and account line, and the pending-changes page.
class tst_AppSession : public FreshGuiTestCase {
    Q_OBJECT

private slots:
    void declinedOfferLeavesAnEmptyConsole() {
        demo::DemoEmulator demo;
        gui::AppSession session(m_test->database(), m_secrets, demo);
        int asked = 0;
        session.setOfferDemo([&asked](QWidget*) {
            ++asked;
            return false;
        });
        QVERIFY(!session.offerDemoOnFirstStart());
        QCOMPARE(asked, 1);
        QVERIFY(store::ProfileRepository(m_test->database()).list().isEmpty());
        QCOMPARE(session.window().findChild<QLabel*>(u"accountOverview"_s)->text(),
                 u"No provider account yet"_s);
        QVERIFY(session.window().findChild<QAction*>(u"actionOpenDemo"_s)->isEnabled());
    }

    // Changes staged in an earlier session reach the provider only when applied: the console says so
    // when it starts.
    void startSaysWhenChangesAreWaiting() {
        const qint64 profile = m_test->addProfile(u"Berlin office"_s, u"restcomm"_s);
        store::PendingChange change;
        change.profileId = profile;
        change.entity = u"phone_number"_s;
        change.entityKey = u"PN1"_s;
        change.payload = QJsonObject{{u"label"_s, u"Reception"_s}};
        QVERIFY(store::PendingChangeRepository(m_test->database()).enqueue(change));
        demo::DemoEmulator demo;
        gui::AppSession session(m_test->database(), m_secrets, demo);
        QCOMPARE(session.window().statusBar()->currentMessage(),
                 u"Staged changes waiting to be applied: 1. See Pending changes (Ctrl+5)."_s);
        // Review… opens the page with the change, and goes once it has been used.
        session.window().showPage(gui::MainWindow::Page::Numbers);
        auto* review = session.window().statusBar()->findChild<QPushButton*>(u"reviewChangesButton"_s);
        QVERIFY(review);
        review->click();
        QCOMPARE(session.window().currentPage(), gui::MainWindow::Page::PendingChanges);
        QTRY_VERIFY(!session.window().statusBar()->findChild<QPushButton*>(u"reviewChangesButton"_s));
        auto* pending = qobject_cast<gui::PendingChangesPage*>(
            session.window().pageWidget(gui::MainWindow::Page::PendingChanges));
        QVERIFY(pending->model()->indexOfChange(change.id).isValid());

        QVERIFY(store::PendingChangeRepository(m_test->database()).discard(change.id));
        gui::AppSession nothingWaiting(m_test->database(), m_secrets, demo);
        QVERIFY(nothingWaiting.window().statusBar()->currentMessage().isEmpty());
        QVERIFY(!nothingWaiting.window().statusBar()->findChild<QPushButton*>(u"reviewChangesButton"_s));
    }

    // Quitting with the Accounts dialog's add form open asks first; Cancel keeps the window and the form.
    void quittingWithAnOpenAccountFormAsks() {
        demo::DemoEmulator demo;
        gui::AppSession session(m_test->database(), m_secrets, demo);
        QVERIFY(showExposed(session.window()));
        gui::ProfilesDialog* accounts = session.openAccounts();
        accounts->addProfile();
        QPointer<gui::ProfileEditDialog> form = accounts->form();
        QVERIFY(form);
        QString question;
        const auto answer = [&question](QMessageBox::StandardButton button) {
            onNextModalOf<QMessageBox>([&question, button](QMessageBox* box) {
                question = box->text();
                box->button(button)->click();
            });
        };

        answer(QMessageBox::Cancel);
        QVERIFY(!session.window().close());
        QVERIFY2(question.contains(u"An account form is still open"_s), qPrintable(question));
        QVERIFY(session.window().isVisible());
        QVERIFY(form && form->isVisible());

        question.clear();
        answer(QMessageBox::Discard);
        QVERIFY(session.window().close());
        QVERIFY(!question.isEmpty());
        QVERIFY(!session.window().isVisible());
    }

    // Without an open form the window closes without a question.
    void quittingWithoutAFormDoesNotAsk() {
        demo::DemoEmulator demo;
        gui::AppSession session(m_test->database(), m_secrets, demo);
        QVERIFY(showExposed(session.window()));
        session.openAccounts();
        QVERIFY(session.window().close());
    }

    void firstStartSyncsTheDemoOfficeIntoEveryPage() {
        demo::DemoEmulator demo;
        gui::AppSession session(m_test->database(), m_secrets, demo);
        session.setOfferDemo([](QWidget*) { return true; });
        session.window().resize(1280, 800);
        session.window().setDatabaseDescription(u"SQLite: trunkline.sqlite"_s);
        QVERIFY(showExposed(session.window()));

        QSignalSpy finished(&session.sync(), &gui::SyncController::finished);
        QSignalSpy signedIn(&session.sync(), &gui::SyncController::signedIn);
        QVERIFY(session.offerDemoOnFirstStart());
        QVERIFY(!session.syncAction()->isEnabled()); // no second sync while one runs
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().at(0).toBool(),
                 qPrintable(finished.first().at(2).toStringList().join(u'\n')));
        QVERIFY(session.syncAction()->isEnabled());
        QVERIFY(!session.window().findChild<QAction*>(u"actionOpenDemo"_s)->isEnabled());

        // Every page shows the synced store. While a sync stores rows only the page in view re-reads
        // them (six pages at once stalled the window); a hidden page catches up when it is shown.
        auto* numbers = session.window().pageWidget(gui::MainWindow::Page::Numbers)->findChild<QTableView*>();
        QVERIFY(numbers);
        QTRY_VERIFY(numbers->model()->rowCount() > 0);
        auto* hiddenExtensions =
            session.window().pageWidget(gui::MainWindow::Page::Extensions)->findChild<QTableView*>();
        session.window().showPage(gui::MainWindow::Page::Extensions);
        QVERIFY(hiddenExtensions->model()->rowCount() > 0);
        session.window().showPage(gui::MainWindow::Page::Numbers);
        // The store changes while the Extensions page is hidden: it is not re-read then, but when shown.
        auto* extensionsModel = qobject_cast<models::ExtensionsModel*>(hiddenExtensions->model());
        QVERIFY(extensionsModel);
        const qint64 extensionsBefore = extensionsModel->totalCount();
        const qint64 firstProfile = store::ProfileRepository(m_test->database()).list().first().id;
        core::Extension added;
        added.id = u"stale-page-check"_s;
        added.extensionNumber = u"999"_s;
        added.name = u"Added while hidden"_s;
        QVERIFY(store::ExtensionRepository(m_test->database()).upsert(firstProfile, {added}));
        emit session.sync().storeChanged();
        QTest::qWait(100); // a re-read would have counted by now
        QCOMPARE(extensionsModel->totalCount(), extensionsBefore);
        session.window().showPage(gui::MainWindow::Page::Extensions); // re-read as it is shown
        QCOMPARE(extensionsModel->totalCount(), extensionsBefore + 1);
        // The page in view re-reads at once.
        QVERIFY(store::ExtensionRepository(m_test->database()).remove(firstProfile, added.id));
        emit session.sync().storeChanged();
        QCOMPARE(extensionsModel->totalCount(), extensionsBefore);
        session.window().showPage(gui::MainWindow::Page::Numbers);

        // The switcher lists the three demo profiles; choosing the RingCentral one shows its account.
        gui::ProfileSwitcher& switcher = session.profileSwitcher();
        QCOMPARE(switcher.count(), 4);
        const QList<store::Profile> profiles = store::ProfileRepository(m_test->database()).list();
        const auto ringCentral =
            std::find_if(profiles.cbegin(), profiles.cend(),
                         [](const store::Profile& p) { return p.provider == u"ringcentral"_s; });
        QVERIFY(ringCentral != profiles.cend());
        // The console learns who the RingCentral credentials sign in as: the demo's administrator.
        QTRY_COMPARE(signedIn.size(), 1);
        QCOMPARE(signedIn.first().at(0).toLongLong(), ringCentral->id);
        const QString me = gui::ExtensionPermissions::signedInExtension(ringCentral->id);
        QVERIFY(!me.isEmpty());
        QCOMPARE(me, signedIn.first().at(1).toString());
        QVERIFY(gui::ExtensionPermissions(m_test->database()).isAdministrator(ringCentral->id));
        switcher.setCurrentIndex(switcher.findData(ringCentral->id));
        const QString overview = session.window().findChild<QLabel*>(u"accountOverview"_s)->text();
        QVERIFY2(overview.startsWith(u"Main number +"_s), qPrintable(overview));
        QVERIFY2(overview.contains(u"Plan: "_s), qPrintable(overview));
        QVERIFY2(overview.contains(u"Billing: Monthly"_s), qPrintable(overview));
        // A click on the account line opens the details: plans, features and the business address.
        auto* overviewLabel = session.window().findChild<gui::AccountOverview*>(u"accountOverview"_s);
        QVERIFY(overviewLabel->toolTip().contains(u"Business address"_s));
        QTest::mouseClick(overviewLabel, Qt::LeftButton);
        gui::AccountDetailsPanel* panel = overviewLabel->detailsPanel();
        QVERIFY(panel);
        QTRY_VERIFY(panel->isVisible());
        const QString details = panel->findChild<QLabel*>(u"accountDetailsText"_s)->text();
        for (const QString& part :
             {u"Professional <small>(Standard edition)</small>"_s, u"billed monthly, type Regular"_s,
              u"Caller ID control"_s, u"Not included: Site codes"_s, u"Belmont, CA 94002"_s})
            QVERIFY2(details.contains(part), qPrintable(part + u" in "_s + details));
        if (const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(panel->grab().save(dir + u"/account-overview.png"_s));
        QTest::keyClick(panel, Qt::Key_Escape);
        QTRY_VERIFY(!panel->isVisible());
        // ... and the pages show that profile's records only.
        QTRY_VERIFY(numbers->model()->rowCount() > 0);
        for (int row = 0; row < numbers->model()->rowCount(); ++row)
            QCOMPARE(numbers->model()->index(row, 0).data(models::NumbersModel::ProfileIdRole).toLongLong(),
                     ringCentral->id);

        // An edit staged on the numbers page appears on the pending page, which can discard it.
        auto* numbersModel = qobject_cast<models::NumbersModel*>(numbers->model());
        QVERIFY(numbersModel);
        QVERIFY(numbersModel->setLabel(0, u"Reception desk"_s));
        session.window().showPage(gui::MainWindow::Page::PendingChanges);
        QWidget* pendingPage = session.window().pageWidget(gui::MainWindow::Page::PendingChanges);
        auto* pendingView = pendingPage->findChild<QTreeView*>(u"treeView"_s);
        QCOMPARE(pendingView->model()->rowCount(), 1); // one profile
        const QModelIndexList after = pendingView->model()->match(
            pendingView->model()->index(0, models::PendingChangesModel::AfterColumn), Qt::DisplayRole,
            u"Reception desk"_s, -1, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.first().siblingAtColumn(models::PendingChangesModel::ChangeColumn).data().toString(),
                 u"Label"_s);
        auto* apply = pendingPage->findChild<QPushButton*>(u"applyButton"_s);
        QVERIFY(apply->isEnabled());
        QCOMPARE(apply->text(), u"&Apply 1 change"_s);
        saveScreenshot(session.window(), u"pending-changes"_s);

        pendingView->selectionModel()->select(pendingView->model()->index(0, 0),
                                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
        qobject_cast<gui::PendingChangesPage*>(pendingPage)->setConfirmDiscard([](QWidget*, int count) {
            return count == 1;
        });
        QTest::mouseClick(pendingPage->findChild<QPushButton*>(u"discardButton"_s), Qt::LeftButton);
        QCOMPARE(pendingView->model()->rowCount(), 0);
        QVERIFY(!apply->isEnabled());
        QVERIFY(store::PendingChangeRepository(m_test->database())
                    .list(numbersModel->index(0, 0).data(models::NumbersModel::ProfileIdRole).toLongLong())
                    .isEmpty());

        session.window().showPage(gui::MainWindow::Page::Numbers);
        numbers->selectRow(2);
        saveScreenshot(session.window(), u"main-window"_s);
        session.window().showPage(gui::MainWindow::Page::AuditLog);
        saveScreenshot(session.window(), u"audit-log"_s);
        session.window().showPage(gui::MainWindow::Page::Extensions);
        auto* extensions =
            session.window().pageWidget(gui::MainWindow::Page::Extensions)->findChild<QTableView*>();
        QVERIFY(extensions && extensions->model()->rowCount() > 0);
        extensions->selectRow(1);
        saveScreenshot(session.window(), u"extensions"_s);
    }

private:
    secrets::MemorySecretStore m_secrets;
};

QTEST_MAIN(tst_AppSession)
#include "tst_AppSession.moc"
