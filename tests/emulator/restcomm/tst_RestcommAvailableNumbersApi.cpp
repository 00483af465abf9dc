// Restcomm emulator over real sockets. AvailablePhoneNumbers: two-step provisioning from the provider's pool
// and the search filters.

#include "RestcommApiTest.h"

using namespace trunkline::emulator::test;

class TestRestcommAvailableNumbersApi : public RestcommApiTest {
    Q_OBJECT

private Q_SLOTS:
    void twoStepProvisioning_data() {
        QTest::addColumn<QString>("type"); // available type and factory sub-resource
        QTest::newRow("Local") << u"Local"_s;
        QTest::newRow("TollFree") << u"TollFree"_s;
        QTest::newRow("Mobile") << u"Mobile"_s;
    }

    void twoStepProvisioning() {
        QFETCH(QString, type);
        const TestReply search = get(u"/restcomm/2012-04-24/Accounts/"_s + m_admin.sid +
                                     u"/AvailablePhoneNumbers/US/"_s + type + u".json"_s);
        QCOMPARE(search.status, 200);
        const QJsonArray offers = search.jsonArray();
        QVERIFY(!offers.isEmpty());
        const QString number = offers.at(0).toObject().value(u"phoneNumber"_s).toString();
        QVERIFY(number.startsWith(u"+1"_s));
        QVERIFY(!offers.at(0).toObject().contains(u"latitude"_s)); // nulls omitted

        const TestReply bought = send("POST", numbersPath(m_admin.sid) + u'/' + type + u".json"_s,
                                      {{u"PhoneNumber"_s, number},
                                       {u"VoiceUrl"_s, u"https://apps.example.com/voice.xml"_s},
                                       {u"VoiceMethod"_s, u"GET"_s},
                                       {u"SmsCapable"_s, u"true"_s}});
        QCOMPARE(bought.status, 200); // Restcomm answers 200, not 201
        const QJsonObject n = bought.json();
        QCOMPARE(n.value(u"phone_number"_s).toString(), number);
        QCOMPARE(n.value(u"friendly_name"_s).toString(), number); // default: the raw input
        QCOMPARE(n.value(u"voice_method"_s).toString(), u"GET"_s);
        for (const QString& key :
             {u"voice_fallback_method"_s, u"status_callback_method"_s, u"sms_method"_s,
              u"sms_fallback_method"_s, u"ussd_method"_s, u"ussd_fallback_method"_s, u"refer_method"_s})
            QCOMPARE(n.value(key).toString(), u"POST"_s);
        QCOMPARE(n.value(u"sms_url"_s), QJsonValue(QJsonValue::Null));
        QCOMPARE(n.value(u"capabilities"_s).toObject().value(u"sms_capable"_s).toBool(), true);
        QCOMPARE(n.value(u"capabilities"_s).toObject().value(u"voice_capable"_s).toBool(), false);
        QVERIFY(n.value(u"sid"_s).toString().startsWith(u"PN"_s));
        QCOMPARE(n.value(u"sid"_s).toString().size(), 34);
        // Sold: no longer offered, and buying it again is "21452".
        const QJsonArray after = get(u"/restcomm/2012-04-24/Accounts/"_s + m_admin.sid +
                                     u"/AvailablePhoneNumbers/US/"_s + type + u".json"_s)
                                     .jsonArray();
        for (const QJsonValue& v : after)
            QVERIFY(v.toObject().value(u"phoneNumber"_s).toString() != number);
        const TestReply again =
            send("POST", numbersPath(m_branch.sid) + u".json"_s, {{u"PhoneNumber"_s, number}});
        QCOMPARE(again.status, 400);
        QCOMPARE(again.body, QByteArray("21452"));
    }

    void availableSearchFilters() {
        const QString base =
            u"/restcomm/2012-04-24/Accounts/"_s + m_admin.sid + u"/AvailablePhoneNumbers/US/Local.json"_s;
        const QJsonArray area = get(base + u"?AreaCode=415"_s).jsonArray();
        QVERIFY(!area.isEmpty());
        for (const QJsonValue& v : area)
            QVERIFY(v.toObject().value(u"phoneNumber"_s).toString().startsWith(u"+1415"_s));
        // Contains acts as "starts with" on the 10-digit national number; '*' is one digit.
        const QString sample = area.at(0).toObject().value(u"phoneNumber"_s).toString();
        const QJsonArray contains = get(base + u"?Contains="_s + sample.mid(2, 4) + u"*"_s).jsonArray();
        QVERIFY(!contains.isEmpty());
        for (const QJsonValue& v : contains)
            QVERIFY(v.toObject().value(u"phoneNumber"_s).toString().startsWith(sample.left(6)));
        for (const QJsonValue& v : get(base + u"?MmsEnabled=true"_s).jsonArray())
            QCOMPARE(v.toObject().value(u"mmsCapable"_s).toBool(), true);
        QCOMPARE(get(base.left(base.size() - 10) + u"Landline.json"_s).status, 404);
        QCOMPARE(get(numbersPath(m_admin.sid) + u"/AvailableCountries.json"_s).jsonArray(),
                 QJsonArray{u"US"_s});
    }
};

QTEST_GUILESS_MAIN(TestRestcommAvailableNumbersApi)
#include "tst_RestcommAvailableNumbersApi.moc"
