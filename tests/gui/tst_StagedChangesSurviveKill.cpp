// Staged changes survive killing the console: the staging driver (the real AppSession over a SQLite file
// and the demo emulator) stages a number's label and an extension's call setting with keyboard and mouse
// events and is then killed with SIGKILL; the same file, opened again, holds every change with its
// payload and base values, and the Pending changes page of a fresh console lists them.

#include "FreshGuiTestCase.h"
#include "demo/DemoEmulator.h"
#include "gui/AppSession.h"
#include "gui/MainWindow.h"
#include "gui/pending/PendingChangesPage.h"
#include "models/PendingChangesModel.h"
#include "secrets/MemorySecretStore.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using Model = models::PendingChangesModel;

class tst_StagedChangesSurviveKill : public FreshGuiTestCase {
    Q_OBJECT

private slots:
    void stagedChangesSurviveSigkill() {
        m_test->close(); // the driver's console has the file to itself, as a user's would
        QProcess driver;
        driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        driver.start(QStringLiteral(STAGING_DRIVER), {m_test->location()});
        QVERIFY2(driver.waitForStarted(), qPrintable(driver.errorString()));
        QByteArray line;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         while (line.isEmpty() && driver.canReadLine()) {
                             const QByteArray read = driver.readLine().trimmed();
                             if (read.startsWith("STAGED ") || read.startsWith("FAILED "))
                                 line = read;
                         }
                         return !line.isEmpty() || driver.state() == QProcess::NotRunning;
                     },
                     240000),
                 "the driver said nothing in four minutes");
        QVERIFY2(line.startsWith("STAGED "), line.isEmpty() ? "the driver ended" : line.constData());
        const QJsonArray staged = QJsonDocument::fromJson(line.mid(7)).array();

        // SIGKILL: no destructor, no event loop, no close of the database runs.
        driver.kill();
        QVERIFY(driver.waitForFinished(10000));
        QCOMPARE(driver.exitStatus(), QProcess::CrashExit);

        // The label and the settings document, each with the values it was made on.
        QVERIFY2(m_test->open(), qPrintable(m_test->error()));
        QCOMPARE(staged.size(), 2);
        store::PendingChangeRepository repository(m_test->database());
        QList<store::PendingChange> changes;
        for (const QJsonValue& value : staged) {
            const QJsonObject expected = value.toObject();
            const std::optional<store::PendingChange> change = repository.find(expected[u"id"_s].toInteger());
            QVERIFY2(change, qPrintable(expected[u"entity"_s].toString()));
            QCOMPARE(change->state, store::ChangeState::Pending);
            QCOMPARE(change->entity, expected[u"entity"_s].toString());
            QCOMPARE(change->entityKey, expected[u"entityKey"_s].toString());
            QCOMPARE(change->payload, expected[u"payload"_s].toObject());
            QCOMPARE(change->baseValues, expected[u"baseValues"_s].toObject());
            QCOMPARE(change->baseVersion, expected[u"baseVersion"_s].toString());
            QCOMPARE(change->revision, expected[u"revision"_s].toInteger());
            changes << *change;
        }
        // In the order they were staged (and will be applied): the label first.
        std::ranges::sort(changes, {}, &store::PendingChange::id);
        const store::PendingChange& label = changes.at(0);
        QCOMPARE(label.entity, u"phone_number"_s);
        QCOMPARE(label.payload, (QJsonObject{{u"label"_s, u"Empfang Süd"_s}}));
        // Nothing was applied: the stored number still has the label the change was made on.
        const std::optional<core::PhoneNumberRecord> number =
            store::PhoneNumberRepository(m_test->database()).find(label.profileId, label.entityKey);
        QVERIFY(number);
        QCOMPARE(label.baseValues, (QJsonObject{{u"label"_s, number->label}}));
        const store::PendingChange& settings = changes.at(1);
        QCOMPARE(settings.entity, u"extension_settings"_s);
        QVERIFY2(settings.entityKey.endsWith(u"/notifications"_s), qPrintable(settings.entityKey));
        QVERIFY(!settings.baseValues.isEmpty());

        // A fresh console says that changes wait, and its Pending changes page lists both.
        secrets::MemorySecretStore secrets;
        demo::DemoEmulator demo;
        gui::AppSession session(m_test->database(), secrets, demo);
        QVERIFY(showExposed(session.window()));
        QTRY_VERIFY(session.window().statusBar()->findChild<QPushButton*>(u"reviewChangesButton"_s));
        session.window().showPage(gui::MainWindow::Page::PendingChanges);
        auto* page = qobject_cast<gui::PendingChangesPage*>(
            session.window().pageWidget(gui::MainWindow::Page::PendingChanges));
        QVERIFY(page);
        QCOMPARE(page->model()->changes(), changes);
        const QModelIndex labelRow = page->model()->indexOfChange(label.id);
        QVERIFY(labelRow.isValid());
        QCOMPARE(labelRow.data().toString(), u"Edit: Label"_s);
        const QModelIndex labelField = page->model()->index(0, 0, labelRow);
        QCOMPARE(labelField.data().toString(), u"Label"_s);
        QCOMPARE(labelField.siblingAtColumn(Model::AfterColumn).data().toString(), u"Empfang Süd"_s);
        const QModelIndex settingsRow = page->model()->indexOfChange(settings.id);
        QVERIFY(settingsRow.isValid());
        QCOMPARE(settingsRow.data().toString(), u"Notifications: Missed calls by SMS"_s);
        QCOMPARE(settingsRow.siblingAtColumn(Model::StateColumn).data().toString(), u"Waiting"_s);
    }
};

QTEST_MAIN(tst_StagedChangesSurviveKill)
#include "tst_StagedChangesSurviveKill.moc"
