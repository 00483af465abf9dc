// "Export CSV…" on the pages' tables: what the view shows (rows as sorted and filtered, visible columns
// in their visual order, displayed texts), plain or for Excel, read back as CSV.
#include "GuiTestCase.h"
#include "core/Csv.h"
#include "gui/TableCsvExport.h"
#include "gui/extensions/ExtensionsPage.h"
#include "store/ExtensionRepository.h"

#include <QAction>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using gui::CsvTarget;
using gui::TableCsvExport;

namespace {

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QStringList> readCsv(const QString& path, QChar separator) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    core::CsvReader reader(&file, {separator, true});
    return reader.readAll();
}

} // namespace

class tst_TableCsvExport : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_page = std::make_unique<QWidget>();
        auto* layout = new QVBoxLayout(m_page.get());
        m_buttons = new QHBoxLayout;
        layout->addLayout(m_buttons);
        m_view = new QTableView(m_page.get());
        layout->addWidget(m_view);

        // Name, City, Label; five people, one of them a formula in disguise.
        m_source = new QStandardItemModel(0, 3, m_page.get());
        m_source->setHorizontalHeaderLabels({u"Name"_s, u"City"_s, u"Label"_s});
        const QList<QStringList> rows{{u"Anna"_s, u"München"_s, u"Chefin"_s},
                                      {u"Bernd"_s, u"Köln"_s, u"=1+1"_s},
                                      {u"Carla"_s, u"Berlin"_s, u"Empfang; Süd"_s},
                                      {u"Dieter"_s, u"Essen"_s, u"-"_s},
                                      {u"Eva"_s, u"Düsseldorf"_s, u"Lager"_s}};
        for (const QStringList& row : rows) {
            QList<QStandardItem*> items;
            for (const QString& text : row)
                items << new QStandardItem(text);
            m_source->appendRow(items);
        }
        auto* proxy = new QSortFilterProxyModel(m_page.get());
        proxy->setSourceModel(m_source);
        proxy->setFilterKeyColumn(0);
        proxy->setFilterRegularExpression(u"^[^D]"_s); // Dieter filtered out
        m_view->setModel(proxy);
        m_view->setSortingEnabled(true);
        m_view->sortByColumn(0, Qt::DescendingOrder);
        m_export = new TableCsvExport(m_page.get(), m_view, u"people"_s, m_buttons);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }
    void cleanup() {
        m_page.reset();
        QLocale::setDefault(QLocale::c());
    }

    void ctrlEWritesWhatTheViewShows() {
        QHeaderView* header = m_view->horizontalHeader();
        header->moveSection(header->visualIndex(2), 0); // Label first
        header->setSectionHidden(1, true);              // City hidden
        QTemporaryDir dir;
        const QString path = dir.filePath(u"people.csv"_s);
        QString suggested;
        m_export->setTargetPrompt([&](const QString& name) -> std::optional<CsvTarget> {
            suggested = name;
            return CsvTarget{path};
        });
        m_view->setFocus();
        QTest::keyClick(m_view, Qt::Key_E, Qt::ControlModifier);

        QVERIFY2(suggested.startsWith(u"people-"_s) && suggested.endsWith(u".csv"_s), qPrintable(suggested));
        const QByteArray bytes = fileBytes(path);
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.contains("'=1+1")); // neutralised for the spreadsheet
        const QList<QStringList> rows = readCsv(path, u',');
        const QList<QStringList> expected{{u"Label"_s, u"Name"_s},
                                          {u"Lager"_s, u"Eva"_s},
                                          {u"Empfang; Süd"_s, u"Carla"_s},
                                          {u"=1+1"_s, u"Bernd"_s},
                                          {u"Chefin"_s, u"Anna"_s}};
        QCOMPARE(rows, expected);
    }

    void hiddenRowsAreLeftOut() {
        m_view->setRowHidden(0, true); // Eva
        QTemporaryDir dir;
        const QString path = dir.filePath(u"people.csv"_s);
        QString error;
        QVERIFY2(m_export->exportTo({path}, &error), qPrintable(error));
        const QList<QStringList> rows = readCsv(path, u',');
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(1).value(0), u"Carla"_s);
    }

    // Excel in German: a BOM, or "München" shows as "MÃ¼nchen", and ";" as the separator.
    void excelModeFollowsTheLocale() {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"people.csv"_s);
        QString error;
        QVERIFY2(m_export->exportTo({path, true}, &error), qPrintable(error));
        const QByteArray bytes = fileBytes(path);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                                 "Name;City;Label\r\n"));
        const QList<QStringList> rows = readCsv(path, u';');
        QCOMPARE(rows.at(4), (QStringList{u"Anna"_s, u"München"_s, u"Chefin"_s}));
        QCOMPARE(rows.at(2).value(2), u"Empfang; Süd"_s);
    }

    void theButtonCarriesTheAction() {
        auto* button = m_page->findChild<QToolButton*>(u"exportCsvButton"_s);
        QVERIFY(button);
        QCOMPARE(button->defaultAction(), m_export->action());
        QCOMPARE(m_export->action()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(m_export->action()->toolTip().contains(u"CSV"_s));
    }

    void aFileThatCannotBeWrittenSaysWhy() {
        QString error;
        QVERIFY(!m_export->exportTo({u"/nonexistent-dir/people.csv"_s}, &error));
        QVERIFY2(error.contains(u"/nonexistent-dir/people.csv"_s), qPrintable(error));
    }

    // The extensions page fetches rows as they are scrolled to; its export still holds every row.
    void aLazyPageExportsEveryRow() {
        std::unique_ptr<TestDatabase> test;
        QVERIFY2(startGuiTestCase(test), qPrintable(test->error()));
        const qint64 profile = test->addProfile();
        QList<core::Extension> extensions;
        for (int i = 0; i < 450; ++i) {
            core::Extension e;
            e.id = u"e%1"_s.arg(i);
            e.extensionNumber = QString::number(1000 + i);
            e.name = u"Person %1"_s.arg(i);
            extensions << e;
        }
        QVERIFY(store::ExtensionRepository(test->database()).upsert(profile, extensions));
        gui::ExtensionsPage page(test->database());
        page.setProfile(profile);
        auto* view = page.findChild<QTableView*>(u"tableView"_s);
        QVERIFY(view->model()->rowCount() < 450); // not all fetched yet
        auto* exporter = page.findChild<TableCsvExport*>();
        QVERIFY(exporter);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"extensions.csv"_s);
        QString error;
        QVERIFY2(exporter->exportTo({path}, &error), qPrintable(error));
        QCOMPARE(readCsv(path, u',').size(), 451);
    }

    // A tree is written one row per leaf: its first column as one column per level, and each cell a leaf
    // leaves empty taken from its nearest ancestor; a hidden row is left out with what is under it.
    void aTreeIsWrittenOneRowPerLeaf() {
        QWidget page;
        auto* layout = new QVBoxLayout(&page);
        auto* tree = new QTreeView(&page);
        layout->addWidget(tree);
        QStandardItemModel model(0, 4);
        model.setHorizontalHeaderLabels({u"Change"_s, u"Before"_s, u"After"_s, u"State"_s});
        const auto row = [](const QStringList& texts) {
            QList<QStandardItem*> items;
            for (const QString& text : texts)
                items << new QStandardItem(text);
            return items;
        };
        QList<QStandardItem*> office = row({u"Büro München"_s, {}, {}, {}});
        model.appendRow(office);
        QList<QStandardItem*> anna = row({u"Extension 101 (Anna Größer)"_s, {}, {}, {}});
        office.first()->appendRow(anna);
        QList<QStandardItem*> edit = row({u"Edit: Name, Label"_s, {}, {}, u"Waiting"_s});
        anna.first()->appendRow(edit);
        edit.first()->appendRow(row({u"Name"_s, u"Anna Größer"_s, u"Anna Groß"_s, {}}));
        edit.first()->appendRow(row({u"Label"_s, u"—"_s, u"=Chefin"_s, u"Checked"_s}));
        QList<QStandardItem*> release = row({u"Release the number"_s, {}, {}, u"Failed"_s});
        anna.first()->appendRow(release);
        QList<QStandardItem*> hidden = row({u"Hidden change"_s, {}, {}, u"Waiting"_s});
        anna.first()->appendRow(hidden);
        hidden.first()->appendRow(row({u"Name"_s, u"a"_s, u"b"_s, {}}));
        QList<QStandardItem*> deep = row({u"Deep"_s, {}, {}, u"Waiting"_s});
        release.first()->appendRow(deep);
        deep.first()->appendRow(row({u"Note"_s, {}, {}, {}}));
        tree->setModel(&model);
        tree->expandAll();
        tree->setRowHidden(2, anna.first()->index(), true);
        tree->header()->setSectionHidden(1, true); // Before hidden
        auto* exporter = new TableCsvExport(&page, tree, u"tree"_s);
        exporter->setTreeLevels({u"Profile"_s, u"Record"_s, u"Change"_s, u"Field"_s});

        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"tree.csv"_s);
        QString error;
        QVERIFY2(exporter->exportTo({path, true}, &error), qPrintable(error));
        QVERIFY(fileBytes(path).startsWith("\xEF\xBB\xBF"
                                           "Profile;Record;Change;Field;After;State\r\n"));
        QVERIFY(fileBytes(path).contains("'=Chefin")); // neutralised for the spreadsheet
        const QList<QStringList> expected{
            {u"Profile"_s, u"Record"_s, u"Change"_s, u"Field"_s, u"After"_s, u"State"_s},
            {u"Büro München"_s, u"Extension 101 (Anna Größer)"_s, u"Edit: Name, Label"_s, u"Name"_s,
             u"Anna Groß"_s, u"Waiting"_s},
            {u"Büro München"_s, u"Extension 101 (Anna Größer)"_s, u"Edit: Name, Label"_s, u"Label"_s,
             u"=Chefin"_s, u"Checked"_s},
            {u"Büro München"_s,
             u"Extension 101 (Anna Größer)"_s,
             u"Release the number"_s,
             u"Deep › Note"_s,
             {},
             u"Waiting"_s}};
        QCOMPARE(readCsv(path, u';'), expected);
    }

private:
    std::unique_ptr<QWidget> m_page;
    QHBoxLayout* m_buttons = nullptr;
    QTableView* m_view = nullptr;
    QStandardItemModel* m_source = nullptr;
    TableCsvExport* m_export = nullptr;
};

QTEST_MAIN(tst_TableCsvExport)
#include "tst_TableCsvExport.moc"
