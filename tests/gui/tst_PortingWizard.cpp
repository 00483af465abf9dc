#include "DemoConnections.h"
#include "GuiTestCase.h"
#include "core/PhoneNumberRecord.h"
#include "gui/porting/ActivationRangeBar.h"
#include "gui/porting/ActivationRangesModel.h"
#include "gui/porting/ExtensionsStep.h"
#include "gui/porting/OrderDetailsPage.h"
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
        QCOMPARE(m_wizard->currentId(), int(PortingWizard::DetailsPage));
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
        typeRoute(u"+49 30 1234567"_s);
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

    // The whole flow against the emulator (the demo account's Telnyx): the documents uploaded, the draft
    // created with the route number only, the extension attached with the derived ranges, the order
    // submitted. A second order for the same route number is refused by the provider, which names the
    // field, and nothing typed is lost.
    void placesTheOrderAtTheEmulator() {
        m_wizard.reset();
        QVERIFY(store::ProfileRepository(m_test->database()).remove(m_profile)); // demo profiles come first
        QVERIFY(addDemoProfiles(*m_test) > 0);
        const auto demoTelnyxProfile = demoProfile(*m_test, u"telnyx"_s);
        QVERIFY(demoTelnyxProfile);
        const qint64 demoTelnyx = demoTelnyxProfile->id;
        DemoConnections connections;
        m_wizard = std::make_unique<PortingWizard>(m_test->database(), demoTelnyx);
        m_wizard->setConnectionFactory(&connections.factory);
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));

        walkToExtensions();
        paste(u"+49 201 2345678 04\n0201/2345678-19\n0049 201 234567820\n+49201234567842"_s);
        m_wizard->next();
        auto* create = m_wizard->findChild<QPushButton*>(u"createOrderButton"_s);
        auto* submit = m_wizard->findChild<QPushButton*>(u"submitOrderButton"_s);
        QVERIFY(create->isVisible() && create->isEnabled());
        QVERIFY(!submit->isEnabled());
        create->click();
        QTRY_VERIFY2_WITH_TIMEOUT(!m_wizard->summaryPage()->createdOrderId().isEmpty(),
                                  qPrintable(text(u"orderResult"_s)), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(submit->isEnabled(), 20000);
        QVERIFY2(text(u"orderResult"_s).contains(u"created with the extensions attached"_s),
                 qPrintable(text(u"orderResult"_s)));
        QVERIFY(!create->isEnabled());                 // never created twice
        QVERIFY(!gui::PortingDraft::load(demoTelnyx)); // done with locally
        const QString orderId = m_wizard->summaryPage()->createdOrderId();

        // What the emulator now holds: the route number alone on the order, and the extension block.
        auto connection = connections.open(*demoTelnyxProfile);
        QVERIFY(connection);
        providers::telnyx::TelnyxClient client(connection->client.get());
        QList<core::PortingPhoneNumber> numbers;
        QList<core::PhoneNumberExtension> extensions;
        int lists = 0;
        client.listPortingPhoneNumbers(
            orderId, [&numbers](int, const QList<core::PortingPhoneNumber>& page) { numbers += page; },
            [&lists](const providers::ListOutcome&) { ++lists; });
        client.listPhoneNumberExtensions(
            orderId,
            [&extensions](int, const QList<core::PhoneNumberExtension>& page) { extensions += page; },
            [&lists](const providers::ListOutcome&) { ++lists; });
        QTRY_COMPARE_WITH_TIMEOUT(lists, 2, 20000);
        QCOMPARE(numbers.size(), 1);
        QCOMPARE(numbers.first().phoneNumber, u"+492012345678"_s);
        QCOMPARE(extensions.size(), 1);
        QCOMPARE(extensions.first().portingPhoneNumberId, numbers.first().id);
        QCOMPARE(extensions.first().extensionRange, (NumberRange{0, 99}));
        QCOMPARE(extensions.first().activationRanges, (Ranges{{4, 4}, {19, 20}, {42, 42}}));

        submit->click();
        QTRY_VERIFY2_WITH_TIMEOUT(
            text(u"orderResult"_s).contains(u"submitted; its status is now In process"_s),
            qPrintable(text(u"orderResult"_s)), 20000);
        QVERIFY(!submit->isEnabled()); // never submitted twice
        if (const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(m_wizard->grab().save(dir + u"/porting-summary-sent.png"_s));

        // The same route number again: the provider refuses it, the field is named, the form is kept.
        m_wizard = std::make_unique<PortingWizard>(m_test->database(), demoTelnyx);
        m_wizard->setConnectionFactory(&connections.factory);
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
        walkToExtensions();
        paste(u"+49201234567804"_s);
        m_wizard->next();
        create = m_wizard->findChild<QPushButton*>(u"createOrderButton"_s);
        create->click();
        QTRY_VERIFY2_WITH_TIMEOUT(text(u"orderResult"_s).contains(u"The order was not created."_s),
                                  qPrintable(text(u"orderResult"_s)), 20000);
        QVERIFY2(text(u"orderResult"_s).contains(u"Route number: "_s), qPrintable(text(u"orderResult"_s)));
        QVERIFY(m_wizard->summaryPage()->createdOrderId().isEmpty());
        QVERIFY(create->isEnabled()); // fix it elsewhere and try again
        QCOMPARE(m_wizard->findChild<QLineEdit*>(u"entityNameEdit"_s)->text(), u"Muster GmbH"_s);
        m_wizard.reset();
    }

    // Renders every page for docs/screenshots (porting-*.png) when TRUNKLINE_SCREENSHOT_DIR is set.
    void screenshots() {
        const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("TRUNKLINE_SCREENSHOT_DIR is not set");
        typeRoute(u"+1 212 555 0100"_s);
        QVERIFY(m_wizard->grab().save(dir + u"/porting-route-refused.png"_s));
        typeRoute(u"0201 2345678"_s);
        QVERIFY(m_wizard->grab().save(dir + u"/porting-route.png"_s));
        m_wizard->next();
        fillDetails();
        type(u"postalCodeEdit"_s, u"4513"_s);
        QVERIFY(m_wizard->grab().save(dir + u"/porting-details.png"_s));
        type(u"postalCodeEdit"_s, u"45138"_s);
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
    void openWizard() {
        m_wizard = std::make_unique<PortingWizard>(m_test->database(), m_profile);
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
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
        QVERIFY(nextButton()->isEnabled());
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
};

QTEST_MAIN(tst_PortingWizard)
#include "tst_PortingWizard.moc"
