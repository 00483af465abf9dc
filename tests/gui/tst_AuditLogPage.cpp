// The Audit log page as an admin uses it: type into the filter (Ctrl+F), pick a period, and export what
// the view shows; on a real SQLite file.
#include "TestDatabase.h"
#include "core/Csv.h"
#include "gui/TableCsvExport.h"
#include "gui/audit/AuditLogPage.h"
#include "store/AuditLogRepository.h"

#include <QBuffer>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;

class tst_AuditLogPage : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_test = std::make_unique<TestDatabase>(u"sqlite"_s);
        QVERIFY2(m_test->open(), qPrintable(m_test->error()));
        const qint64 profile = m_test->addProfile();
        store::AuditLogRepository log(m_test->database());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Two recent entries and one from two weeks ago.
        const QList<std::tuple<QString, QString, int>> rows{
            {u"e104"_s, u"Updated extension 104 (Anna Wolf-Berger)"_s, 0},
            {u"f-7"_s, u"Created forwarding number +4930555"_s, 0},
            {u"e105"_s, u"Updated extension 105 (Anna Schmidt)"_s, -14},
        };
        for (const auto& [key, summary, days] : rows) {
            store::AuditEntry entry;
            entry.profileId = profile;
            entry.profileName = u"Büro Berlin"_s;
            entry.entity = u"extension"_s;
            entry.entityKey = key;
            entry.action = u"update"_s;
            entry.summary = summary;
            entry.at = now.addDays(days).addSecs(-60);
            QVERIFY(log.append(entry));
        }
        m_page = std::make_unique<gui::AuditLogPage>(m_test->database());
        m_page->resize(1000, 500);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }
    void cleanup() {
        m_page.reset();
        m_test.reset();
    }

    void filterAndPeriodNarrowTheLog() {
        auto* view = m_page->findChild<QTableView*>(u"tableView"_s);
        auto* count = m_page->findChild<QLabel*>(u"countLabel"_s);
        auto* filter = m_page->findChild<QLineEdit*>(u"filterEdit"_s);
        auto* period = m_page->findChild<QComboBox*>(u"periodCombo"_s);
        QVERIFY(view && count && filter && period);
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(count->text(), u"3 entries"_s);

        QTest::keySequence(m_page.get(), QKeySequence::Find);
        QVERIFY(filter->hasFocus());
        QTest::keyClicks(filter, u"anna"_s);
        QTRY_COMPARE(view->model()->rowCount(), 2);
        QCOMPARE(count->text(), u"2 entries"_s);

        period->setCurrentIndex(period->findData(QVariant::fromValue(gui::AuditLogPage::Period::Last7Days)));
        QCOMPARE(view->model()->rowCount(), 1);
        QVERIFY(view->model()->index(0, 6).data().toString().contains(u"Wolf-Berger"_s));

        // Export CSV writes what the page shows: the one entry.
        QBuffer csv;
        QVERIFY(csv.open(QIODevice::ReadWrite));
        QVERIFY(gui::TableCsvExport::write(&csv, view, {}));
        csv.seek(0);
        const QList<QStringList> rows = core::CsvReader(&csv).readAll();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).value(1), u"Büro Berlin"_s);

        filter->clear();
        QTRY_COMPARE(view->model()->rowCount(), 2);
        period->setCurrentIndex(period->findData(QVariant::fromValue(gui::AuditLogPage::Period::AllTime)));
        QCOMPARE(view->model()->rowCount(), 3);
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<gui::AuditLogPage> m_page;
};

QTEST_MAIN(tst_AuditLogPage)
#include "tst_AuditLogPage.moc"
