#include "AnotherAdmin.h"
#include "ExtensionRecord.h"
#include "GuiTestCase.h"
#include "TestDatabase.h"
#include "changes/CallerIdCheck.h"
#include "changes/ChangeStager.h"
#include "changes/SettingsPayloads.h"
#include "gui/extensions/ExtensionCallSettingsWidget.h"
#include "store/ExtensionRepository.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using changes::SettingsPayloads;
using store::ExtensionSettingsRepository;
using test::extension;
using test::stageAsAnotherAdmin;

namespace {

// Shaped like the emulator's answers (RingCentral §6).
QJsonObject storedRule() {
    return QJsonObject{{u"uri"_s, u"http://127.0.0.1:1/restapi/v1.0/account/1/extension/201/answering-rule/"
                                  u"business-hours-rule"_s},
                       {u"id"_s, u"business-hours-rule"_s},
                       {u"type"_s, u"BusinessHours"_s},
                       {u"enabled"_s, true},
                       {u"callHandlingAction"_s, u"ForwardCalls"_s},
                       {u"screening"_s, u"Off"_s},
                       {u"voicemail"_s, QJsonObject{{u"enabled"_s, true}}}};
}

QJsonObject storedAfterHoursRule() {
    return QJsonObject{{u"id"_s, u"after-hours-rule"_s},
                       {u"type"_s, u"AfterHours"_s},
                       {u"enabled"_s, true},
                       {u"schedule"_s, QJsonObject{{u"ref"_s, u"AfterHours"_s}}},
                       {u"callHandlingAction"_s, u"TakeMessagesOnly"_s},
                       {u"voicemail"_s, QJsonObject{{u"enabled"_s, true}}}};
}

QJsonObject storedNotifications() {
    const auto block = [](bool email) {
        return QJsonObject{{u"notifyByEmail"_s, email}, {u"notifyBySms"_s, false}};
    };
    QJsonObject voicemails = block(true);
    voicemails.insert(u"includeAttachment"_s, false);
    voicemails.insert(u"markAsRead"_s, false);
    return QJsonObject{{u"emailAddresses"_s, QJsonArray{u"anna@example.com"_s}},
                       {u"includeManagers"_s, false},
                       {u"voicemails"_s, voicemails},
                       {u"missedCalls"_s, block(false)},
                       {u"inboundTexts"_s, block(false)}};
}

QJsonObject storedCallerId() {
    return QJsonObject{
        {u"byFeature"_s,
         QJsonArray{QJsonObject{
             {u"feature"_s, u"RingOut"_s},
             {u"callerId"_s,
              QJsonObject{{u"type"_s, u"PhoneNumber"_s},
                          {u"phoneInfo"_s,
                           QJsonObject{{u"id"_s, u"n1"_s}, {u"phoneNumber"_s, u"+4930901820"_s}}}}}}}}};
}

core::PhoneNumberRecord number(const QString& id, const QString& e164, core::UsageType usage,
                               const QString& extensionId) {
    core::PhoneNumberRecord n;
    n.provider = u"RingCentral"_s;
    n.id = id;
    n.e164 = e164;
    n.usageType = usage;
    n.extensionId = extensionId;
    return n;
}

} // namespace

class tst_ExtensionCallSettingsWidget : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<gui::ExtensionCallSettingsWidget> m_widget;
    qint64 m_profile = 0;

    template <class T>
    T* child(const char* name) {
        T* found = m_widget->findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }
    QList<store::PendingChange> pending() {
        return store::PendingChangeRepository(m_test->database()).list(m_profile);
    }
    void storeAllSettings(const QString& extensionId) {
        ExtensionSettingsRepository repository(m_test->database());
        QVERIFY(repository.put(m_profile, extensionId, ExtensionSettingsRepository::kBusinessHours,
                               storedRule()));
        QVERIFY(repository.put(m_profile, extensionId, ExtensionSettingsRepository::kNotifications,
                               storedNotifications()));
        QVERIFY(
            repository.put(m_profile, extensionId, ExtensionSettingsRepository::kCallerId, storedCallerId()));
        QVERIFY(repository.put(m_profile, extensionId, ExtensionSettingsRepository::kAfterHours,
                               storedAfterHoursRule()));
        QVERIFY(repository.put(m_profile, extensionId, ExtensionSettingsRepository::kCustomRules,
                               QJsonObject{{u"records"_s, QJsonArray{}}}));
    }
    void chooseData(const char* comboName, const QString& data) {
        auto* combo = child<QComboBox>(comboName);
        const int index = combo->findData(data);
        QVERIFY2(index >= 0, qPrintable(data));
        combo->setCurrentIndex(index);
    }
    void setListedFeatures(const QList<std::pair<QString, core::NumberFeatures>>& features) {
        QList<core::PhoneNumberRecord> listed;
        for (const auto& [id, set] : features) {
            core::PhoneNumberRecord n = number(id, {}, core::UsageType::DirectNumber, {});
            n.features = set;
            n.featuresReported = true;
            listed << n;
        }
        QVERIFY(store::PhoneNumberRepository(m_test->database()).setListedFeatures(m_profile, listed));
    }
    void retype(const char* editName, const QString& text) {
        auto* edit = child<QLineEdit>(editName);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }
    // Bernd, from a console of his own, stages his edit of extension 201's business hours (from the
    // stored rule to `hisRule`) on `revision` of its staged change (0: as staged now). The change he
    // staged; nothing, with `error` set, when his store refuses it.
    std::optional<store::PendingChange> stageBerndsRule(const QJsonObject& hisRule, QString* error,
                                                        qint64 revision = 0) {
        store::PendingChange edit = SettingsPayloads::settingsUpdate(
            m_profile, u"201"_s, ExtensionSettingsRepository::kBusinessHours, storedRule(), hisRule);
        edit.revision = revision;
        return stageAsAnotherAdmin(m_test->location(), edit, error);
    }
    // Anna's save, refused for `reason`: what stays staged is Bernd's change as he left it.
    void expectSaveRefusedKeeping(const store::PendingChange& berndsChange, const QString& reason) {
        QString error;
        QVERIFY(!m_widget->stageChanges(&error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY2(error.startsWith(u"The call settings were not staged: "_s), qPrintable(error));
        QCOMPARE(pending().size(), 1);
        QCOMPARE(pending().constFirst().payload, berndsChange.payload);
        QCOMPARE(pending().constFirst().revision, berndsChange.revision);
    }

private slots:
    void init() {
        QVERIFY2(openSqliteTestDatabase(m_test), qPrintable(m_test->error()));
        m_profile = m_test->addProfile();
        QVERIFY(store::ExtensionRepository(m_test->database())
                    .upsert(m_profile,
                            {extension(u"201"_s, u"201"_s, u"Anna Berger"_s, core::ExtensionType::User),
                             extension(u"202"_s, u"202"_s, u"Jonas Keller"_s, core::ExtensionType::User),
                             extension(u"900"_s, u"900"_s, u"Main menu"_s, core::ExtensionType::IvrMenu),
                             extension(u"950"_s, u"950"_s, u"Opening hours bot"_s,
                                       core::ExtensionType::ApplicationExtension)}));
        QVERIFY(store::PhoneNumberRepository(m_test->database())
                    .upsert(m_profile,
                            {number(u"n1"_s, u"+4930901820"_s, core::UsageType::MainCompanyNumber, {}),
                             number(u"n2"_s, u"+4930901821"_s, core::UsageType::DirectNumber, u"201"_s),
                             number(u"n3"_s, u"+4930901822"_s, core::UsageType::DirectNumber, u"202"_s),
                             number(u"n4"_s, u"+4930901823"_s, core::UsageType::DirectNumber, u"201"_s),
                             number(u"n5"_s, u"+4930901824"_s, core::UsageType::CompanyNumber, {})}));
        // Features as the extensions' number lists report them (sync::DetailQueue): n4 is a fax line
        // without CallerId, n5 was in no list read so far.
        setListedFeatures({{u"n1"_s, core::NumberFeature::CallerId},
                           {u"n2"_s, core::NumberFeature::CallerId | core::NumberFeature::SmsSender},
                           {u"n3"_s, core::NumberFeature::CallerId | core::NumberFeature::SmsSender},
                           {u"n4"_s, {}}});
        storeAllSettings(u"201"_s);
        m_widget = std::make_unique<gui::ExtensionCallSettingsWidget>(m_test->database());
        QVERIFY(showExposed(*m_widget, {560, 720}));
    }
    void cleanup() {
        m_widget.reset();
        m_test.reset();
    }

    void notFetchedSaysSoInsteadOfDefaults() {
        m_widget->setExtension(m_profile, u"202"_s, true, {});
        QVERIFY2(child<QLabel>("stateLabel")
                     ->text()
                     .contains(u"Not fetched yet: opening the extension fetches them"_s),
                 qPrintable(child<QLabel>("stateLabel")->text()));
        for (const char* group : {"callHandlingGroup", "notificationsGroup", "callerIdGroup"}) {
            QVERIFY(!child<QGroupBox>(group)->isEnabled());
            QVERIFY(child<QGroupBox>(group)->toolTip().startsWith(u"Not fetched yet"_s));
        }
        QVERIFY(!child<QCheckBox>("voicemailEnabledCheck")->isEnabled());
        QVERIFY(!child<QGroupBox>("voicemailGroup")->isEnabled());
        // No default passes for a real value.
        QVERIFY(child<QLineEdit>("emailEdit")->text().isEmpty());
        QCOMPARE(child<QLineEdit>("emailEdit")->placeholderText(), u"Not fetched yet"_s);
        QVERIFY(!child<QCheckBox>("voicemailEnabledCheck")->isChecked());
        for (const char* combo : {"actionCombo", "callerIdCombo"})
            QCOMPARE(child<QComboBox>(combo)->currentText(), u"Not fetched yet"_s);
        QVERIFY(!m_widget->hasUnsavedEdits());
        QString error;
        QVERIFY(m_widget->stageChanges(&error));
        QVERIFY(pending().isEmpty());

        // Partly fetched: the missing document is named and only its fields stay disabled.
        QVERIFY(ExtensionSettingsRepository(m_test->database())
                    .put(m_profile, u"202"_s, ExtensionSettingsRepository::kNotifications,
                         storedNotifications()));
        m_widget->reload();
        QVERIFY(child<QGroupBox>("notificationsGroup")->isEnabled());
        QVERIFY(!child<QGroupBox>("callHandlingGroup")->isEnabled());
        QVERIFY2(
            child<QLabel>("stateLabel")
                ->text()
                .contains(
                    u"Not fetched yet: caller ID, business-hours rule, after-hours rule, custom rules."_s),
            qPrintable(child<QLabel>("stateLabel")->text()));
    }

    // Business hours 24/7: RingCentral has no after-hours rule, so there is nothing to edit, and the form
    // says why instead of offering a choice that could not be applied.
    void noAfterHoursRuleSaysWhy() {
        QVERIFY(ExtensionSettingsRepository(m_test->database())
                    .put(m_profile, u"201"_s, ExtensionSettingsRepository::kAfterHours, QJsonObject{}));
        m_widget->setExtension(m_profile, u"201"_s, true, {});
        auto* action = child<QComboBox>("afterHoursActionCombo");
        QVERIFY(!action->isEnabled());
        QCOMPARE(action->currentText(), u"No after-hours rule"_s);
        QVERIFY(action->toolTip().startsWith(u"No after-hours rule: the business hours are 24/7."_s));
        QVERIFY(child<QLabel>("afterHoursStateLabel")->text().contains(u"its business hours are 24/7"_s));
        QVERIFY(!m_widget->hasUnsavedEdits());
        QVERIFY(m_widget->validationErrors().isEmpty());
    }

    void afterHoursGoesToAnApplicationChosenFromTheList() {
        m_widget->setExtension(m_profile, u"201"_s, true, {});
        QCOMPARE(child<QComboBox>("afterHoursActionCombo")->currentData().toString(), u"TakeMessagesOnly"_s);
        QVERIFY(child<QLabel>("afterHoursReadOnlyLabel")->isVisibleTo(m_widget.get()));
        chooseData("afterHoursActionCombo", u"TransferToExtension"_s);
        auto* application = child<QComboBox>("afterHoursApplicationCombo");
        QVERIFY(application->isVisibleTo(m_widget.get()));
        // IVR menus and application extensions, not people.
        QVERIFY(application->findData(u"900"_s) >= 0);
        QVERIFY(application->findData(u"950"_s) >= 0);
        QCOMPARE(application->findData(u"202"_s), -1);
        QCOMPARE(
            m_widget->validationErrors(),
            QStringList{u"Application: choose the IVR menu, call queue or application that takes the calls "
                        u"after hours."_s});
        chooseData("afterHoursApplicationCombo", u"900"_s);
        QVERIFY(m_widget->validationErrors().isEmpty());
        QString error;
        QVERIFY2(m_widget->stageChanges(&error), qPrintable(error));
        const QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().entityKey, u"201/afterHours"_s);
        const QJsonObject staged = changes.first().payload.value(u"settings"_s).toObject();
        QCOMPARE(staged.value(u"callHandlingAction"_s).toString(), u"TransferToExtension"_s);
        QCOMPARE(SettingsPayloads::valueAt(staged, u"transfer.extension.id"_s).toString(), u"900"_s);
        // The business-hours rule is untouched.
        QCOMPARE(child<QComboBox>("actionCombo")->currentData().toString(), u"ForwardCalls"_s);
    }

    void showsStoredValues() {
        m_widget->setExtension(m_profile, u"201"_s, true, {});
        QCOMPARE(child<QComboBox>("actionCombo")->currentData().toString(), u"ForwardCalls"_s);
        QVERIFY(child<QLineEdit>("forwardToEdit")->isHidden());
        QVERIFY(child<QComboBox>("transferCombo")->isHidden());
        QVERIFY(child<QCheckBox>("voicemailEnabledCheck")->isChecked());
        QVERIFY(child<QCheckBox>("voicemailEmailCheck")->isChecked());
        QVERIFY(!child<QCheckBox>("voicemailAttachmentCheck")->isChecked());
        QCOMPARE(child<QLineEdit>("emailEdit")->text(), u"anna@example.com"_s);
        QCOMPARE(child<QComboBox>("callerIdCombo")->currentData().toString(), u"n1"_s);
        // Own and company numbers are offered, another extension's number is not.
        QVERIFY(child<QComboBox>("callerIdCombo")->findData(u"n2"_s) >= 0);
        QCOMPARE(child<QComboBox>("callerIdCombo")->findData(u"n3"_s), -1);
        QVERIFY(child<QComboBox>("callerIdCombo")->toolTip().contains(u"CallerId feature"_s));
        QVERIFY(child<QLabel>("stateLabel")->text().startsWith(u"Fetched from the provider"_s));
        QVERIFY(!m_widget->hasUnsavedEdits());
        QVERIFY(m_widget->validationErrors().isEmpty());
    }

    // Seed 001: only a number with the CallerId feature can be the caller ID. The combo offers no other, and
    // a number that lost the feature after the form was filled (the details were read again meanwhile) is
    // refused when staging, with the field and the rule named.
    void callerIdOffersOnlyCallerIdNumbers() {
        m_widget->setExtension(m_profile, u"201"_s, true, {});
        auto* combo = child<QComboBox>("callerIdCombo");
        QStringList offered;
        for (int i = 0; i < combo->count(); ++i)
            offered << combo->itemData(i).toString();
        QCOMPARE(offered, (QStringList{u"Blocked"_s, u"n2"_s, u"n1"_s}));
        QCOMPARE(combo->findData(u"n4"_s), -1); // its own fax line, no CallerId
        QCOMPARE(combo->findData(u"n5"_s), -1); // features never read

        // The admin picks n2 with the keyboard ...
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Up); // from n1 (the stored one) to n2
        QCOMPARE(combo->currentData().toString(), u"n2"_s);
        QVERIFY(m_widget->hasUnsavedEdits());
        // ... while a sync reads the extension's numbers again: n2 can no longer show as caller ID.
        setListedFeatures({{u"n2"_s, core::NumberFeature::SmsSender}});
        QString error;
        QVERIFY(!m_widget->stageChanges(&error));
        QVERIFY2(error.contains(u"Outbound caller ID: +49 30 901821"_s), qPrintable(error));
        QVERIFY2(error.contains(u"only when it has the CallerId feature; this number has only SMS sender"_s),
                 qPrintable(error));
        QVERIFY(pending().isEmpty());

        // A number whose features nobody has read is left to the provider: staged.
        QCOMPARE(changes::CallerIdCheck::refusal(
                     m_test->database(),
                     SettingsPayloads::settingsUpdate(
                         m_profile, u"201"_s, ExtensionSettingsRepository::kCallerId, storedCallerId(),
                         [] {
                             QJsonObject edited = storedCallerId();
                             SettingsPayloads::setRingOutCallerId(edited, u"PhoneNumber"_s, u"n5"_s);
                             return edited;
                         }())),
                 QString());
    }

    void validationAsTheAdminTypes_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const QString forward = u"UnconditionalForwarding"_s;
        QTest::newRow("forward to empty")
            << forward << u"forwardToEdit"_s << QString()
            << u"Forward to: enter the phone number that every call is forwarded to."_s;
        QTest::newRow("forward to letters")
            << forward << u"forwardToEdit"_s << u"call me"_s << u"Forward to: "_s;
        QTest::newRow("forward to too short")
            << forward << u"forwardToEdit"_s << u"+49 30"_s << u"Forward to: "_s;
        QTest::newRow("transfer unchosen") << u"TransferToExtension"_s << QString() << QString()
                                           << u"Transfer to: choose the extension that takes the calls."_s;
        QTest::newRow("e-mail without domain")
            << u"ForwardCalls"_s << u"emailEdit"_s << u"anna@example.com, office@"_s
            << u"E-mail addresses: \"office@\" is not an e-mail address (name@example.com)."_s;
        QTest::newRow("e-mail without at")
            << u"ForwardCalls"_s << u"emailEdit"_s << u"anna.example.com"_s
            << u"E-mail addresses: \"anna.example.com\" is not an e-mail address"_s;
        QTest::newRow("no e-mail without managers")
            << u"ForwardCalls"_s << u"emailEdit"_s << QString()
            << u"E-mail addresses: enter at least one address; the extension's managers are not notified instead."_s;
    }
    void validationAsTheAdminTypes() {
        QFETCH(QString, action);
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, message);
        m_widget->setExtension(m_profile, u"201"_s, true, {});
        QSignalSpy edited(m_widget.get(), &gui::ExtensionCallSettingsWidget::edited);
        chooseData("actionCombo", action);
        if (!field.isEmpty())
            retype(field.toLatin1().constData(), text);
        QVERIFY(!edited.isEmpty());
        const QStringList errors = m_widget->validationErrors();
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.constFirst().startsWith(message), qPrintable(errors.constFirst()));
        // Shown beside the field, and staging refuses with the same message.
        const char* label = field == u"emailEdit"_s       ? "emailError"
                            : field == u"forwardToEdit"_s ? "forwardToError"
                                                          : "transferError";
        QVERIFY(child<QLabel>(label)->isVisible());
        QCOMPARE(child<QLabel>(label)->text(), errors.constFirst());
        QString error;
        QVERIFY(!m_widget->stageChanges(&error));
        QCOMPARE(error, errors.constFirst());
        QVERIFY(pending().isEmpty());
    }

    void editsBecomePendingChanges() {
        m_widget->setExtension(m_profile, u"201"_s, true, {});
        chooseData("actionCombo", u"UnconditionalForwarding"_s);
        QVERIFY(child<QLineEdit>("forwardToEdit")->isVisibleTo(m_widget.get()));
        retype("forwardToEdit", u"+1 415 555 0123"_s);
        QTest::mouseClick(child<QCheckBox>("voicemailEnabledCheck"), Qt::LeftButton);
        QTest::mouseClick(child<QCheckBox>("missedSmsCheck"), Qt::LeftButton);
        retype("emailEdit", u"anna@example.com; desk@example.com"_s);
        chooseData("callerIdCombo", u"Blocked"_s);
        QVERIFY(m_widget->validationErrors().isEmpty());
        QVERIFY(m_widget->hasUnsavedEdits());

        QString error;
        QVERIFY2(m_widget->stageChanges(&error), qPrintable(error));
        QVERIFY(!m_widget->hasUnsavedEdits());
        QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 3);
        QHash<QString, QJsonObject> settings;
        for (const store::PendingChange& change : changes) {
            QCOMPARE(change.entity, SettingsPayloads::kEntity);
            const QString kind = change.payload.value(u"kind"_s).toString();
            QCOMPARE(change.entityKey, u"201/"_s + kind);
            settings.insert(kind, change.payload.value(u"settings"_s).toObject());
            const QJsonObject stored = kind == ExtensionSettingsRepository::kBusinessHours ? storedRule()
                                       : kind == ExtensionSettingsRepository::kNotifications
                                           ? storedNotifications()
                                           : storedCallerId();
            QCOMPARE(change.baseVersion, ExtensionSettingsRepository::versionOf(stored));
        }
        const QJsonObject rule = settings.value(ExtensionSettingsRepository::kBusinessHours);
        QCOMPARE(rule.value(u"callHandlingAction"_s).toString(), u"UnconditionalForwarding"_s);
        QCOMPARE(SettingsPayloads::valueAt(rule, u"unconditionalForwarding.phoneNumber"_s).toString(),
                 u"+14155550123"_s);
        QCOMPARE(SettingsPayloads::valueAt(rule, u"voicemail.enabled"_s), QJsonValue(false));
        QVERIFY(!rule.contains(u"screening"_s)); // members the form does not edit are not sent
        const QJsonObject notifications = settings.value(ExtensionSettingsRepository::kNotifications);
        QCOMPARE(notifications.value(u"emailAddresses"_s).toArray(),
                 (QJsonArray{u"anna@example.com"_s, u"desk@example.com"_s}));
        QCOMPARE(SettingsPayloads::valueAt(notifications, u"missedCalls.notifyBySms"_s), QJsonValue(true));
        QVERIFY(!notifications.contains(u"includeManagers"_s));
        QCOMPARE(SettingsPayloads::ringOutCallerId(settings.value(ExtensionSettingsRepository::kCallerId))
                     .value(u"type"_s)
                     .toString(),
                 u"Blocked"_s);

        // Opened again: the staged values are shown, and a further edit updates the same change.
        m_widget->setExtension(m_profile, u"202"_s, true, {});
        m_widget->setExtension(m_profile, u"201"_s, true, {});
        QCOMPARE(child<QComboBox>("actionCombo")->currentData().toString(), u"UnconditionalForwarding"_s);
        QCOMPARE(child<QLineEdit>("forwardToEdit")->text(), u"+1 415-555-0123"_s);
        QVERIFY(!child<QCheckBox>("voicemailEnabledCheck")->isChecked());
        QVERIFY(child<QLabel>("stateLabel")->text().contains(u"Shows changes staged but not applied yet."_s));
        QVERIFY(!m_widget->hasUnsavedEdits());
        chooseData("actionCombo", u"TransferToExtension"_s);
        chooseData("transferCombo", u"950"_s);
        QCOMPARE(child<QComboBox>("transferCombo")->findData(u"201"_s), -1); // not to itself
        QVERIFY2(m_widget->stageChanges(&error), qPrintable(error));
        changes = pending();
        QCOMPARE(changes.size(), 3);
        for (const store::PendingChange& change : changes) {
            if (change.payload.value(u"kind"_s) != ExtensionSettingsRepository::kBusinessHours)
                continue;
            const QJsonObject staged = change.payload.value(u"settings"_s).toObject();
            QCOMPARE(staged.value(u"callHandlingAction"_s).toString(), u"TransferToExtension"_s);
            QCOMPARE(SettingsPayloads::valueAt(staged, u"transfer.extension.id"_s).toString(), u"950"_s);
            QCOMPARE(SettingsPayloads::valueAt(staged, u"voicemail.enabled"_s), QJsonValue(false));
        }
    }

    // Two admins on one store: Bernd (another process: his own connection and stager on the same file)
    // revises the staged business-hours change after this form showed it. Anna's edit, made on the
    // revision she saw, is refused with a message instead of written over his; the form then shows his
    // version with what she typed kept, and saving again stages both.
    void anEditOverAnotherAdminsRevisionIsRefused() {
        m_widget->setExtension(m_profile, u"201"_s, true, {});
        chooseData("actionCombo", u"UnconditionalForwarding"_s);
        retype("forwardToEdit", u"+1 415 555 0123"_s);
        QString error;
        QVERIFY2(m_widget->stageChanges(&error), qPrintable(error));
        QCOMPARE(pending().size(), 1);
        const store::PendingChange seen = pending().constFirst(); // what Anna's form shows

        QJsonObject hisRule =
            SettingsPayloads::withSettings(storedRule(), seen.payload.value(u"settings"_s).toObject());
        SettingsPayloads::setValueAt(hisRule, u"voicemail.enabled"_s, false);
        const std::optional<store::PendingChange> berndsChange = stageBerndsRule(hisRule, &error);
        QVERIFY2(berndsChange, qPrintable(error));
        QCOMPARE(berndsChange->id, seen.id);
        QVERIFY(berndsChange->revision > seen.revision);

        // Anna's form still shows her revision (voicemail on); she changes the forwarding number.
        QVERIFY(child<QCheckBox>("voicemailEnabledCheck")->isChecked());
        retype("forwardToEdit", u"+1 415 555 0199"_s);
        expectSaveRefusedKeeping(*berndsChange, u"edited by someone else"_s);

        // Nothing she typed is lost, and the field she left alone shows his version.
        QCOMPARE(child<QLineEdit>("forwardToEdit")->text(), u"+1 415 555 0199"_s);
        QVERIFY(!child<QCheckBox>("voicemailEnabledCheck")->isChecked());
        QVERIFY(m_widget->hasUnsavedEdits());

        // Saved again, her edit is made on his revision and keeps his change.
        QVERIFY2(m_widget->stageChanges(&error), qPrintable(error));
        QCOMPARE(pending().size(), 1);
        const QJsonObject staged = pending().constFirst().payload.value(u"settings"_s).toObject();
        QCOMPARE(SettingsPayloads::valueAt(staged, u"unconditionalForwarding.phoneNumber"_s).toString(),
                 u"+14155550199"_s);
        QCOMPARE(SettingsPayloads::valueAt(staged, u"voicemail.enabled"_s), QJsonValue(false));
    }

    // The form showed nothing staged for business hours; Bernd stages a change of it afterwards. Anna's
    // edit, made without seeing his, is refused instead of merged into his; the form then shows his change
    // with what she typed kept, saving again stages both, and her next edit is made on her own staging.
    void anEditOverAChangeStagedSinceIsRefused() {
        m_widget->setExtension(m_profile, u"201"_s, true, {});
        QVERIFY(pending().isEmpty());

        QString error;
        QJsonObject hisRule = storedRule();
        SettingsPayloads::setValueAt(hisRule, u"voicemail.enabled"_s, false);
        const std::optional<store::PendingChange> berndsChange = stageBerndsRule(hisRule, &error);
        QVERIFY2(berndsChange, qPrintable(error));

        QVERIFY(child<QCheckBox>("voicemailEnabledCheck")->isChecked()); // Anna has not seen it
        chooseData("actionCombo", u"UnconditionalForwarding"_s);
        retype("forwardToEdit", u"+1 415 555 0123"_s);
        expectSaveRefusedKeeping(*berndsChange, u"staged by someone else since you opened this record"_s);

        // What she typed is kept; the field she left alone shows his version.
        QCOMPARE(child<QLineEdit>("forwardToEdit")->text(), u"+1 415 555 0123"_s);
        QVERIFY(!child<QCheckBox>("voicemailEnabledCheck")->isChecked());

        QVERIFY2(m_widget->stageChanges(&error), qPrintable(error));
        QCOMPARE(pending().size(), 1);
        QCOMPARE(pending().constFirst().id, berndsChange->id);
        const QJsonObject settings = pending().constFirst().payload.value(u"settings"_s).toObject();
        QCOMPARE(SettingsPayloads::valueAt(settings, u"unconditionalForwarding.phoneNumber"_s).toString(),
                 u"+14155550123"_s);
        QCOMPARE(SettingsPayloads::valueAt(settings, u"voicemail.enabled"_s), QJsonValue(false));

        retype("forwardToEdit", u"+1 415 555 0124"_s);
        QVERIFY2(m_widget->stageChanges(&error), qPrintable(error));
        QCOMPARE(pending().size(), 1);
        QCOMPARE(SettingsPayloads::valueAt(pending().constFirst().payload.value(u"settings"_s).toObject(),
                                           u"unconditionalForwarding.phoneNumber"_s)
                     .toString(),
                 u"+14155550124"_s);
    }

    // Anna stages voicemail off, Bernd revises her change (voicemail off, and voicemail only), then Anna
    // turns voicemail back on: her form is back at the stored values, which would drop the staged change
    // and his revision with it. It is refused instead; his change stays and the form shows it.
    void anEditBackOverAnotherAdminsRevisionIsRefused() {
        m_widget->setExtension(m_profile, u"201"_s, true, {});
        child<QCheckBox>("voicemailEnabledCheck")->setChecked(false);
        QString error;
        QVERIFY2(m_widget->stageChanges(&error), qPrintable(error));
        QCOMPARE(pending().size(), 1);
        const store::PendingChange seen = pending().constFirst();

        QJsonObject hisRule =
            SettingsPayloads::withSettings(storedRule(), seen.payload.value(u"settings"_s).toObject());
        SettingsPayloads::setValueAt(hisRule, u"callHandlingAction"_s, u"TakeMessagesOnly"_s);
        const std::optional<store::PendingChange> berndsChange =
            stageBerndsRule(hisRule, &error, seen.revision);
        QVERIFY2(berndsChange, qPrintable(error));
        QVERIFY(berndsChange->revision > seen.revision);

        child<QCheckBox>("voicemailEnabledCheck")->setChecked(true);
        QVERIFY(!m_widget->stageChanges(&error));
        QVERIFY2(error.contains(u"edited by someone else"_s), qPrintable(error));
        QCOMPARE(pending(), QList<store::PendingChange>{*berndsChange});
        QCOMPARE(child<QComboBox>("actionCombo")->currentData().toString(), u"TakeMessagesOnly"_s);
        QVERIFY(child<QCheckBox>("voicemailEnabledCheck")->isChecked());
    }

    void readOnlyProfileIsDisabledWithTheReason() {
        const QString why =
            u"The profile signs in as a standard user; only administrators edit call settings."_s;
        m_widget->setExtension(m_profile, u"201"_s, false, why);
        for (const char* group : {"callHandlingGroup", "notificationsGroup", "callerIdGroup"}) {
            QVERIFY(!child<QGroupBox>(group)->isEnabled());
            QCOMPARE(child<QGroupBox>(group)->toolTip(), why);
        }
        QVERIFY(!child<QCheckBox>("voicemailEnabledCheck")->isEnabled());
        QCOMPARE(child<QCheckBox>("voicemailEnabledCheck")->toolTip(), why);
        QVERIFY(!child<QGroupBox>("voicemailGroup")->isEnabled());
        QCOMPARE(child<QGroupBox>("voicemailGroup")->toolTip(), why);
        QVERIFY(child<QLabel>("stateLabel")->text().contains(u"Read only: "_s + why));
        // The stored values are still shown.
        QCOMPARE(child<QLineEdit>("emailEdit")->text(), u"anna@example.com"_s);
        QVERIFY(!m_widget->hasUnsavedEdits());
    }

    // Not a check: renders the widget for the user guide when TRUNKLINE_SCREENSHOT_DIR is set.
    void screenshot() {
        const QString directory = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR");
        if (directory.isEmpty())
            QSKIP("TRUNKLINE_SCREENSHOT_DIR is not set");
        m_widget->setExtension(m_profile, u"201"_s, true, {});
        chooseData("actionCombo", u"UnconditionalForwarding"_s);
        retype("forwardToEdit", u"+49 30 12"_s);
        retype("emailEdit", u"anna@example.com, office@"_s);
        // Layouts follow shown and hidden rows through posted events: let them run before grabbing.
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QVERIFY(m_widget->grab().save(QDir(directory).filePath(u"extension_call_settings.png"_s)));
        m_widget->setExtension(m_profile, u"202"_s, true, {});
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QVERIFY(
            m_widget->grab().save(QDir(directory).filePath(u"extension_call_settings_not_fetched.png"_s)));
        const QString why =
            u"The profile signs in as a standard user; only administrators edit call settings."_s;
        m_widget->setExtension(m_profile, u"201"_s, false, why);
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QVERIFY(m_widget->grab().save(QDir(directory).filePath(u"extension_call_settings_read_only.png"_s)));
    }
};

QTEST_MAIN(tst_ExtensionCallSettingsWidget)
#include "tst_ExtensionCallSettingsWidget.moc"
