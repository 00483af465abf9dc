// RingCentral emulator over real sockets. The account and its service info, and the 404 of a path no resource
// serves.

#include "RcApiTest.h"

using namespace trunkline::emulator;
using namespace trunkline::emulator::test;

class tst_RcAccountApi : public RcApiTest {
    Q_OBJECT

private slots:
    void accountAndServiceInfo();
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

void tst_RcAccountApi::unknownUriIs404() {
    const TestReply reply = m_client->get(path(s("/extension/~/teleporter")), m_admin);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.rcErrorCode(), s("CMN-120"));
    QCOMPARE(m_client->request("PATCH", path(s("/extension/~")), "{}", m_admin).status, 404);
}

QTEST_GUILESS_MAIN(tst_RcAccountApi)
#include "tst_RcAccountApi.moc"
