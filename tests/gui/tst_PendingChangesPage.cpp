// The Pending changes page as the review before apply, over a real SQLite file synced from the
// in-process demo emulator (real HTTP on 127.0.0.1): edits staged on the Numbers page, of an extension and
// of its forwarding list read as before → after under their records; Apply selected sends only the chosen
// change, Apply all shows a progress bar, Cancel stops after the change in flight, and every outcome
// (applied, failed with the provider's message, not sent) stays listed until dismissed.
#include "DemoConnections.h"
#include "GuiTestCase.h"
#include "PendingTreeLines.h"
#include "SyncToTheEnd.h"
#include "changes/ChangePayloads.h"
#include "changes/ChangeStager.h"
#include "changes/ForwardingListPlan.h"
#include "changes/NumberChangePayloads.h"
#include "connection/ConnectionFactory.h"
#include "core/Csv.h"
#include "core/RouteMatcher.h"
#include "demo/DemoEmulator.h"
#include "gui/TableCsvExport.h"
#include "gui/numbers/NumbersPage.h"
#include "gui/pending/PendingChangesPage.h"
#include "gui/syncstatus/SyncController.h"
#include "models/NumbersModel.h"
#include "models/PendingChangesModel.h"
#include "secrets/MemorySecretStore.h"
#include "store/ExtensionRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"
#include "sync/SyncEngine.h"

#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using Model = models::PendingChangesModel;

class tst_PendingChangesPage : public QObject {
    Q_OBJECT

private slots:
    // One synced demo account for all cases (a sync takes seconds); each case discards what it staged.
    void initTestCase() {
        QVERIFY2(startDemoGuiTestCase(m_test), qPrintable(m_test->error()));
        m_sync = std::make_unique<gui::SyncController>(m_test->database(), m_connections.factory);
        const QString failed = syncAllToTheEnd(*m_sync, 120000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_restcomm = demoProfile(*m_test, u"restcomm"_s)->id;
        m_ringCentral = demoProfile(*m_test, u"ringcentral"_s)->id;
    }
    void init() { QTRY_VERIFY_WITH_TIMEOUT(!m_sync->isRunning(), 60000); }
    void cleanup() {
        for (const qint64 profile : {m_restcomm, m_ringCentral})
            QVERIFY(changes::ChangeStager::of(m_test->database()).discardAll(profile).ok());
    }
    void cleanupTestCase() {
        m_sync.reset();
        m_test.reset();
    }

    void reviewReadsBeforeAndAfterByTheFormsLabels() {
        // A label edited on the Numbers page.
        const auto [number, oldLabel] = editLabelOnNumbersPage(0, u"Reception desk"_s);
        // An extension's name, as its editor stages it.
        const core::Extension anna = userExtension(0);
        core::Extension renamed = anna;
        renamed.name = u"Anna Review"_s;
        QVERIFY(stageExtensionEdit(anna, renamed));
        // A forwarding list with its last entry removed and a number added, as the forwarding editor
        // stages it.
        const auto [owner, list] = extensionWithForwardingList();
        QList<core::ForwardingNumber> edited = list;
        edited.removeLast();
        core::ForwardingNumber added;
        added.phoneNumber = u"+4917600000099"_s;
        added.type = core::ForwardingType::Mobile;
        edited << added;
        QVERIFY(changes::ChangeStager::of(m_test->database())
                    .stageSequence(changes::ForwardingListPlan::plan(m_ringCentral, owner.id, list, edited))
                    .ok());

        // A release, as the Numbers page's Delete stages it.
        core::PhoneNumberRecord released;
        for (const core::PhoneNumberRecord& stored :
             store::PhoneNumberRepository(m_test->database()).list(m_restcomm)) {
            if (QRegularExpression(u"^\\+[0-9]+$"_s).match(stored.e164).hasMatch()) // a number, not a route
                released = stored;
        }
        QVERIFY(changes::ChangeStager::of(m_test->database())
                    .stage(changes::NumberChangePayloads::numberDelete(
                        m_restcomm, released,
                        store::PhoneNumberRepository(m_test->database()).versionOf(released)))
                    .ok());

        gui::PendingChangesPage page(m_test->database());
        page.setSyncController(m_sync.get());
        QVERIFY(showExposed(page, {1200, 720}));
        const QStringList lines = pendingTreeLines(*page.model());
        // What a release means, under it.
        const qsizetype releaseAt = lines.indexOf(u"  Number %1"_s.arg(released.e164));
        QVERIFY2(releaseAt >= 0, qPrintable(lines.join(u'\n')));
        QCOMPARE(lines.value(releaseAt + 1), u"    Release the number | requests 2 | Waiting"_s);
        QVERIFY2(lines.contains(
                     u"      %1 leaves the account: it can no longer be called or used, and the provider "
                     "may give it to someone else."_s.arg(released.e164)),
                 qPrintable(lines.join(u'\n')));
        // Grouped by profile, then record; each field by its form label, before → after.
        const QString numberRecord = u"  "_s + numberTitle(number);
        QVERIFY2(lines.first().startsWith(u"Demo"_s), qPrintable(lines.join(u'\n'))); // a profile row
        const qsizetype numberAt = lines.indexOf(numberRecord);
        QVERIFY2(numberAt >= 0, qPrintable(lines.join(u'\n')));
        QCOMPARE(lines.value(numberAt + 1), u"    Edit: Label | requests 2 | Waiting"_s);
        QCOMPARE(lines.value(numberAt + 2),
                 u"      Label: %1 → Reception desk"_s.arg(oldLabel.isEmpty() ? u"(empty)"_s : oldLabel));

        const qsizetype extensionAt =
            lines.indexOf(u"  Extension %1 (%2)"_s.arg(anna.extensionNumber, anna.name));
        QVERIFY2(extensionAt >= 0, qPrintable(lines.join(u'\n')));
        QCOMPARE(lines.value(extensionAt + 1), u"    Edit: Name | requests 3 | Waiting"_s);
        QCOMPARE(lines.value(extensionAt + 2), u"      Name: %1 → Anna Review"_s.arg(anna.name));

        const qsizetype ownerAt = lines.indexOf(u"  Extension %1"_s.arg(extensionText(owner)));
        QVERIFY2(ownerAt >= 0, qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.contains(u"    Forwarding & flip list: removed %1 | requests 2 | Waiting"_s.arg(
                     list.last().phoneNumber)),
                 qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.contains(u"    Forwarding & flip list: added +4917600000099 | requests 2 | Waiting"_s),
                 qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.contains(u"      Phone number: — → +4917600000099"_s), qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.contains(u"      Phone number: %1 → —"_s.arg(list.last().phoneNumber)),
                 qPrintable(lines.join(u'\n')));
        saveScreenshot(page, u"pending"_s);
    }

    // Export CSV (Ctrl+E) writes what the tree shows, one row per field change with its profile, record
    // and change; for Excel in German with a BOM and ";", the umlauts read back intact.
    void exportWritesOneRowPerFieldChange() {
        const auto [number, oldLabel] = editLabelOnNumbersPage(0, u"Empfang Süd"_s);
        const core::Extension anna = userExtension(0);
        core::Extension renamed = anna;
        renamed.name = u"Jürgen Müller"_s;
        renamed.contact.jobTitle = u"Geschäftsführer"_s;
        QVERIFY(stageExtensionEdit(anna, renamed));
        gui::PendingChangesPage page(m_test->database());
        QVERIFY(showExposed(page));
        auto* exporter = page.findChild<gui::TableCsvExport*>();
        QVERIFY(exporter);
        QVERIFY(page.findChild<QToolButton*>(u"exportCsvButton"_s));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"pending.csv"_s);
        QString suggested;
        exporter->setTargetPrompt([&](const QString& name) -> std::optional<gui::CsvTarget> {
            suggested = name;
            return gui::CsvTarget{path, true};
        });
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        auto* tree = page.findChild<QTreeView*>(u"treeView"_s);
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_E, Qt::ControlModifier);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(suggested.startsWith(u"pending-changes-"_s), qPrintable(suggested));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.peek(3) == "\xEF\xBB\xBF");
        const QList<QStringList> rows = core::CsvReader(&file, {u';', true}).readAll();
        // The columns the tree shows: on SQLite there is no four-eyes, so no "Approved by".
        QCOMPARE(rows.value(0),
                 (QStringList{u"Profile"_s, u"Record"_s, u"Change"_s, u"Field"_s, u"Before"_s, u"After"_s,
                              u"Requests"_s, u"State"_s, u"Staged"_s, u"Author"_s, u"Message"_s}));
        QCOMPARE(rows.size(), 4); // the label, the name and the job title
        const QString restcommName = demoProfile(*m_test, u"restcomm"_s)->name;
        const QString ringCentralName = demoProfile(*m_test, u"ringcentral"_s)->name;
        const auto row = [&](const QString& field) {
            for (const QStringList& r : rows)
                if (r.value(3) == field)
                    return r;
            return QStringList();
        };
        QCOMPARE(row(u"Label"_s).mid(0, 8),
                 (QStringList{restcommName, numberTitle(number), u"Edit: Label"_s, u"Label"_s,
                              oldLabel.isEmpty() ? u"(empty)"_s : oldLabel, u"Empfang Süd"_s, u"2"_s,
                              u"Waiting"_s}));
        const QString annaTitle = u"Extension %1"_s.arg(extensionText(anna));
        QCOMPARE(row(u"Name"_s).mid(0, 8),
                 (QStringList{ringCentralName, annaTitle, u"Edit: Name, Job title"_s, u"Name"_s, anna.name,
                              u"Jürgen Müller"_s, u"3"_s, u"Waiting"_s}));
        QCOMPARE(row(u"Job title"_s).value(5), u"Geschäftsführer"_s);
        QVERIFY(!row(u"Name"_s).value(8).isEmpty()); // when it was staged, from the change
    }

    // A change parked as a conflict stays on the page, selectable (to discard or resolve it), but is not
    // applied.
    void aConflictStaysVisibleAndSelectable() {
        editLabelOnNumbersPage(7, u"Parked"_s);
        store::PendingChangeRepository repository(m_test->database());
        const store::PendingChange staged = repository.list(m_restcomm).first();
        const store::ChangeClaim claim{u"test@localhost:1#t"_s, QDateTime::currentDateTimeUtc().addSecs(600)};
        QVERIFY(repository.markApplying(staged.id, claim));
        QVERIFY(
            repository.markConflict(staged.id, claim.owner, u"The record was changed at the provider."_s));

        gui::PendingChangesPage page(m_test->database());
        page.setSyncController(m_sync.get());
        const QModelIndex row = page.model()->indexOfChange(staged.id);
        QVERIFY(row.isValid());
        QCOMPARE(row.siblingAtColumn(Model::StateColumn).data().toString(), u"Conflict"_s);
        QCOMPARE(row.siblingAtColumn(Model::MessageColumn).data().toString(),
                 u"The record was changed at the provider."_s);
        auto* tree = page.findChild<QTreeView*>(u"treeView"_s);
        tree->selectionModel()->select(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(page.selectedChangeIds(), QList<qint64>{staged.id});
        QVERIFY(!page.findChild<QPushButton*>(u"applySelectedButton"_s)->isEnabled());
        QVERIFY(!page.findChild<QPushButton*>(u"applyButton"_s)->isEnabled());
        QVERIFY(page.findChild<QPushButton*>(u"discardButton"_s)->isEnabled());
        page.setConfirmDiscard([](QWidget*, int count) { return count == 1; });
        QTest::mouseClick(page.findChild<QPushButton*>(u"discardButton"_s), Qt::LeftButton);
        QVERIFY(page.model()->changes().isEmpty());
    }

    void applySelectedSendsOnlyTheChosenChange() {
        const auto [first, firstOld] = editLabelOnNumbersPage(1, u"Applied alone"_s);
        const auto [second, secondOld] = editLabelOnNumbersPage(2, u"Stays staged"_s);
        gui::PendingChangesPage page(m_test->database());
        page.setSyncController(m_sync.get());
        const QList<store::PendingChange> staged = page.model()->changes();
        QCOMPARE(staged.size(), 2);
        auto* tree = page.findChild<QTreeView*>(u"treeView"_s);
        tree->selectionModel()->select(page.model()->indexOfChange(staged.first().id),
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        auto* applySelected = page.findChild<QPushButton*>(u"applySelectedButton"_s);
        QVERIFY(applySelected->isEnabled());

        QSignalSpy finished(m_sync.get(), &gui::SyncController::finished);
        QTest::mouseClick(applySelected, Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        store::PendingChangeRepository repository(m_test->database());
        QCOMPARE(repository.find(staged.first().id)->state, store::ChangeState::Applied);
        QCOMPARE(repository.find(staged.last().id)->state, store::ChangeState::Pending);
        QCOMPARE(repository.find(staged.last().id)->attempts, 0);
        QCOMPARE(resultLines(page), QStringList{u"Applied | %1 · Edit: Label | "_s.arg(numberTitle(first))});

        // The provider holds the one label and not the other: pulled without pushing.
        pullRestcommWithoutPushing();
        QCOMPARE(labelOf(first), u"Applied alone"_s);
        QCOMPARE(labelOf(second), secondOld);
    }

    void applyAllShowsProgressAndKeepsAFailureUntilDismissed() {
        const auto [number, oldLabel] = editLabelOnNumbersPage(3, u"Front office"_s);
        // An extension number another extension has: the provider refuses it, with its reason.
        const core::Extension anna = userExtension(1);
        core::Extension clash = anna;
        clash.extensionNumber = userExtension(2).extensionNumber;
        QVERIFY(stageExtensionEdit(anna, clash));

        gui::PendingChangesPage page(m_test->database());
        page.setSyncController(m_sync.get());
        page.resize(1200, 720);
        page.show();
        auto* apply = page.findChild<QPushButton*>(u"applyButton"_s);
        auto* bar = page.findChild<QProgressBar*>(u"applyProgressBar"_s);
        auto* cancel = page.findChild<QPushButton*>(u"cancelApplyButton"_s);
        QCOMPARE(apply->text(), u"&Apply 2 changes"_s);
        QVERIFY(bar->isHidden());
        QSignalSpy finished(m_sync.get(), &gui::SyncController::finished);
        QSignalSpy progress(m_sync.get(), &gui::SyncController::applyProgress);
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(!bar->isHidden());
        QVERIFY(!cancel->isHidden());
        QCOMPARE(bar->maximum(), 2);
        QVERIFY(!apply->isEnabled()); // no second apply while one runs
        QVERIFY(finished.wait(120000));
        QVERIFY(bar->isHidden());
        QVERIFY(cancel->isHidden());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 2); // both done, over the two profiles
        QCOMPARE(progress.last().at(1).toInt(), 2);

        QStringList results = resultLines(page);
        QCOMPARE(results.size(), 2);
        QVERIFY2(results.contains(u"Applied | %1 · Edit: Label | "_s.arg(numberTitle(number))),
                 qPrintable(results.join(u'\n')));
        const QString failed = results.filter(u"Failed | Extension "_s).value(0);
        QVERIFY2(failed.contains(u"· Edit: Extension number | "_s), qPrintable(results.join(u'\n')));
        QVERIFY2(failed.contains(u"already used by"_s), qPrintable(failed)); // the provider's words
        auto* box = page.findChild<QWidget*>(u"resultsBox"_s);
        QVERIFY(box->isVisible());
        saveScreenshot(page, u"pending-results"_s);

        // The failed change stays, with the message; later refreshes keep the results until dismissed.
        QCOMPARE(page.model()->changes().size(), 1);
        QVERIFY(page.model()->changes().first().lastError.contains(u"already used by"_s));
        page.refresh();
        QCOMPARE(resultLines(page).size(), 2);
        auto* view = page.findChild<QTreeWidget*>(u"resultsView"_s);
        const QList<QTreeWidgetItem*> failedItems = view->findItems(u"Failed"_s, Qt::MatchExactly, 0);
        QCOMPARE(failedItems.size(), 1);
        failedItems.first()->setSelected(true);
        QTest::mouseClick(page.findChild<QPushButton*>(u"dismissButton"_s), Qt::LeftButton);
        QCOMPARE(resultLines(page), QStringList{u"Applied | %1 · Edit: Label | "_s.arg(numberTitle(number))});
        QTest::mouseClick(page.findChild<QPushButton*>(u"dismissAllButton"_s), Qt::LeftButton);
        QVERIFY(resultLines(page).isEmpty());
        QVERIFY(!box->isVisible());
    }

    void cancelStopsAfterTheChangeInFlight() {
        editLabelOnNumbersPage(4, u"Cancel one"_s);
        editLabelOnNumbersPage(5, u"Cancel two"_s);
        editLabelOnNumbersPage(6, u"Cancel three"_s);
        gui::PendingChangesPage page(m_test->database());
        page.setSyncController(m_sync.get());
        page.show();
        auto* cancel = page.findChild<QPushButton*>(u"cancelApplyButton"_s);
        // Cancelled as the first change goes out: that one is finished, the others are not sent.
        bool clicked = false;
        connect(m_sync.get(), &gui::SyncController::progress, &page, [&](const QString& what) {
            if (!clicked && what.endsWith(u"Pending changes"_s)) {
                clicked = true;
                QTest::mouseClick(cancel, Qt::LeftButton);
            }
        });
        QSignalSpy finished(m_sync.get(), &gui::SyncController::finished);
        QTest::mouseClick(page.findChild<QPushButton*>(u"applyButton"_s), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        QVERIFY(clicked);
        const QStringList results = resultLines(page);
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.filter(u"Applied | "_s).size(), 1);
        QCOMPARE(results.filter(u"Not applied | "_s).size(), 2);
        QVERIFY(results.last().endsWith(u"Not sent: applying was cancelled before this change."_s));
        QCOMPARE(page.model()->applicableCount(), 2);
    }

private:
    // How the page names a Restcomm incoming number: a regex route, or a number.
    static QString numberTitle(const QString& number) {
        return (core::RouteMatcher::isRegexEntry(number) ? u"Route "_s : u"Number "_s) + number;
    }
    static QStringList resultLines(const gui::PendingChangesPage& page) {
        QStringList lines;
        auto* view = page.findChild<QTreeWidget*>(u"resultsView"_s);
        for (int row = 0; row < view->topLevelItemCount(); ++row) {
            const QTreeWidgetItem* item = view->topLevelItem(row);
            lines << u"%1 | %2 | %3"_s.arg(item->text(0), item->text(1), item->text(2));
        }
        return lines;
    }

    // Edits the label of the Restcomm number in `row` of the Numbers page; returns its number and old label.
    std::pair<QString, QString> editLabelOnNumbersPage(int row, const QString& label) {
        gui::NumbersPage numbers(m_test->database());
        numbers.setProfile(m_restcomm);
        auto* table = numbers.findChild<QTableView*>(u"tableView"_s);
        [&] {
            QVERIFY(table && table->model()->rowCount() > row);
        }();
        table->setCurrentIndex(table->model()->index(row, 0));
        const QString number = numbers.model()
                                   ->index(row, models::NumbersModel::NumberColumn)
                                   .data(models::NumbersModel::E164Role)
                                   .toString();
        const QString old = numbers.model()->labelAt(row);
        numbers.setLabelPrompt([&](const QString&, const QString&) { return std::optional(label); });
        numbers.editLabel();
        return {number, old};
    }
    core::Extension userExtension(int nth) const {
        int seen = 0;
        for (const core::Extension& extension :
             store::ExtensionRepository(m_test->database()).list(m_ringCentral)) {
            if (extension.type == core::ExtensionType::User && !extension.name.isEmpty() &&
                !extension.extensionNumber.isEmpty() && seen++ == nth)
                return extension;
        }
        return {};
    }
    // Stages `edited` over the stored extension of the RingCentral profile, as its editor does; false when
    // the stager refuses it.
    bool stageExtensionEdit(const core::Extension& stored, const core::Extension& edited) {
        const QString version = store::ExtensionRepository(m_test->database()).versionOf(stored);
        return changes::ChangeStager::of(m_test->database())
            .stage(changes::ChangePayloads::extensionUpdate(m_ringCentral, stored, edited, version))
            .ok();
    }
    static QString extensionText(const core::Extension& extension) {
        return extension.name.isEmpty() ? extension.extensionNumber
                                        : u"%1 (%2)"_s.arg(extension.extensionNumber, extension.name);
    }
    // A RingCentral extension whose forwarding list (fetched first, as opening it does) has two entries.
    std::pair<core::Extension, QList<core::ForwardingNumber>> extensionWithForwardingList() {
        store::ForwardingNumberRepository forwarding(m_test->database());
        const QList<core::Extension> extensions =
            store::ExtensionRepository(m_test->database()).list(m_ringCentral);
        for (const core::Extension& extension : extensions)
            m_sync->requestExtensionDetails(m_ringCentral, extension.id); // as opening each one does
        std::pair<core::Extension, QList<core::ForwardingNumber>> found;
        const bool ok = QTest::qWaitFor(
            [&] {
                for (const core::Extension& extension : extensions) {
                    const QList<core::ForwardingNumber> list = forwarding.list(m_ringCentral, extension.id);
                    if (list.size() >= 2 && !list.last().phoneNumber.isEmpty()) {
                        found = {extension, list};
                        return true;
                    }
                }
                return false;
            },
            60000);
        [&] {
            QVERIFY2(ok, "no extension with two forwarding numbers");
        }();
        return found;
    }
    void pullRestcommWithoutPushing() {
        const std::optional<store::Profile> profile = demoProfile(*m_test, u"restcomm"_s);
        std::optional<connection::Connection> connection;
        bool opened = false;
        m_connections.factory.open(*profile, [&](std::optional<connection::Connection> c, const QString&) {
            connection = std::move(c);
            opened = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(opened, 10000);
        QVERIFY(connection);
        sync::SyncEngine engine(m_test->database());
        QSignalSpy finished(&engine, &sync::SyncEngine::finished);
        sync::SyncEngine::Options options;
        options.push = false;
        QVERIFY(engine.sync(*profile, *connection, options));
        QVERIFY(finished.wait(120000));
    }
    QString labelOf(const QString& e164) const {
        for (const core::PhoneNumberRecord& number :
             store::PhoneNumberRepository(m_test->database()).list(m_restcomm)) {
            if (number.e164 == e164)
                return number.label;
        }
        return u"(no such number)"_s;
    }

    std::unique_ptr<TestDatabase> m_test;
    // Every answer takes 30 ms, so that a Cancel clicked as a change goes out reaches the sync thread
    // while that change's request is still on its way (with instant answers the thread could finish it
    // and send the next before the click).
    static emulator::EmulatorOptions slowAnswers() {
        emulator::EmulatorOptions options = DemoConnections::withoutRateLimits();
        options.faults.latencyMinMs = 30;
        options.faults.latencyMaxMs = 30;
        return options;
    }
    DemoConnections m_connections{slowAnswers()};
    std::unique_ptr<gui::SyncController> m_sync;
    qint64 m_restcomm = 0;
    qint64 m_ringCentral = 0;
};

QTEST_MAIN(tst_PendingChangesPage)
#include "tst_PendingChangesPage.moc"
