#include "emulator/restcomm/RestcommDemoData.h"

#include "emulator/EmulatorOptions.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <utility>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::restcomm {

namespace {

// The members of a number for sale as the saved state names them (RestcommData::toState, fromState).
constexpr std::pair<QLatin1StringView, QString AvailableNumber::*> kAvailableTexts[] = {
    {"phone_number"_L1, &AvailableNumber::phoneNumber},
    {"friendly_name"_L1, &AvailableNumber::friendlyName},
    {"iso_country"_L1, &AvailableNumber::isoCountry},
    {"type"_L1, &AvailableNumber::type},
    {"region"_L1, &AvailableNumber::region},
    {"rate_center"_L1, &AvailableNumber::rateCenter},
    {"lata"_L1, &AvailableNumber::lata},
    {"postal_code"_L1, &AvailableNumber::postalCode},
    {"cost"_L1, &AvailableNumber::cost}};
constexpr std::pair<QLatin1StringView, bool AvailableNumber::*> kAvailableFlags[] = {
    {"voice"_L1, &AvailableNumber::voice},
    {"sms"_L1, &AvailableNumber::sms},
    {"mms"_L1, &AvailableNumber::mms},
    {"fax"_L1, &AvailableNumber::fax}};

struct DemoNumber {
    const char16_t* number;
    const char16_t* friendlyName;
    bool sip;
    const char16_t* voiceUrl;
    const char16_t* smsUrl;
};

// Owned by the super admin (default organisation). Regex entries follow seed 003's examples; "+1650*"
// is kept on purpose: Restcomm rewrites a leading "+" so it never matches (docs/api/restcomm-numbers.md §8).
constexpr DemoNumber kAdminNumbers[] = {
    {u"+16502530000", u"Main line", false, u"/restcomm/demos/ivr/main-menu.xml",
     u"/restcomm/demos/sms/echo.xml"},
    {u"+16502530001", u"Sales", false, u"/restcomm/demos/dial/client/dial-sales.xml", nullptr},
    {u"+16502530002", u"Support", false, u"/restcomm/demos/dial/queue/support.xml",
     u"/restcomm/demos/sms/ticket.xml"},
    {u"+14155550143", u"San Francisco office", false, u"/restcomm/demos/hello-play.xml", nullptr},
    {u"+12125550187", u"New York office", false, u"/restcomm/demos/hello-play.xml",
     u"/restcomm/demos/sms/echo.xml"},
    {u"+18005550199", u"Toll-free hotline", false, u"/restcomm/demos/ivr/hotline.xml", nullptr},
    {u"1234", u"Alice (SIP client)", true, u"/restcomm/demos/dial/client/dial-client.xml", nullptr},
    {u"1238", u"This app calls registered client Alice ", true,
     u"/restcomm/demos/dial/client/dial-client.xml", nullptr},
    {u"7777", u"Conference room", true, u"/restcomm/demos/conference.xml", nullptr},
    {u"+1650*", u"Regex +1650* (never matches: leading +)", true, u"/restcomm/demos/hello-play.xml", nullptr},
    {u"^\\+1650.*", u"All 650 numbers", true, u"/restcomm/demos/dial/queue/support.xml", nullptr},
    {u"16.*", u"Numbers starting 16", true, u"/restcomm/demos/hello-play.xml", nullptr},
    {u"999...", u"999 plus three", true, u"/restcomm/demos/hello-play.xml", nullptr},
    {u"^*77...33#$", u"Star code 77", true, u"/restcomm/demos/ivr/star-code.xml", nullptr},
    {u"^[12]2233#$", u"1 or 2 then 2233#", true, u"/restcomm/demos/hello-play.xml", nullptr},
    {u"[45]234[23]", u"Class example", true, u"/restcomm/demos/hello-play.xml", nullptr},
    {u"*", u"Catch-all", true, u"/restcomm/demos/ivr/operator.xml", nullptr},
};

// Owned by the sub-account (second organisation): the same SIP number and catch-all once per organisation.
constexpr DemoNumber kSubNumbers[] = {
    {u"+13055550111", u"Miami branch", false, u"/restcomm/demos/hello-play.xml",
     u"/restcomm/demos/sms/echo.xml"},
    {u"7777", u"Branch conference room", true, u"/restcomm/demos/conference.xml", nullptr},
    {u"*", u"Branch catch-all", true, u"/restcomm/demos/ivr/operator.xml", nullptr},
};

QString hex32(QRandomGenerator& rng) {
    QString out;
    for (int i = 0; i < 4; ++i)
        out += QStringLiteral("%1").arg(rng.generate(), 8, 16, QLatin1Char('0'));
    return out;
}

IncomingNumber makeNumber(QRandomGenerator& rng, const RestcommAccount& account, const QString& phoneNumber,
                          const QString& friendlyName, bool sip, const QString& voiceUrl,
                          const QString& smsUrl, const QDateTime& created) {
    IncomingNumber n;
    const QString sid = RestcommDemoData::sid(u"PN"_s, rng);
    const QString post = u"POST"_s;
    n.text = {
        {u"sid"_s, sid},
        {u"account_sid"_s, account.sid},
        {u"friendly_name"_s, friendlyName},
        {u"phone_number"_s, phoneNumber},
        {u"voice_url"_s, voiceUrl},
        {u"voice_method"_s, post},
        {u"voice_fallback_url"_s, QString()},
        {u"voice_fallback_method"_s, post},
        {u"status_callback"_s, QString()},
        {u"status_callback_method"_s, post},
        {u"voice_application_sid"_s, QString()},
        {u"sms_url"_s, smsUrl},
        {u"sms_method"_s, post},
        {u"sms_fallback_url"_s, QString()},
        {u"sms_fallback_method"_s, post},
        {u"sms_application_sid"_s, QString()},
        {u"ussd_url"_s, QString()},
        {u"ussd_method"_s, post},
        {u"ussd_fallback_url"_s, QString()},
        {u"ussd_fallback_method"_s, post},
        {u"ussd_application_sid"_s, QString()},
        {u"refer_url"_s, QString()},
        {u"refer_method"_s, post},
        {u"refer_application_sid"_s, QString()},
        {u"api_version"_s, u"2012-04-24"_s},
        {u"uri"_s, QString(u"/2012-04-24/Accounts/"_s + account.sid + u"/IncomingPhoneNumbers/"_s + sid)}};
    n.voiceCapable = true;
    n.smsCapable = !smsUrl.isNull();
    n.pureSip = sip;
    n.organizationSid = account.organizationSid;
    n.type = sip ? u"Global"_s : u"Local"_s;
    n.dateCreated = created;
    n.dateUpdated = created;
    return n;
}

QString md5(const QString& text) {
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex());
}

QString usFriendly(const QString& e164) {
    // "+16502530000" -> "(650) 253-0000"
    return u'(' + e164.mid(2, 3) + u") "_s + e164.mid(5, 3) + u'-' + e164.mid(8, 4);
}

} // namespace

QString RestcommDemoData::sid(const QString& prefix, QRandomGenerator& rng) {
    return prefix + hex32(rng);
}

RestcommData RestcommDemoData::make(quint32 seed, const EmulatorOptions& options) {
    QRandomGenerator rng(seed ^ 0x5e5c0001u);
    RestcommData data;
    const QString defaultOrg = sid(u"OR"_s, rng);
    const QString branchOrg = sid(u"OR"_s, rng);
    const QString spareOrg = sid(u"OR"_s, rng);
    data.organizations = {{defaultOrg, u"default.restcomm.com"_s},
                          {branchOrg, u"branch.restcomm.com"_s},
                          {spareOrg, u"spare.restcomm.com"_s}};
    // Stored tokens are MD5 hex of a password, as in Restcomm; the token itself also works as password.
    // The super admin first; the others are its sub-accounts.
    struct DemoAccount {
        const char16_t* email;
        const QString& organization;
        const char16_t* friendlyName;
        bool active;
    };
    const DemoAccount demoAccounts[] = {
        {u"administrator@company.com", defaultOrg, u"Default Administrator Account", true},
        {u"branch@company.com", branchOrg, u"Branch office", true},
        {u"reseller@company.com", defaultOrg, u"Reseller", true},
        {u"closed@company.com", defaultOrg, u"Closed account", false}};
    for (const DemoAccount& d : demoAccounts)
        data.accounts.append({sid(u"AC"_s, rng), QString::fromUtf16(d.email), md5(hex32(rng)),
                              data.accounts.isEmpty() ? QString() : data.accounts.first().sid, d.organization,
                              QString::fromUtf16(d.friendlyName), d.active});
    const RestcommAccount admin = data.accounts.at(0);
    const RestcommAccount branch = data.accounts.at(1);
    const QString ivrApp = sid(u"AP"_s, rng);
    data.applications = {{ivrApp, u"Main IVR"_s}, {sid(u"AP"_s, rng), u"Support queue"_s}};

    const QDateTime base(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    int minute = 0;
    for (const DemoNumber& d : kAdminNumbers)
        data.numbers.append(
            makeNumber(rng, admin, QString::fromUtf16(d.number), QString::fromUtf16(d.friendlyName), d.sip,
                       QString::fromUtf16(d.voiceUrl), d.smsUrl ? QString::fromUtf16(d.smsUrl) : QString(),
                       base.addSecs(60LL * 37 * minute++)));
    // The main line answers through an application; list answers show its name (join), GETs null.
    data.numbers[0].text[u"voice_application_sid"_s] = ivrApp;
    for (const DemoNumber& d : kSubNumbers)
        data.numbers.append(
            makeNumber(rng, branch, QString::fromUtf16(d.number), QString::fromUtf16(d.friendlyName), d.sip,
                       QString::fromUtf16(d.voiceUrl), d.smsUrl ? QString::fromUtf16(d.smsUrl) : QString(),
                       base.addSecs(60LL * 37 * minute++)));
    // --numbers N: extra provider DIDs for the admin so lists page (Restcomm's default page is 50).
    const qsizetype wanted = options.numbers;
    for (qsizetype i = data.numbers.size(); i < wanted; ++i) {
        const QString number = QStringLiteral("+1650555%1").arg(i, 4, 10, QLatin1Char('0'));
        data.numbers.append(makeNumber(rng, admin, number, QStringLiteral("Line %1").arg(i), false,
                                       u"/restcomm/demos/hello-play.xml"_s, QString(),
                                       base.addSecs(60LL * 37 * minute++)));
    }

    // The DID provider's stock: US local, toll-free and mobile numbers.
    // "-> QString": with QT_USE_QSTRINGBUILDER a deduced return type would be a QStringBuilder holding
    // references to the temporaries of the return statement, read after they are gone.
    auto randomUsNumber = [&rng](const char16_t* areaCode) -> QString {
        return u"+1"_s + QString::fromUtf16(areaCode) + QStringLiteral("%1").arg(rng.bounded(200, 1000)) +
               QStringLiteral("%1").arg(rng.bounded(10000), 4, 10, QLatin1Char('0'));
    };
    struct Area {
        const char16_t* code;
        const char16_t* region;
        const char16_t* rateCenter;
        const char16_t* lata;
        const char16_t* postal;
    };
    constexpr Area areas[] = {{u"650", u"CA", u"PALO ALTO", u"722", u"94301"},
                              {u"415", u"CA", u"SAN FRANCISCO", u"722", u"94105"},
                              {u"212", u"NY", u"NEW YORK CITY", u"132", u"10001"},
                              {u"501", u"AR", u"LITTLE ROCK", u"528", u"72201"},
                              {u"312", u"IL", u"CHICAGO", u"358", u"60601"}};
    for (const Area& area : areas) {
        for (int i = 0; i < 8; ++i) {
            const QString number = randomUsNumber(area.code);
            AvailableNumber a{number,
                              usFriendly(number),
                              u"US"_s,
                              i == 7 ? u"Mobile"_s : u"Local"_s,
                              QString::fromUtf16(area.region),
                              QString::fromUtf16(area.rateCenter),
                              QString::fromUtf16(area.lata),
                              QString::fromUtf16(area.postal),
                              u"1.00"_s};
            a.mms = i % 2 == 0;
            a.fax = i % 4 == 1;
            data.available.append(a);
        }
    }
    for (const char16_t* prefix : {u"800", u"888", u"877"}) {
        for (int i = 0; i < 4; ++i) {
            const QString number = randomUsNumber(prefix);
            AvailableNumber a{number,    usFriendly(number), u"US"_s,   u"TollFree"_s, QString(),
                              QString(), QString(),          QString(), u"2.00"_s};
            a.sms = false;
            data.available.append(a);
        }
    }
    return data;
}

QJsonObject RestcommData::toState() const {
    QJsonArray accountList;
    for (const RestcommAccount& a : accounts)
        accountList.append(QJsonObject{{u"sid"_s, a.sid},
                                       {u"email"_s, a.email},
                                       {u"auth_token"_s, a.authToken},
                                       {u"parent_sid"_s, a.parentSid},
                                       {u"organization_sid"_s, a.organizationSid},
                                       {u"friendly_name"_s, a.friendlyName},
                                       {u"active"_s, a.active}});
    QJsonObject orgs;
    for (auto it = organizations.begin(); it != organizations.end(); ++it)
        orgs.insert(it.key(), it.value());
    QJsonObject apps;
    for (auto it = applications.begin(); it != applications.end(); ++it)
        apps.insert(it.key(), it.value());
    QJsonArray numberList;
    for (const IncomingNumber& n : numbers)
        numberList.append(n.toState());
    QJsonArray availableList;
    for (const AvailableNumber& a : available) {
        QJsonObject o;
        for (const auto& [key, member] : kAvailableTexts)
            o.insert(key, a.*member);
        for (const auto& [key, member] : kAvailableFlags)
            o.insert(key, a.*member);
        availableList.append(o);
    }
    return QJsonObject{{u"accounts"_s, accountList},
                       {u"organizations"_s, orgs},
                       {u"applications"_s, apps},
                       {u"incoming_phone_numbers"_s, numberList},
                       {u"available_phone_numbers"_s, availableList}};
}

RestcommData RestcommData::fromState(const QJsonObject& state) {
    RestcommData data;
    for (const QJsonValue& v : state.value(u"accounts"_s).toArray()) {
        const QJsonObject a = v.toObject();
        data.accounts.append({a.value(u"sid"_s).toString(), a.value(u"email"_s).toString(),
                              a.value(u"auth_token"_s).toString(), a.value(u"parent_sid"_s).toString(),
                              a.value(u"organization_sid"_s).toString(),
                              a.value(u"friendly_name"_s).toString(), a.value(u"active"_s).toBool(true)});
    }
    const QJsonObject orgs = state.value(u"organizations"_s).toObject();
    for (auto it = orgs.begin(); it != orgs.end(); ++it)
        data.organizations.insert(it.key(), it.value().toString());
    const QJsonObject apps = state.value(u"applications"_s).toObject();
    for (auto it = apps.begin(); it != apps.end(); ++it)
        data.applications.insert(it.key(), it.value().toString());
    for (const QJsonValue& v : state.value(u"incoming_phone_numbers"_s).toArray())
        data.numbers.append(IncomingNumber::fromState(v.toObject()));
    for (const QJsonValue& v : state.value(u"available_phone_numbers"_s).toArray()) {
        const QJsonObject a = v.toObject();
        AvailableNumber n;
        for (const auto& [key, member] : kAvailableTexts)
            n.*member = a.value(key).toString();
        for (const auto& [key, member] : kAvailableFlags)
            n.*member = a.value(key).toBool();
        data.available.append(n);
    }
    return data;
}

} // namespace trunkline::emulator::restcomm
