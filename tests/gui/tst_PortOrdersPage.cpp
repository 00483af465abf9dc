#include "DemoConnections.h"
#include "GuiTestCase.h"
#include "core/Csv.h"
#include "gui/porting/PortOrdersModel.h"
#include "gui/porting/PortOrdersPage.h"
#include "gui/porting/PortingDraft.h"
#include "gui/porting/PortingWizard.h"
#include "gui/porting/RouteNumberPage.h"
#include "providers/ProviderRegistry.h"
#include "providers/telnyx/TelnyxClient.h"
#include "secrets/MemorySecretStore.h"
#include "store/PortingRepository.h"
#include "store/ProfileRepository.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using gui::PortOrdersModel;
using gui::PortOrdersPage;

class tst_PortOrdersPage : public QObject {
    Q_OBJECT

    // A draft for `route` with the block 0–99 (4 active) at the demo account's Telnyx, as the wizard
    // creates it; without an id when the emulator refused or did not answer.
    static core::PortingOrder createDemoDraft(connection::Connection& connection, const QString& route) {
        auto placement = connection.provider->adapter->portOrders(connection.client.get());
        providers::PortOrderRequest request;
        request.routeE164 = route;
        request.entityName = u"Muster GmbH"_s;
        request.authPersonName = u"Erika Mustermann"_s;
        request.streetAddress = u"Huttropstraße 60"_s;
        request.postalCode = u"45138"_s;
        request.locality = u"Essen"_s;
        request.requestedDate = QDate(2030, 1, 7);
        request.extensionRange = {0, 99};
        request.activationRanges = {{4, 4}};
        std::optional<providers::Outcome<core::PortingOrder>> created;
        placement->placeDraft(request, [&created](const auto& outcome) { created = outcome; });
        if (!QTest::qWaitFor([&created] { return created.has_value(); }, 20000) || !created->ok())
            return {};
        return *created->value;
    }

private slots:
    void init() {
        QVERIFY2(startGuiTestCase(m_test), qPrintable(m_test->error()));
        m_telnyx = m_test->addProfile(u"Telnyx office"_s, u"telnyx"_s);
        m_ringCentral = m_test->addProfile(u"Head office"_s, u"ringcentral"_s);
        addOrder(u"order-draft"_s, core::PortingOrderStatus::Draft, u"+492012345678"_s, {{0, 99}},
                 {{4, 4}, {19, 20}, {42, 42}});
        addOrder(u"order-ported"_s, core::PortingOrderStatus::Ported, u"+49301234567"_s, {{0, 9}}, {{0, 9}});
        m_page = std::make_unique<PortOrdersPage>(m_test->database());
        m_page->resize(1000, 500);
        m_page->setProfile(m_telnyx);
        QVERIFY(showExposed(*m_page));
    }
    void cleanup() {
        m_page.reset(); // before the connections it uses
        m_connections.reset();
        m_demoTelnyx.reset();
        m_asked.clear();
        m_test.reset();
    }

    void listsOrdersWithRouteBlockAndActiveCount() {
        auto* model = m_page->model();
        QCOMPARE(model->rowCount(), 2);
        const int draft = rowOf(u"order-draft"_s);
        QVERIFY(draft >= 0);
        QCOMPARE(cell(draft, PortOrdersModel::StatusColumn), u"Draft"_s);
        QCOMPARE(cell(draft, PortOrdersModel::RouteColumn), u"+492012345678"_s);
        QCOMPARE(cell(draft, PortOrdersModel::BlockColumn), u"0–99"_s);
        QCOMPARE(cell(draft, PortOrdersModel::ActiveColumn), u"4"_s);
        const int ported = rowOf(u"order-ported"_s);
        QCOMPARE(cell(ported, PortOrdersModel::BlockColumn), u"0–9"_s);
        QCOMPARE(cell(ported, PortOrdersModel::ActiveColumn), u"10"_s);
    }
    void filtersByStatus() {
        auto* filter = m_page->findChild<QComboBox*>(u"statusFilter"_s);
        filter->setCurrentIndex(filter->findData(u"ported"_s));
        QCOMPARE(m_page->model()->rowCount(), 1);
        QCOMPARE(cell(0, PortOrdersModel::IdColumn), u"order-ported"_s);
        filter->setCurrentIndex(0);
        QCOMPARE(m_page->model()->rowCount(), 2);
    }
    void profilesWithoutPortingShowNothing() {
        m_page->setProfile(m_ringCentral);
        QCOMPARE(m_page->model()->rowCount(), 0);
        QVERIFY(!m_page->newOrderAction()->isEnabled());
        QVERIFY(m_page->lastMessage().contains(u"Telnyx"_s));
        m_page->setProfile(std::nullopt); // all profiles: the only porting one is the Telnyx office
        QCOMPARE(m_page->model()->rowCount(), 2);
        QVERIFY(m_page->newOrderAction()->isEnabled());
    }
    void exportsEveryNumberOfTheChosenOrder() {
        QVERIFY(!m_page->exportAction()->isEnabled());
        auto* table = m_page->findChild<QTableView*>(u"portOrdersTable"_s);
        table->selectRow(rowOf(u"order-draft"_s));
        QVERIFY(m_page->exportAction()->isEnabled());
        QTemporaryDir dir;
        const QString path = dir.filePath(u"order.csv"_s);
        m_page->setSaveFilePrompt([&path](const QString& suggested) -> std::optional<gui::CsvTarget> {
            if (suggested != u"port-order-order-draft.csv"_s)
                return std::nullopt;
            return gui::CsvTarget{path};
        });
        m_page->exportAction()->trigger();
        QVERIFY2(m_page->lastMessage().startsWith(u"Exported"_s), qPrintable(m_page->lastMessage()));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        core::CsvReader reader(&file, {u',', true});
        const QList<QStringList> rows = reader.readAll();
        QVERIFY(!reader.hasError());
        QCOMPARE(rows.size(), 1 + 1 + 100); // header, route number, the block
        QCOMPARE(rows.at(0), (QStringList{u"number"_s, u"extension"_s, u"active"_s}));
        QCOMPARE(rows.at(1), (QStringList{u"+492012345678"_s, QString(), u"true"_s}));
        QCOMPARE(rows.at(2), (QStringList{u"+49201234567800"_s, u"00"_s, u"false"_s}));
        QCOMPARE(rows.at(2 + 4), (QStringList{u"+49201234567804"_s, u"04"_s, u"true"_s}));
        QCOMPARE(rows.at(2 + 99), (QStringList{u"+49201234567899"_s, u"99"_s, u"false"_s}));
        int active = 0;
        for (const QStringList& row : rows.mid(2))
            active += row.at(2) == u"true"_s ? 1 : 0;
        QCOMPARE(active, 4);
    }
    void newOrderOffersTheSavedDraft() {
        gui::PortingDraft draft;
        draft.routeText = u"0201 2345678"_s;
        draft.save(m_telnyx);
        int runs = 0;
        QString routeShown;
        m_page->setWizardRunner([&](gui::PortingWizard& wizard) {
            ++runs;
            routeShown = wizard.routePage()->routeText();
        });
        m_page->setDraftPrompt([] { return PortOrdersPage::DraftChoice::Continue; });
        m_page->newOrderAction()->trigger();
        QCOMPARE(runs, 1);
        QCOMPARE(routeShown, u"0201 2345678"_s);

        m_page->setDraftPrompt([] { return PortOrdersPage::DraftChoice::StartOver; });
        m_page->newOrderAction()->trigger();
        QCOMPARE(runs, 2);
        QCOMPARE(routeShown, QString());
        QVERIFY(!gui::PortingDraft::load(m_telnyx));
    }
    void deleteExtensionRefusedByState() {
        auto* orders = m_page->findChild<QTableView*>(u"portOrdersTable"_s);
        auto* extensions = m_page->findChild<QTableWidget*>(u"extensionsTable"_s);
        orders->selectRow(rowOf(u"order-ported"_s));
        QCOMPARE(extensions->rowCount(), 1);
        QCOMPARE(extensions->item(0, 0)->text(), u"0–9"_s);
        extensions->selectRow(0);
        QVERIFY(!m_page->deleteExtensionAction()->isEnabled());
        QVERIFY2(m_page->deleteExtensionAction()->toolTip().contains(u"this order is Ported"_s),
                 qPrintable(m_page->deleteExtensionAction()->toolTip()));
        orders->selectRow(rowOf(u"order-draft"_s));
        QCOMPARE(extensions->item(0, 2)->text(), u"4–4, 19–20, 42–42"_s);
        extensions->selectRow(0);
        // A draft allows it, but without a connection there is no one to ask.
        QVERIFY(m_page->deleteExtensionAction()->toolTip().contains(u"no connection"_s));
    }
    void deleteExtensionAtTheEmulator() {
        // A real draft with one extension block at the demo account's Telnyx, stored as a sync would.
        auto connection = connectDemoTelnyx();
        QVERIFY(connection);
        const core::PortingOrder order = createDemoDraft(*connection, u"+492012345678"_s);
        QVERIFY(!order.id.isEmpty());
        providers::telnyx::TelnyxClient client(connection->client.get());
        QList<core::PortingPhoneNumber> numbers;
        QList<core::PhoneNumberExtension> extensions;
        int lists = 0;
        const auto listBoth = [&] {
            numbers.clear();
            extensions.clear();
            client.listPortingPhoneNumbers(
                order.id, [&numbers](int, const QList<core::PortingPhoneNumber>& page) { numbers += page; },
                [&lists](const providers::ListOutcome&) { ++lists; });
            client.listPhoneNumberExtensions(
                order.id,
                [&extensions](int, const QList<core::PhoneNumberExtension>& page) { extensions += page; },
                [&lists](const providers::ListOutcome&) { ++lists; });
        };
        listBoth();
        QTRY_COMPARE_WITH_TIMEOUT(lists, 2, 20000);
        QCOMPARE(extensions.size(), 1);
        store::PortingRepository porting(m_test->database());
        QVERIFY(porting.upsertOrders(m_demoTelnyx->id, {order}));
        QVERIFY(porting.upsertPhoneNumbers(m_demoTelnyx->id, numbers));
        QVERIFY(porting.upsertExtensions(m_demoTelnyx->id, extensions));

        showDemoTelnyx();
        m_page->findChild<QTableView*>(u"portOrdersTable"_s)->selectRow(rowOf(order.id));
        m_page->findChild<QTableWidget*>(u"extensionsTable"_s)->selectRow(0);
        QVERIFY(m_page->deleteExtensionAction()->isEnabled());
        m_page->deleteExtensionAction()->trigger();
        QCOMPARE(m_asked.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_page->lastMessage(), u"The extension block was deleted."_s, 20000);
        QVERIFY(porting.extensions(m_demoTelnyx->id, numbers.first().id).isEmpty());
        listBoth();
        QTRY_COMPARE_WITH_TIMEOUT(lists, 4, 20000);
        QVERIFY(extensions.isEmpty());
    }
    void orderActionRefusedByState_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("whyNotPorted");
        QTest::addColumn<QString>("whyNotDraft");
        QTest::newRow("cancel") << u"actionCancelPortOrder"_s << u"this order is Ported"_s
                                << u"a draft is deleted instead"_s;
        // A draft allows it, but without a connection there is no one to ask.
        QTest::newRow("delete draft") << u"actionDeleteDraftPortOrder"_s
                                      << u"a submitted order is cancelled instead"_s << u"no connection"_s;
    }
    void orderActionRefusedByState() {
        QFETCH(QString, action);
        QFETCH(QString, whyNotPorted);
        QFETCH(QString, whyNotDraft);
        auto* refused = m_page->findChild<QAction*>(action);
        QVERIFY(refused);
        auto* orders = m_page->findChild<QTableView*>(u"portOrdersTable"_s);
        orders->selectRow(rowOf(u"order-ported"_s));
        QVERIFY(!refused->isEnabled());
        QVERIFY2(refused->toolTip().contains(whyNotPorted), qPrintable(refused->toolTip()));
        orders->selectRow(rowOf(u"order-draft"_s));
        QVERIFY(!refused->isEnabled());
        QVERIFY2(refused->toolTip().contains(whyNotDraft), qPrintable(refused->toolTip()));
    }
    void cancelAtTheEmulator() {
        auto connection = connectDemoTelnyx();
        QVERIFY(connection);
        // One of the demo account's submitted orders, stored as a sync would.
        providers::telnyx::TelnyxClient client(connection->client.get());
        QList<core::PortingOrder> submitted;
        bool listed = false;
        client.listPortingOrders(
            {core::PortingOrderStatus::InProcess, core::PortingOrderStatus::Submitted},
            [&submitted](int, const QList<core::PortingOrder>& page) { submitted += page; },
            [&listed](const providers::ListOutcome&) { listed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(listed, 20000);
        if (submitted.isEmpty())
            QSKIP("the demo account has no submitted order to cancel");
        const core::PortingOrder order = submitted.first();
        QVERIFY(store::PortingRepository(m_test->database()).upsertOrders(m_demoTelnyx->id, {order}));

        showDemoTelnyx();
        m_page->findChild<QTableView*>(u"portOrdersTable"_s)->selectRow(rowOf(order.id));
        QVERIFY(m_page->cancelOrderAction()->isEnabled());
        m_page->cancelOrderAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_page->lastMessage().startsWith(u"Order "_s), 20000);
        QCOMPARE(m_page->lastMessage(), u"Order %1 is now Cancel pending."_s.arg(order.id));
        QCOMPARE(cell(rowOf(order.id), PortOrdersModel::StatusColumn), u"Cancel pending"_s);
    }
    // A draft made at the demo account's Telnyx, deleted with Del in the orders list: gone at the
    // provider and from the store.
    void deleteDraftAtTheEmulator() {
        auto connection = connectDemoTelnyx();
        QVERIFY(connection);
        const core::PortingOrder order = createDemoDraft(*connection, u"+492012345679"_s);
        QVERIFY(!order.id.isEmpty());
        QVERIFY(store::PortingRepository(m_test->database()).upsertOrders(m_demoTelnyx->id, {order}));

        showDemoTelnyx();
        auto* orders = m_page->findChild<QTableView*>(u"portOrdersTable"_s);
        orders->selectRow(rowOf(order.id));
        QVERIFY(m_page->deleteDraftAction()->isEnabled());
        orders->setFocus();
        QTest::keyClick(orders, Qt::Key_Delete);
        QCOMPARE(m_asked.size(), 1);
        QVERIFY(m_asked.first().contains(order.id));
        QTRY_COMPARE_WITH_TIMEOUT(m_page->lastMessage(), u"The draft %1 was deleted."_s.arg(order.id), 20000);
        QCOMPARE(rowOf(order.id), -1);
        QVERIFY(!store::PortingRepository(m_test->database()).findOrder(m_demoTelnyx->id, order.id));
        providers::telnyx::TelnyxClient client(connection->client.get());
        std::optional<providers::Outcome<core::PortingOrder>> fetched;
        client.getPortingOrder(order.id, [&fetched](const auto& outcome) { fetched = outcome; });
        QTRY_VERIFY_WITH_TIMEOUT(fetched.has_value(), 20000);
        QVERIFY(fetched->error && fetched->error->kind == net::ApiError::Kind::NotFound);
    }
    void screenshot() {
        const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("TRUNKLINE_SCREENSHOT_DIR is not set");
        m_page->findChild<QTableView*>(u"portOrdersTable"_s)->selectRow(rowOf(u"order-draft"_s));
        QVERIFY(m_page->grab().save(dir + u"/porting-orders-page.png"_s));
    }

private:
    // The demo account's Telnyx profile in place of the case's own profiles (demo profiles are only
    // added to an empty list, as on a first start).
    std::optional<store::Profile> useDemoTelnyx() {
        store::ProfileRepository profiles(m_test->database());
        if (!profiles.remove(m_telnyx) || !profiles.remove(m_ringCentral) || addDemoProfiles(*m_test) <= 0)
            return std::nullopt;
        return demoProfile(*m_test, u"telnyx"_s);
    }
    // The demo account's Telnyx in place of the case's own profiles, connected through m_connections.
    std::optional<connection::Connection> connectDemoTelnyx() {
        m_demoTelnyx = useDemoTelnyx();
        if (!m_demoTelnyx)
            return std::nullopt;
        m_connections = std::make_unique<DemoConnections>();
        return m_connections->open(*m_demoTelnyx);
    }
    // The page on the demo Telnyx profile, working through m_connections; every question it asks is
    // answered yes and kept in m_asked.
    void showDemoTelnyx() {
        m_page->setConnectionFactory(&m_connections->factory);
        m_page->setProfile(m_demoTelnyx->id);
        m_page->setConfirmPrompt([this](const QString& text) {
            m_asked << text;
            return true;
        });
    }
    void addOrder(const QString& id, core::PortingOrderStatus status, const QString& route,
                  const QList<core::NumberRange>& block, const QList<core::NumberRange>& active) {
        store::PortingRepository porting(m_test->database());
        core::PortingOrder order;
        order.id = id;
        order.status = status;
        order.countryCode = u"DE"_s;
        order.createdAt = QDateTime(QDate(2026, 11, 2), QTime(9, 30), QTimeZone::utc());
        QVERIFY(porting.upsertOrders(m_telnyx, {order}));
        core::PortingPhoneNumber number;
        number.id = id + u"-ppn"_s;
        number.portingOrderId = id;
        number.phoneNumber = route;
        QVERIFY(porting.upsertPhoneNumbers(m_telnyx, {number}));
        core::PhoneNumberExtension extension;
        extension.id = id + u"-ext"_s;
        extension.portingPhoneNumberId = number.id;
        extension.extensionRange = block.first();
        extension.activationRanges = active;
        QVERIFY(porting.upsertExtensions(m_telnyx, {extension}));
    }
    int rowOf(const QString& id) const {
        for (int row = 0; row < m_page->model()->rowCount(); ++row) {
            if (cell(row, PortOrdersModel::IdColumn) == id)
                return row;
        }
        return -1;
    }
    QString cell(int row, int column) const { return m_page->model()->index(row, column).data().toString(); }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<PortOrdersPage> m_page;
    std::unique_ptr<DemoConnections> m_connections;
    std::optional<store::Profile> m_demoTelnyx;
    QStringList m_asked;
    qint64 m_telnyx = 0;
    qint64 m_ringCentral = 0;
};

QTEST_MAIN(tst_PortOrdersPage)
#include "tst_PortOrdersPage.moc"
