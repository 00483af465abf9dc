#include "FreshGuiTestCase.h"
#include "connection/ConnectionFactory.h"
#include "demo/DemoEmulator.h"
#include "gui/syncstatus/SyncController.h"
#include "gui/syncstatus/SyncStatusWidget.h"
#include "secrets/MemorySecretStore.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace trunkline;

// The window's sync: every profile of a first start (the demo account) synced into a real SQLite file
// from the in-process emulator, with the status bar corner following along.
class tst_SyncController : public FreshGuiTestCase {
    Q_OBJECT

public:
    // Each case starts from a first start: a fresh SQLite file with the demo account's profiles.
    tst_SyncController()
        : FreshGuiTestCase(Start::Demo) {}

private slots:
    void firstStartSyncsTheDemoAccount() {
        secrets::MemorySecretStore secrets;
        QNetworkAccessManager network;
        demo::DemoEmulator demo;
        connection::ConnectionFactory factory(secrets, network, demo);
        gui::SyncController controller(m_test->database(), factory);
        gui::SyncStatusWidget status(controller);
        auto* label = status.findChild<QLabel*>(QStringLiteral("syncStatusLabel"));
        auto* bar = status.findChild<QProgressBar*>(QStringLiteral("syncProgressBar"));
        QVERIFY(label && bar);
        QCOMPARE(label->text(), QStringLiteral("Not synced yet"));

        QSignalSpy finished(&controller, &gui::SyncController::finished);
        QSignalSpy storeChanged(&controller, &gui::SyncController::storeChanged);
        QSignalSpy progress(&controller, &gui::SyncController::progress);
        controller.syncAll();
        QVERIFY(controller.isRunning());
        QVERIFY(!bar->isHidden());
        QVERIFY(finished.wait(60000));
        const QStringList errors = finished.first().at(2).toStringList();
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(storeChanged.size() >= 3); // once per profile, and while pages of rows arrive
        QVERIFY(!progress.isEmpty());
        QVERIFY(progress.first().at(0).toString().startsWith(QLatin1String("Demo ")));
        QVERIFY2(label->text().startsWith(QLatin1String("Synced at")), qPrintable(label->text()));
        QVERIFY(bar->isHidden());
        // The outcome is remembered: a new window tells how fresh the local copy is.
        gui::SyncStatusWidget later(controller);
        QVERIFY2(later.findChild<QLabel*>(QStringLiteral("syncStatusLabel"))
                     ->text()
                     .startsWith(QLatin1String("Last synced ")),
                 qPrintable(later.findChild<QLabel*>(QStringLiteral("syncStatusLabel"))->text()));

        // The demo account's numbers are now in the local store, for every provider that has numbers.
        store::PhoneNumberRepository numbers(m_test->database());
        QString error;
        for (const store::Profile& profile : store::ProfileRepository(m_test->database()).list()) {
            if (profile.provider == QLatin1String("telnyx"))
                continue; // Telnyx contributes porting orders, not numbers
            QVERIFY2(numbers.count(profile.id, {}, &error) > 0, qPrintable(profile.name + error));
        }
    }

    void cancelStopsAndSaysSo() {
        secrets::MemorySecretStore secrets;
        QNetworkAccessManager network;
        emulator::EmulatorOptions big;
        big.numbers = 20000; // big enough that the sync is still running when cancelled
        big.rateLimits = false;
        demo::DemoEmulator demo(big);
        connection::ConnectionFactory factory(secrets, network, demo);
        gui::SyncController controller(m_test->database(), factory);
        gui::SyncStatusWidget status(controller);
        QSignalSpy finished(&controller, &gui::SyncController::finished);
        QSignalSpy progress(&controller, &gui::SyncController::progress);
        controller.syncAll();
        QVERIFY(progress.wait(30000));
        auto* cancel = status.findChild<QToolButton*>(QStringLiteral("syncCancelButton"));
        QVERIFY(cancel && !cancel->isHidden());
        QTest::mouseClick(cancel, Qt::LeftButton);
        // The cancel may end the sync while the click is delivered (no request left to wait for).
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(finished.first().at(1).toString().startsWith(QLatin1String("Sync cancelled")),
                 qPrintable(finished.first().at(1).toString()));
        QVERIFY(!controller.isRunning());
    }

    // After a sync, RingCentral's extension details follow in the background and the status bar says how
    // far they are; the next start (a new controller on the same store) does not fetch them again.
    void detailQueueShowsHowFarItIsAndResumesAcrossRestarts() {
        secrets::MemorySecretStore secrets;
        QNetworkAccessManager network;
        emulator::EmulatorOptions unlimited; // 8 requests per extension would take minutes within the limits
        unlimited.rateLimits = false;
        demo::DemoEmulator demo(unlimited);
        connection::ConnectionFactory factory(secrets, network, demo);
        {
            gui::SyncController controller(m_test->database(), factory);
            gui::SyncStatusWidget status(controller);
            auto* details = status.findChild<QLabel*>(QStringLiteral("syncDetailsLabel"));
            QVERIFY(details);
            QSignalSpy progress(&controller, &gui::SyncController::detailsProgress);
            QSignalSpy finished(&controller, &gui::SyncController::finished);
            controller.syncAll();
            QVERIFY(finished.wait(60000));
            QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(1) == progress.last().at(2),
                                     60000);
            const qint64 total = progress.last().at(2).toLongLong();
            QVERIFY(total > 0);
            QCOMPARE(progress.first().at(0).toString(), QStringLiteral("Demo office (RingCentral)"));
            QVERIFY(details->isHidden()); // caught up
        }
        gui::SyncController restarted(m_test->database(), factory);
        QSignalSpy progress(&restarted, &gui::SyncController::detailsProgress);
        QSignalSpy finished(&restarted, &gui::SyncController::finished);
        restarted.syncAll();
        QVERIFY(finished.wait(60000));
        QTest::qWait(1500); // time for a queue to start fetching, if it had anything to fetch
        QVERIFY2(progress.isEmpty(), "details fetched minutes ago were fetched again after a restart");
    }
};

QTEST_MAIN(tst_SyncController)
#include "tst_SyncController.moc"
