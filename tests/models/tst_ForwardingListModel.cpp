#include "ExtensionRecord.h"
#include "ForwardingEntry.h"
#include "TestDatabase.h"
#include "models/ForwardingListModel.h"
#include "store/ExtensionRepository.h"
#include "store/ForwardingNumberRepository.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using core::ForwardingNumber;
using core::ForwardingType;
using models::ForwardingListModel;
using test::entry;
using test::extension;

namespace {

QStringList idsOf(const ForwardingListModel& model) {
    QStringList ids;
    for (const ForwardingNumber& n : model.entries())
        ids << n.id;
    return ids;
}

QList<int> flipsOf(const ForwardingListModel& model) {
    QList<int> flips;
    for (const ForwardingNumber& n : model.entries())
        flips << n.flipNumber;
    return flips;
}

} // namespace

class tst_ForwardingListModel : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY2(openSqliteTestDatabase(m_test), qPrintable(m_test->error()));
        m_profile = m_test->addProfile();
        QVERIFY(store::ExtensionRepository(m_test->database())
                    .upsert(m_profile, {extension(u"501"_s, u"101"_s, u"Anna Berger"_s)}));
        // Stored in an order that is not the flip order: the model shows the flip order.
        const QList<ForwardingNumber> stored = {
            entry(u"f-home"_s, u"+493012345671"_s, ForwardingType::Home, 2),
            entry(u"f-mobile"_s, u"+4915112345672"_s, ForwardingType::Mobile, 1),
            entry(u"f-other"_s, u"+493012345673"_s, ForwardingType::Other, 0, u"Summer house"_s),
            entry(u"f-work"_s, u"+493012345674"_s, ForwardingType::Work, 3),
        };
        QString error;
        QVERIFY2(store::ForwardingNumberRepository(m_test->database())
                     .replaceList(m_profile, u"501"_s, stored, &error),
                 qPrintable(error));
        m_model = std::make_unique<ForwardingListModel>(m_test->database());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY2(m_model->load(m_profile, u"501"_s, &error), qPrintable(error));
    }
    void cleanup() {
        m_tester.reset();
        m_model.reset();
        m_test.reset();
    }

    void loadsInFlipOrder() {
        QCOMPARE(idsOf(*m_model), (QStringList{u"f-mobile"_s, u"f-home"_s, u"f-work"_s, u"f-other"_s}));
        QCOMPARE(flipsOf(*m_model), (QList<int>{1, 2, 3, 0}));
        QVERIFY(!m_model->isModified());
        QCOMPARE(m_model->index(0, ForwardingListModel::NumberColumn).data().toString(),
                 u"+49 1511 2345672"_s);
        QCOMPARE(m_model->index(0, ForwardingListModel::TypeColumn).data().toString(), u"Mobile"_s);
        QCOMPARE(m_model->index(3, ForwardingListModel::FlipColumn).data().toString(), QString());
        QCOMPARE(m_model->index(3, ForwardingListModel::LabelColumn).data().toString(), u"Summer house"_s);
        QVERIFY(m_model->violations().isEmpty());
    }

    void moveUpAndDownRenumberFlips() {
        QSignalSpy modified(m_model.get(), &ForwardingListModel::modifiedChanged);
        QVERIFY(m_model->moveDown(0));
        QCOMPARE(idsOf(*m_model), (QStringList{u"f-home"_s, u"f-mobile"_s, u"f-work"_s, u"f-other"_s}));
        QCOMPARE(flipsOf(*m_model), (QList<int>{1, 2, 3, 0}));
        QVERIFY(m_model->isModified());
        QCOMPARE(modified.count(), 1);
        QVERIFY(m_model->moveUp(2));
        QCOMPARE(idsOf(*m_model), (QStringList{u"f-home"_s, u"f-work"_s, u"f-mobile"_s, u"f-other"_s}));
        QCOMPARE(m_model->entry(1).flipNumber, 2);
        QCOMPARE(m_model->entry(2).flipNumber, 3);
        // The first row cannot go up, the last not down.
        QVERIFY(!m_model->moveUp(0));
        QVERIFY(!m_model->moveDown(3));
        // A non-flip entry moved above the flip entries takes no digit; the others keep 1..n.
        QVERIFY(m_model->moveUp(3));
        QVERIFY(m_model->moveUp(2));
        QCOMPARE(flipsOf(*m_model), (QList<int>{1, 0, 2, 3}));
        QVERIFY(m_model->violations().isEmpty());
        m_model->revert();
        QVERIFY(!m_model->isModified());
        QCOMPARE(modified.count(), 2);
    }

    void dropMimeDataReorders_data() {
        QTest::addColumn<QList<int>>("dragged");
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("parentRow");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("last to top") << QList<int>{3} << 0 << -1
                                     << QStringList{u"f-other"_s, u"f-mobile"_s, u"f-home"_s, u"f-work"_s};
        QTest::newRow("first between 2 and 3")
            << QList<int>{0} << 2 << -1 << QStringList{u"f-home"_s, u"f-mobile"_s, u"f-work"_s, u"f-other"_s};
        QTest::newRow("onto a row: before it")
            << QList<int>{2} << -1 << 1 << QStringList{u"f-mobile"_s, u"f-work"_s, u"f-home"_s, u"f-other"_s};
        QTest::newRow("empty space: to the end")
            << QList<int>{0} << -1 << -1
            << QStringList{u"f-home"_s, u"f-work"_s, u"f-other"_s, u"f-mobile"_s};
        QTest::newRow("two rows keep their order")
            << QList<int>{0, 2} << 4 << -1
            << QStringList{u"f-home"_s, u"f-other"_s, u"f-mobile"_s, u"f-work"_s};
        QTest::newRow("rows around the target")
            << QList<int>{0, 3} << 2 << -1
            << QStringList{u"f-home"_s, u"f-mobile"_s, u"f-other"_s, u"f-work"_s};
    }
    void dropMimeDataReorders() {
        QFETCH(QList<int>, dragged);
        QFETCH(int, row);
        QFETCH(int, parentRow);
        QFETCH(QStringList, expected);
        QModelIndexList indexes;
        for (const int r : dragged) {
            for (int c = 0; c < ForwardingListModel::ColumnCount; ++c)
                indexes << m_model->index(r, c);
        }
        std::unique_ptr<QMimeData> data(m_model->mimeData(indexes));
        QVERIFY(data->hasFormat(ForwardingListModel::kMimeType));
        const QModelIndex parent = parentRow >= 0 ? m_model->index(parentRow, 0) : QModelIndex();
        QVERIFY(m_model->canDropMimeData(data.get(), Qt::MoveAction, row, 0, parent));
        QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, row, 0, parent));
        QCOMPARE(idsOf(*m_model), expected);
        // Flip digits follow the new order: 1..n over the flip entries, 0 for the others.
        int next = 0;
        for (const ForwardingNumber& n : m_model->entries())
            QCOMPARE(n.flipNumber, n.id == u"f-other"_s ? 0 : ++next);
        QVERIFY(m_model->violations().isEmpty());
    }

    void dropFromAnotherListIsRefused() {
        ForwardingListModel other(m_test->database());
        std::unique_ptr<QMimeData> foreign(other.mimeData({}));
        QVERIFY(!m_model->dropMimeData(foreign.get(), Qt::MoveAction, 0, 0, {}));
        QMimeData text;
        text.setText(u"+4930"_s);
        QVERIFY(!m_model->canDropMimeData(&text, Qt::MoveAction, 0, 0, {}));
        QVERIFY(!m_model->isModified());
    }

    void addBeyondTenIsRefused() {
        QString error;
        for (int i = 0; i < 6; ++i) {
            const int row = m_model->addEntry(entry({}, u"+49301111111%1"_s.arg(i), ForwardingType::Other,
                                                    i % 2 ? 1 : 0, u"Extra %1"_s.arg(i)),
                                              &error);
            QCOMPARE(row, 4 + i);
            QVERIFY(error.isEmpty());
        }
        QCOMPARE(m_model->rowCount(), 10);
        QCOMPARE(m_model->addEntry(entry({}, u"+493022222222"_s, ForwardingType::Home, 0), &error), -1);
        QCOMPARE(error, u"The forwarding list already has 10 numbers; at most 10 are allowed."_s);
        QCOMPARE(m_model->rowCount(), 10);
        // New rows are flip-numbered after the existing flip entries, in row order.
        QCOMPARE(flipsOf(*m_model), (QList<int>{1, 2, 3, 0, 0, 4, 0, 5, 0, 6}));
    }

    void violationsFollowEdits() {
        ForwardingNumber edited = m_model->entry(1);
        edited.phoneNumber = m_model->entry(0).phoneNumber;
        QVERIFY(m_model->setEntry(1, edited));
        const QString problem = m_model->index(1, 0).data(ForwardingListModel::ProblemRole).toString();
        QCOMPARE(problem, u"The phone number +4915112345672 is already in the list as entry 1."_s);
        QVERIFY(m_model->index(0, 0).data(ForwardingListModel::ProblemRole).toString().isEmpty());
        QVERIFY(m_model->setData(m_model->index(1, ForwardingListModel::NumberColumn), u"+493012345679"_s));
        QVERIFY(m_model->violations().isEmpty());
        QCOMPARE(m_model->entry(1).id, u"f-home"_s);
        QVERIFY(m_model->isModified());
    }

    void removingAFlipEntryRenumbers() {
        QVERIFY(m_model->removeEntry(0));
        QCOMPARE(flipsOf(*m_model), (QList<int>{1, 2, 0}));
        m_model->acceptEdits();
        QVERIFY(!m_model->isModified());
        QCOMPARE(m_model->storedEntries(), m_model->entries());
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    qint64 m_profile = 0;
    std::unique_ptr<ForwardingListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(tst_ForwardingListModel)
#include "tst_ForwardingListModel.moc"
