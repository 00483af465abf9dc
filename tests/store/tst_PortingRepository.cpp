#include "EngineTestCase.h"
#include "RecordIds.h"
#include "store/PortingRepository.h"

#include <QtTest>

Q_DECLARE_METATYPE(trunkline::core::PortingOrder)

using namespace Qt::StringLiterals;
using namespace trunkline::store;
using namespace trunkline::core;
using trunkline::test::idsOf;

namespace {

QDateTime at(int day, int hour = 9) {
    return QDateTime(QDate(2026, 11, day), QTime(hour, 15, 30, 250), Qt::UTC);
}

PortingOrder makeOrder(const QString& id, PortingOrderStatus status, int createdDay) {
    PortingOrder o;
    o.id = id;
    o.status = status;
    o.countryCode = u"DE"_s;
    o.createdAt = at(createdDay);
    o.updatedAt = at(createdDay, 10);
    return o;
}

PortingPhoneNumber makeNumber(const QString& id, const QString& orderId, const QString& e164) {
    PortingPhoneNumber n;
    n.id = id;
    n.portingOrderId = orderId;
    n.phoneNumber = e164;
    n.phoneNumberType = u"landline"_s;
    n.activationStatus = u"New"_s;
    n.portabilityStatus = u"confirmed"_s;
    n.requirementsStatus = u"requirement-info-pending"_s;
    return n;
}

PhoneNumberExtension makeExtension(const QString& id, const QString& numberId, NumberRange range,
                                   QList<NumberRange> activation) {
    PhoneNumberExtension e;
    e.id = id;
    e.portingPhoneNumberId = numberId;
    e.extensionRange = range;
    e.activationRanges = std::move(activation);
    e.createdAt = at(20);
    e.updatedAt = at(21);
    return e;
}

} // namespace

class tst_PortingRepository : public EngineTestCase {
    Q_OBJECT

private slots:
    void orderRoundTrip_data() {
        QTest::addColumn<PortingOrder>("order");
        PortingOrder full =
            makeOrder(u"f4a6b5c8-0000-4c1e-9a7b-1d2e3f405060"_s, PortingOrderStatus::Exception, 3);
        full.exceptionCodes = {u"ENTITY_NAME_MISMATCH"_s, u"weird, code with comma"_s};
        full.customerReference = u"Kunde 4711 / Müller"_s;
        full.supportKey = u"sr_a12345"_s;
        full.focDatetimeRequested = at(30, 8);
        QTest::newRow("all fields") << full;
        PortingOrder draft;
        draft.id = u"draft-1"_s;
        QTest::newRow("draft, no dates") << draft;
        for (PortingOrderStatus status : allValues<PortingOrderStatus>()) {
            QTest::addRow("status %s", qPrintable(toWire(status))) << makeOrder(u"s"_s, status, 4);
        }
    }
    void orderRoundTrip() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QFETCH(PortingOrder, order);
        const qint64 profile = test.addProfile(u"Telnyx"_s, u"telnyx"_s);
        PortingRepository repository(test.database());
        QString error;
        QVERIFY2(repository.upsertOrders(profile, {order}, &error), qPrintable(error));
        const auto found = repository.findOrder(profile, order.id, &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(*found, order);
        QCOMPARE(repository.orderState(profile, order.id)->version, repository.versionOf(order));
    }

    void ordersNewestFirstAndByStatus() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile(u"Telnyx"_s, u"telnyx"_s);
        PortingRepository repository(test.database());
        QVERIFY(repository.upsertOrders(profile, {makeOrder(u"old"_s, PortingOrderStatus::Ported, 1),
                                                  makeOrder(u"new"_s, PortingOrderStatus::Draft, 9),
                                                  makeOrder(u"mid"_s, PortingOrderStatus::Draft, 5)}));
        QCOMPARE(idsOf(repository.orders(profile)), (QStringList{u"new"_s, u"mid"_s, u"old"_s}));
        QCOMPARE(idsOf(repository.orders(profile, PortingOrderStatus::Draft)),
                 (QStringList{u"new"_s, u"mid"_s}));
        QVERIFY(repository.orders(profile, PortingOrderStatus::Cancelled).isEmpty());
        int removed = 0;
        QVERIFY(repository.removeOrdersExcept(profile, {u"mid"_s}, nullptr, &removed));
        QCOMPARE(removed, 2);
        QCOMPARE(idsOf(repository.orders(profile)), QStringList{u"mid"_s});
    }

    void numbersAndExtensionsWithRanges() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile(u"Telnyx"_s, u"telnyx"_s);
        PortingRepository repository(test.database());
        QString error;
        QVERIFY(repository.upsertOrders(profile, {makeOrder(u"o1"_s, PortingOrderStatus::Draft, 2),
                                                  makeOrder(u"o2"_s, PortingOrderStatus::Draft, 3)}));
        const QList<PortingPhoneNumber> numbers = {makeNumber(u"p2"_s, u"o1"_s, u"+49201234567"_s),
                                                   makeNumber(u"p1"_s, u"o1"_s, u"+49201234500"_s),
                                                   makeNumber(u"p3"_s, u"o2"_s, u"+4930555"_s)};
        QVERIFY2(repository.upsertPhoneNumbers(profile, numbers, &error), qPrintable(error));
        QCOMPARE(repository.phoneNumbers(profile, u"o1"_s),
                 (QList<PortingPhoneNumber>{numbers[1], numbers[0]}));
        QCOMPARE(*repository.findPhoneNumber(profile, u"p3"_s), numbers[2]);

        const PhoneNumberExtension route =
            makeExtension(u"x1"_s, u"p1"_s, {0, 99}, {{10, 19}, {0, 9}, {50, 59}}); // order as given is kept
        const PhoneNumberExtension second = makeExtension(u"x2"_s, u"p1"_s, {100, 199}, {});
        QVERIFY2(repository.upsertExtensions(profile, {route, second}, &error), qPrintable(error));
        QCOMPARE(repository.extensions(profile, u"p1"_s), (QList<PhoneNumberExtension>{route, second}));
        QCOMPARE(*repository.findExtension(profile, u"x1"_s), route);
        QCOMPARE(repository.extensionState(profile, u"x1"_s)->version, PortingRepository::versionOf(route));

        // Replacing an extension replaces its activation ranges, and the version sees the ranges.
        PhoneNumberExtension narrowed = route;
        narrowed.activationRanges = {{20, 29}};
        QVERIFY(PortingRepository::versionOf(narrowed) != PortingRepository::versionOf(route));
        QVERIFY(repository.upsertExtensions(profile, {narrowed}));
        QCOMPARE(repository.findExtension(profile, u"x1"_s)->activationRanges, narrowed.activationRanges);
        QCOMPARE(repository.findExtension(profile, u"x2"_s)->activationRanges, QList<NumberRange>{});

        // Removing the order removes its numbers, their extensions and ranges.
        QVERIFY(repository.removeOrder(profile, u"o1"_s));
        QVERIFY(repository.phoneNumbers(profile, u"o1"_s).isEmpty());
        QVERIFY(!repository.findExtension(profile, u"x1"_s));
        QCOMPARE(repository.phoneNumbers(profile, u"o2"_s).size(), 1);
        QVERIFY(repository.upsertExtensions(profile, {makeExtension(u"x9"_s, u"p3"_s, {0, 9}, {{0, 9}})}));
        QVERIFY(repository.removeExtensionsExcept(profile, {}));
        QVERIFY(repository.extensions(profile, u"p3"_s).isEmpty());
    }

    void batchWithAnOrphanIsRefusedWhole() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile(u"Telnyx"_s, u"telnyx"_s);
        PortingRepository repository(test.database());
        QVERIFY(repository.upsertOrders(profile, {makeOrder(u"o1"_s, PortingOrderStatus::Draft, 2)}));
        QString error;
        QVERIFY(!repository.upsertPhoneNumbers(profile,
                                               {makeNumber(u"p1"_s, u"o1"_s, u"+491"_s),
                                                makeNumber(u"p2"_s, u"o1"_s, u"+492"_s),
                                                makeNumber(u"p3"_s, u"no-such-order"_s, u"+493"_s)},
                                               &error));
        QVERIFY2(error.contains("p3"_L1), qPrintable(error));
        QVERIFY(repository.phoneNumbers(profile, u"o1"_s).isEmpty());

        QVERIFY(repository.upsertPhoneNumbers(profile, {makeNumber(u"p1"_s, u"o1"_s, u"+491"_s)}));
        QVERIFY(!repository.upsertExtensions(profile, {makeExtension(u"x1"_s, u"p1"_s, {0, 9}, {{0, 9}}),
                                                       makeExtension(u"x2"_s, u"gone"_s, {0, 9}, {{0, 9}})}));
        QVERIFY(repository.extensions(profile, u"p1"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_PortingRepository)
#include "tst_PortingRepository.moc"
