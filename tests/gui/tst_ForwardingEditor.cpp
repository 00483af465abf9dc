#include "ExtensionRecord.h"
#include "ForwardingEntry.h"
#include "GuiTestCase.h"
#include "changes/ChangePayloads.h"
#include "gui/extensions/ForwardingEditor.h"
#include "models/ForwardingListModel.h"
#include "store/ExtensionRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using core::ForwardingNumber;
using core::ForwardingType;
using models::ForwardingListModel;
using test::entry;
using test::extension;

class tst_ForwardingEditor : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY2(startGuiTestCase(m_test), qPrintable(m_test->error()));
        m_profile = m_test->addProfile(u"Berlin office"_s);
        QVERIFY(store::ExtensionRepository(m_test->database())
                    .upsert(m_profile, {extension(u"501"_s, u"101"_s, u"Anna Berger"_s)}));
        core::PhoneNumberRecord company;
        company.provider = u"ringcentral"_s;
        company.id = u"700000"_s;
        company.e164 = u"+493055500000"_s;
        company.usageType = core::UsageType::MainCompanyNumber;
        QVERIFY(store::PhoneNumberRepository(m_test->database()).upsert(m_profile, {company}));
        QVERIFY(store::ForwardingNumberRepository(m_test->database())
                    .replaceList(m_profile, u"501"_s,
                                 {entry(u"f-home"_s, u"+493012345671"_s, ForwardingType::Home, 2),
                                  entry(u"f-mobile"_s, u"+4915112345672"_s, ForwardingType::Mobile, 1),
                                  entry(u"f-other"_s, u"+493012345673"_s, ForwardingType::Other, 0,
                                        u"Summer house"_s)}));
        m_editor = std::make_unique<gui::ForwardingEditor>(m_test->database());
        m_editor->resize(760, 560);
        QVERIFY(showActive(*m_editor));
        QString error;
        QVERIFY2(m_editor->setExtension(m_profile, u"501"_s, &error), qPrintable(error));
    }
    void cleanup() {
        m_editor.reset();
        m_test.reset();
    }

    void showsTheListInFlipOrder() {
        QCOMPARE(ids(), (QStringList{u"f-mobile"_s, u"f-home"_s, u"f-other"_s}));
        QCOMPARE(m_editor->currentRow(), 0);
        QCOMPARE(edit(u"phoneEdit"_s)->text(), u"+4915112345672"_s);
        QCOMPARE(label(u"flipValue"_s)->text(), u"1 (follows the list's order)"_s);
        QCOMPARE(label(u"countLabel"_s)->text(), u"3 of 10 numbers"_s);
        QVERIFY(!button(u"moveUpButton"_s)->isEnabled());
        QVERIFY(button(u"moveDownButton"_s)->isEnabled());
        // Only type Other keeps a custom label.
        QVERIFY(!edit(u"labelEdit"_s)->isEnabled());
        m_editor->selectRow(2);
        QVERIFY(edit(u"labelEdit"_s)->isEnabled());
        QCOMPARE(edit(u"labelEdit"_s)->text(), u"Summer house"_s);
        QCOMPARE(label(u"flipValue"_s)->text(), u"Not in the call flip list"_s);
        QVERIFY(!m_editor->hasUnsavedEdits());
        // RingCentral sets the features: the checkboxes show them and say why they are off.
        auto* forwarding = m_editor->findChild<QCheckBox*>(u"callForwardingCheck"_s);
        auto* flip = m_editor->findChild<QCheckBox*>(u"callFlipCheck"_s);
        QVERIFY(forwarding->isChecked());
        QVERIFY(!flip->isChecked());
        QVERIFY(!flip->isEnabled());
        QVERIFY2(flip->toolTip().startsWith(u"RingCentral sets the features"_s), qPrintable(flip->toolTip()));
        // A new number gets both, as RingCentral gives it, with the next flip digit.
        button(u"addButton"_s)->click();
        QVERIFY(forwarding->isChecked());
        QVERIFY(flip->isChecked());
        QVERIFY(!forwarding->isEnabled());
        QVERIFY(!flip->isEnabled());
        QVERIFY(flip->toolTip().startsWith(u"RingCentral sets the features"_s));
        QCOMPARE(label(u"flipValue"_s)->text(), u"3 (follows the list's order)"_s);
    }

    void moveUpAndDownWithButtonsAndKeysThenStage() {
        m_editor->selectRow(1);
        button(u"moveUpButton"_s)->click();
        QCOMPARE(ids(), (QStringList{u"f-home"_s, u"f-mobile"_s, u"f-other"_s}));
        QCOMPARE(m_editor->currentRow(), 0);
        QCOMPARE(label(u"flipValue"_s)->text(), u"1 (follows the list's order)"_s);
        auto* table = m_editor->findChild<QTableView*>(u"forwardingTable"_s);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(ids(), (QStringList{u"f-mobile"_s, u"f-home"_s, u"f-other"_s}));
        QVERIFY(!m_editor->hasUnsavedEdits());
        QCOMPARE(m_editor->stage(), 0);
        QTest::keyClick(table, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(ids(), (QStringList{u"f-home"_s, u"f-mobile"_s, u"f-other"_s}));
        QVERIFY(m_editor->hasUnsavedEdits());
        expectSwapStaged();
    }

    void dropMimeDataReordersThenStage() {
        ForwardingListModel* model = m_editor->model();
        std::unique_ptr<QMimeData> data(model->mimeData({model->index(1, 0)}));
        QVERIFY(model->dropMimeData(data.get(), Qt::MoveAction, 0, 0, {}));
        QCOMPARE(ids(), (QStringList{u"f-home"_s, u"f-mobile"_s, u"f-other"_s}));
        expectSwapStaged();
    }

    void eachRuleMessageBesideItsField() {
        button(u"addButton"_s)->click();
        QCOMPARE(m_editor->currentRow(), 3);
        QCOMPARE(label(u"phoneError"_s)->text(), u"The phone number is required."_s);
        QCOMPARE(m_editor->stage(), -1);

        retype(u"phoneEdit"_s, u"0301234"_s);
        QCOMPARE(label(u"phoneError"_s)->text(),
                 u"The phone number “0301234” must be in E.164 form: + country "
                 "code and number, digits only."_s);
        retype(u"phoneEdit"_s, u"+49 30 55500000"_s);
        QCOMPARE(label(u"phoneError"_s)->text(), u"The phone number +493055500000 is a direct number of this "
                                                 "account and cannot be a forwarding number."_s);
        retype(u"phoneEdit"_s, u"+49 151 12345672"_s);
        QCOMPARE(label(u"phoneError"_s)->text(), u"The phone number +4915112345672 is already in the list as "
                                                 "entry 1."_s);
        retype(u"phoneEdit"_s, u"+49 89 1234567"_s);
        QCOMPARE(label(u"phoneError"_s)->text(), QString());

        auto* type = m_editor->findChild<QComboBox*>(u"typeCombo"_s);
        type->setCurrentIndex(type->findData(u"Other"_s));
        QVERIFY(edit(u"labelEdit"_s)->isEnabled());
        retype(u"labelEdit"_s, QString(61, u'x'));
        QCOMPARE(label(u"labelError"_s)->text(), u"The label has 61 characters; at most 60 are allowed."_s);
        retype(u"labelEdit"_s, u"Lake house"_s);
        QCOMPARE(label(u"labelError"_s)->text(), QString());

        QCOMPARE(label(u"featuresError"_s)->text(), QString());
        QVERIFY(m_editor->violations().isEmpty());

        // A rule broken by another row is summarised under the list; the row itself says why.
        m_editor->selectRow(0);
        retype(u"phoneEdit"_s, u"+49 89 1234567"_s);
        m_editor->selectRow(1);
        QCOMPARE(
            label(u"listError"_s)->text(),
            u"1 other number(s) in the list break a rule (shown in red; point at them for the reason)."_s);
        QCOMPARE(m_editor->model()->index(3, 0).data(Qt::ToolTipRole).toString(),
                 u"The phone number +49891234567 is already in the list as entry 1."_s);
    }

    void addingBeyondTenIsRefused() {
        for (int i = 0; i < 7; ++i) {
            button(u"addButton"_s)->click();
            retype(u"phoneEdit"_s, u"+49 40 111111%1"_s.arg(i));
            auto* type = m_editor->findChild<QComboBox*>(u"typeCombo"_s);
            type->setCurrentIndex(type->findData(u"Other"_s));
            retype(u"labelEdit"_s, u"Desk %1"_s.arg(i));
        }
        QCOMPARE(m_editor->model()->rowCount(), 10);
        QCOMPARE(label(u"countLabel"_s)->text(), u"10 of 10 numbers"_s);
        // Eight custom labels break the list rule of at most seven.
        QCOMPARE(label(u"listError"_s)->text(), u"The list uses 8 custom labels; at most 7 are allowed."_s);
        QVERIFY(!button(u"addButton"_s)->isEnabled());
        QCOMPARE(button(u"addButton"_s)->toolTip(),
                 u"The list has 10 numbers, the most RingCentral allows."_s);
        m_editor->addNumber();
        QCOMPARE(m_editor->model()->rowCount(), 10);
        QCOMPARE(label(u"listError"_s)->text(),
                 u"The forwarding list already has 10 numbers; at most 10 are allowed."_s);

        // Del in the list removes the current number.
        auto* table = m_editor->findChild<QTableView*>(u"forwardingTable"_s);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(m_editor->model()->rowCount(), 9);
        QVERIFY(button(u"addButton"_s)->isEnabled());
        QCOMPARE(label(u"listError"_s)->text(), QString());
    }

    void stagesDeletesUpdatesAndCreatesInOrder() {
        m_editor->selectRow(2);
        button(u"removeButton"_s)->click();
        m_editor->selectRow(1);
        retype(u"phoneEdit"_s, u"+49 30 7654321"_s);
        button(u"addButton"_s)->click();
        retype(u"phoneEdit"_s, u"+44 20 7946 0000"_s);
        QCOMPARE(m_editor->stage(), 3);
        const QList<store::PendingChange> changes = pending();
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changes.at(0).operation, store::ChangeOperation::Delete);
        QCOMPARE(changes.at(0).entityKey, u"f-other"_s);
        QCOMPARE(changes.at(1).operation, store::ChangeOperation::Update);
        QCOMPARE(changes.at(1).entityKey, u"f-home"_s);
        QCOMPARE(changes.at(1).payload,
                 (QJsonObject{{u"extensionId"_s, u"501"_s}, {u"phoneNumber"_s, u"+49307654321"_s}}));
        QCOMPARE(changes.at(2).operation, store::ChangeOperation::Create);
        QCOMPARE(changes.at(2).payload.value(u"phoneNumber"_s).toString(), u"+442079460000"_s);
        QCOMPARE(changes.at(2).payload.value(u"flipNumber"_s).toInt(), 3);
        QCOMPARE(changes.at(2).payload.value(u"features"_s).toArray(),
                 (QJsonArray{u"CallForwarding"_s, u"CallFlip"_s}));
        QVERIFY(!m_editor->hasUnsavedEdits());

        // Reopened before the changes are applied, the list is read-only and says why.
        QVERIFY(m_editor->setExtension(m_profile, u"501"_s));
        QVERIFY(!m_editor->isEditable());
        QVERIFY(!button(u"addButton"_s)->isEnabled());
        QVERIFY(label(u"introLabel"_s)
                    ->text()
                    .startsWith(u"3 staged change(s) to this list are not applied yet."_s));
    }

    void screenshot() {
        const QString dir = qEnvironmentVariable("TRUNKLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("TRUNKLINE_SCREENSHOT_DIR is not set");
        button(u"addButton"_s)->click();
        retype(u"phoneEdit"_s, u"+49 151 12345672"_s);
        QVERIFY(m_editor->grab().save(dir + u"/forwarding-editor.png"_s));
    }

private:
    void expectSwapStaged() {
        // Home takes flip 1 from Mobile and Mobile takes 2: Home waits on a free digit so the provider
        // never sees two entries with one flip number.
        QCOMPARE(m_editor->stage(), 3);
        const QList<store::PendingChange> changes = pending();
        QStringList steps;
        for (const store::PendingChange& change : changes) {
            QCOMPARE(change.operation, store::ChangeOperation::Update);
            QCOMPARE(change.payload.value(u"extensionId"_s).toString(), u"501"_s);
            steps << change.entityKey + u':' + QString::number(change.payload.value(u"flipNumber"_s).toInt());
        }
        QCOMPARE(steps, (QStringList{u"f-home:10"_s, u"f-mobile:2"_s, u"f-home:1"_s}));
        ForwardingNumber parked = entry(u"f-home"_s, u"+493012345671"_s, ForwardingType::Home, 10);
        QCOMPARE(changes.at(2).baseVersion, store::ForwardingNumberRepository::versionOf({parked}));
        QVERIFY(!m_editor->hasUnsavedEdits());
    }

    QStringList ids() const {
        QStringList list;
        for (const ForwardingNumber& n : m_editor->model()->entries())
            list << n.id;
        return list;
    }
    QList<store::PendingChange> pending() const {
        return store::PendingChangeRepository(m_test->database()).list(m_profile);
    }
    QLineEdit* edit(const QString& name) const { return m_editor->findChild<QLineEdit*>(name); }
    QLabel* label(const QString& name) const { return m_editor->findChild<QLabel*>(name); }
    QPushButton* button(const QString& name) const { return m_editor->findChild<QPushButton*>(name); }
    void retype(const QString& name, const QString& text) {
        QLineEdit* line = edit(name);
        line->setFocus();
        line->selectAll();
        QTest::keyClicks(line, text);
    }

    std::unique_ptr<TestDatabase> m_test;
    qint64 m_profile = 0;
    std::unique_ptr<gui::ForwardingEditor> m_editor;
};

QTEST_MAIN(tst_ForwardingEditor)
#include "tst_ForwardingEditor.moc"
