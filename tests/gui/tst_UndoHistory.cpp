// Undo and redo of staged edits in the whole console (AppSession over a real SQLite file): edits on the
// Numbers table, the extension editor and its forwarding list, and a discard on the Pending changes page,
// each undone with Ctrl+Z and redone with Ctrl+Shift+Z on the main window, read back from the table cell,
// the form field and the pending changes in the store; the History… view; and an undo refused once the
// change was applied at the provider (the in-process demo emulator over 127.0.0.1).

#include "ConsoleSteps.h"
#include "ExtensionRecord.h"
#include "ForwardingEntry.h"
#include "FreshGuiTestCase.h"
#include "changes/ChangePayloads.h"
#include "demo/DemoEmulator.h"
#include "gui/AppSession.h"
#include "gui/HistoryDialog.h"
#include "gui/MainWindow.h"
#include "gui/extensions/ExtensionEditor.h"
#include "gui/extensions/ExtensionsPage.h"
#include "gui/extensions/ForwardingEditor.h"
#include "gui/pending/PendingChangesPage.h"
#include "gui/profiles/ProfileSwitcher.h"
#include "gui/syncstatus/SyncController.h"
#include "models/ForwardingListModel.h"
#include "models/NumbersModel.h"
#include "models/PendingChangesModel.h"
#include "secrets/MemorySecretStore.h"
#include "store/ExtensionRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>
#include <QUndoView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using gui::MainWindow;
using store::PendingChange;

class tst_UndoHistory : public FreshGuiTestCase {
    Q_OBJECT

private slots:
    void undoAndRedoOnEveryPage() {
        const qint64 profile = m_test->addProfile(u"Berlin office"_s);
        core::Extension anna = test::extension(u"501"_s, u"101"_s, u"Anna Berger"_s);
        anna.contact.firstName = u"Anna"_s;
        anna.contact.lastName = u"Berger"_s;
        anna.contact.jobTitle = u"Sales"_s;
        QVERIFY(store::ExtensionRepository(m_test->database()).upsert(profile, {anna}));
        core::PhoneNumberRecord reception;
        reception.provider = u"ringcentral"_s;
        reception.id = u"700001"_s;
        reception.e164 = u"+493055500001"_s;
        reception.label = u"Reception"_s;
        QVERIFY(store::PhoneNumberRepository(m_test->database()).upsert(profile, {reception}));
        QVERIFY(store::ForwardingNumberRepository(m_test->database())
                    .replaceList(
                        profile, u"501"_s,
                        {test::entry(u"f-mobile"_s, u"+4915112345672"_s, core::ForwardingType::Mobile, 1),
                         test::entry(u"f-home"_s, u"+493012345671"_s, core::ForwardingType::Home, 2)}));

        demo::DemoEmulator demo;
        gui::AppSession session(m_test->database(), m_secrets, demo);
        MainWindow& window = session.window();
        window.resize(1280, 800);
        QVERIFY(showActive(window));
        auto* undo = window.findChild<QAction*>(u"actionUndo"_s);
        auto* redo = window.findChild<QAction*>(u"actionRedo"_s);
        QVERIFY(undo && redo);
        QVERIFY(!undo->isEnabled());
        QVERIFY(!redo->isEnabled());

        // 1. The Numbers table: the label typed into its cell.
        window.showPage(MainWindow::Page::Numbers);
        auto* numbers = window.pageWidget(MainWindow::Page::Numbers)->findChild<QTableView*>(u"tableView"_s);
        QTRY_COMPARE(numbers->model()->rowCount(), 1);
        const QModelIndex label = numbers->model()->index(0, models::NumbersModel::LabelColumn);
        numbers->setFocus();
        numbers->setCurrentIndex(label);
        numbers->edit(label); // the cell's own editor (F2 opens the page's Edit dialog)
        auto* cellEditor = numbers->viewport()->findChild<QLineEdit*>();
        QVERIFY(cellEditor);
        QCOMPARE(QApplication::focusWidget(), cellEditor);
        cellEditor->selectAll();
        QTest::keyClicks(cellEditor, u"Front desk"_s);
        QTest::keyClick(cellEditor, Qt::Key_Return); // the delegate commits on the next turn of the loop
        QTRY_COMPARE(label.data().toString(), u"Front desk"_s);
        QCOMPARE(pending(profile).size(), 1);
        QCOMPARE(undo->text(), u"&Undo Edit +49 30 55500001"_s);
        QVERIFY(window.isWindowModified());

        undoKey(window);
        QCOMPARE(label.data().toString(), u"Reception"_s);
        QVERIFY(pending(profile).isEmpty());
        QVERIFY(!undo->isEnabled());
        QVERIFY(redo->isEnabled());
        QVERIFY(!window.isWindowModified());
        redoKey(window);
        QCOMPARE(label.data().toString(), u"Front desk"_s);
        QCOMPARE(pending(profile).size(), 1);
        QCOMPARE(pending(profile).first().payload, (QJsonObject{{u"label"_s, u"Front desk"_s}}));

        // 2. The extension editor: a field saved with Ctrl+S.
        window.showPage(MainWindow::Page::Extensions);
        auto* extensions =
            qobject_cast<gui::ExtensionsPage*>(window.pageWidget(MainWindow::Page::Extensions));
        extensions->setUnsavedPrompt([](const QString&) { return QMessageBox::Discard; });
        QVERIFY(extensions->selectExtension(profile, u"501"_s));
        auto* jobTitle =
            extensions->findChild<QWidget*>(u"contactTab"_s)->findChild<QLineEdit*>(u"jobTitleEdit"_s);
        QCOMPARE(jobTitle->text(), u"Sales"_s);
        jobTitle->setFocus();
        jobTitle->selectAll();
        QTest::keyClicks(jobTitle, u"Inside sales"_s);
        QTest::keySequence(jobTitle, QKeySequence::Save);
        QCOMPARE(pendingOf(profile, changes::ChangePayloads::kExtension).size(), 1);
        QCOMPARE(undo->text(), u"&Undo Edit extension 101"_s);

        undoKey(window);
        QVERIFY(pendingOf(profile, changes::ChangePayloads::kExtension).isEmpty());
        QTRY_COMPARE(jobTitle->text(), u"Sales"_s);
        QVERIFY(!extensions->editor()->hasUnsavedEdits());
        redoKey(window);
        QCOMPARE(pendingOf(profile, changes::ChangePayloads::kExtension).size(), 1);
        QTRY_COMPARE(jobTitle->text(), u"Inside sales"_s);
        QVERIFY(extensions->findChild<QLabel*>(u"stagedLabel"_s)->isVisibleTo(extensions));

        // Undone in the middle of another edit: the form shows what is staged now, and keeps what was typed.
        auto* department =
            extensions->findChild<QWidget*>(u"contactTab"_s)->findChild<QLineEdit*>(u"departmentEdit"_s);
        department->setFocus();
        QTest::keyClicks(department, u"Field sales"_s);
        undoKey(window);
        QTRY_COMPARE(jobTitle->text(), u"Sales"_s);
        QCOMPARE(department->text(), u"Field sales"_s);
        QVERIFY(extensions->editor()->hasUnsavedEdits());
        redoKey(window);
        QTRY_COMPARE(jobTitle->text(), u"Inside sales"_s);
        QCOMPARE(department->text(), u"Field sales"_s);
        extensions->findChild<QPushButton*>(u"revertButton"_s)->click();
        QCOMPARE(department->text(), QString());
        QCOMPARE(jobTitle->text(), u"Inside sales"_s);

        // 3. The forwarding list: the first number moved down, saved.
        extensions->findChild<QTabWidget*>(u"tabs"_s)->setCurrentIndex(2);
        gui::ForwardingEditor* forwarding = extensions->editor()->forwardingEditor();
        auto* forwardingTable = forwarding->findChild<QTableView*>(u"forwardingTable"_s);
        const auto firstNumber = [forwardingTable] {
            return forwardingTable->model()
                ->index(0, models::ForwardingListModel::NumberColumn)
                .data()
                .toString();
        };
        const QString storedFirst = firstNumber();
        forwardingTable->setFocus();
        forwardingTable->selectRow(0);
        QTest::keyClick(forwardingTable, Qt::Key_Down, Qt::AltModifier);
        QVERIFY(firstNumber() != storedFirst);
        QVERIFY(extensions->editor()->save());
        const int forwardingChanges =
            int(pendingOf(profile, changes::ChangePayloads::kForwardingNumber).size());
        QVERIFY(forwardingChanges > 0);
        QCOMPARE(undo->text(), u"&Undo Edit the forwarding list of 101"_s);

        undoKey(window);
        QVERIFY(pendingOf(profile, changes::ChangePayloads::kForwardingNumber).isEmpty());
        QTRY_COMPARE(firstNumber(), storedFirst);
        auto* intro = forwarding->findChild<QLabel*>(u"introLabel"_s);
        QVERIFY2(!intro->text().contains(u"not applied yet"_s), qPrintable(intro->text()));
        QVERIFY(forwarding->findChild<QPushButton*>(u"moveDownButton"_s)->isEnabled());
        redoKey(window);
        QCOMPARE(pendingOf(profile, changes::ChangePayloads::kForwardingNumber).size(), forwardingChanges);
        // Staged again: the list is locked until they are applied or discarded.
        QTRY_VERIFY2(intro->text().contains(u"not applied yet"_s), qPrintable(intro->text()));

        // 4. A discard on the Pending changes page, undone: the change is back as it was.
        window.showPage(MainWindow::Page::PendingChanges);
        auto* pendingPage =
            qobject_cast<gui::PendingChangesPage*>(window.pageWidget(MainWindow::Page::PendingChanges));
        pendingPage->setConfirmDiscard([](QWidget*, int) { return true; });
        auto* pendingView = pendingPage->findChild<QTreeView*>(u"treeView"_s);
        models::PendingChangesModel* pendingModel = pendingPage->model();
        const PendingChange labelChange = pendingOf(profile, changes::EntityKind::kPhoneNumber).first();
        const QModelIndex labelIndex = pendingModel->indexOfChange(labelChange.id);
        QVERIFY(labelIndex.isValid());
        const qsizetype listed = pendingModel->changes().size();
        // Not a click: in an extended selection it follows the keyboard modifiers of the last key event.
        pendingView->selectionModel()->select(labelIndex, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
        QTest::mouseClick(pendingPage->findChild<QPushButton*>(u"discardButton"_s), Qt::LeftButton);
        QVERIFY(pendingOf(profile, changes::EntityKind::kPhoneNumber).isEmpty());
        QTRY_COMPARE(pendingModel->changes().size(), listed - 1);
        QCOMPARE(label.data().toString(), u"Reception"_s);
        QCOMPARE(undo->text(), u"&Undo Discard 1 change"_s);

        undoKey(window);
        QCOMPARE(pendingOf(profile, changes::EntityKind::kPhoneNumber), QList<PendingChange>{labelChange});
        QTRY_COMPARE(pendingModel->changes().size(), listed);
        QCOMPARE(label.data().toString(), u"Front desk"_s);
        redoKey(window);
        QVERIFY(pendingOf(profile, changes::EntityKind::kPhoneNumber).isEmpty());
        undoKey(window);
        QCOMPARE(pendingOf(profile, changes::EntityKind::kPhoneNumber), QList<PendingChange>{labelChange});

        // History…: every staged edit by name, the current one selected; choosing the first undoes the rest.
        QTest::keyClick(&window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        gui::HistoryDialog* history = window.historyDialog();
        QVERIFY(history);
        QVERIFY(QTest::qWaitForWindowExposed(history));
        QUndoView* view = history->view();
        QCOMPARE(view->model()->rowCount(), 5); // "As opened" and four entries
        QCOMPARE(view->model()->index(0, 0).data().toString(), u"As opened"_s);
        QCOMPARE(view->model()->index(1, 0).data().toString(), u"Edit +49 30 55500001"_s);
        QCOMPARE(view->model()->index(2, 0).data().toString(), u"Edit extension 101"_s);
        QCOMPARE(view->model()->index(3, 0).data().toString(), u"Edit the forwarding list of 101"_s);
        QCOMPARE(view->model()->index(4, 0).data().toString(), u"Discard 1 change"_s);
        QCOMPARE(view->currentIndex().row(), 3); // the discard is undone
        saveScreenshot(*history, u"history"_s);
        view->setCurrentIndex(view->model()->index(1, 0));
        QCOMPARE(pending(profile).size(), 1);
        QCOMPARE(pending(profile).first().id, labelChange.id);
        QTRY_COMPARE(jobTitle->text(), u"Sales"_s);
    }

    // Applied at the provider (the demo emulator), the change is no longer the admin's to take back: the
    // undo is refused with a message, the change stays applied and the entry leaves the history.
    void undoOfAnAppliedChangeIsRefused() {
        demo::DemoEmulator demo;
        gui::AppSession session(m_test->database(), m_secrets, demo);
        session.setOfferDemo([](QWidget*) { return true; });
        MainWindow& window = session.window();
        QVERIFY(showActive(window));
        QSignalSpy finished(&session.sync(), &gui::SyncController::finished);
        QVERIFY(session.offerDemoOnFirstStart());
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().at(0).toBool(),
                 qPrintable(finished.first().at(2).toStringList().join(u'\n')));

        const QList<store::Profile> profiles = store::ProfileRepository(m_test->database()).list();
        const auto restcomm = std::find_if(profiles.cbegin(), profiles.cend(), [](const store::Profile& p) {
            return p.provider == u"restcomm"_s;
        });
        QVERIFY(restcomm != profiles.cend());
        session.profileSwitcher().setCurrentIndex(session.profileSwitcher().findData(restcomm->id));
        auto* numbers = window.pageWidget(MainWindow::Page::Numbers)->findChild<QTableView*>(u"tableView"_s);
        QTRY_VERIFY(numbers->model()->rowCount() > 0);
        auto* model = qobject_cast<models::NumbersModel*>(numbers->model());
        QString error;
        QVERIFY2(model->setLabel(0, u"Night line"_s, &error), qPrintable(error));
        const qint64 changeId = pending(restcomm->id).first().id;

        window.showPage(MainWindow::Page::PendingChanges);
        QWidget* pendingPage = window.pageWidget(MainWindow::Page::PendingChanges);
        finished.clear();
        QTest::mouseClick(pendingPage->findChild<QPushButton*>(u"applyButton"_s), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        store::PendingChangeRepository repository(m_test->database());
        QCOMPARE(repository.find(changeId)->state, store::ChangeState::Applied);

        auto* undo = window.findChild<QAction*>(u"actionUndo"_s);
        QVERIFY(undo->isEnabled());
        undoKey(window);
        auto* refused = window.findChild<QMessageBox*>(u"undoRefusedMessage"_s);
        QVERIFY(refused);
        QVERIFY2(refused->text().contains(u"was applied meanwhile"_s), qPrintable(refused->text()));
        QVERIFY2(refused->text().startsWith(u"Cannot undo “Edit "_s), qPrintable(refused->text()));
        QCOMPARE(window.statusBar()->currentMessage(), refused->text());
        QCOMPARE(repository.find(changeId)->state, store::ChangeState::Applied);
        QVERIFY(!undo->isEnabled());
        QVERIFY(!window.findChild<QAction*>(u"actionRedo"_s)->isEnabled());
        refused->close();
    }

private:
    static void undoKey(MainWindow& window) { ConsoleSteps::undoKey(window); }
    static void redoKey(MainWindow& window) { ConsoleSteps::redoKey(window); }

    QList<PendingChange> pending(qint64 profile) const {
        return store::PendingChangeRepository(m_test->database()).list(profile);
    }
    QList<PendingChange> pendingOf(qint64 profile, const QString& entity) const {
        QList<PendingChange> of;
        for (const PendingChange& change : pending(profile)) {
            if (change.entity == entity)
                of << change;
        }
        return of;
    }
    secrets::MemorySecretStore m_secrets;
};

QTEST_MAIN(tst_UndoHistory)
#include "tst_UndoHistory.moc"
