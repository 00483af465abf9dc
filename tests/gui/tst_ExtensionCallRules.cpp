// The extension editor's call handling beyond business hours, over a real SQLite file synced from the
// in-process demo emulator (real HTTP on 127.0.0.1): the after-hours rule's action is chosen from its list
// ("Go to application" with the application picked from the account's IVR menus, call queues and
// application extensions), saved as a pending change and read on the Pending changes page; custom rules and
// greetings are listed read-only with the reason.
#include "DemoConnections.h"
#include "GuiTestCase.h"
#include "PendingTreeLines.h"
#include "SyncToTheEnd.h"
#include "changes/ChangeStager.h"
#include "connection/ConnectionFactory.h"
#include "demo/DemoEmulator.h"
#include "gui/extensions/ExtensionCallSettingsWidget.h"
#include "gui/extensions/ExtensionEditor.h"
#include "gui/pending/PendingChangesPage.h"
#include "gui/syncstatus/SyncController.h"
#include "models/PendingChangesModel.h"
#include "secrets/MemorySecretStore.h"
#include "store/ExtensionRepository.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/PendingChangeRepository.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using store::ExtensionSettingsRepository;

class tst_ExtensionCallRules : public QObject {
    Q_OBJECT

private slots:
    // One synced demo account for all cases (a sync and the details of every extension take seconds).
    void initTestCase() {
        QVERIFY2(startDemoGuiTestCase(m_test), qPrintable(m_test->error()));
        const auto ringCentral = demoProfile(*m_test, u"ringcentral"_s);
        QVERIFY(ringCentral);
        m_ringCentral = ringCentral->id;
        m_sync = std::make_unique<gui::SyncController>(m_test->database(), m_connections.factory);
        const QString failed = syncAllToTheEnd(*m_sync, 120000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        // The rules come with the extensions' details, fetched in the background after the pull.
        QTRY_VERIFY_WITH_TIMEOUT(!userWith([](const QJsonObject&, const QJsonObject& custom) {
                                      return !custom.value(u"records"_s).toArray().isEmpty();
                                  }).isEmpty(),
                                 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!userWith([](const QJsonObject& afterHours, const QJsonObject&) {
                                      return afterHours.value(u"callHandlingAction"_s) ==
                                             u"TakeMessagesOnly"_s;
                                  }).isEmpty(),
                                 60000);
    }
    void cleanup() { QVERIFY(changes::ChangeStager::of(m_test->database()).discardAll(m_ringCentral).ok()); }
    void cleanupTestCase() {
        m_sync.reset();
        m_test.reset();
    }

    void goToApplicationAfterHoursIsStagedAndReviewed() {
        const QString id = userWith([](const QJsonObject& afterHours, const QJsonObject&) {
            return afterHours.value(u"callHandlingAction"_s) == u"TakeMessagesOnly"_s;
        });
        gui::ExtensionEditor editor(m_test->database());
        editor.resize(900, 900);
        QVERIFY(editor.setExtension(m_ringCentral, id));
        QVERIFY(showExposed(editor));
        auto* tabs = editor.findChild<QTabWidget*>(u"tabs"_s);
        tabs->setCurrentWidget(editor.findChild<QWidget*>(u"callSettingsTab"_s));
        auto* action = editor.findChild<QComboBox*>(u"afterHoursActionCombo"_s);
        auto* application = editor.findChild<QComboBox*>(u"afterHoursApplicationCombo"_s);
        QVERIFY(action && application);
        QVERIFY(action->isEnabled());
        QCOMPARE(action->currentData().toString(), u"TakeMessagesOnly"_s);
        QVERIFY(!application->isVisibleTo(&editor));

        // Chosen with the keyboard from the list, as an admin would.
        chooseWithKeys(action, [](const QVariant& data) { return data == u"TransferToExtension"_s; });
        QCOMPARE(action->currentData().toString(), u"TransferToExtension"_s);
        QVERIFY(application->isVisibleTo(&editor));
        // Until an application is chosen, saving is refused with the reason beside the list.
        auto* applicationError = editor.findChild<QLabel*>(u"afterHoursApplicationError"_s);
        QVERIFY(applicationError->isVisibleTo(&editor));
        QString error;
        QVERIFY(!editor.save(&error));
        QVERIFY2(error.contains(u"Application: choose"_s), qPrintable(error));
        // The list offers the account's applications (IVR menus, call queues, ...), never the extension
        // itself nor a person.
        QVERIFY(application->count() > 1);
        QCOMPARE(application->findData(id), -1);
        store::ExtensionRepository extensions(m_test->database());
        for (int i = 1; i < application->count(); ++i) {
            const auto target = extensions.find(m_ringCentral, application->itemData(i).toString());
            QVERIFY(target && target->type != core::ExtensionType::User);
        }
        chooseWithKeys(application, [](const QVariant& data) { return !data.toString().isEmpty(); });
        const QString chosen = application->currentData().toString();
        QVERIFY(!chosen.isEmpty());
        QVERIFY(!applicationError->isVisibleTo(&editor));

        QTest::mouseClick(editor.findChild<QPushButton*>(u"saveButton"_s), Qt::LeftButton);
        const QList<store::PendingChange> staged =
            store::PendingChangeRepository(m_test->database()).list(m_ringCentral);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.first().entityKey, id + u"/afterHours"_s);

        // The Pending changes page reads it by the form's words.
        gui::PendingChangesPage page(m_test->database());
        QVERIFY(showExposed(page, {1200, 720}));
        const QStringList lines = pendingTreeLines(*page.model());
        const QString target = extensions.find(m_ringCentral, chosen)->name;
        QVERIFY2(
            lines.contains(u"    Call handling after hours: When a call comes in, Transfer to | requests 3 | "
                           u"Waiting"_s),
            qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.contains(
                     u"      When a call comes in: Voicemail only (take messages) → Transfer to another "
                     u"extension (IVR menu, application)"_s),
                 qPrintable(lines.join(u'\n')));
        bool targetShown = false;
        for (const QString& line : lines)
            targetShown |= line.startsWith(u"      Transfer to: "_s) && line.contains(target);
        QVERIFY2(targetShown, qPrintable(lines.join(u'\n')));
    }

    void customRulesAndGreetingsAreListedReadOnly() {
        const QString id = userWith([](const QJsonObject&, const QJsonObject& custom) {
            return !custom.value(u"records"_s).toArray().isEmpty();
        });
        gui::ExtensionCallSettingsWidget widget(m_test->database());
        widget.resize(760, 1220);
        widget.setExtension(m_ringCentral, id, true, {});
        QVERIFY(showExposed(widget));
        auto* rules = widget.findChild<QTreeWidget*>(u"customRulesView"_s);
        QCOMPARE(rules->topLevelItemCount(), 2);
        QCOMPARE(rules->topLevelItem(0)->text(0), u"VIP callers"_s);
        QCOMPARE(rules->topLevelItem(0)->text(1), u"Yes"_s);
        QVERIFY2(rules->topLevelItem(0)->text(2).startsWith(u"Callers: Key account (+1 650-555-0100)"_s),
                 qPrintable(rules->topLevelItem(0)->text(2)));
        QCOMPARE(rules->topLevelItem(0)->text(3), u"Forward to +49 1512 0000001"_s);
        QCOMPARE(rules->topLevelItem(1)->text(1), u"No"_s);
        QCOMPARE(rules->topLevelItem(1)->text(3), u"Play an announcement only"_s);
        QVERIFY(widget.findChild<QLabel*>(u"customRulesNote"_s)->text().startsWith(u"Read only here"_s));
        // This person's calls go to an application after hours (the demo's call queue or IVR menu).
        QVERIFY2(
            widget.findChild<QLabel*>(u"afterHoursStateLabel"_s)->text().startsWith(u"Applies outside"_s),
            qPrintable(widget.findChild<QLabel*>(u"afterHoursStateLabel"_s)->text()));
        QCOMPARE(widget.findChild<QComboBox*>(u"afterHoursActionCombo"_s)->currentData().toString(),
                 u"TransferToExtension"_s);
        QVERIFY(!widget.findChild<QComboBox*>(u"afterHoursApplicationCombo"_s)
                     ->currentData()
                     .toString()
                     .isEmpty());
        QVERIFY(widget.findChild<QLabel*>(u"afterHoursReadOnlyLabel"_s)->isVisibleTo(&widget));

        auto* greetings = widget.findChild<QTreeWidget*>(u"greetingsView"_s);
        QStringList rows;
        for (int i = 0; i < greetings->topLevelItemCount(); ++i) {
            const QTreeWidgetItem* item = greetings->topLevelItem(i);
            rows << u"%1 | %2 | %3 | %4"_s.arg(item->text(0), item->text(1), item->text(2), item->text(3));
        }
        QVERIFY2(rows.contains(u"Business hours | Voicemail | Default | Default"_s),
                 qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(u"VIP callers | Announcement | Default | Default"_s),
                 qPrintable(rows.join(u'\n')));
        QVERIFY(widget.findChild<QLabel*>(u"greetingsNote"_s)->text().startsWith(u"Read only"_s));
        QVERIFY(!widget.hasUnsavedEdits());
        saveScreenshot(widget, u"call-rules"_s);
    }

    // A custom voicemail greeting (a recording) reads as such.
    void aCustomGreetingIsMarkedCustom() {
        const QString id = userWith([](const QJsonObject& afterHours, const QJsonObject&) {
            for (const QJsonValue& greeting : afterHours.value(u"greetings"_s).toArray()) {
                if (greeting.toObject().contains(u"custom"_s))
                    return true;
            }
            return false;
        });
        QVERIFY(!id.isEmpty());
        gui::ExtensionCallSettingsWidget widget(m_test->database());
        widget.setExtension(m_ringCentral, id, true, {});
        auto* greetings = widget.findChild<QTreeWidget*>(u"greetingsView"_s);
        bool custom = false;
        for (int i = 0; i < greetings->topLevelItemCount(); ++i) {
            const QTreeWidgetItem* item = greetings->topLevelItem(i);
            custom |= item->text(0) == u"After hours"_s && item->text(1) == u"Voicemail"_s &&
                      item->text(2).startsWith(u"Recording "_s) && item->text(3) == u"Custom"_s;
        }
        QVERIFY(custom);
    }

private:
    // The first user extension whose stored after-hours rule and custom rules `fits`; empty if none.
    QString userWith(const std::function<bool(const QJsonObject&, const QJsonObject&)>& fits) {
        ExtensionSettingsRepository settings(m_test->database());
        for (const core::Extension& e : store::ExtensionRepository(m_test->database()).list(m_ringCentral)) {
            if (e.type != core::ExtensionType::User)
                continue;
            const auto afterHours =
                settings.get(m_ringCentral, e.id, ExtensionSettingsRepository::kAfterHours);
            const auto custom = settings.get(m_ringCentral, e.id, ExtensionSettingsRepository::kCustomRules);
            if (afterHours && custom && fits(*afterHours, *custom))
                return e.id;
        }
        return {};
    }
    // Presses Down on the focused combo until its current item's data `fits` (at most once per item).
    static void chooseWithKeys(QComboBox* combo, const std::function<bool(const QVariant&)>& fits) {
        combo->setFocus();
        combo->setCurrentIndex(0);
        for (int i = 0; i < combo->count() && !fits(combo->currentData()); ++i)
            QTest::keyClick(combo, Qt::Key_Down);
    }

    std::unique_ptr<TestDatabase> m_test;
    DemoConnections m_connections{DemoConnections::withoutRateLimits()};
    std::unique_ptr<gui::SyncController> m_sync;
    qint64 m_ringCentral = 0;
};

QTEST_MAIN(tst_ExtensionCallRules)
#include "tst_ExtensionCallRules.moc"
