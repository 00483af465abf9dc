#include "EngineTestCase.h"
#include "ExtensionRecord.h"
#include "RecordIds.h"
#include "core/ForwardingNumber.h"
#include "store/ExtensionRepository.h"
#include "store/ForwardingNumberRepository.h"

#include <QtTest>

Q_DECLARE_METATYPE(trunkline::core::Extension)
Q_DECLARE_METATYPE(trunkline::store::ExtensionFilter)
Q_DECLARE_METATYPE(trunkline::store::Page)

using namespace Qt::StringLiterals;
using namespace trunkline::store;
using trunkline::core::Extension;
using trunkline::core::ExtensionStatus;
using trunkline::core::ExtensionType;
using namespace trunkline::test; // RecordIds.h, ExtensionRecord.h

namespace {

// A small directory the filter tests share.
QList<Extension> directory() {
    QList<Extension> all = {
        extension(u"e1"_s, u"101"_s, u"Anna Schmidt"_s),
        extension(u"e2"_s, u"102"_s, u"Ben Weber"_s, ExtensionType::User, ExtensionStatus::Disabled),
        extension(u"e3"_s, u"200"_s, u"Sales queue"_s, ExtensionType::Department),
        extension(u"e4"_s, u"9"_s, u"Lobby fax"_s, ExtensionType::FaxUser, ExtensionStatus::NotActivated),
        extension(u"e5"_s, {}, u"Unassigned seat"_s, ExtensionType::User, ExtensionStatus::Unassigned),
        extension(u"e6"_s, u"1010"_s, u"IVR main"_s, ExtensionType::IvrMenu),
    };
    all[0].contact.email = u"anna@example.com"_s;
    all[1].contact.email = u"ben.weber@example.com"_s;
    return all;
}

} // namespace

class tst_ExtensionRepository : public EngineTestCase {
    Q_OBJECT

private slots:
    void roundTrip_data() {
        QTest::addColumn<Extension>("extension");
        Extension full = extension(u"62734001"_s, u"12345678"_s, u"Jürgen Groß"_s);
        full.contact = {u"Jürgen"_s,        u"Groß"_s,        u"Müller & Söhne GmbH"_s, u"Leiter Einkauf"_s,
                        u"jg@example.de"_s, u"+4930123456"_s, u"+491701234567"_s,       u"Einkauf"_s};
        full.timeZone = u"Europe/Berlin"_s;
        full.admin = true;
        full.callerIdNumber = u"+4930123400"_s;
        QTest::newRow("all fields") << full;
        QTest::newRow("minimal") << extension(u"1"_s, u"1"_s, {});
        QTest::newRow("unassigned without number")
            << extension(u"2"_s, {}, u"Spare"_s, ExtensionType::User, ExtensionStatus::Unassigned);
        for (ExtensionType type : trunkline::core::allValues<trunkline::core::ExtensionType>()) {
            QTest::addRow("type %s", qPrintable(trunkline::core::toWire(type)))
                << extension(u"t"_s, u"300"_s, u"Typed"_s, type, ExtensionStatus::Frozen);
        }
        Extension quoted = extension(u"q'1"_s, u"301"_s, u"O'Brien; DROP TABLE extensions; --"_s);
        QTest::newRow("quotes stay data") << quoted;
    }
    void roundTrip() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QFETCH(Extension, extension);
        const qint64 profile = test.addProfile();
        ExtensionRepository repository(test.database());
        QString error;
        QVERIFY2(repository.upsert(profile, {extension}, &error), qPrintable(error));
        const auto found = repository.find(profile, extension.id, &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(*found, extension);
        QCOMPARE(repository.list(profile).size(), 1);
    }

    void upsertReplacesAndVersions() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        ExtensionRepository repository(test.database());
        Extension anna = extension(u"e1"_s, u"101"_s, u"Anna"_s);
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        QVERIFY(repository.upsert(profile, {anna}));
        const auto first = repository.state(profile, u"e1"_s);
        QVERIFY(first);
        QCOMPARE(first->version, repository.versionOf(anna));
        QVERIFY(first->syncedAt >= before);
        QVERIFY(first->syncedAt <= QDateTime::currentDateTimeUtc());

        // Same content again: same version. Changed content: the version moves.
        QVERIFY(repository.upsert(profile, {anna}));
        QCOMPARE(repository.state(profile, u"e1"_s)->version, first->version);
        anna.name = u"Anna Schmidt"_s;
        QVERIFY(repository.upsert(profile, {anna}));
        QVERIFY(repository.state(profile, u"e1"_s)->version != first->version);
        QCOMPARE(repository.find(profile, u"e1"_s)->name, u"Anna Schmidt"_s);
        QCOMPARE(repository.list(profile).size(), 1);
        QVERIFY(!repository.state(profile, u"missing"_s));
    }

    // The endpoint type comes from the extension's devices, read apart from the list: a list page's upsert
    // keeps it, and it is no part of the record's version.
    void endpointTypeSurvivesTheListsUpsert() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        ExtensionRepository repository(test.database());
        Extension anna = extension(u"e1"_s, u"101"_s, u"Anna"_s);
        QVERIFY(repository.upsert(profile, {anna}));
        QVERIFY(!repository.endpointType(profile, u"e1"_s)); // not read yet
        const QString version = repository.state(profile, u"e1"_s)->version;
        QVERIFY(repository.setEndpointType(profile, u"e1"_s, trunkline::core::EndpointType::Softphone));
        QCOMPARE(repository.endpointType(profile, u"e1"_s), trunkline::core::EndpointType::Softphone);
        QCOMPARE(repository.state(profile, u"e1"_s)->version, version);
        anna.name = u"Anna Schmidt"_s;
        QVERIFY(repository.upsert(profile, {anna}));
        QCOMPARE(repository.endpointType(profile, u"e1"_s), trunkline::core::EndpointType::Softphone);
        QVERIFY(!repository.endpointType(profile, u"missing"_s));
    }

    void profilesAreSeparate() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 a = test.addProfile(u"A"_s);
        const qint64 b = test.addProfile(u"B"_s);
        ExtensionRepository repository(test.database());
        QVERIFY(repository.upsert(a, {extension(u"same"_s, u"101"_s, u"In A"_s)}));
        QVERIFY(repository.upsert(b, {extension(u"same"_s, u"101"_s, u"In B"_s)}));
        QCOMPARE(repository.find(a, u"same"_s)->name, u"In A"_s);
        QCOMPARE(repository.find(b, u"same"_s)->name, u"In B"_s);
        QVERIFY(repository.removeAllExcept(a, {}));
        QVERIFY(repository.list(a).isEmpty());
        QCOMPARE(repository.list(b).size(), 1);
    }

    void unknownProfileIsRefusedWhole() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        ExtensionRepository repository(test.database());
        QString error;
        QVERIFY(!repository.upsert(4242, {extension(u"x"_s, u"1"_s, u"X"_s)}, &error));
        QVERIFY2(error.startsWith("Cannot save extensions x in "_L1), qPrintable(error));
    }

    void filters_data() {
        QTest::addColumn<ExtensionFilter>("filter");
        QTest::addColumn<QStringList>("expectedIds");
        QTest::newRow("no filter, numeric order")
            << ExtensionFilter{} << QStringList{u"e5"_s, u"e4"_s, u"e1"_s, u"e2"_s, u"e3"_s, u"e6"_s};
        QTest::newRow("type User") << ExtensionFilter{ExtensionType::User, {}, {}}
                                   << QStringList{u"e5"_s, u"e1"_s, u"e2"_s};
        QTest::newRow("type IvrMenu")
            << ExtensionFilter{ExtensionType::IvrMenu, {}, {}} << QStringList{u"e6"_s};
        QTest::newRow("type Bot: none") << ExtensionFilter{ExtensionType::Bot, {}, {}} << QStringList{};
        QTest::newRow("status Disabled")
            << ExtensionFilter{{}, ExtensionStatus::Disabled, {}} << QStringList{u"e2"_s};
        QTest::newRow("status Enabled")
            << ExtensionFilter{{}, ExtensionStatus::Enabled, {}} << QStringList{u"e1"_s, u"e3"_s, u"e6"_s};
        QTest::newRow("type and status")
            << ExtensionFilter{ExtensionType::User, ExtensionStatus::Enabled, {}} << QStringList{u"e1"_s};
        QTest::newRow("text in name, any case")
            << ExtensionFilter{{}, {}, u"sChMiDt"_s} << QStringList{u"e1"_s};
        QTest::newRow("text in number") << ExtensionFilter{{}, {}, u"101"_s} << QStringList{u"e1"_s, u"e6"_s};
        QTest::newRow("text in e-mail") << ExtensionFilter{{}, {}, u"weber@"_s} << QStringList{u"e2"_s};
        QTest::newRow("wildcards are literal") << ExtensionFilter{{}, {}, u"%"_s} << QStringList{};
        QTest::newRow("underscore is literal") << ExtensionFilter{{}, {}, u"_"_s} << QStringList{};
        QTest::newRow("text and type")
            << ExtensionFilter{ExtensionType::Department, {}, u"e"_s} << QStringList{u"e3"_s};
    }
    void filters() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QFETCH(ExtensionFilter, filter);
        QFETCH(QStringList, expectedIds);
        const qint64 profile = test.addProfile();
        ExtensionRepository repository(test.database());
        QVERIFY(repository.upsert(profile, directory()));
        QString error;
        const auto found = repository.list(profile, filter, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(idsOf(found), expectedIds);
    }

    void pagesAndCounts_data() {
        QTest::addColumn<ExtensionFilter>("filter");
        QTest::addColumn<Page>("page");
        QTest::addColumn<QStringList>("expectedIds");
        QTest::addColumn<int>("expectedCount");
        QTest::newRow("first page") << ExtensionFilter{} << Page{0, 2} << QStringList{u"e5"_s, u"e4"_s} << 6;
        QTest::newRow("middle page") << ExtensionFilter{} << Page{2, 2} << QStringList{u"e1"_s, u"e2"_s} << 6;
        QTest::newRow("short last page")
            << ExtensionFilter{} << Page{4, 5} << QStringList{u"e3"_s, u"e6"_s} << 6;
        QTest::newRow("past the end") << ExtensionFilter{} << Page{6, 5} << QStringList{} << 6;
        QTest::newRow("filtered page") << ExtensionFilter{ExtensionType::User, {}, {}} << Page{1, 5}
                                       << QStringList{u"e1"_s, u"e2"_s} << 3;
        QTest::newRow("zero rows") << ExtensionFilter{} << Page{0, 0} << QStringList{} << 6;
    }
    void pagesAndCounts() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QFETCH(ExtensionFilter, filter);
        QFETCH(Page, page);
        QFETCH(QStringList, expectedIds);
        QFETCH(int, expectedCount);
        const qint64 profile = test.addProfile();
        ExtensionRepository repository(test.database());
        QVERIFY(repository.upsert(profile, directory()));
        QString error;
        QCOMPARE(idsOf(repository.list(profile, filter, &error, page)), expectedIds);
        QCOMPARE(repository.count(profile, filter, &error), expectedCount);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void removeAllExceptDropsGoneAndTheirForwarding() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        ExtensionRepository repository(test.database());
        QVERIFY(repository.upsert(profile, directory()));
        ForwardingNumberRepository forwarding(test.database());
        trunkline::core::ForwardingNumber mobile;
        mobile.id = u"f1"_s;
        mobile.phoneNumber = u"+491701234567"_s;
        QVERIFY(forwarding.replaceList(profile, u"e2"_s, {mobile}));
        QVERIFY(forwarding.replaceList(profile, u"e1"_s, {mobile}));

        int removed = -1;
        QString error;
        QVERIFY2(repository.removeAllExcept(profile, {u"e1"_s, u"e3"_s, u"not-stored"_s}, &error, &removed),
                 qPrintable(error));
        QCOMPARE(removed, 4);
        QCOMPARE(idsOf(repository.list(profile)), (QStringList{u"e1"_s, u"e3"_s}));
        QVERIFY(forwarding.list(profile, u"e2"_s).isEmpty());
        QCOMPARE(forwarding.list(profile, u"e1"_s).size(), 1);
    }

    void largeBatch() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        QList<Extension> many;
        for (int i = 0; i < 3000; ++i) {
            many << extension(u"id%1"_s.arg(i), QString::number(1000 + i), u"Person %1"_s.arg(i));
        }
        ExtensionRepository repository(test.database());
        QString error;
        QVERIFY2(repository.upsert(profile, many, &error), qPrintable(error));
        const auto stored = repository.list(profile);
        QCOMPARE(stored.size(), many.size());
        QCOMPARE(stored.constFirst(), many.constFirst());
        QCOMPARE(stored.constLast(), many.constLast());
        QStringList kept;
        for (int i = 0; i < 3000; i += 2) {
            kept << u"id%1"_s.arg(i);
        }
        int removed = 0;
        QVERIFY(repository.removeAllExcept(profile, kept, &error, &removed));
        QCOMPARE(removed, 1500);
        QCOMPARE(repository.list(profile).size(), 1500);
    }
};

QTEST_GUILESS_MAIN(tst_ExtensionRepository)
#include "tst_ExtensionRepository.moc"
