// The Numbers page's Add / Edit / Release against a real SQLite store and, for Add's live search, the
// in-process emulator: every dialog driven through its real widgets, every outcome read back from the
// pending changes in the store.

#include "DemoConnections.h"
#include "ExtensionRecord.h"
#include "GuiTestCase.h"
#include "NextModal.h"
#include "gui/numbers/AddNumberDialog.h"
#include "gui/numbers/EditNumberDialog.h"
#include "gui/numbers/NumbersPage.h"
#include "models/NumbersModel.h"
#include "secrets/MemorySecretStore.h"
#include "store/ExtensionRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using gui::AddNumberDialog;
using gui::EditNumberDialog;
using gui::NumbersPage;

namespace {

const QString kSid = u"PN00000000000000000000000000000001"_s;

core::PhoneNumberRecord restcommNumber() {
    core::PhoneNumberRecord n;
    n.provider = core::kProviderRestcomm.toString();
    n.id = kSid;
    n.e164 = u"+14155550100"_s;
    n.label = u"Front desk"_s;
    core::RestcommAttributes a;
    a.voiceUrl = u"https://apps.example.com/voice.xml"_s;
    a.voiceMethod = u"POST"_s;
    a.voiceCapable = true;
    a.smsCapable = true;
    n.restcomm = a;
    return n;
}

core::PhoneNumberRecord ringCentralNumber(int i) {
    core::PhoneNumberRecord n;
    n.provider = core::kProviderRingCentral.toString();
    n.id = QString::number(9100 + i);
    n.e164 = u"+4930555%1"_s.arg(1000 + i);
    n.label = u"Line %1"_s.arg(i);
    n.extensionId = i == 0 ? u"e1"_s : QString();
    n.extensionNumber = i == 0 ? u"101"_s : QString();
    return n;
}

int rowOfId(const models::NumbersModel* model, const QString& id) {
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->rowAt(row).record.id == id)
            return row;
    }
    return -1;
}

} // namespace

class tst_NumberEditing : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY2(startDemoGuiTestCase(m_test), qPrintable(m_test->error()));
        const std::optional<store::Profile> restcomm =
            demoProfile(*m_test, core::kProviderRestcomm.toString());
        const std::optional<store::Profile> ringCentral =
            demoProfile(*m_test, core::kProviderRingCentral.toString());
        QVERIFY(restcomm && ringCentral);
        m_restcomm = restcomm->id;
        m_ringCentral = ringCentral->id;
        QString error;
        store::PhoneNumberRepository numbers(m_test->database());
        QVERIFY2(numbers.upsert(m_restcomm, {restcommNumber()}, &error), qPrintable(error));
        QVERIFY2(numbers.upsert(m_ringCentral, {ringCentralNumber(0), ringCentralNumber(1)}, &error),
                 qPrintable(error));
        QVERIFY2(store::ExtensionRepository(m_test->database())
                     .upsert(m_ringCentral,
                             {test::extension(u"e1"_s, u"101"_s, u"Sales"_s),
                              test::extension(u"e2"_s, u"102"_s, u"Support"_s)},
                             &error),
                 qPrintable(error));
    }

    void cleanup() { m_test.reset(); }

    void editDialogNamesEachBadField_data() {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const QString url = u" must be an http or https URL."_s;
        QTest::newRow("voice url") << u"voiceUrlEdit"_s << u"ftp://x.example/v"_s << u"Voice URL"_s + url;
        QTest::newRow("voice fallback")
            << u"voiceFallbackUrlEdit"_s << u"not a url"_s << u"Voice fallback URL"_s + url;
        QTest::newRow("status callback")
            << u"statusCallbackEdit"_s << u"https://"_s << u"Status callback URL"_s + url;
        QTest::newRow("sms url") << u"smsUrlEdit"_s << u"mailto:a@b.c"_s << u"SMS URL"_s + url;
        QTest::newRow("sms fallback")
            << u"smsFallbackUrlEdit"_s << u"www.example.com/sms"_s << u"SMS fallback URL"_s + url;
        QTest::newRow("refer url") << u"referUrlEdit"_s << u"sip:bob@example.com"_s << u"Refer URL"_s + url;
        const QString sid = u" must be 34 letters and digits (a Restcomm SID such as AP…)."_s;
        QTest::newRow("voice app sid")
            << u"voiceApplicationSidEdit"_s << u"AP123"_s << u"Voice application SID"_s + sid;
        QTest::newRow("sms app sid") << u"smsApplicationSidEdit"_s << u"AP-0000000000000000000000000000000"_s
                                     << u"SMS application SID"_s + sid;
        QTest::newRow("refer app sid")
            << u"referApplicationSidEdit"_s << u"x"_s << u"Refer application SID"_s + sid;
    }

    void editDialogNamesEachBadField() {
        QFETCH(QString, edit);
        QFETCH(QString, text);
        QFETCH(QString, message);
        EditNumberDialog dialog(restcommNumber(), {}, u"no extensions"_s);
        dialog.show();
        QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        auto* field = dialog.findChild<QLineEdit*>(edit);
        QVERIFY(field);
        field->selectAll();
        QTest::keyClicks(field, text);
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dialog.problems(), QStringList{message});
        // The message stands beside (under) the field itself.
        const QString key = edit.chopped(4);
        auto* beside = dialog.findChild<QLabel*>(key + u"Message"_s);
        QVERIFY(beside);
        QCOMPARE(beside->text(), message);
        QVERIFY(beside->isVisible());
        if (qstrcmp(QTest::currentDataTag(), "voice url") == 0)
            saveScreenshot(dialog, u"edit-number-dialog-invalid"_s);
        field->clear();
        QVERIFY(ok->isEnabled());
        QVERIFY(beside->text().isEmpty());
    }

    // Read-only facts of a Restcomm number: the API version it was made with, and the application a sid
    // stands for as the last sync named it.
    void editDialogShowsTheApiVersionAndApplicationNames() {
        core::PhoneNumberRecord number = restcommNumber();
        number.restcomm->apiVersion = u"2012-04-24"_s;
        number.restcomm->voiceApplicationSid = u"AP73926e7113fa4d95981aa96b76eca854"_s;
        number.restcomm->voiceApplicationName = u"Main IVR"_s;
        EditNumberDialog dialog(number, {}, u"no extensions"_s);
        dialog.show();
        auto* version = dialog.findChild<QLabel*>(u"apiVersionLabel"_s);
        QVERIFY(version->isVisible());
        QCOMPARE(version->text(), u"2012-04-24"_s);
        QVERIFY(dialog.findChild<QLineEdit*>(u"voiceApplicationSidEdit"_s)
                    ->toolTip()
                    .startsWith(u"Application “Main IVR”\nA Restcomm application"_s));
        QVERIFY(!dialog.findChild<QLineEdit*>(u"smsApplicationSidEdit"_s)->toolTip().contains(u"“"_s));

        EditNumberDialog other(ringCentralNumber(0), {}, u"no extensions"_s);
        other.show();
        QVERIFY(!other.findChild<QLabel*>(u"apiVersionLabel"_s)->isVisible());
    }

    void editStagesOnePendingUpdate() {
        NumbersPage page(m_test->database());
        page.resize(1100, 600);
        QVERIFY(showActive(page));
        auto* table = page.findChild<QTableView*>();
        table->setFocus();
        const int row = rowOfId(page.model(), kSid);
        QVERIFY(row >= 0);
        table->setCurrentIndex(page.model()->index(row, 0));
        QAction* edit = page.findChild<QAction*>(u"editNumberAction"_s);
        QVERIFY(edit->isEnabled());
        QCOMPARE(edit->shortcut(), QKeySequence(Qt::Key_F2));
        bool seen = false;
        onNextModalOf<EditNumberDialog>([&](EditNumberDialog* dialog) {
            seen = true;
            saveScreenshot(*dialog, u"edit-number-dialog"_s);
            dialog->findChild<QLineEdit*>(u"labelEdit"_s)->setText(u"Reception"_s);
            dialog->findChild<QLineEdit*>(u"smsUrlEdit"_s)->setText(u"https://apps.example.com/sms"_s);
            dialog->findChild<QLineEdit*>(u"voiceUrlEdit"_s)->clear();
            dialog->findChild<QCheckBox*>(u"callerIdLookupCheck"_s)->setChecked(true);
            QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                              Qt::LeftButton);
        });
        QTest::keyClick(table, Qt::Key_F2);
        QVERIFY(seen);

        const QList<store::PendingChange> changes =
            store::PendingChangeRepository(m_test->database()).list(m_restcomm);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().entity, u"phone_number"_s);
        QCOMPARE(changes.first().entityKey, kSid);
        QCOMPARE(changes.first().operation, store::ChangeOperation::Update);
        QCOMPARE(changes.first().payload, (QJsonObject{{u"label"_s, u"Reception"_s},
                                                       {u"smsUrl"_s, u"https://apps.example.com/sms"_s},
                                                       {u"voiceUrl"_s, QJsonValue::Null},
                                                       {u"voiceCallerIdLookup"_s, true}}));
        QCOMPARE(changes.first().baseVersion, page.model()->rowAt(row).version);
        // The row shows it as pending.
        QVERIFY(page.model()->isPending(row));
        QCOMPARE(page.model()->labelAt(row), u"Reception"_s);
        QVERIFY(page.model()
                    ->index(row, models::NumbersModel::LabelColumn)
                    .data(Qt::FontRole)
                    .value<QFont>()
                    .italic());
    }

    void editAssignsToAnExtension() {
        NumbersPage page(m_test->database());
        page.show();
        const int row = rowOfId(page.model(), u"9101"_s);
        QVERIFY(row >= 0);
        page.findChild<QTableView*>()->setCurrentIndex(page.model()->index(row, 0));
        onNextModal([&](QWidget* modal) {
            auto* combo = modal->findChild<QComboBox*>(u"extensionCombo"_s);
            QVERIFY(combo && combo->isEnabled());
            QCOMPARE(combo->count(), 3); // not assigned, 101, 102
            QVERIFY(modal->findChild<QLabel*>(u"pendingBanner"_s)->text().startsWith(u"RingCentral's API"_s));
            saveScreenshot(*modal, u"edit-number-dialog-ringcentral"_s);
            combo->lineEdit()->selectAll();
            QTest::keyClicks(combo->lineEdit(), u"nobody"_s);
            QVERIFY(!modal->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
            QCOMPARE(modal->findChild<QLabel*>(u"extensionMessage"_s)->text(),
                     u"Assigned to must be one of the profile's extensions or \"Not assigned\"."_s);
            combo->setCurrentIndex(combo->findData(u"e2"_s));
            QTest::mouseClick(modal->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                              Qt::LeftButton);
        });
        page.findChild<QAction*>(u"editNumberAction"_s)->trigger();
        const QList<store::PendingChange> changes =
            store::PendingChangeRepository(m_test->database()).list(m_ringCentral);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().payload, (QJsonObject{{u"extensionId"_s, u"e2"_s}}));
        QCOMPARE(page.model()->index(row, models::NumbersModel::ExtensionColumn).data().toString(),
                 u"102 (Support)"_s);
    }

    void releaseNeedsConfirmationAndStagesDeletes() {
        // A second Restcomm number, so that a multi-selection is released in one go.
        core::PhoneNumberRecord second = restcommNumber();
        second.id = u"PN00000000000000000000000000000002"_s;
        second.e164 = u"+14155550101"_s;
        QVERIFY(
            store::PhoneNumberRepository(m_test->database()).upsert(m_restcomm, {restcommNumber(), second}));
        NumbersPage page(m_test->database());
        QVERIFY(showActive(page));
        auto* table = page.findChild<QTableView*>();
        table->setFocus();
        QAction* release = page.findChild<QAction*>(u"deleteNumberAction"_s);
        QCOMPARE(release->shortcut(), QKeySequence(QKeySequence::Delete));

        // A RingCentral number cannot be released here, and the action says why.
        table->selectRow(rowOfId(page.model(), u"9100"_s));
        QVERIFY(!release->isEnabled());
        QCOMPARE(release->toolTip(), u"RingCentral numbers are released in the RingCentral admin portal."_s);

        table->clearSelection();
        table->selectionModel()->select(page.model()->index(rowOfId(page.model(), kSid), 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(page.model()->index(rowOfId(page.model(), second.id), 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(release->isEnabled());

        // Cancel stages nothing.
        bool cancelled = false;
        onNextModalOf<QMessageBox>([&](QMessageBox* box) {
            box->button(QMessageBox::Cancel)->click();
            cancelled = true;
        });
        QTest::keyClick(table, Qt::Key_Delete);
        QVERIFY(cancelled);
        QVERIFY(store::PendingChangeRepository(m_test->database()).list(m_restcomm).isEmpty());
        QVERIFY(showActive(page));

        QString text;
        QString consequences;
        onNextModalOf<QMessageBox>([&](QMessageBox* box) {
            text = box->text();
            consequences = box->informativeText();
            saveScreenshot(*box, u"release-numbers-confirmation"_s);
            box->findChild<QPushButton*>(u"releaseButton"_s)->click();
        });
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(text,
                 u"The 2 selected numbers will be released at Restcomm when pending changes are applied; "
                 u"a released number may be given to someone else and cannot be recovered."_s);
        // What goes with them: where their calls went (the URL from the stored record, not the table row).
        QCOMPARE(consequences,
                 u"Releasing also means:\n"
                 u"• Calls to +14155550100 no longer reach https://apps.example.com/voice.xml.\n"
                 u"• Calls to +14155550101 no longer reach https://apps.example.com/voice.xml."_s);
        const QList<store::PendingChange> changes =
            store::PendingChangeRepository(m_test->database()).list(m_restcomm);
        QCOMPARE(changes.size(), 2);
        QStringList keys;
        for (const store::PendingChange& change : changes) {
            QCOMPARE(change.operation, store::ChangeOperation::Delete);
            QVERIFY(change.payload.isEmpty());
            QVERIFY(!change.baseVersion.isEmpty());
            keys << change.entityKey;
        }
        keys.sort();
        QCOMPARE(keys, (QStringList{kSid, second.id}));
        const int row = rowOfId(page.model(), kSid);
        QVERIFY(page.model()->isPendingDelete(row));
        QVERIFY(page.model()->index(row, 0).data(Qt::FontRole).value<QFont>().strikeOut());
        QVERIFY(!release->isEnabled());
        QCOMPARE(release->toolTip(), u"The selected numbers are already staged for release."_s);
        page.resize(1100, 500);
        saveScreenshot(page, u"numbers-page-pending-release"_s);
    }

    void addIsBlockedWithoutAccountOrConnection() {
        NumbersPage page(m_test->database());
        QAction* add = page.findChild<QAction*>(u"addNumberAction"_s);
        QCOMPARE(add->shortcut(), QKeySequence(Qt::Key_Insert));
        QVERIFY(!add->isEnabled());
        QCOMPARE(add->toolTip(),
                 u"Adding a number needs a connection to the provider, and none is set up."_s);

        // A store without accounts.
        TestDatabase other(u"sqlite"_s);
        QVERIFY(other.open());
        NumbersPage empty(other.database());
        DemoConnections connections;
        empty.setConnectionFactory(&connections.factory);
        QAction* blocked = empty.findChild<QAction*>(u"addNumberAction"_s);
        QVERIFY(!blocked->isEnabled());
        QCOMPARE(blocked->toolTip(),
                 u"Add a provider account first: numbers are added to an account's profile."_s);
        // A RingCentral account is enough: the dialog says where its numbers are bought.
        QVERIFY(other.addProfile(u"Berlin"_s, u"ringcentral"_s) > 0);
        NumbersPage ringCentralOnly(other.database());
        ringCentralOnly.setConnectionFactory(&connections.factory);
        QVERIFY(ringCentralOnly.findChild<QAction*>(u"addNumberAction"_s)->isEnabled());
    }

    // Port in… is where an admin looks first for bringing numbers over: it hands over to the Port orders
    // page's wizard (AppSession), and is off with the reason when no provider takes port orders.
    void portInNeedsAPortingProvider() {
        NumbersPage page(m_test->database()); // the demo profiles include Telnyx
        QAction* portIn = page.findChild<QAction*>(u"portInAction"_s);
        QVERIFY(portIn);
        QVERIFY(portIn->isEnabled());
        QCOMPARE(portIn->text(), u"Port in…"_s);
        QSignalSpy requested(&page, &NumbersPage::portInRequested);
        page.findChild<QToolButton*>(u"portInActionButton"_s)->click();
        QCOMPARE(requested.size(), 1);

        TestDatabase other(u"sqlite"_s);
        QVERIFY(other.open());
        QVERIFY(other.addProfile(u"Berlin"_s, u"ringcentral"_s) > 0);
        NumbersPage ringCentralOnly(other.database());
        QAction* blocked = ringCentralOnly.findChild<QAction*>(u"portInAction"_s);
        QVERIFY(!blocked->isEnabled());
        QVERIFY2(blocked->toolTip().contains(u"takes port orders (Telnyx)"_s),
                 qPrintable(blocked->toolTip()));
    }

    void addSearchesTheEmulatorAndStagesTheProvision() {
        QSettings().setValue(u"addNumber/lastProfile"_s, m_restcomm); // the account chosen last time
        DemoConnections connections;
        NumbersPage page(m_test->database());
        page.setConnectionFactory(&connections.factory);
        page.show();
        QAction* add = page.findChild<QAction*>(u"addNumberAction"_s);
        QVERIFY2(add->isEnabled(), qPrintable(add->toolTip()));

        QString chosen;
        bool searched = false;
        onNextModalOf<AddNumberDialog>([&](AddNumberDialog* dialog) {
            dialog->setKind(AddNumberDialog::Kind::UsLocal);
            auto* search = dialog->findChild<QPushButton*>(u"searchButton"_s);
            auto* areaCode = dialog->findChild<QLineEdit*>(u"areaCodeEdit"_s);
            QTest::keyClicks(areaCode, u"15"_s);
            QVERIFY(!search->isEnabled());
            QCOMPARE(dialog->findChild<QLabel*>(u"criteriaMessage"_s)->text(),
                     u"Area code must be 3 digits and not start with 0 or 1."_s);
            areaCode->setText(u"415"_s);
            dialog->findChild<QLineEdit*>(u"friendlyNameEdit"_s)->setText(u"SF hotline"_s);
            QVERIFY(search->isEnabled());
            connect(dialog, &AddNumberDialog::searchFinished, dialog, [&, dialog] {
                searched = true;
                auto* list = dialog->findChild<QListWidget*>(u"resultsList"_s);
                QVERIFY2(list->count() > 0, qPrintable(dialog->findChild<QLabel*>(u"statusLabel"_s)->text() +
                                                       dialog->findChild<QLabel*>(u"errorBanner"_s)->text()));
                for (int i = 0; i < list->count(); ++i)
                    QVERIFY(list->item(i)->toolTip().startsWith(u"+1415"_s));
                list->setCurrentRow(list->count() - 1);
                chosen = list->currentItem()->toolTip();
                saveScreenshot(*dialog, u"add-number-dialog"_s);
                QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                                  Qt::LeftButton);
            });
            QTest::mouseClick(search, Qt::LeftButton);
            QVERIFY(dialog->isSearching());
            QVERIFY(dialog->findChild<QPushButton*>(u"cancelSearchButton"_s)->isVisible());
        });
        add->trigger();
        QVERIFY(searched);
        const QList<store::PendingChange> changes =
            store::PendingChangeRepository(m_test->database()).list(m_restcomm);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().operation, store::ChangeOperation::Create);
        QCOMPARE(changes.first().entityKey, u"new:"_s + chosen);
        QCOMPARE(changes.first().payload, (QJsonObject{{u"phoneNumber"_s, chosen},
                                                       {u"friendlyName"_s, u"SF hotline"_s},
                                                       {u"isSip"_s, false},
                                                       {u"numberType"_s, u"Local"_s},
                                                       {u"isoCountry"_s, u"US"_s}}));
    }

    void addSearchVariantsAgainstTheEmulator_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("criteria");
        QTest::addColumn<QString>("expectedPrefix"); // "" = the search finds nothing
        QTest::newRow("toll-free 888") << int(AddNumberDialog::Kind::TollFree) << u"888"_s << u"+1888"_s;
        QTest::newRow("toll-free 855") << int(AddNumberDialog::Kind::TollFree) << u"855"_s << QString();
        QTest::newRow("vanity") << int(AddNumberDialog::Kind::Vanity) << u"877*"_s << u"+1877"_s;
        QTest::newRow("global US") << int(AddNumberDialog::Kind::Global) << u"US"_s << u"+1"_s;
    }

    void addSearchVariantsAgainstTheEmulator() {
        QFETCH(int, kind);
        QFETCH(QString, criteria);
        QFETCH(QString, expectedPrefix);
        DemoConnections connections;
        const std::optional<store::Profile> profile =
            store::ProfileRepository(m_test->database()).find(m_restcomm);
        QVERIFY(profile);
        AddNumberDialog dialog(connections.factory, *profile);
        dialog.show();
        dialog.setKind(static_cast<AddNumberDialog::Kind>(kind));
        if (dialog.kind() == AddNumberDialog::Kind::TollFree) {
            auto* prefix = dialog.findChild<QComboBox*>(u"tollFreeCombo"_s);
            prefix->setCurrentText(criteria);
            QCOMPARE(prefix->currentText(), criteria);
        } else if (dialog.kind() == AddNumberDialog::Kind::Vanity) {
            dialog.findChild<QLineEdit*>(u"vanityEdit"_s)->setText(criteria);
        } else {
            dialog.findChild<QComboBox*>(u"countryCombo"_s)->setEditText(criteria);
        }
        QSignalSpy finished(&dialog, &AddNumberDialog::searchFinished);
        dialog.search();
        QVERIFY(finished.wait(30000));
        auto* list = dialog.findChild<QListWidget*>(u"resultsList"_s);
        const QString status = dialog.findChild<QLabel*>(u"statusLabel"_s)->text();
        if (expectedPrefix.isEmpty()) {
            QCOMPARE(list->count(), 0);
            QCOMPARE(status, u"No numbers are available for this search."_s);
            QVERIFY(!dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
            return;
        }
        QVERIFY2(list->count() > 0, qPrintable(status));
        for (int i = 0; i < list->count(); ++i)
            QVERIFY2(list->item(i)->toolTip().startsWith(expectedPrefix),
                     qPrintable(list->item(i)->toolTip()));
        list->setCurrentRow(0);
        QCOMPARE(dialog.provisionRequest().value(u"phoneNumber"_s).toString(), list->item(0)->toolTip());
    }

    void addSipVirtualNeedsNoSearch() {
        DemoConnections connections;
        const std::optional<store::Profile> profile =
            store::ProfileRepository(m_test->database()).find(m_restcomm);
        AddNumberDialog dialog(connections.factory, *profile);
        dialog.show();
        dialog.setKind(AddNumberDialog::Kind::SipVirtual);
        QVERIFY(!dialog.findChild<QPushButton*>(u"searchButton"_s)->isVisible());
        QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        auto* sip = dialog.findChild<QLineEdit*>(u"sipNumberEdit"_s);
        QTest::keyClicks(sip, u"front desk"_s);
        QCOMPARE(dialog.problems(), QStringList{u"SIP number must not contain spaces."_s});
        sip->setText(u"frontdesk"_s);
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.provisionRequest(), (QJsonObject{{u"phoneNumber"_s, u"frontdesk"_s},
                                                         {u"isSip"_s, true},
                                                         {u"numberType"_s, QString()},
                                                         {u"isoCountry"_s, QString()}}));
    }

    void addSearchErrorShowsTheApiError() {
        // A Restcomm profile whose keychain has no secret: the connection cannot be opened.
        DemoConnections connections;
        store::Profile profile;
        profile.name = u"Lab"_s;
        profile.provider = core::kProviderRestcomm.toString();
        profile.baseUrl = u"http://127.0.0.1:9"_s;
        profile.accountId = u"AC00000000000000000000000000000001"_s;
        QVERIFY(store::ProfileRepository(m_test->database()).add(profile));
        AddNumberDialog dialog(connections.factory, profile);
        dialog.show();
        dialog.findChild<QLineEdit*>(u"areaCodeEdit"_s)->setText(u"415"_s);
        QSignalSpy finished(&dialog, &AddNumberDialog::searchFinished);
        dialog.search();
        QVERIFY(finished.wait(30000));
        auto* banner = dialog.findChild<QLabel*>(u"errorBanner"_s);
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().startsWith(u"Cannot connect to Lab: "_s), qPrintable(banner->text()));
        QCOMPARE(dialog.findChild<QLabel*>(u"statusLabel"_s)->text(), u"Search failed."_s);
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    qint64 m_restcomm = 0;
    qint64 m_ringCentral = 0;
};

QTEST_MAIN(tst_NumberEditing)
#include "tst_NumberEditing.moc"
