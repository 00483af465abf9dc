#include "AnotherAdmin.h"
#include "ColumnTexts.h"
#include "ForwardingEntry.h"
#include "GuiTestCase.h"
#include "changes/ChangePayloads.h"
#include "changes/ChangeStager.h"
#include "changes/SettingsPayloads.h"
#include "core/PhoneNumber.h"
#include "gui/extensions/ExtensionCallSettingsWidget.h"
#include "gui/extensions/ExtensionCreateDialog.h"
#include "gui/extensions/ExtensionEditor.h"
#include "gui/extensions/ExtensionPermissions.h"
#include "gui/extensions/ExtensionsPage.h"
#include "gui/extensions/ForwardingEditor.h"
#include "models/ExtensionsModel.h"
#include "store/ExtensionRepository.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/TimeZoneRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using models::ExtensionsModel;
using test::stageAsAnotherAdmin;

class tst_ExtensionsPage : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY2(startGuiTestCase(m_test), qPrintable(m_test->error()));
        const qint64 profile = m_test->addProfile(u"Berlin office"_s);
        m_profile = profile;
        QList<core::Extension> all;
        const QStringList names = {u"Anna Berger"_s, u"Jonas Keller"_s, u"Sales"_s, u"Support"_s, u"Lobby"_s};
        for (int i = 0; i < 450; ++i) {
            core::Extension x;
            x.id = QString::number(100000 + i);
            x.extensionNumber = QString::number(100 + i);
            x.name = names[i % names.size()] + u' ' + QString::number(i);
            x.type = names[i % names.size()].startsWith(u'S') ? core::ExtensionType::Department
                                                              : core::ExtensionType::User;
            x.status = i % 9 == 0 ? core::ExtensionStatus::NotActivated : core::ExtensionStatus::Enabled;
            x.contact.firstName = names[i % names.size()].section(u' ', 0, 0);
            x.contact.email = u"x%1@example.com"_s.arg(100 + i);
            x.timeZone = u"Europe/Berlin"_s;
            x.admin = i == 0;
            all << x;
        }
        QVERIFY(store::ExtensionRepository(m_test->database()).upsert(profile, all));
        // Anna's forwarding and call flip list.
        QVERIFY(store::ForwardingNumberRepository(m_test->database())
                    .replaceList(profile, u"100000"_s,
                                 {test::entry(u"f1"_s, u"+4915112345672"_s, core::ForwardingType::Mobile, 1),
                                  test::entry(u"f2"_s, u"+493012345671"_s, core::ForwardingType::Home, 2),
                                  test::entry(u"f3"_s, u"+493089012345"_s, core::ForwardingType::Work, 3),
                                  test::entry(u"f4"_s, u"+4940123456"_s, core::ForwardingType::Other, 0,
                                              u"Summer house"_s)}));
        makePage();
    }
    void makePage() {
        m_page = std::make_unique<gui::ExtensionsPage>(m_test->database());
        m_page->resize(1400, 820);
        m_page->setUnsavedPrompt([this](const QString& text) {
            m_prompts << text;
            return m_unsavedAnswer;
        });
        m_page->setConfirmPrompt([this](const QString&, const QString& text) {
            m_prompts << text;
            return m_confirmAnswer;
        });
        m_page->show();
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }
    void cleanup() {
        m_page.reset();
        m_test.reset();
        m_prompts.clear();
        m_unsavedAnswer = QMessageBox::Cancel;
        m_confirmAnswer = true;
    }

    void listsLazily() {
        QCOMPARE(m_page->model()->totalCount(), 450);
        QVERIFY(m_page->model()->rowCount() < 450);
        QCOMPARE(m_page->findChild<QLabel*>(u"countLabel"_s)->text(), u"450 extensions"_s);
    }

    void typeStatusAndTextFilters() {
        auto* type = m_page->findChild<QComboBox*>(u"typeCombo"_s);
        type->setCurrentIndex(type->findData(u"Department"_s));
        QCOMPARE(m_page->model()->totalCount(), 180);
        auto* status = m_page->findChild<QComboBox*>(u"statusCombo"_s);
        status->setCurrentIndex(status->findData(u"NotActivated"_s));
        const ExtensionsModel& model = *m_page->model();
        QCOMPARE(columnTexts(model, ExtensionsModel::StatusColumn, ExtensionsModel::RawValueRole),
                 QStringList(model.rowCount(), u"NotActivated"_s));
        QCOMPARE(columnTexts(model, ExtensionsModel::TypeColumn, ExtensionsModel::RawValueRole),
                 QStringList(model.rowCount(), u"Department"_s));
        QVERIFY(model.rowCount() > 0);
        type->setCurrentIndex(0);
        status->setCurrentIndex(0);
        QTest::keyClicks(m_page->findChild<QLineEdit*>(u"textEdit"_s), u"keller 1"_s);
        QTRY_COMPARE(m_page->model()->filter().text, u"keller 1"_s);
        QVERIFY(model.rowCount() > 0);
        for (const QString& name : columnTexts(model, ExtensionsModel::NameColumn))
            QVERIFY2(name.startsWith(u"Jonas Keller 1"_s), qPrintable(name));
        QCOMPARE(m_page->findChild<QLabel*>(u"countLabel"_s)->text(),
                 u"%1 extensions"_s.arg(m_page->model()->totalCount()));
    }

    // Seed 000's endpoints: the column shows what each extension's devices make it, the combo filters by
    // it like the type and status filters; extensions whose devices were not read yet match no endpoint.
    void endpointColumnAndFilter() {
        store::ExtensionRepository repository(m_test->database());
        const QList<core::EndpointType> kinds = core::allValues<core::EndpointType>();
        for (int i = 0; i < 100; ++i)
            QVERIFY(repository.setEndpointType(m_profile, QString::number(100000 + i),
                                               kinds.at(i % kinds.size())));
        m_page->refresh();
        QTRY_COMPARE(m_page->model()->totalCount(), 450);
        const int column = ExtensionsModel::EndpointColumn;
        QCOMPARE(m_page->model()->headerData(column, Qt::Horizontal).toString(), u"Endpoint"_s);

        auto* endpoint = m_page->findChild<QComboBox*>(u"endpointCombo"_s);
        QCOMPARE(endpoint->itemText(0), u"All endpoints"_s);
        endpoint->setFocus();
        // Keyboard: All, Virtual, Device, Mobile.
        QTest::keyClick(endpoint, Qt::Key_Down);
        QTest::keyClick(endpoint, Qt::Key_Down);
        QTest::keyClick(endpoint, Qt::Key_Down);
        QCOMPARE(endpoint->currentData().toString(), u"Mobile"_s);
        QTRY_COMPARE(m_page->model()->totalCount(), 25);
        QCOMPARE(m_page->findChild<QLabel*>(u"countLabel"_s)->text(), u"25 extensions"_s);
        const QStringList mobile(m_page->model()->rowCount(), u"Mobile"_s);
        QCOMPARE(columnTexts(*m_page->model(), column, ExtensionsModel::RawValueRole), mobile);
        QCOMPARE(columnTexts(*m_page->model(), column), mobile);
        // Combined with the type filter: Sales and Support are call queues, i % 5 of 2 and 3.
        auto* type = m_page->findChild<QComboBox*>(u"typeCombo"_s);
        type->setCurrentIndex(type->findData(u"Department"_s));
        QTRY_COMPARE(m_page->model()->totalCount(), 10);
        type->setCurrentIndex(0);
        QTest::keyClick(endpoint, Qt::Key_Home);
        QTRY_COMPARE(m_page->model()->totalCount(), 450);
        // Sorted by endpoint, descending: the read ones first; a row not read yet says so in its tooltip.
        m_page->model()->sort(column, Qt::DescendingOrder);
        QTRY_COMPARE(m_page->model()->index(0, column).data(ExtensionsModel::RawValueRole),
                     QVariant(u"Virtual"_s));
        m_page->model()->sort(column, Qt::AscendingOrder);
        QTRY_VERIFY(m_page->model()->index(0, column).data().toString().isEmpty());
        QVERIFY(
            m_page->model()->index(0, column).data(Qt::ToolTipRole).toString().startsWith(u"Not read yet"_s));
    }

    void sortByHeaderIsRemembered() {
        auto* header = m_page->findChild<QTableView*>(u"tableView"_s)->horizontalHeader();
        header->setSortIndicator(ExtensionsModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(m_page->model()->sortKey(), store::ExtensionSortKey::Name);
        m_page.reset();
        gui::ExtensionsPage again(m_test->database());
        QCOMPARE(again.model()->sortKey(), store::ExtensionSortKey::Name);
        QCOMPARE(again.model()->sortOrder(), Qt::DescendingOrder);
    }

    void editSettingsStagesOnlyTheChangedMembers() {
        QVERIFY(m_page->selectExtension(m_profile, u"100002"_s));
        gui::ExtensionEditor* editor = m_page->editor();
        QCOMPARE(editor->extensionId(), u"100002"_s);
        QCOMPARE(lineEdit(u"nameEdit"_s)->text(), u"Sales 2"_s);
        auto* save = m_page->findChild<QPushButton*>(u"saveButton"_s);
        QVERIFY(!save->isEnabled());

        // The name is RingCentral's, built from the first and last name: read-only, following them.
        QVERIFY(lineEdit(u"nameEdit"_s)->isReadOnly());
        retype(u"lastNameEdit"_s, u"Berlin"_s);
        QCOMPARE(lineEdit(u"nameEdit"_s)->text(), u"Sales Berlin"_s);
        retype(u"businessPhoneEdit"_s, u"+49 30 901820"_s);
        QVERIFY(editor->hasUnsavedEdits());
        QVERIFY(save->isEnabled());
        lineEdit(u"lastNameEdit"_s)->setFocus();
        QTest::keySequence(lineEdit(u"lastNameEdit"_s), QKeySequence::Save);

        QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 1);
        const store::PendingChange& change = changes.first();
        QCOMPARE(change.entity, changes::ChangePayloads::kExtension);
        QCOMPARE(change.entityKey, u"100002"_s);
        QCOMPARE(change.operation, store::ChangeOperation::Update);
        QCOMPARE(
            QJsonDocument(change.payload).toJson(QJsonDocument::Compact),
            QByteArray(
                R"({"contact":{"businessPhone":"+4930901820","lastName":"Berlin"},"name":"Sales Berlin"})"));
        store::ExtensionRepository repository(m_test->database());
        QCOMPARE(change.baseVersion, repository.versionOf(*repository.find(m_profile, u"100002"_s)));
        QVERIFY(!editor->hasUnsavedEdits());
        QVERIFY(m_page->lastMessage().startsWith(u"Staged the settings for extension 102"_s));

        // Editing again replaces the staged payload instead of queueing a second change.
        // Back to the stored first and last name: the stored name again, no rename staged.
        retype(u"lastNameEdit"_s, QString());
        QCOMPARE(lineEdit(u"nameEdit"_s)->text(), u"Sales 2"_s);
        retype(u"jobTitleEdit"_s, u"Inside sales"_s);
        m_page->save();
        changes = pending();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(QJsonDocument(changes.first().payload).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"contact":{"businessPhone":"+4930901820","jobTitle":"Inside sales"}})"));
        // Reopened later, the form shows the staged values.
        QVERIFY(m_page->selectExtension(m_profile, u"100003"_s));
        QVERIFY(m_page->selectExtension(m_profile, u"100002"_s));
        QCOMPARE(lineEdit(u"jobTitleEdit"_s)->text(), u"Inside sales"_s);
        QVERIFY(m_page->findChild<QLabel*>(u"stagedLabel"_s)->isVisibleTo(m_page.get()));

        // Revert brings back the baseline.
        retype(u"companyEdit"_s, u"Trunkline GmbH"_s);
        QVERIFY(editor->hasUnsavedEdits());
        m_page->findChild<QPushButton*>(u"revertButton"_s)->click();
        QVERIFY(!editor->hasUnsavedEdits());
        QCOMPARE(lineEdit(u"companyEdit"_s)->text(), QString());
    }

    // The editor showed the extension with nothing staged; Bernd (his own connection and stager on the
    // same store) stages an edit of it afterwards. Anna's save, made without seeing his, is refused
    // instead of merged into his; the form then shows his edit with what she typed kept, and saving again
    // stages both on his change. Her next save is made on her own staging and goes through.
    void anEditOverAChangeStagedSinceIsRefused() {
        QVERIFY(m_page->selectExtension(m_profile, u"100002"_s));
        gui::ExtensionEditor* editor = m_page->editor();
        QVERIFY(pending().isEmpty());

        QString error;
        store::ExtensionRepository repository(m_test->database());
        const core::Extension stored = *repository.find(m_profile, u"100002"_s);
        core::Extension his = stored;
        his.contact.department = u"Field sales"_s;
        const std::optional<store::PendingChange> berndsChange = stageAsAnotherAdmin(
            m_test->location(),
            changes::ChangePayloads::extensionUpdate(m_profile, stored, his, repository.versionOf(stored)),
            &error);
        QVERIFY2(berndsChange, qPrintable(error));

        retype(u"jobTitleEdit"_s, u"Inside sales"_s);
        QVERIFY(!editor->save(&error));
        QVERIFY2(error.contains(u"staged by someone else since you opened this record"_s), qPrintable(error));
        QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().payload, berndsChange->payload);
        QCOMPARE(changes.first().revision, berndsChange->revision);
        QCOMPARE(lineEdit(u"departmentEdit"_s)->text(), u"Field sales"_s);
        QCOMPARE(lineEdit(u"jobTitleEdit"_s)->text(), u"Inside sales"_s);
        QVERIFY(editor->hasUnsavedEdits());

        QVERIFY2(editor->save(&error), qPrintable(error));
        changes = pending();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().id, berndsChange->id);
        QCOMPARE(QJsonDocument(changes.first().payload).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"contact":{"department":"Field sales","jobTitle":"Inside sales"}})"));

        retype(u"jobTitleEdit"_s, u"Key accounts"_s);
        QVERIFY2(editor->save(&error), qPrintable(error));
        QCOMPARE(pending().size(), 1);
        QCOMPARE(pending().first().payload.value(u"contact"_s).toObject().value(u"jobTitle"_s).toString(),
                 u"Key accounts"_s);
    }

    void validationMessagesBesideTheFields_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("errorLabel");
        QTest::addColumn<QString>("message");
        // The name follows the first and last name (the fixtures have no last name).
        QTest::newRow("name required")
            << u"firstNameEdit"_s << QString() << u"nameError"_s << u"Name is required."_s;
        QTest::newRow("name length") << u"firstNameEdit"_s << QString(130, u'n') << u"nameError"_s
                                     << u"Name has 130 characters; at most 129 are allowed."_s;
        QTest::newRow("number required") << u"extensionNumberEdit"_s << QString() << u"extensionNumberError"_s
                                         << u"Extension number is required."_s;
        QTest::newRow("number digits") << u"extensionNumberEdit"_s << u"10a"_s << u"extensionNumberError"_s
                                       << u"Extension number “10a” may contain digits only."_s;
        QTest::newRow("number length")
            << u"extensionNumberEdit"_s << u"123456789"_s << u"extensionNumberError"_s
            << u"Extension number has 9 digits; at most 8 are allowed."_s;
        QTest::newRow("number taken") << u"extensionNumberEdit"_s << u"101"_s << u"extensionNumberError"_s
                                      << u"Extension number 101 is already used by Jonas Keller 1."_s;
        QTest::newRow("time zone")
            << u"timeZoneCombo"_s << u"Mars/Olympus"_s << u"timeZoneError"_s
            << u"Time zone “Mars/Olympus” is not in the list of time zones; choose one "
               "from the list."_s;
        QTest::newRow("first name length") << u"firstNameEdit"_s << QString(65, u'f') << u"firstNameError"_s
                                           << u"First name has 65 characters; at most 64 are allowed."_s;
        QTest::newRow("last name length") << u"lastNameEdit"_s << QString(65, u'l') << u"lastNameError"_s
                                          << u"Last name has 65 characters; at most 64 are allowed."_s;
        QTest::newRow("company length") << u"companyEdit"_s << QString(65, u'c') << u"companyError"_s
                                        << u"Company has 65 characters; at most 64 are allowed."_s;
        QTest::newRow("job title length") << u"jobTitleEdit"_s << QString(65, u'j') << u"jobTitleError"_s
                                          << u"Job title has 65 characters; at most 64 are allowed."_s;
        QTest::newRow("department length") << u"departmentEdit"_s << QString(65, u'd') << u"departmentError"_s
                                           << u"Department has 65 characters; at most 64 are allowed."_s;
        QTest::newRow("e-mail")
            << u"emailEdit"_s << u"anna.example.com"_s << u"emailError"_s
            << u"E-mail “anna.example.com” is not an e-mail address: it needs a name, an @ "
               "and a domain, such as anna@example.com."_s;
        QTest::newRow("business phone")
            << u"businessPhoneEdit"_s << u"030 1234"_s << u"businessPhoneError"_s
            << u"Business phone: %1 Type it with its country code, e.g. +49 30 1234567."_s.arg(
                   core::PhoneNumber::parse(u"030 1234", {}).error);
        QTest::newRow("mobile phone") << u"mobilePhoneEdit"_s << u"+1 800 555 0199"_s << u"mobilePhoneError"_s
                                      << u"Mobile phone: %1 is a toll-free number; a mobile phone cannot be "
                                         "toll-free."_s.arg(core::PhoneNumber::parse(u"+18005550199", {})
                                                                .number.value_or(core::PhoneNumber{})
                                                                .international());
    }
    void validationMessagesBesideTheFields() {
        QFETCH(QString, field);
        QFETCH(QString, typed);
        QFETCH(QString, errorLabel);
        QFETCH(QString, message);
        QVERIFY(m_page->selectExtension(m_profile, u"100000"_s));
        QLabel* error = nullptr;
        for (const char* tab : {"generalTab", "contactTab"}) {
            if (!error)
                error = m_page->findChild<QWidget*>(QString::fromLatin1(tab))->findChild<QLabel*>(errorLabel);
        }
        QVERIFY(error);
        QCOMPARE(error->text(), QString());
        if (auto* combo = m_page->findChild<QComboBox*>(field)) {
            combo->lineEdit()->selectAll();
            QTest::keyClicks(combo->lineEdit(), typed);
        } else {
            retype(field, typed);
        }
        QCOMPARE(error->text(), message);
        QVERIFY(!m_page->findChild<QPushButton*>(u"saveButton"_s)->isEnabled());
        QString why;
        QVERIFY(!m_page->editor()->save(&why));
        QCOMPARE(why, u"Not saved: "_s + message);
        QVERIFY(pending().isEmpty());
    }

    void timeZonesComeFromTheProvidersList() {
        // Before a sync brought the provider's list, every zone Qt knows is offered (and accepted).
        QVERIFY(m_page->selectExtension(m_profile, u"100000"_s));
        auto* combo = m_page->findChild<QComboBox*>(u"timeZoneCombo"_s);
        auto* error = m_page->findChild<QLabel*>(u"timeZoneError"_s);
        QVERIFY(combo && error);
        QVERIFY(combo->count() > 100);
        QVERIFY(combo->findText(u"Asia/Tokyo"_s) >= 0);

        QVERIFY(store::TimeZoneRepository(m_test->database())
                    .replaceAll(m_profile,
                                {{u"58"_s, u"US/Eastern"_s, u"Eastern Time (US & Canada)"_s},
                                 {u"70"_s, u"Europe/Berlin"_s, u"Amsterdam, Berlin, Rome, Vienna"_s}}));
        QVERIFY(m_page->selectExtension(m_profile, u"100001"_s));
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->itemText(0), u"Europe/Berlin"_s);
        QCOMPARE(combo->itemData(0, Qt::ToolTipRole).toString(), u"Amsterdam, Berlin, Rome, Vienna"_s);
        QCOMPARE(combo->currentText(), u"Europe/Berlin"_s);

        // A zone Qt knows but the provider does not offer is refused beside the field.
        combo->lineEdit()->selectAll();
        QTest::keyClicks(combo->lineEdit(), u"Asia/Tokyo"_s);
        QCOMPARE(error->text(),
                 u"Time zone “Asia/Tokyo” is not in the list of time zones; choose one from the list."_s);
        combo->lineEdit()->selectAll();
        QTest::keyClicks(combo->lineEdit(), u"US/Eastern"_s);
        QCOMPARE(error->text(), QString());
        QVERIFY(m_page->findChild<QPushButton*>(u"saveButton"_s)->isEnabled());
    }

    void callSettingsAreEmbeddedAndSavedTogether() {
        const QJsonObject rule{{u"id"_s, u"business-hours-rule"_s},
                               {u"type"_s, u"BusinessHours"_s},
                               {u"callHandlingAction"_s, u"ForwardCalls"_s},
                               {u"voicemail"_s, QJsonObject{{u"enabled"_s, true}}}};
        QVERIFY(store::ExtensionSettingsRepository(m_test->database())
                    .put(m_profile, u"100003"_s, store::ExtensionSettingsRepository::kBusinessHours, rule));
        QVERIFY(m_page->selectExtension(m_profile, u"100003"_s));
        auto* voicemail = m_page->editor()->callSettings()->findChild<QCheckBox*>(u"voicemailEnabledCheck"_s);
        QVERIFY(voicemail && voicemail->isEnabled() && voicemail->isChecked());
        voicemail->click();
        QVERIFY(m_page->editor()->hasUnsavedEdits());
        retype(u"jobTitleEdit"_s, u"Support lead"_s);
        m_page->save();
        const QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).entity, changes::ChangePayloads::kExtension);
        QCOMPARE(changes.at(1).entity, changes::SettingsPayloads::kEntity);
        QCOMPARE(changes.at(1).entityKey, u"100003/businessHours"_s);
        QVERIFY(!m_page->editor()->hasUnsavedEdits());
        QVERIFY(m_page->lastMessage().startsWith(
            u"Staged the settings and the call settings for extension 103"_s));
    }

    void switchingRowsWithUnsavedEditsAsks() {
        QVERIFY(m_page->selectExtension(m_profile, u"100001"_s));
        retype(u"lastNameEdit"_s, u"K."_s);
        auto* table = m_page->findChild<QTableView*>(u"tableView"_s);

        m_unsavedAnswer = QMessageBox::Cancel;
        table->selectRow(5);
        QCOMPARE(m_prompts.size(), 1);
        QVERIFY(m_prompts.first().startsWith(u"Extension 101 (Jonas Keller 1) has unsaved edits."_s));
        QCOMPARE(m_page->editor()->extensionId(), u"100001"_s);
        QCOMPARE(lineEdit(u"nameEdit"_s)->text(), u"Jonas K."_s);
        QCOMPARE(table->currentIndex().row(), 1);

        m_unsavedAnswer = QMessageBox::Save;
        table->selectRow(5);
        QCOMPARE(m_page->editor()->extensionId(), u"100005"_s);
        QCOMPARE(pending().size(), 1);
        QCOMPARE(pending().first().payload.value(u"name"_s).toString(), u"Jonas K."_s);

        retype(u"lastNameEdit"_s, u"B."_s);
        m_unsavedAnswer = QMessageBox::Discard;
        table->selectRow(6);
        QCOMPARE(m_page->editor()->extensionId(), u"100006"_s);
        QCOMPARE(pending().size(), 1);
        QCOMPARE(m_prompts.size(), 3);
        // Without edits nothing is asked.
        table->selectRow(7);
        QCOMPARE(m_prompts.size(), 3);
    }

    void createExtensionStagesACreate() {
        QString dialogOk;
        m_page->setCreateDialogRunner([&](gui::ExtensionCreateDialog& dialog) {
            auto* ok = dialog.findChild<QDialogButtonBox*>(u"buttonBox"_s)->button(QDialogButtonBox::Ok);
            auto type = dialog.findChild<QComboBox*>(u"typeCombo"_s);
            type->setCurrentIndex(type->findData(u"VirtualUser"_s));
            // First name and e-mail are required; the number must be free.
            dialogOk += ok->isEnabled() ? u"enabled|"_s : u"disabled|"_s;
            QTest::keyClicks(dialog.findChild<QLineEdit*>(u"extensionNumberEdit"_s), u"101"_s);
            dialogOk += dialog.findChild<QLabel*>(u"extensionNumberError"_s)->text() + u'|';
            dialog.findChild<QLineEdit*>(u"extensionNumberEdit"_s)->setText(u"990"_s);
            QTest::keyClicks(dialog.findChild<QLineEdit*>(u"firstNameEdit"_s), u"Mia"_s);
            QTest::keyClicks(dialog.findChild<QLineEdit*>(u"lastNameEdit"_s), u"Roth"_s);
            // The name is RingCentral's, built from the first and last name.
            auto* name = dialog.findChild<QLineEdit*>(u"nameEdit"_s);
            dialogOk += (name->isReadOnly() ? u"read-only "_s : QString()) + name->text() + u'|';
            dialogOk += dialog.findChild<QLabel*>(u"emailError"_s)->text() + u'|';
            QTest::keyClicks(dialog.findChild<QLineEdit*>(u"emailEdit"_s), u"mia@example.com"_s);
            dialogOk += ok->isEnabled() ? u"ok"_s : u"disabled"_s;
            return true;
        });
        auto* table = m_page->findChild<QTableView*>(u"tableView"_s);
        table->setFocus();
        QTest::keySequence(table, QKeySequence::New);
        QCOMPARE(
            dialogOk,
            u"disabled|Extension number 101 is already used by Jonas Keller 1.|read-only Mia Roth|E-mail is "
            "required for a new extension.|ok"_s);
        const QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().operation, store::ChangeOperation::Create);
        QCOMPARE(changes.first().entityKey, u"new:990"_s);
        QCOMPARE(changes.first().payload.value(u"type"_s).toString(), u"VirtualUser"_s);
        QCOMPARE(changes.first().payload.value(u"name"_s).toString(), u"Mia Roth"_s);
        QCOMPARE(changes.first().payload.value(u"contact"_s).toObject().value(u"email"_s).toString(),
                 u"mia@example.com"_s);
        QVERIFY(m_page->lastMessage().startsWith(u"Extension 990 (Mia Roth) is staged for creation"_s));
    }

    void deleteExtensionAsksAndStagesADelete() {
        QVERIFY(m_page->selectExtension(m_profile, u"100004"_s));
        auto* table = m_page->findChild<QTableView*>(u"tableView"_s);
        table->setFocus();
        m_confirmAnswer = false;
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(m_prompts.size(), 1);
        QVERIFY(m_prompts.first().startsWith(u"Delete extension 104 (Lobby 4) at RingCentral"_s));
        QVERIFY(pending().isEmpty());
        m_confirmAnswer = true;
        QTest::keyClick(table, Qt::Key_Delete);
        const QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().operation, store::ChangeOperation::Delete);
        QCOMPARE(changes.first().entityKey, u"100004"_s);
        // Staged for deletion: the form is read-only and says why.
        QVERIFY(!lineEdit(u"nameEdit"_s)->isEnabled());
        QCOMPARE(lineEdit(u"nameEdit"_s)->toolTip(), u"The extension is staged for deletion."_s);
    }

    void nonAdministratorActionsAreDisabledWithReason() {
        // Signed in as extension 101, which is not an administrator.
        gui::ExtensionPermissions::setSignedInExtension(m_profile, u"100001"_s);
        m_page->refresh();
        auto* newButton = m_page->findChild<QPushButton*>(u"newButton"_s);
        auto* deleteButton = m_page->findChild<QPushButton*>(u"deleteButton"_s);
        QVERIFY(!newButton->isEnabled());
        QCOMPARE(newButton->toolTip(),
                 u"Only an administrator of this RingCentral account can create extensions."_s);
        QVERIFY(!m_page->newAction()->isEnabled());

        QVERIFY(m_page->selectExtension(m_profile, u"100003"_s));
        QVERIFY(!deleteButton->isEnabled());
        QCOMPARE(deleteButton->toolTip(),
                 u"Only an administrator of this RingCentral account can delete extensions."_s);
        QVERIFY(!lineEdit(u"nameEdit"_s)->isEnabled());
        const QString notOthers = u"Only an administrator of this RingCentral account can edit other users' "
                                  "extensions; you can edit your own."_s;
        QCOMPARE(lineEdit(u"nameEdit"_s)->toolTip(), notOthers);
        QCOMPARE(m_page->findChild<QLabel*>(u"permissionLabel"_s)->text(), notOthers);
        auto* forwarding = m_page->editor()->forwardingEditor();
        QVERIFY(!forwarding->isEditable());
        QCOMPARE(forwarding->findChild<QPushButton*>(u"addButton"_s)->toolTip(), notOthers);

        // The own extension: contact and name yes, number and status no.
        QVERIFY(m_page->selectExtension(m_profile, u"100001"_s));
        QVERIFY(lineEdit(u"nameEdit"_s)->isEnabled());
        QVERIFY(!lineEdit(u"extensionNumberEdit"_s)->isEnabled());
        QCOMPARE(
            lineEdit(u"extensionNumberEdit"_s)->toolTip(),
            u"Only an administrator of this RingCentral account can change an extension's number or status."_s);
        QVERIFY(!m_page->editor()->findChild<QComboBox*>(u"statusCombo"_s)->isEnabled());
        QVERIFY(!deleteButton->isEnabled());
        QVERIFY(forwarding->isEditable());

        // Signed in as the administrator (extension 100), everything is allowed again.
        gui::ExtensionPermissions::setSignedInExtension(m_profile, u"100000"_s);
        m_page->refresh();
        QVERIFY(newButton->isEnabled());
        QVERIFY(m_page->selectExtension(m_profile, u"100003"_s));
        QVERIFY(deleteButton->isEnabled());
        QVERIFY(lineEdit(u"extensionNumberEdit"_s)->isEnabled());
    }

    // Permissions up front: the app the profile signs in with was granted ReadAccounts only (learnt from
    // the token's scope at the last sync or connection test), so edits, New and Delete are disabled with the
    // missing app permission named, before a request is refused with CMN-401.
    void appWithoutEditPermissionsIsRefusedUpFront() {
        gui::ExtensionPermissions::setSignedInExtension(m_profile, u"100000"_s); // the administrator
        gui::ExtensionPermissions::setGrantedScopes(m_profile, {u"ReadAccounts"_s});
        m_page->refresh();
        auto* newButton = m_page->findChild<QPushButton*>(u"newButton"_s);
        QVERIFY(!newButton->isEnabled());
        QCOMPARE(newButton->toolTip(),
                 u"The app this account signs in with lacks the RingCentral app permission "
                 "“EditAccounts”; ask whoever set up the app to grant it."_s);
        QVERIFY(m_page->selectExtension(m_profile, u"100003"_s));
        const QString noEdit = u"The app this account signs in with lacks the RingCentral app permission "
                               "“EditExtensions”; ask whoever set up the app to grant it."_s;
        QVERIFY(!lineEdit(u"nameEdit"_s)->isEnabled());
        QCOMPARE(lineEdit(u"nameEdit"_s)->toolTip(), noEdit);
        QCOMPARE(m_page->findChild<QLabel*>(u"permissionLabel"_s)->text(), noEdit);
        QVERIFY(!m_page->findChild<QPushButton*>(u"deleteButton"_s)->isEnabled());
        QVERIFY(!m_page->editor()->forwardingEditor()->isEditable());

        // EditExtensions granted: extensions can be edited, but still not created or deleted.
        gui::ExtensionPermissions::setGrantedScopes(m_profile, {u"ReadAccounts"_s, u"EditExtensions"_s});
        m_page->refresh();
        QVERIFY(m_page->selectExtension(m_profile, u"100003"_s));
        QVERIFY(lineEdit(u"nameEdit"_s)->isEnabled());
        QVERIFY(!newButton->isEnabled());
        // EditAccounts includes EditExtensions (seed 001): everything again.
        gui::ExtensionPermissions::setGrantedScopes(m_profile, {u"EditAccounts"_s});
        m_page->refresh();
        QVERIFY(newButton->isEnabled());
        QVERIFY(m_page->selectExtension(m_profile, u"100003"_s));
        QVERIFY(lineEdit(u"nameEdit"_s)->isEnabled());
    }

    void telnyxAndRestcommProfilesHaveNoExtensions() {
        auto* info = m_page->findChild<QLabel*>(u"infoLabel"_s);
        QVERIFY(!info->isVisibleTo(m_page.get()));
        m_test->addProfile(u"Porting"_s, u"telnyx"_s);
        m_test->addProfile(u"Routing"_s, u"restcomm"_s);
        m_page->refresh();
        QVERIFY(info->isVisibleTo(m_page.get()));
        QCOMPARE(info->text(), u"Only RingCentral has extensions; the Telnyx and Restcomm profiles (Porting, "
                               "Routing) have none and are not listed here."_s);
        gui::ExtensionPermissions permissions(m_test->database());
        const auto verdict = permissions.canCreate(m_profile + 1);
        QVERIFY(!verdict.allowed);
        QCOMPARE(verdict.whyNot, u"Telnyx has no extensions: profile “Porting” only has phone numbers."_s);
    }

    void screenshot() {
        const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("TRUNKLINE_SCREENSHOT_DIR is not set");
        QVERIFY(m_page->selectExtension(m_profile, u"100000"_s));
        QVERIFY(m_page->grab().save(dir + u"/extensions-page.png"_s));
        auto* tabs = m_page->findChild<QTabWidget*>(u"tabs"_s);
        tabs->setCurrentIndex(1);
        retype(u"emailEdit"_s, u"anna.example.com"_s);
        retype(u"mobilePhoneEdit"_s, u"+1 800 555 0199"_s);
        QVERIFY(m_page->grab().save(dir + u"/extensions-page-contact-errors.png"_s));
        m_page->editor()->revert();
        tabs->setCurrentIndex(2);
        QVERIFY(m_page->grab().save(dir + u"/extensions-page-forwarding.png"_s));
        tabs->setCurrentIndex(3);
        QVERIFY(m_page->grab().save(dir + u"/extensions-page-call-settings.png"_s));
    }

private:
    QLineEdit* lineEdit(const QString& name) const {
        // The form's own fields (the call settings tab has an "emailEdit" of its own).
        QLineEdit* edit = nullptr;
        for (const char* tab : {"generalTab", "contactTab"}) {
            if (!edit)
                edit = m_page->findChild<QWidget*>(QString::fromLatin1(tab))->findChild<QLineEdit*>(name);
        }
        if (!edit)
            qFatal("no line edit %s", qPrintable(name));
        return edit;
    }
    // Types like the admin: select what is there, then type over it.
    void retype(const QString& name, const QString& text) {
        QLineEdit* edit = lineEdit(name);
        edit->selectAll();
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Backspace);
        else
            QTest::keyClicks(edit, text);
    }
    QList<store::PendingChange> pending() const {
        return store::PendingChangeRepository(m_test->database()).list(m_profile);
    }

    std::unique_ptr<TestDatabase> m_test;
    qint64 m_profile = 0;
    std::unique_ptr<gui::ExtensionsPage> m_page;
    QStringList m_prompts;
    QMessageBox::StandardButton m_unsavedAnswer = QMessageBox::Cancel;
    bool m_confirmAnswer = true;
};

QTEST_MAIN(tst_ExtensionsPage)
#include "tst_ExtensionsPage.moc"
