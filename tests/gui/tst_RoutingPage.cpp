// The Routing page against the demo office's Restcomm account, synced from the in-process emulator into
// a real SQLite file: the tester driven by typing, the linter after a route is added to the store, an
// edit staged through the number dialog, and what a profile without regex routes is told.

#include "AnotherAdmin.h"
#include "DemoConnections.h"
#include "GuiTestCase.h"
#include "NextModal.h"
#include "SyncToTheEnd.h"
#include "changes/ChangeStager.h"
#include "changes/NumberChangePayloads.h"
#include "gui/DatabaseStatusText.h"
#include "gui/MainWindow.h"
#include "gui/numbers/AddNumberDialog.h"
#include "gui/numbers/EditNumberDialog.h"
#include "gui/routing/RoutesModel.h"
#include "gui/routing/RoutingPage.h"
#include "gui/syncstatus/SyncController.h"
#include "i18n/Translator.h"
#include "secrets/MemorySecretStore.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using gui::RoutesModel;
using gui::RoutingPage;

namespace {

// The entry (number or pattern as stored) of the model's highlighted row; "" for none.
QString highlightedEntry(const RoutesModel* model) {
    const int row = model->highlightedRow();
    return row < 0 ? QString() : model->numberAt(row).e164;
}

int rowOfEntry(const RoutesModel* model, const QString& entry) {
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->numberAt(row).e164 == entry)
            return row;
    }
    return -1;
}

// The reason given for `entry` under a dialed string's item; "" when it is not a candidate.
QString reasonFor(const QTreeWidgetItem* dialed, const QString& entry) {
    for (int i = 0; i < dialed->childCount(); ++i) {
        if (dialed->child(i)->text(0) == entry)
            return dialed->child(i)->text(1);
    }
    return {};
}

// The row of the linter's finding about `entry` whose message contains `fragment`; -1 for none.
int findingFor(const QTableWidget* findings, const QString& entry, const QString& fragment) {
    for (int row = 0; row < findings->rowCount(); ++row) {
        if (findings->item(row, 1)->text() == entry && findings->item(row, 2)->text().contains(fragment))
            return row;
    }
    return -1;
}

} // namespace

class tst_RoutingPage : public QObject {
    Q_OBJECT

private slots:
    // The demo office's Restcomm profile alone, synced: its numbers and seed 003's regex routes.
    void init() {
        QVERIFY2(startDemoGuiTestCase(m_test), qPrintable(m_test->error()));
        store::ProfileRepository profiles(m_test->database());
        for (const store::Profile& profile : profiles.list()) {
            if (profile.provider == core::kProviderRestcomm)
                m_restcomm = profile.id;
            else
                QVERIFY(profiles.remove(profile.id));
        }
        QVERIFY(m_restcomm > 0);
        m_connections = std::make_unique<DemoConnections>();
        gui::SyncController sync(m_test->database(), m_connections->factory);
        const QString failed = syncAllToTheEnd(sync, 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        m_page = std::make_unique<RoutingPage>(m_test->database());
        m_page->resize(1100, 760);
        m_page->show();
        m_page->setConnectionFactory(&m_connections->factory);
        m_page->setProfile(m_restcomm);
        m_tester = m_page->findChild<QPlainTextEdit*>(u"testerEdit"_s);
        m_results = m_page->findChild<QTreeWidget*>(u"testerResults"_s);
        m_findings = m_page->findChild<QTableWidget*>(u"findingsView"_s);
        QVERIFY(m_tester && m_results && m_findings);
    }

    void cleanup() {
        i18n::Translator::uninstall();
        m_page.reset();
        m_connections.reset();
        m_test.reset();
    }

    void listsTheSyncedNumbersAndRoutes() {
        const RoutesModel* model = m_page->model();
        QVERIFY2(model->rowCount() >= 17, qPrintable(QString::number(model->rowCount())));
        const int mainLine = rowOfEntry(model, u"+16502530000"_s);
        QVERIFY(mainLine >= 0);
        QCOMPARE(model->index(mainLine, RoutesModel::FriendlyNameColumn).data().toString(), u"Main line"_s);
        QCOMPARE(model->index(mainLine, RoutesModel::KindColumn).data().toString(), u"Number"_s);
        // The main line answers through an application, which Restcomm prefers to its URL: shown by the
        // name Restcomm's list gave, with its sid.
        const QString voice = model->index(mainLine, RoutesModel::VoiceColumn).data().toString();
        QVERIFY2(voice.startsWith(u"Application “Main IVR” (AP"_s), qPrintable(voice));
        QVERIFY(model->index(mainLine, RoutesModel::SmsColumn).data().toString().endsWith(u"/sms/echo.xml"));
        const int pattern = rowOfEntry(model, u"[45]234[23]"_s);
        QVERIFY(pattern >= 0);
        QCOMPARE(model->index(pattern, RoutesModel::KindColumn).data().toString(), u"Pattern"_s);
        QCOMPARE(model->index(rowOfEntry(model, u"*"_s), RoutesModel::KindColumn).data().toString(),
                 u"Catch-all"_s);
        QVERIFY(!m_page->findChild<QLabel*>(u"messageLabel"_s)->isVisibleTo(m_page.get()));
        // Regex routes are voice only, and the page says so whatever the findings.
        QVERIFY(
            m_page->findChild<QLabel*>(u"smsNoteLabel"_s)->text().contains(u"SMS does not use regex routes"));
    }

    void dialedStringsAreSplitAtCommasSpacesAndNewLines() {
        QCOMPARE(RoutingPage::dialedStrings(u" 42342,16502530000\n*7712333#  , ,\t1234 "_s),
                 (QStringList{u"42342"_s, u"16502530000"_s, u"*7712333#"_s, u"1234"_s}));
    }

    void theTesterShowsTheWinnerAndWhy() {
        QTest::keyClicks(m_tester, u"42342, +16502530000"_s);
        QTest::keyClick(m_tester, Qt::Key_Return);
        QTest::keyClicks(m_tester, u"*7712333#"_s);
        QCOMPARE(m_results->topLevelItemCount(), 3);

        // A regex: the longest pattern that matches wins, the shorter ones that match lose to it.
        QTreeWidgetItem* regex = m_results->topLevelItem(0);
        QCOMPARE(regex->text(0), u"42342"_s);
        QCOMPARE(regex->text(1), u"[45]234[23] takes the call: pattern"_s);
        QCOMPARE(reasonFor(regex, u"[45]234[23]"_s),
                 u"matches 42342; the longest pattern that matches wins"_s);
        QCOMPARE(reasonFor(regex, u"999..."_s), u"does not match"_s);
        // The leading "+" is rewritten by Restcomm, so this pattern never matches anything.
        QCOMPARE(reasonFor(regex, u"+1650*"_s), u"does not match"_s);
        QVERIFY2(reasonFor(regex, u"*"_s).endsWith(u"but a longer pattern was tried first"),
                 qPrintable(reasonFor(regex, u"*"_s)));
        QCOMPARE(m_results->currentItem(), regex);
        QCOMPARE(highlightedEntry(m_page->model()), u"[45]234[23]"_s);

        // An exact number wins before any pattern; choosing its result highlights it instead.
        QTreeWidgetItem* exact = m_results->topLevelItem(1);
        QCOMPARE(exact->text(1), u"+16502530000 takes the call: exact number"_s);
        QCOMPARE(exact->childCount(), 1);
        QCOMPARE(reasonFor(exact, u"+16502530000"_s),
                 u"equals +16502530000; an exact number wins before any pattern"_s);
        m_results->setCurrentItem(exact->child(0));
        QCOMPARE(highlightedEntry(m_page->model()), u"+16502530000"_s);
        const QModelIndex highlighted = m_page->model()->index(m_page->model()->highlightedRow(), 0);
        QVERIFY(highlighted.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(highlighted.data(Qt::BackgroundRole).isValid());

        // A star code with a closing '#': Java's "^*" is legal, and the pattern wins.
        QCOMPARE(m_results->topLevelItem(2)->text(1), u"^*77...33#$ takes the call: pattern"_s);

        // Clearing the field clears the results and the highlight.
        m_tester->clear();
        QCOMPARE(m_results->topLevelItemCount(), 0);
        QCOMPARE(m_page->model()->highlightedRow(), -1);
    }

    void theTesterIsOneShortcutAway() {
        QVERIFY(showActive(*m_page));
        m_page->findChild<QTableView*>(u"routesView"_s)->setFocus();
        QTest::keyClick(m_page.get(), Qt::Key_T, Qt::ControlModifier);
        QVERIFY(m_tester->hasFocus());
    }

    void theLinterFlagsAPatternThatMatchesEverything() {
        QCOMPARE(findingFor(m_findings, u".*"_s, u"matches every number"_s), -1);
        core::PhoneNumberRecord everything;
        everything.provider = core::kProviderRestcomm.toString();
        everything.id = u"PN0000000000000000000000000000dot"_s;
        everything.e164 = u".*"_s;
        everything.label = u"Careless"_s;
        everything.restcomm = core::RestcommAttributes{};
        everything.restcomm->pureSip = true;
        QString error;
        QVERIFY2(store::PhoneNumberRepository(m_test->database()).upsert(m_restcomm, {everything}, &error),
                 qPrintable(error));
        m_page->refresh();
        const int finding = findingFor(m_findings, u".*"_s, u"matches every number"_s);
        QVERIFY(finding >= 0);
        QCOMPARE(m_findings->item(finding, 0)->text(), u"Warning"_s);
        QVERIFY(!m_findings->item(finding, 0)->icon().isNull());
        // And the tester agrees: it is longer than "*", so it takes what the catch-all took before.
        QTest::keyClicks(m_tester, u"5551234"_s);
        QCOMPARE(highlightedEntry(m_page->model()), u".*"_s);
    }

    void anEditIsStagedAndLinted() {
        QCOMPARE(findingFor(m_findings, u"16.*"_s, u"has an SMS route"_s), -1);
        auto* view = m_page->findChild<QTableView*>(u"routesView"_s);
        view->setCurrentIndex(m_page->model()->index(rowOfEntry(m_page->model(), u"16.*"_s), 0));
        QSignalSpy staged(m_page.get(), &RoutingPage::changesStaged);
        QString problem = u"no dialog"_s;
        onNextModal([&problem](QWidget* dialog) {
            auto* sms = dialog->findChild<QLineEdit*>(u"smsUrlEdit"_s);
            QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            if (sms)
                QTest::keyClicks(sms, u"https://apps.example.com/sms.xml"_s);
            // The demo's voice URLs are relative to the Restcomm server, which the dialog does not accept.
            if (auto* voice = dialog->findChild<QLineEdit*>(u"voiceUrlEdit"_s)) {
                voice->clear();
                QTest::keyClicks(voice, u"https://apps.example.com/voice.xml"_s);
            }
            problem = !sms ? u"no SMS URL field"_s
                      : ok->isEnabled()
                          ? QString()
                          : qobject_cast<gui::EditNumberDialog*>(dialog)->problems().join(u'\n');
            // Closed either way, so that a broken dialog fails the test instead of hanging it.
            ok->isEnabled() ? ok->click() : qobject_cast<QDialog*>(dialog)->reject();
        });
        m_page->editRoute();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(staged.size(), 1);

        const QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().entity, changes::NumberChangePayloads::kPhoneNumber);
        QCOMPARE(changes.first().payload.value(u"smsUrl"_s).toString(),
                 u"https://apps.example.com/sms.xml"_s);
        // The page shows the staged edit, and the linter says that SMS never reaches a pattern.
        const int row = rowOfEntry(m_page->model(), u"16.*"_s);
        QCOMPARE(m_page->model()->index(row, RoutesModel::SmsColumn).data().toString(),
                 u"https://apps.example.com/sms.xml"_s);
        QVERIFY(m_page->model()->index(row, 0).data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(findingFor(m_findings, u"16.*"_s, u"has an SMS route"_s) >= 0);
    }

    // Two admins on one store: Bernd (another process: his own connection and stager on the same file)
    // revises the staged edit of a route after this page showed it. Anna's edit through the dialog, made
    // on the revision the page showed, is refused with a message instead of written over his; the page
    // then shows his version and the dialog opens again on it with what she typed.
    void anEditOverAnotherAdminsRevisionIsRefused() {
        using Payloads = changes::NumberChangePayloads;
        const QString route = u"16.*"_s;
        const QString id = m_page->model()->numberAt(rowOfEntry(m_page->model(), route)).id;
        const store::PhoneNumberRepository numbers(m_test->database());
        const core::PhoneNumberRecord stored = *numbers.find(m_restcomm, id);
        const QString version = numbers.state(m_restcomm, id)->version;
        core::PhoneNumberRecord first = stored;
        first.label = u"Pattern desk"_s;
        QVERIFY(changes::ChangeStager::of(m_test->database())
                    .stage(Payloads::numberUpdate(m_restcomm, stored, first, version))
                    .ok());
        QCOMPARE(m_page->model()
                     ->index(rowOfEntry(m_page->model(), route), RoutesModel::FriendlyNameColumn)
                     .data()
                     .toString(),
                 u"Pattern desk"_s);

        const std::optional<store::PendingChange> berndsChange = stageBerndsEdit(stored, first, version);
        QVERIFY(berndsChange);

        // Anna's page still shows the first revision; she renames the route and points its voice URL at
        // her application.
        QSignalSpy staged(m_page.get(), &RoutingPage::changesStaged);
        const AnnasEdit anna = editAsAnna(route, u"Pattern desk"_s, Reopened::Reject);
        QVERIFY2(anna.problem.isEmpty(), qPrintable(anna.problem));

        QCOMPARE(staged.size(), 0);
        QVERIFY2(anna.warning.contains(u"edited by someone else"_s), qPrintable(anna.warning));
        const QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().payload, berndsChange->payload);
        QCOMPARE(changes.first().revision, berndsChange->revision);
        // The page shows his version; the dialog came back on it with her edits, not losing his SMS URL.
        const int row = rowOfEntry(m_page->model(), route);
        QCOMPARE(m_page->model()->index(row, RoutesModel::FriendlyNameColumn).data().toString(),
                 u"Bernd's desk"_s);
        QCOMPARE(anna.reopened, (QStringList{u"Anna's desk"_s, u"https://apps.example.com/voice.xml"_s,
                                             u"https://bernd.example.com/sms.xml"_s}));
    }

    // The page showed a route with nothing staged; Bernd stages an edit of it afterwards. Anna's edit
    // through the dialog, made without seeing his, is refused instead of merged into his; the page then
    // shows his version, the dialog opens again on it with what she typed, and accepting it stages both.
    // Her next edit is made on her own staging and goes through.
    void anEditOverAChangeStagedSinceIsRefused() {
        using Payloads = changes::NumberChangePayloads;
        const QString route = u"16.*"_s;
        const QString id = m_page->model()->numberAt(rowOfEntry(m_page->model(), route)).id;
        QVERIFY(pending().isEmpty());
        const store::PhoneNumberRepository numbers(m_test->database());
        const core::PhoneNumberRecord stored = *numbers.find(m_restcomm, id);

        const std::optional<store::PendingChange> berndsChange =
            stageBerndsEdit(stored, stored, numbers.state(m_restcomm, id)->version);
        QVERIFY(berndsChange);

        QSignalSpy staged(m_page.get(), &RoutingPage::changesStaged);
        const AnnasEdit anna = editAsAnna(route, stored.label, Reopened::Accept);
        QVERIFY2(anna.problem.isEmpty(), qPrintable(anna.problem));

        QVERIFY2(anna.warning.contains(u"staged by someone else since you opened this record"_s),
                 qPrintable(anna.warning));
        QCOMPARE(anna.reopened, (QStringList{u"Anna's desk"_s, u"https://apps.example.com/voice.xml"_s,
                                             u"https://bernd.example.com/sms.xml"_s}));
        // Accepted again, her edit was made on his change and keeps it.
        QCOMPARE(staged.size(), 1);
        QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().id, berndsChange->id);
        QVERIFY(changes.first().revision > berndsChange->revision);
        const core::PhoneNumberRecord both = Payloads::applyNumberFields(stored, changes.first().payload);
        QCOMPARE(both.label, u"Anna's desk"_s);
        QCOMPARE(both.restcomm->voiceUrl, u"https://apps.example.com/voice.xml"_s);
        QCOMPARE(both.restcomm->smsUrl, u"https://bernd.example.com/sms.xml"_s);

        // The page shows her staging: the next edit is made on it.
        QObject scope; // ends the wait for a warning that never comes
        QString warning = u"no warning"_s;
        onNextModal(
            [&](QWidget* dialog) {
                auto* name = dialog->findChild<QLineEdit*>(u"labelEdit"_s);
                name->clear();
                QTest::keyClicks(name, u"Anna's front desk"_s);
                onNextModal(
                    [&](QWidget* box) {
                        auto* message = qobject_cast<QMessageBox*>(box);
                        warning = message ? message->text() : u"not a message box"_s;
                        box->close();
                    },
                    &scope);
                dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
            },
            &scope);
        m_page->findChild<QTableView*>(u"routesView"_s)
            ->setCurrentIndex(m_page->model()->index(rowOfEntry(m_page->model(), route), 0));
        m_page->editRoute();
        QCOMPARE(warning, u"no warning"_s);
        QCOMPARE(staged.size(), 2);
        changes = pending();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(Payloads::applyNumberFields(stored, changes.first().payload).label, u"Anna's front desk"_s);
    }

    void anAddedRouteIsStagedAndTested() {
        QString problem = u"no dialog"_s;
        onNextModal([&problem](QWidget* dialog) {
            auto* sip = dialog->findChild<QLineEdit*>(u"sipNumberEdit"_s);
            QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            // The dialog opens on the SIP number, the only kind that can be a pattern.
            problem = !sip || !sip->isVisible() ? u"the SIP number field is not shown"_s : QString();
            if (problem.isEmpty()) {
                QTest::keyClicks(sip, u"5551.*"_s);
                QTest::keyClicks(dialog->findChild<QLineEdit*>(u"friendlyNameEdit"_s), u"Trial"_s);
                if (!ok->isEnabled())
                    problem = qobject_cast<gui::AddNumberDialog*>(dialog)->problems().join(u'\n');
            }
            ok->isEnabled() && problem.isEmpty() ? ok->click() : qobject_cast<QDialog*>(dialog)->reject();
        });
        QSignalSpy staged(m_page.get(), &RoutingPage::changesStaged);
        m_page->findChild<QAction*>(u"addRouteAction"_s)->trigger();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(staged.size(), 1);

        const QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().operation, store::ChangeOperation::Create);
        QCOMPARE(changes.first().payload.value(changes::NumberChangePayloads::kIsSipKey).toBool(), true);
        // Listed before it exists, in italics, and the tester already routes to it.
        const int row = rowOfEntry(m_page->model(), u"5551.*"_s);
        QVERIFY(row >= 0);
        QCOMPARE(m_page->model()->index(row, RoutesModel::FriendlyNameColumn).data().toString(), u"Trial"_s);
        QVERIFY(m_page->model()->index(row, 0).data(Qt::FontRole).value<QFont>().italic());
        QTest::keyClicks(m_tester, u"5551234"_s);
        QCOMPARE(highlightedEntry(m_page->model()), u"5551.*"_s);
    }

    // Migrate: the sids are checked as typed (the super admin's own account is refused, as Restcomm does),
    // the numbers of the account known here are previewed, and OK stages the migration.
    void aMigrationIsCheckedPreviewedAndStaged() {
        const QString branch = u"AC"_s + QString(32, u'b');
        const QString organization = u"OR"_s + QString(32, u'c');
        // A number of that sub-account, as a profile of its own would have synced it.
        core::PhoneNumberRecord branchNumber;
        branchNumber.provider = core::kProviderRestcomm.toString();
        branchNumber.id = u"PN"_s + QString(32, u'1');
        branchNumber.e164 = u"+15559870001"_s;
        branchNumber.label = u"Branch reception"_s;
        branchNumber.restcomm = core::RestcommAttributes{};
        branchNumber.restcomm->accountSid = branch;
        QVERIFY(store::PhoneNumberRepository(m_test->database()).upsert(m_restcomm, {branchNumber}));
        // The super admin the demo profile signs in as: the account of its synced numbers.
        QString own;
        for (const core::PhoneNumberRecord& n :
             store::PhoneNumberRepository(m_test->database()).list(m_restcomm))
            own = n.restcomm && n.restcomm->accountSid != branch ? n.restcomm->accountSid : own;
        QVERIFY(!own.isEmpty());

        QStringList problems{u"no dialog"_s};
        onNextModal([&](QWidget* dialog) {
            problems.clear();
            auto* account = dialog->findChild<QLineEdit*>(u"accountEdit"_s);
            auto* target = dialog->findChild<QLineEdit*>(u"organizationEdit"_s);
            auto text = [dialog](const QString& name) {
                return dialog->findChild<QLabel*>(name)->text();
            };
            QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            QTest::keyClicks(account, own);
            QTest::keyClicks(target, u"OR123"_s);
            if (!text(u"accountMessage"_s).contains(u"super admin's own account"_s) || ok->isEnabled())
                problems << u"the own account was not refused: "_s + text(u"accountMessage"_s);
            if (!text(u"organizationMessage"_s).contains(u"OR followed by 32 letters and digits"_s))
                problems << u"a short organisation sid was not refused: "_s + text(u"organizationMessage"_s);
            account->clear();
            QTest::keyClicks(account, u"AC123"_s);
            if (!text(u"accountMessage"_s).contains(u"AC followed by 32 letters and digits"_s))
                problems << u"a short sid was not refused: "_s + text(u"accountMessage"_s);
            account->clear();
            target->clear();
            QTest::keyClicks(account, branch);
            QTest::keyClicks(target, organization);
            auto* preview = dialog->findChild<QListWidget*>(u"previewList"_s);
            if (preview->count() != 1 ||
                !preview->item(0)->text().startsWith(u"+15559870001 Branch reception"_s))
                problems << u"the preview does not list the branch number"_s;
            if (!text(u"warningLabel"_s).contains(u"moves to organisation %1"_s.arg(organization)) ||
                !text(u"warningLabel"_s).contains(u"signs in as %1"_s.arg(own)))
                problems << u"the warning does not say what moves and who signs in: "_s +
                                text(u"warningLabel"_s);
            if (!ok->isEnabled())
                problems << u"OK stays disabled"_s;
            if (const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR"); !dir.isEmpty())
                dialog->grab().save(dir + u"/routing-migrate.png"_s);
            problems.isEmpty() ? ok->click() : qobject_cast<QDialog*>(dialog)->reject();
        });
        QSignalSpy staged(m_page.get(), &RoutingPage::changesStaged);
        auto* migrate = m_page->findChild<QAction*>(u"migrateNumbersAction"_s);
        QVERIFY(migrate->isEnabled());
        migrate->trigger();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(staged.size(), 1);
        const QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().entity, changes::NumberChangePayloads::kNumberMigration);
        QCOMPARE(changes.first().entityKey, branch);
        QCOMPARE(changes.first().payload.value(changes::NumberChangePayloads::kOrganizationSidKey).toString(),
                 organization);
    }

    void aProfileWithoutRegexRoutesIsToldSo() {
        const qint64 ringCentral = m_test->addProfile(u"Berlin office"_s, u"ringcentral"_s);
        QVERIFY(ringCentral > 0);
        m_page->show();
        m_page->setProfile(ringCentral);
        auto* message = m_page->findChild<QLabel*>(u"messageLabel"_s);
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(),
                 u"Berlin office is a RingCentral profile. RingCentral does not route incoming "
                 "calls by number patterns, so there are no routes to show or test here. "
                 "Routing is available for Restcomm profiles."_s);
        QVERIFY(!m_page->findChild<QSplitter*>(u"splitter"_s)->isVisible());
        QCOMPARE(m_page->model()->rowCount(), 0);
        QVERIFY(!m_page->findChild<QAction*>(u"addRouteAction"_s)->isEnabled());

        m_page->setProfile(m_restcomm);
        QVERIFY(!message->isVisible());
        QVERIFY(m_page->findChild<QSplitter*>(u"splitter"_s)->isVisible());
    }

    void followsALanguageChange() {
        QTest::keyClicks(m_tester, u"42342"_s);
        QVERIFY(i18n::Translator::install(QLocale(QLocale::German, QLocale::Germany)).trunklineLoaded);
        // The results, findings and notes come from the page and from core: all are built anew.
        QTRY_COMPARE(m_results->topLevelItem(0)->text(1), u"[45]234[23] nimmt den Anruf an: Muster"_s);
        QCOMPARE(reasonFor(m_results->topLevelItem(0), u"[45]234[23]"_s),
                 u"passt auf 42342; das längste passende Muster gewinnt"_s);
        QVERIFY(findingFor(m_findings, u"+1650*"_s, QString()) >= 0);
        QCOMPARE(m_findings->item(findingFor(m_findings, u"+1650*"_s, QString()), 0)->text(), u"Fehler"_s);
        QVERIFY(m_page->findChild<QLabel*>(u"smsNoteLabel"_s)
                    ->text()
                    .startsWith(u"SMS nutzen keine Regex-Routen"));
        QCOMPARE(m_page->findChild<QAction*>(u"addRouteAction"_s)->text(), u"Route hinzufügen…"_s);
        i18n::Translator::uninstall();
        QTRY_COMPARE(m_results->topLevelItem(0)->text(1), u"[45]234[23] takes the call: pattern"_s);
    }

    void aHiddenPageCatchesUpWhenShown() {
        m_page->hide();
        core::PhoneNumberRecord added;
        added.provider = core::kProviderRestcomm.toString();
        added.id = u"PN00000000000000000000000000later"_s;
        added.e164 = u"4242"_s;
        QString error;
        QVERIFY2(store::PhoneNumberRepository(m_test->database()).upsert(m_restcomm, {added}, &error),
                 qPrintable(error));
        m_page->refresh();
        QCOMPARE(rowOfEntry(m_page->model(), u"4242"_s), -1); // not read while nobody looks
        m_page->show();
        QVERIFY(rowOfEntry(m_page->model(), u"4242"_s) >= 0);
    }

    void theSplittersAreRemembered() {
        m_page->show();
        auto* splitter = m_page->findChild<QSplitter*>(u"splitter"_s);
        splitter->setSizes({200, 500});
        const QList<int> sizes = splitter->sizes();
        emit splitter->splitterMoved(200, 1); // what dragging the handle emits
        RoutingPage again(m_test->database());
        again.resize(m_page->size());
        again.show();
        again.setProfile(m_restcomm);
        QCOMPARE(again.findChild<QSplitter*>(u"splitter"_s)->sizes(), sizes);
    }

    // docs/screenshots/routing.png: the page in the window, with a tested number and the demo's findings.
    void screenshotForTheGuide() {
        const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("TRUNKLINE_SCREENSHOT_DIR is not set");
        gui::MainWindow window;
        window.setDatabaseDescription(gui::DatabaseStatusText::describe(m_test->location()));
        auto* page = new RoutingPage(m_test->database());
        window.setPageWidget(gui::MainWindow::Page::Routing, page);
        window.showPage(gui::MainWindow::Page::Routing);
        window.resize(1280, 800);
        window.show();
        page->setConnectionFactory(&m_connections->factory);
        page->setProfile(m_restcomm);
        QTest::keyClicks(page->findChild<QPlainTextEdit*>(u"testerEdit"_s),
                         u"42342, 16502530000, *7712333#"_s);
        QTest::qWait(50); // the layouts' posted requests: labels that changed text get their width
        QVERIFY(window.grab().save(dir + u"/routing.png"_s));
    }

private:
    // Bernd, from a console of his own, stages his edit of the route `stored` at `version`: his desk's
    // name and his SMS URL over `base`. The change he staged; nothing, said in a warning, when his store
    // does not open or refuses the edit.
    std::optional<store::PendingChange> stageBerndsEdit(const core::PhoneNumberRecord& stored,
                                                        core::PhoneNumberRecord base,
                                                        const QString& version) {
        base.label = u"Bernd's desk"_s;
        base.restcomm->smsUrl = u"https://bernd.example.com/sms.xml"_s;
        QString error;
        const std::optional<store::PendingChange> staged = test::stageAsAnotherAdmin(
            m_test->location(),
            changes::NumberChangePayloads::numberUpdate(m_restcomm, stored, base, version), &error);
        if (!staged)
            qWarning("%s", qPrintable(error));
        return staged;
    }

    // What the Restcomm profile has staged, as the pending changes page lists it.
    QList<store::PendingChange> pending() const {
        return store::PendingChangeRepository(m_test->database()).list(m_restcomm);
    }

    // What Anna saw when she edited `route` through the dialog (her desk's name, her application's voice
    // URL) over a change of Bernd's she had not seen: the warning, and the fields of the dialog that came
    // back on his version, which she then accepts or rejects. `problem` is empty when the dialog showed
    // `shownName` and took her edit.
    enum class Reopened { Accept, Reject };
    struct AnnasEdit {
        QString problem = u"no dialog"_s;
        QString warning = u"no warning"_s;
        QStringList reopened;
    };
    AnnasEdit editAsAnna(const QString& route, const QString& shownName, Reopened reopenedDialog) {
        AnnasEdit seen;
        auto* view = m_page->findChild<QTableView*>(u"routesView"_s);
        view->setCurrentIndex(m_page->model()->index(rowOfEntry(m_page->model(), route), 0));
        QObject scope; // ends the waits for dialogs that never come
        onNextModal(
            [&](QWidget* dialog) {
                auto* name = dialog->findChild<QLineEdit*>(u"labelEdit"_s);
                auto* voice = dialog->findChild<QLineEdit*>(u"voiceUrlEdit"_s);
                QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
                seen.problem = name && voice ? QString() : u"no name or voice URL field"_s;
                if (seen.problem.isEmpty() && name->text() != shownName)
                    seen.problem = u"the dialog shows \"%1\", not \"%2\""_s.arg(name->text(), shownName);
                if (seen.problem.isEmpty()) {
                    name->clear();
                    QTest::keyClicks(name, u"Anna's desk"_s);
                    voice->clear();
                    QTest::keyClicks(voice, u"https://apps.example.com/voice.xml"_s);
                }
                if (!ok->isEnabled())
                    seen.problem = qobject_cast<gui::EditNumberDialog*>(dialog)->problems().join(u'\n');
                onNextModal(
                    [&](QWidget* box) {
                        auto* message = qobject_cast<QMessageBox*>(box);
                        seen.warning = message ? message->text() : u"not a message box"_s;
                        onNextModal(
                            [&](QWidget* again) {
                                for (const char* field : {"labelEdit", "voiceUrlEdit", "smsUrlEdit"})
                                    seen.reopened
                                        << again->findChild<QLineEdit*>(QString::fromLatin1(field))->text();
                                if (reopenedDialog == Reopened::Accept)
                                    again->findChild<QDialogButtonBox*>()
                                        ->button(QDialogButtonBox::Ok)
                                        ->click();
                                else
                                    qobject_cast<QDialog*>(again)->reject();
                            },
                            &scope);
                        box->close();
                    },
                    &scope);
                ok->isEnabled() ? ok->click() : qobject_cast<QDialog*>(dialog)->reject();
            },
            &scope);
        m_page->editRoute();
        return seen;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<DemoConnections> m_connections;
    std::unique_ptr<RoutingPage> m_page;
    qint64 m_restcomm = 0;
    QPlainTextEdit* m_tester = nullptr;
    QTreeWidget* m_results = nullptr;
    QTableWidget* m_findings = nullptr;
};

QTEST_MAIN(tst_RoutingPage)
#include "tst_RoutingPage.moc"
