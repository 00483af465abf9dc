// RingCentral emulator over real sockets. Forwarding numbers: lifecycle, rules (numbers, flip digits, types)
// and the limit of ten.

#include "RcApiTest.h"

using namespace trunkline::emulator;
using namespace trunkline::emulator::test;

class tst_RcForwardingApi : public RcApiTest {
    Q_OBJECT

private slots:
    void forwardingNumberLifecycle();
    void forwardingNumberRules_data();
    void forwardingNumberRules();
    void atMostTenForwardingNumbers();
};

void tst_RcForwardingApi::forwardingNumberLifecycle() {
    const QString list = path(s("/extension/~/forwarding-number"));
    const qsizetype before = m_client->get(list, m_admin).records().size();
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
    QCOMPARE(m_client->get(list, m_admin).records().size(), before + 1);

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
    for (const auto& r : m_client->get(list, m_admin).records())
        records.append(QJsonObject{{s("forwardingNumberId"), obj(r).value(s("id"))}});
    QJsonArray withUnknown = records;
    withUnknown.append(QJsonObject{{s("forwardingNumberId"), s("1")}});
    const QByteArray bad = QJsonDocument(QJsonObject{{s("records"), withUnknown}}).toJson();
    QCOMPARE(m_client->del(list, m_admin, bad).status, 404); // all or nothing
    QCOMPARE(m_client->get(list, m_admin).records().size(), records.size());
    QCOMPARE(
        m_client->del(list, m_admin, QJsonDocument(QJsonObject{{s("records"), records}}).toJson()).status,
        204);
    QCOMPARE(m_client->get(list, m_admin).records().size(), 0);
}

void tst_RcForwardingApi::forwardingNumberRules_data() {
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

void tst_RcForwardingApi::forwardingNumberRules() {
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    QFETCH(QString, parameter);
    const QString list = path(s("/extension/~/forwarding-number"));
    auto numberBody = [](const QString& number) {
        return QJsonDocument(QJsonObject{{s("phoneNumber"), number}}).toJson();
    };
    if (body == "DIRECT") {
        const QJsonArray direct =
            m_client->get(path(s("/phone-number?usageType=DirectNumber")), m_admin).records();
        body = numberBody(obj(direct.last()).value(s("phoneNumber")).toString());
    } else if (body == "MAIN") {
        body = numberBody(m_client->get(path(QString()), m_admin).json().value(s("mainNumber")).toString());
    } else if (body == "DUPLICATE") {
        QCOMPARE(
            m_client->send("POST", list, numberBody(s("+12125550123")), "application/json", m_admin).status,
            200);
        body = numberBody(s("+12125550123"));
    }
    const qsizetype before = m_client->get(list, m_admin).records().size();
    const TestReply reply = m_client->send("POST", list, body, "application/json", m_admin);
    QCOMPARE(reply.status, status);
    const qsizetype after = m_client->get(list, m_admin).records().size();
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

void tst_RcForwardingApi::atMostTenForwardingNumbers() {
    const QString list = path(s("/extension/~/forwarding-number"));
    qsizetype count = m_client->get(list, m_admin).records().size();
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
    QCOMPARE(m_client->get(list, m_admin).records().size(), 10);
}

QTEST_GUILESS_MAIN(tst_RcForwardingApi)
#include "tst_RcForwardingApi.moc"
