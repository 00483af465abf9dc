#include "ColumnTexts.h"
#include "GuiTestCase.h"
#include "core/Csv.h"
#include "gui/MainWindow.h"
#include "gui/numbers/NumbersPage.h"
#include "models/NumbersModel.h"
#include "store/DeferredIndexes.h"
#include "store/ExtensionRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using gui::NumbersPage;
using models::NumbersModel;

namespace {

constexpr int kNumberCount = 2500; // more than one export chunk and many model pages

const QStringList kNames = {u"Anna Berger"_s, u"Jonas Keller"_s, u"Lea Hoffmann"_s,
                            u"Max Schulz"_s,  u"Sales"_s,        u"Support"_s};

core::PhoneNumberRecord numberFor(int i) {
    core::PhoneNumberRecord n;
    n.provider = core::kProviderRingCentral.toString();
    n.id = QString::number(700000 + i);
    n.e164 = (i % 2 == 0 ? u"+4930"_s : u"+4940"_s) + QString::number(55500000 + i);
    n.label = i % 4 == 0 ? QString() : u"Line %1"_s.arg(i);
    n.usageType = i % 6 == 0 ? core::UsageType::CompanyNumber : core::UsageType::DirectNumber;
    n.paymentType = i % 9 == 0 ? core::PaymentType::TollFree : core::PaymentType::Local;
    n.features = i % 3 == 0 ? (core::NumberFeature::CallerId | core::NumberFeature::SmsSender)
                            : core::NumberFeatures(core::NumberFeature::CallerId);
    if (i % 5 != 0) {
        const int e = static_cast<int>(i % kNames.size());
        n.extensionId = u"ext%1"_s.arg(e);
        n.extensionNumber = QString::number(101 + e);
    }
    return n;
}

QList<QStringList> readCsv(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    // The shown number "+49 30 ..." is not bare E.164, so CsvWriter puts a quote before it.
    core::CsvReader reader(&file, {u',', true});
    return reader.readAll();
}

} // namespace

class tst_NumbersPage : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY2(startGuiTestCase(m_test), qPrintable(m_test->error()));
        m_profile = m_test->addProfile(u"Berlin office"_s);
        QVERIFY(m_profile > 0);
        QList<core::Extension> extensions;
        for (int e = 0; e < kNames.size(); ++e) {
            core::Extension x;
            x.id = u"ext%1"_s.arg(e);
            x.extensionNumber = QString::number(101 + e);
            x.name = kNames[e];
            extensions << x;
        }
        QVERIFY(store::ExtensionRepository(m_test->database()).upsert(m_profile, extensions));
        QList<core::PhoneNumberRecord> numbers;
        for (int i = 0; i < kNumberCount; ++i) {
            numbers << numberFor(i);
        }
        numbers[0].label = u"=HYPERLINK(\"http://evil\")"_s; // must reach the CSV neutralised
        numbers[0].usageType = core::UsageType::MainCompanyNumber;
        QString error;
        QVERIFY2(store::PhoneNumberRepository(m_test->database()).upsert(m_profile, numbers, &error),
                 qPrintable(error));
        m_page = std::make_unique<NumbersPage>(m_test->database());
        QVERIFY(showExposed(*m_page, {1200, 700}));
    }
    void cleanup() {
        m_page.reset();
        m_test.reset();
    }

    void opensLazily() {
        QTableView* table = m_page->findChild<QTableView*>(u"tableView"_s);
        QVERIFY(table);
        QTRY_VERIFY(m_page->model()->isTotalKnown());
        QCOMPARE(m_page->model()->totalCount(), kNumberCount);
        QVERIFY(m_page->model()->rowCount() < kNumberCount);
        QTRY_COMPARE(m_page->findChild<QLabel*>(u"countLabel"_s)->text(),
                     u"%1 numbers"_s.arg(QLocale().toString(kNumberCount)));
    }

    void wildcardFilterAsTyped() {
        QLineEdit* digits = m_page->findChild<QLineEdit*>(u"digitsEdit"_s);
        QVERIFY(digits);
        QTest::keyClicks(digits, u"+4930*12?"_s);
        // Debounced: nothing happens while typing, the rows follow after the pause.
        QCOMPARE(m_page->model()->filter().digitsPattern, QString());
        QTRY_COMPARE(m_page->model()->filter().digitsPattern, u"+4930*12?"_s);
        QStringList expected;
        for (int i = 0; i < kNumberCount; ++i) {
            const QString d = numberFor(i).e164.mid(1);
            if (d.startsWith(u"4930"_s) && d.mid(d.size() - 3, 2) == u"12"_s) {
                expected << numberFor(i).e164;
            }
        }
        QVERIFY(!expected.isEmpty());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(columnTexts(*m_page->model(), 0, NumbersModel::E164Role), expected);
        QTRY_COMPARE(m_page->findChild<QLabel*>(u"countLabel"_s)->text(),
                     u"%1 numbers"_s.arg(expected.size()));

        // The other filters combine with it.
        auto* unassigned = m_page->findChild<QCheckBox*>(u"unassignedCheck"_s);
        unassigned->click();
        QCOMPARE(columnTexts(*m_page->model(), NumbersModel::ExtensionColumn),
                 QStringList(m_page->model()->rowCount(), QString()));
        QVERIFY(m_page->model()->rowCount() < expected.size());
    }

    void usageAndTextFilters() {
        auto* usage = m_page->findChild<QComboBox*>(u"usageCombo"_s);
        usage->setCurrentIndex(usage->findData(u"MainCompanyNumber"_s));
        QCOMPARE(m_page->model()->rowCount(), 1);
        usage->setCurrentIndex(0);
        QLineEdit* text = m_page->findChild<QLineEdit*>(u"textEdit"_s);
        QTest::keyClicks(text, u"lea hoff"_s);
        QTRY_COMPARE(m_page->model()->filter().text, u"lea hoff"_s);
        QTRY_VERIFY(m_page->model()->isTotalKnown());
        QVERIFY(m_page->model()->totalCount() > 0);
        for (const QString& extension : columnTexts(*m_page->model(), NumbersModel::ExtensionColumn))
            QVERIFY2(extension.contains(u"Lea Hoffmann"_s), qPrintable(extension));
    }

    void shortcuts() {
        QLineEdit* digits = m_page->findChild<QLineEdit*>(u"digitsEdit"_s);
        QTableView* table = m_page->findChild<QTableView*>(u"tableView"_s);
        table->setFocus();
        QAction* find = m_page->findChild<QAction*>(u"findAction"_s);
        QCOMPARE(find->shortcut(), QKeySequence(QKeySequence::Find));
        find->trigger();
        QTRY_VERIFY(digits->hasFocus());
        QCOMPARE(m_page->findChild<QAction*>(u"exportAction"_s)->shortcut(), QKeySequence(u"Ctrl+E"_s));
    }

    void detailsFollowTheCurrentRow() {
        QTableView* table = m_page->findChild<QTableView*>(u"tableView"_s);
        QVERIFY(!m_page->findChild<QWidget*>(u"detailsFields"_s)->isVisible());
        table->selectRow(1);
        QVERIFY(m_page->findChild<QWidget*>(u"detailsFields"_s)->isVisible());
        const QString e164 = m_page->model()->index(1, 0).data(NumbersModel::E164Role).toString();
        QCOMPARE(m_page->findChild<QLabel*>(u"e164Value"_s)->text(), e164);
        QCOMPARE(m_page->findChild<QLabel*>(u"profileValue"_s)->text(), u"Berlin office"_s);
    }

    void exportsExactlyWhatIsShown() {
        // A filter, a sort and a moved column: the CSV must follow all three, for every row.
        auto* usage = m_page->findChild<QComboBox*>(u"usageCombo"_s);
        usage->setCurrentIndex(usage->findData(u"DirectNumber"_s));
        QTableView* table = m_page->findChild<QTableView*>(u"tableView"_s);
        QHeaderView* header = table->horizontalHeader();
        header->setSortIndicator(NumbersModel::NumberColumn, Qt::DescendingOrder);
        header->moveSection(header->visualIndex(NumbersModel::LabelColumn), 0);
        header->setSectionHidden(NumbersModel::CapabilitiesColumn, true);
        QTRY_VERIFY(m_page->model()->isTotalKnown());
        const qint64 total = m_page->model()->totalCount();
        QVERIFY(total > NumbersModel::kDefaultPageSize);
        QVERIFY(m_page->model()->rowCount() < total);

        QTemporaryDir dir;
        const QString path = dir.filePath(u"shown.csv"_s);
        m_page->setSaveFilePrompt([&](const QString& suggested) {
            [&] {
                QVERIFY(suggested.endsWith(u".csv"_s));
            }();
            return gui::CsvTarget{path};
        });
        m_page->findChild<QAction*>(u"exportAction"_s)->trigger();
        const QList<QStringList> rows = readCsv(path);
        QCOMPARE(rows.size(), total + 1);
        QCOMPARE(rows[0].size(), NumbersModel::ColumnCount - 1);
        QCOMPARE(rows[0][0], u"Label"_s);
        QCOMPARE(rows[0][1], u"Number"_s);
        QVERIFY(!rows[0].contains(u"Capabilities"_s));
        // Descending by number, usage type as shown, the fetched rows equal the first CSV rows.
        for (int row = 0; row < m_page->model()->rowCount(); ++row) {
            QCOMPARE(rows[row + 1][1],
                     m_page->model()->index(row, NumbersModel::NumberColumn).data().toString());
            QCOMPARE(rows[row + 1][0],
                     m_page->model()->index(row, NumbersModel::LabelColumn).data().toString());
        }
        QCOMPARE(rows[1][1], u"+49 40 55502499"_s);
        const int usageColumn = int(rows[0].indexOf(u"Usage type"_s));
        for (int row = 1; row < rows.size(); ++row) {
            QCOMPARE(rows[row][usageColumn], u"Direct number"_s);
        }
    }

    void exportCellsEqualTheViewsCells() {
        // Every cell of every row, as the view shows it: a staged label, a Restcomm number whose own
        // flags (SMS, no voice) decide its capabilities, an extension with and without a name.
        const qint64 restcommProfile = m_test->addProfile(u"Restcomm office"_s, u"restcomm"_s);
        QVERIFY(restcommProfile > 0);
        core::PhoneNumberRecord restcomm = numberFor(kNumberCount);
        restcomm.provider = core::kProviderRestcomm.toString();
        restcomm.extensionId.clear();
        restcomm.restcomm = core::RestcommAttributes{};
        restcomm.restcomm->smsCapable = true;
        QVERIFY(store::PhoneNumberRepository(m_test->database()).upsert(restcommProfile, {restcomm}));
        m_page->refresh();
        NumbersModel* model = m_page->model();
        QTRY_COMPARE(model->totalCount(), kNumberCount + 1);
        QVERIFY(model->setData(model->index(3, NumbersModel::LabelColumn), u"Empfang Süd"_s));
        while (model->canFetchMore({})) {
            model->fetchMore({});
        }
        QCOMPARE(model->rowCount(), kNumberCount + 1);

        QTemporaryDir dir;
        const QString path = dir.filePath(u"all.csv"_s);
        QString error;
        QVERIFY2(m_page->exportTo({path}, false, &error), qPrintable(error));
        const QList<QStringList> rows = readCsv(path);
        QCOMPARE(rows.size(), model->rowCount() + 1);
        QHeaderView* header = m_page->findChild<QTableView*>(u"tableView"_s)->horizontalHeader();
        bool sawRestcomm = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int visual = 0; visual < NumbersModel::ColumnCount; ++visual) {
                const QModelIndex index = model->index(row, header->logicalIndex(visual));
                QCOMPARE(rows[row + 1][visual], index.data().toString());
            }
            sawRestcomm =
                sawRestcomm || model->index(row, NumbersModel::CapabilitiesColumn).data() == u"SMS"_s;
        }
        QVERIFY(sawRestcomm);
        QVERIFY(std::any_of(rows.cbegin(), rows.cend(),
                            [](const QStringList& r) { return r.contains(u"Empfang Süd"_s); }));
    }

    // While a first sync stores the numbers without their sort indexes, a click on the Label header
    // leaves the order and says it waits; the next refresh after the indexes are built sorts.
    void sortByLabelWaitsForTheFirstSyncsIndexes() {
        store::PhoneNumberRepository numbers(m_test->database());
        store::DeferredIndexes indexes(m_test->database());
        QString error;
        const QList<core::PhoneNumberRecord> stored = numbers.list(m_profile);
        QVERIFY(numbers.removeAllExcept(m_profile, {}, &error));
        QVERIFY2(indexes.deferForEmptyNumbers(&error) > 0, qPrintable(error));
        QVERIFY2(numbers.upsert(m_profile, stored, &error), qPrintable(error)); // the load
        m_page->refresh();
        QTableView* table = m_page->findChild<QTableView*>(u"tableView"_s);
        QHeaderView* header = table->horizontalHeader();
        auto* count = m_page->findChild<QLabel*>(u"countLabel"_s);
        const QString firstByNumber = m_page->model()->rowAt(0).record.e164;

        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(NumbersModel::LabelColumn) + 10, header->height() / 2));
        QCOMPARE(m_page->model()->sortKey(), store::NumberSortKey::Number);
        QCOMPARE(header->sortIndicatorSection(), int(NumbersModel::NumberColumn));
        QCOMPARE(m_page->model()->rowAt(0).record.e164, firstByNumber);
        QTRY_VERIFY2(count->text().contains(u"sorted by Label once the first sync has indexed them"_s),
                     qPrintable(count->text()));

        // A click on the number's column drops the waiting sort.
        const auto clickHeader = [header](int column) {
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                              QPoint(header->sectionViewportPosition(column) + 10, header->height() / 2));
        };
        clickHeader(NumbersModel::NumberColumn);
        QTRY_VERIFY2(!count->text().contains(u"indexed"_s), qPrintable(count->text()));
        QVERIFY(!m_page->model()->heldSortColumn());
        clickHeader(NumbersModel::LabelColumn);
        QCOMPARE(m_page->model()->heldSortColumn(), std::optional<int>(NumbersModel::LabelColumn));

        QVERIFY2(indexes.buildAll(&error), qPrintable(error));
        m_page->refresh();
        QCOMPARE(m_page->model()->sortKey(), store::NumberSortKey::Label);
        QCOMPARE(header->sortIndicatorSection(), int(NumbersModel::LabelColumn));
        QTRY_VERIFY2(!count->text().contains(u"indexed"_s), qPrintable(count->text()));
        QString smallest = stored.constFirst().label;
        for (const core::PhoneNumberRecord& number : stored)
            smallest = std::min(smallest, number.label);
        QCOMPARE(m_page->model()->rowAt(0).record.label, smallest);
    }

    void neutralisesFormulaCells() {
        QLineEdit* digits = m_page->findChild<QLineEdit*>(u"digitsEdit"_s);
        QTest::keyClicks(digits, u"+4930 55500000"_s);
        QTRY_COMPARE(m_page->model()->rowCount(), 1);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"one.csv"_s);
        QString error;
        QVERIFY2(m_page->exportTo({path}, false, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.contains("'=HYPERLINK("), bytes.constData());
        QVERIFY(!bytes.contains(",=HYPERLINK"));
        QVERIFY(bytes.contains("\r\n"));
    }

    void contextMenuActionsOnTheSelection() {
        QTableView* table = m_page->findChild<QTableView*>(u"tableView"_s);
        table->selectionModel()->select(
            QItemSelection(m_page->model()->index(2, 0),
                           m_page->model()->index(4, NumbersModel::ColumnCount - 1)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_page->findChild<QAction*>(u"copyNumberAction"_s)->trigger();
        QStringList expected;
        for (int row = 2; row <= 4; ++row) {
            expected << m_page->model()->index(row, 0).data(NumbersModel::E164Role).toString();
        }
        QCOMPARE(QGuiApplication::clipboard()->text(), expected.join(u'\n'));

        QTemporaryDir dir;
        const QString path = dir.filePath(u"selection.csv"_s);
        m_page->setSaveFilePrompt([&](const QString&) { return gui::CsvTarget{path}; });
        m_page->findChild<QAction*>(u"exportSelectionAction"_s)->trigger();
        const QList<QStringList> rows = readCsv(path);
        QCOMPARE(rows.size(), 4);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(rows[i + 1][0], m_page->model()->index(2 + i, 0).data().toString());
        }
    }

    void editLabelStagesPendingChange() {
        QTableView* table = m_page->findChild<QTableView*>(u"tableView"_s);
        table->setCurrentIndex(m_page->model()->index(5, NumbersModel::LabelColumn));
        const QString id = m_page->model()->index(5, 0).data(NumbersModel::IdRole).toString();
        QString askedFor;
        m_page->setLabelPrompt([&](const QString& number, const QString&) -> std::optional<QString> {
            askedFor = number;
            return u"  Reception  "_s;
        });
        m_page->findChild<QAction*>(u"editLabelAction"_s)->trigger();
        QCOMPARE(askedFor, m_page->model()->index(5, 0).data().toString());

        const QList<store::PendingChange> staged =
            store::PendingChangeRepository(m_test->database()).list(m_profile);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged[0].entity, u"phone_number"_s);
        QCOMPARE(staged[0].entityKey, id);
        QCOMPARE(staged[0].payload.value(u"label"_s).toString(), u"Reception"_s);
        const QModelIndex label = m_page->model()->index(5, NumbersModel::LabelColumn);
        QCOMPARE(label.data().toString(), u"Reception"_s);
        QVERIFY(label.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(m_page->findChild<QLabel*>(u"pendingValue"_s)->text().contains(u"Reception"_s));

        // Cancelling the prompt stages nothing more.
        m_page->setLabelPrompt([](const QString&, const QString&) { return std::nullopt; });
        m_page->findChild<QAction*>(u"editLabelAction"_s)->trigger();
        QCOMPARE(store::PendingChangeRepository(m_test->database()).list(m_profile).size(), 1);
    }

    void headerStateIsRemembered() {
        QHeaderView* header = m_page->findChild<QTableView*>(u"tableView"_s)->horizontalHeader();
        header->moveSection(header->visualIndex(NumbersModel::ProviderColumn), 1);
        header->setSortIndicator(NumbersModel::LabelColumn, Qt::DescendingOrder);
        m_page.reset();
        NumbersPage again(m_test->database());
        QHeaderView* restored = again.findChild<QTableView*>(u"tableView"_s)->horizontalHeader();
        QCOMPARE(restored->visualIndex(NumbersModel::ProviderColumn), 1);
        QCOMPARE(again.model()->sortKey(), store::NumberSortKey::Label);
        QCOMPARE(again.model()->sortOrder(), Qt::DescendingOrder);
    }

    // Not an assertion of looks: writes PNGs for the docs and for a human to look at when
    // TRUNKLINE_SCREENSHOT_DIR is set.
    void screenshot() {
        const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR");
        if (dir.isEmpty()) {
            QSKIP("TRUNKLINE_SCREENSHOT_DIR is not set");
        }
        m_page.reset();
        gui::MainWindow window;
        auto* page = new NumbersPage(m_test->database());
        window.setPageWidget(gui::MainWindow::Page::Numbers, page);
        window.showPage(gui::MainWindow::Page::Numbers);
        QVERIFY(showExposed(window, {1400, 820}));
        auto* table = page->findChild<QTableView*>(u"tableView"_s);
        table->setCurrentIndex(page->model()->index(3, 0));
        page->model()->setLabel(7, u"Empfang"_s);
        QTest::qWait(50);
        QTRY_VERIFY(page->model()->isTotalKnown()); // counted on a thread of its own
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(window.grab().save(dir + u"/numbers-page.png"_s));
        QTest::keyClicks(page->findChild<QLineEdit*>(u"digitsEdit"_s), u"+4930*12*"_s);
        QTRY_COMPARE(page->model()->filter().digitsPattern, u"+4930*12*"_s);
        QTRY_VERIFY(page->model()->isTotalKnown());
        QVERIFY(window.grab().save(dir + u"/numbers-page-filtered.png"_s));
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<NumbersPage> m_page;
    qint64 m_profile = 0;
};

QTEST_MAIN(tst_NumbersPage)
#include "tst_NumbersPage.moc"
