#include "EngineTestCase.h"
#include "RecordIds.h"
#include "TestDatabaseMember.h"
#include "store/PhoneNumberRepository.h"

#include <QSqlQuery>
#include <QtTest>

Q_DECLARE_METATYPE(trunkline::core::PhoneNumberRecord)
Q_DECLARE_METATYPE(trunkline::store::PhoneNumberFilter)

using namespace Qt::StringLiterals;
using namespace trunkline::store;
using namespace trunkline::core;
using trunkline::test::idsOf;

namespace {

PhoneNumberRecord makeNumber(const QString& id, const QString& e164,
                             UsageType usage = UsageType::DirectNumber, const QString& extensionId = {},
                             const QString& provider = u"ringcentral"_s) {
    PhoneNumberRecord n;
    n.provider = provider;
    n.id = id;
    n.e164 = e164;
    n.usageType = usage;
    n.extensionId = extensionId;
    return n;
}

RestcommAttributes restcomm() {
    RestcommAttributes r;
    r.accountSid = u"ACae6e420f425248d6a26948c17a9e2acf"_s;
    r.voiceUrl = u"http://127.0.0.1:8080/restcomm/demos/hello-world.xml"_s;
    r.voiceMethod = u"POST"_s;
    // voiceFallbackUrl stays a null string: JSON null on the wire.
    r.voiceCallerIdLookup = true;
    r.smsUrl = QString(u""_s);
    r.voiceCapable = true;
    r.smsCapable = true;
    r.pureSip = true;
    r.apiVersion = u"2012-04-24"_s;
    r.dateCreated = QDateTime(QDate(2025, 3, 1), QTime(12, 30, 5, 120), Qt::UTC);
    return r;
}

} // namespace

class tst_PhoneNumberRepository : public EngineTestCase {
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_test;
    qint64 m_profile = 0;

private slots:
    // Every case starts from a fresh database of the engine row holding one profile.
    void init() {
        TRUNKLINE_OPEN_TEST_DATABASE_MEMBER(m_test);
        m_profile = m_test->addProfile();
    }
    void cleanup() { m_test.reset(); }

    void roundTrip_data() {
        QTest::addColumn<PhoneNumberRecord>("number");
        PhoneNumberRecord full = makeNumber(u"24573004"_s, u"+4930123456"_s, UsageType::MainCompanyNumber);
        full.label = u"Zentrale"_s;
        full.paymentType = PaymentType::TollFree;
        full.callType = CallType::FaxOnly;
        full.status = NumberStatus::PortedIn;
        full.features = NumberFeature::CallerId | NumberFeature::SmsSender | NumberFeature::Delegated;
        full.extensionId = u"62734001"_s;
        full.extensionNumber = u"101"_s;
        QTest::newRow("ringcentral, all fields") << full;
        QTest::newRow("defaults") << makeNumber(u"1"_s, u"+15551230000"_s);
        PhoneNumberRecord sip =
            makeNumber(u"PN123"_s, u"^\\+4930.*$"_s, UsageType::DirectNumber, {}, u"restcomm"_s);
        sip.restcomm = restcomm();
        QTest::newRow("restcomm regex with attributes") << sip;
        PhoneNumberRecord emptyAttributes =
            makeNumber(u"PN124"_s, u"+4930999"_s, UsageType::DirectNumber, {}, u"restcomm"_s);
        emptyAttributes.restcomm = RestcommAttributes{};
        QTest::newRow("restcomm default attributes") << emptyAttributes;
        for (UsageType usage : allValues<UsageType>()) {
            QTest::addRow("usage %s", qPrintable(toWire(usage))) << makeNumber(u"u"_s, u"+4940123"_s, usage);
        }
    }
    void roundTrip() {
        QFETCH(PhoneNumberRecord, number);
        PhoneNumberRepository repository(m_test->database());
        QString error;
        QVERIFY2(repository.upsert(m_profile, {number}, &error), qPrintable(error));
        const auto found = repository.find(m_profile, number.id, &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(*found, number);
        if (number.restcomm) {
            QVERIFY(found->restcomm->voiceFallbackUrl.isNull());
            QCOMPARE(found->restcomm->dateCreated, number.restcomm->dateCreated);
        }
    }

    void filters_data() {
        QTest::addColumn<PhoneNumberFilter>("filter");
        QTest::addColumn<QStringList>("expectedIds");
        PhoneNumberFilter all;
        QTest::newRow("none, ordered by number")
            << all << QStringList{u"us"_s, u"b1"_s, u"b2"_s, u"h1"_s, u"sip"_s};
        PhoneNumberFilter digits;
        digits.digitsContain = u"(30) 12"_s;
        QTest::newRow("digits anywhere, punctuation ignored") << digits << QStringList{u"b1"_s, u"b2"_s};
        PhoneNumberFilter inner;
        inner.digitsContain = u"555"_s;
        QTest::newRow("digits inside") << inner << QStringList{u"us"_s, u"h1"_s};
        PhoneNumberFilter prefix;
        prefix.e164Prefix = u"+49 40"_s;
        QTest::newRow("prefix") << prefix << QStringList{u"h1"_s};
        PhoneNumberFilter prefixNotInside;
        prefixNotInside.e164Prefix = u"555"_s;
        QTest::newRow("prefix only at start") << prefixNotInside << QStringList{};
        PhoneNumberFilter wildcard;
        wildcard.digitsContain = u"1_2%"_s;
        QTest::newRow("wildcards are dropped") << wildcard << QStringList{u"us"_s, u"b1"_s, u"b2"_s};
        PhoneNumberFilter usage;
        usage.usageType = UsageType::MainCompanyNumber;
        QTest::newRow("usage") << usage << QStringList{u"b1"_s};
        PhoneNumberFilter provider;
        provider.provider = u"restcomm"_s;
        QTest::newRow("provider") << provider << QStringList{u"sip"_s};
        PhoneNumberFilter company;
        company.extensionId = QString();
        QTest::newRow("company-level") << company << QStringList{u"us"_s, u"b1"_s, u"sip"_s};
        PhoneNumberFilter extension;
        extension.extensionId = u"e7"_s;
        QTest::newRow("of an extension") << extension << QStringList{u"b2"_s, u"h1"_s};
        PhoneNumberFilter combined;
        combined.extensionId = u"e7"_s;
        combined.e164Prefix = u"+4930"_s;
        QTest::newRow("combined") << combined << QStringList{u"b2"_s};
    }
    void filters() {
        QFETCH(PhoneNumberFilter, filter);
        QFETCH(QStringList, expectedIds);
        const qint64 other = m_test->addProfile(u"Other"_s);
        PhoneNumberRepository repository(m_test->database());
        QVERIFY(repository.upsert(
            m_profile, {makeNumber(u"b1"_s, u"+4930123456"_s, UsageType::MainCompanyNumber),
                        makeNumber(u"b2"_s, u"+4930123499"_s, UsageType::DirectNumber, u"e7"_s),
                        makeNumber(u"h1"_s, u"+4940555000"_s, UsageType::DirectNumber, u"e7"_s),
                        makeNumber(u"us"_s, u"+15551234567"_s, UsageType::CompanyNumber),
                        makeNumber(u"sip"_s, u"sip-trunk-1"_s, UsageType::DirectNumber, {}, u"restcomm"_s)}));
        QVERIFY(repository.upsert(other, {makeNumber(u"b1x"_s, u"+4930123456"_s)}));
        QString error;
        QCOMPARE(idsOf(repository.list(m_profile, filter, &error)), expectedIds);
        QCOMPARE(repository.count(m_profile, filter, &error), expectedIds.size());
        // Paging through the same filter, two at a time, gives the same rows in the same order.
        QStringList paged;
        for (int offset = 0; offset < expectedIds.size() + 2; offset += 2) {
            paged << idsOf(repository.list(m_profile, filter, &error, Page{offset, 2}));
        }
        QCOMPARE(paged, expectedIds);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void removeAllExceptAndRemove() {
        PhoneNumberRepository repository(m_test->database());
        QVERIFY(repository.upsert(m_profile, {makeNumber(u"a"_s, u"+491"_s), makeNumber(u"b"_s, u"+492"_s),
                                              makeNumber(u"c"_s, u"+493"_s)}));
        int removed = -1;
        QVERIFY(repository.removeAllExcept(m_profile, {u"b"_s}, nullptr, &removed));
        QCOMPARE(removed, 2);
        QCOMPARE(idsOf(repository.list(m_profile)), QStringList{u"b"_s});
        QVERIFY(repository.remove(m_profile, u"b"_s));
        QVERIFY(repository.list(m_profile).isEmpty());
        QVERIFY(!repository.find(m_profile, u"b"_s));
    }

    // The columns as stored: text the record leaves unset is '', Restcomm's JSON of a number without
    // Restcomm attributes is NULL, and an unknown profile refuses the page with the first number's id.
    void storedColumnsAndRefusal() {
        PhoneNumberRepository repository(m_test->database());
        PhoneNumberRecord plain = makeNumber(u"p"_s, u"+4930123"_s);
        plain.label = QString();
        PhoneNumberRecord withRestcomm = makeNumber(u"r"_s, u"+4930124"_s);
        withRestcomm.restcomm = restcomm();
        QVERIFY(repository.upsert(m_profile, {plain, withRestcomm}));
        QSqlQuery query(m_test->database().connection());
        QVERIFY(query.exec(u"SELECT id, label IS NULL, label, restcomm_json IS NULL, profile_id, digits "
                           u"FROM phone_numbers ORDER BY id"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"p"_s);
        QCOMPARE(query.value(1).toInt(), 0);
        QCOMPARE(query.value(2).toString(), QString());
        QCOMPARE(query.value(3).toInt(), 1);
        QCOMPARE(query.value(4).toLongLong(), m_profile);
        QCOMPARE(query.value(5).toString(), u"4930123"_s);
        QVERIFY(query.next());
        QCOMPARE(query.value(3).toInt(), 0);
        QCOMPARE(repository.find(m_profile, u"r"_s)->restcomm, withRestcomm.restcomm);
        query.finish();

        QString error;
        QVERIFY(!repository.upsert(4242, {makeNumber(u"x"_s, u"+4930125"_s), plain}, &error));
        QVERIFY2(error.startsWith("Cannot save phone numbers x in "_L1), qPrintable(error));
        QVERIFY(repository.list(4242).isEmpty());
    }

    void versionFollowsContent() {
        PhoneNumberRepository repository(m_test->database());
        PhoneNumberRecord number = makeNumber(u"n"_s, u"+4930123"_s);
        QVERIFY(repository.upsert(m_profile, {number}));
        const QString first = repository.state(m_profile, u"n"_s)->version;
        QCOMPARE(first, repository.versionOf(number));
        number.features = NumberFeature::SmsSender;
        QVERIFY(repository.versionOf(number) != first);
        QVERIFY(repository.upsert(m_profile, {number}));
        QCOMPARE(repository.state(m_profile, u"n"_s)->version, repository.versionOf(number));
    }
    // RingCentral reports features only in extensions' number lists: they are kept beside the listed record,
    // which the account list's upsert (no features) neither clears nor re-versions; unreported ones are
    // skipped, not stored as "none".
    void listedFeaturesSurviveTheListsUpsert() {
        PhoneNumberRepository repository(m_test->database());
        PhoneNumberRecord number = makeNumber(u"n"_s, u"+4930123"_s);
        PhoneNumberRecord fax = makeNumber(u"f"_s, u"+4930124"_s);
        QVERIFY(repository.upsert(m_profile, {number, fax}));
        const QString version = repository.state(m_profile, u"n"_s)->version;
        QVERIFY(!repository.listedFeatures(m_profile, u"n"_s));
        PhoneNumberRecord listed = number;
        listed.features = NumberFeature::CallerId | NumberFeature::SmsSender;
        listed.featuresReported = true;
        PhoneNumberRecord unreported = fax; // a non-admin's view of another extension
        QVERIFY(repository.setListedFeatures(m_profile, {listed, unreported}));
        QCOMPARE(repository.listedFeatures(m_profile, u"n"_s)->toInt(), listed.features.toInt());
        QVERIFY(!repository.listedFeatures(m_profile, u"f"_s));
        QVERIFY(repository.upsert(m_profile, {number, fax}));
        QCOMPARE(repository.listedFeatures(m_profile, u"n"_s)->toInt(), listed.features.toInt());
        QCOMPARE(repository.state(m_profile, u"n"_s)->version, version);
        // The export shows the listed features.
        QStringList featureCells;
        QVERIFY(repository.forEachExportRow(m_profile, [&](const QList<QByteArrayView>& cells) {
            featureCells << QString::fromUtf8(cells.at(7));
            return true;
        }));
        QCOMPARE(featureCells, (QStringList{u"CallerId SmsSender"_s, QString()}));
    }
    // Restcomm's application names are stored and shown, but only its list sends them: the version is
    // the same with or without them, while the sid counts.
    void applicationNamesAreStoredButNotVersioned() {
        PhoneNumberRepository repository(m_test->database());
        PhoneNumberRecord number = makeNumber(u"PN1"_s, u"+15551230001"_s);
        number.restcomm = restcomm();
        number.restcomm->voiceApplicationSid = u"AP73926e7113fa4d95981aa96b76eca854"_s;
        const QString unnamed = repository.versionOf(number);
        number.restcomm->voiceApplicationName = u"Main IVR"_s;
        QCOMPARE(repository.versionOf(number), unnamed);
        QVERIFY(repository.upsert(m_profile, {number}));
        QCOMPARE(repository.find(m_profile, u"PN1"_s)->restcomm->voiceApplicationName, u"Main IVR"_s);
        QCOMPARE(repository.state(m_profile, u"PN1"_s)->version, unnamed);
        number.restcomm->voiceApplicationSid = u"AP00000000000000000000000000000001"_s;
        QVERIFY(repository.versionOf(number) != unnamed);

        // A number without names is stored (and fingerprinted) as before names were stored at all, so a
        // change staged on an older version of Trunkline still finds its base version.
        PhoneNumberRecord plain = makeNumber(u"PN2"_s, u"+15551230002"_s);
        plain.restcomm = restcomm();
        QVERIFY(repository.upsert(m_profile, {plain}));
        QSqlQuery stored(m_test->database().connection());
        QVERIFY(stored.exec(u"SELECT restcomm_json FROM phone_numbers WHERE id = 'PN2'"_s) && stored.next());
        QVERIFY2(!stored.value(0).toString().contains(u"application_name"_s),
                 qPrintable(stored.value(0).toString()));
    }
};

QTEST_GUILESS_MAIN(tst_PhoneNumberRepository)
#include "tst_PhoneNumberRepository.moc"
