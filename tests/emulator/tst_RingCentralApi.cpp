#include "EmulatorTestClient.h"
#include "core/PhoneNumber.h"

#include <QSignalSpy>
#include <QTest>

using namespace trunkline::emulator;
using namespace trunkline::emulator::test;

namespace {

QString s(const char* text) {
    return QString::fromUtf8(text);
}

QJsonObject obj(const QJsonValue& v) {
    return v.toObject();
}

EmulatorOptions quietOptions() {
    EmulatorOptions options;
    options.rateLimits = false; // rate limits have their own tests
    return options;
}

} // namespace

class tst_RingCentralApi : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // OAuth
    void jwtLoginGivesDocumentedTokenFields();
    void tokenRequestFailures_data();
    void tokenRequestFailures();
    void refreshTokensAreSingleUse();
    void accessTokenExpiresOnScaledClock();
    void revokeEndsTheSession();
    void apiRejectsMissingAndUnknownTokens();

    // account and extensions
    void accountAndServiceInfo();
    void extensionPaging_data();
    void extensionPaging();
    void extensionFilters_data();
    void extensionFilters();
    void createExtension();
    void createExtensionRejectsBadBodies_data();
    void createExtensionRejectsBadBodies();
    void updateExtension();
    void updateExtensionIsAllOrNothing();
    void deleteExtension();

    // phone numbers
    void accountPhoneNumbers();
    void extensionPhoneNumbers();
    void nonAdminVisibilityAndForbiddenOperations();

    // forwarding
    void forwardingNumberLifecycle();
    void forwardingNumberRules_data();
    void forwardingNumberRules();
    void atMostTenForwardingNumbers();

    // settings
    void callerId();
    void notificationSettings();
    void businessHoursAndAnsweringRule();

    // rate limits
    void rateLimitHeadersAnd429();
    void penaltyRestartsWhileKnocking();
    void rateLimitsOff();
    void authGroupLimit();

    void unknownUriIs404();

private:
    std::unique_ptr<EmulatorTestClient> m_client;
    HeaderList m_admin;
    HeaderList m_user;
    QString path(const QString& tail) const { return QStringLiteral("/restapi/v1.0/account/~") + tail; }
};

void tst_RingCentralApi::init() {
    m_client = std::make_unique<EmulatorTestClient>(quietOptions());
    QVERIFY2(m_client->started(), qPrintable(m_client->startError()));
    const QString admin = m_client->rcLogin(true);
    const QString user = m_client->rcLogin(false);
    QVERIFY(!admin.isEmpty() && !user.isEmpty());
    m_admin = {EmulatorTestClient::bearer(admin)};
    m_user = {EmulatorTestClient::bearer(user)};
}

void tst_RingCentralApi::cleanup() {
    m_client.reset();
}

// --- OAuth -------------------------------------------------------------------------------------------

void tst_RingCentralApi::jwtLoginGivesDocumentedTokenFields() {
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

void tst_RingCentralApi::tokenRequestFailures_data() {
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

void tst_RingCentralApi::tokenRequestFailures() {
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

void tst_RingCentralApi::refreshTokensAreSingleUse() {
    const DemoCredentials c = m_client->credentials();
    const QJsonObject first = m_client->rcTokenRequest(c.ringCentralUserJwt).json();
    auto refresh = [&](const QString& token) {
        QUrlQuery form;
        form.addQueryItem(s("grant_type"), s("refresh_token"));
        form.addQueryItem(s("refresh_token"), token);
        return m_client->postForm(
            s("/restapi/oauth/token"), form,
            {EmulatorTestClient::basicAuth(c.ringCentralClientId, c.ringCentralClientSecret)});
    };
    const TestReply second = refresh(first.value(s("refresh_token")).toString());
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
    const TestReply reused = refresh(first.value(s("refresh_token")).toString());
    QCOMPARE(reused.status, 400);
    QCOMPARE(reused.json().value(s("error")).toString(), s("invalid_grant"));
    QCOMPARE(reused.rcErrorCode(), s("OAU-211"));
    QCOMPARE(refresh(second.json().value(s("refresh_token")).toString()).status, 200);
}

void tst_RingCentralApi::accessTokenExpiresOnScaledClock() {
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
    QUrlQuery form;
    form.addQueryItem(s("grant_type"), s("refresh_token"));
    form.addQueryItem(s("refresh_token"), token.value(s("refresh_token")).toString());
    const DemoCredentials c = fast.credentials();
    QCOMPARE(fast.postForm(s("/restapi/oauth/token"), form,
                           {EmulatorTestClient::basicAuth(c.ringCentralClientId, c.ringCentralClientSecret)})
                 .status,
             200);
}

void tst_RingCentralApi::revokeEndsTheSession() {
    const DemoCredentials c = m_client->credentials();
    const QJsonObject token = m_client->rcTokenRequest(c.ringCentralAdminJwt).json();
    const HeaderList auth{EmulatorTestClient::bearer(token.value(s("access_token")).toString())};
    QCOMPARE(m_client->get(path(QString()), auth).status, 200);
    QUrlQuery form;
    form.addQueryItem(s("token"), token.value(s("access_token")).toString());
    QCOMPARE(m_client
                 ->postForm(s("/restapi/oauth/revoke"), form,
                            {EmulatorTestClient::basicAuth(c.ringCentralClientId, c.ringCentralClientSecret)})
                 .status,
             200);
    const TestReply after = m_client->get(path(QString()), auth);
    QCOMPARE(after.status, 401);
    QCOMPARE(after.rcErrorCode(), s("OAU-149"));
    // The session's refresh token is gone too.
    QUrlQuery refresh;
    refresh.addQueryItem(s("grant_type"), s("refresh_token"));
    refresh.addQueryItem(s("refresh_token"), token.value(s("refresh_token")).toString());
    QCOMPARE(m_client
                 ->postForm(s("/restapi/oauth/token"), refresh,
                            {EmulatorTestClient::basicAuth(c.ringCentralClientId, c.ringCentralClientSecret)})
                 .status,
             400);
}

void tst_RingCentralApi::apiRejectsMissingAndUnknownTokens() {
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

// --- account and extensions --------------------------------------------------------------------------

void tst_RingCentralApi::accountAndServiceInfo() {
    const TestReply account = m_client->get(path(QString()), m_admin);
    QCOMPARE(account.status, 200);
    const QJsonObject a = account.json();
    const qint64 id = static_cast<qint64>(a.value(s("id")).toDouble());
    QVERIFY(id > 0);
    QVERIFY(a.value(s("mainNumber")).toString().startsWith(u'+'));
    QCOMPARE(a.value(s("status")).toString(), s("Confirmed"));
    QCOMPARE(static_cast<qint64>(obj(a.value(s("operator"))).value(s("id")).toDouble()),
             id); // system extension
    QCOMPARE(m_client->get(s("/restapi/v1.0/account/%1").arg(id), m_admin).status, 200);
    const TestReply other = m_client->get(s("/restapi/v1.0/account/12345"), m_admin);
    QCOMPARE(other.status, 404);
    QCOMPARE(other.rcErrorCode(), s("CMN-102"));
    const TestReply info = m_client->get(path(s("/service-info")), m_user);
    QCOMPARE(info.status, 200);
    QVERIFY(!info.json().value(s("serviceFeatures")).toArray().isEmpty());
}

void tst_RingCentralApi::extensionPaging_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("perPage");
    QTest::addColumn<bool>("hasNext");
    QTest::addColumn<bool>("hasPrevious");

    // 250 extensions.
    QTest::newRow("default") << QString() << 200 << 100 << 100 << true << false;
    QTest::newRow("middle page") << s("?page=2&perPage=100") << 200 << 100 << 100 << true << true;
    QTest::newRow("last page") << s("?page=3&perPage=100") << 200 << 50 << 100 << false << true;
    QTest::newRow("past the end") << s("?page=4&perPage=100") << 200 << 0 << 100 << false << false;
    QTest::newRow("perPage clamped") << s("?perPage=5000") << 200 << 250 << 1000 << false << false;
    QTest::newRow("perPage max") << s("?perPage=max") << 200 << 250 << 1000 << false << false;
    QTest::newRow("perPage 1") << s("?perPage=1&page=250") << 200 << 1 << 1 << false << true;
    QTest::newRow("perPage 0") << s("?perPage=0") << 400 << 0 << 0 << false << false;
    QTest::newRow("page not a number") << s("?page=two") << 400 << 0 << 0 << false << false;
}

void tst_RingCentralApi::extensionPaging() {
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(int, records);
    QFETCH(int, perPage);
    QFETCH(bool, hasNext);
    QFETCH(bool, hasPrevious);
    EmulatorOptions options = quietOptions();
    options.extensions = 250;
    EmulatorTestClient big(options);
    QVERIFY(big.started());
    const TestReply reply =
        big.get(path(s("/extension")) + query, {EmulatorTestClient::bearer(big.rcLogin())});
    QCOMPARE(reply.status, status);
    if (status != 200) {
        QCOMPARE(reply.rcErrorCode(), s("CMN-101"));
        QVERIFY(!reply.json().value(s("parameterName")).toString().isEmpty());
        return;
    }
    const QJsonObject body = reply.json();
    QCOMPARE(body.value(s("records")).toArray().size(), records);
    const QJsonObject paging = obj(body.value(s("paging")));
    QCOMPARE(paging.value(s("perPage")).toInt(), perPage);
    QCOMPARE(paging.value(s("totalElements")).toInt(), 250);
    QCOMPARE(paging.value(s("totalPages")).toInt(), (250 + perPage - 1) / perPage);
    QCOMPARE(paging.contains(s("pageStart")), records > 0);
    if (records > 0)
        QCOMPARE(paging.value(s("pageEnd")).toInt() - paging.value(s("pageStart")).toInt() + 1, records);
    const QJsonObject navigation = obj(body.value(s("navigation")));
    QCOMPARE(navigation.contains(s("nextPage")), hasNext);
    QCOMPARE(navigation.contains(s("previousPage")), hasPrevious);
    QVERIFY(navigation.contains(s("firstPage")) && navigation.contains(s("lastPage")));
    if (hasNext) {
        // The next-page link is absolute and works as it is.
        const QUrl next(obj(navigation.value(s("nextPage"))).value(s("uri")).toString());
        QCOMPARE(next.host(), s("127.0.0.1"));
        const TestReply nextPage =
            big.get(next.path() + u'?' + next.query(), {EmulatorTestClient::bearer(big.rcLogin())});
        QCOMPARE(obj(nextPage.json().value(s("paging"))).value(s("page")).toInt(),
                 paging.value(s("page")).toInt() + 1);
    }
}

void tst_RingCentralApi::extensionFilters_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("allowed");
    QTest::newRow("type") << s("?type=Department") << s("type") << QStringList{s("Department")};
    QTest::newRow("two types") << s("?type=Department&type=Announcement") << s("type")
                               << QStringList{s("Department"), s("Announcement")};
    QTest::newRow("status") << s("?status=Enabled") << s("status") << QStringList{s("Enabled")};
    QTest::newRow("extension number")
        << s("?extensionNumber=102") << s("extensionNumber") << QStringList{s("102")};
}

void tst_RingCentralApi::extensionFilters() {
    QFETCH(QString, query);
    QFETCH(QString, field);
    QFETCH(QStringList, allowed);
    EmulatorOptions options = quietOptions();
    options.extensions = 300;
    EmulatorTestClient big(options);
    QVERIFY(big.started());
    const HeaderList auth{EmulatorTestClient::bearer(big.rcLogin())};
    const QJsonArray all =
        big.get(path(s("/extension?perPage=1000")), auth).json().value(s("records")).toArray();
    int expected = 0;
    for (const auto& r : all)
        expected += allowed.contains(obj(r).value(field).toString()) ? 1 : 0;
    QVERIFY2(expected > 0, "the demo data must contain the filtered kind");
    const QJsonArray filtered = big.get(path(s("/extension")) + query + s("&perPage=1000"), auth)
                                    .json()
                                    .value(s("records"))
                                    .toArray();
    QCOMPARE(filtered.size(), expected);
    for (const auto& r : filtered)
        QVERIFY(allowed.contains(obj(r).value(field).toString()));
    const TestReply bad = big.get(path(s("/extension?type=Robot")), auth);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json().value(s("parameterName")).toString(), s("type"));
}

void tst_RingCentralApi::createExtension() {
    const QJsonObject body{
        {s("contact"), QJsonObject{{s("firstName"), s("Nora")},
                                   {s("lastName"), s("Berg")},
                                   {s("email"), s("nora.berg@example.com")},
                                   {s("businessPhone"), s("+4930901820")}}},
        {s("extensionNumber"), s("555")},
        {s("type"), s("User")},
        {s("status"), s("Enabled")},
        {s("regionalSettings"), QJsonObject{{s("timezone"), QJsonObject{{s("id"), s("70")}}}}}};
    const TestReply created = m_client->postJson(path(s("/extension")), body, m_admin);
    QCOMPARE(created.status, 200); // RingCentral answers 200, not 201
    const QJsonObject e = created.json();
    QCOMPARE(e.value(s("name")).toString(), s("Nora Berg"));
    QCOMPARE(e.value(s("extensionNumber")).toString(), s("555"));
    QCOMPARE(e.value(s("status")).toString(), s("Enabled"));
    QCOMPARE(obj(obj(e.value(s("regionalSettings"))).value(s("timezone"))).value(s("name")).toString(),
             s("Europe/Berlin"));
    const qint64 id = static_cast<qint64>(e.value(s("id")).toDouble());
    const TestReply read = m_client->get(path(s("/extension/%1")).arg(id), m_admin);
    QCOMPARE(read.status, 200);
    QCOMPARE(obj(read.json().value(s("contact"))).value(s("businessPhone")).toString(), s("+4930901820"));
    // Without a number one is assigned; without a status the extension waits for activation.
    const TestReply second =
        m_client->postJson(path(s("/extension")),
                           QJsonObject{{s("contact"), QJsonObject{{s("firstName"), s("Auto")},
                                                                  {s("email"), s("auto@example.com")}}}},
                           m_admin);
    QCOMPARE(second.status, 200);
    QVERIFY(!second.json().value(s("extensionNumber")).toString().isEmpty());
    QCOMPARE(second.json().value(s("status")).toString(), s("NotActivated"));
    // The same number again is a duplicate.
    const TestReply duplicate = m_client->postJson(path(s("/extension")), body, m_admin);
    QCOMPARE(duplicate.status, 400);
    QCOMPARE(duplicate.rcErrorCode(), s("CMN-406"));
    QCOMPARE(duplicate.json().value(s("parameterName")).toString(), s("extensionNumber"));
}

void tst_RingCentralApi::createExtensionRejectsBadBodies_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("malformed JSON") << QByteArray("{\"contact\": {") << s("CMN-103") << QString();
    QTest::newRow("array body") << QByteArray("[]") << s("CMN-103") << QString();
    QTest::newRow("empty body") << QByteArray() << s("CMN-103") << QString();
    QTest::newRow("no contact") << QByteArray("{\"extensionNumber\":\"600\"}") << s("CMN-101")
                                << s("contact");
    QTest::newRow("no email") << QByteArray(R"({"contact":{"firstName":"A"}})") << s("CMN-101")
                              << s("contact.email");
    QTest::newRow("no first name") << QByteArray(R"({"contact":{"email":"a@example.com"}})") << s("CMN-101")
                                   << s("contact.firstName");
    QTest::newRow("first name wrong type")
        << QByteArray(R"({"contact":{"firstName":5,"email":"a@example.com"}})") << s("CMN-101")
        << s("contact.firstName");
    QTest::newRow("bad email") << QByteArray(R"({"contact":{"firstName":"A","email":"not-an-email"}})")
                               << s("CMN-101") << s("contact.email");
    QTest::newRow("bad business phone")
        << QByteArray(R"({"contact":{"firstName":"A","email":"a@example.com","businessPhone":"030 1234"}})")
        << s("CMN-101") << s("contact.businessPhone");
    QTest::newRow("letters in extension number")
        << QByteArray(R"({"contact":{"firstName":"A","email":"a@example.com"},"extensionNumber":"12a"})")
        << s("CMN-101") << s("extensionNumber");
    QTest::newRow("type not creatable")
        << QByteArray(R"({"contact":{"firstName":"A","email":"a@example.com"},"type":"IvrMenu"})")
        << s("CMN-101") << s("type");
    QTest::newRow("unknown time zone")
        << QByteArray(
               R"({"contact":{"firstName":"A","email":"a@example.com"},"regionalSettings":{"timezone":{"id":"9999"}}})")
        << s("CMN-101") << s("regionalSettings.timezone.id");
    QTest::newRow("first name too long")
        << QByteArray(R"({"contact":{"firstName":")" + QByteArray(65, 'x') + R"(","email":"a@example.com"}})")
        << s("CMN-101") << s("contact.firstName");
}

void tst_RingCentralApi::createExtensionRejectsBadBodies() {
    QFETCH(QByteArray, body);
    QFETCH(QString, errorCode);
    QFETCH(QString, parameter);
    const int before = obj(m_client->get(path(s("/extension")), m_admin).json().value(s("paging")))
                           .value(s("totalElements"))
                           .toInt();
    const TestReply reply = m_client->send("POST", path(s("/extension")), body, "application/json", m_admin);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.rcErrorCode(), errorCode);
    QCOMPARE(reply.json().value(s("errors")).toArray().at(0).toObject().value(s("parameterName")).toString(),
             parameter);
    QVERIFY(!reply.json().value(s("message")).toString().isEmpty());
    QCOMPARE(obj(m_client->get(path(s("/extension")), m_admin).json().value(s("paging")))
                 .value(s("totalElements"))
                 .toInt(),
             before);
}

void tst_RingCentralApi::updateExtension() {
    const TestReply updated = m_client->putJson(
        path(s("/extension/~")),
        QJsonObject{{s("contact"), QJsonObject{{s("firstName"), s("Renamed")}, {s("jobTitle"), s("Boss")}}},
                    {s("extensionNumber"), s("199")},
                    {s("regionalSettings"), QJsonObject{{s("timezone"), QJsonObject{{s("id"), s("61")}}},
                                                        {s("timeFormat"), s("24h")}}}},
        m_admin);
    QCOMPARE(updated.status, 200);
    const QJsonObject e = updated.json();
    QVERIFY(e.value(s("name")).toString().startsWith(s("Renamed ")));
    QCOMPARE(obj(e.value(s("contact"))).value(s("jobTitle")).toString(), s("Boss"));
    QCOMPARE(e.value(s("extensionNumber")).toString(), s("199"));
    QCOMPARE(obj(e.value(s("regionalSettings"))).value(s("timeFormat")).toString(), s("24h"));
    QCOMPARE(obj(obj(e.value(s("regionalSettings"))).value(s("timezone"))).value(s("id")).toString(),
             s("61"));
    // The list finds it under its new number, the old one is free.
    QCOMPARE(m_client->get(path(s("/extension?extensionNumber=199")), m_admin)
                 .json()
                 .value(s("records"))
                 .toArray()
                 .size(),
             1);
    QCOMPARE(m_client->get(path(s("/extension?extensionNumber=101")), m_admin)
                 .json()
                 .value(s("records"))
                 .toArray()
                 .size(),
             0);
    // Status changes, but Unassigned cannot be set.
    QCOMPARE(m_client->putJson(path(s("/extension/~")), {{s("status"), s("Disabled")}}, m_admin)
                 .json()
                 .value(s("status"))
                 .toString(),
             s("Disabled"));
    const TestReply unassigned =
        m_client->putJson(path(s("/extension/~")), {{s("status"), s("Unassigned")}}, m_admin);
    QCOMPARE(unassigned.status, 400);
    QCOMPARE(unassigned.json().value(s("parameterName")).toString(), s("status"));
    // transition is an object (ringcentral-java#19), not an array.
    const TestReply transition =
        m_client->putJson(path(s("/extension/~")), {{s("transition"), QJsonArray{}}}, m_admin);
    QCOMPARE(transition.status, 400);
    QCOMPARE(transition.json().value(s("errorCode")).toString(), s("InvalidParameter"));
    QCOMPARE(transition.rcErrorCode(), s("CMN-101"));
}

void tst_RingCentralApi::updateExtensionIsAllOrNothing() {
    const QJsonObject before = m_client->get(path(s("/extension/~")), m_admin).json();
    const TestReply reply = m_client->putJson(
        path(s("/extension/~")),
        QJsonObject{{s("contact"), QJsonObject{{s("firstName"), s("Half")}, {s("mobilePhone"), s("+1")}}}},
        m_admin);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json().value(s("parameterName")).toString(), s("contact.mobilePhone"));
    QCOMPARE(m_client->get(path(s("/extension/~")), m_admin).json().value(s("name")),
             before.value(s("name")));
}

void tst_RingCentralApi::deleteExtension() {
    const QJsonObject created =
        m_client
            ->postJson(path(s("/extension")),
                       QJsonObject{{s("contact"), QJsonObject{{s("firstName"), s("Gone")},
                                                              {s("email"), s("g@example.com")}}}},
                       m_admin)
            .json();
    const QString id = QString::number(static_cast<qint64>(created.value(s("id")).toDouble()));
    QCOMPARE(m_client->del(path(s("/extension/")) + id, m_admin).status, 204);
    const TestReply gone = m_client->get(path(s("/extension/")) + id, m_admin);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.rcErrorCode(), s("CMN-102"));
    QCOMPARE(gone.json().value(s("parameterName")).toString(), s("extensionId"));
    QCOMPARE(m_client->del(path(s("/extension/")) + id, m_admin).status, 404);
    // The system extension stays.
    QCOMPARE(m_client->del(path(s("/extension/~")), m_admin).status, 403);

    // A user's direct numbers become company numbers unless savePhoneNumbers=false.
    const QJsonArray numbers =
        m_client->get(path(s("/phone-number?usageType=DirectNumber&perPage=1000")), m_admin)
            .json()
            .value(s("records"))
            .toArray();
    QVERIFY(!numbers.isEmpty());
    const QJsonObject first = numbers.at(numbers.size() - 1).toObject();
    const QString owner =
        QString::number(static_cast<qint64>(obj(first.value(s("extension"))).value(s("id")).toDouble()));
    QCOMPARE(m_client->del(path(s("/extension/")) + owner, m_admin).status, 204);
    const TestReply number = m_client->get(
        path(s("/phone-number/%1")).arg(static_cast<qint64>(first.value(s("id")).toDouble())), m_admin);
    QCOMPARE(number.status, 200);
    QCOMPARE(number.json().value(s("usageType")).toString(), s("CompanyNumber"));
    QVERIFY(!number.json().contains(s("extension")));
}

// --- phone numbers -----------------------------------------------------------------------------------

void tst_RingCentralApi::accountPhoneNumbers() {
    const TestReply all = m_client->get(path(s("/phone-number?perPage=1000")), m_admin);
    QCOMPARE(all.status, 200);
    const QJsonArray records = all.json().value(s("records")).toArray();
    QCOMPARE(records.size(), 20); // the default small office
    QSet<QString> usage;
    for (const auto& r : records) {
        usage.insert(obj(r).value(s("usageType")).toString());
        QVERIFY(!obj(r).contains(s("features"))); // not in CompanyPhoneNumberInfo
        QVERIFY(trunkline::core::PhoneNumber::isE164(obj(r).value(s("phoneNumber")).toString()));
    }
    QVERIFY(usage.contains(s("MainCompanyNumber")) && usage.contains(s("DirectNumber")) &&
            usage.contains(s("CompanyNumber")));
    const QJsonArray direct =
        m_client->get(path(s("/phone-number?usageType=DirectNumber&usageType=MainCompanyNumber")), m_admin)
            .json()
            .value(s("records"))
            .toArray();
    for (const auto& r : direct) {
        const QString type = obj(r).value(s("usageType")).toString();
        QVERIFY(type == u"DirectNumber" || type == u"MainCompanyNumber");
        QCOMPARE(obj(r).contains(s("extension")), type == u"DirectNumber");
    }
    const TestReply bad = m_client->get(path(s("/phone-number?usageType=Nonsense")), m_admin);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json().value(s("parameterName")).toString(), s("usageType"));
    QCOMPARE(m_client->get(path(s("/phone-number/1")), m_admin).status, 404);
}

void tst_RingCentralApi::extensionPhoneNumbers() {
    const TestReply mine = m_client->get(path(s("/extension/~/phone-number")), m_admin);
    QCOMPARE(mine.status, 200);
    const QJsonArray records = mine.json().value(s("records")).toArray();
    QVERIFY(!records.isEmpty());
    bool sawDirectWithFeatures = false;
    for (const auto& r : records) {
        QVERIFY(obj(r).contains(s("features")));
        if (obj(r).value(s("usageType")).toString() == u"DirectNumber")
            sawDirectWithFeatures = obj(r).value(s("features")).toArray().contains(s("CallerId"));
    }
    QVERIFY(sawDirectWithFeatures);
    const TestReply direct =
        m_client->get(path(s("/extension/~/phone-number?usageType=MainCompanyNumber")), m_admin);
    QCOMPARE(direct.json().value(s("records")).toArray().size(), 1);
    QCOMPARE(m_client->get(path(s("/extension/999/phone-number")), m_admin).status, 404);
}

void tst_RingCentralApi::nonAdminVisibilityAndForbiddenOperations() {
    // Account numbers: only other extensions' direct numbers, whatever was asked for.
    const QString me = QString::number(
        static_cast<qint64>(m_client->get(path(s("/extension/~")), m_user).json().value(s("id")).toDouble()));
    const QJsonArray numbers =
        m_client
            ->get(path(s("/phone-number?usageType=MainCompanyNumber&usageType=DirectNumber&perPage=1000")),
                  m_user)
            .json()
            .value(s("records"))
            .toArray();
    QVERIFY(!numbers.isEmpty());
    for (const auto& r : numbers) {
        QCOMPARE(obj(r).value(s("usageType")).toString(), s("DirectNumber"));
        QVERIFY(QString::number(
                    static_cast<qint64>(obj(obj(r).value(s("extension"))).value(s("id")).toDouble())) != me);
    }
    // Another extension's numbers: direct numbers without features.
    const QString adminId = QString::number(static_cast<qint64>(
        m_client->get(path(s("/extension/~")), m_admin).json().value(s("id")).toDouble()));
    const QJsonArray others = m_client->get(path(s("/extension/")) + adminId + s("/phone-number"), m_user)
                                  .json()
                                  .value(s("records"))
                                  .toArray();
    QVERIFY(!others.isEmpty());
    for (const auto& r : others) {
        QCOMPARE(obj(r).value(s("usageType")).toString(), s("DirectNumber"));
        QVERIFY(!obj(r).contains(s("features")));
    }
    // Own data works; the admin's does not; admin operations answer 403 with the documented codes.
    QCOMPARE(m_client->get(path(s("/extension/~/forwarding-number")), m_user).status, 200);
    QCOMPARE(m_client
                 ->putJson(path(s("/extension/~")), {{s("contact"), QJsonObject{{s("jobTitle"), s("Me")}}}},
                           m_user)
                 .status,
             200);
    struct Forbidden {
        QByteArray method;
        QString path;
        QString code;
    };
    const QList<Forbidden> forbidden = {
        {"GET", path(s("/extension/")) + adminId, s("CMN-404")},
        {"GET", path(s("/extension/")) + adminId + s("/forwarding-number"), s("CMN-404")},
        {"GET", path(s("/extension/")) + adminId + s("/caller-id"), s("CMN-404")},
        {"PUT", path(s("/extension/")) + adminId, s("CMN-404")},
        {"POST", path(s("/extension")), s("CMN-408")},
        {"DELETE", path(s("/extension/")) + adminId, s("CMN-408")},
        {"PUT", path(s("/extension/~")), s("CMN-402")},
    };
    for (const Forbidden& f : forbidden) {
        const QByteArray body = f.code == u"CMN-402" ? QByteArray(R"({"status":"Disabled"})")
                                : f.method == "GET" || f.method == "DELETE"
                                    ? QByteArray()
                                    : QByteArray(R"({"contact":{"firstName":"X","email":"x@example.com"}})");
        const TestReply reply = m_client->request(
            f.method, f.path, body,
            body.isEmpty() ? m_user : m_user + HeaderList{{"Content-Type", "application/json"}});
        QVERIFY2(reply.status == 403, qPrintable(QString::fromLatin1(f.method) + u' ' + f.path));
        QCOMPARE(reply.rcErrorCode(), f.code);
    }
    // Nothing changed.
    QCOMPARE(m_client->get(path(s("/extension/~")), m_user).json().value(s("status")).toString(),
             s("Enabled"));
}

// --- forwarding ----------------------------------------------------------------------------------------

void tst_RingCentralApi::forwardingNumberLifecycle() {
    const QString list = path(s("/extension/~/forwarding-number"));
    const qsizetype before = m_client->get(list, m_admin).json().value(s("records")).toArray().size();
    const TestReply created = m_client->postJson(
        list, QJsonObject{{s("phoneNumber"), s("+4915112345678")}, {s("label"), s("Ferienhaus")}}, m_admin);
    QCOMPARE(created.status, 200);
    const QJsonObject f = created.json();
    QVERIFY(f.value(s("id")).isString());
    QCOMPARE(f.value(s("type")).toString(), s("Other"));
    QCOMPARE(f.value(s("label")).toString(), s("Ferienhaus"));
    QCOMPARE(f.value(s("flipNumber")).toString(), QString::number(before + 1)); // next free shortcut digit
    QVERIFY(f.value(s("features")).toArray().contains(s("CallForwarding")));
    const QString one = list + u'/' + f.value(s("id")).toString();
    QCOMPARE(m_client->get(one, m_admin).json().value(s("phoneNumber")).toString(), s("+4915112345678"));
    QCOMPARE(m_client->get(list, m_admin).json().value(s("records")).toArray().size(), before + 1);

    // Update: label (type Other), flip number as a string; a predefined type relabels.
    const TestReply updated =
        m_client->putJson(one, {{s("label"), s("Garten")}, {s("flipNumber"), s("9")}}, m_admin);
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json().value(s("label")).toString(), s("Garten"));
    QCOMPARE(updated.json().value(s("flipNumber")).toString(), s("9"));
    QCOMPARE(m_client->putJson(one, {{s("type"), s("Mobile")}}, m_admin).json().value(s("label")).toString(),
             s("Mobile"));
    const TestReply intFlip = m_client->putJson(one, {{s("flipNumber"), 3}}, m_admin);
    QCOMPARE(intFlip.status, 400);
    QCOMPARE(intFlip.json().value(s("parameterName")).toString(), s("flipNumber"));

    // Delete one, then bulk-delete the rest.
    QCOMPARE(m_client->del(one, m_admin).status, 204);
    QCOMPARE(m_client->get(one, m_admin).status, 404);
    QCOMPARE(m_client->del(one, m_admin).rcErrorCode(), s("CMN-102"));
    QJsonArray records;
    for (const auto& r : m_client->get(list, m_admin).json().value(s("records")).toArray())
        records.append(QJsonObject{{s("forwardingNumberId"), obj(r).value(s("id"))}});
    QJsonArray withUnknown = records;
    withUnknown.append(QJsonObject{{s("forwardingNumberId"), s("1")}});
    const QByteArray bad = QJsonDocument(QJsonObject{{s("records"), withUnknown}}).toJson();
    QCOMPARE(m_client->del(list, m_admin, bad).status, 404); // all or nothing
    QCOMPARE(m_client->get(list, m_admin).json().value(s("records")).toArray().size(), records.size());
    QCOMPARE(
        m_client->del(list, m_admin, QJsonDocument(QJsonObject{{s("records"), records}}).toJson()).status,
        204);
    QCOMPARE(m_client->get(list, m_admin).json().value(s("records")).toArray().size(), 0);
}

void tst_RingCentralApi::forwardingNumberRules_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("not E.164: national")
        << QByteArray(R"({"phoneNumber":"030 1234567"})") << 400 << s("CMN-101") << s("phoneNumber");
    QTest::newRow("not E.164: leading 0")
        << QByteArray(R"({"phoneNumber":"+0301234567"})") << 400 << s("CMN-101") << s("phoneNumber");
    QTest::newRow("not E.164: too short")
        << QByteArray(R"({"phoneNumber":"+1"})") << 400 << s("CMN-101") << s("phoneNumber");
    QTest::newRow("not E.164: spaces")
        << QByteArray(R"({"phoneNumber":"+49 30 1234567"})") << 400 << s("CMN-101") << s("phoneNumber");
    QTest::newRow("invalid number") << QByteArray(R"({"phoneNumber":"+999123456789"})") << 400 << s("CMN-101")
                                    << s("phoneNumber");
    QTest::newRow("wrong type") << QByteArray(R"({"phoneNumber":4930123})") << 400 << s("CMN-101")
                                << s("phoneNumber");
    QTest::newRow("missing number") << QByteArray(R"({"label":"x"})") << 400 << s("CMN-101")
                                    << s("phoneNumber");
    QTest::newRow("label too long") << QByteArray(R"({"phoneNumber":"+4915112345670","label":")" +
                                                  QByteArray(61, 'x') + "\"}")
                                    << 400 << s("CMN-101") << s("label");
    QTest::newRow("unknown type") << QByteArray(R"({"phoneNumber":"+4915112345670","type":"Pager"})") << 400
                                  << s("CMN-101") << s("type");
    QTest::newRow("flip number as string")
        << QByteArray(R"({"phoneNumber":"+4915112345670","flipNumber":"4"})") << 400 << s("CMN-101")
        << s("flipNumber");
    QTest::newRow("flip number out of range")
        << QByteArray(R"({"phoneNumber":"+4915112345670","flipNumber":11})") << 400 << s("CMN-101")
        << s("flipNumber");
    QTest::newRow("in-account direct number")
        << QByteArray("DIRECT") << 400 << s("CMN-101") << s("phoneNumber");
    QTest::newRow("main company number") << QByteArray("MAIN") << 400 << s("CMN-101") << s("phoneNumber");
    QTest::newRow("duplicate") << QByteArray("DUPLICATE") << 400 << s("CMN-406") << s("phoneNumber");
    QTest::newRow("phone line without device")
        << QByteArray(R"({"type":"PhoneLine"})") << 404 << s("CMN-102") << s("device.id");
    QTest::newRow("malformed JSON") << QByteArray(R"({"phoneNumber":)") << 400 << s("CMN-103") << QString();
    QTest::newRow("valid") << QByteArray(R"({"phoneNumber":"+4915112345670","type":"Home","flipNumber":8})")
                           << 200 << QString() << QString();
}

void tst_RingCentralApi::forwardingNumberRules() {
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    QFETCH(QString, parameter);
    const QString list = path(s("/extension/~/forwarding-number"));
    auto numberBody = [](const QString& number) {
        return QJsonDocument(QJsonObject{{s("phoneNumber"), number}}).toJson();
    };
    if (body == "DIRECT") {
        const QJsonArray direct = m_client->get(path(s("/phone-number?usageType=DirectNumber")), m_admin)
                                      .json()
                                      .value(s("records"))
                                      .toArray();
        body = numberBody(obj(direct.last()).value(s("phoneNumber")).toString());
    } else if (body == "MAIN") {
        body = numberBody(m_client->get(path(QString()), m_admin).json().value(s("mainNumber")).toString());
    } else if (body == "DUPLICATE") {
        QCOMPARE(
            m_client->send("POST", list, numberBody(s("+12125550123")), "application/json", m_admin).status,
            200);
        body = numberBody(s("+12125550123"));
    }
    const qsizetype before = m_client->get(list, m_admin).json().value(s("records")).toArray().size();
    const TestReply reply = m_client->send("POST", list, body, "application/json", m_admin);
    QCOMPARE(reply.status, status);
    const qsizetype after = m_client->get(list, m_admin).json().value(s("records")).toArray().size();
    if (status == 200) {
        QCOMPARE(after, before + 1);
        QCOMPARE(reply.json().value(s("label")).toString(), s("Home"));
        QCOMPARE(reply.json().value(s("flipNumber")).toString(), s("8"));
        return;
    }
    QCOMPARE(after, before);
    QCOMPARE(reply.rcErrorCode(), errorCode);
    QCOMPARE(reply.json().value(s("errors")).toArray().at(0).toObject().value(s("parameterName")).toString(),
             parameter);
}

void tst_RingCentralApi::atMostTenForwardingNumbers() {
    const QString list = path(s("/extension/~/forwarding-number"));
    qsizetype count = m_client->get(list, m_admin).json().value(s("records")).toArray().size();
    for (int i = 0; count < 10; ++i, ++count)
        QCOMPARE(m_client
                     ->postJson(list,
                                {{s("phoneNumber"), s("+49151000000%1").arg(i, 2, 10, QLatin1Char('0'))}},
                                m_admin)
                     .status,
                 200);
    const TestReply eleventh = m_client->postJson(list, {{s("phoneNumber"), s("+4915100000099")}}, m_admin);
    QCOMPARE(eleventh.status, 400);
    QVERIFY(eleventh.json().value(s("message")).toString().contains(s("10")));
    QCOMPARE(m_client->get(list, m_admin).json().value(s("records")).toArray().size(), 10);
}

// --- settings ----------------------------------------------------------------------------------------

void tst_RingCentralApi::callerId() {
    const QString uri = path(s("/extension/~/caller-id"));
    const TestReply read = m_client->get(uri, m_admin);
    QCOMPARE(read.status, 200);
    const QJsonArray features = read.json().value(s("byFeature")).toArray();
    QVERIFY(features.size() >= 5);
    const QString mainId = QString::number(
        static_cast<qint64>(m_client->get(path(s("/phone-number?usageType=MainCompanyNumber")), m_admin)
                                .json()
                                .value(s("records"))
                                .toArray()
                                .first()
                                .toObject()
                                .value(s("id"))
                                .toDouble()));
    const QJsonObject change{
        {s("byFeature"),
         QJsonArray{
             QJsonObject{{s("feature"), s("RingOut")},
                         {s("callerId"), QJsonObject{{s("type"), s("PhoneNumber")},
                                                     {s("phoneInfo"), QJsonObject{{s("id"), mainId}}}}}},
             QJsonObject{{s("feature"), s("MobileApp")},
                         {s("callerId"), QJsonObject{{s("type"), s("Blocked")}}}}}},
        {s("extensionNameForOutboundCalls"), true}};
    const TestReply updated = m_client->putJson(uri, change, m_admin);
    QCOMPARE(updated.status, 200);
    QVERIFY(updated.json().value(s("extensionNameForOutboundCalls")).toBool());
    bool sawRingOut = false;
    bool sawBlocked = false;
    for (const auto& f : m_client->get(uri, m_admin).json().value(s("byFeature")).toArray()) {
        const QJsonObject callerId = obj(obj(f).value(s("callerId")));
        if (obj(f).value(s("feature")).toString() == u"RingOut")
            sawRingOut = obj(callerId.value(s("phoneInfo"))).value(s("id")).toString() == mainId;
        if (obj(f).value(s("feature")).toString() == u"MobileApp")
            sawBlocked = callerId.value(s("type")).toString() == u"Blocked";
    }
    QVERIFY(sawRingOut && sawBlocked);
    // Another user's direct number cannot be shown; unknown features are rejected.
    const QJsonArray direct = m_client->get(path(s("/phone-number?usageType=DirectNumber")), m_user)
                                  .json()
                                  .value(s("records"))
                                  .toArray();
    const QString foreign =
        QString::number(static_cast<qint64>(direct.first().toObject().value(s("id")).toDouble()));
    const TestReply notMine = m_client->putJson(
        uri,
        {{s("byFeature"),
          QJsonArray{
              QJsonObject{{s("feature"), s("RingOut")},
                          {s("callerId"), QJsonObject{{s("type"), s("PhoneNumber")},
                                                      {s("phoneInfo"), QJsonObject{{s("id"), foreign}}}}}}}}},
        m_user);
    QCOMPARE(notMine.status, 400);
    QCOMPARE(notMine.json().value(s("parameterName")).toString(), s("byFeature.callerId.phoneInfo.id"));
    const TestReply badFeature = m_client->putJson(
        uri,
        {{s("byFeature"),
          QJsonArray{QJsonObject{{s("feature"), s("Telepathy")}, {s("callerId"), QJsonObject{}}}}}},
        m_admin);
    QCOMPARE(badFeature.status, 400);
    QCOMPARE(badFeature.json().value(s("parameterName")).toString(), s("byFeature.feature"));
}

void tst_RingCentralApi::notificationSettings() {
    const QString uri = path(s("/extension/~/notification-settings"));
    const QJsonObject read = m_client->get(uri, m_admin).json();
    QVERIFY(read.value(s("voicemails")).toObject().value(s("notifyByEmail")).toBool());
    const TestReply updated = m_client->putJson(
        uri,
        {{s("voicemails"), QJsonObject{{s("notifyBySms"), true},
                                       {s("advancedSmsPhoneNumbers"), QJsonArray{s("+4915112345678")}}}},
         {s("emailAddresses"), QJsonArray{s("ops@example.com")}}},
        m_admin);
    QCOMPARE(updated.status, 200);
    const QJsonObject after = m_client->get(uri, m_admin).json();
    QVERIFY(obj(after.value(s("voicemails"))).value(s("notifyBySms")).toBool());
    QVERIFY(obj(after.value(s("voicemails"))).value(s("notifyByEmail")).toBool()); // untouched fields stay
    QCOMPARE(after.value(s("emailAddresses")).toArray().first().toString(), s("ops@example.com"));

    const TestReply noAddress =
        m_client->putJson(uri, {{s("includeManagers"), false}, {s("emailAddresses"), QJsonArray{}}}, m_admin);
    QCOMPARE(noAddress.status, 400);
    QCOMPARE(noAddress.json().value(s("parameterName")).toString(), s("emailAddresses"));
    const TestReply badMail = m_client->putJson(uri, {{s("emailAddresses"), QJsonArray{s("nope")}}}, m_admin);
    QCOMPARE(badMail.status, 400);
    const TestReply badType =
        m_client->putJson(uri, {{s("missedCalls"), QJsonObject{{s("notifyByEmail"), s("yes")}}}}, m_admin);
    QCOMPARE(badType.status, 400);
    QCOMPARE(badType.json().value(s("parameterName")).toString(), s("missedCalls.notifyByEmail"));
}

void tst_RingCentralApi::businessHoursAndAnsweringRule() {
    const QString ext = path(s("/extension/~"));
    QCOMPARE(m_client->get(ext + s("/answering-rule"), m_admin).json().value(s("records")).toArray().size(),
             2);
    // A forwarding number to ring in the business-hours rule.
    const QString forwardingId =
        m_client->postJson(ext + s("/forwarding-number"), {{s("phoneNumber"), s("+4915199887766")}}, m_admin)
            .json()
            .value(s("id"))
            .toString();
    const QJsonObject rule{
        {s("callHandlingAction"), s("ForwardCalls")},
        {s("forwarding"),
         QJsonObject{
             {s("ringingMode"), s("Simultaneously")},
             {s("rules"), QJsonArray{QJsonObject{{s("index"), 1},
                                                 {s("ringCount"), 3},
                                                 {s("forwardingNumbers"),
                                                  QJsonArray{QJsonObject{{s("id"), forwardingId}}}}}}}}}};
    const TestReply put = m_client->putJson(ext + s("/answering-rule/business-hours-rule"), rule, m_admin);
    QCOMPARE(put.status, 200);
    const QJsonObject forwarding = obj(put.json().value(s("forwarding")));
    QCOMPARE(forwarding.value(s("ringingMode")).toString(), s("Simultaneously"));
    const QJsonObject number = obj(
        obj(forwarding.value(s("rules")).toArray().first()).value(s("forwardingNumbers")).toArray().first());
    QCOMPARE(number.value(s("phoneNumber")).toString(), s("+4915199887766"));
    // Unknown forwarding number ids and caller conditions are refused.
    QJsonObject unknown = rule;
    unknown.insert(
        s("forwarding"),
        QJsonObject{{s("rules"), QJsonArray{QJsonObject{{s("forwardingNumbers"),
                                                         QJsonArray{QJsonObject{{s("id"), s("42")}}}}}}}});
    QCOMPARE(m_client->putJson(ext + s("/answering-rule/business-hours-rule"), unknown, m_admin).status, 404);
    QCOMPARE(
        m_client
            ->putJson(ext + s("/answering-rule/business-hours-rule"), {{s("callers"), QJsonArray{}}}, m_admin)
            .status,
        400);
    QCOMPARE(m_client
                 ->putJson(ext + s("/answering-rule/business-hours-rule"),
                           {{s("callHandlingAction"), s("Dance")}}, m_admin)
                 .json()
                 .value(s("parameterName"))
                 .toString(),
             s("callHandlingAction"));
    // Transfer to another extension of the account (e.g. an IVR): kept and shown; unknown ids refused.
    const QString target = m_client->get(path(s("/extension")), m_admin)
                               .json()
                               .value(s("records"))
                               .toArray()
                               .last()
                               .toObject()
                               .value(s("id"))
                               .toVariant()
                               .toString();
    const QJsonObject transfer{
        {s("callHandlingAction"), s("TransferToExtension")},
        {s("transfer"), QJsonObject{{s("extension"), QJsonObject{{s("id"), target}}}}}};
    const TestReply transferred =
        m_client->putJson(ext + s("/answering-rule/business-hours-rule"), transfer, m_admin);
    QCOMPARE(transferred.status, 200);
    QCOMPARE(obj(obj(m_client->get(ext + s("/answering-rule/business-hours-rule"), m_admin)
                         .json()
                         .value(s("transfer")))
                     .value(s("extension")))
                 .value(s("id"))
                 .toString(),
             target);
    const QJsonObject nowhere{
        {s("transfer"), QJsonObject{{s("extension"), QJsonObject{{s("id"), s("777")}}}}}};
    const TestReply refused =
        m_client->putJson(ext + s("/answering-rule/business-hours-rule"), nowhere, m_admin);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json().value(s("parameterName")).toString(), s("transfer.extension.id"));
    // Deleting the forwarding number removes it from the rule.
    QCOMPARE(m_client->del(ext + s("/forwarding-number/") + forwardingId, m_admin).status, 204);
    QVERIFY(obj(m_client->get(ext + s("/answering-rule/business-hours-rule"), m_admin)
                    .json()
                    .value(s("forwarding")))
                .value(s("rules"))
                .toArray()
                .isEmpty());

    // Business hours: bad times are refused; an empty schedule means 24/7 and removes the after-hours rule.
    const TestReply badRange = m_client->putJson(
        ext + s("/business-hours"),
        {{s("schedule"),
          QJsonObject{{s("weeklyRanges"),
                       QJsonObject{{s("monday"), QJsonArray{QJsonObject{{s("from"), s("18:00")},
                                                                        {s("to"), s("09:00")}}}}}}}}},
        m_admin);
    QCOMPARE(badRange.status, 400);
    QCOMPARE(badRange.json().value(s("parameterName")).toString(), s("schedule.weeklyRanges.monday"));
    const TestReply badDay = m_client->putJson(
        ext + s("/business-hours"),
        {{s("schedule"), QJsonObject{{s("weeklyRanges"), QJsonObject{{s("someday"), QJsonArray{}}}}}}},
        m_admin);
    QCOMPARE(badDay.status, 400);
    QCOMPARE(m_client->putJson(ext + s("/business-hours"), {{s("schedule"), QJsonObject{}}}, m_admin).status,
             200);
    QVERIFY(
        m_client->get(ext + s("/business-hours"), m_admin).json().value(s("schedule")).toObject().isEmpty());
    QCOMPARE(m_client->get(ext + s("/answering-rule"), m_admin).json().value(s("records")).toArray().size(),
             1);
    QCOMPARE(m_client->get(ext + s("/answering-rule/after-hours-rule"), m_admin).status, 404);
}

// --- rate limits -------------------------------------------------------------------------------------

void tst_RingCentralApi::rateLimitHeadersAnd429() {
    EmulatorOptions options;
    options.rateLimits = true;
    EmulatorTestClient limited(options);
    QVERIFY(limited.started());
    const HeaderList auth{EmulatorTestClient::bearer(limited.rcLogin())};
    // Heavy group: 10 per 60 s.
    for (int i = 1; i <= 10; ++i) {
        const TestReply r = limited.get(path(s("/phone-number")), auth);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-rate-limit-group"), QByteArray("heavy"));
        QCOMPARE(r.header("x-rate-limit-limit"), QByteArray("10"));
        QCOMPARE(r.header("x-rate-limit-remaining"), QByteArray::number(10 - i));
        QCOMPARE(r.header("x-rate-limit-window"), QByteArray("60"));
    }
    const TestReply refused = limited.get(path(s("/phone-number")), auth);
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.rcErrorCode(), s("CMN-301"));
    QCOMPARE(refused.header("retry-after"), QByteArray("60"));
    QCOMPARE(refused.header("x-rate-limit-remaining"), QByteArray("0"));
    // Other groups count separately.
    const TestReply light = limited.get(path(QString()), auth);
    QCOMPARE(light.status, 200);
    QCOMPARE(light.header("x-rate-limit-group"), QByteArray("light"));
    QCOMPARE(light.header("x-rate-limit-limit"), QByteArray("50"));
    const TestReply medium = limited.get(path(s("/extension")), auth);
    QCOMPARE(medium.header("x-rate-limit-group"), QByteArray("medium"));
    QCOMPARE(medium.header("x-rate-limit-limit"), QByteArray("40"));
    // And per user.
    QCOMPARE(
        limited.get(path(s("/phone-number")), {EmulatorTestClient::bearer(limited.rcLogin(false))}).status,
        200);
}

void tst_RingCentralApi::penaltyRestartsWhileKnocking() {
    EmulatorOptions options;
    options.rateLimits = true;
    options.timeScale = 30; // window and penalty: 2 real seconds
    EmulatorTestClient limited(options);
    QVERIFY(limited.started());
    const HeaderList auth{EmulatorTestClient::bearer(limited.rcLogin())};
    for (int i = 0; i < 10; ++i)
        QCOMPARE(limited.get(path(s("/phone-number")), auth).status, 200);
    const TestReply refused = limited.get(path(s("/phone-number")), auth);
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.header("retry-after"), QByteArray("2"));
    QCOMPARE(refused.header("x-rate-limit-window"), QByteArray("2"));
    // Knocking again inside the penalty restarts it (the documented "429 trap"): waiting is inherent to
    // what is tested here, so these are real waits on the scaled clock.
    QTest::qWait(1200);
    QCOMPARE(limited.get(path(s("/phone-number")), auth).status, 429);
    QTest::qWait(1200); // 2.4 s after the first 429, but only 1.2 s after the restart
    QCOMPARE(limited.get(path(s("/phone-number")), auth).status, 429);
    QTest::qWait(2300);
    QCOMPARE(limited.get(path(s("/phone-number")), auth).status, 200);
}

void tst_RingCentralApi::rateLimitsOff() {
    for (int i = 0; i < 60; ++i) {
        const TestReply r = m_client->get(path(s("/phone-number")), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.headers.contains("x-rate-limit-group"));
    }
}

void tst_RingCentralApi::authGroupLimit() {
    EmulatorOptions options;
    options.rateLimits = true;
    EmulatorTestClient limited(options);
    QVERIFY(limited.started());
    const QString jwt = limited.credentials().ringCentralAdminJwt;
    for (int i = 0; i < 5; ++i) {
        const TestReply r = limited.rcTokenRequest(jwt);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-rate-limit-group"), QByteArray("auth"));
    }
    const TestReply sixth = limited.rcTokenRequest(jwt);
    QCOMPARE(sixth.status, 429);
    QVERIFY(!sixth.header("retry-after").isEmpty());
}

void tst_RingCentralApi::unknownUriIs404() {
    const TestReply reply = m_client->get(path(s("/extension/~/teleporter")), m_admin);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.rcErrorCode(), s("CMN-120"));
    QCOMPARE(m_client->request("PATCH", path(s("/extension/~")), "{}", m_admin).status, 404);
}

QTEST_GUILESS_MAIN(tst_RingCentralApi)
#include "tst_RingCentralApi.moc"
