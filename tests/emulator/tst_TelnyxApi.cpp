// Telnyx emulator: porting orders, porting phone numbers and German phone-number extensions
// (telnyx-porting.md, seed 002). The whole suite runs twice: once calling the service directly, once
// over real sockets through the in-process emulator server (QNetworkAccessManager on 127.0.0.1).

#include "EmulatorTestClient.h"
#include "emulator/EmulatorOptions.h"
#include "emulator/telnyx/TelnyxService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using trunkline::emulator::EmulatorOptions;
using trunkline::emulator::EmulatorRequest;
using trunkline::emulator::EmulatorResponse;
using trunkline::emulator::telnyx::TelnyxService;
using trunkline::emulator::test::EmulatorTestClient;
using trunkline::emulator::test::HeaderList;
using trunkline::emulator::test::TestReply;

namespace {

struct Reply {
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject data() const { return json().value(u"data"_s).toObject(); }
    QJsonArray dataArray() const { return json().value(u"data"_s).toArray(); }
    QJsonObject meta() const { return json().value(u"meta"_s).toObject(); }
    QJsonObject error(qsizetype i = 0) const { return json().value(u"errors"_s).toArray().at(i).toObject(); }
    QString code(qsizetype i = 0) const { return error(i).value(u"code"_s).toString(); }
    QString pointer(qsizetype i = 0) const {
        return error(i).value(u"source"_s).toObject().value(u"pointer"_s).toString();
    }
    QStringList pointers() const {
        QStringList out;
        for (const QJsonValue& e : json().value(u"errors"_s).toArray())
            out += e.toObject().value(u"source"_s).toObject().value(u"pointer"_s).toString();
        return out;
    }
};

// Services that live inside a server under test: their requests go over the socket.
QHash<const TelnyxService*, EmulatorTestClient*>& socketClients() {
    static QHash<const TelnyxService*, EmulatorTestClient*> clients;
    return clients;
}

// Over the socket when the service belongs to a test server; otherwise directly, handing the service
// what the server would: decoded path, raw query, lower-cased headers.
Reply call(TelnyxService& service, const QByteArray& method, const QString& pathAndQuery,
           const QByteArray& body = {}, const QByteArray& authorization = QByteArray()) {
    if (EmulatorTestClient* client = socketClients().value(&service)) {
        HeaderList headers;
        const QByteArray auth =
            authorization.isNull() ? QByteArray("Bearer " + service.apiKey().toLatin1()) : authorization;
        if (!auth.isEmpty())
            headers.append({QByteArrayLiteral("Authorization"), auth});
        if (!body.isEmpty())
            headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        const TestReply r = client->request(method, pathAndQuery, body, headers);
        if (r.status == 0)
            qWarning() << "no HTTP answer:" << r.errorString;
        return Reply{r.status, r.body};
    }
    const qsizetype question = pathAndQuery.indexOf(u'?');
    EmulatorRequest request;
    request.method = method;
    request.path = question < 0 ? pathAndQuery : pathAndQuery.left(question);
    if (question >= 0)
        request.query = QUrlQuery(pathAndQuery.mid(question + 1));
    request.headers.insert("authorization", authorization.isNull()
                                                ? QByteArray("Bearer " + service.apiKey().toLatin1())
                                                : authorization);
    if (!body.isEmpty())
        request.headers.insert("content-type", "application/json");
    request.body = body;
    const EmulatorResponse r = service.handle(request);
    return Reply{r.status, r.body};
}

Reply callJson(TelnyxService& service, const QByteArray& method, const QString& path,
               const QJsonObject& body) {
    return call(service, method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonObject range(int start, int end) {
    return QJsonObject{{u"start_at"_s, start}, {u"end_at"_s, end}};
}

QJsonObject filledInPatch() {
    return QJsonObject{
        {u"end_user"_s, QJsonObject{{u"admin"_s, QJsonObject{{u"entity_name"_s, u"Muster GmbH"_s},
                                                             {u"auth_person_name"_s, u"Eva Muster"_s}}},
                                    {u"location"_s, QJsonObject{{u"street_address"_s, u"Hauptstraße 1"_s},
                                                                {u"locality"_s, u"Essen"_s},
                                                                {u"postal_code"_s, u"45127"_s},
                                                                {u"country_code"_s, u"DE"_s}}}}},
        {u"documents"_s, QJsonObject{{u"loa"_s, u"0b6a8d36-5b8f-4d5e-9a51-0c7b8f3e2a10"_s},
                                     {u"invoice"_s, u"3c1f2e4d-7a6b-4c8d-9e0f-1a2b3c4d5e6f"_s}}}};
}

} // namespace

class TestTelnyxApi : public QObject {
    Q_OBJECT

public:
    explicit TestTelnyxApi(bool overSockets)
        : m_overSockets(overSockets) {}

private:
    bool m_overSockets;
    EmulatorOptions m_options;
    std::vector<std::unique_ptr<TelnyxService>> m_services;
    std::vector<std::unique_ptr<EmulatorTestClient>> m_clients;

    // A Telnyx service with this seed: standalone, or the one inside a freshly started test server.
    TelnyxService& make(quint32 seed, EmulatorOptions options = {}) {
        options.seed = seed;
        if (!m_overSockets) {
            m_services.push_back(std::make_unique<TelnyxService>(seed, options));
            return *m_services.back();
        }
        m_clients.push_back(std::make_unique<EmulatorTestClient>(options));
        EmulatorTestClient& client = *m_clients.back();
        if (!client.started())
            qFatal("emulator did not start: %s", qPrintable(client.startError()));
        for (auto* service : client.server().services()) {
            if (auto* telnyx = dynamic_cast<TelnyxService*>(service)) {
                socketClients().insert(telnyx, &client);
                return *telnyx;
            }
        }
        qFatal("the emulator server has no Telnyx service");
    }

    // A fresh service with one new German draft order; returns its id and route number's porting id.
    struct Draft {
        QString orderId;
        QString portingNumberId;
        QString route;
    };
    static Draft newDraft(TelnyxService& service, const QString& route = u"+4920112345"_s) {
        const Reply r = callJson(service, "POST", u"/v2/porting_orders"_s,
                                 QJsonObject{{u"phone_numbers"_s, QJsonArray{route}}});
        if (r.status != 201)
            qWarning() << r.body;
        const QJsonObject order = r.dataArray().at(0).toObject();
        return Draft{order.value(u"id"_s).toString(),
                     order.value(u"phone_numbers"_s).toArray().at(0).toObject().value(u"id"_s).toString(),
                     route};
    }
    static QString orderIdWithStatus(TelnyxService& service, const QString& status) {
        const Reply r =
            call(service, "GET", u"/v2/porting_orders?filter[status]="_s + status + u"&page[size]=250"_s);
        return r.dataArray().at(0).toObject().value(u"id"_s).toString();
    }

private Q_SLOTS:
    void cleanup() {
        socketClients().clear();
        m_clients.clear();
        m_services.clear();
    }

    void credentialLineNamesTheKey() {
        TelnyxService& service = make(7);
        QCOMPARE(service.credentialLine(), u"telnyx api_key="_s + service.apiKey());
        QVERIFY(service.apiKey().startsWith(u"KEY"_s));
        TelnyxService& other = make(8);
        QVERIFY(other.apiKey() != service.apiKey());
    }

    void authentication_data() {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::newRow("missing") << QByteArray("") << 401;
        QTest::newRow("wrong key") << QByteArray("Bearer KEYWRONG") << 401;
        QTest::newRow("basic scheme") << QByteArray("Basic a2V5OnNlY3JldA==") << 401;
        QTest::newRow("bearer lower-case scheme") << QByteArray("bearer {KEY}") << 200;
        QTest::newRow("correct") << QByteArray("Bearer {KEY}") << 200;
    }
    void authentication() {
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        TelnyxService& service = make(1);
        authorization.replace("{KEY}", service.apiKey().toLatin1());
        const Reply r = call(service, "GET", u"/v2/porting_orders"_s, {}, authorization);
        QCOMPARE(r.status, status);
        if (status == 401) {
            QCOMPARE(r.code(), u"10009"_s);
            QVERIFY(!r.body.contains(service.apiKey().toLatin1()));
        }
    }

    void demoDataIsDeterministicAndGerman() {
        TelnyxService& a = make(42);
        TelnyxService& b = make(42);
        TelnyxService& c = make(43);
        QCOMPARE(a.snapshot(), b.snapshot());
        QVERIFY(a.snapshot() != c.snapshot());
        const Reply orders = call(a, "GET", u"/v2/porting_orders?page[size]=250"_s);
        QCOMPARE(orders.status, 200);
        QSet<QString> statuses;
        for (const QJsonValue& v : orders.dataArray())
            statuses.insert(v.toObject().value(u"status"_s).toObject().value(u"value"_s).toString());
        for (const QString& s : {u"draft"_s, u"in-process"_s, u"submitted"_s, u"exception"_s,
                                 u"foc-date-confirmed"_s, u"ported"_s, u"cancelled"_s})
            QVERIFY2(statuses.contains(s), qPrintable(s));
        const Reply numbers = call(a, "GET", u"/v2/porting_phone_numbers?page[size]=250"_s);
        int german = 0;
        for (const QJsonValue& v : numbers.dataArray())
            german += v.toObject().value(u"phone_number"_s).toString().startsWith(u"+49"_s) ? 1 : 0;
        QVERIFY(german >= 8);
    }

    void createSplitsByCountryAndStartsAsDraft() {
        TelnyxService& service = make(1);
        const Reply r =
            callJson(service, "POST", u"/v2/porting_orders"_s,
                     QJsonObject{{u"phone_numbers"_s,
                                  QJsonArray{u"+4920112345"_s, u"+4930123456"_s, u"+16502530123"_s}},
                                 {u"customer_reference"_s, u"REF-1"_s}});
        QCOMPARE(r.status, 201);
        const QJsonArray orders = r.dataArray();
        QCOMPARE(orders.size(), 2);
        const QJsonObject german = orders.at(0).toObject();
        QCOMPARE(german.value(u"status"_s).toObject().value(u"value"_s).toString(), u"draft"_s);
        QCOMPARE(german.value(u"support_key"_s), QJsonValue(QJsonValue::Null));
        QCOMPARE(german.value(u"customer_reference"_s).toString(), u"REF-1"_s);
        QCOMPARE(german.value(u"porting_phone_numbers_count"_s).toInt(), 2);
        QCOMPARE(german.value(u"end_user"_s)
                     .toObject()
                     .value(u"location"_s)
                     .toObject()
                     .value(u"country_code"_s)
                     .toString(),
                 u"DE"_s);
        QCOMPARE(orders.at(1).toObject().value(u"porting_phone_numbers_count"_s).toInt(), 1);
    }

    void createRejectsBadRequests_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("malformed JSON")
            << QByteArray("{\"phone_numbers\": [") << 400 << u"10015"_s << QString();
        QTest::newRow("not an object") << QByteArray("[1]") << 400 << u"10015"_s << u"/"_s;
        QTest::newRow("missing numbers") << QByteArray("{}") << 422 << u"10004"_s << u"/phone_numbers"_s;
        QTest::newRow("numbers not an array")
            << QByteArray(R"({"phone_numbers":"+4920112345"})") << 422 << u"10015"_s << u"/phone_numbers"_s;
        QTest::newRow("empty array") << QByteArray(R"({"phone_numbers":[]})") << 422 << u"10015"_s
                                     << u"/phone_numbers"_s;
        QTest::newRow("number not a string")
            << QByteArray(R"({"phone_numbers":[4920112345]})") << 422 << u"10015"_s << u"/phone_numbers/0"_s;
        QTest::newRow("not E.164") << QByteArray(R"({"phone_numbers":["+4920112345","0201 12345"]})") << 422
                                   << u"10016"_s << u"/phone_numbers/1"_s;
        QTest::newRow("spaces") << QByteArray(R"({"phone_numbers":["+49 201 12345"]})") << 422 << u"10016"_s
                                << u"/phone_numbers/0"_s;
        QTest::newRow("twice") << QByteArray(R"({"phone_numbers":["+4920112345","+4920112345"]})") << 422
                               << u"10012"_s << u"/phone_numbers/1"_s;
        QTest::newRow("unknown field") << QByteArray(R"({"phone_numbers":["+4920112345"],"colour":"red"})")
                                       << 422 << u"10015"_s << u"/colour"_s;
        QTest::newRow("reference wrong type")
            << QByteArray(R"({"phone_numbers":["+4920112345"],"customer_reference":5})") << 422 << u"10015"_s
            << u"/customer_reference"_s;
    }
    void createRejectsBadRequests() {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, pointer);
        TelnyxService& service = make(1);
        const Reply r = call(service, "POST", u"/v2/porting_orders"_s, body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.code(), code);
        QCOMPARE(r.pointer(), pointer);
        QVERIFY(!r.error().value(u"detail"_s).toString().isEmpty());
        QVERIFY(!r.error().value(u"title"_s).toString().isEmpty());
    }

    void numberAlreadyOnAnOpenOrderIsADuplicate() {
        TelnyxService& service = make(1);
        newDraft(service, u"+4920112345"_s);
        const Reply again = callJson(service, "POST", u"/v2/porting_orders"_s,
                                     QJsonObject{{u"phone_numbers"_s, QJsonArray{u"+4920112345"_s}}});
        QCOMPARE(again.status, 422);
        QCOMPARE(again.code(), u"10012"_s);
        QCOMPARE(again.pointer(), u"/phone_numbers/0"_s);
    }

    void retrieveAndPortingNumbersFilter() {
        TelnyxService& service = make(1);
        const Draft d = newDraft(service);
        const Reply got = call(service, "GET", u"/v2/porting_orders/"_s + d.orderId);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.meta().value(u"phone_numbers_url"_s).toString(),
                 u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId);
        const Reply numbers =
            call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId);
        QCOMPARE(numbers.status, 200);
        QCOMPARE(numbers.dataArray().size(), 1);
        const QJsonObject n = numbers.dataArray().at(0).toObject();
        QCOMPARE(n.value(u"id"_s).toString(), d.portingNumberId);
        QCOMPARE(n.value(u"phone_number"_s).toString(), d.route);
        QCOMPARE(n.value(u"porting_order_status"_s).toString(), u"draft"_s);
        QCOMPARE(n.value(u"record_type"_s).toString(), u"porting_phone_number"_s);
        QCOMPARE(numbers.meta().value(u"total_results"_s).toInt(), 1);
        // The older spec's [in][] spelling, and the percent-encoded brackets the SDK may send.
        const Reply in =
            call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id][in][]="_s + d.orderId);
        QCOMPARE(in.dataArray().size(), 1);
        const Reply encoded =
            call(service, "GET", u"/v2/porting_phone_numbers?filter%5Bporting_order_id%5D="_s + d.orderId);
        QCOMPARE(encoded.dataArray().size(), 1);
        const Reply bad = call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]=nope"_s);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.error().value(u"source"_s).toObject().value(u"parameter"_s).toString(),
                 u"filter[porting_order_id]"_s);
        // Extended numbers are not porting phone numbers.
        QCOMPARE(callJson(service, "POST",
                          u"/v2/porting_orders/"_s + d.orderId + u"/phone_number_extensions"_s,
                          QJsonObject{{u"porting_phone_number_id"_s, d.portingNumberId},
                                      {u"extension_range"_s, range(0, 9)},
                                      {u"activation_ranges"_s, QJsonArray{range(4, 4)}}})
                     .status,
                 201);
        QCOMPARE(call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId)
                     .dataArray()
                     .size(),
                 1);
    }

    void unknownAndMalformedIds_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString unknown = u"00000000-0000-4000-8000-000000000000"_s;
        QTest::newRow("get unknown") << QByteArray("GET") << u"/v2/porting_orders/"_s + unknown << 404
                                     << u"10005"_s;
        QTest::newRow("get malformed")
            << QByteArray("GET") << u"/v2/porting_orders/abc"_s << 404 << u"10006"_s;
        QTest::newRow("delete unknown")
            << QByteArray("DELETE") << u"/v2/porting_orders/"_s + unknown << 404 << u"10005"_s;
        QTest::newRow("confirm unknown")
            << QByteArray("POST") << u"/v2/porting_orders/"_s + unknown + u"/actions/confirm"_s << 404
            << u"10005"_s;
        QTest::newRow("extensions of unknown")
            << QByteArray("GET") << u"/v2/porting_orders/"_s + unknown + u"/phone_number_extensions"_s << 404
            << u"10005"_s;
        QTest::newRow("no such endpoint")
            << QByteArray("GET") << u"/v2/porting_things"_s << 404 << u"10005"_s;
        QTest::newRow("wrong method") << QByteArray("PUT") << u"/v2/porting_orders"_s << 405 << u"10015"_s;
    }
    void unknownAndMalformedIds() {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, code);
        TelnyxService& service = make(1);
        const Reply r = call(service, method, path);
        QCOMPARE(r.status, status);
        QCOMPARE(r.code(), code);
    }

    // Every rule of seed 002 and the structural checks, each with the pointer to the offending member.
    void extensionRules_data() {
        QTest::addColumn<QString>("orderKind"); // "draft", "us", or a demo status
        QTest::addColumn<QJsonObject>("body");  // "{PN}" in porting_phone_number_id = the route's id
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("pointers");
        auto body = [](const QJsonValue& ext, const QJsonValue& acts) {
            QJsonObject b{{u"porting_phone_number_id"_s, u"{PN}"_s}};
            if (!ext.isUndefined())
                b.insert(u"extension_range"_s, ext);
            if (!acts.isUndefined())
                b.insert(u"activation_ranges"_s, acts);
            return b;
        };
        const QJsonValue none(QJsonValue::Undefined);
        QTest::newRow("docs example 0-99")
            << u"draft"_s << body(range(0, 99), QJsonArray{range(4, 4), range(19, 20), range(42, 42)}) << 201
            << QString() << QStringList{};
        QTest::newRow("whole range active") << u"draft"_s << body(range(0, 999), QJsonArray{range(0, 999)})
                                            << 201 << QString() << QStringList{};
        QTest::newRow("allowed in in-process")
            << u"in-process"_s << body(range(100, 109), QJsonArray{range(100, 100)}) << 201 << QString()
            << QStringList{};
        QTest::newRow("allowed in exception")
            << u"exception"_s << body(range(500, 509), QJsonArray{range(500, 500)}) << 201 << QString()
            << QStringList{};
        QTest::newRow("end above 999") << u"draft"_s << body(range(0, 1000), QJsonArray{range(4, 4)}) << 422
                                       << u"10015"_s << QStringList{u"/extension_range/end_at"_s};
        QTest::newRow("negative start") << u"draft"_s << body(range(-1, 9), QJsonArray{range(4, 4)}) << 422
                                        << u"10015"_s << QStringList{u"/extension_range/start_at"_s};
        QTest::newRow("start after end") << u"draft"_s << body(range(9, 0), QJsonArray{range(4, 4)}) << 422
                                         << u"10015"_s << QStringList{u"/extension_range"_s};
        QTest::newRow("activation outside")
            << u"draft"_s << body(range(0, 9), QJsonArray{range(4, 4), range(8, 12)}) << 422 << u"10015"_s
            << QStringList{u"/activation_ranges/1"_s};
        QTest::newRow("activations overlap")
            << u"draft"_s << body(range(0, 99), QJsonArray{range(4, 4), range(19, 20), range(15, 19)}) << 422
            << u"10015"_s << QStringList{u"/activation_ranges/2"_s};
        QTest::newRow("activation reversed") << u"draft"_s << body(range(0, 99), QJsonArray{range(20, 19)})
                                             << 422 << u"10015"_s << QStringList{u"/activation_ranges/0"_s};
        QTest::newRow("no activation range") << u"draft"_s << body(range(0, 9), QJsonArray{}) << 422
                                             << u"10015"_s << QStringList{u"/activation_ranges"_s};
        QTest::newRow("not German") << u"us"_s << body(range(0, 9), QJsonArray{range(4, 4)}) << 422
                                    << u"10015"_s << QStringList{u"/porting_phone_number_id"_s};
        QTest::newRow("submitted order") << u"submitted"_s << body(range(0, 9), QJsonArray{range(4, 4)})
                                         << 422 << u"10015"_s << QStringList{u"/status"_s};
        QTest::newRow("ported order") << u"ported"_s << body(range(100, 109), QJsonArray{range(100, 100)})
                                      << 422 << u"10015"_s << QStringList{u"/status"_s};
        QTest::newRow("missing extension_range") << u"draft"_s << body(none, QJsonArray{range(4, 4)}) << 422
                                                 << u"10004"_s << QStringList{u"/extension_range"_s};
        QTest::newRow("missing activation_ranges") << u"draft"_s << body(range(0, 9), none) << 422
                                                   << u"10004"_s << QStringList{u"/activation_ranges"_s};
        QTest::newRow("missing end_at")
            << u"draft"_s << body(QJsonObject{{u"start_at"_s, 0}}, QJsonArray{range(4, 4)}) << 422
            << u"10004"_s << QStringList{u"/extension_range/end_at"_s};
        QTest::newRow("string instead of integer")
            << u"draft"_s
            << body(QJsonObject{{u"start_at"_s, u"0"_s}, {u"end_at"_s, 9}}, QJsonArray{range(4, 4)}) << 422
            << u"10015"_s << QStringList{u"/extension_range/start_at"_s};
        QTest::newRow("fraction") << u"draft"_s
                                  << body(range(0, 9),
                                          QJsonArray{QJsonObject{{u"start_at"_s, 4}, {u"end_at"_s, 4.5}}})
                                  << 422 << u"10015"_s << QStringList{u"/activation_ranges/0/end_at"_s};
        QTest::newRow("activation item not an object")
            << u"draft"_s << body(range(0, 9), QJsonArray{4}) << 422 << u"10015"_s
            << QStringList{u"/activation_ranges/0"_s};
        QTest::newRow("range not an object") << u"draft"_s << body(u"0-9"_s, QJsonArray{range(4, 4)}) << 422
                                             << u"10015"_s << QStringList{u"/extension_range"_s};
    }
    void extensionRules() {
        QFETCH(QString, orderKind);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QStringList, pointers);
        TelnyxService& service = make(3);
        QString orderId;
        if (orderKind == u"draft") {
            orderId = newDraft(service).orderId;
        } else if (orderKind == u"us") {
            orderId = newDraft(service, u"+16502530199"_s).orderId;
        } else {
            orderId = orderIdWithStatus(service, orderKind);
        }
        QVERIFY(!orderId.isEmpty());
        const Reply numbers =
            call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + orderId);
        const QString pn = numbers.dataArray().at(0).toObject().value(u"id"_s).toString();
        QVERIFY(!pn.isEmpty());
        body.insert(u"porting_phone_number_id"_s, pn);
        const Reply r = callJson(service, "POST",
                                 u"/v2/porting_orders/"_s + orderId + u"/phone_number_extensions"_s, body);
        QCOMPARE(r.status, status);
        if (status == 201) {
            const QJsonObject ext = r.data();
            QCOMPARE(ext.value(u"record_type"_s).toString(), u"porting_phone_number_extension"_s);
            QCOMPARE(ext.value(u"porting_phone_number_id"_s).toString(), pn);
            QCOMPARE(ext.value(u"extension_range"_s).toObject(), body.value(u"extension_range"_s).toObject());
            QCOMPARE(ext.value(u"activation_ranges"_s).toArray(),
                     body.value(u"activation_ranges"_s).toArray());
            QVERIFY(!ext.contains(u"porting_order_id"_s));
            QVERIFY(
                QDateTime::fromString(ext.value(u"created_at"_s).toString(), Qt::ISODateWithMs).isValid());
            return;
        }
        QCOMPARE(r.code(), code);
        QCOMPARE(r.pointers(), pointers);
        QVERIFY(!r.error().value(u"detail"_s).toString().isEmpty());
    }

    void extensionIdentityChecks() {
        TelnyxService& service = make(3);
        const Draft d = newDraft(service);
        const Draft other = newDraft(service, u"+4930123456"_s);
        const QString path = u"/v2/porting_orders/"_s + d.orderId + u"/phone_number_extensions"_s;
        auto create = [&](const QJsonValue& id, const QJsonObject& ext = range(0, 9)) {
            return callJson(
                service, "POST", path,
                QJsonObject{{u"porting_phone_number_id"_s, id},
                            {u"extension_range"_s, ext},
                            {u"activation_ranges"_s, QJsonArray{range(ext.value(u"start_at"_s).toInt(),
                                                                      ext.value(u"start_at"_s).toInt())}}});
        };
        Reply r = create(u"not-a-uuid"_s);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), u"10006"_s);
        QCOMPARE(r.pointer(), u"/porting_phone_number_id"_s);
        r = create(other.portingNumberId); // exists, but on another order
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), u"10005"_s);
        QCOMPARE(r.pointer(), u"/porting_phone_number_id"_s);
        r = create(QJsonValue(5));
        QCOMPARE(r.code(), u"10015"_s);
        QCOMPARE(r.pointer(), u"/porting_phone_number_id"_s);
        r = callJson(service, "POST", path,
                     QJsonObject{{u"extension_range"_s, range(0, 9)},
                                 {u"activation_ranges"_s, QJsonArray{range(1, 1)}}});
        QCOMPARE(r.code(), u"10004"_s);
        QCOMPARE(r.pointer(), u"/porting_phone_number_id"_s);
        // A second block may not share extensions with the first.
        QCOMPARE(create(d.portingNumberId, range(0, 9)).status, 201);
        r = create(d.portingNumberId, range(5, 15));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), u"10012"_s);
        QCOMPARE(r.pointer(), u"/extension_range"_s);
        QCOMPARE(create(d.portingNumberId, range(10, 19)).status, 201);
        // Too many digits: a 12-digit route + 3 extension digits is fine, a 13-digit route + 3 is not.
        const Draft longRoute = newDraft(service, u"+4930123456789"_s);
        r = callJson(service, "POST",
                     u"/v2/porting_orders/"_s + longRoute.orderId + u"/phone_number_extensions"_s,
                     QJsonObject{{u"porting_phone_number_id"_s, longRoute.portingNumberId},
                                 {u"extension_range"_s, range(0, 999)},
                                 {u"activation_ranges"_s, QJsonArray{range(1, 1)}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.pointer(), u"/extension_range/end_at"_s);
        r = call(service, "POST", path, "{\"extension_range\": ");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), u"10015"_s);
    }

    void extensionListPagingAndDelete() {
        TelnyxService& service = make(3);
        const Draft d = newDraft(service);
        const QString path = u"/v2/porting_orders/"_s + d.orderId + u"/phone_number_extensions"_s;
        QStringList ids;
        for (int block = 0; block < 5; ++block) {
            const Reply r =
                callJson(service, "POST", path,
                         QJsonObject{{u"porting_phone_number_id"_s, d.portingNumberId},
                                     {u"extension_range"_s, range(block * 10, block * 10 + 9)},
                                     {u"activation_ranges"_s, QJsonArray{range(block * 10, block * 10)}}});
            QCOMPARE(r.status, 201);
            ids += r.data().value(u"id"_s).toString();
        }
        Reply page = call(service, "GET", path + u"?page[number]=2&page[size]=2"_s);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.dataArray().size(), 2);
        QCOMPARE(
            page.meta(),
            (QJsonObject{
                {u"page_number"_s, 2}, {u"page_size"_s, 2}, {u"total_pages"_s, 3}, {u"total_results"_s, 5}}));
        page = call(service, "GET", path + u"?page[number]=3&page[size]=2&sort=created_at"_s);
        QCOMPARE(page.dataArray().size(), 1);
        QCOMPARE(page.dataArray().at(0).toObject().value(u"id"_s).toString(), ids.last());
        page = call(service, "GET", path + u"?page[number]=9"_s);
        QCOMPARE(page.dataArray().size(), 0);
        QCOMPARE(page.meta().value(u"total_results"_s).toInt(), 5);
        QCOMPARE(call(service, "GET", path + u"?filter[porting_phone_number_id]="_s + d.portingNumberId)
                     .meta()
                     .value(u"total_results"_s)
                     .toInt(),
                 5);

        // Delete answers 200 with the deleted record (not 204).
        const Reply deleted = call(service, "DELETE", path + u'/' + ids.at(1));
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.data().value(u"id"_s).toString(), ids.at(1));
        QCOMPARE(deleted.data().value(u"extension_range"_s).toObject(), range(10, 19));
        QCOMPARE(call(service, "DELETE", path + u'/' + ids.at(1)).status, 404);
        QCOMPARE(call(service, "GET", path).meta().value(u"total_results"_s).toInt(), 4);
    }

    void paging_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("defaults") << QString() << 200 << QString();
        QTest::newRow("size 250") << u"page[size]=250"_s << 200 << QString();
        QTest::newRow("size 251") << u"page[size]=251"_s << 400 << u"page[size]"_s;
        QTest::newRow("size 0") << u"page[size]=0"_s << 400 << u"page[size]"_s;
        QTest::newRow("number 0") << u"page[number]=0"_s << 400 << u"page[number]"_s;
        QTest::newRow("number text") << u"page[number]=two"_s << 400 << u"page[number]"_s;
        QTest::newRow("bad status filter") << u"filter[status]=open"_s << 400 << u"filter[status]"_s;
        QTest::newRow("bad sort") << u"sort=name"_s << 400 << u"sort"_s;
    }
    void paging() {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, parameter);
        TelnyxService& service = make(5);
        const Reply r = call(service, "GET", u"/v2/porting_orders?"_s + query);
        QCOMPARE(r.status, status);
        if (status != 200) {
            QCOMPARE(r.error().value(u"source"_s).toObject().value(u"parameter"_s).toString(), parameter);
            return;
        }
        const QJsonObject meta = r.meta();
        const int size = meta.value(u"page_size"_s).toInt();
        const int total = meta.value(u"total_results"_s).toInt();
        QCOMPARE(size, query.isEmpty() ? 20 : 250);
        QCOMPARE(meta.value(u"page_number"_s).toInt(), 1);
        QCOMPARE(meta.value(u"total_pages"_s).toInt(), (total + size - 1) / size);
        QCOMPARE(r.dataArray().size(), qMin(total, size));
    }

    void listPagesThroughEverything() {
        EmulatorOptions big;
        big.numbers = 500; // 20 more orders
        TelnyxService& service = make(5, big);
        QSet<QString> seen;
        int totalPages = 0;
        int total = 0;
        for (int page = 1; page < 50; ++page) {
            const Reply r = call(service, "GET",
                                 u"/v2/porting_orders?page[size]=7&page[number]="_s + QString::number(page));
            QCOMPARE(r.status, 200);
            totalPages = r.meta().value(u"total_pages"_s).toInt();
            total = r.meta().value(u"total_results"_s).toInt();
            for (const QJsonValue& v : r.dataArray())
                seen.insert(v.toObject().value(u"id"_s).toString());
            if (page >= totalPages)
                break;
        }
        QVERIFY(total > 20);
        QCOMPARE(seen.size(), total);
        QCOMPARE(totalPages, (total + 6) / 7);
    }

    void listFiltersAndSort() {
        TelnyxService& service = make(5);
        Reply r = call(service, "GET", u"/v2/porting_orders?filter[status]=draft&page[size]=250"_s);
        QVERIFY(r.dataArray().size() >= 2);
        for (const QJsonValue& v : r.dataArray())
            QCOMPARE(v.toObject().value(u"status"_s).toObject().value(u"value"_s).toString(), u"draft"_s);
        r = call(service, "GET", u"/v2/porting_orders?filter[status][in][]=ported,cancelled"_s);
        QCOMPARE(r.dataArray().size(), 2);
        r = call(service, "GET", u"/v2/porting_orders?filter[customer_reference]=DEMO-1003"_s);
        QCOMPARE(r.dataArray().size(), 1);
        const QString number = r.dataArray()
                                   .at(0)
                                   .toObject()
                                   .value(u"phone_numbers"_s)
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(u"phone_number"_s)
                                   .toString();
        for (const QString& key : {u"filter[phone_numbers.phone_number][contains]="_s,
                                   u"filter[phone_numbers][phone_number][contains]="_s}) {
            r = call(service, "GET",
                     u"/v2/porting_orders?"_s + key +
                         QString::fromLatin1(QUrl::toPercentEncoding(number.mid(3))));
            QCOMPARE(r.dataArray().size(), 1);
        }
        r = call(service, "GET", u"/v2/porting_orders?include_phone_numbers=false"_s);
        QVERIFY(!r.dataArray().at(0).toObject().contains(u"phone_numbers"_s));
        QVERIFY(r.dataArray().at(0).toObject().value(u"porting_phone_numbers_count"_s).toInt() >= 1);
        // Default sort is newest first; "created_at" reverses it.
        const Reply newest = call(service, "GET", u"/v2/porting_orders?page[size]=250"_s);
        const Reply oldest = call(service, "GET", u"/v2/porting_orders?page[size]=250&sort=created_at"_s);
        const QJsonArray a = newest.dataArray();
        const QJsonArray b = oldest.dataArray();
        QCOMPARE(a.size(), b.size());
        QCOMPARE(a.first(), b.last());
        QVERIFY(a.at(0).toObject().value(u"created_at"_s).toString() >
                a.at(1).toObject().value(u"created_at"_s).toString());
    }

    void statusMachine() {
        TelnyxService& service = make(9);
        const Draft d = newDraft(service);
        const QString order = u"/v2/porting_orders/"_s + d.orderId;
        // Confirm needs the end user and the documents; every gap is named.
        Reply r = call(service, "POST", order + u"/actions/confirm"_s);
        QCOMPARE(r.status, 422);
        QVERIFY(r.pointers().contains(u"/end_user/admin/entity_name"_s));
        QVERIFY(r.pointers().contains(u"/end_user/location/postal_code"_s));
        QVERIFY(r.pointers().contains(u"/documents"_s));
        QCOMPARE(call(service, "POST", order + u"/actions/cancel"_s).status,
                 422); // drafts are deleted, not cancelled

        r = callJson(service, "PATCH", order, filledInPatch());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"requirements_met"_s).toBool(), true);
        r = call(service, "POST", order + u"/actions/confirm"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"status"_s).toObject().value(u"value"_s).toString(), u"in-process"_s);
        QVERIFY(r.data().value(u"support_key"_s).toString().startsWith(u"sr_"_s));
        QCOMPARE(r.meta().value(u"phone_numbers_url"_s).toString(),
                 u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId);
        QCOMPARE(call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId)
                     .dataArray()
                     .at(0)
                     .toObject()
                     .value(u"porting_order_status"_s)
                     .toString(),
                 u"in-process"_s);
        r = call(service, "POST", order + u"/actions/confirm"_s);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.pointer(), u"/status"_s);
        r = call(service, "DELETE", order);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.pointer(), u"/status"_s);
        r = call(service, "POST", order + u"/actions/cancel"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"status"_s).toObject().value(u"value"_s).toString(), u"cancel-pending"_s);
        QCOMPARE(call(service, "POST", order + u"/actions/cancel"_s).status, 422);
        QCOMPARE(callJson(service, "PATCH", order, QJsonObject{{u"customer_reference"_s, u"x"_s}}).status,
                 422);
        // The number is free again only once the order is cancelled or ported; cancel-pending still holds it.
        QCOMPARE(callJson(service, "POST", u"/v2/porting_orders"_s,
                          QJsonObject{{u"phone_numbers"_s, QJsonArray{d.route}}})
                     .status,
                 422);
    }

    void confirmedOrderCompletesOnEmulatedTime() {
        TelnyxService& service = make(9);
        const Draft d = newDraft(service);
        const QString order = u"/v2/porting_orders/"_s + d.orderId;
        QCOMPARE(callJson(service, "PATCH", order, filledInPatch()).status, 200);
        QCOMPARE(call(service, "POST", order + u"/actions/confirm"_s).status, 200);
        auto status = [&] {
            return call(service, "GET", order)
                .data()
                .value(u"status"_s)
                .toObject()
                .value(u"value"_s)
                .toString();
        };
        QCOMPARE(status(), u"in-process"_s);
        const qint64 hour = 3600LL * 1000;
        service.clock().advance(2 * hour);
        QCOMPARE(status(), u"submitted"_s);
        service.clock().advance(24 * hour);
        QCOMPARE(status(), u"foc-date-confirmed"_s);
        const QJsonObject activation =
            call(service, "GET", order).data().value(u"activation_settings"_s).toObject();
        const QDateTime foc =
            QDateTime::fromString(activation.value(u"foc_datetime_actual"_s).toString(), Qt::ISODateWithMs);
        QVERIFY(foc.isValid());
        QVERIFY(foc.toMSecsSinceEpoch() > service.clock().nowMs());
        service.clock().advance(foc.toMSecsSinceEpoch() - service.clock().nowMs());
        QCOMPARE(status(), u"ported"_s);
        const QJsonObject number =
            call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId)
                .dataArray()
                .at(0)
                .toObject();
        QCOMPARE(number.value(u"porting_order_status"_s).toString(), u"ported"_s);
        QCOMPARE(number.value(u"activation_status"_s).toString(), u"Active"_s);
        QVERIFY(!call(service, "GET", order).data().contains(u"_status_changed_at"_s));
        // Demo orders keep their status however much time passes.
        QVERIFY(!orderIdWithStatus(service, u"in-process"_s).isEmpty());
    }

    void cancelPendingBecomesCancelledAndFreesTheNumber() {
        TelnyxService& service = make(9);
        const Draft d = newDraft(service);
        const QString order = u"/v2/porting_orders/"_s + d.orderId;
        QCOMPARE(callJson(service, "PATCH", order, filledInPatch()).status, 200);
        QCOMPARE(call(service, "POST", order + u"/actions/confirm"_s).status, 200);
        QCOMPARE(call(service, "POST", order + u"/actions/cancel"_s).status, 200);
        service.clock().advance(3600LL * 1000);
        QCOMPARE(
            call(service, "GET", order).data().value(u"status"_s).toObject().value(u"value"_s).toString(),
            u"cancelled"_s);
        QCOMPARE(callJson(service, "POST", u"/v2/porting_orders"_s,
                          QJsonObject{{u"phone_numbers"_s, QJsonArray{d.route}}})
                     .status,
                 201);
    }

    void exceptionResubmitsAndFocRule() {
        TelnyxService& service = make(9);
        const QString exception = orderIdWithStatus(service, u"exception"_s);
        Reply r = call(service, "POST", u"/v2/porting_orders/"_s + exception + u"/actions/confirm"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"status"_s).toObject().value(u"value"_s).toString(), u"submitted"_s);

        const QString confirmed = orderIdWithStatus(service, u"foc-date-confirmed"_s);
        const QDateTime foc = QDateTime::fromString(call(service, "GET", u"/v2/porting_orders/"_s + confirmed)
                                                        .data()
                                                        .value(u"activation_settings"_s)
                                                        .toObject()
                                                        .value(u"foc_datetime_actual"_s)
                                                        .toString(),
                                                    Qt::ISODateWithMs);
        QVERIFY(foc.isValid());
        // Move emulated time to 24 h before the FOC date: inside the 48 h window, cancelling is refused.
        service.clock().advance(foc.toMSecsSinceEpoch() - service.clock().nowMs() - 24LL * 3600 * 1000);
        r = call(service, "POST", u"/v2/porting_orders/"_s + confirmed + u"/actions/cancel"_s);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.pointer(), u"/activation_settings/foc_datetime_actual"_s);
    }

    void deleteOnlyDraft() {
        TelnyxService& service = make(9);
        const Draft d = newDraft(service);
        QCOMPARE(callJson(service, "POST",
                          u"/v2/porting_orders/"_s + d.orderId + u"/phone_number_extensions"_s,
                          QJsonObject{{u"porting_phone_number_id"_s, d.portingNumberId},
                                      {u"extension_range"_s, range(0, 9)},
                                      {u"activation_ranges"_s, QJsonArray{range(1, 2)}}})
                     .status,
                 201);
        const Reply r = call(service, "DELETE", u"/v2/porting_orders/"_s + d.orderId);
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(call(service, "GET", u"/v2/porting_orders/"_s + d.orderId).status, 404);
        QCOMPARE(call(service, "GET", u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + d.orderId)
                     .dataArray()
                     .size(),
                 0);
        for (const QString& status : {u"submitted"_s, u"ported"_s, u"cancelled"_s}) {
            const Reply refused =
                call(service, "DELETE", u"/v2/porting_orders/"_s + orderIdWithStatus(service, status));
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.pointer(), u"/status"_s);
        }
        // Extensions of a submitted order cannot be deleted either.
        const QString submitted = orderIdWithStatus(service, u"submitted"_s);
        const Reply exts =
            call(service, "GET", u"/v2/porting_orders/"_s + submitted + u"/phone_number_extensions"_s);
        QCOMPARE(exts.dataArray().size(), 1);
        const Reply refused = call(service, "DELETE",
                                   u"/v2/porting_orders/"_s + submitted + u"/phone_number_extensions/"_s +
                                       exts.dataArray().at(0).toObject().value(u"id"_s).toString());
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.pointer(), u"/status"_s);
    }

    void patchValidation_data() {
        QTest::addColumn<QJsonObject>("patch");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("name not a string")
            << QJsonObject{{u"end_user"_s, QJsonObject{{u"admin"_s, QJsonObject{{u"entity_name"_s, 5}}}}}}
            << u"10015"_s << u"/end_user/admin/entity_name"_s;
        QTest::newRow("unknown nested field")
            << QJsonObject{{u"end_user"_s, QJsonObject{{u"admin"_s, QJsonObject{{u"nickname"_s, u"x"_s}}}}}}
            << u"10015"_s << u"/end_user/admin/nickname"_s;
        QTest::newRow("unknown top-level field")
            << QJsonObject{{u"status"_s, u"ported"_s}} << u"10015"_s << u"/status"_s;
        QTest::newRow("loa not a uuid")
            << QJsonObject{{u"documents"_s, QJsonObject{{u"loa"_s, u"loa.pdf"_s}}}} << u"10006"_s
            << u"/documents/loa"_s;
        QTest::newRow("billing number not E.164")
            << QJsonObject{{u"end_user"_s,
                            QJsonObject{{u"admin"_s, QJsonObject{{u"billing_phone_number"_s, u"0201 1"_s}}}}}}
            << u"10016"_s << u"/end_user/admin/billing_phone_number"_s;
        QTest::newRow("webhook not a URL")
            << QJsonObject{{u"webhook_url"_s, u"not a url"_s}} << u"10015"_s << u"/webhook_url"_s;
        QTest::newRow("misc enum") << QJsonObject{{u"misc"_s, QJsonObject{{u"type"_s, u"half"_s}}}}
                                   << u"10015"_s << u"/misc/type"_s;
        QTest::newRow("keep needs billing number")
            << QJsonObject{{u"misc"_s, QJsonObject{{u"type"_s, u"partial"_s},
                                                   {u"remaining_numbers_action"_s, u"keep"_s}}}}
            << u"10015"_s << u"/misc/new_billing_phone_number"_s;
        QTest::newRow("FOC in the past")
            << QJsonObject{{u"activation_settings"_s,
                            QJsonObject{{u"foc_datetime_requested"_s, u"2001-01-01T09:00:00Z"_s}}}}
            << u"10015"_s << u"/activation_settings/foc_datetime_requested"_s;
        QTest::newRow("FOC not a date")
            << QJsonObject{{u"activation_settings"_s,
                            QJsonObject{{u"foc_datetime_requested"_s, u"tomorrow"_s}}}}
            << u"10015"_s << u"/activation_settings/foc_datetime_requested"_s;
        QTest::newRow("requirement of another type")
            << QJsonObject{{u"requirements"_s,
                            QJsonArray{QJsonObject{
                                {u"requirement_type_id"_s, u"11111111-1111-4111-8111-111111111111"_s},
                                {u"field_value"_s, u"x"_s}}}}}
            << u"10015"_s << u"/requirements/0/requirement_type_id"_s;
        QTest::newRow("requirement without value")
            << QJsonObject{{u"requirements"_s,
                            QJsonArray{QJsonObject{
                                {u"requirement_type_id"_s, u"11111111-1111-4111-8111-111111111111"_s}}}}}
            << u"10004"_s << u"/requirements/0/field_value"_s;
    }
    void patchValidation() {
        QFETCH(QJsonObject, patch);
        QFETCH(QString, code);
        QFETCH(QString, pointer);
        TelnyxService& service = make(9);
        const Draft d = newDraft(service);
        const Reply r = callJson(service, "PATCH", u"/v2/porting_orders/"_s + d.orderId, patch);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), code);
        QCOMPARE(r.pointer(), pointer);
    }

    void patchMergesAndNullClears() {
        TelnyxService& service = make(9);
        const Draft d = newDraft(service);
        const QString order = u"/v2/porting_orders/"_s + d.orderId;
        QCOMPARE(callJson(service, "PATCH", order, filledInPatch()).status, 200);
        Reply r = callJson(
            service, "PATCH", order,
            QJsonObject{{u"end_user"_s,
                         QJsonObject{{u"admin"_s, QJsonObject{{u"auth_person_name"_s, QJsonValue()}}}}},
                        {u"customer_reference"_s, u"NEW"_s}});
        QCOMPARE(r.status, 200);
        const QJsonObject admin = r.data().value(u"end_user"_s).toObject().value(u"admin"_s).toObject();
        QCOMPARE(admin.value(u"entity_name"_s).toString(), u"Muster GmbH"_s);       // left out: kept
        QCOMPARE(admin.value(u"auth_person_name"_s), QJsonValue(QJsonValue::Null)); // explicit null: cleared
        QCOMPARE(r.data().value(u"customer_reference"_s).toString(), u"NEW"_s);
        // Requirements can also be met through requirements[] by type id.
        const QJsonArray reqs = r.data().value(u"requirements"_s).toArray();
        QCOMPARE(reqs.size(), 2);
        r = callJson(service, "PATCH", order,
                     QJsonObject{{u"documents"_s,
                                  QJsonObject{{u"loa"_s, QJsonValue()}, {u"invoice"_s, QJsonValue()}}}});
        QCOMPARE(r.data().value(u"requirements_met"_s).toBool(), false);
        QJsonArray fill;
        for (const QJsonValue& req : reqs)
            fill.append(
                QJsonObject{{u"requirement_type_id"_s, req.toObject().value(u"requirement_type_id"_s)},
                            {u"field_value"_s, u"0b6a8d36-5b8f-4d5e-9a51-0c7b8f3e2a10"_s}});
        r = callJson(service, "PATCH", order, QJsonObject{{u"requirements"_s, fill}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"requirements_met"_s).toBool(), true);
    }

    void rateLimitHeadersAnd429() {
        TelnyxService& service = make(1);
        EmulatorRequest request;
        request.method = "GET";
        request.path = u"/v2/porting_orders/00000000-0000-4000-8000-000000000000"_s;
        request.headers.insert("authorization", "Bearer " + service.apiKey().toLatin1());
        auto header = [](const EmulatorResponse& r, const QByteArray& name) {
            for (const auto& [key, value] : r.headers)
                if (key == name)
                    return value;
            return QByteArray();
        };
        // Start a fresh window so the whole budget is available.
        service.clock().advance(60 * 1000 - service.clock().nowMs() % (60 * 1000));
        EmulatorResponse r = service.handle(request);
        QCOMPARE(header(r, "x-ratelimit-limit").toInt(), TelnyxService::kRequestsPerMinute);
        QCOMPARE(header(r, "x-ratelimit-remaining").toInt(), TelnyxService::kRequestsPerMinute - 1);
        QVERIFY(header(r, "x-ratelimit-reset").toInt() >= 1);
        for (int i = 1; i < TelnyxService::kRequestsPerMinute; ++i)
            r = service.handle(request);
        QCOMPARE(r.status, 404);
        QCOMPARE(header(r, "x-ratelimit-remaining").toInt(), 0);
        r = service.handle(request);
        QCOMPARE(r.status, 429);
        QCOMPARE((Reply{r.status, r.body}.code()), u"10011"_s);
        QVERIFY(header(r, "Retry-After").toInt() >= 1);
        service.clock().advance(60 * 1000);
        QCOMPARE(service.handle(request).status, 404); // next window

        EmulatorOptions unlimited;
        unlimited.rateLimits = false;
        TelnyxService& free = make(1, unlimited);
        request.headers.insert("authorization", "Bearer " + free.apiKey().toLatin1());
        for (int i = 0; i <= TelnyxService::kRequestsPerMinute; ++i)
            r = free.handle(request);
        QCOMPARE(r.status, 404);
    }

    void injectedFaultsUseTelnyxErrors() {
        TelnyxService& service = make(1);
        const EmulatorResponse tooMany = service.faultResponse(429, 3);
        QCOMPARE(tooMany.status, 429);
        const Reply r{tooMany.status, tooMany.body};
        QCOMPARE(r.code(), u"10011"_s);
        QCOMPARE(r.error().value(u"detail"_s).toString(),
                 u"You have exceeded the maximum number of allowed requests."_s);
        QVERIFY(tooMany.headers.contains(qMakePair(QByteArray("Retry-After"), QByteArray("3"))));
        const EmulatorResponse broken = service.faultResponse(503, 0);
        QCOMPARE(broken.status, 503);
        QCOMPARE((Reply{broken.status, broken.body}.code()), u"10007"_s);
        QVERIFY(broken.headers.isEmpty());
    }

    void snapshotRestoreRoundTrip() {
        TelnyxService& first = make(11);
        const Draft d = newDraft(first);
        TelnyxService& second = make(11);
        QCOMPARE(call(second, "GET", u"/v2/porting_orders/"_s + d.orderId).status, 404);
        second.restore(first.snapshot());
        const Reply r = call(second, "GET", u"/v2/porting_orders/"_s + d.orderId);
        QCOMPARE(r.status, 200);
        QCOMPARE(
            r.data().value(u"phone_numbers"_s).toArray().at(0).toObject().value(u"phone_number"_s).toString(),
            d.route);
        QCOMPARE(second.snapshot(), first.snapshot());
        // Same seed, same id generator: the next order must still get an id of its own.
        const Draft next = newDraft(second, u"+4930123456"_s);
        QVERIFY(!next.orderId.isEmpty());
        QVERIFY(next.orderId != d.orderId);
        QVERIFY(next.portingNumberId != d.portingNumberId);
        QCOMPARE(call(second, "GET", u"/v2/porting_orders/"_s + d.orderId).status, 200);
        // A snapshot of something else (an empty state file) keeps the seeded data.
        const QJsonObject before = second.snapshot();
        second.restore(QJsonObject{});
        QCOMPARE(second.snapshot(), before);
    }
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    TestTelnyxApi direct(false);
    int failed = QTest::qExec(&direct, argc, argv);
    TestTelnyxApi overSockets(true);
    failed += QTest::qExec(&overSockets, argc, argv);
    return failed;
}
#include "tst_TelnyxApi.moc"
