#include "EngineTestCase.h"
#include "store/TimeZoneRepository.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline::store;
using trunkline::core::TimeZone;

// The stored copy of a provider's time zone list, on SQLite and PostgreSQL.
class tst_TimeZoneRepository : public EngineTestCase {
    Q_OBJECT

private slots:
    void neverFetchedIsEmpty() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile(u"Office"_s);
        QString error;
        QVERIFY(TimeZoneRepository(test.database()).list(profile, &error).isEmpty());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void replaceAllKeepsOnlyTheNewListSortedByName() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile(u"Office"_s);
        const qint64 other = test.addProfile(u"Branch"_s);
        TimeZoneRepository zones(test.database());
        const TimeZone berlin{u"70"_s, u"Europe/Berlin"_s, u"Amsterdam, Berlin, Rome, Vienna"_s};
        const TimeZone eastern{u"58"_s, u"US/Eastern"_s, u"Eastern Time (US & Canada)"_s};
        const TimeZone london{u"71"_s, u"Europe/London"_s, u"Dublin, Edinburgh, Lisbon, London"_s};
        QString error;
        QVERIFY2(zones.replaceAll(profile, {eastern, berlin}, &error), qPrintable(error));
        QVERIFY2(zones.replaceAll(other, {london}, &error), qPrintable(error));
        QCOMPARE(zones.list(profile), (QList<TimeZone>{berlin, eastern}));

        QVERIFY2(zones.replaceAll(profile, {london, eastern}, &error), qPrintable(error));
        QCOMPARE(zones.list(profile), (QList<TimeZone>{london, eastern}));
        QCOMPARE(zones.list(other), QList<TimeZone>{london}); // another profile's list is its own
    }

    void aDuplicateIdFailsAndKeepsTheOldList() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile(u"Office"_s);
        TimeZoneRepository zones(test.database());
        const TimeZone berlin{u"70"_s, u"Europe/Berlin"_s, {}};
        QVERIFY(zones.replaceAll(profile, {berlin}));
        QString error;
        QVERIFY(!zones.replaceAll(
            profile, {TimeZone{u"58"_s, u"US/Eastern"_s, {}}, TimeZone{u"58"_s, u"X"_s, {}}}, &error));
        QVERIFY2(error.contains(u"time zone X"_s), qPrintable(error));
        QCOMPARE(zones.list(profile), QList<TimeZone>{berlin});
    }
};

QTEST_GUILESS_MAIN(tst_TimeZoneRepository)
#include "tst_TimeZoneRepository.moc"
