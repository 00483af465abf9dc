// Restcomm emulator over real sockets: IncomingPhoneNumbers list/filters/paging, provisioning (plain,
// Local, TollFree, Mobile, isSIP, two-step via AvailablePhoneNumbers), update form fields, delete,
// regex numbers, migrate and authentication (restcomm-numbers.md, seed 003). Where Restcomm's docs and
// its server disagree, the expectations follow the server.

#include "EmulatorTestClient.h"
#include "core/RouteMatcher.h"
#include "emulator/restcomm/RestcommService.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using trunkline::emulator::EmulatorOptions;
using trunkline::emulator::restcomm::IncomingNumber;
using trunkline::emulator::restcomm::RestcommAccount;
using trunkline::emulator::restcomm::RestcommService;
using trunkline::emulator::test::EmulatorTestClient;
using trunkline::emulator::test::HeaderList;
using trunkline::emulator::test::TestReply;

namespace {

using Params = QList<QPair<QString, QString>>;

// application/x-www-form-urlencoded with '+' encoded as %2B (QUrlQuery would leave it, and a form
// decoder reads a bare '+' as a space, as Restcomm's Jersey does).
QByteArray formBody(const Params& params) {
    QByteArray body;
    for (const auto& [key, value] : params) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QString md5(const QString& text) {
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex());
}

} // namespace

class TestRestcommApi : public QObject {
    Q_OBJECT

    std::unique_ptr<EmulatorTestClient> m_client;
    RestcommService* m_service = nullptr;
    RestcommAccount m_admin;
    RestcommAccount m_branch;  // sub-account of admin, other organisation
    RestcommAccount m_sibling; // sub-account of admin, admin's organisation
    RestcommAccount m_closed;  // inactive sub-account

    static QString numbersPath(const QString& account) {
        return u"/restcomm/2012-04-24/Accounts/"_s + account + u"/IncomingPhoneNumbers"_s;
    }
    static QPair<QByteArray, QByteArray> auth(const RestcommAccount& a) {
        return EmulatorTestClient::basicAuth(a.sid, a.authToken);
    }
    TestReply get(const QString& path, const RestcommAccount* as = nullptr, HeaderList headers = {}) {
        headers.append(auth(as ? *as : m_admin));
        return m_client->get(path, headers);
    }
    TestReply send(const QByteArray& method, const QString& path, const Params& params,
                   const RestcommAccount* as = nullptr) {
        return m_client->send(method, path, formBody(params), "application/x-www-form-urlencoded",
                              {auth(as ? *as : m_admin)});
    }
    QList<IncomingNumber> numbersOf(const QString& accountSid) const {
        QList<IncomingNumber> out;
        for (const IncomingNumber& n : m_service->numbers())
            if (n.accountSid() == accountSid)
                out.append(n);
        return out;
    }
    QString sidOf(const QString& phoneNumber, const QString& accountSid) const {
        for (const IncomingNumber& n : numbersOf(accountSid))
            if (n.phoneNumber() == phoneNumber)
                return n.sid();
        return {};
    }
    QString availableNumber(const QString& type) const {
        for (const auto& a : m_service->availableNumbers())
            if (a.type == type)
                return a.phoneNumber;
        return {};
    }

private Q_SLOTS:
    void init() {
        EmulatorOptions options;
        options.seed = 77;
        m_client = std::make_unique<EmulatorTestClient>(options);
        QVERIFY2(m_client->started(), qPrintable(m_client->startError()));
        m_service = nullptr;
        for (auto* service : m_client->server().services())
            if (auto* restcomm = dynamic_cast<RestcommService*>(service))
                m_service = restcomm;
        QVERIFY(m_service);
        const QList<RestcommAccount> accounts = m_service->accounts();
        QCOMPARE(accounts.size(), 4);
        m_admin = accounts.at(0);
        m_branch = accounts.at(1);
        m_sibling = accounts.at(2);
        m_closed = accounts.at(3);
        QVERIFY(m_admin.parentSid.isEmpty());
        QCOMPARE(m_branch.parentSid, m_admin.sid);
        QVERIFY(m_branch.organizationSid != m_admin.organizationSid);
        QCOMPARE(m_client->credentials().restcommAccountSid, m_admin.sid);
        QCOMPARE(m_client->credentials().restcommAuthToken, m_admin.authToken);
    }
    void cleanup() { m_client.reset(); }

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

    void twoStepProvisioning_data() {
        QTest::addColumn<QString>("type"); // available type and factory sub-resource
        QTest::newRow("Local") << u"Local"_s;
        QTest::newRow("TollFree") << u"TollFree"_s;
        QTest::newRow("Mobile") << u"Mobile"_s;
    }
    void twoStepProvisioning() {
        QFETCH(QString, type);
        const TestReply search = get(u"/restcomm/2012-04-24/Accounts/"_s + m_admin.sid +
                                     u"/AvailablePhoneNumbers/US/"_s + type + u".json"_s);
        QCOMPARE(search.status, 200);
        const QJsonArray offers = search.jsonArray();
        QVERIFY(!offers.isEmpty());
        const QString number = offers.at(0).toObject().value(u"phoneNumber"_s).toString();
        QVERIFY(number.startsWith(u"+1"_s));
        QVERIFY(!offers.at(0).toObject().contains(u"latitude"_s)); // nulls omitted

        const TestReply bought = send("POST", numbersPath(m_admin.sid) + u'/' + type + u".json"_s,
                                      {{u"PhoneNumber"_s, number},
                                       {u"VoiceUrl"_s, u"https://apps.example.com/voice.xml"_s},
                                       {u"VoiceMethod"_s, u"GET"_s},
                                       {u"SmsCapable"_s, u"true"_s}});
        QCOMPARE(bought.status, 200); // Restcomm answers 200, not 201
        const QJsonObject n = bought.json();
        QCOMPARE(n.value(u"phone_number"_s).toString(), number);
        QCOMPARE(n.value(u"friendly_name"_s).toString(), number); // default: the raw input
        QCOMPARE(n.value(u"voice_method"_s).toString(), u"GET"_s);
        for (const QString& key :
             {u"voice_fallback_method"_s, u"status_callback_method"_s, u"sms_method"_s,
              u"sms_fallback_method"_s, u"ussd_method"_s, u"ussd_fallback_method"_s, u"refer_method"_s})
            QCOMPARE(n.value(key).toString(), u"POST"_s);
        QCOMPARE(n.value(u"sms_url"_s), QJsonValue(QJsonValue::Null));
        QCOMPARE(n.value(u"capabilities"_s).toObject().value(u"sms_capable"_s).toBool(), true);
        QCOMPARE(n.value(u"capabilities"_s).toObject().value(u"voice_capable"_s).toBool(), false);
        QVERIFY(n.value(u"sid"_s).toString().startsWith(u"PN"_s));
        QCOMPARE(n.value(u"sid"_s).toString().size(), 34);
        // Sold: no longer offered, and buying it again is "21452".
        const QJsonArray after = get(u"/restcomm/2012-04-24/Accounts/"_s + m_admin.sid +
                                     u"/AvailablePhoneNumbers/US/"_s + type + u".json"_s)
                                     .jsonArray();
        for (const QJsonValue& v : after)
            QVERIFY(v.toObject().value(u"phoneNumber"_s).toString() != number);
        const TestReply again =
            send("POST", numbersPath(m_branch.sid) + u".json"_s, {{u"PhoneNumber"_s, number}});
        QCOMPARE(again.status, 400);
        QCOMPARE(again.body, QByteArray("21452"));
    }

    void availableSearchFilters() {
        const QString base =
            u"/restcomm/2012-04-24/Accounts/"_s + m_admin.sid + u"/AvailablePhoneNumbers/US/Local.json"_s;
        const QJsonArray area = get(base + u"?AreaCode=415"_s).jsonArray();
        QVERIFY(!area.isEmpty());
        for (const QJsonValue& v : area)
            QVERIFY(v.toObject().value(u"phoneNumber"_s).toString().startsWith(u"+1415"_s));
        // Contains acts as "starts with" on the 10-digit national number; '*' is one digit.
        const QString sample = area.at(0).toObject().value(u"phoneNumber"_s).toString();
        const QJsonArray contains = get(base + u"?Contains="_s + sample.mid(2, 4) + u"*"_s).jsonArray();
        QVERIFY(!contains.isEmpty());
        for (const QJsonValue& v : contains)
            QVERIFY(v.toObject().value(u"phoneNumber"_s).toString().startsWith(sample.left(6)));
        for (const QJsonValue& v : get(base + u"?MmsEnabled=true"_s).jsonArray())
            QCOMPARE(v.toObject().value(u"mmsCapable"_s).toBool(), true);
        QCOMPARE(get(base.left(base.size() - 10) + u"Landline.json"_s).status, 404);
        QCOMPARE(get(numbersPath(m_admin.sid) + u"/AvailableCountries.json"_s).jsonArray(),
                 QJsonArray{u"US"_s});
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

    void migrate() {
        const QString path = numbersPath(m_branch.sid) + u"/migrate"_s;
        const QString spare = [&] {
            const QHash<QString, QString> orgs = m_service->organizations();
            for (auto it = orgs.begin(); it != orgs.end(); ++it)
                if (it.key() != m_admin.organizationSid && it.key() != m_branch.organizationSid)
                    return it.key();
            return QString();
        }();
        QVERIFY(!spare.isEmpty());
        QCOMPARE(send("POST", path, {{u"OrganizationSid"_s, spare}}, &m_branch).status,
                 403); // not a super admin
        TestReply r = send("POST", numbersPath(m_admin.sid) + u"/migrate"_s, {{u"OrganizationSid"_s, spare}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body,
                 QByteArray(
                     "Super Admin account numbers can not be migrated. Please provide a valid account sid"));
        r = send("POST", numbersPath(u"ACffffffffffffffffffffffffffffffff"_s) + u"/migrate"_s,
                 {{u"OrganizationSid"_s, spare}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("Account not found"));
        r = send("POST", path, {});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("OrganizationSid cannot be null"));
        r = send("POST", path, {{u"OrganizationSid"_s, u"ORshort"_s}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("OrganizationSid is not valid"));
        r = send("POST", path, {{u"OrganizationSid"_s, u"OR00000000000000000000000000000000"_s}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("Destination organization not found"));
        QCOMPARE(get(path).status, 405);

        const QList<IncomingNumber> before = numbersOf(m_branch.sid);
        r = send("POST", path, {{u"OrganizationSid"_s, spare}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        const QList<IncomingNumber> after = numbersOf(m_branch.sid);
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < after.size(); ++i) {
            QCOMPARE(after.at(i).organizationSid, spare);
            QCOMPARE(after.at(i).sid(), before.at(i).sid()); // sids and uris unchanged
            QCOMPARE(after.at(i).value(u"uri"_s), before.at(i).value(u"uri"_s));
        }
        for (const IncomingNumber& n : numbersOf(m_admin.sid))
            QCOMPARE(n.organizationSid, m_admin.organizationSid);
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

QTEST_GUILESS_MAIN(TestRestcommApi)
#include "tst_RestcommApi.moc"
