#include "DemoConnections.h"
#include "GuiTestCase.h"
#include "core/PhoneNumberRecord.h"
#include "gui/porting/ActivationRangeBar.h"
#include "gui/porting/ActivationRangesModel.h"
#include "gui/porting/DraftOrderPanel.h"
#include "gui/porting/ExtensionsStep.h"
#include "gui/porting/OrderDetailsPage.h"
#include "gui/porting/PortOrderSession.h"
#include "gui/porting/PortSummaryPage.h"
#include "gui/porting/PortingWizard.h"
#include "gui/porting/RouteNumberPage.h"
#include "i18n/Translator.h"
#include "providers/telnyx/TelnyxClient.h"
#include "secrets/MemorySecretStore.h"
#include "store/PhoneNumberRepository.h"
#include "store/PortingRepository.h"
#include "store/ProfileRepository.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using core::NumberRange;
using gui::PortingWizard;
using Ranges = QList<NumberRange>;

class tst_PortingWizard : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY2(startGuiTestCase(m_test), qPrintable(m_test->error()));
        m_profile = m_test->addProfile(u"Telnyx office"_s, u"telnyx"_s);
        QVERIFY(m_profile > 0);
        openWizard();
    }
    void cleanup() {
        m_demoAdded = false;
        m_wizard.reset();
        m_test.reset();
    }

    void refusesNonGermanRouteWithTheReason() {
        typeRoute(u"+1 212 555 0100"_s);
        QVERIFY(!nextButton()->isEnabled());
        QVERIFY2(text(u"routeError"_s).contains(u"is not German"_s), qPrintable(text(u"routeError"_s)));
        typeRoute(u"0201 2345678"_s);
        QVERIFY(text(u"routeError"_s).isEmpty());
        QCOMPARE(text(u"routeParsed"_s), u"Will be ported as +492012345678."_s);
        QVERIFY(nextButton()->isEnabled());
    }
    void refusesTextThatIsNoNumber() {
        typeRoute(u"201 2345678"_s);
        QVERIFY(!nextButton()->isEnabled());
        QVERIFY(text(u"routeError"_s).contains(u"has no country"_s));
    }
    void warnsWhenTheNumberIsKnown() {
        core::PhoneNumberRecord record;
        record.provider = u"telnyx"_s;
        record.id = u"n1"_s;
        record.e164 = u"+492012345678"_s;
        QVERIFY(store::PhoneNumberRepository(m_test->database()).upsert(m_profile, {record}));
        core::PortingOrder order;
        order.id = u"order-1"_s;
        order.countryCode = u"DE"_s;
        core::PortingPhoneNumber onOrder;
        onOrder.id = u"ppn-1"_s;
        onOrder.portingOrderId = order.id;
        onOrder.phoneNumber = u"+492012345678"_s;
        store::PortingRepository porting(m_test->database());
        QVERIFY(porting.upsertOrders(m_profile, {order}));
        QVERIFY(porting.upsertPhoneNumbers(m_profile, {onOrder}));

        typeRoute(u"+49 201 2345678"_s);
        const QString warning = text(u"routeWarning"_s);
        QVERIFY2(warning.contains(u"inventory of profile “Telnyx office”"_s), qPrintable(warning));
        QVERIFY2(warning.contains(u"port order order-1 (Draft)"_s), qPrintable(warning));
        QVERIFY(nextButton()->isEnabled()); // a warning, not a rule
    }
    void detailsAreCheckedAsTyped() {
        walkToDetails();
        QVERIFY(!nextButton()->isEnabled());
        type(u"postalCodeEdit"_s, u"451"_s);
        QVERIFY(text(u"postalCodeEditError"_s).contains(u"five digits"_s));
        QVERIFY(text(u"entityNameEditError"_s).isEmpty()); // not touched yet: no message
        fillDetails();
        QVERIFY(text(u"postalCodeEditError"_s).isEmpty());
        QVERIFY(nextButton()->isEnabled());
        m_wizard->findChild<QDateEdit*>(u"requestedDateEdit"_s)->setDate(QDate::currentDate());
        QVERIFY(text(u"requestedDateError"_s).contains(u"after today"_s));
        QVERIFY(!nextButton()->isEnabled());
        fillDetails();
        // The documents: a file that is not a PDF, JPEG or PNG, and one that is not there.
        type(u"loaEdit"_s, document(u"loa.txt"_s, "signed, honestly"));
        QCOMPARE(text(u"loaEditError"_s), u"loa.txt is not a PDF, JPEG or PNG file."_s);
        QVERIFY(!nextButton()->isEnabled());
        type(u"invoiceEdit"_s, m_files.filePath(u"missing.pdf"_s));
        QVERIFY2(text(u"invoiceEditError"_s).startsWith(u"Cannot read missing.pdf"_s),
                 qPrintable(text(u"invoiceEditError"_s)));
        type(u"invoiceEdit"_s, QString());
        QVERIFY(
            text(u"invoiceEditError"_s).contains(u"latest invoice from the current carrier is required"_s));
        fillDetails();
        QVERIFY(text(u"loaEditError"_s).isEmpty());
        QVERIFY(nextButton()->isEnabled());
    }
    void pastedListBecomesRangesAndRulesGateNext() {
        walkToExtensions();
        QVERIFY(!nextButton()->isEnabled()); // nothing active yet
        paste(u"+49 201 2345678 04\n0201/2345678-19\n0049 201 234567820\n+49201234567842"_s);
        const Ranges expected{{4, 4}, {19, 20}, {42, 42}};
        QCOMPARE(tableRanges(), expected);
        QCOMPARE(m_wizard->findChild<gui::ActivationRangeBar*>()->ranges(), expected);
        QVERIFY(nextButton()->isEnabled());

        presetCombo()->setCurrentIndex(0); // 0–9: 19–20 and 42 fall outside
        QVERIFY(!nextButton()->isEnabled());
        QVERIFY(text(u"rangesError"_s).contains(u"outside the extension range 0–9"_s));

        // Back to the details and forward again: the step keeps what was typed.
        m_wizard->back();
        QCOMPARE(m_wizard->currentId(), int(PortingWizard::NumberLookupPage));
        // Nothing is sent without a connection; the page says so and lets the admin on.
        QVERIFY2(text(u"portingNumberStatus"_s).contains(u"no connection"_s),
                 qPrintable(text(u"portingNumberStatus"_s)));
        m_wizard->back();
        QCOMPARE(m_wizard->currentId(), int(PortingWizard::DetailsPage));
        QVERIFY(text(u"draftStatus"_s).contains(u"nothing is sent"_s));
        m_wizard->next();
        m_wizard->next();
        QCOMPARE(tableRanges(), expected);
        presetCombo()->setCurrentIndex(2); // 0–999
        QVERIFY(nextButton()->isEnabled());
        m_wizard->next();
        QCOMPARE(m_wizard->currentId(), int(PortingWizard::SummaryPage));
        const QString summary = m_wizard->summaryPage()->summaryText();
        QVERIFY2(summary.contains(u"Route number: +492012345678"_s), qPrintable(summary));
        QVERIFY(summary.contains(u"Extension range: 0–999 (+492012345678000 to +492012345678999)"_s));
        QVERIFY(summary.contains(u"Activation ranges: 4–4, 19–20, 42–42"_s));
        QVERIFY(summary.contains(u"1000 numbers port with the route number: 4 active, 996 inactive."_s));
        QCOMPARE(text(u"summaryStatus"_s), u"Every porting rule is met."_s);
        QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    }
    void changedRouteReachesTheStep() {
        walkToExtensions();
        paste(u"+49201234567804"_s);
        m_wizard->back();
        m_wizard->back();
        m_wizard->back();
        typeRoute(u"+49 30 1234567"_s);
        m_wizard->next();
        m_wizard->next();
        m_wizard->next();
        QCOMPARE(m_wizard->extensionsStep()->routeNumber(), u"+49301234567"_s);
        QCOMPARE(m_wizard->findChild<QPlainTextEdit*>(u"wantedNumbers"_s)->toPlainText(),
                 u"+4930123456704"_s);
    }
    void resumesAfterClosing() {
        walkToExtensions();
        paste(u"+49201234567804\n+49201234567805"_s);
        presetCombo()->setCurrentIndex(2);
        const gui::PortingDraft typed = m_wizard->draft();
        m_wizard->reject();

        openWizard();
        QVERIFY(m_wizard->restoreDraft());
        QCOMPARE(m_wizard->draft(), typed);
        QCOMPARE(typed.activationRanges, (Ranges{{4, 5}}));
        QCOMPARE(typed.block, (NumberRange{0, 999}));
        QCOMPARE(m_wizard->findChild<QLineEdit*>(u"routeEdit"_s)->text(), u"0201 2345678"_s);
        QCOMPARE(m_wizard->findChild<QLineEdit*>(u"entityNameEdit"_s)->text(), u"Muster GmbH"_s);
        QVERIFY(nextButton()->isEnabled());
        m_wizard->next();
        m_wizard->next();
        m_wizard->next();
        QCOMPARE(tableRanges(), (Ranges{{4, 5}}));

        gui::PortingDraft::discard(m_profile);
        openWizard();
        QVERIFY(!m_wizard->restoreDraft());
    }

    void followsTheLanguage() {
        walkToExtensions();
        paste(u"+49201234567842"_s);
        presetCombo()->setCurrentIndex(0); // 42 is now outside the block
        QVERIFY(i18n::Translator::install(QLocale(QLocale::German, QLocale::Germany)).trunklineLoaded);
        QTRY_COMPARE(m_wizard->windowTitle(), u"Neuer Portierungsauftrag"_s); // LanguageChange is posted
        QCOMPARE(m_wizard->extensionsStep()->title(), u"Durchwahlen"_s);
        QCOMPARE(presetCombo()->currentText(), u"0 bis 9 (10 Rufnummern)"_s); // the choice stays chosen
        QVERIFY2(text(u"rangesError"_s).contains(u"Aktivierungsbereich"_s),
                 qPrintable(text(u"rangesError"_s)));
        QCOMPARE(text(u"countsLabel"_s), u"10 Rufnummern werden portiert: 0 aktiv, 10 inaktiv."_s);
        i18n::Translator::uninstall();
        QTRY_COMPARE(m_wizard->windowTitle(), u"New port order"_s);
    }

    // The whole flow against the emulator (the demo account's Telnyx), step by step as the provider's
    // workflow goes: the draft created with the route number only when the order step opens (the route
    // number is then fixed), its LOA template downloaded, the route number's porting phone number found,
    // the extensions derived from a pasted list, and on confirmation the documents, details and block
    // sent and the order submitted. A second order for the same route number is refused by the provider
    // at the order step, which names the field; nothing typed is lost and Next stays disabled.
    void placesTheOrderAtTheEmulator() {
        DemoConnections connections;
        const std::optional<store::Profile> demo = openDemoWizard(connections);
        QVERIFY(demo);

        walkToDetails();
        auto* session = m_wizard->session();
        QTRY_VERIFY2_WITH_TIMEOUT(!session->orderId().isEmpty(), qPrintable(text(u"draftStatus"_s)), 20000);
        const QString orderId = session->orderId();
        QVERIFY2(text(u"draftStatus"_s).contains(u"Draft order %1 at Demo"_s.arg(orderId)),
                 qPrintable(text(u"draftStatus"_s)));
        QVERIFY(text(u"draftStatus"_s).contains(u"status Draft"_s));
        QCOMPARE(gui::PortingDraft::load(demo->id)->orderId, orderId); // saved at once
        m_wizard->back();
        QVERIFY(m_wizard->findChild<QLineEdit*>(u"routeEdit"_s)->isReadOnly());
        QVERIFY(text(u"routeLocked"_s).contains(orderId));
        QVERIFY(m_wizard->findChild<QLabel*>(u"routeWarning"_s)->isHidden()); // its own order is no warning
        m_wizard->next();
        QCOMPARE(session->orderId(), orderId); // never created twice

        // The LOA template of this order, saved where the admin says.
        const QString templatePath = m_files.filePath(u"loa-template.pdf"_s);
        QString suggested;
        m_wizard->draftPanel()->setSavePrompt([&](const QString& name) {
            suggested = name;
            return templatePath;
        });
        QTest::mouseClick(m_wizard->findChild<QPushButton*>(u"loaTemplateButton"_s), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(text(u"loaTemplateResult"_s).startsWith(u"Saved as"_s),
                                  qPrintable(text(u"loaTemplateResult"_s)), 20000);
        QCOMPARE(suggested, u"LOA-%1.pdf"_s.arg(orderId));
        QFile pdf(templatePath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray content = pdf.readAll();
        QVERIFY(content.startsWith("%PDF-") && content.contains(orderId.toLatin1()));

        fillDetails();
        QVERIFY(nextButton()->isEnabled());
        m_wizard->next();
        QCOMPARE(m_wizard->currentId(), int(PortingWizard::NumberLookupPage));
        QTRY_VERIFY2_WITH_TIMEOUT(!session->portingPhoneNumberId().isEmpty(),
                                  qPrintable(text(u"portingNumberStatus"_s)), 20000);
        QVERIFY2(text(u"portingNumberStatus"_s)
                     .contains(u"+492012345678 is porting phone number %1 on order %2"_s.arg(
                         session->portingPhoneNumberId(), orderId)),
                 qPrintable(text(u"portingNumberStatus"_s)));
        QVERIFY(nextButton()->isEnabled());
        m_wizard->next();
        paste(u"+49 201 2345678 04\n0201/2345678-19\n0049 201 234567820\n+49201234567842"_s);
        m_wizard->next();
        QCOMPARE(m_wizard->currentId(), int(PortingWizard::SummaryPage));
        QVERIFY(m_wizard->summaryPage()->summaryText().contains(u"Draft order: "_s + orderId));

        // Declined: nothing is sent. Confirmed: sent and submitted.
        QString question;
        bool confirm = false;
        m_wizard->summaryPage()->setConfirmPrompt([&](const QString& asked) {
            question = asked;
            return confirm;
        });
        auto* submit = m_wizard->findChild<QPushButton*>(u"submitOrderButton"_s);
        QVERIFY(submit->isVisible() && submit->isEnabled());
        QTest::mouseClick(submit, Qt::LeftButton);
        QVERIFY2(question.contains(u"Submit port order %1 for +492012345678 with 100 numbers"_s.arg(orderId)),
                 qPrintable(question));
        QVERIFY(!session->busy());
        QVERIFY(extensionsAt(connections, *demo, orderId).isEmpty());
        confirm = true;
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(
            text(u"orderResult"_s).contains(u"submitted; its status is now In process"_s),
            qPrintable(text(u"orderResult"_s)), 20000);
        QVERIFY(!submit->isEnabled());               // never submitted twice
        QVERIFY(!gui::PortingDraft::load(demo->id)); // done with locally
        QCOMPARE(m_wizard->button(QWizard::FinishButton)->text(), u"&Close"_s);
        if (const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(m_wizard->grab().save(dir + u"/porting-summary-sent.png"_s));

        // What the emulator now holds: the route number alone on the order, and the extension block.
        const QList<core::PhoneNumberExtension> extensions = extensionsAt(connections, *demo, orderId);
        QCOMPARE(extensions.size(), 1);
        QCOMPARE(extensions.first().portingPhoneNumberId, session->portingPhoneNumberId());
        QCOMPARE(extensions.first().extensionRange, (NumberRange{0, 99}));
        QCOMPARE(extensions.first().activationRanges, (Ranges{{4, 4}, {19, 20}, {42, 42}}));

        // The same route number again: the provider refuses the draft, the field is named, the form is
        // kept and Next waits.
        QVERIFY(openDemoWizard(connections));
        walkToDetails();
        QTRY_VERIFY2_WITH_TIMEOUT(text(u"draftStatus"_s).contains(u"The draft order was not created."_s),
                                  qPrintable(text(u"draftStatus"_s)), 20000);
        QVERIFY2(text(u"draftStatus"_s).contains(u"Route number: "_s), qPrintable(text(u"draftStatus"_s)));
        QVERIFY(m_wizard->session()->orderId().isEmpty());
        QVERIFY(m_wizard->findChild<QPushButton*>(u"retryDraftButton"_s)->isVisible());
        fillDetails();
        QVERIFY(!nextButton()->isEnabled());
        m_wizard->back();
        QVERIFY(!m_wizard->findChild<QLineEdit*>(u"routeEdit"_s)->isReadOnly()); // fix it here
        m_wizard.reset();
    }

    // A draft order made at the provider comes back with the saved draft: reopened, the wizard goes on
    // with that order (no second draft) and its porting phone number.
    void resumesWithTheDraftOrder() {
        DemoConnections connections;
        const std::optional<store::Profile> demo = openDemoWizard(connections);
        QVERIFY(demo);
        typeRoute(u"0201 3456789"_s);
        m_wizard->next();
        fillDetails();
        QTRY_VERIFY_WITH_TIMEOUT(nextButton()->isEnabled(), 20000);
        m_wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->session()->portingPhoneNumberId().isEmpty(), 20000);
        const QString orderId = m_wizard->session()->orderId();
        const QString numberId = m_wizard->session()->portingPhoneNumberId();
        m_wizard->reject();

        QVERIFY(openDemoWizard(connections));
        QVERIFY(m_wizard->restoreDraft());
        QCOMPARE(m_wizard->session()->orderId(), orderId);
        QCOMPARE(m_wizard->session()->portingPhoneNumberId(), numberId);
        QVERIFY(m_wizard->findChild<QLineEdit*>(u"routeEdit"_s)->isReadOnly());
        m_wizard->next();
        QVERIFY(!m_wizard->session()->busy()); // nothing to create
        QVERIFY(text(u"draftStatus"_s).contains(orderId));
        QVERIFY(nextButton()->isEnabled());
        m_wizard->next();
        QVERIFY(nextButton()->isEnabled()); // the number was found before
        QCOMPARE(m_wizard->session()->orderId(), orderId);
        m_wizard.reset();
    }

    // Renders every page for docs/screenshots (porting-*.png) when TRUNKLINE_SCREENSHOT_DIR is set.
    void screenshots() {
        const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("TRUNKLINE_SCREENSHOT_DIR is not set");
        DemoConnections connections;
        QVERIFY(openDemoWizard(connections));
        typeRoute(u"+1 212 555 0100"_s);
        QVERIFY(m_wizard->grab().save(dir + u"/porting-route-refused.png"_s));
        typeRoute(u"0201 2345678"_s);
        QVERIFY(m_wizard->grab().save(dir + u"/porting-route.png"_s));
        m_wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->session()->orderId().isEmpty(), 20000);
        fillDetails();
        type(u"postalCodeEdit"_s, u"4513"_s);
        QVERIFY(m_wizard->grab().save(dir + u"/porting-details.png"_s));
        type(u"postalCodeEdit"_s, u"45138"_s);
        m_wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->session()->portingPhoneNumberId().isEmpty(), 20000);
        QVERIFY(m_wizard->grab().save(dir + u"/porting-number.png"_s));
        m_wizard->next();
        paste(u"+49 201 2345678 04\n0201/2345678-19\n0049 201 234567820\n+49201234567842"_s);
        m_wizard->findChild<gui::ActivationRangeBar*>()->setFocus();
        QVERIFY(m_wizard->grab().save(dir + u"/porting-extensions.png"_s));
        m_wizard->extensionsStep()->setRanges({{4, 4}, {19, 20}, {15, 25}, {120, 125}});
        QVERIFY(m_wizard->grab().save(dir + u"/porting-extensions-errors.png"_s));
        m_wizard->extensionsStep()->setRanges({{4, 4}, {19, 20}, {42, 42}});
        m_wizard->next();
        QVERIFY(m_wizard->grab().save(dir + u"/porting-summary.png"_s));
    }

private:
    // A wizard on the demo account's Telnyx profile, connected to the emulator; the profile, or nullopt.
    std::optional<store::Profile> openDemoWizard(DemoConnections& connections) {
        m_wizard.reset();
        // The demo profiles take the place of the test's own Telnyx profile (demoProfile finds the first).
        if (!std::exchange(m_demoAdded, true) &&
            (!store::ProfileRepository(m_test->database()).remove(m_profile) ||
             addDemoProfiles(*m_test) <= 0))
            return std::nullopt;
        std::optional<store::Profile> demo = demoProfile(*m_test, u"telnyx"_s);
        if (!demo)
            return std::nullopt;
        m_wizard = std::make_unique<PortingWizard>(m_test->database(), demo->id);
        m_wizard->setConnectionFactory(&connections.factory);
        m_wizard->show();
        if (!QTest::qWaitForWindowExposed(m_wizard.get()))
            return std::nullopt;
        return demo;
    }
    // The extension blocks of the order at the emulator.
    QList<core::PhoneNumberExtension>
    extensionsAt(DemoConnections& connections, const store::Profile& profile, const QString& orderId) const {
        auto connection = connections.open(profile);
        if (!connection)
            return {};
        providers::telnyx::TelnyxClient client(connection->client.get());
        QList<core::PhoneNumberExtension> extensions;
        bool listed = false;
        client.listPhoneNumberExtensions(
            orderId,
            [&extensions](int, const QList<core::PhoneNumberExtension>& page) { extensions += page; },
            [&listed](const providers::ListOutcome&) { listed = true; });
        if (!QTest::qWaitFor([&listed] { return listed; }, 20000))
            qWarning("the extensions of %s were not listed", qPrintable(orderId));
        return extensions;
    }
    void openWizard() {
        m_wizard = std::make_unique<PortingWizard>(m_test->database(), m_profile);
        QVERIFY(showExposed(*m_wizard));
    }
    QString text(const QString& name) const {
        auto* label = m_wizard->findChild<QLabel*>(name);
        return label ? label->text() : u"<no %1>"_s.arg(name);
    }
    QAbstractButton* nextButton() const {
        return m_wizard->currentId() == PortingWizard::SummaryPage ? m_wizard->button(QWizard::FinishButton)
                                                                   : m_wizard->button(QWizard::NextButton);
    }
    void type(const QString& name, const QString& value) const {
        auto* edit = m_wizard->findChild<QLineEdit*>(name);
        QVERIFY2(edit, qPrintable(name));
        edit->selectAll();
        edit->del();
        QTest::keyClicks(edit, value);
    }
    void typeRoute(const QString& value) const { type(u"routeEdit"_s, value); }
    void fillDetails() const {
        type(u"entityNameEdit"_s, u"Muster GmbH"_s);
        type(u"authPersonEdit"_s, u"Erika Mustermann"_s);
        type(u"streetEdit"_s, u"Huttropstraße 60"_s);
        type(u"postalCodeEdit"_s, u"45138"_s);
        type(u"localityEdit"_s, u"Essen"_s);
        QDate date = QDate::currentDate().addDays(14);
        while (date.dayOfWeek() > 5)
            date = date.addDays(1);
        m_wizard->findChild<QDateEdit*>(u"requestedDateEdit"_s)->setDate(date);
        type(u"loaEdit"_s, document(u"loa.pdf"_s, "%PDF-1.4\n% signed\n%%EOF\n"));
        type(u"invoiceEdit"_s, document(u"invoice.pdf"_s, "%PDF-1.4\n% March\n%%EOF\n"));
    }
    // A file in the test's folder; its path.
    QString document(const QString& name, const QByteArray& content) const {
        const QString path = m_files.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qWarning("cannot write %s", qPrintable(path));
        return path;
    }
    void walkToDetails() const {
        typeRoute(u"0201 2345678"_s);
        m_wizard->next();
        QCOMPARE(m_wizard->currentId(), int(PortingWizard::DetailsPage));
    }
    void walkToExtensions() const {
        walkToDetails();
        fillDetails();
        QTRY_VERIFY(nextButton()->isEnabled()); // connected: once the draft exists
        m_wizard->next();
        QCOMPARE(m_wizard->currentId(), int(PortingWizard::NumberLookupPage));
        QTRY_VERIFY_WITH_TIMEOUT(nextButton()->isEnabled(), 20000); // connected: once the number is found
        m_wizard->next();
        QCOMPARE(m_wizard->currentId(), int(PortingWizard::ExtensionsPage));
    }
    void paste(const QString& list) const {
        auto* box = m_wizard->findChild<QPlainTextEdit*>(u"wantedNumbers"_s);
        box->selectAll();
        box->insertPlainText(list);
    }
    QComboBox* presetCombo() const { return m_wizard->findChild<QComboBox*>(u"blockPreset"_s); }
    Ranges tableRanges() const {
        auto* table = m_wizard->findChild<QTableView*>(u"rangesTable"_s);
        return qobject_cast<gui::ActivationRangesModel*>(table->model())->ranges();
    }

    QTemporaryDir m_files;
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<PortingWizard> m_wizard;
    qint64 m_profile = 0;
    bool m_demoAdded = false; // in place of m_profile
};

QTEST_MAIN(tst_PortingWizard)
#include "tst_PortingWizard.moc"
