#include "TestDatabase.h"
#include "gui/extensions/ExtensionsPage.h"
#include "models/ExtensionsModel.h"
#include "store/ExtensionRepository.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using models::ExtensionsModel;

class tst_ExtensionsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        QSettings().clear();
        m_test = std::make_unique<TestDatabase>(u"sqlite"_s);
        QVERIFY2(m_test->open(), qPrintable(m_test->error()));
        const qint64 profile = m_test->addProfile();
        QList<core::Extension> all;
        const QStringList names = {u"Anna Berger"_s, u"Jonas Keller"_s, u"Sales"_s, u"Support"_s, u"Lobby"_s};
        for (int i = 0; i < 450; ++i) {
            core::Extension x;
            x.id = QString::number(100000 + i);
            x.extensionNumber = QString::number(100 + i);
            x.name = names[i % names.size()] + u' ' + QString::number(i);
            x.type = names[i % names.size()].startsWith(u'S') ? core::ExtensionType::Department
                                                              : core::ExtensionType::User;
            x.status = i % 9 == 0 ? core::ExtensionStatus::NotActivated : core::ExtensionStatus::Enabled;
            all << x;
        }
        QVERIFY(store::ExtensionRepository(m_test->database()).upsert(profile, all));
        m_page = std::make_unique<gui::ExtensionsPage>(m_test->database());
        m_page->resize(1000, 600);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }
    void cleanup() {
        m_page.reset();
        m_test.reset();
    }

    void listsLazily() {
        QCOMPARE(m_page->model()->totalCount(), 450);
        QVERIFY(m_page->model()->rowCount() < 450);
        QCOMPARE(m_page->findChild<QLabel*>(u"countLabel"_s)->text(), u"450 extensions"_s);
    }

    void typeStatusAndTextFilters() {
        auto* type = m_page->findChild<QComboBox*>(u"typeCombo"_s);
        type->setCurrentIndex(type->findData(u"Department"_s));
        QCOMPARE(m_page->model()->totalCount(), 180);
        auto* status = m_page->findChild<QComboBox*>(u"statusCombo"_s);
        status->setCurrentIndex(status->findData(u"NotActivated"_s));
        for (int row = 0; row < m_page->model()->rowCount(); ++row) {
            QCOMPARE(m_page->model()
                         ->index(row, ExtensionsModel::StatusColumn)
                         .data(ExtensionsModel::RawValueRole),
                     QVariant(u"NotActivated"_s));
            QCOMPARE(
                m_page->model()->index(row, ExtensionsModel::TypeColumn).data(ExtensionsModel::RawValueRole),
                QVariant(u"Department"_s));
        }
        QVERIFY(m_page->model()->rowCount() > 0);
        type->setCurrentIndex(0);
        status->setCurrentIndex(0);
        QTest::keyClicks(m_page->findChild<QLineEdit*>(u"textEdit"_s), u"keller 1"_s);
        QTRY_COMPARE(m_page->model()->filter().text, u"keller 1"_s);
        QVERIFY(m_page->model()->rowCount() > 0);
        for (int row = 0; row < m_page->model()->rowCount(); ++row) {
            QVERIFY(m_page->model()
                        ->index(row, ExtensionsModel::NameColumn)
                        .data()
                        .toString()
                        .startsWith(u"Jonas Keller 1"_s));
        }
        QCOMPARE(m_page->findChild<QLabel*>(u"countLabel"_s)->text(),
                 u"%1 extensions"_s.arg(m_page->model()->totalCount()));
    }

    void sortByHeaderIsRemembered() {
        auto* header = m_page->findChild<QTableView*>(u"tableView"_s)->horizontalHeader();
        header->setSortIndicator(ExtensionsModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(m_page->model()->sortKey(), store::ExtensionSortKey::Name);
        m_page.reset();
        gui::ExtensionsPage again(m_test->database());
        QCOMPARE(again.model()->sortKey(), store::ExtensionSortKey::Name);
        QCOMPARE(again.model()->sortOrder(), Qt::DescendingOrder);
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<gui::ExtensionsPage> m_page;
};

QTEST_MAIN(tst_ExtensionsPage)
#include "tst_ExtensionsPage.moc"
