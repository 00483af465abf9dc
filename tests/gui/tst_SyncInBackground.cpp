// The console while a sync runs on its own thread (the whole AppSession over a real SQLite file and the
// in-process demo emulator on 127.0.0.1, its answers slowed down so that the sync outlasts the typing):
// the Numbers page shows the first rows before the sync ends, filters and takes an edit in a cell while
// rows keep arriving, and the edit reaches the provider; Cancel ends a sync soon and leaves a store that
// the next sync completes.

#include "FreshGuiTestCase.h"
#include "SyncToTheEnd.h"
#include "demo/DemoEmulator.h"
#include "gui/AppSession.h"
#include "gui/MainWindow.h"
#include "gui/syncstatus/SyncController.h"
#include "models/NumbersModel.h"
#include "secrets/MemorySecretStore.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using gui::MainWindow;

class tst_SyncInBackground : public FreshGuiTestCase {
    Q_OBJECT

public:
    tst_SyncInBackground()
        : FreshGuiTestCase(Start::Demo) {}

private slots:
    void filterAndEditWhileRowsArrive() {
        // Restcomm alone, answering slowly: its number labels can be edited (RingCentral keeps them
        // read-only), and its pages keep arriving for several seconds while the test types.
        store::ProfileRepository profiles(m_test->database());
        for (const store::Profile& profile : profiles.list())
            if (profile.provider != u"restcomm"_s)
                QVERIFY(profiles.remove(profile.id));
        emulator::EmulatorOptions options = slowAccount();
        options.numbers = 20000;
        options.faults.latencyMinMs = 900;
        options.faults.latencyMaxMs = 1100;
        demo::DemoEmulator demo(options);
        gui::AppSession session(m_test->database(), m_secrets, demo);
        MainWindow& window = session.window();
        window.resize(1280, 800);
        QVERIFY(showActive(window));
        window.showPage(MainWindow::Page::Numbers);
        auto* table = window.pageWidget(MainWindow::Page::Numbers)->findChild<QTableView*>(u"tableView"_s);
        auto* digits = window.pageWidget(MainWindow::Page::Numbers)->findChild<QLineEdit*>(u"digitsEdit"_s);
        QVERIFY(table && digits);
        QCOMPARE(table->model()->rowCount(), 0);

        gui::SyncController& sync = session.sync();
        QSignalSpy finished(&sync, &gui::SyncController::finished);
        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(sync.isRunning());

        // The first rows show while the sync still runs: the pull's pages reach the table as they land.
        QTRY_VERIFY_WITH_TIMEOUT(restcommRow(*table) >= 0, 30000);
        QVERIFY2(sync.isRunning(), "the sync ended before the test could work alongside it");
        const store::NumberRow key = numbersModel(*table).rowAt(restcommRow(*table));

        // Filtering: the typing reaches the filter bar and the table follows, with the sync going on.
        const QString lastDigits = QString(key.record.e164).right(5);
        digits->setFocus();
        QTest::keyClicks(digits, lastDigits);
        QTRY_VERIFY_WITH_TIMEOUT(rowsAllContain(*table, lastDigits), 5000);
        QTRY_VERIFY(numbersModel(*table).rowOf(key.profileId, key.record.id) >= 0);
        QVERIFY2(sync.isRunning(), "the sync ended before the filter was checked");

        // Editing a label in its cell while rows keep arriving: the periodic refresh waits for the
        // editor, so nothing typed is lost even when a refresh falls due in between.
        const QModelIndex label = table->model()->index(
            numbersModel(*table).rowOf(key.profileId, key.record.id), models::NumbersModel::LabelColumn);
        table->setFocus();
        table->setCurrentIndex(label);
        table->edit(label);
        auto* cellEditor = table->viewport()->findChild<QLineEdit*>();
        QVERIFY(cellEditor);
        cellEditor->selectAll();
        QTest::keyClicks(cellEditor, u"Front "_s);
        QTest::qWait(1500); // longer than the refresh pause: rows arrived and a refresh came due
        QVERIFY(cellEditor->isVisible());
        QTest::keyClicks(cellEditor, u"desk"_s);
        QTest::keyClick(cellEditor, Qt::Key_Return);
        QTRY_VERIFY(!pendingLabel(key.profileId, key.record.id).isEmpty());
        QCOMPARE(pendingLabel(key.profileId, key.record.id), u"Front desk"_s);

        QVERIFY(finished.wait(120000));
        // The edit is applied (in this sync if it was staged before the push began, else in the next):
        // the provider's copy, pulled back, carries it.
        if (!appliedLabel(key.profileId, key.record.id)) {
            finished.clear();
            QTest::keyClick(&window, Qt::Key_F5);
            QVERIFY(finished.wait(120000));
        }
        QVERIFY(appliedLabel(key.profileId, key.record.id));
        QCOMPARE(store::PhoneNumberRepository(m_test->database()).find(key.profileId, key.record.id)->label,
                 u"Front desk"_s);
    }

    void cancelEndsSoonAndTheNextSyncCompletes() {
        demo::DemoEmulator demo(slowAccount());
        gui::AppSession session(m_test->database(), m_secrets, demo);
        MainWindow& window = session.window();
        QVERIFY(showExposed(window));
        gui::SyncController& sync = session.sync();
        QSignalSpy finished(&sync, &gui::SyncController::finished);
        sync.syncAll();
        QTRY_VERIFY_WITH_TIMEOUT(numberCount() > 0, 60000); // in the middle of RingCentral's numbers
        auto* cancel = window.findChild<QAction*>(u"actionCancelSync"_s);
        QVERIFY(cancel && cancel->isEnabled());
        QElapsedTimer clock;
        clock.start();
        cancel->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
        qInfo("cancel took %lld ms", clock.elapsed());
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(finished.first().at(1).toString().startsWith(u"Sync cancelled"_s),
                 qPrintable(finished.first().at(1).toString()));

        // What was stored is whole: SQLite finds nothing wrong, and the next sync finishes the job.
        QSqlQuery check(m_test->database().connection());
        QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
        QCOMPARE(check.value(0).toString(), u"ok"_s);
        check.finish(); // a statement left active would pin this connection's view of the store (WAL)
        const QString failed = syncAllToTheEnd(sync, 120000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QCOMPARE(numberCount(), kNumbers);
    }

private:
    static constexpr int kNumbers = 6000;

    // Enough numbers for several pages and answers that take a while, so that the sync is still
    // running while the test types.
    static emulator::EmulatorOptions slowAccount() {
        emulator::EmulatorOptions options;
        options.numbers = kNumbers;
        options.rateLimits = false;
        options.faults.latencyMinMs = 150;
        options.faults.latencyMaxMs = 250;
        return options;
    }

    static models::NumbersModel& numbersModel(const QTableView& table) {
        return *qobject_cast<models::NumbersModel*>(table.model());
    }

    static int restcommRow(const QTableView& table) {
        const models::NumbersModel& model = numbersModel(table);
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.rowAt(row).record.provider == u"restcomm"_s)
                return row;
        return -1;
    }

    static bool rowsAllContain(const QTableView& table, const QString& digits) {
        const QAbstractItemModel* model = table.model();
        for (int row = 0; row < model->rowCount(); ++row) {
            QString number = model->index(row, models::NumbersModel::NumberColumn).data().toString();
            if (!number.remove(QRegularExpression(u"\\D"_s)).contains(digits))
                return false;
        }
        return true;
    }

    // The stored numbers of the provider's demo profile (RingCentral's demo account has kNumbers).
    int numberCount(const QString& provider = u"ringcentral"_s) const {
        QSqlQuery query(m_test->database().connection());
        query.prepare(u"SELECT COUNT(*) FROM phone_numbers p JOIN profiles f ON f.id = p.profile_id "
                      u"WHERE f.provider = ?"_s);
        query.addBindValue(provider);
        if (!query.exec() || !query.next())
            return -1;
        return query.value(0).toInt();
    }

    QString pendingLabel(qint64 profileId, const QString& numberId) const {
        for (const store::PendingChange& change :
             store::PendingChangeRepository(m_test->database()).list(profileId))
            if (change.entityKey == numberId && change.payload.contains(u"label"_s))
                return change.payload.value(u"label"_s).toString();
        return {};
    }

    bool appliedLabel(qint64 profileId, const QString& numberId) const {
        for (const store::PendingChange& change :
             store::PendingChangeRepository(m_test->database()).list(profileId))
            if (change.entityKey == numberId && change.state == store::ChangeState::Applied)
                return true;
        return false;
    }

    secrets::MemorySecretStore m_secrets;
};

QTEST_MAIN(tst_SyncInBackground)
#include "tst_SyncInBackground.moc"
