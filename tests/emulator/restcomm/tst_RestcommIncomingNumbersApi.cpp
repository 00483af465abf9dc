// Restcomm emulator over real sockets. IncomingPhoneNumbers: members in Restcomm's order, LIKE filters and
// paging fields, provisioning variants and rules, SIP numbers per organisation, form bodies, updates, delete
// 204, regex numbers routed like Restcomm, sids unique after a restore.

#include "RestcommApiTest.h"
#include "core/RouteMatcher.h"

#include <QRegularExpression>
#include <QSet>

using namespace trunkline::emulator::test;

class TestRestcommIncomingNumbersApi : public RestcommApiTest {
    Q_OBJECT

private Q_SLOTS:
    void resourceMembersInRestcommOrder() {
        const QString sid = numbersOf(m_admin.sid).first().sid();
        const TestReply r = get(numbersPath(m_admin.sid) + u'/' + sid + u".json"_s);
        const QStringList order{u"sid"_s,
                                u"account_sid"_s,
                                u"friendly_name"_s,
                                u"phone_number"_s,
                                u"voice_url"_s,
                                u"voice_method"_s,
                                u"voice_fallback_url"_s,
                                u"voice_fallback_method"_s,
                                u"status_callback"_s,
                                u"status_callback_method"_s,
                                u"voice_caller_id_lookup"_s,
                                u"voice_application_sid"_s,
                                u"date_created"_s,
                                u"date_updated"_s,
                                u"sms_url"_s,
                                u"sms_method"_s,
                                u"sms_fallback_url"_s,
                                u"sms_fallback_method"_s,
                                u"sms_application_sid"_s,
                                u"ussd_url"_s,
                                u"ussd_method"_s,
                                u"ussd_fallback_url"_s,
                                u"ussd_fallback_method"_s,
                                u"ussd_application_sid"_s,
                                u"refer_url"_s,
                                u"refer_method"_s,
                                u"refer_application_sid"_s,
                                u"capabilities"_s,
                                u"api_version"_s,
                                u"uri"_s};
        qsizetype last = -1;
        for (const QString& key : order) {
            const qsizetype at = r.body.indexOf(QByteArray("\"" + key.toLatin1() + "\":"));
            QVERIFY2(at > last, qPrintable(key));
            last = at;
        }
        QVERIFY(r.body.contains("\"voice_fallback_url\": null")); // nulls are printed
        static const QRegularExpression date(
            u"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000$"_s);
        QVERIFY(date.match(r.json().value(u"date_created"_s).toString()).hasMatch());
        QCOMPARE(r.json().value(u"uri"_s).toString(),
                 u"/2012-04-24/Accounts/"_s + m_admin.sid + u"/IncomingPhoneNumbers/"_s + sid + u".json"_s);
    }

    void applicationNameOnlyInLists() {
        // The main line answers through an application: the list (joined) names it, a GET does not.
        const QString sid = sidOf(u"+16502530000"_s, m_admin.sid);
        QVERIFY(!sid.isEmpty());
        const QJsonObject one = get(numbersPath(m_admin.sid) + u'/' + sid + u".json"_s).json();
        QVERIFY(!one.value(u"voice_application_sid"_s).toString().isEmpty());
        QCOMPARE(one.value(u"voice_application_name"_s), QJsonValue(QJsonValue::Null));
        QVERIFY(!one.contains(u"sms_application_name"_s)); // only next to a non-null sid
        const QJsonArray listed = get(numbersPath(m_admin.sid) + u".json?PhoneNumber=%2B16502530000"_s)
                                      .json()
                                      .value(u"incomingPhoneNumbers"_s)
                                      .toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(u"voice_application_name"_s).toString(), u"Main IVR"_s);
    }

    void filters_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");       // phone_number or friendly_name
        QTest::addColumn<QString>("needle");      // plain substring the server must match, or empty
        QTest::addColumn<QStringList>("exactly"); // or the exact phone numbers expected
        QTest::newRow("number substring")
            << u"PhoneNumber=6502530"_s << u"phone_number"_s << u"6502530"_s << QStringList{};
        QTest::newRow("full E.164") << u"PhoneNumber=%2B16502530001"_s << u"phone_number"_s
                                    << u"+16502530001"_s << QStringList{};
        QTest::newRow("star is literal")
            << u"PhoneNumber=1650*"_s << QString() << QString() << QStringList{u"+1650*"_s};
        QTest::newRow("percent is a wildcard")
            << u"PhoneNumber=1650%25000"_s << QString() << QString()
            << QStringList{u"+16502530000"_s, u"+16502530001"_s, u"+16502530002"_s};
        QTest::newRow("underscore is a wildcard")
            << u"PhoneNumber=1_34"_s << QString() << QString() << QStringList{u"1234"_s};
        QTest::newRow("friendly name substring, not exact")
            << u"FriendlyName=office"_s << u"friendly_name"_s << u"office"_s << QStringList{};
        QTest::newRow("friendly name case-sensitive")
            << u"FriendlyName=OFFICE"_s << QString() << QString() << QStringList{};
        QTest::newRow("both filters") << u"PhoneNumber=%2B1&FriendlyName=line"_s << QString() << QString()
                                      << QStringList{u"+16502530000"_s, u"+18005550199"_s};
    }

    void filters() {
        QFETCH(QString, query);
        QFETCH(QString, field);
        QFETCH(QString, needle);
        QFETCH(QStringList, exactly);
        const TestReply r = get(numbersPath(m_admin.sid) + u".json?PageSize=1000&"_s + query);
        QCOMPARE(r.status, 200);
        QStringList got;
        for (const QJsonValue& v : r.json().value(u"incomingPhoneNumbers"_s).toArray())
            got += v.toObject().value(u"phone_number"_s).toString();
        got.sort();
        QCOMPARE(r.json().value(u"total"_s).toInt(), got.size());
        if (!field.isEmpty()) {
            QStringList expected;
            for (const IncomingNumber& n : numbersOf(m_admin.sid))
                if (n.value(field).contains(needle))
                    expected += n.phoneNumber();
            expected.sort();
            QVERIFY(!expected.isEmpty());
            QCOMPARE(got, expected);
        } else {
            QCOMPARE(got, exactly);
        }
    }

    void subAccountNumbersAreNotListed() {
        const QJsonObject admin = get(numbersPath(m_admin.sid) + u".json?PageSize=1000"_s).json();
        QCOMPARE(admin.value(u"total"_s).toInt(), numbersOf(m_admin.sid).size());
        for (const QJsonValue& v : admin.value(u"incomingPhoneNumbers"_s).toArray())
            QCOMPARE(v.toObject().value(u"account_sid"_s).toString(), m_admin.sid);
        const QJsonObject branch = get(numbersPath(m_branch.sid) + u".json"_s).json();
        QCOMPARE(branch.value(u"total"_s).toInt(), numbersOf(m_branch.sid).size());
    }

    void pagingFields() {
        const int total = int(numbersOf(m_admin.sid).size());
        const int size = 5;
        const int numPages = total / size; // Restcomm: the index of the last page
        QVERIFY(total % size != 0);
        const QString uri = u"/2012-04-24/Accounts/"_s + m_admin.sid + u"/IncomingPhoneNumbers"_s;
        QStringList seen;
        for (int page = 0; page <= numPages; ++page) {
            const TestReply r =
                get(numbersPath(m_admin.sid) + u".json?PageSize=5&Page="_s + QString::number(page));
            QCOMPARE(r.status, 200);
            const QJsonObject o = r.json();
            const QJsonArray rows = o.value(u"incomingPhoneNumbers"_s).toArray();
            QCOMPARE(o.value(u"page"_s).toInt(), page);
            QCOMPARE(o.value(u"num_pages"_s).toInt(), numPages);
            QCOMPARE(o.value(u"page_size"_s).toInt(), size);
            QCOMPARE(o.value(u"total"_s).toInt(), total);
            QVERIFY(o.value(u"start"_s).isString()); // strings, not numbers
            QCOMPARE(o.value(u"start"_s).toString(), QString::number(page * size));
            const int end = page == numPages ? page * size + int(rows.size()) : page * size + size - 1;
            QCOMPARE(o.value(u"end"_s).toString(), QString::number(end));
            QCOMPARE(rows.size(), page == numPages ? total % size : size);
            QCOMPARE(o.value(u"uri"_s).toString(), uri);
            QCOMPARE(o.value(u"first_page_uri"_s).toString(), uri + u"?Page=0&PageSize=5"_s);
            QCOMPARE(o.value(u"last_page_uri"_s).toString(),
                     uri + u"?Page="_s + QString::number(numPages) + u"&PageSize=5"_s);
            QCOMPARE(o.value(u"previous_page_uri"_s).toString(),
                     page == 0 ? u"null"_s
                               : uri + u"?Page="_s + QString::number(page - 1) + u"&PageSize=5"_s);
            const QString lastSid = rows.last().toObject().value(u"sid"_s).toString();
            QCOMPARE(o.value(u"next_page_uri"_s).toString(),
                     page == numPages ? u"null"_s
                                      : uri + u"?Page="_s + QString::number(page + 1) +
                                            u"&PageSize=5&AfterSid="_s + lastSid);
            for (const QJsonValue& v : rows)
                seen += v.toObject().value(u"sid"_s).toString();
        }
        QCOMPARE(seen.size(), total);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), total);
        // Past the last page: 400 with an empty body. Junk numbers: 500.
        TestReply r =
            get(numbersPath(m_admin.sid) + u".json?PageSize=5&Page="_s + QString::number(numPages + 1));
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(get(numbersPath(m_admin.sid) + u".json?Page=two"_s).status, 500);
        QCOMPARE(get(numbersPath(m_admin.sid) + u".json?PageSize=0"_s).status, 500);
        // A total that is a multiple of the page size: the page after the full ones exists and is empty.
        r = get(numbersPath(m_admin.sid) + u".json?PageSize="_s + QString::number(total) + u"&Page=1"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"incomingPhoneNumbers"_s).toArray().size(), 0);
        QCOMPARE(r.json().value(u"next_page_uri"_s).toString(), u"null"_s);
        // SortBy/Reverse have no effect (Restcomm never emits ORDER BY), and /Local lists the same rows.
        const QJsonArray plain = get(numbersPath(m_admin.sid) + u".json?PageSize=100"_s)
                                     .json()
                                     .value(u"incomingPhoneNumbers"_s)
                                     .toArray();
        const QJsonArray sorted =
            get(numbersPath(m_admin.sid) + u".json?PageSize=100&SortBy=FriendlyName&Reverse=true"_s)
                .json()
                .value(u"incomingPhoneNumbers"_s)
                .toArray();
        QCOMPARE(sorted, plain);
        const QJsonObject local = get(numbersPath(m_admin.sid) + u"/Local.json?PageSize=100"_s).json();
        QCOMPARE(local.value(u"incomingPhoneNumbers"_s).toArray(), plain);
        QCOMPARE(local.value(u"uri"_s).toString(), uri + u"/Local"_s);
    }

    void provisioningRules_data() {
        QTest::addColumn<Params>("params");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no number") << Params{{u"FriendlyName"_s, u"x"_s}} << 400
                                   << QByteArray("Phone number can not be null.");
        // Docs: a random number in the area code. Server: the E.164 step dereferences null -> 500.
        QTest::newRow("area code only") << Params{{u"AreaCode"_s, u"650"_s}} << 500 << QByteArray();
        QTest::newRow("not in the provider's stock")
            << Params{{u"PhoneNumber"_s, u"+16505550100"_s}} << 400 << QByteArray("21452");
        QTest::newRow("already owned")
            << Params{{u"PhoneNumber"_s, u"+16502530001"_s}} << 400 << QByteArray("21452");
        QTest::newRow("owned, typed without +")
            << Params{{u"PhoneNumber"_s, u"16502530001"_s}} << 400 << QByteArray("21452");
        QTest::newRow("friendly name too long") << Params{{u"PhoneNumber"_s, u"4455"_s},
                                                          {u"isSIP"_s, u"true"_s},
                                                          {u"FriendlyName"_s, QString(65, u'x')}}
                                                << 500 << QByteArray();
        QTest::newRow("bad application sid") << Params{{u"PhoneNumber"_s, u"4455"_s},
                                                       {u"isSIP"_s, u"true"_s},
                                                       {u"VoiceApplicationSid"_s, u"AP1"_s}}
                                             << 500 << QByteArray();
        QTest::newRow("bad URL") << Params{{u"PhoneNumber"_s, u"4455"_s},
                                           {u"isSIP"_s, u"true"_s},
                                           {u"VoiceUrl"_s, u"http://a b"_s}}
                                 << 500 << QByteArray();
        QTest::newRow("method too long")
            << Params{{u"PhoneNumber"_s, u"4455"_s}, {u"isSIP"_s, u"true"_s}, {u"VoiceMethod"_s, u"DELETE"_s}}
            << 500 << QByteArray();
        QTest::newRow("SIP number") << Params{{u"PhoneNumber"_s, u"4455"_s}, {u"isSIP"_s, u"true"_s}} << 200
                                    << QByteArray();
        QTest::newRow("SIP number taken in this org")
            << Params{{u"PhoneNumber"_s, u"7777"_s}, {u"isSIP"_s, u"TRUE"_s}} << 400 << QByteArray("21452");
    }

    void provisioningRules() {
        QFETCH(Params, params);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const qsizetype before = m_service->numbers().size();
        const TestReply r = send("POST", numbersPath(m_admin.sid) + u".json"_s, params);
        QCOMPARE(r.status, status);
        if (status != 200)
            QCOMPARE(r.body, body);
        QCOMPARE(m_service->numbers().size(), before + (status == 200 ? 1 : 0));
    }

    void sipNumbersPerOrganisation() {
        // The same SIP number once per organisation; regexes are stored verbatim.
        const Params sip{{u"PhoneNumber"_s, u"11223344"_s}, {u"isSIP"_s, u"true"_s}};
        TestReply r = send("POST", numbersPath(m_admin.sid) + u".json"_s, sip);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"phone_number"_s).toString(), u"11223344"_s);
        QCOMPARE(send("POST", numbersPath(m_sibling.sid) + u".json"_s, sip, &m_sibling).status,
                 400); // same org
        QCOMPARE(send("POST", numbersPath(m_branch.sid) + u".json"_s, sip, &m_branch).status,
                 200); // other org
        r = send(
            "POST", numbersPath(m_admin.sid) + u"/Local.json"_s,
            {{u"PhoneNumber"_s, u"^\\+4930.*"_s}, {u"isSIP"_s, u"true"_s}, {u"FriendlyName"_s, u"Berlin"_s}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"phone_number"_s).toString(), u"^\\+4930.*"_s);
        // isSIP=false (present): no provider purchase, stored as a provider number (Restcomm quirk).
        r = send("POST", numbersPath(m_admin.sid) + u".json"_s,
                 {{u"PhoneNumber"_s, u"+16505550100"_s}, {u"isSIP"_s, u"false"_s}});
        QCOMPARE(r.status, 200);
    }

    void badFormBodies() {
        TestReply r = m_client->send("POST", numbersPath(m_admin.sid) + u".json"_s, "PhoneNumber=%zz",
                                     "application/x-www-form-urlencoded", {auth(m_admin)});
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains("percent-encoding") && r.body.contains("PhoneNumber"), r.body.constData());
        r = m_client->send("POST", numbersPath(m_admin.sid) + u".json"_s, "isSIP=true&PhoneNumber=%-1",
                           "application/x-www-form-urlencoded", {auth(m_admin)});
        QCOMPARE(r.status, 400);
        r = m_client->send("POST", numbersPath(m_admin.sid) + u".json"_s, R"({"PhoneNumber":"1234"})",
                           "application/json", {auth(m_admin)});
        QCOMPARE(r.status, 415);
        QVERIFY(r.body.contains("application/x-www-form-urlencoded"));
    }

    void updateFormFields() {
        const QString sid = sidOf(u"+16502530001"_s, m_admin.sid);
        const QString path = numbersPath(m_admin.sid) + u'/' + sid + u".json"_s;
        const QJsonObject before = get(path).json();
        TestReply r = send("POST", path,
                           {{u"VoiceUrl"_s, u"https://apps.example.com/voice2.xml"_s},
                            {u"VoiceMethod"_s, u"GET"_s},
                            {u"SmsUrl"_s, u"https://apps.example.com/sms2.xml"_s},
                            {u"SMSMethod"_s, u"GET"_s}, // wrong case: ignored
                            {u"VoiceCallerIdLookup"_s, u"TRUE"_s},
                            {u"PhoneNumber"_s, u"+19999999999"_s}, // cannot be changed
                            {u"ApiVersion"_s, u"2099"_s}});
        QCOMPARE(r.status, 200);
        QJsonObject n = r.json();
        QCOMPARE(n.value(u"voice_url"_s).toString(), u"https://apps.example.com/voice2.xml"_s);
        QCOMPARE(n.value(u"voice_method"_s).toString(), u"GET"_s);
        QCOMPARE(n.value(u"sms_url"_s).toString(), u"https://apps.example.com/sms2.xml"_s);
        QCOMPARE(n.value(u"sms_method"_s).toString(), u"POST"_s);
        QCOMPARE(n.value(u"voice_caller_id_lookup"_s).toBool(), true);
        QCOMPARE(n.value(u"phone_number"_s).toString(), u"+16502530001"_s);
        QCOMPARE(n.value(u"api_version"_s).toString(), u"2099"_s);
        QVERIFY(n.value(u"date_updated"_s).toString() != before.value(u"date_updated"_s).toString());
        // The SQL UPDATE stores neither date_updated nor api_version: a later GET shows the old ones.
        const QJsonObject reread = get(path).json();
        QCOMPARE(reread.value(u"api_version"_s).toString(), u"2012-04-24"_s);
        QCOMPARE(reread.value(u"date_updated"_s).toString(), before.value(u"date_updated"_s).toString());
        QCOMPARE(reread.value(u"voice_url"_s).toString(), u"https://apps.example.com/voice2.xml"_s);
        // PUT is the same; an empty URL clears it; parameters left out keep their values.
        r = send("PUT", path, {{u"SmsUrl"_s, QString()}, {u"FriendlyName"_s, u"Sales team"_s}});
        QCOMPARE(r.status, 200);
        n = r.json();
        QCOMPARE(n.value(u"sms_url"_s), QJsonValue(QJsonValue::Null));
        QCOMPARE(n.value(u"friendly_name"_s).toString(), u"Sales team"_s);
        QCOMPARE(n.value(u"voice_method"_s).toString(), u"GET"_s);
        // Unknown, malformed, other account's.
        QCOMPARE(
            send("POST", numbersPath(m_admin.sid) + u"/PN00000000000000000000000000000000.json"_s, {}).status,
            404);
        QCOMPARE(send("POST", numbersPath(m_admin.sid) + u"/PN42.json"_s, {}).status, 500);
        const QString branchSid = numbersOf(m_branch.sid).first().sid();
        QCOMPARE(send("POST", numbersPath(m_admin.sid) + u'/' + branchSid + u".json"_s, {}).status, 403);
        QCOMPARE(send("POST", path, {{u"VoiceUrl"_s, u"not a uri"_s}}).status, 500);
    }

    void deleteAnswers204() {
        const QString sid = sidOf(u"+14155550143"_s, m_admin.sid);
        const QString path = numbersPath(m_admin.sid) + u'/' + sid + u".json"_s;
        const TestReply r = m_client->del(path, {auth(m_admin)});
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(m_client->del(path, {auth(m_admin)}).status, 404);
        QCOMPARE(get(path).status, 404);
        QVERIFY(sidOf(u"+14155550143"_s, m_admin.sid).isEmpty());
        // Released at the provider: it can be bought again.
        QCOMPARE(send("POST", numbersPath(m_admin.sid) + u".json"_s, {{u"PhoneNumber"_s, u"+14155550143"_s}})
                     .status,
                 200);
        QCOMPARE(m_client->request("PATCH", path, {}, {auth(m_admin)}).status, 405);
    }

    void regexNumbersRouteLikeRestcomm_data() {
        QTest::addColumn<QString>("dialed");
        QTest::addColumn<QString>("handledBy"); // stored phone_number, empty = nobody
        QTest::addColumn<int>("kind");
        QTest::newRow("exact DID") << u"+16502530000"_s << u"+16502530000"_s
                                   << int(trunkline::core::RouteMatch::Kind::Exact);
        QTest::newRow("DID typed nationally")
            << u"6502530002"_s << u"+16502530002"_s << int(trunkline::core::RouteMatch::Kind::Exact);
        QTest::newRow("SIP extension")
            << u"1234"_s << u"1234"_s << int(trunkline::core::RouteMatch::Kind::Exact);
        QTest::newRow("other 650 number: anchored regex")
            << u"6505551234"_s << u"^\\+1650.*"_s << int(trunkline::core::RouteMatch::Kind::Regex);
        QTest::newRow("star code") << u"*7712333#"_s << u"^*77...33#$"_s
                                   << int(trunkline::core::RouteMatch::Kind::Regex);
        QTest::newRow("anything else: catch-all")
            << u"5551234"_s << u"*"_s << int(trunkline::core::RouteMatch::Kind::Regex);
    }

    void regexNumbersRouteLikeRestcomm() {
        QFETCH(QString, dialed);
        QFETCH(QString, handledBy);
        QFETCH(int, kind);
        // The listed numbers (as a client sees them) drive the core route matcher; destination = the
        // admin's organisation, as for a call to its domain.
        const QJsonArray listed = get(numbersPath(m_admin.sid) + u".json?PageSize=1000"_s)
                                      .json()
                                      .value(u"incomingPhoneNumbers"_s)
                                      .toArray();
        QList<trunkline::core::RouteEntry> entries;
        for (const QJsonValue& v : listed) {
            const QString number = v.toObject().value(u"phone_number"_s).toString();
            const IncomingNumber* stored = nullptr;
            const QList<IncomingNumber> all = m_service->numbers();
            for (const IncomingNumber& n : all)
                if (n.sid() == v.toObject().value(u"sid"_s).toString())
                    stored = &n;
            QVERIFY(stored);
            entries.append({number, stored->organizationSid, stored->pureSip, stored->sid()});
        }
        QVERIFY(std::any_of(entries.cbegin(), entries.cend(),
                            [](const auto& e) { return e.phoneNumber == u"+1650*"; }));
        const trunkline::core::RouteMatch m =
            trunkline::core::RouteMatcher::match(dialed, entries, {}, m_admin.organizationSid);
        QCOMPARE(int(m.kind), kind);
        QCOMPARE(entries.at(m.entryIndex).phoneNumber, handledBy);
    }

    void restoredSessionKeepsSidsUnique() {
        const Params sip{{u"PhoneNumber"_s, u"4455"_s}, {u"isSIP"_s, u"true"_s}};
        const QString first =
            send("POST", numbersPath(m_admin.sid) + u".json"_s, sip).json().value(u"sid"_s).toString();
        QVERIFY(!first.isEmpty());
        const QJsonObject state = m_service->snapshot();
        // A restart with the same seed and the saved state: the sid generator starts over.
        init();
        m_service->restore(state);
        QCOMPARE(get(numbersPath(m_admin.sid) + u'/' + first + u".json"_s).status, 200);
        const QString second = send("POST", numbersPath(m_admin.sid) + u".json"_s,
                                    {{u"PhoneNumber"_s, u"4456"_s}, {u"isSIP"_s, u"true"_s}})
                                   .json()
                                   .value(u"sid"_s)
                                   .toString();
        QVERIFY(!second.isEmpty());
        QVERIFY(second != first);
    }
};

QTEST_GUILESS_MAIN(TestRestcommIncomingNumbersApi)
#include "tst_RestcommIncomingNumbersApi.moc"
