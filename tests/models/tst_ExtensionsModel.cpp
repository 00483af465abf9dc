#include "ColumnTexts.h"
#include "EngineTestCase.h"
#include "TestDatabaseMember.h"
#include "models/ExtensionsModel.h"
#include "store/ExtensionRepository.h"
#include "store/PhoneNumberRepository.h"

#include <QAbstractItemModelTester>
#include <QtTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace trunkline;
using models::ExtensionsModel;

namespace {

constexpr int kExtensionCount = 1200;

core::Extension extensionFor(int i) {
    core::Extension x;
    x.id = QString::number(9000000 + i);
    x.extensionNumber = QString::number(1000 + i);
    x.name = u"Person %1"_s.arg(i, 4, 10, QLatin1Char('0'));
    x.type = i % 10 == 0 ? core::ExtensionType::Department : core::ExtensionType::User;
    x.status = i % 7 == 0 ? core::ExtensionStatus::Disabled : core::ExtensionStatus::Enabled;
    x.contact.email = u"person%1@example.com"_s.arg(i);
    x.contact.department = i % 2 ? u"Sales"_s : u"Support"_s;
    x.timeZone = u"Europe/Berlin"_s;
    return x;
}

} // namespace

class tst_ExtensionsModel : public EngineTestCase {
    Q_OBJECT

private slots:
    void init() {
        TRUNKLINE_OPEN_TEST_DATABASE_MEMBER(m_test);
        m_profile = m_test->addProfile();
        QList<core::Extension> all;
        for (int i = 0; i < kExtensionCount; ++i) {
            all << extensionFor(i);
        }
        QString error;
        QVERIFY2(store::ExtensionRepository(m_test->database()).upsert(m_profile, all, &error),
                 qPrintable(error));
        core::PhoneNumberRecord n;
        n.provider = core::kProviderRingCentral.toString();
        for (int k = 0; k < 3; ++k) {
            n.id = u"n%1"_s.arg(k);
            n.e164 = u"+49301234%1"_s.arg(k);
            n.extensionId = extensionFor(5).id;
            QVERIFY(store::PhoneNumberRepository(m_test->database()).upsert(m_profile, {n}));
        }
    }
    void cleanup() { m_test.reset(); }

    void lazyAndComplete() {
        ExtensionsModel model(m_test->database());
        QCOMPARE(model.rowCount(), ExtensionsModel::kDefaultPageSize);
        QCOMPARE(model.pagesFetched(), 1);
        QCOMPARE(model.totalCount(), kExtensionCount);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), kExtensionCount);
        QCOMPARE(model.pagesFetched(), kExtensionCount / ExtensionsModel::kDefaultPageSize + 1);
        const QStringList numbers = columnTexts(model, ExtensionsModel::NumberColumn);
        QStringList sorted = numbers;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(numbers, sorted);
        sorted.removeDuplicates();
        QCOMPARE(sorted.size(), kExtensionCount);
    }

    void filters_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        int departments = 0, disabled = 0, disabledDepartments = 0, person12 = 0;
        for (int i = 0; i < kExtensionCount; ++i) {
            const core::Extension x = extensionFor(i);
            departments += x.type == core::ExtensionType::Department;
            disabled += x.status == core::ExtensionStatus::Disabled;
            disabledDepartments +=
                x.type == core::ExtensionType::Department && x.status == core::ExtensionStatus::Disabled;
            person12 += x.name.contains(u"Person 012"_s);
        }
        QTest::newRow("type") << u"Department"_s << QString() << QString() << departments;
        QTest::newRow("status") << QString() << u"Disabled"_s << QString() << disabled;
        QTest::newRow("type and status")
            << u"Department"_s << u"Disabled"_s << QString() << disabledDepartments;
        QTest::newRow("name, case-insensitive") << QString() << QString() << u"person 012"_s << person12;
        QTest::newRow("extension number") << QString() << QString() << u"2199"_s << 1;
        QTest::newRow("e-mail") << QString() << QString() << u"PERSON77@"_s << 1;
        QTest::newRow("nothing") << QString() << QString() << u"nobody"_s << 0;
    }
    void filters() {
        QFETCH(QString, type);
        QFETCH(QString, status);
        QFETCH(QString, text);
        QFETCH(int, expected);
        ExtensionsModel model(m_test->database());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        store::ExtensionTableFilter filter;
        if (!type.isEmpty()) {
            filter.type = core::fromWire<core::ExtensionType>(type);
        }
        if (!status.isEmpty()) {
            filter.status = core::fromWire<core::ExtensionStatus>(status);
        }
        filter.text = text;
        model.setFilter(filter);
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), expected);
        QCOMPARE(model.totalCount(), expected);
        if (!type.isEmpty()) {
            QCOMPARE(columnTexts(model, ExtensionsModel::TypeColumn, ExtensionsModel::RawValueRole),
                     QStringList(expected, type));
        }
        if (!status.isEmpty()) {
            QCOMPARE(columnTexts(model, ExtensionsModel::StatusColumn, ExtensionsModel::RawValueRole),
                     QStringList(expected, status));
        }
    }

    void sortsByNameDescending() {
        ExtensionsModel model(m_test->database());
        model.setPageSize(77);
        model.sort(ExtensionsModel::NameColumn, Qt::DescendingOrder);
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), kExtensionCount);
        QCOMPARE(model.index(0, ExtensionsModel::NameColumn).data().toString(), u"Person 1199"_s);
        QCOMPARE(model.index(kExtensionCount - 1, ExtensionsModel::NameColumn).data().toString(),
                 u"Person 0000"_s);
        // The count column is not sortable in SQL: sorting by it leaves the order alone.
        model.sort(ExtensionsModel::NumbersColumn);
        QCOMPARE(model.sortKey(), store::ExtensionSortKey::Name);
    }

    void countsAssignedNumbers() {
        ExtensionsModel model(m_test->database());
        store::ExtensionTableFilter filter;
        filter.text = extensionFor(5).name;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ExtensionsModel::NumbersColumn).data().toString(), u"3"_s);
        QCOMPARE(model.index(0, ExtensionsModel::TypeColumn).data().toString(),
                 core::displayName(core::ExtensionType::User));
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    qint64 m_profile = 0;
};

QTEST_GUILESS_MAIN(tst_ExtensionsModel)
#include "tst_ExtensionsModel.moc"
