// What the review of a pending change says, read against a real SQLite copy: the form labels and the
// values before → after, a forwarding list as added / removed / moved rows, the requests an apply takes
// and what a release means. The Pending changes page and `trunkline-cli pending show` both show this.
#include "ReviewProfile.h"
#include "changes/ChangeDescription.h"
#include "changes/ChangePayloads.h"
#include "changes/ForwardingListPlan.h"
#include "changes/NumberChangePayloads.h"
#include "changes/SettingsPayloads.h"
#include "store/ExtensionRepository.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PhoneNumberRepository.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using changes::ChangeDescription;
using changes::FieldChange;

class tst_ChangeDescription : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY2(openReviewProfile(m_test, &m_profile), qPrintable(m_test->error()));
        m_anna = *store::ExtensionRepository(m_test->database()).find(m_profile, u"e1"_s);
        m_anna.timeZone = u"Europe/Berlin"_s;
        QVERIFY(store::ExtensionRepository(m_test->database()).upsert(m_profile, {m_anna}));
    }
    void cleanup() { m_test.reset(); }

    void anExtensionEditByTheEditorsLabels() {
        core::Extension edited = m_anna;
        edited.name = u"Anna Wolf-Berger"_s;
        edited.contact.department = u"Sales"_s;
        edited.timeZone = u"Europe/London"_s;
        const ChangeDescription description = describe(changes::ChangePayloads::extensionUpdate(
            m_profile, m_anna, edited, store::ExtensionRepository(m_test->database()).versionOf(m_anna)));
        QCOMPARE(description.recordTitle, u"Extension 101 (Anna Wolf)"_s);
        QCOMPARE(description.kind, ChangeDescription::Kind::Changed);
        QCOMPARE(description.summary, u"Edit: Name, Time zone, Department"_s);
        // In the order of the editor's form, empty shown as such.
        QCOMPARE(description.fields,
                 (QList<FieldChange>{{u"Name"_s, u"Anna Wolf"_s, u"Anna Wolf-Berger"_s},
                                     {u"Time zone"_s, u"Europe/Berlin"_s, u"Europe/London"_s},
                                     {u"Department"_s, u"(empty)"_s, u"Sales"_s}}));
        // GET, time zone lookup, PUT, read back.
        QCOMPARE(description.requests, 4);
        QCOMPARE(description.text(), u"Extension 101 (Anna Wolf) · Edit: Name, Time zone, Department\n"
                                     "  Name: Anna Wolf → Anna Wolf-Berger\n"
                                     "  Time zone: Europe/Berlin → Europe/London\n"
                                     "  Department: (empty) → Sales\n"
                                     "  Requests to apply: 4\n"_s);
    }

    // A forwarding list edit is one change per entry: each reads like a row of the list that was
    // removed, moved (its flip digit, through a free one where two swap) or added.
    void aForwardingListAsRemovedMovedAndAddedRows() {
        const core::ForwardingNumber mobile = entry(u"f1"_s, u"+4915100000001"_s, 1);
        const core::ForwardingNumber home = entry(u"f2"_s, u"+493000000002"_s, 2);
        const core::ForwardingNumber old = entry(u"f3"_s, u"+493000000003"_s, 3);
        QVERIFY(store::ForwardingNumberRepository(m_test->database())
                    .replaceList(m_profile, u"e1"_s, {mobile, home, old}));
        core::ForwardingNumber swappedHome = home;
        swappedHome.flipNumber = 1;
        core::ForwardingNumber swappedMobile = mobile;
        swappedMobile.flipNumber = 2;
        core::ForwardingNumber added = entry({}, u"+4917600000004"_s, 3);
        added.label = u"Summer house"_s;
        QStringList summaries;
        QList<ChangeDescription::Kind> kinds;
        ChangeDescription addedDescription;
        for (const store::PendingChange& change : changes::ForwardingListPlan::plan(
                 m_profile, u"e1"_s, {mobile, home, old}, {swappedHome, swappedMobile, added})) {
            const ChangeDescription description = describe(change);
            QCOMPARE(description.recordTitle, u"Extension 101 (Anna Wolf)"_s); // under its extension
            QCOMPARE(description.recordKey, u"extension/e1"_s);
            summaries << description.summary;
            kinds << description.kind;
            if (description.kind == ChangeDescription::Kind::Added)
                addedDescription = description;
        }
        QCOMPARE(summaries, (QStringList{
                                u"Forwarding & flip list: removed +493000000003"_s,
                                u"Forwarding & flip list: moved +493000000002 from flip digit 2 to 10"_s,
                                u"Forwarding & flip list: moved +4915100000001 from flip digit 1 to 2"_s,
                                u"Forwarding & flip list: moved +493000000002 from flip digit 10 to 1"_s,
                                u"Forwarding & flip list: added +4917600000004"_s,
                            }));
        QCOMPARE(kinds, (QList<ChangeDescription::Kind>{
                            ChangeDescription::Kind::Removed, ChangeDescription::Kind::Moved,
                            ChangeDescription::Kind::Moved, ChangeDescription::Kind::Moved,
                            ChangeDescription::Kind::Added}));
        QVERIFY(addedDescription.fields.contains(FieldChange{u"Phone number"_s, {}, u"+4917600000004"_s}));
        QVERIFY(addedDescription.fields.contains(FieldChange{u"Label"_s, {}, u"Summer house"_s}));
        QVERIFY(addedDescription.fields.contains(FieldChange{u"Flip digit"_s, {}, u"3"_s}));
        QVERIFY(addedDescription.fields.contains(
            FieldChange{u"Features"_s, {}, u"Call forwarding, Call flip"_s}));
        QCOMPARE(addedDescription.requests, 2);
    }

    void reassigningANumberSaysWhoLosesIt() {
        const core::PhoneNumberRecord number = storedNumber(m_profile, u"ringcentral"_s, u"e1"_s);
        core::PhoneNumberRecord edited = number;
        edited.extensionId = u"e2"_s;
        const ChangeDescription description = describe(changes::NumberChangePayloads::numberUpdate(
            m_profile, number, edited, store::PhoneNumberRepository(m_test->database()).versionOf(number)));
        QCOMPARE(description.recordTitle, u"Number +493012345678"_s);
        QCOMPARE(description.fields,
                 (QList<FieldChange>{{u"Assigned to"_s, u"101 (Anna Wolf)"_s, u"102"_s}}));
        QCOMPARE(description.requests, 3); // check, assign, read back
        QCOMPARE(description.consequences,
                 QStringList{u"Extension 101 (Anna Wolf) loses +493012345678, its direct number."_s});
    }

    // RingCentral's API sets no label on a number: the review says so before Apply fails.
    void aChangeTheProviderCannotMakeSaysSo() {
        const core::PhoneNumberRecord number = storedNumber(m_profile, u"ringcentral"_s, {});
        core::PhoneNumberRecord edited = number;
        edited.label = u"Reception"_s;
        const ChangeDescription description = describe(changes::NumberChangePayloads::numberUpdate(
            m_profile, number, edited, store::PhoneNumberRepository(m_test->database()).versionOf(number)));
        QCOMPARE(description.fields, (QList<FieldChange>{{u"Label"_s, u"(empty)"_s, u"Reception"_s}}));
        QCOMPARE(description.requests, std::nullopt);
        QCOMPARE(
            description.consequences,
            QStringList{u"The provider's API offers no request for this change: applying it fails. Discard "
                        "it, or make the change in the provider's portal."_s});
        QCOMPARE(description.text(),
                 u"Number +493012345678 · Edit: Label\n"
                 "  Label: (empty) → Reception\n"
                 "  ! The provider's API offers no request for this change: applying it fails. "
                 "Discard it, or make the change in the provider's portal.\n"_s);
    }

    void releasingANumberSaysItLeavesTheAccount() {
        const qint64 restcomm = m_test->addProfile(u"Restcomm office"_s, u"restcomm"_s);
        core::PhoneNumberRecord number = storedNumber(restcomm, u"restcomm"_s, {});
        const ChangeDescription description = describe(changes::NumberChangePayloads::numberDelete(
            restcomm, number, store::PhoneNumberRepository(m_test->database()).versionOf(number)));
        QCOMPARE(description.kind, ChangeDescription::Kind::Removed);
        QCOMPARE(description.summary, u"Release the number"_s);
        QCOMPARE(description.requests, 2);
        QCOMPARE(
            description.consequences,
            (QStringList{u"+493012345678 leaves the account: it can no longer be called or used, and the "
                         "provider may give it to someone else."_s,
                         u"Calls to +493012345678 no longer reach https://127.0.0.1/ivr.xml."_s}));
        QVERIFY(description.fields.contains(FieldChange{u"Voice URL"_s, u"https://127.0.0.1/ivr.xml"_s, {}}));
    }

    void buyingANumberSaysWhatItCosts() {
        const qint64 restcomm = m_test->addProfile(u"Restcomm office"_s, u"restcomm"_s);
        const ChangeDescription description = describe(changes::NumberChangePayloads::numberProvision(
            restcomm, changes::NumberChangePayloads::provisionFields(
                          u"+14155550143"_s, {}, u"Sales hotline"_s, false, u"Local"_s, u"US"_s)));
        QCOMPARE(description.recordTitle, u"New number +14155550143"_s);
        QCOMPARE(description.kind, ChangeDescription::Kind::Added);
        QCOMPARE(description.requests, 1);
        QVERIFY(description.fields.contains(FieldChange{u"Friendly name"_s, {}, u"Sales hotline"_s}));
        QCOMPARE(description.consequences,
                 (QStringList{u"+14155550143 is bought from the carrier and added to the account."_s,
                              u"The provider bills the number at its price list; Trunkline does not know the "
                              "cost."_s}));
    }

    void callSettingsByTheirCheckboxes() {
        const QJsonObject stored{{u"emailAddresses"_s, QJsonArray{u"anna@example.com"_s}},
                                 {u"voicemails"_s, QJsonObject{{u"notifyByEmail"_s, true}}}};
        QJsonObject edited = stored;
        edited.insert(u"voicemails"_s, QJsonObject{{u"notifyByEmail"_s, false}});
        const ChangeDescription description = describe(changes::SettingsPayloads::settingsUpdate(
            m_profile, u"e1"_s, store::ExtensionSettingsRepository::kNotifications, stored, edited));
        QCOMPARE(description.recordTitle, u"Extension 101 (Anna Wolf)"_s);
        QCOMPARE(description.summary, u"Notifications: Notify by e-mail about new voicemail"_s);
        QCOMPARE(description.fields,
                 (QList<FieldChange>{{u"Notify by e-mail about new voicemail"_s, u"yes"_s, u"no"_s}}));
        QCOMPARE(description.requests, 3);
    }

private:
    ChangeDescription describe(const store::PendingChange& change) const {
        return changes::ChangeDescriber(m_test->database()).describe(change);
    }
    static core::ForwardingNumber entry(const QString& id, const QString& number, int flip) {
        core::ForwardingNumber forwarding;
        forwarding.id = id;
        forwarding.phoneNumber = number;
        forwarding.type = core::ForwardingType::Mobile;
        forwarding.features = core::ForwardingFeatures(core::ForwardingFeature::CallForwarding) |
                              core::ForwardingFeature::CallFlip;
        forwarding.flipNumber = flip;
        return forwarding;
    }
    core::PhoneNumberRecord storedNumber(qint64 profile, const QString& provider,
                                         const QString& extensionId) {
        core::PhoneNumberRecord number;
        number.provider = provider;
        number.id = u"pn-1"_s;
        number.e164 = u"+493012345678"_s;
        number.extensionId = extensionId;
        if (provider == u"restcomm"_s) {
            number.restcomm = core::RestcommAttributes{};
            number.restcomm->voiceUrl = u"https://127.0.0.1/ivr.xml"_s;
        }
        [&] {
            QVERIFY(store::PhoneNumberRepository(m_test->database()).upsert(profile, {number}));
        }();
        return number;
    }

    std::unique_ptr<TestDatabase> m_test;
    qint64 m_profile = 0;
    core::Extension m_anna;
};

QTEST_GUILESS_MAIN(tst_ChangeDescription)
#include "tst_ChangeDescription.moc"
