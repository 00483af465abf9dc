#include "GuiTestCase.h"
#include "core/Csv.h"
#include "gui/porting/PortOrdersModel.h"
#include "gui/porting/PortOrdersPage.h"
#include "gui/porting/PortingDraft.h"
#include "gui/porting/PortingWizard.h"
#include "gui/porting/RouteNumberPage.h"
#include "store/PortingRepository.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using gui::PortOrdersModel;
using gui::PortOrdersPage;

class tst_PortOrdersPage : public QObject {
    Q_OBJECT

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
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }
    void cleanup() {
        m_page.reset();
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
        m_page->setSaveFilePrompt([&path](const QString& suggested) {
            return suggested == u"port-order-order-draft.csv"_s ? path : QString();
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
    void screenshot() {
        const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("TRUNKLINE_SCREENSHOT_DIR is not set");
        m_page->findChild<QTableView*>(u"portOrdersTable"_s)->selectRow(rowOf(u"order-draft"_s));
        QVERIFY(m_page->grab().save(dir + u"/porting-orders-page.png"_s));
    }

private:
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
    qint64 m_telnyx = 0;
    qint64 m_ringCentral = 0;
};

QTEST_MAIN(tst_PortOrdersPage)
#include "tst_PortOrdersPage.moc"
