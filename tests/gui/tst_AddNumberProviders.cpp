// Adding numbers on every provider through the Numbers page's Add dialog, against a real SQLite store and
// the in-process demo emulator: on Telnyx the dialog searches, the picked number is staged, the pusher orders
// it, the emulator's account has it and a sync brings it into the store; each kind refuses bad criteria with
// the rule; RingCentral says its API sells no numbers and links the admin portal; Port in… hands over to the
// porting wizard.

#include "DemoConnections.h"
#include "GuiTestCase.h"
#include "NextModal.h"
#include "gui/numbers/AddNumberDialog.h"
#include "gui/numbers/NumbersPage.h"
#include "providers/telnyx/TelnyxClient.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using gui::AddNumberDialog;
using gui::NumbersPage;

namespace {

QPushButton* okButton(QWidget* dialog) {
    return dialog->findChild<QDialogButtonBox*>(u"buttonBox"_s)->button(QDialogButtonBox::Ok);
}

sync::SyncReport runSync(store::Database& database, const store::Profile& profile,
                         connection::Connection& line, sync::SyncEngine::Options options) {
    sync::SyncEngine engine(database);
    QSignalSpy finished(&engine, &sync::SyncEngine::finished);
    if (!engine.sync(profile, line, options) || !finished.wait(60000))
        return {};
    return finished.constFirst().constFirst().value<sync::SyncReport>();
}

} // namespace

class tst_AddNumberProviders : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY2(startDemoGuiTestCase(m_test), qPrintable(m_test->error()));
        m_telnyx = *demoProfile(*m_test, u"telnyx"_s);
        m_ringCentral = *demoProfile(*m_test, u"ringcentral"_s);
    }
    void cleanup() { m_test.reset(); }

    // The whole way of a Telnyx number: searched in the dialog, picked, staged as a create, ordered by the
    // pusher, in the emulator's account, and in the store after a sync.
    void telnyxNumberIsSearchedOrderedAndSynced() {
        DemoConnections connections;
        NumbersPage page(m_test->database());
        page.setConnectionFactory(&connections.factory);
        page.show();
        QSettings().setValue(u"addNumber/lastProfile"_s, m_telnyx.id); // the account chosen last time
        QAction* add = page.findChild<QAction*>(u"addNumberAction"_s);
        QVERIFY2(add->isEnabled(), qPrintable(add->toolTip()));

        QString chosen;
        bool searched = false;
        onNextModalOf<AddNumberDialog>([&](AddNumberDialog* dialog) {
            QCOMPARE(dialog->profile().id, m_telnyx.id);
            auto* kinds = dialog->findChild<QComboBox*>(u"kindCombo"_s);
            QCOMPARE(kinds->count(), 4); // U.S. local, global, toll-free, vanity: no SIP number on Telnyx
            QVERIFY(!dialog->findChild<QLineEdit*>(u"friendlyNameEdit"_s)->isVisible());
            QVERIFY(dialog->findChild<QPushButton*>(u"portInButton"_s)->isVisible());
            dialog->setKind(AddNumberDialog::Kind::UsLocal);
            QTest::keyClicks(dialog->findChild<QLineEdit*>(u"areaCodeEdit"_s), u"415"_s);
            connect(dialog, &AddNumberDialog::searchFinished, dialog, [&, dialog] {
                searched = true;
                auto* list = dialog->findChild<QListWidget*>(u"resultsList"_s);
                QVERIFY2(list->count() > 0, qPrintable(dialog->findChild<QLabel*>(u"errorBanner"_s)->text()));
                for (int i = 0; i < list->count(); ++i)
                    QVERIFY2(list->item(i)->toolTip().startsWith(u"+1415"_s),
                             qPrintable(list->item(i)->toolTip()));
                QVERIFY(list->item(0)->text().contains(u"SAN FRANCISCO"_s));
                list->setCurrentRow(1);
                chosen = list->currentItem()->toolTip();
                saveScreenshot(*dialog, u"add-number-telnyx"_s);
                QTest::mouseClick(okButton(dialog), Qt::LeftButton);
            });
            QTest::mouseClick(dialog->findChild<QPushButton*>(u"searchButton"_s), Qt::LeftButton);
        });
        add->trigger();
        QVERIFY(searched);

        const QList<store::PendingChange> staged =
            store::PendingChangeRepository(m_test->database()).list(m_telnyx.id);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.first().operation, store::ChangeOperation::Create);
        QCOMPARE(staged.first().entityKey, u"new:"_s + chosen);
        QCOMPARE(staged.first().payload, (QJsonObject{{u"phoneNumber"_s, chosen},
                                                      {u"isSip"_s, false},
                                                      {u"numberType"_s, u"Local"_s},
                                                      {u"isoCountry"_s, u"US"_s}}));

        // Applied through the pusher: Telnyx's account has the number.
        std::optional<connection::Connection> line = connections.open(m_telnyx);
        QVERIFY(line);
        sync::SyncReport report = runSync(m_test->database(), m_telnyx, *line, {.pull = false});
        QVERIFY2(report.applied == 1, qPrintable(report.errors.join(u'\n')));
        providers::telnyx::TelnyxClient client(line->client.get());
        std::optional<std::optional<core::PhoneNumberRecord>> held;
        client.findPhoneNumber(chosen, [&](const std::optional<core::PhoneNumberRecord>& found,
                                           const std::optional<net::ApiError>&) { held = found; });
        QTRY_VERIFY_WITH_TIMEOUT(held.has_value(), 20000);
        QVERIFY(held->has_value());

        // A full sync keeps it in the store, and the Numbers page lists it.
        store::PhoneNumberRepository(m_test->database()).removeAllExcept(m_telnyx.id, {});
        report = runSync(m_test->database(), m_telnyx, *line, {});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        const QList<core::PhoneNumberRecord> stored =
            store::PhoneNumberRepository(m_test->database()).list(m_telnyx.id);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().e164, chosen);
        QCOMPARE(store::PendingChangeRepository(m_test->database()).list(m_telnyx.id).first().state,
                 store::ChangeState::Applied);
    }

    // Each kind checks what is typed and names the rule that refuses it; the search stays off until then.
    void eachKindRefusesWithTheRule_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("rule"); // "" = accepted
        using K = AddNumberDialog::Kind;
        QTest::newRow("area code too short") << int(K::UsLocal) << u"areaCodeEdit"_s << u"41"_s
                                             << u"Area code must be 3 digits and not start with 0 or 1."_s;
        QTest::newRow("area code starting with 1")
            << int(K::UsLocal) << u"areaCodeEdit"_s << u"141"_s
            << u"Area code must be 3 digits and not start with 0 or 1."_s;
        QTest::newRow("area code") << int(K::UsLocal) << u"areaCodeEdit"_s << u"415"_s << QString();
        QTest::newRow("country") << int(K::Global) << u"countryCombo"_s << u"DEU"_s
                                 << u"Country must be a two-letter ISO code such as GB."_s;
        QTest::newRow("vanity wildcard") << int(K::Vanity) << u"vanityEdit"_s << u"888*BIZ"_s
                                         << u"Pattern may contain only letters and digits."_s;
        QTest::newRow("vanity not toll-free")
            << int(K::Vanity) << u"vanityEdit"_s << u"555FLOWERS"_s
            << u"Pattern must start with a toll-free prefix: 800, 888, 877, 866, 855."_s;
        QTest::newRow("vanity prefix only")
            << int(K::Vanity) << u"vanityEdit"_s << u"800"_s
            << u"Pattern needs at least one letter or digit after the prefix."_s;
        QTest::newRow("vanity too long")
            << int(K::Vanity) << u"vanityEdit"_s << u"800FLOWERSX"_s
            << u"Pattern must be at most 10 characters (a U.S. number has 10 digits)."_s;
        QTest::newRow("vanity") << int(K::Vanity) << u"vanityEdit"_s << u"800FLOWERS"_s << QString();
    }
    void eachKindRefusesWithTheRule() {
        QFETCH(int, kind);
        QFETCH(QString, field);
        QFETCH(QString, typed);
        QFETCH(QString, rule);
        DemoConnections connections;
        AddNumberDialog dialog(connections.factory, m_telnyx);
        dialog.show();
        dialog.setKind(static_cast<AddNumberDialog::Kind>(kind));
        QWidget* edit = dialog.findChild<QWidget*>(field);
        if (auto* combo = qobject_cast<QComboBox*>(edit))
            combo->setEditText(typed);
        else
            QTest::keyClicks(qobject_cast<QLineEdit*>(edit), typed);
        auto* message = dialog.findChild<QLabel*>(u"criteriaMessage"_s);
        QCOMPARE(message->text(), rule);
        QCOMPARE(message->isVisible(), !rule.isEmpty());
        QCOMPARE(dialog.findChild<QPushButton*>(u"searchButton"_s)->isEnabled(), rule.isEmpty());
        if (auto* line = qobject_cast<QLineEdit*>(edit))
            QCOMPARE(line->text(), typed.left(line->maxLength())); // what was typed stays
    }

    // The vanity pattern is searched by its prefix and the keypad digits after it.
    void telnyxVanitySearchFindsTheWord() {
        DemoConnections connections;
        AddNumberDialog dialog(connections.factory, m_telnyx);
        dialog.show();
        dialog.setKind(AddNumberDialog::Kind::Vanity);
        dialog.findChild<QLineEdit*>(u"vanityEdit"_s)->setText(u"800flowers"_s);
        QSignalSpy finished(&dialog, &AddNumberDialog::searchFinished);
        dialog.search();
        QVERIFY(finished.wait(30000));
        auto* list = dialog.findChild<QListWidget*>(u"resultsList"_s);
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->toolTip(), u"+18003569377"_s);
    }

    // RingCentral's API sells no numbers: the dialog says so, links the admin portal and asks nothing of
    // the network.
    void ringCentralShowsThePortalMessage() {
        DemoConnections connections;
        AddNumberDialog dialog(connections.factory, QList<store::Profile>{m_telnyx, m_ringCentral});
        dialog.show();
        dialog.setProfile(m_ringCentral.id);
        QCOMPARE(dialog.profile().id, m_ringCentral.id);
        QVERIFY(!dialog.canAddHere());
        auto* note = dialog.findChild<QLabel*>(u"elsewhereLabel"_s);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(u"RingCentral's API offers no way to buy a number."_s),
                 qPrintable(note->text()));
        QVERIFY(note->text().contains(u"<a href=\"https://service.ringcentral.com/\">"_s));
        QVERIFY(note->openExternalLinks());
        QVERIFY(!dialog.findChild<QPushButton*>(u"searchButton"_s)->isVisible());
        QVERIFY(!dialog.findChild<QComboBox*>(u"kindCombo"_s)->isVisible());
        QVERIFY(!okButton(&dialog)->isEnabled());
        QVERIFY(dialog.provisionRequest().isEmpty());
        QVERIFY(!dialog.isSearching());
        saveScreenshot(dialog, u"add-number-ringcentral"_s);

        // Back to Telnyx: the search is offered again.
        dialog.setProfile(m_telnyx.id);
        QVERIFY(!note->isVisible());
        QVERIFY(dialog.findChild<QPushButton*>(u"searchButton"_s)->isVisible());
    }

    // Port in… closes the dialog and hands over to the porting wizard (the Numbers page's signal, which
    // the session turns into the Port orders page's wizard).
    void portInOpensThePortingWizard() {
        DemoConnections connections;
        NumbersPage page(m_test->database());
        page.setConnectionFactory(&connections.factory);
        QSettings().setValue(u"addNumber/lastProfile"_s, m_telnyx.id);
        QSignalSpy requested(&page, &NumbersPage::portInRequested);
        bool closed = false;
        onNextModal([&](QWidget* modal) {
            auto* portIn = modal->findChild<QPushButton*>(u"portInButton"_s);
            QVERIFY(portIn && portIn->isVisible());
            QTest::mouseClick(portIn, Qt::LeftButton);
            closed = !modal->isVisible();
        });
        page.findChild<QAction*>(u"addNumberAction"_s)->trigger();
        QVERIFY(closed);
        QCOMPARE(requested.size(), 1);
        QVERIFY(store::PendingChangeRepository(m_test->database()).list(m_telnyx.id).isEmpty());
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    store::Profile m_telnyx;
    store::Profile m_ringCentral;
};

QTEST_MAIN(tst_AddNumberProviders)
#include "tst_AddNumberProviders.moc"
