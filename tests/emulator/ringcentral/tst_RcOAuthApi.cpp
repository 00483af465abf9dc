// RingCentral emulator over real sockets. OAuth: the JWT-bearer and refresh grants, token lifetimes on the
// scaled clock, revoke, and the API's answer to missing or unknown tokens.

#include "RcApiTest.h"

using namespace trunkline::emulator;
using namespace trunkline::emulator::test;

class tst_RcOAuthApi : public RcApiTest {
    Q_OBJECT

private slots:
    void jwtLoginGivesDocumentedTokenFields();
    void tokenRequestFailures_data();
    void tokenRequestFailures();
    void refreshTokensAreSingleUse();
    void accessTokenExpiresOnScaledClock();
    void revokeEndsTheSession();
    void apiRejectsMissingAndUnknownTokens();
    void readOnlyAppIsRefusedChangesNamingThePermission();
};

void tst_RcOAuthApi::jwtLoginGivesDocumentedTokenFields() {
    const TestReply reply = m_client->rcTokenRequest(m_client->credentials().ringCentralAdminJwt);
    QCOMPARE(reply.status, 200);
    const QJsonObject token = reply.json();
    QCOMPARE(token.value(s("token_type")).toString(), s("bearer"));
    QCOMPARE(token.value(s("expires_in")).toInt(), 3600);
    QCOMPARE(token.value(s("refresh_token_expires_in")).toInt(), 604800);
    QVERIFY(!token.value(s("access_token")).toString().isEmpty());
    QVERIFY(!token.value(s("refresh_token")).toString().isEmpty());
    QVERIFY(!token.value(s("scope")).toString().isEmpty());
    QVERIFY(!token.value(s("session_id")).toString().isEmpty());
    // owner_id is the extension of the JWT: the admin reads it back as ~.
    const TestReply me = m_client->get(
        path(s("/extension/~")), {EmulatorTestClient::bearer(token.value(s("access_token")).toString())});
    QCOMPARE(me.status, 200);
    QCOMPARE(QString::number(static_cast<qint64>(me.json().value(s("id")).toDouble())),
             token.value(s("owner_id")).toString());
    QVERIFY(obj(obj(me.json().value(s("permissions"))).value(s("admin"))).value(s("enabled")).toBool());
}

void tst_RcOAuthApi::tokenRequestFailures_data() {
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("authorization"); // "good", "bad-secret", "none", "bearer"
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("errorCode");

    const QString jwtGrant = s("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=");
    const QString form = s("application/x-www-form-urlencoded");
    QTest::newRow("bad client secret")
        << jwtGrant + s("JWT") << form << s("bad-secret") << 401 << s("invalid_client") << s("OAU-146");
    QTest::newRow("no client authentication")
        << jwtGrant + s("JWT") << form << s("none") << 401 << s("invalid_client") << s("OAU-123");
    QTest::newRow("not basic") << jwtGrant + s("JWT") << form << s("bearer") << 401 << s("invalid_client")
                               << s("OAU-123");
    QTest::newRow("tampered JWT") << jwtGrant + s("TAMPERED") << form << s("good") << 400
                                  << s("invalid_grant") << s("OAU-140");
    QTest::newRow("garbage JWT") << jwtGrant + s("abc.def.ghi") << form << s("good") << 400
                                 << s("invalid_grant") << s("OAU-140");
    QTest::newRow("missing assertion")
        << s("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer") << form << s("good") << 400
        << s("invalid_request") << s("OAU-101");
    QTest::newRow("missing grant type")
        << s("assertion=x") << form << s("good") << 400 << s("invalid_request") << s("OAU-101");
    QTest::newRow("password grant") << s("grant_type=password&username=a&password=b") << form << s("good")
                                    << 401 << s("unauthorized_client") << s("OAU-125");
    QTest::newRow("unknown grant") << s("grant_type=magic") << form << s("good") << 400
                                   << s("unsupported_grant_type") << s("OAU-125");
    QTest::newRow("unknown refresh token") << s("grant_type=refresh_token&refresh_token=nope") << form
                                           << s("good") << 400 << s("invalid_grant") << s("OAU-211");
    QTest::newRow("duplicated parameter") << s("grant_type=refresh_token&grant_type=refresh_token") << form
                                          << s("good") << 400 << s("invalid_request") << s("OAU-111");
    QTest::newRow("JSON body") << s("{\"grant_type\":\"password\"}") << s("application/json") << s("good")
                               << 415 << s("invalid_request") << s("CMN-104");
}

void tst_RcOAuthApi::tokenRequestFailures() {
    QFETCH(QString, body);
    QFETCH(QString, contentType);
    QFETCH(QString, authorization);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, errorCode);
    const DemoCredentials c = m_client->credentials();
    QString jwt = c.ringCentralAdminJwt;
    jwt.chop(3);
    body.replace(s("=TAMPERED"), s("=") + jwt + s("AAA"));
    body.replace(s("=JWT"), s("=") + c.ringCentralAdminJwt);
    HeaderList headers;
    if (authorization == u"good")
        headers.append(EmulatorTestClient::basicAuth(c.ringCentralClientId, c.ringCentralClientSecret));
    else if (authorization == u"bad-secret")
        headers.append(EmulatorTestClient::basicAuth(c.ringCentralClientId, s("wrong")));
    else if (authorization == u"bearer")
        headers.append(EmulatorTestClient::bearer(s("x")));
    const TestReply reply =
        m_client->send("POST", s("/restapi/oauth/token"), body.toUtf8(), contentType.toUtf8(), headers);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json().value(s("error")).toString(), error);
    QCOMPARE(reply.rcErrorCode(), errorCode);
    QVERIFY(!reply.json().value(s("error_description")).toString().isEmpty());
    QVERIFY2(!reply.body.contains(c.ringCentralClientSecret.toUtf8()), "errors must not echo secrets");
}

void tst_RcOAuthApi::refreshTokensAreSingleUse() {
    const DemoCredentials c = m_client->credentials();
    const QJsonObject first = m_client->rcTokenRequest(c.ringCentralUserJwt).json();
    const TestReply second = m_client->rcRefresh(first.value(s("refresh_token")).toString());
    QCOMPARE(second.status, 200);
    const QString newAccess = second.json().value(s("access_token")).toString();
    QVERIFY(newAccess != first.value(s("access_token")).toString());
    QVERIFY(second.json().value(s("refresh_token")).toString() != first.value(s("refresh_token")).toString());

    // The old access token died with the refresh, the new one works.
    QCOMPARE(m_client
                 ->get(path(s("/extension/~")),
                       {EmulatorTestClient::bearer(first.value(s("access_token")).toString())})
                 .status,
             401);
    QCOMPARE(m_client->get(path(s("/extension/~")), {EmulatorTestClient::bearer(newAccess)}).status, 200);

    // Reusing the old refresh token fails; the new one still works once.
    const TestReply reused = m_client->rcRefresh(first.value(s("refresh_token")).toString());
    QCOMPARE(reused.status, 400);
    QCOMPARE(reused.json().value(s("error")).toString(), s("invalid_grant"));
    QCOMPARE(reused.rcErrorCode(), s("OAU-211"));
    QCOMPARE(m_client->rcRefresh(second.json().value(s("refresh_token")).toString()).status, 200);
}

void tst_RcOAuthApi::accessTokenExpiresOnScaledClock() {
    EmulatorOptions options = quietOptions();
    options.timeScale = 1800; // one emulated hour per two real seconds
    EmulatorTestClient fast(options);
    QVERIFY(fast.started());
    const QJsonObject token = fast.rcTokenRequest(fast.credentials().ringCentralAdminJwt).json();
    // Wire values are real seconds: 3600 s / 1800 and 604800 s / 1800.
    QCOMPARE(token.value(s("expires_in")).toInt(), 2);
    QCOMPARE(token.value(s("refresh_token_expires_in")).toInt(), 336);
    const HeaderList auth{EmulatorTestClient::bearer(token.value(s("access_token")).toString())};
    QCOMPARE(fast.get(path(s("/extension/~")), auth).status, 200);
    TestReply expired;
    QTRY_VERIFY_WITH_TIMEOUT((expired = fast.get(path(s("/extension/~")), auth)).status == 401, 5000);
    QCOMPARE(expired.json().value(s("errorCode")).toString(), s("TokenExpired"));
    QCOMPARE(expired.rcErrorCode(), s("OAU-128"));
    // The refresh token outlives it.
    QCOMPARE(fast.rcRefresh(token.value(s("refresh_token")).toString()).status, 200);
}

void tst_RcOAuthApi::revokeEndsTheSession() {
    const DemoCredentials c = m_client->credentials();
    const QJsonObject token = m_client->rcTokenRequest(c.ringCentralAdminJwt).json();
    const HeaderList auth{EmulatorTestClient::bearer(token.value(s("access_token")).toString())};
    QCOMPARE(m_client->get(path(QString()), auth).status, 200);
    QUrlQuery form;
    form.addQueryItem(s("token"), token.value(s("access_token")).toString());
    QCOMPARE(m_client->postForm(s("/restapi/oauth/revoke"), form, {m_client->rcAppAuth()}).status, 200);
    const TestReply after = m_client->get(path(QString()), auth);
    QCOMPARE(after.status, 401);
    QCOMPARE(after.rcErrorCode(), s("OAU-149"));
    // The session's refresh token is gone too.
    QCOMPARE(m_client->rcRefresh(token.value(s("refresh_token")).toString()).status, 400);
}

void tst_RcOAuthApi::apiRejectsMissingAndUnknownTokens() {
    const TestReply none = m_client->get(path(QString()));
    QCOMPARE(none.status, 401);
    QCOMPARE(none.rcErrorCode(), s("AGW-401"));
    const TestReply bogus = m_client->get(path(QString()), {EmulatorTestClient::bearer(s("bogus"))});
    QCOMPARE(bogus.status, 401);
    QCOMPARE(bogus.json().value(s("errorCode")).toString(), s("TokenInvalid"));
    QCOMPARE(bogus.rcErrorCode(), s("OAU-149"));
    // The discouraged query parameter works too.
    const QString token = QString::fromLatin1(m_admin.first().second.mid(7));
    QCOMPARE(m_client->get(path(s("?access_token=")) + token).status, 200);
}

// The second demo app was granted ReadAccounts only: its token says so, reading works, and every change is
// refused with CMN-401 naming the app permission it needs, whoever signs in (here the administrator).
void tst_RcOAuthApi::readOnlyAppIsRefusedChangesNamingThePermission() {
    const DemoCredentials c = m_client->credentials();
    QVERIFY(!c.ringCentralReadOnlyClientId.isEmpty() &&
            c.ringCentralReadOnlyClientId != c.ringCentralClientId);
    QUrlQuery form;
    form.addQueryItem(s("grant_type"), s("urn:ietf:params:oauth:grant-type:jwt-bearer"));
    form.addQueryItem(s("assertion"), c.ringCentralAdminJwt);
    const TestReply token = m_client->postForm(
        s("/restapi/oauth/token"), form,
        {EmulatorTestClient::basicAuth(c.ringCentralReadOnlyClientId, c.ringCentralReadOnlyClientSecret)});
    QCOMPARE(token.status, 200);
    QCOMPARE(token.json().value(s("scope")).toString(), s("ReadAccounts"));
    const HeaderList readOnly{EmulatorTestClient::bearer(token.json().value(s("access_token")).toString())};

    QCOMPARE(m_client->get(path(s("/extension/~")), readOnly).status, 200);
    const TestReply edit = m_client->putJson(path(s("/extension/~")), QJsonObject{}, readOnly);
    QCOMPARE(edit.status, 403);
    QCOMPARE(edit.rcErrorCode(), s("CMN-401"));
    QVERIFY2(edit.body.contains("[EditExtensions]"), edit.body.constData());
    const TestReply create = m_client->postJson(path(s("/extension")), QJsonObject{}, readOnly);
    QCOMPARE(create.status, 403);
    QVERIFY2(create.body.contains("[EditAccounts]"), create.body.constData());

    // The full app's token carries every permission, and its changes are not refused for a scope.
    const TestReply full = m_client->rcTokenRequest(c.ringCentralAdminJwt);
    QCOMPARE(full.json().value(s("scope")).toString(), s("ReadAccounts EditAccounts EditExtensions"));
}

QTEST_GUILESS_MAIN(tst_RcOAuthApi)
#include "tst_RcOAuthApi.moc"
