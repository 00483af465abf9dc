#include "ColumnTexts.h"
#include "EngineTestCase.h"
#include "TestDatabaseMember.h"
#include "changes/ChangeStager.h"
#include "changes/NumberChangePayloads.h"
#include "models/NumberCounter.h"
#include "models/NumbersModel.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace trunkline;
using models::NumbersModel;

Q_DECLARE_METATYPE(trunkline::store::NumberTableFilter)

namespace {

constexpr int kNumberCount = 3000;

// Number i: +4930 1000 + i for even i, +4989 2000 + i for odd i; every fifth is a company number,
// every third is assigned to extension 10x; labels are "Desk <i>" and one formula-like label.
core::PhoneNumberRecord numberFor(int i) {
    core::PhoneNumberRecord n;
    n.provider = i % 7 == 0 ? core::kProviderTelnyx.toString() : core::kProviderRingCentral.toString();
    n.id = QString::number(500000 + i);
    n.e164 = (i % 2 == 0 ? u"+4930"_s : u"+4989"_s) + QString::number(10000000 + i);
    n.label = u"Desk %1"_s.arg(i);
    n.usageType = i % 5 == 0 ? core::UsageType::CompanyNumber : core::UsageType::DirectNumber;
    n.callType = i % 11 == 0 ? core::CallType::FaxOnly : core::CallType::VoiceFax;
    if (i % 3 == 0) {
        n.extensionId = u"ext%1"_s.arg(i % 4);
        n.extensionNumber = u"10%1"_s.arg(i % 4);
    }
    return n;
}

QList<core::PhoneNumberRecord> allNumbers() {
    QList<core::PhoneNumberRecord> numbers;
    for (int i = 0; i < kNumberCount; ++i) {
        numbers << numberFor(i);
    }
    return numbers;
}

// Every matching number, worked out in C++ from the same records, to compare SQL against.
QStringList expectedE164(const std::function<bool(const core::PhoneNumberRecord&)>& keep) {
    QStringList out;
    for (const core::PhoneNumberRecord& n : allNumbers()) {
        if (keep(n)) {
            out << n.e164;
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

void fetchAll(NumbersModel& model) {
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }
}

// The number table's filter with the criteria `set` sets and no others.
store::NumberTableFilter filterWith(const std::function<void(store::NumberTableFilter&)>& set) {
    store::NumberTableFilter filter;
    set(filter);
    return filter;
}

} // namespace

class tst_NumbersModel : public EngineTestCase {
    Q_OBJECT

private slots:
    void init() {
        TRUNKLINE_OPEN_TEST_DATABASE_MEMBER(m_test);
        m_profile = m_test->addProfile();
        QVERIFY(m_profile > 0);
        QString error;
        QVERIFY2(store::PhoneNumberRepository(m_test->database()).upsert(m_profile, allNumbers(), &error),
                 qPrintable(error));
    }
    void cleanup() { m_test.reset(); }

    void passesModelTester() {
        NumbersModel model(m_test->database());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({});
        model.sort(NumbersModel::LabelColumn, Qt::DescendingOrder);
        store::NumberTableFilter filter;
        filter.digitsPattern = u"+4930*"_s;
        model.setFilter(filter);
        model.fetchMore({});
        model.refresh();
        QVERIFY(model.rowCount() > 0);
    }

    void readsLazilyPageByPage() {
        NumbersModel model(m_test->database());
        QCOMPARE(model.rowCount(), NumbersModel::kDefaultPageSize);
        QCOMPARE(model.pagesFetched(), 1);
        QTRY_VERIFY(model.isTotalKnown());
        QCOMPARE(model.totalCount(), kNumberCount);
        QVERIFY(model.canFetchMore({}));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * NumbersModel::kDefaultPageSize);
        QCOMPARE(model.pagesFetched(), 2);
        QCOMPARE(inserted.count(), 1);

        fetchAll(model);
        QCOMPARE(model.rowCount(), kNumberCount);
        QVERIFY(!model.canFetchMore({}));
        // Keyset pages neither skip nor repeat rows: all numbers, in order, once.
        QCOMPARE(columnTexts(model, NumbersModel::NumberColumn, NumbersModel::E164Role),
                 expectedE164([](const auto&) { return true; }));
    }

    void filters_data() {
        QTest::addColumn<store::NumberTableFilter>("filter");
        using F = std::function<bool(const core::PhoneNumberRecord&)>;
        QTest::addColumn<F>("keep");
        const auto digitsOf = [](const QString& e164) {
            return e164.mid(1);
        };

        QTest::newRow("wildcard +4930*12*")
            << filterWith([](auto& f) { f.digitsPattern = u"+4930*12*"_s; })
            << F([=](const core::PhoneNumberRecord& n) {
                   const QString d = digitsOf(n.e164);
                   return d.startsWith(u"4930"_s) && d.indexOf(u"12"_s, 4) >= 0;
               });
        // A leading prefix is also searched as an index range up to its successor ("4989" -> "499",
        // "49" -> "5"): no number may fall off the end of the range.
        QTest::newRow("prefix ending in 9")
            << filterWith([](auto& f) { f.digitsPattern = u"+4989*"_s; })
            << F([](const core::PhoneNumberRecord& n) { return n.e164.startsWith(u"+4989"_s); });
        QTest::newRow("short prefix") << filterWith([](auto& f) { f.digitsPattern = u"+49*1"_s; })
                                      << F([](const core::PhoneNumberRecord& n) {
                                             return n.e164.startsWith(u"+49"_s) && n.e164.endsWith(u'1');
                                         });
        QTest::newRow("prefix below every number")
            << filterWith([](auto& f) { f.digitsPattern = u"+4929*"_s; })
            << F([](const core::PhoneNumberRecord&) { return false; });
        QTest::newRow("wildcard at the end only")
            << filterWith([](auto& f) { f.digitsPattern = u"*99"_s; })
            << F([=](const core::PhoneNumberRecord& n) { return n.e164.endsWith(u"99"_s); });
        QTest::newRow("single-digit wildcard")
            << filterWith([](auto& f) { f.digitsPattern = u"+4989100012?1"_s; })
            << F([=](const core::PhoneNumberRecord& n) {
                   const QString d = digitsOf(n.e164);
                   return d.size() == 12 && d.startsWith(u"4989100012"_s) && d.endsWith(u'1');
               });
        QTest::newRow("plain digits anywhere, punctuation ignored")
            << filterWith([](auto& f) { f.digitsPattern = u"(0) 12-34"_s; })
            << F([](const core::PhoneNumberRecord& n) { return n.e164.contains(u"01234"_s); });
        QTest::newRow("leading plus anchors")
            << filterWith([](auto& f) { f.digitsPattern = u"+49 89"_s; })
            << F([](const core::PhoneNumberRecord& n) { return n.e164.startsWith(u"+4989"_s); });
        QTest::newRow("free text, case-insensitive")
            << filterWith([](auto& f) { f.text = u"desk 12"_s; })
            << F([](const core::PhoneNumberRecord& n) { return n.label.contains(u"Desk 12"_s); });
        QTest::newRow("free text matches the extension number")
            << filterWith([](auto& f) { f.text = u"102"_s; }) << F([](const core::PhoneNumberRecord& n) {
                   return n.extensionNumber == u"102"_s || n.label.contains(u"102"_s);
               });
        QTest::newRow("usage type") << filterWith([](auto& f) {
            f.usageType = core::UsageType::CompanyNumber;
        }) << F([](const core::PhoneNumberRecord& n) {
            return n.usageType == core::UsageType::CompanyNumber;
        });
        QTest::newRow("provider") << filterWith([](auto& f) {
            f.provider = u"telnyx"_s;
        }) << F([](const core::PhoneNumberRecord& n) { return n.provider == core::kProviderTelnyx; });
        QTest::newRow("unassigned only and usage") << filterWith([](auto& f) {
            f.usageType = core::UsageType::DirectNumber;
            f.unassignedOnly = true;
        }) << F([](const core::PhoneNumberRecord& n) {
            return n.extensionId.isEmpty() && n.usageType == core::UsageType::DirectNumber;
        });
        QTest::newRow("no digits in the pattern filters nothing")
            << filterWith([](auto& f) { f.digitsPattern = u"+*"_s; })
            << F([](const core::PhoneNumberRecord&) { return true; });
        QTest::newRow("LIKE wildcards in text are literal")
            << filterWith([](auto& f) { f.text = u"%"_s; })
            << F([](const core::PhoneNumberRecord&) { return false; });
    }
    void filters() {
        QFETCH(store::NumberTableFilter, filter);
        QFETCH(std::function<bool(const core::PhoneNumberRecord&)>, keep);

        NumbersModel model(m_test->database());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(97);
        QSignalSpy counted(&model, &NumbersModel::totalCountChanged);
        model.setFilter(filter);
        QCOMPARE(counted.count(), 0); // the first page comes before the count
        QTRY_COMPARE(counted.count(), 1);
        QCOMPARE(counted.constFirst().constFirst().toLongLong(), model.totalCount());
        fetchAll(model);
        const QStringList expected = expectedE164(keep);
        QCOMPARE(model.totalCount(), expected.size());
        QCOMPARE(columnTexts(model, NumbersModel::NumberColumn, NumbersModel::E164Role), expected);
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
    }

    void sortsInSql_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (int column = 0; column < NumbersModel::ColumnCount; ++column) {
            const QByteArray name = QMetaEnum::fromType<NumbersModel::Column>().valueToKey(column);
            QTest::addRow("%s ascending", name.constData()) << column << int(Qt::AscendingOrder);
            QTest::addRow("%s descending", name.constData()) << column << int(Qt::DescendingOrder);
        }
    }
    void sortsInSql() {
        QFETCH(int, column);
        QFETCH(int, order);
        NumbersModel model(m_test->database());
        model.setPageSize(331);
        model.sort(column, Qt::SortOrder(order));
        QCOMPARE(model.pagesFetched(), 1);
        fetchAll(model);
        QCOMPARE(model.rowCount(), kNumberCount);
        // The whole column is sorted (raw values; ties broken by profile and id) across page borders.
        QStringList sortValues;
        QStringList ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            sortValues << model.rowAt(row).sortValue;
            ids << model.index(row, 0).data(NumbersModel::IdRole).toString();
        }
        QStringList sorted = sortValues;
        std::stable_sort(sorted.begin(), sorted.end(), [&](const QString& a, const QString& b) {
            return order == Qt::AscendingOrder ? a < b : b < a;
        });
        QCOMPARE(sortValues, sorted);
        ids.removeDuplicates();
        QCOMPARE(ids.size(), kNumberCount);
    }

    void displaysReadableValues() {
        NumbersModel model(m_test->database());
        store::NumberTableFilter filter;
        filter.digitsPattern = u"+4930 10000000"_s; // number 0: company, fax only? no: 0 % 11 == 0
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, NumbersModel::NumberColumn).data().toString(), u"+49 30 10000000"_s);
        QCOMPARE(model.index(0, NumbersModel::CallTypeColumn).data().toString(), u"Fax only"_s);
        QCOMPARE(model.index(0, NumbersModel::CapabilitiesColumn).data().toString(), u"Fax"_s);
        QCOMPARE(model.index(0, NumbersModel::ProviderColumn).data().toString(), u"Telnyx"_s);
        QCOMPARE(model.index(0, NumbersModel::ExtensionColumn).data().toString(), u"100"_s);
        QCOMPARE(model.index(0, NumbersModel::UsageTypeColumn).data(NumbersModel::RawValueRole).toString(),
                 u"CompanyNumber"_s);

        filter.digitsPattern = u"+4989 10000001"_s;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, NumbersModel::CallTypeColumn).data().toString(), u"Voice and fax"_s);
        QCOMPARE(model.index(0, NumbersModel::ExtensionColumn).data().toString(), QString());
    }

    void labelEditBecomesPendingChange() {
        NumbersModel model(m_test->database());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex label = model.index(3, NumbersModel::LabelColumn);
        const QString id = label.data(NumbersModel::IdRole).toString();
        const QString stored = label.data().toString();
        QVERIFY(label.flags().testFlag(Qt::ItemIsEditable));
        QVERIFY(!model.index(3, NumbersModel::NumberColumn).flags().testFlag(Qt::ItemIsEditable));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setData(label, u"Reception"_s));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(label.data().toString(), u"Reception"_s);
        QVERIFY(label.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(label.data(Qt::ToolTipRole).toString().contains(u"Pending"_s));
        QVERIFY(label.data(NumbersModel::PendingRole).toBool());

        // A second edit replaces the staged one; the store's record is untouched.
        QVERIFY(model.setData(label, u"Front desk"_s));
        store::PendingChangeRepository changes(m_test->database());
        const QList<store::PendingChange> staged = changes.list(m_profile);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged[0].entity, u"phone_number"_s);
        QCOMPARE(staged[0].entityKey, id);
        QCOMPARE(staged[0].operation, store::ChangeOperation::Update);
        QCOMPARE(staged[0].payload.value(u"label"_s).toString(), u"Front desk"_s);
        QCOMPARE(staged[0].baseVersion,
                 store::PhoneNumberRepository(m_test->database()).state(m_profile, id)->version);
        QCOMPARE(store::PhoneNumberRepository(m_test->database()).find(m_profile, id)->label, stored);

        // A fresh model (e.g. after a restart) shows the staged label too.
        NumbersModel again(m_test->database());
        QCOMPARE(again.index(3, NumbersModel::LabelColumn).data().toString(), u"Front desk"_s);
    }

    // Two admins on one store: Bernd (another process: his own connection and stager on the same store)
    // revises the staged edit of a number after this model showed it. Anna's label edit, made on the
    // revision the model showed, is refused with a message naming what happened and what she typed, not
    // written over his; the model then shows his version, and her edit made on it goes through.
    void labelEditOverAnotherAdminsRevisionIsRefused() {
        NumbersModel model(m_test->database());
        const QModelIndex label = model.index(3, NumbersModel::LabelColumn);
        const QString id = label.data(NumbersModel::IdRole).toString();
        QVERIFY(model.setData(label, u"Reception"_s));

        const changes::StagingResult hisResult = stageBerndsEdit(id);
        QVERIFY2(hisResult.ok(), qPrintable(hisResult.error));
        const store::PendingChange berndsChange = *hisResult.steps.constLast().after;
        QCOMPARE(label.data().toString(), u"Reception"_s); // Anna's model has not seen it

        QSignalSpy errors(&model, &NumbersModel::errorOccurred);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(!model.setData(label, u"Lobby"_s));
        QCOMPARE(errors.size(), 1);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.contains(u"edited by someone else"_s), qPrintable(message));
        const QString e164 = store::PhoneNumberRepository(m_test->database()).find(m_profile, id)->e164;
        QVERIFY2(message.startsWith(u"The label “Lobby” of %1 was not staged: "_s.arg(e164)),
                 qPrintable(message));
        const QList<store::PendingChange> staged =
            store::PendingChangeRepository(m_test->database()).list(m_profile);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.first().payload, berndsChange.payload);
        QCOMPARE(staged.first().revision, berndsChange.revision);
        // Refreshed: the row shows his version.
        QVERIFY(!changed.isEmpty());
        QCOMPARE(label.data().toString(), u"Front desk"_s);

        // Made on his revision, her label goes through and keeps his assignment.
        QVERIFY(model.setData(label, u"Lobby"_s));
        const store::PendingChange after =
            store::PendingChangeRepository(m_test->database()).list(m_profile).first();
        QCOMPARE(after.payload.value(u"label"_s).toString(), u"Lobby"_s);
        QCOMPARE(after.payload.value(u"extensionId"_s).toString(), u"ext1"_s);
    }

    // The model showed a number with nothing staged; Bernd stages an edit of it afterwards. Anna's label
    // edit, made without seeing his, is refused instead of merged into his; the model then shows his
    // version, her edit made on it goes through, and her next edit is made on her own staging.
    void labelEditOverAChangeStagedSinceIsRefused() {
        NumbersModel model(m_test->database());
        const QModelIndex label = model.index(3, NumbersModel::LabelColumn);
        const QString id = label.data(NumbersModel::IdRole).toString();
        store::PendingChangeRepository staged(m_test->database());
        QVERIFY(staged.list(m_profile).isEmpty());

        const changes::StagingResult hisResult = stageBerndsEdit(id);
        QVERIFY2(hisResult.ok(), qPrintable(hisResult.error));
        const store::PendingChange berndsChange = *hisResult.steps.constLast().after;
        QCOMPARE(label.data().toString(),
                 store::PhoneNumberRepository(m_test->database()).find(m_profile, id)->label); // not seen yet

        QSignalSpy errors(&model, &NumbersModel::errorOccurred);
        QVERIFY(!model.setData(label, u"Lobby"_s));
        QCOMPARE(errors.size(), 1);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.contains(u"staged by someone else since you opened this record"_s),
                 qPrintable(message));
        QCOMPARE(staged.list(m_profile).size(), 1);
        QCOMPARE(staged.list(m_profile).first().payload, berndsChange.payload);
        QCOMPARE(staged.list(m_profile).first().revision, berndsChange.revision);
        QCOMPARE(label.data().toString(), u"Front desk"_s); // refreshed: his version

        QVERIFY(model.setData(label, u"Lobby"_s));
        QCOMPARE(staged.list(m_profile).size(), 1);
        QCOMPARE(staged.list(m_profile).first().payload.value(u"label"_s).toString(), u"Lobby"_s);
        QCOMPARE(staged.list(m_profile).first().payload.value(u"extensionId"_s).toString(), u"ext1"_s);

        QVERIFY(model.setData(label, u"Lobby 2"_s));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(staged.list(m_profile).size(), 1);
        QCOMPARE(staged.list(m_profile).first().payload.value(u"label"_s).toString(), u"Lobby 2"_s);
    }

    // Anna stages a label, Bernd revises her change (another label and an assignment), then Anna types the
    // stored label again: that would drop the staged change and his revision with it. It is refused
    // instead, and the row shows his version.
    void labelEditBackOverAnotherAdminsRevisionIsRefused() {
        NumbersModel model(m_test->database());
        const QModelIndex label = model.index(3, NumbersModel::LabelColumn);
        const QString id = label.data(NumbersModel::IdRole).toString();
        const QString storedLabel = label.data().toString();
        QVERIFY(model.setData(label, u"Reception"_s));
        store::PendingChangeRepository staged(m_test->database());
        const store::PendingChange seen = staged.list(m_profile).first();

        const changes::StagingResult hisResult = stageBerndsEdit(id, seen.revision);
        QVERIFY2(hisResult.ok(), qPrintable(hisResult.error));
        const store::PendingChange berndsChange = *hisResult.steps.constLast().after;

        QSignalSpy errors(&model, &NumbersModel::errorOccurred);
        QVERIFY(!model.setData(label, storedLabel));
        QCOMPARE(errors.size(), 1);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.contains(u"edited by someone else"_s), qPrintable(message));
        QCOMPARE(staged.list(m_profile), QList<store::PendingChange>{berndsChange});
        QCOMPARE(label.data().toString(), u"Front desk"_s);
    }

    void refreshSeesStoreChangesAndKeepsLoadedRows() {
        NumbersModel model(m_test->database());
        model.fetchMore({});
        const int loaded = model.rowCount();
        core::PhoneNumberRecord extra = numberFor(kNumberCount);
        extra.e164 = u"+4910000000"_s; // sorts first
        QVERIFY(store::PhoneNumberRepository(m_test->database()).upsert(m_profile, {extra}));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.refresh();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), loaded);
        QTRY_COMPARE(model.totalCount(), kNumberCount + 1);
        QCOMPARE(model.index(0, 0).data(NumbersModel::E164Role).toString(), u"+4910000000"_s);
    }

    // Typing a filter asks for a count at each pause: only the last filter's count is announced, never
    // one of a filter the admin has typed past.
    void countsTheNewestFilterOnly() {
        const auto companyNumbers = filterWith([](auto& f) { f.usageType = core::UsageType::CompanyNumber; });
        const auto desk12 = filterWith([](auto& f) { f.text = u"desk 12"_s; });
        const qsizetype desk12Count = expectedE164([](const core::PhoneNumberRecord& n) {
                                          return n.label.startsWith(u"Desk 12"_s);
                                      }).size();
        models::NumberCounter counter(m_test->database());
        QSignalSpy counted(&counter, &models::NumberCounter::counted);
        counter.count(companyNumbers);
        counter.count(desk12);
        // Answers come in the order asked: once the second is here, a first one would be too.
        QTRY_VERIFY(!counted.isEmpty());
        QCOMPARE(counted.count(), 1);
        QCOMPARE(counted.constFirst().at(0).toLongLong(), desk12Count);
        QCOMPARE(counted.constFirst().at(1).toString(), QString());
    }

    // A new filter shows no count until its own arrives; a refresh (a sync stored rows) keeps showing
    // the count it has until the new one is in.
    void aRefreshKeepsItsCountUntilTheNewOneArrives() {
        NumbersModel model(m_test->database());
        QTRY_VERIFY(model.isTotalKnown());
        QCOMPARE(model.totalCount(), kNumberCount);
        model.setFilter(filterWith([](auto& f) { f.usageType = core::UsageType::CompanyNumber; }));
        QVERIFY(!model.isTotalKnown());
        QTRY_VERIFY(model.isTotalKnown());
        const qint64 companyNumbers = model.totalCount();
        QCOMPARE(companyNumbers, expectedE164([](const core::PhoneNumberRecord& n) {
                                     return n.usageType == core::UsageType::CompanyNumber;
                                 }).size());

        core::PhoneNumberRecord extra = numberFor(kNumberCount);
        extra.usageType = core::UsageType::CompanyNumber;
        QVERIFY(store::PhoneNumberRepository(m_test->database()).upsert(m_profile, {extra}));
        model.refresh();
        QVERIFY(model.isTotalKnown());
        QCOMPARE(model.totalCount(), companyNumbers);
        QTRY_COMPARE(model.totalCount(), companyNumbers + 1);
    }

    void profileFilter() {
        const qint64 other = m_test->addProfile(u"Branch"_s);
        QVERIFY(store::PhoneNumberRepository(m_test->database()).upsert(other, {numberFor(1)}));
        NumbersModel model(m_test->database());
        QTRY_COMPARE(model.totalCount(), kNumberCount + 1);
        store::NumberTableFilter filter;
        filter.profileId = other;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(NumbersModel::ProfileIdRole).toLongLong(), other);
    }

private:
    // Bernd, another process with his own connection and stager on the same store, labels number `id`
    // "Front desk" and assigns it to ext1, on `revision` of its staged change (0: as staged now).
    changes::StagingResult stageBerndsEdit(const QString& id, qint64 revision = 0) {
        QString error;
        const auto berndsStore = store::Database::open(m_test->location(), &error);
        if (!berndsStore) {
            return changes::StagingResult::failure(error);
        }
        const store::PhoneNumberRepository numbers(m_test->database());
        const core::PhoneNumberRecord stored = *numbers.find(m_profile, id);
        core::PhoneNumberRecord his = stored;
        his.label = u"Front desk"_s;
        his.extensionId = u"ext1"_s;
        store::PendingChange edit = changes::NumberChangePayloads::numberUpdate(
            m_profile, stored, his, numbers.state(m_profile, id)->version);
        edit.revision = revision;
        return changes::ChangeStager(*berndsStore).stage(edit);
    }

    std::unique_ptr<TestDatabase> m_test;
    qint64 m_profile = 0;
};

QTEST_GUILESS_MAIN(tst_NumbersModel)
#include "tst_NumbersModel.moc"
