// Resolving a conflict from the Pending changes page, against the emulator: a Restcomm number's label and
// voice URL are edited on the synced account, another admin changes both at the provider, Apply parks the
// change as a conflict; then the conflict dialog, driven by clicks, keeps mine, takes theirs or merges
// field by field, and the next Apply leaves exactly that at the provider.

#include "../sync/SyncFixture.h"
#include "GuiTestCase.h"
#include "changes/ChangePayloads.h"
#include "changes/ChangeStager.h"
#include "changes/NumberChangePayloads.h"
#include "gui/pending/ConflictDialog.h"
#include "gui/pending/PendingChangesPage.h"
#include "models/PendingChangesModel.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTreeView>
#include <QUrlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using gui::ConflictDialog;
using gui::PendingChangesPage;
using synctest::SyncFixture;

namespace {

const QString kMineLabel = u"Support hotline"_s;
const QString kMineVoice = u"http://127.0.0.1:9/voice/mine"_s;
const QString kTheirsLabel = u"Reception (renamed at Restcomm)"_s;
const QString kTheirsVoice = u"http://127.0.0.1:9/voice/theirs"_s;

void clickButton(QWidget* parent, const QString& name) {
    auto* button = parent->findChild<QAbstractButton*>(name);
    QVERIFY2(button, qPrintable(name));
    QVERIFY2(button->isEnabled(), qPrintable(name));
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

class tst_ConflictDialog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SyncFixture> m_fixture;
    std::optional<core::PhoneNumberRecord> m_number;
    qint64 m_changeId = 0;

    // The remote number as Restcomm answers it now.
    QString remote(const char* member) {
        return m_fixture->restcommNumber(m_number->id).value(QLatin1String(member)).toString();
    }
    std::optional<store::PendingChange> change() {
        return store::PendingChangeRepository(m_fixture->database.database()).find(m_changeId);
    }
    // The page's row of the change, selected.
    bool selectChange(PendingChangesPage& page) {
        auto* tree = page.findChild<QTreeView*>(u"treeView"_s);
        const QModelIndex index = page.model()->indexOfChange(m_changeId);
        if (!index.isValid())
            return false;
        tree->selectionModel()->select(index,
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        return true;
    }
    // Shows the page and opens the dialog with its Resolve button.
    ConflictDialog* openDialog(PendingChangesPage& page) {
        page.show();
        if (!selectChange(page))
            return nullptr;
        auto* resolve = page.findChild<QPushButton*>(u"resolveButton"_s);
        if (!resolve->isEnabled())
            return nullptr;
        QTest::mouseClick(resolve, Qt::LeftButton);
        return page.findChild<ConflictDialog*>();
    }
    // Opens the dialog, clicks one of its resolutions and waits until the dialog is gone; false when it
    // does not open or stays.
    bool resolveWith(PendingChangesPage& page, const QString& button) {
        ConflictDialog* dialog = openDialog(page);
        if (!dialog)
            return false;
        clickButton(dialog, button);
        return QTest::qWaitFor([&] { return !page.findChild<ConflictDialog*>(); });
    }
    // Applies every due change, as Apply does, and waits for the end.
    sync::SyncReport apply() { return m_fixture->runSync({.pull = false}); }
    // Applies, expecting `applied` changes to go out, and checks the label and voice URL Restcomm holds then.
    void applyAndExpectAtRestcomm(int applied, const QString& label, const QString& voiceUrl) {
        const sync::SyncReport report = apply();
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.applied, applied);
        QCOMPARE(remote("friendly_name"), label);
        QCOMPARE(remote("voice_url"), voiceUrl);
    }

private slots:
    void init() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_fixture = std::make_unique<SyncFixture>(synctest::quietOptions(10, 5), u"restcomm"_s);
        m_number = m_fixture->syncedDid();
        QVERIFY2(m_number, qPrintable(m_fixture->error()));
        // The admin's edit, staged as the Numbers page stages it.
        core::PhoneNumberRecord edited = *m_number;
        edited.label = kMineLabel;
        edited.restcomm->voiceUrl = kMineVoice;
        store::PhoneNumberRepository numbers(m_fixture->database.database());
        const changes::StagingResult staged =
            changes::ChangeStager::of(m_fixture->database.database())
                .stage(changes::NumberChangePayloads::numberUpdate(m_fixture->profile.id, *m_number, edited,
                                                                   numbers.versionOf(*m_number)));
        QVERIFY2(staged.ok(), qPrintable(staged.error));
        m_changeId = staged.steps.constFirst().row().id;
        // Another admin renames the number and points its voice URL elsewhere meanwhile.
        QUrlQuery form;
        form.addQueryItem(u"FriendlyName"_s, kTheirsLabel);
        form.addQueryItem(u"VoiceUrl"_s, kTheirsVoice);
        const auto post = m_fixture->restcommRequest(
            "POST", m_fixture->restcommNumbersPath() + u'/' + m_number->id + u".json"_s,
            form.toString(QUrl::FullyEncoded).toUtf8());
        QCOMPARE(post.status, 200);
        const sync::SyncReport report = apply();
        QCOMPARE(report.conflicts, 1);
        QCOMPARE(change()->state, store::ChangeState::Conflict);
    }

    void cleanup() { m_fixture.reset(); }

    void showsBaseMineAndTheirsPerField() {
        PendingChangesPage page(m_fixture->database.database());
        page.resize(1100, 500);
        ConflictDialog* dialog = openDialog(page);
        QVERIFY(dialog);
        auto* table = dialog->findChild<QTableWidget*>(u"fieldsTable"_s);
        QCOMPARE(table->rowCount(), 2);
        QHash<QString, QStringList> rows;
        for (int row = 0; row < table->rowCount(); ++row)
            rows.insert(
                table->item(row, 0)->text(),
                {table->item(row, 1)->text(), table->item(row, 2)->text(), table->item(row, 3)->text()});
        QCOMPARE(rows.value(u"Label"_s), (QStringList{m_number->label, kMineLabel, kTheirsLabel}));
        QCOMPARE(rows.value(u"Voice URL"_s),
                 (QStringList{m_number->restcomm->voiceUrl, kMineVoice, kTheirsVoice}));
        // Both fields are real conflicts: the merge waits for a choice for each and says so.
        QVERIFY(!dialog->findChild<QPushButton*>(u"applyMergeButton"_s)->isEnabled());
        QVERIFY2(dialog->findChild<QLabel*>(u"statusLabel"_s)->text().contains(u"Voice URL"_s),
                 qPrintable(dialog->findChild<QLabel*>(u"statusLabel"_s)->text()));
        if (const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::mouseClick(dialog->findChild<QRadioButton*>(u"theirs:label"_s), Qt::LeftButton);
            QVERIFY(dialog->grab().save(dir + u"/conflict.png"_s));
        }
        // Cancel leaves the conflict as it was.
        clickButton(dialog, u"cancelButton"_s);
        QTRY_VERIFY(!page.findChild<ConflictDialog*>());
        QCOMPARE(change()->state, store::ChangeState::Conflict);
    }

    void doubleClickOpensOnlyAConflict() {
        PendingChangesPage page(m_fixture->database.database());
        QVERIFY(showExposed(page));
        auto* tree = page.findChild<QTreeView*>(u"treeView"_s);
        // A double-click as the mouse makes it on the change's row: a click, then the double-click.
        const auto doubleClick = [this, tree, &page] {
            const QPoint center = tree->visualRect(page.model()->indexOfChange(m_changeId)).center();
            QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, center);
            QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, center);
        };
        doubleClick();
        QTRY_VERIFY(page.findChild<ConflictDialog*>());
        page.findChild<ConflictDialog*>()->reject();
        QTRY_VERIFY(!page.findChild<ConflictDialog*>());
        // Kept as mine (by a colleague, say), the change waits again: nothing to resolve any more.
        changes::ChangeStager& stager = changes::ChangeStager::of(m_fixture->database.database());
        const std::optional<changes::ConflictMerge> merge = stager.conflictMerge(m_changeId);
        QVERIFY(merge);
        QVERIFY(stager.resolveConflict(*merge, merge->keepMine()).ok());
        QTRY_COMPARE(page.model()->change(m_changeId)->state, store::ChangeState::Pending);
        QVERIFY(selectChange(page));
        QVERIFY(!page.findChild<QPushButton*>(u"resolveButton"_s)->isEnabled());
        doubleClick();
        QTest::qWait(50);
        QVERIFY(!page.findChild<ConflictDialog*>());
    }

    // Without a newer copy of the record than the edit's (here: put back as it was), there is nothing to
    // merge against: the page says why instead of opening the dialog.
    void noTheirsSaysWhy() {
        QVERIFY(store::PhoneNumberRepository(m_fixture->database.database())
                    .upsert(m_fixture->profile.id, {*m_number}));
        PendingChangesPage page(m_fixture->database.database());
        QVERIFY(!openDialog(page));
        QTRY_VERIFY(page.findChild<QMessageBox*>());
        QVERIFY2(page.findChild<QMessageBox*>()->text().contains(u"sync (F5)"_s),
                 qPrintable(page.findChild<QMessageBox*>()->text()));
        QCOMPARE(change()->state, store::ChangeState::Conflict);
    }

    void keepMine() {
        PendingChangesPage page(m_fixture->database.database());
        QVERIFY(resolveWith(page, u"keepMineButton"_s));
        QCOMPARE(change()->state, store::ChangeState::Pending);
        QTRY_COMPARE(page.model()->change(m_changeId)->state, store::ChangeState::Pending);

        applyAndExpectAtRestcomm(1, kMineLabel, kMineVoice);
        QCOMPARE(change()->state, store::ChangeState::Applied);
    }

    void takeTheirs() {
        PendingChangesPage page(m_fixture->database.database());
        QVERIFY(resolveWith(page, u"takeTheirsButton"_s));
        // Nothing of the change is left: it is dropped, and the page is empty.
        QVERIFY(!change());
        QTRY_VERIFY(page.model()->changes().isEmpty());

        applyAndExpectAtRestcomm(0, kTheirsLabel, kTheirsVoice);
    }

    void mergeFieldByField() {
        PendingChangesPage page(m_fixture->database.database());
        ConflictDialog* dialog = openDialog(page);
        QVERIFY(dialog);
        clickButton(dialog, u"theirs:label"_s);
        QVERIFY(!dialog->findChild<QPushButton*>(u"applyMergeButton"_s)->isEnabled());
        clickButton(dialog, u"mine:voiceUrl"_s);
        clickButton(dialog, u"applyMergeButton"_s);
        QTRY_VERIFY(!page.findChild<ConflictDialog*>());
        const store::PendingChange restaged = *change();
        QCOMPARE(restaged.state, store::ChangeState::Pending);
        QCOMPARE(restaged.payload, (QJsonObject{{u"voiceUrl"_s, kMineVoice}}));
        QCOMPARE(restaged.baseValues, (QJsonObject{{u"voiceUrl"_s, kTheirsVoice}}));

        applyAndExpectAtRestcomm(1, kTheirsLabel, kMineVoice);
        QCOMPARE(change()->state, store::ChangeState::Applied);
    }

    // The same for an extension at RingCentral: the fields are named as the extension editor names them,
    // and a merge leaves their job title and my department at the provider.
    void extensionMergeAtRingCentral() {
        SyncFixture f(synctest::quietOptions(10, 8));
        const std::optional<core::Extension> stored = f.syncedUser();
        QVERIFY2(stored, qPrintable(f.error()));
        core::Extension edited = *stored;
        edited.contact.jobTitle = u"Team lead (mine)"_s;
        edited.contact.department = u"Support (mine)"_s;
        const changes::StagingResult staged =
            changes::ChangeStager::of(f.database.database())
                .stage(changes::ChangePayloads::extensionUpdate(
                    f.profile.id, *stored, edited,
                    store::ExtensionRepository(f.database.database()).versionOf(*stored)));
        QVERIFY2(staged.ok(), qPrintable(staged.error));
        m_changeId = staged.steps.constFirst().row().id;
        const QString path = u"/restapi/v1.0/account/~/extension/"_s + stored->id;
        const QJsonObject theirs{{u"jobTitle"_s, u"Manager (theirs)"_s},
                                 {u"department"_s, u"Sales (theirs)"_s}};
        QCOMPARE(f.remotePut(path, {{u"contact"_s, theirs}}).status, 200);
        QCOMPARE(f.runSync({.pull = false}).conflicts, 1);

        PendingChangesPage page(f.database.database());
        page.show();
        QVERIFY(selectChange(page));
        QTest::mouseClick(page.findChild<QPushButton*>(u"resolveButton"_s), Qt::LeftButton);
        auto* dialog = page.findChild<ConflictDialog*>();
        QVERIFY(dialog);
        auto* table = dialog->findChild<QTableWidget*>(u"fieldsTable"_s);
        QStringList names;
        for (int row = 0; row < table->rowCount(); ++row)
            names << table->item(row, 0)->text();
        names.sort();
        QCOMPARE(names, (QStringList{u"Department"_s, u"Job title"_s}));
        clickButton(dialog, u"theirs:contact.jobTitle"_s);
        clickButton(dialog, u"mine:contact.department"_s);
        clickButton(dialog, u"applyMergeButton"_s);
        QTRY_VERIFY(!page.findChild<ConflictDialog*>());

        const sync::SyncReport report = f.runSync({.pull = false});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.applied, 1);
        QCOMPARE(store::PendingChangeRepository(f.database.database()).find(m_changeId)->state,
                 store::ChangeState::Applied);
        const QJsonObject contact = f.remoteGet(path).json().value(u"contact"_s).toObject();
        QCOMPARE(contact.value(u"jobTitle"_s).toString(), u"Manager (theirs)"_s);
        QCOMPARE(contact.value(u"department"_s).toString(), u"Support (mine)"_s);
    }

    // The record moved again while the dialog was open (a sync stored newer values): the resolution is
    // refused with a message, the dialog shows the new values and keeps the admin's choices.
    void staleResolutionIsRefusedInTheDialog() {
        PendingChangesPage page(m_fixture->database.database());
        ConflictDialog* dialog = openDialog(page);
        QVERIFY(dialog);
        clickButton(dialog, u"theirs:label"_s);
        core::PhoneNumberRecord newer = *store::PhoneNumberRepository(m_fixture->database.database())
                                             .find(m_fixture->profile.id, m_number->id);
        newer.restcomm->voiceUrl = u"http://127.0.0.1:9/voice/newer"_s;
        QVERIFY(store::PhoneNumberRepository(m_fixture->database.database())
                    .upsert(m_fixture->profile.id, {newer}));

        clickButton(dialog, u"keepMineButton"_s);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->findChild<QLabel*>(u"statusLabel"_s)->text().contains(u"changed again"_s),
                 qPrintable(dialog->findChild<QLabel*>(u"statusLabel"_s)->text()));
        auto* table = dialog->findChild<QTableWidget*>(u"fieldsTable"_s);
        QStringList theirs;
        for (int row = 0; row < table->rowCount(); ++row)
            theirs << table->item(row, 3)->text();
        QVERIFY2(theirs.contains(u"http://127.0.0.1:9/voice/newer"_s), qPrintable(theirs.join(u", ")));
        QVERIFY(dialog->findChild<QRadioButton*>(u"theirs:label"_s)->isChecked());
        QCOMPARE(change()->state, store::ChangeState::Conflict);
    }
};

QTEST_MAIN(tst_ConflictDialog)
#include "tst_ConflictDialog.moc"
