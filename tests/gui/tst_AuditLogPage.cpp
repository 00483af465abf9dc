// The Audit log page as an admin uses it: type into the filter (Ctrl+F), pick a period or a range of days,
// a profile and a record, and export what the view shows; on a real SQLite file.
#include "AuditRecord.h"
#include "GuiTestCase.h"
#include "TestDatabase.h"
#include "core/Csv.h"
#include "gui/TableCsvExport.h"
#include "gui/audit/AuditLogPage.h"
#include "store/AuditLogRepository.h"

#include <QBuffer>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using test::auditEntry;

namespace {

// What Export CSV writes for `view`, read back row by row; nothing when it cannot write.
std::optional<QList<QStringList>> exportedRows(QTableView* view) {
    QBuffer csv;
    if (!csv.open(QIODevice::ReadWrite) || !gui::TableCsvExport::write(&csv, view, {}))
        return std::nullopt;
    csv.seek(0);
    return core::CsvReader(&csv).readAll();
}

} // namespace

class tst_AuditLogPage : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY2(openSqliteTestDatabase(m_test), qPrintable(m_test->error()));
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
            store::AuditEntry entry =
                auditEntry(profile, u"Büro Berlin"_s, u"extension"_s, key, u"update"_s, summary);
            entry.at = now.addDays(days).addSecs(-60);
            QVERIFY(log.append(entry));
        }
        m_profile = profile;
        m_page = std::make_unique<gui::AuditLogPage>(m_test->database());
        QVERIFY(showExposed(*m_page, {1000, 500}));
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
        const std::optional<QList<QStringList>> rows = exportedRows(view);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(1).value(1), u"Büro Berlin"_s);

        filter->clear();
        QTRY_COMPARE(view->model()->rowCount(), 2);
        period->setCurrentIndex(period->findData(QVariant::fromValue(gui::AuditLogPage::Period::AllTime)));
        QCOMPARE(view->model()->rowCount(), 3);
    }

    void profileRecordAndDaysNarrowTheLog() {
        // A second office with a released number today and a sync forty days ago.
        const qint64 hamburg = m_test->addProfile(u"Filiale Hamburg"_s, u"telnyx"_s);
        QVERIFY(hamburg > 0);
        store::AuditLogRepository log(m_test->database());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const auto& [entity, key, summary, days] : QList<std::tuple<QString, QString, QString, int>>{
                 {u"phone_number"_s, u"pn-4711"_s, u"Released +49 40 555 4711"_s, 0},
                 {u"profile"_s, QString::number(hamburg), u"Pulled 120 numbers"_s, -40}}) {
            const QString action = entity == u"profile"_s ? u"pull"_s : u"delete"_s;
            store::AuditEntry entry = auditEntry(hamburg, u"Filiale Hamburg"_s, entity, key, action, summary);
            entry.at = now.addDays(days).addSecs(-60);
            QVERIFY(log.append(entry));
        }
        m_page->refresh(); // what the session does after a sync or an apply
        auto* view = m_page->findChild<QTableView*>(u"tableView"_s);
        auto* count = m_page->findChild<QLabel*>(u"countLabel"_s);
        auto* profile = m_page->findChild<QComboBox*>(u"profileCombo"_s);
        auto* kind = m_page->findChild<QComboBox*>(u"recordKindCombo"_s);
        auto* key = m_page->findChild<QLineEdit*>(u"recordKeyEdit"_s);
        auto* period = m_page->findChild<QComboBox*>(u"periodCombo"_s);
        auto* from = m_page->findChild<QDateEdit*>(u"fromEdit"_s);
        auto* to = m_page->findChild<QDateEdit*>(u"toEdit"_s);
        QVERIFY(view && count && profile && kind && key && period && from && to);
        QCOMPARE(view->model()->rowCount(), 5);

        // The arrow keys walk a closed combo's choices, as an admin does with the keyboard.
        const auto choose = [](QComboBox* combo, const QString& text) {
            combo->setFocus();
            QTest::keyClick(combo, Qt::Key_Home);
            for (int i = 0; i < combo->count() && combo->currentText() != text; ++i)
                QTest::keyClick(combo, Qt::Key_Down);
            return combo->currentText() == text;
        };
        QVERIFY(choose(profile, u"Filiale Hamburg"_s));
        QCOMPARE(view->model()->rowCount(), 2);
        QVERIFY(choose(kind, u"Phone number"_s));
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 5).data().toString(), u"Phone number pn-4711"_s);
        QTest::keyClicks(key, u"4711"_s);
        QTRY_COMPARE(count->text(), u"1 entry"_s);
        QTest::keyClicks(key, u"9"_s);
        QTRY_COMPARE(view->model()->rowCount(), 0);
        key->clear();
        QVERIFY(choose(kind, u"Sync of a profile"_s));
        QCOMPARE(view->model()->rowCount(), 1);
        QVERIFY(choose(kind, u"Any record"_s));
        QVERIFY(choose(profile, u"All profiles"_s));
        QCOMPARE(view->model()->rowCount(), 5);

        // Between two days: only Anna Schmidt's edit of two weeks ago; the days are disabled otherwise.
        QVERIFY(!from->isEnabled() && !to->isEnabled());
        QVERIFY(choose(period, u"Between dates"_s));
        QVERIFY(from->isEnabled() && to->isEnabled());
        const QDate today = QDate::currentDate();
        from->setDate(today.addDays(-20));
        to->setDate(today.addDays(-10));
        QCOMPARE(view->model()->rowCount(), 1);
        QVERIFY(view->model()->index(0, 6).data().toString().contains(u"Anna Schmidt"_s));
        // To is a whole day: up to today includes what happened a minute ago.
        to->setDate(today);
        QCOMPARE(view->model()->rowCount(), 4);
        if (const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(m_page->grab().save(dir + u"/audit-log.png"_s));

        // Export CSV writes the rows the view shows.
        from->setDate(today.addDays(-20));
        to->setDate(today.addDays(-10));
        const std::optional<QList<QStringList>> rows = exportedRows(view);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 2);
        QVERIFY(rows->at(1).join(u' ').contains(u"Anna Schmidt"_s));

        // A From after the To says which rule it breaks.
        from->setDate(today);
        QCOMPARE(view->model()->rowCount(), 0);
        QCOMPARE(count->text(), u"“From” is after “To”: pick a From day on or before the To day."_s);

        // The window's current profile chooses the page's.
        m_page->setProfile(hamburg);
        QCOMPARE(profile->currentText(), u"Filiale Hamburg"_s);
        m_page->setProfile(m_profile);
        QCOMPARE(profile->currentText(), u"Test office"_s);
    }

private:
    qint64 m_profile = 0;
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<gui::AuditLogPage> m_page;
};

QTEST_MAIN(tst_AuditLogPage)
#include "tst_AuditLogPage.moc"
