// Restcomm emulator over real sockets. The service as a whole: Basic authentication (token or its MD5, sid or
// e-mail), account lineage, JSON or XML by suffix and Accept, deterministic state round trip and injected
// faults.

#include "RestcommApiTest.h"

using namespace trunkline::emulator::test;

class TestRestcommService : public RestcommApiTest {
    Q_OBJECT

private Q_SLOTS:
    void authentication_data() {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("status");
        QTest::newRow("no credentials") << QString() << QString() << 401;
        QTest::newRow("wrong token") << u"{admin}"_s << u"wrong"_s << 401;
        QTest::newRow("unknown user") << u"ACffffffffffffffffffffffffffffffff"_s << u"{token}"_s << 401;
        QTest::newRow("sid and token") << u"{admin}"_s << u"{token}"_s << 200;
        QTest::newRow("email and token") << u"administrator@company.com"_s << u"{token}"_s << 200;
        QTest::newRow("inactive account") << u"{closed}"_s << u"{closedToken}"_s << 403;
    }

    void authentication() {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(int, status);
        user.replace(u"{admin}"_s, m_admin.sid).replace(u"{closed}"_s, m_closed.sid);
        password.replace(u"{token}"_s, m_admin.authToken).replace(u"{closedToken}"_s, m_closed.authToken);
        HeaderList headers;
        if (!user.isEmpty())
            headers.append(EmulatorTestClient::basicAuth(user, password));
        const TestReply r = m_client->get(numbersPath(m_admin.sid) + u".json"_s, headers);
        QCOMPARE(r.status, status);
        if (status == 401)
            QCOMPARE(r.header("www-authenticate"), QByteArray("Basic realm=\"Restcomm realm\""));
        if (status == 403)
            QCOMPARE(r.body, QByteArray("Provided Account is not active"));
    }

    void passwordWhoseMd5IsTheToken() {
        // Restcomm stores MD5 hex of the password; both the password and the stored value log in.
        QJsonObject state = m_service->snapshot();
        QJsonArray accounts = state.value(u"accounts"_s).toArray();
        QJsonObject admin = accounts.at(0).toObject();
        admin.insert(u"auth_token"_s, md5(u"RestComm"_s));
        accounts.replace(0, admin);
        state.insert(u"accounts"_s, accounts);
        m_service->restore(state);
        const QString path = numbersPath(m_admin.sid) + u".json"_s;
        QCOMPARE(m_client->get(path, {EmulatorTestClient::basicAuth(m_admin.sid, u"RestComm"_s)}).status,
                 200);
        QCOMPARE(m_client->get(path, {EmulatorTestClient::basicAuth(m_admin.sid, md5(u"RestComm"_s))}).status,
                 200);
        QCOMPARE(m_client->get(path, {EmulatorTestClient::basicAuth(m_admin.sid, u"restcomm"_s)}).status,
                 401);
    }

    void accountLineage() {
        // A parent may act on a sub-account; a sub-account not on its parent or a sibling.
        QCOMPARE(get(numbersPath(m_branch.sid) + u".json"_s).status, 200);
        QCOMPARE(get(numbersPath(m_admin.sid) + u".json"_s, &m_branch).status, 403);
        QCOMPARE(get(numbersPath(m_branch.sid) + u".json"_s, &m_sibling).status, 403);
        QCOMPARE(send("POST", numbersPath(m_branch.sid) + u".json"_s,
                      {{u"PhoneNumber"_s, u"5566"_s}, {u"isSIP"_s, u"true"_s}}, &m_sibling)
                     .status,
                 403);
        // Instance operations need the number to belong to the path's account.
        const QString adminNumber = numbersOf(m_admin.sid).first().sid();
        QCOMPARE(get(numbersPath(m_branch.sid) + u'/' + adminNumber + u".json"_s).status, 403);
        // An unknown account in the path: Restcomm dereferences it before its null check (500).
        QCOMPARE(get(numbersPath(u"ACffffffffffffffffffffffffffffffff"_s) + u".json"_s).status, 500);
        // The number search checks the path's account the same way.
        auto searchPath = [](const QString& account) -> QString {
            return u"/restcomm/2012-04-24/Accounts/"_s + account + u"/AvailablePhoneNumbers/US/Local.json"_s;
        };
        QCOMPARE(get(searchPath(m_branch.sid)).status, 200);
        QCOMPARE(get(searchPath(m_admin.sid), &m_branch).status, 403);
        QCOMPARE(get(searchPath(u"ACffffffffffffffffffffffffffffffff"_s)).status, 500);
    }

    void formatFollowsSuffixAndAccept_data() {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<bool>("json");
        QTest::newRow(".json") << u".json"_s << QByteArray() << true;
        QTest::newRow(".json beats Accept") << u".json"_s << QByteArray("application/xml") << true;
        QTest::newRow("no Accept: XML") << QString() << QByteArray() << false;
        QTest::newRow("Accept json") << QString() << QByteArray("application/json") << true;
        QTest::newRow("Accept */*: XML") << QString() << QByteArray("*/*") << false;
    }

    void formatFollowsSuffixAndAccept() {
        QFETCH(QString, suffix);
        QFETCH(QByteArray, accept);
        QFETCH(bool, json);
        HeaderList headers;
        // QNetworkAccessManager sends no Accept by default; an explicit empty one is the same.
        if (!accept.isEmpty())
            headers.append({QByteArrayLiteral("Accept"), accept});
        const TestReply list = get(numbersPath(m_admin.sid) + suffix, nullptr, headers);
        QCOMPARE(list.status, 200);
        const QString sid = numbersOf(m_admin.sid).first().sid();
        const TestReply one = get(numbersPath(m_admin.sid) + u'/' + sid + suffix, nullptr, headers);
        QCOMPARE(one.status, 200);
        if (json) {
            QVERIFY(list.header("content-type").contains("json"));
            QCOMPARE(list.json().value(u"page"_s).toInt(), 0);
            QCOMPARE(one.json().value(u"sid"_s).toString(), sid);
            QVERIFY(one.json().value(u"uri"_s).toString().endsWith(sid + u".json"_s));
        } else {
            QVERIFY(list.header("content-type").contains("xml"));
            QVERIFY(list.body.contains("<RestcommResponse><IncomingPhoneNumbers page=\"0\""));
            QVERIFY(one.body.contains(QByteArray("<Sid>" + sid.toLatin1() + "</Sid>")));
            QVERIFY(one.body.contains(
                QByteArray("/IncomingPhoneNumbers/" + sid.toLatin1() + "</Uri>"))); // no .json in XML
        }
    }

    void deterministicSnapshotRoundTrip() {
        EmulatorOptions options;
        RestcommService a(5, options);
        RestcommService b(5, options);
        RestcommService c(6, options);
        QCOMPARE(a.snapshot(), b.snapshot());
        QVERIFY(a.snapshot() != c.snapshot());
        QVERIFY(a.credentialLine().startsWith(u"restcomm account_sid=AC"_s));
        QVERIFY(a.credentialLine().contains(u" auth_token="_s + a.accounts().first().authToken));
        c.restore(a.snapshot());
        QCOMPARE(c.snapshot(), a.snapshot());
        QCOMPARE(c.numbers().size(), a.numbers().size());
        const auto fault = a.faultResponse(429, 2);
        QCOMPARE(fault.status, 429);
        QVERIFY(fault.body.isEmpty());
        QVERIFY(fault.headers.contains(qMakePair(QByteArray("Retry-After"), QByteArray("2"))));
        options.numbers = 120; // --numbers scales the admin's list for paging
        RestcommService big(5, options);
        QCOMPARE(big.numbers().size(), qsizetype(120));
    }
};

QTEST_GUILESS_MAIN(TestRestcommService)
#include "tst_RestcommService.moc"
