// RingCentral emulator over real sockets. The account, its service info and business address, an
// extension's devices, and the 404 of a path no resource serves.

#include "RcApiTest.h"

#include <QSet>

using namespace trunkline::emulator;
using namespace trunkline::emulator::test;

class tst_RcAccountApi : public RcApiTest {
    Q_OBJECT

private slots:
    void accountAndServiceInfo();
    void businessAddress();
    void extensionDevices();
    void unknownUriIs404();
};

void tst_RcAccountApi::accountAndServiceInfo() {
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

// Seed 000's settings in full: the plan with its billing, the features and where the company is.
void tst_RcAccountApi::businessAddress() {
    const QJsonObject info = m_client->get(path(s("/service-info")), m_admin).json();
    const QJsonObject billing = obj(info.value(s("billingPlan")));
    QCOMPARE(billing.value(s("durationUnit")).toString(), s("Month"));
    QCOMPARE(billing.value(s("duration")).toInt(), 1);
    QCOMPARE(obj(obj(m_client->get(path(QString()), m_admin).json().value(s("serviceInfo")))
                     .value(s("servicePlan")))
                 .value(s("edition"))
                 .toString(),
             s("Standard"));
    const TestReply reply = m_client->get(path(s("/business-address")), m_admin);
    QCOMPARE(reply.status, 200);
    const QJsonObject body = reply.json();
    QVERIFY(body.value(s("uri")).toString().endsWith(s("/business-address")));
    QVERIFY(!body.value(s("company")).toString().isEmpty());
    const QJsonObject address = obj(body.value(s("businessAddress")));
    for (const char* key : {"street", "city", "state", "zip", "country"})
        QVERIFY2(!address.value(s(key)).toString().isEmpty(), key);
    QCOMPARE(m_client->request("PATCH", path(s("/business-address")), "{}", m_admin).status, 404);
}

// GET /extension/{id}/device: the demo's people have a desk phone, no device, a softphone or the mobile
// app, in turn; a non-admin reads only their own.
void tst_RcAccountApi::extensionDevices() {
    const QJsonArray extensions = m_client->get(path(s("/extension?type=User&perPage=8")), m_admin).records();
    QVERIFY(extensions.size() >= 4);
    QSet<QString> seen;
    int withoutDevice = 0;
    for (const auto& e : extensions) {
        const QString id = QString::number(static_cast<qint64>(obj(e).value(s("id")).toDouble()));
        const TestReply reply = m_client->get(path(s("/extension/")) + id + s("/device"), m_admin);
        QCOMPARE(reply.status, 200);
        const QJsonArray devices = reply.records();
        QCOMPARE(obj(reply.json().value(s("paging"))).value(s("totalElements")).toInt(), devices.size());
        if (devices.isEmpty())
            ++withoutDevice;
        for (const auto& d : devices) {
            seen.insert(obj(d).value(s("type")).toString());
            QCOMPARE(QString::number(
                         static_cast<qint64>(obj(obj(d).value(s("extension"))).value(s("id")).toDouble())),
                     id);
        }
    }
    QVERIFY(withoutDevice > 0);
    QCOMPARE(seen, (QSet<QString>{s("HardPhone"), s("SoftPhone"), s("MobileDevice")}));
    QCOMPARE(m_client->get(path(s("/extension/~/device")), m_user).status, 200);
    const QString adminId = QString::number(static_cast<qint64>(
        m_client->get(path(s("/extension/~")), m_admin).json().value(s("id")).toDouble()));
    QCOMPARE(m_client->get(path(s("/extension/")) + adminId + s("/device"), m_user).status, 403);
}

void tst_RcAccountApi::unknownUriIs404() {
    const TestReply reply = m_client->get(path(s("/extension/~/teleporter")), m_admin);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.rcErrorCode(), s("CMN-120"));
    QCOMPARE(m_client->request("PATCH", path(s("/extension/~")), "{}", m_admin).status, 404);
}

QTEST_GUILESS_MAIN(tst_RcAccountApi)
#include "tst_RcAccountApi.moc"
