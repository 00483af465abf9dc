// Telnyx emulator, directly and over sockets. The number search: numbers for sale filtered by country,
// destination code (area code or toll-free prefix), number type, vanity letters and features; bad filters
// are refused naming the parameter; a bought number is no longer for sale.

#include "TelnyxApiTest.h"

class TestTelnyxAvailableNumbersApi : public TelnyxApiTest {
    Q_OBJECT

    // GET /v2/available_phone_numbers with `query`.
    static Reply search(TelnyxService& service, const QString& query) {
        return call(service, "GET", u"/v2/available_phone_numbers?"_s + query);
    }
    static QStringList numbersOf(const Reply& r) {
        QStringList numbers;
        for (const QJsonValue& n : r.dataArray())
            numbers << n[u"phone_number"_s].toString();
        return numbers;
    }

private Q_SLOTS:
    void searchFilters_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("prefix"); // every number found starts with it; "" = nothing found
        QTest::newRow("US local by area code")
            << u"filter[country_code]=US&filter[phone_number_type]=local&filter[national_destination_code]=415"_s
            << u"+1415"_s;
        QTest::newRow("toll-free by prefix")
            << u"filter[country_code]=US&filter[phone_number_type]=toll_free&filter[national_destination_code]=888"_s
            << u"+1888"_s;
        QTest::newRow("toll-free 855 has none")
            << u"filter[country_code]=US&filter[phone_number_type]=toll_free&filter[national_destination_code]=855"_s
            << QString();
        QTest::newRow("vanity letters after the prefix")
            << u"filter[country_code]=US&filter[national_destination_code]=800&filter[phone_number][starts_with]=FLOWERS"_s
            << u"+18003569377"_s;
        QTest::newRow("global, by country")
            << u"filter[country_code]=DE&filter[phone_number_type]=local"_s << u"+4930"_s;
        QTest::newRow("sms excludes toll-free")
            << u"filter[country_code]=US&filter[phone_number_type]=toll_free&filter[features][]=sms"_s
            << QString();
    }
    void searchFilters() {
        QFETCH(QString, query);
        QFETCH(QString, prefix);
        const Reply r = search(make(3), query);
        QCOMPARE(r.status, 200);
        const QStringList numbers = numbersOf(r);
        QCOMPARE(r.meta().value(u"total_results"_s).toInt(), numbers.size());
        if (prefix.isEmpty()) {
            QVERIFY2(numbers.isEmpty(), qPrintable(numbers.join(u' ')));
            return;
        }
        QVERIFY(!numbers.isEmpty());
        for (const QString& number : numbers)
            QVERIFY2(number.startsWith(prefix), qPrintable(number));
        const QJsonObject first = r.dataArray().at(0).toObject();
        QCOMPARE(first.value(u"record_type"_s).toString(), u"available_phone_number"_s);
        QVERIFY(first.value(u"cost_information"_s).toObject().contains(u"monthly_cost"_s));
        for (const QString& key : first.keys())
            QVERIFY2(!key.startsWith(u'_'), qPrintable(key)); // nothing internal leaks out
    }

    void badFiltersNameTheParameter_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("type") << u"filter[phone_number_type]=landline-ish"_s
                              << u"filter[phone_number_type]"_s;
        QTest::newRow("limit") << u"filter[limit]=1000"_s << u"filter[limit]"_s;
        QTest::newRow("destination code")
            << u"filter[national_destination_code]=4-5"_s << u"filter[national_destination_code]"_s;
    }
    void badFiltersNameTheParameter() {
        QFETCH(QString, query);
        QFETCH(QString, parameter);
        const Reply r = search(make(3), query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), u"10015"_s);
        QCOMPARE(r.error().value(u"source"_s).toObject().value(u"parameter"_s).toString(), parameter);
    }

    void limitCapsTheAnswer() {
        const Reply r = search(make(3), u"filter[country_code]=US&filter[limit]=2"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.dataArray().size(), 2);
    }

    void aBoughtNumberIsNoLongerForSale() {
        TelnyxService& service = make(3);
        const QString chicago = u"filter[country_code]=US&filter[national_destination_code]=312"_s;
        const QStringList before = numbersOf(search(service, chicago));
        QVERIFY(!before.isEmpty());
        const Reply ordered = callJson(
            service, "POST", u"/v2/number_orders"_s,
            QJsonObject{{u"phone_numbers"_s, QJsonArray{QJsonObject{{u"phone_number"_s, before.first()}}}}});
        QCOMPARE(ordered.status, 200);
        const QStringList after = numbersOf(search(service, chicago));
        QCOMPARE(after, before.mid(1));
    }
};

TELNYX_API_TEST_MAIN(TestTelnyxAvailableNumbersApi)
#include "tst_TelnyxAvailableNumbersApi.moc"
