// RingCentral emulator over real sockets. Extensions: paging, filters, create, update (all or nothing) and
// delete.

#include "RcApiTest.h"

using namespace trunkline::emulator;
using namespace trunkline::emulator::test;

namespace {

// Many more extensions than the demo's, to page and filter through.
EmulatorOptions quietWithExtensions(int extensions) {
    EmulatorOptions options = quietOptions();
    options.extensions = extensions;
    return options;
}

} // namespace

class tst_RcExtensionsApi : public RcApiTest {
    Q_OBJECT

private slots:
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
};

void tst_RcExtensionsApi::extensionPaging_data() {
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

void tst_RcExtensionsApi::extensionPaging() {
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(int, records);
    QFETCH(int, perPage);
    QFETCH(bool, hasNext);
    QFETCH(bool, hasPrevious);
    EmulatorTestClient big(quietWithExtensions(250));
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

void tst_RcExtensionsApi::extensionFilters_data() {
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

void tst_RcExtensionsApi::extensionFilters() {
    QFETCH(QString, query);
    QFETCH(QString, field);
    QFETCH(QStringList, allowed);
    EmulatorTestClient big(quietWithExtensions(300));
    QVERIFY(big.started());
    const HeaderList auth{EmulatorTestClient::bearer(big.rcLogin())};
    const QJsonArray all = big.get(path(s("/extension?perPage=1000")), auth).records();
    int expected = 0;
    for (const auto& r : all)
        expected += allowed.contains(obj(r).value(field).toString()) ? 1 : 0;
    QVERIFY2(expected > 0, "the demo data must contain the filtered kind");
    const QJsonArray filtered = big.get(path(s("/extension")) + query + s("&perPage=1000"), auth).records();
    QCOMPARE(filtered.size(), expected);
    for (const auto& r : filtered)
        QVERIFY(allowed.contains(obj(r).value(field).toString()));
    const TestReply bad = big.get(path(s("/extension?type=Robot")), auth);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json().value(s("parameterName")).toString(), s("type"));
}

void tst_RcExtensionsApi::createExtension() {
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

void tst_RcExtensionsApi::createExtensionRejectsBadBodies_data() {
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

void tst_RcExtensionsApi::createExtensionRejectsBadBodies() {
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

void tst_RcExtensionsApi::updateExtension() {
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
    QCOMPARE(m_client->get(path(s("/extension?extensionNumber=199")), m_admin).records().size(), 1);
    QCOMPARE(m_client->get(path(s("/extension?extensionNumber=101")), m_admin).records().size(), 0);
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

void tst_RcExtensionsApi::updateExtensionIsAllOrNothing() {
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

void tst_RcExtensionsApi::deleteExtension() {
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
        m_client->get(path(s("/phone-number?usageType=DirectNumber&perPage=1000")), m_admin).records();
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

QTEST_GUILESS_MAIN(tst_RcExtensionsApi)
#include "tst_RcExtensionsApi.moc"
