// Wire round trips of every record enum: each value maps to its provider text and back, the text is the
// one the provider documents, and unknown text is refused instead of being mapped to a wrong value.
#include "core/Extension.h"
#include "core/ForwardingNumber.h"
#include "core/PhoneNumberRecord.h"
#include "core/PortingOrder.h"

#include <QSet>
#include <QTest>

using namespace trunkline::core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(trunkline::core::NumberRange)

namespace {

// Each enum value must survive toWire -> fromWire, all wire texts must differ and none may be empty.
template <typename E>
void checkRoundTrip() {
    QSet<QString> seen;
    for (const E value : allValues<E>()) {
        const QString wire = toWire(value);
        QVERIFY2(!wire.isEmpty(), "enum value without wire text");
        QVERIFY2(!seen.contains(wire), qPrintable(u"duplicate wire text "_s + wire));
        seen.insert(wire);
        const auto back = fromWire<E>(wire);
        QVERIFY2(back.has_value(), qPrintable(wire));
        QVERIFY(*back == value);
        QVERIFY2(!displayName(value).isEmpty(), qPrintable(wire));
    }
}

QStringList wireTexts(const auto& values) {
    QStringList texts;
    for (const auto value : values) {
        texts.append(toWire(value));
    }
    return texts;
}

} // namespace

class tst_Records : public QObject {
    Q_OBJECT

private slots:
    void roundTrips() {
        checkRoundTrip<ExtensionType>();
        checkRoundTrip<ExtensionStatus>();
        checkRoundTrip<UsageType>();
        checkRoundTrip<PaymentType>();
        checkRoundTrip<CallType>();
        checkRoundTrip<NumberStatus>();
        checkRoundTrip<NumberFeature>();
        checkRoundTrip<ForwardingType>();
        checkRoundTrip<ForwardingFeature>();
        checkRoundTrip<PortingOrderStatus>();
    }

    // The documented value lists (docs/api/ringcentral.md §3.1, §4.1, §5.1; docs/api/telnyx-porting.md §2),
    // in order.
    void documentedWireLists_data() {
        QTest::addColumn<QStringList>("actual");
        QTest::addColumn<QStringList>("documented");
        QTest::newRow("ExtensionType")
            << wireTexts(allValues<ExtensionType>())
            << u"User Department Announcement Voicemail DigitalUser VirtualUser FaxUser "
               "PagingOnly SharedLinesGroup DelegatedLinesGroup GroupCallPickup IvrMenu "
               "ApplicationExtension ProxyAdmin RoomConnector ParkLocation Limited Bot "
               "Site Room FlexibleUser TieLine Unknown"_s.split(u' ');
        QTest::newRow("ExtensionStatus") << wireTexts(allValues<ExtensionStatus>())
                                         << u"Enabled Disabled Frozen NotActivated Unassigned"_s.split(u' ');
        QTest::newRow("UsageType")
            << wireTexts(allValues<UsageType>())
            << u"MainCompanyNumber AdditionalCompanyNumber CompanyNumber DirectNumber CompanyFaxNumber "
               "FmcBusinessMobileNumber InventoryFmcBusinessMobileNumber ForwardedNumber "
               "ForwardedCompanyNumber "
               "ContactCenterNumber ConferencingNumber MeetingsNumber NumberPool BusinessMobileNumber ELIN "
               "PartnerBusinessMobileNumber NumberPoolPartnerBusinessMobileNumber NumberStorage "
               "IntegrationNumber "
               "InventoryMobileNumber"_s.split(u' ');
        QTest::newRow("PaymentType")
            << wireTexts(allValues<PaymentType>())
            << u"External TollFree Local BusinessMobileNumberProvider ExternalNumberProvider "
               "ExternalNumberProviderTollFree Mobile"_s.split(u' ');
        QTest::newRow("CallType") << wireTexts(allValues<CallType>())
                                  << u"VoiceFax VoiceOnly FaxOnly"_s.split(u' ');
        QTest::newRow("NumberStatus") << wireTexts(allValues<NumberStatus>())
                                      << u"Normal Pending PortedIn Temporary Unknown"_s.split(u' ');
        QTest::newRow("NumberFeature") << wireTexts(allValues<NumberFeature>())
                                       << u"CallerId SmsSender A2PSmsSender MmsSender InternationalSmsSender "
                                          "Delegated"_s.split(u' ');
        QTest::newRow("ForwardingType") << wireTexts(allValues<ForwardingType>())
                                        << u"Home Mobile Work PhoneLine Outage Other BusinessMobilePhone "
                                           "ExtensionApps"_s.split(u' ');
        QTest::newRow("ForwardingFeature")
            << wireTexts(allValues<ForwardingFeature>()) << u"CallForwarding CallFlip"_s.split(u' ');
        QTest::newRow("PortingOrderStatus")
            << wireTexts(allValues<PortingOrderStatus>())
            << u"draft in-process submitted exception foc-date-confirmed ported "
               "cancelled cancel-pending"_s.split(u' ');
    }

    void documentedWireLists() {
        QFETCH(QStringList, actual);
        QFETCH(QStringList, documented);
        QCOMPARE(actual, documented);
    }

    void unknownWireTextIsRefused_data() {
        QTest::addColumn<QString>("wire");
        QTest::newRow("empty") << QString();
        QTest::newRow("wrong case") << u"user"_s;
        QTest::newRow("trailing space") << u"User "_s;
        QTest::newRow("other enum's value") << u"draft"_s;
        QTest::newRow("made up") << u"Spaceship"_s;
    }

    void unknownWireTextIsRefused() {
        QFETCH(QString, wire);
        QVERIFY(!fromWire<ExtensionType>(wire));
        QVERIFY(!fromWire<ExtensionStatus>(wire));
        QVERIFY(!fromWire<UsageType>(wire));
        QVERIFY(!fromWire<PaymentType>(wire));
        QVERIFY(!fromWire<CallType>(wire));
        QVERIFY(!fromWire<NumberStatus>(wire));
        if (wire != u"draft") {
            QVERIFY(!fromWire<PortingOrderStatus>(wire));
        }
        QVERIFY(!fromWire<ForwardingType>(wire));
        QVERIFY(!fromWire<ForwardingFeature>(wire));
        QVERIFY(!fromWire<NumberFeature>(wire));
    }

    void callTypeAcceptsDocsAlias() {
        // The RingCentral guide writes VoiceAndFax; the spec (and toWire) use VoiceFax.
        QCOMPARE(fromWire<CallType>(u"VoiceAndFax"), std::optional<CallType>(CallType::VoiceFax));
        QCOMPARE(toWire(CallType::VoiceFax), u"VoiceFax"_s);
    }

    void portingStatusIsCaseSensitive() {
        QCOMPARE(fromWire<PortingOrderStatus>(u"in-process"), std::optional(PortingOrderStatus::InProcess));
        QVERIFY(!fromWire<PortingOrderStatus>(u"In-Process"));
        QVERIFY(!fromWire<PortingOrderStatus>(u"in_process"));
    }

    void displayNames_data() {
        QTest::addColumn<QString>("actual");
        QTest::addColumn<QString>("expected");
        QTest::newRow("VoiceFax") << displayName(CallType::VoiceFax) << u"Voice and fax"_s;
        QTest::newRow("VoiceOnly") << displayName(CallType::VoiceOnly) << u"Voice only"_s;
        QTest::newRow("FaxOnly") << displayName(CallType::FaxOnly) << u"Fax only"_s;
        QTest::newRow("Department") << displayName(ExtensionType::Department) << u"Call queue"_s;
        QTest::newRow("NotActivated") << displayName(ExtensionStatus::NotActivated) << u"Not activated"_s;
        QTest::newRow("in-process") << displayName(PortingOrderStatus::InProcess) << u"In process"_s;
        QTest::newRow("CallFlip") << displayName(ForwardingFeature::CallFlip) << u"Call flip"_s;
    }

    void displayNames() {
        QFETCH(QString, actual);
        QFETCH(QString, expected);
        QCOMPARE(actual, expected);
    }

    void numberFeatureSets_data() {
        QTest::addColumn<QStringList>("wire");
        QTest::addColumn<int>("features");
        QTest::addColumn<QStringList>("canonical");
        QTest::addColumn<QStringList>("unknown");
        QTest::newRow("none") << QStringList() << 0 << QStringList() << QStringList();
        QTest::newRow("docs example")
            << QStringList{u"CallerId"_s, u"SmsSender"_s}
            << int(NumberFeatures(NumberFeature::CallerId | NumberFeature::SmsSender))
            << QStringList{u"CallerId"_s, u"SmsSender"_s} << QStringList();
        QTest::newRow("reordered and repeated")
            << QStringList{u"Delegated"_s, u"CallerId"_s, u"Delegated"_s}
            << int(NumberFeatures(NumberFeature::CallerId | NumberFeature::Delegated))
            << QStringList{u"CallerId"_s, u"Delegated"_s} << QStringList();
        QTest::newRow("unknown kept aside")
            << QStringList{u"FutureThing"_s, u"MmsSender"_s} << int(NumberFeatures(NumberFeature::MmsSender))
            << QStringList{u"MmsSender"_s} << QStringList{u"FutureThing"_s};
    }

    void numberFeatureSets() {
        QFETCH(QStringList, wire);
        QFETCH(int, features);
        QFETCH(QStringList, canonical);
        QFETCH(QStringList, unknown);
        QStringList skipped;
        const NumberFeatures parsed = flagsFromWire<NumberFeature>(wire, &skipped);
        QCOMPARE(parsed.toInt(), features);
        QCOMPARE(flagsToWire(parsed), canonical);
        QCOMPARE(skipped, unknown);
    }

    void forwardingFeatureSets() {
        QStringList skipped;
        const ForwardingFeatures both =
            flagsFromWire<ForwardingFeature>({u"CallFlip"_s, u"CallForwarding"_s, u"Bogus"_s}, &skipped);
        QVERIFY(both.testFlag(ForwardingFeature::CallFlip));
        QVERIFY(both.testFlag(ForwardingFeature::CallForwarding));
        QCOMPARE(skipped, QStringList{u"Bogus"_s});
        QCOMPARE(flagsToWire(both), (QStringList{u"CallForwarding"_s, u"CallFlip"_s}));
        QCOMPARE(flagsToWire<ForwardingFeature>(ForwardingFeature::CallFlip), QStringList{u"CallFlip"_s});
        QVERIFY(flagsToWire(ForwardingFeatures{}).isEmpty());
    }

    void numberRange_data() {
        QTest::addColumn<NumberRange>("a");
        QTest::addColumn<NumberRange>("b");
        QTest::addColumn<bool>("overlaps");
        QTest::addColumn<bool>("contains");
        QTest::newRow("disjoint") << NumberRange{0, 9} << NumberRange{10, 19} << false << false;
        QTest::newRow("touching end") << NumberRange{15, 19} << NumberRange{19, 20} << true << false;
        QTest::newRow("equal") << NumberRange{4, 4} << NumberRange{4, 4} << true << true;
        QTest::newRow("inside") << NumberRange{0, 99} << NumberRange{19, 20} << true << true;
        QTest::newRow("sticking out") << NumberRange{0, 99} << NumberRange{90, 100} << true << false;
    }

    void numberRange() {
        QFETCH(NumberRange, a);
        QFETCH(NumberRange, b);
        QFETCH(bool, overlaps);
        QFETCH(bool, contains);
        QCOMPARE(a.overlaps(b), overlaps);
        QCOMPARE(b.overlaps(a), overlaps);
        QCOMPARE(a.contains(b), contains);
        QCOMPARE(a.size(), a.endAt - a.startAt + 1);
    }

    void recordsCompareByValue() {
        PhoneNumberRecord a;
        a.provider = kProviderRestcomm.toString();
        a.e164 = u"+14156902867"_s;
        a.restcomm = RestcommAttributes{};
        PhoneNumberRecord b = a;
        QCOMPARE(a, b);
        b.restcomm->smsCapable = true;
        QVERIFY(a != b);
        b.restcomm.reset();
        QVERIFY(a != b);
    }
};

QTEST_APPLESS_MAIN(tst_Records)
#include "tst_Records.moc"
