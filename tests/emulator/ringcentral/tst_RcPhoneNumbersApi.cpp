// RingCentral emulator over real sockets. Phone numbers of the account and of an extension, and what a
// non-admin user may see and do.

#include "RcApiTest.h"
#include "core/PhoneNumber.h"

using namespace trunkline::emulator;
using namespace trunkline::emulator::test;

class tst_RcPhoneNumbersApi : public RcApiTest {
    Q_OBJECT

private slots:
    void accountPhoneNumbers();
    void extensionPhoneNumbers();
    void nonAdminVisibilityAndForbiddenOperations();
};

void tst_RcPhoneNumbersApi::accountPhoneNumbers() {
    const TestReply all = m_client->get(path(s("/phone-number?perPage=1000")), m_admin);
    QCOMPARE(all.status, 200);
    const QJsonArray records = all.records();
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
            .records();
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

void tst_RcPhoneNumbersApi::extensionPhoneNumbers() {
    const TestReply mine = m_client->get(path(s("/extension/~/phone-number")), m_admin);
    QCOMPARE(mine.status, 200);
    const QJsonArray records = mine.records();
    QVERIFY(!records.isEmpty());
    bool sawDirectWithFeatures = false;
    for (const auto& r : records) {
        QVERIFY(obj(r).contains(s("features")));
        if (obj(r).value(s("usageType")).toString() == u"DirectNumber")
            sawDirectWithFeatures = obj(r).value(s("features")).toArray().contains(s("CallerId"));
    }
    QVERIFY(sawDirectWithFeatures);
    // A fax line has neither caller ID nor SMS (the demo user's second direct number is one).
    bool sawFaxLine = false;
    for (const auto& r : m_client->get(path(s("/extension/~/phone-number")), m_user).records()) {
        if (obj(r).value(s("type")).toString() != u"FaxOnly")
            continue;
        sawFaxLine = true;
        QCOMPARE(obj(r).value(s("features")).toArray(), QJsonArray{});
    }
    QVERIFY(sawFaxLine);
    const TestReply direct =
        m_client->get(path(s("/extension/~/phone-number?usageType=MainCompanyNumber")), m_admin);
    QCOMPARE(direct.records().size(), 1);
    QCOMPARE(m_client->get(path(s("/extension/999/phone-number")), m_admin).status, 404);
}

void tst_RcPhoneNumbersApi::nonAdminVisibilityAndForbiddenOperations() {
    // Account numbers: only other extensions' direct numbers, whatever was asked for.
    const QString me = QString::number(
        static_cast<qint64>(m_client->get(path(s("/extension/~")), m_user).json().value(s("id")).toDouble()));
    const QJsonArray numbers =
        m_client
            ->get(path(s("/phone-number?usageType=MainCompanyNumber&usageType=DirectNumber&perPage=1000")),
                  m_user)
            .records();
    QVERIFY(!numbers.isEmpty());
    for (const auto& r : numbers) {
        QCOMPARE(obj(r).value(s("usageType")).toString(), s("DirectNumber"));
        QVERIFY(QString::number(
                    static_cast<qint64>(obj(obj(r).value(s("extension"))).value(s("id")).toDouble())) != me);
    }
    // Another extension's numbers: direct numbers without features.
    const QString adminId = QString::number(static_cast<qint64>(
        m_client->get(path(s("/extension/~")), m_admin).json().value(s("id")).toDouble()));
    const QJsonArray others =
        m_client->get(path(s("/extension/")) + adminId + s("/phone-number"), m_user).records();
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

QTEST_GUILESS_MAIN(tst_RcPhoneNumbersApi)
#include "tst_RcPhoneNumbersApi.moc"
