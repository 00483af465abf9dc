// The review before apply from end to end, in the running console (AppSession over a real SQLite file and
// the in-process demo emulator over 127.0.0.1): edits staged with keyboard and mouse on three pages (a
// number's label on the Numbers page, a call setting and the forwarding list in the extension editor),
// read as before → after on the Pending changes page, the last one undone (Ctrl+Z) and redone
// (Ctrl+Shift+Z), all applied with Ctrl+Return; then each change is found in the Audit log page with its
// time, profile, record, before and after and the provider's answer, and a fresh store pulled from the
// emulator holds the new values.

#include "ConsoleSteps.h"
#include "FreshGuiTestCase.h"
#include "PendingTreeLines.h"
#include "SyncToTheEnd.h"
#include "changes/SettingsPayloads.h"
#include "connection/ConnectionFactory.h"
#include "demo/DemoEmulator.h"
#include "gui/pending/PendingChangesPage.h"
#include "models/AuditLogModel.h"
#include "secrets/MemorySecretStore.h"
#include "store/AuditLogRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"

#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using gui::MainWindow;
using Audit = models::AuditLogModel;

class tst_ReviewBeforeApply : public FreshGuiTestCase {
    Q_OBJECT

private slots:
    void stagedOnThreePagesReviewedUndoneAppliedAndAudited() {
        // RingCentral's rate limits off: a change waiting for a rate-limit window is not what is tested.
        emulator::EmulatorOptions options;
        options.rateLimits = false;
        demo::DemoEmulator demo(options);
        gui::AppSession session(m_test->database(), m_secrets, demo);
        MainWindow& window = session.window();
        ConsoleSteps steps(session);
        QString why;
        QVERIFY2(steps.openDemoAccount(&why), qPrintable(why));
        const qint64 restcomm = ConsoleSteps::profileOf(m_test->database(), u"restcomm"_s);
        const qint64 ringCentral = ConsoleSteps::profileOf(m_test->database(), u"ringcentral"_s);

        // 1. The Numbers page: a label typed into its cell.
        QString number;
        QString oldLabel;
        QVERIFY2(steps.editNumberLabel(restcomm, 0, u"Empfang Süd"_s, &number, &oldLabel, &why),
                 qPrintable(why));
        // 2. The extension editor's Call settings tab: "Missed calls by SMS" clicked, Ctrl+S.
        const std::optional<core::Extension> extension =
            steps.extensionWithForwardingList(m_test->database(), ringCentral);
        QVERIFY2(extension, "no RingCentral extension with two forwarding numbers");
        gui::ExtensionsPage* extensions =
            steps.openExtension(m_test->database(), ringCentral, extension->id, &why);
        QVERIFY2(extensions, qPrintable(why));
        const bool smsBefore = missedCallsBySms(m_test->database(), ringCentral, extension->id);
        QVERIFY2(steps.toggleMissedCallsBySms(*extensions, &why), qPrintable(why));
        // 3. Its Forwarding & flip tab: the first number moved down (Alt+Down), Ctrl+S.
        const QList<core::ForwardingNumber> listBefore =
            store::ForwardingNumberRepository(m_test->database()).list(ringCentral, extension->id);
        QString moved;
        QVERIFY2(steps.moveFirstForwardingNumberDown(*extensions, &moved, &why), qPrintable(why));

        // The review: each edit under its record, by the forms' labels, before → after.
        window.showPage(MainWindow::Page::PendingChanges);
        auto* page =
            qobject_cast<gui::PendingChangesPage*>(window.pageWidget(MainWindow::Page::PendingChanges));
        QTRY_VERIFY(!page->model()->changes().isEmpty());
        const QStringList staged = pendingTreeLines(*page->model());
        const QString yes = smsBefore ? u"no"_s : u"yes"_s;
        const QString no = smsBefore ? u"yes"_s : u"no"_s;
        for (const QString& line :
             {u"    Edit: Label | requests 2 | Waiting"_s,
              u"      Label: %1 → Empfang Süd"_s.arg(oldLabel.isEmpty() ? u"(empty)"_s : oldLabel),
              u"    Notifications: Missed calls by SMS | requests 3 | Waiting"_s,
              u"      Missed calls by SMS: %1 → %2"_s.arg(no, yes)})
            QVERIFY2(staged.contains(line), qPrintable(line + u"\nnot in\n"_s + staged.join(u'\n')));
        const QStringList forwarding = staged.filter(u"    Forwarding & flip list: "_s);
        QVERIFY2(!forwarding.isEmpty(), qPrintable(staged.join(u'\n')));
        QVERIFY2(forwarding.filter(u"+"_s).size() == forwarding.size(), qPrintable(forwarding.join(u'\n')));

        // Undo the last edit (the forwarding list) and redo it: the review follows.
        const int changeCount = int(page->model()->changes().size());
        ConsoleSteps::undoKey(window);
        QTRY_VERIFY(pendingTreeLines(*page->model()).filter(u"Forwarding & flip list"_s).isEmpty());
        QVERIFY(pendingTreeLines(*page->model()).contains(u"    Edit: Label | requests 2 | Waiting"_s));
        QCOMPARE(page->model()->changes().size() + forwarding.size(), changeCount);
        ConsoleSteps::redoKey(window);
        QTRY_COMPARE(pendingTreeLines(*page->model()), staged);

        // Apply all: Ctrl+Return on the page.
        const QList<store::PendingChange> toApply = page->model()->changes();
        QSignalSpy finished(&session.sync(), &gui::SyncController::finished);
        auto* tree = page->findChild<QTreeView*>(u"treeView"_s);
        auto* apply = page->findChild<QPushButton*>(u"applyButton"_s);
        // Apply waits while a sync runs (here the fetch of the extensions' details).
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 60000);
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(page->findChild<QProgressBar*>(u"applyProgressBar"_s)->isVisible());
        QVERIFY(finished.wait(120000));
        auto* results = page->findChild<QTreeWidget*>(u"resultsView"_s);
        QCOMPARE(results->topLevelItemCount(), toApply.size());
        for (int row = 0; row < results->topLevelItemCount(); ++row)
            QVERIFY2(results->topLevelItem(row)->text(0) == u"Applied"_s,
                     qPrintable(results->topLevelItem(row)->text(1) + u": "_s +
                                results->topLevelItem(row)->text(2)));
        QVERIFY(page->model()->changes().isEmpty());

        // Every change in the Audit log page (all profiles): time, profile, record, before, after and the
        // provider's answer.
        session.profileSwitcher().setCurrentIndex(0); // All profiles
        window.showPage(MainWindow::Page::AuditLog);
        auto* audit = window.pageWidget(MainWindow::Page::AuditLog)->findChild<QTableView*>(u"tableView"_s);
        for (const store::PendingChange& change : toApply) {
            const QString record =
                u"%1 %2"_s.arg(models::PendingChangesModel::entityText(change.entity), change.entityKey);
            int row = -1;
            QTRY_VERIFY2((row = auditRow(*audit->model(), record)) >= 0, qPrintable(record));
            const auto cell = [&](int column) {
                return audit->model()->index(row, column).data().toString();
            };
            QVERIFY(!cell(Audit::TimeColumn).isEmpty());
            QCOMPARE(cell(Audit::ProfileColumn), profileName(change.profileId));
            QVERIFY2(!cell(Audit::SummaryColumn).isEmpty(), qPrintable(record));
            QVERIFY2(!cell(Audit::AfterColumn).isEmpty(), qPrintable(record));
            if (change.entity == u"phone_number"_s) {
                QVERIFY2(cell(Audit::BeforeColumn)
                             .startsWith(
                                 u"label: %1"_s.arg(oldLabel.isEmpty() ? u"(empty)"_s : oldLabel.left(20))),
                         qPrintable(cell(Audit::BeforeColumn)));
                QVERIFY2(cell(Audit::AfterColumn).contains(u"label: Empfang Süd"_s),
                         qPrintable(cell(Audit::AfterColumn)));
            } else {
                QVERIFY2(!cell(Audit::BeforeColumn).isEmpty(), qPrintable(record));
            }
            // The page cuts a nested settings document to one short line; the entry holds it whole.
            if (change.entity == u"extension_settings"_s) {
                store::AuditFilter filter;
                filter.entity = change.entity;
                filter.recordKey = change.entityKey;
                const QList<store::AuditEntry> entries =
                    store::AuditLogRepository(m_test->database()).list(filter, 1);
                QCOMPARE(entries.size(), 1);
                const QJsonObject after = entries.first().after.value(u"settings"_s).toObject();
                QCOMPARE(changes::SettingsPayloads::valueAt(after, u"missedCalls.notifyBySms"_s),
                         QJsonValue(!smsBefore));
            }
        }

        // The emulator holds the new values: a fresh store pulled from it (no change of its own).
        auto fresh = std::make_unique<TestDatabase>(u"sqlite"_s);
        QVERIFY2(fresh->open(), qPrintable(fresh->error()));
        QCOMPARE(addDemoProfiles(*fresh), 3);
        secrets::MemorySecretStore freshSecrets;
        QNetworkAccessManager network;
        connection::ConnectionFactory connections(freshSecrets, network, demo);
        gui::SyncController pull(fresh->database(), connections);
        const QString failed = syncAllToTheEnd(pull, 120000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const qint64 freshRestcomm = ConsoleSteps::profileOf(fresh->database(), u"restcomm"_s);
        const qint64 freshRingCentral = ConsoleSteps::profileOf(fresh->database(), u"ringcentral"_s);
        QCOMPARE(store::PhoneNumberRepository(fresh->database()).find(freshRestcomm, number)->label,
                 u"Empfang Süd"_s);
        pull.requestExtensionDetails(freshRingCentral, extension->id);
        store::ForwardingNumberRepository freshForwarding(fresh->database());
        QTRY_VERIFY_WITH_TIMEOUT(store::ExtensionSettingsRepository(fresh->database())
                                         .syncedAt(freshRingCentral, extension->id,
                                                   store::ExtensionSettingsRepository::kNotifications) &&
                                     freshForwarding.state(freshRingCentral, extension->id),
                                 30000);
        QCOMPARE(missedCallsBySms(fresh->database(), freshRingCentral, extension->id), !smsBefore);
        const QList<core::ForwardingNumber> listAfter = freshForwarding.list(freshRingCentral, extension->id);
        QCOMPARE(listAfter.size(), listBefore.size());
        // Moved down: the first two numbers of the list swapped their places (their flip digits).
        QVERIFY(listBefore.at(0).flipNumber != listBefore.at(1).flipNumber);
        QHash<QString, int> flips;
        for (const core::ForwardingNumber& entry : listAfter)
            flips.insert(entry.phoneNumber, entry.flipNumber);
        QCOMPARE(flips.value(listBefore.at(0).phoneNumber), listBefore.at(1).flipNumber);
        QCOMPARE(flips.value(listBefore.at(1).phoneNumber), listBefore.at(0).flipNumber);
    }

private:
    static bool missedCallsBySms(store::Database& database, qint64 profile, const QString& extensionId) {
        const std::optional<QJsonObject> notifications = store::ExtensionSettingsRepository(database).get(
            profile, extensionId, store::ExtensionSettingsRepository::kNotifications);
        return notifications &&
               changes::SettingsPayloads::valueAt(*notifications, u"missedCalls.notifyBySms"_s).toBool();
    }
    // The newest audit entry of `record` ("Phone number PN123") that applied a change, -1 if none.
    static int auditRow(const QAbstractItemModel& model, const QString& record) {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, Audit::RecordColumn).data().toString() == record &&
                model.index(row, Audit::ActionColumn).data().toString() != u"pull"_s)
                return row;
        }
        return -1;
    }
    QString profileName(qint64 id) const {
        return store::ProfileRepository(m_test->database()).find(id)->name;
    }

    secrets::MemorySecretStore m_secrets;
};

QTEST_MAIN(tst_ReviewBeforeApply)
#include "tst_ReviewBeforeApply.moc"
