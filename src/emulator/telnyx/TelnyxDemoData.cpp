#include "emulator/telnyx/TelnyxDemoData.h"

#include "emulator/EmulatorOptions.h"

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

namespace {

using core::NumberRange;
using core::PortingOrderStatus;

struct City {
    const char16_t* areaCode; // without the trunk 0
    const char16_t* name;
    const char16_t* postalCode;
    const char16_t* street;
};

constexpr City kCities[] = {
    {u"30", u"Berlin", u"10117", u"Friedrichstraße 68"},
    {u"89", u"München", u"80331", u"Sendlinger Straße 12"},
    {u"40", u"Hamburg", u"20095", u"Mönckebergstraße 7"},
    {u"221", u"Köln", u"50667", u"Hohe Straße 52"},
    {u"69", u"Frankfurt am Main", u"60311", u"Zeil 90"},
    {u"201", u"Essen", u"45127", u"Kettwiger Straße 3"},
    {u"711", u"Stuttgart", u"70173", u"Königstraße 26"},
    {u"211", u"Düsseldorf", u"40213", u"Bolkerstraße 9"},
};

constexpr const char16_t* kCompanies[] = {
    u"Müller & Söhne GmbH",        u"Bäckerei Schmidt KG",  u"Ingenieurbüro Weber", u"Praxis Dr. Fischer",
    u"Kanzlei Hoffmann & Partner", u"Autohaus Becker GmbH", u"Schreinerei Wagner",  u"Steuerberatung Koch",
};

constexpr const char16_t* kPeople[] = {u"Anna Müller",    u"Jonas Schmidt", u"Lea Weber",     u"Paul Fischer",
                                       u"Marie Hoffmann", u"Felix Becker",  u"Sophie Wagner", u"Lukas Koch"};

// A German route number short enough that three extension digits still fit into E.164's 15 digits.
QString routeNumber(QRandomGenerator& rng, const City& city) {
    const QString area = QString::fromUtf16(city.areaCode);
    const int subscriberDigits = area.size() == 2 ? 7 : 6;
    QString number = u"+49"_s + area + QString::number(rng.bounded(2, 10));
    for (int i = 1; i < subscriberDigits; ++i)
        number += QString::number(rng.bounded(10));
    return number;
}

struct Plan {
    PortingOrderStatus status;
    int routeNumbers;
    bool filledIn; // end user and documents given
    NumberRange extensionRange;
    QList<NumberRange> activations; // empty: no extension block
    QStringList exceptionCodes;
};

} // namespace

TelnyxData TelnyxDemoData::make(quint32 seed, const EmulatorOptions& options, const QString& userId) {
    QRandomGenerator rng(seed ^ 0x7e1e0001u);
    using S = PortingOrderStatus;
    QList<Plan> plans{
        {S::Draft, 1, true, {0, 99}, {{4, 4}, {19, 20}, {42, 42}}, {}},
        {S::Draft, 2, false, {0, 9}, {}, {}},
        {S::InProcess, 1, true, {0, 9}, {{4, 4}}, {}},
        {S::Submitted, 1, true, {0, 999}, {{100, 199}}, {}},
        {S::Exception, 1, true, {0, 99}, {{10, 29}}, {u"ENTITY_NAME_MISMATCH"_s, u"FOC_REJECTED"_s}},
        {S::FocDateConfirmed, 2, true, {0, 9}, {{0, 9}}, {}},
        {S::Ported, 1, true, {0, 99}, {{0, 49}}, {}},
        {S::Cancelled, 1, true, {0, 9}, {}, {}},
    };
    // --numbers N scales the data up for paging tests: one more order per 25 numbers beyond the default.
    for (int extra = 0; options.numbers > 0 && extra < options.numbers / 25; ++extra)
        plans.append(
            {extra % 2 == 0 ? S::Draft : S::Submitted, 1 + extra % 3, extra % 2 == 1, {0, 9}, {}, {}});

    TelnyxData data;
    // Fixed base time: the data must not depend on when the emulator starts.
    const QDateTime base(QDate(2026, 9, 1), QTime(8, 0), Qt::UTC);
    qsizetype i = 0;
    for (const Plan& plan : plans) {
        const City& city = kCities[static_cast<std::size_t>(i) % std::size(kCities)];
        const QDateTime created = base.addSecs(3600 * 7 * i + rng.bounded(3600));
        const QString orderId = TelnyxRecords::uuid(rng);
        QJsonObject order =
            TelnyxRecords::newOrder(orderId, userId, u"DE"_s, u"landline"_s,
                                    QStringLiteral("DEMO-%1").arg(1001 + i), QString(), created);
        QJsonObject endUser = order.value(u"end_user"_s).toObject();
        QJsonObject admin = endUser.value(u"admin"_s).toObject();
        QJsonObject location = endUser.value(u"location"_s).toObject();
        admin.insert(u"entity_name"_s,
                     QString::fromUtf16(kCompanies[static_cast<std::size_t>(i) % std::size(kCompanies)]));
        location.insert(u"locality"_s, QString::fromUtf16(city.name));
        if (plan.filledIn) {
            admin.insert(u"auth_person_name"_s,
                         QString::fromUtf16(kPeople[static_cast<std::size_t>(i) % std::size(kPeople)]));
            location.insert(u"street_address"_s, QString::fromUtf16(city.street));
            location.insert(u"postal_code"_s, QString::fromUtf16(city.postalCode));
            order.insert(u"documents"_s, QJsonObject{{u"loa"_s, TelnyxRecords::uuid(rng)},
                                                     {u"invoice"_s, TelnyxRecords::uuid(rng)}});
        }
        endUser.insert(u"admin"_s, admin);
        endUser.insert(u"location"_s, location);
        order.insert(u"end_user"_s, endUser);
        QJsonArray details;
        for (const QString& code : plan.exceptionCodes)
            details.append(QJsonObject{
                {u"code"_s, code},
                {u"description"_s, code == u"FOC_REJECTED"
                                       ? u"The losing carrier rejected the requested FOC date."_s
                                       : u"The entity name does not match the carrier's records."_s}});
        TelnyxRecords::setStatus(order, plan.status, details);
        if (plan.status != S::Draft) {
            order.insert(u"support_key"_s,
                         QStringLiteral("sr_%1").arg(rng.generate() & 0xffffffu, 6, 16, QLatin1Char('0')));
            order.insert(u"parent_support_key"_s,
                         QStringLiteral("pr_%1").arg(rng.generate() & 0xffffffu, 6, 16, QLatin1Char('0')));
        }
        if (plan.status == S::FocDateConfirmed || plan.status == S::Ported) {
            QJsonObject activation = order.value(u"activation_settings"_s).toObject();
            // Far enough ahead that the 48 h cancel rule does not bite for the confirmed demo order.
            const QDateTime foc = plan.status == S::Ported
                                      ? created.addDays(21)
                                      : QDateTime(QDate(2030, 3, 4), QTime(9, 0), Qt::UTC);
            activation.insert(u"foc_datetime_requested"_s, TelnyxRecords::timestamp(foc));
            activation.insert(u"foc_datetime_actual"_s, TelnyxRecords::timestamp(foc));
            order.insert(u"activation_settings"_s, activation);
        }
        data.orders.append(order);
        for (int n = 0; n < plan.routeNumbers; ++n) {
            const QString numberId = TelnyxRecords::uuid(rng);
            data.portingNumbers.append(TelnyxRecords::newPortingNumber(
                numberId, orderId, routeNumber(rng, city), u"landline"_s, u"DE"_s));
            if (n == 0 && !plan.activations.isEmpty())
                data.extensions.append(TelnyxRecords::newExtension(TelnyxRecords::uuid(rng), orderId,
                                                                   numberId, plan.extensionRange,
                                                                   plan.activations, created.addSecs(600)));
        }
        ++i;
    }

    // One US draft: extensions are refused on it (German orders only).
    const QDateTime created = base.addSecs(3600 * 7 * i);
    const QString usOrderId = TelnyxRecords::uuid(rng);
    data.orders.append(
        TelnyxRecords::newOrder(usOrderId, userId, u"US"_s, u"local"_s, u"DEMO-US-1"_s, QString(), created));
    data.portingNumbers.append(TelnyxRecords::newPortingNumber(
        TelnyxRecords::uuid(rng), usOrderId,
        QStringLiteral("+1650253%1").arg(rng.bounded(10000), 4, 10, QLatin1Char('0')), u"local"_s, u"US"_s));
    data.available = availablePool(seed);
    return data;
}

QList<QJsonObject> TelnyxDemoData::availablePool(quint32 seed) {
    QRandomGenerator rng(seed ^ 0x7e1e0002u);
    QList<QJsonObject> pool;
    const auto add = [&pool](const QString& e164, const QString& ndc, const QString& type,
                             const QString& country, const QString& rateCenter, const QString& state,
                             const QString& vanity, const QString& monthly) {
        QJsonArray regions{QJsonObject{{u"region_type"_s, u"country_code"_s}, {u"region_name"_s, country}}};
        if (!rateCenter.isEmpty())
            regions.append(QJsonObject{{u"region_type"_s, u"rate_center"_s}, {u"region_name"_s, rateCenter}});
        if (!state.isEmpty())
            regions.append(QJsonObject{{u"region_type"_s, u"state"_s}, {u"region_name"_s, state}});
        QJsonArray features{QJsonObject{{u"name"_s, u"voice"_s}}};
        if (type == u"local") {
            features.append(QJsonObject{{u"name"_s, u"sms"_s}});
            features.append(QJsonObject{{u"name"_s, u"mms"_s}});
        }
        features.append(QJsonObject{{u"name"_s, u"fax"_s}});
        pool.append(QJsonObject{
            {u"record_type"_s, u"available_phone_number"_s},
            {u"phone_number"_s, e164},
            {u"vanity_format"_s, vanity},
            {u"best_effort"_s, false},
            {u"quickship"_s, true},
            {u"reservable"_s, true},
            {u"region_information"_s, regions},
            {u"cost_information"_s, QJsonObject{{u"upfront_cost"_s, u"1.00"_s},
                                                {u"monthly_cost"_s, monthly},
                                                {u"currency"_s, u"USD"_s}}},
            {u"features"_s, features},
            {u"_phone_number_type"_s, type},
            {u"_national_destination_code"_s, ndc},
        });
    };
    const auto digits = [&rng](int count) {
        QString out = QString::number(rng.bounded(2, 10));
        while (out.size() < count)
            out += QString::number(rng.bounded(10));
        return out;
    };
    struct Area {
        const char16_t* code;
        const char16_t* rateCenter;
        const char16_t* state;
    };
    for (const Area& area : {Area{u"415", u"SAN FRANCISCO", u"CA"}, Area{u"212", u"NEW YORK CITY", u"NY"},
                             Area{u"312", u"CHICAGO", u"IL"}, Area{u"512", u"AUSTIN", u"TX"}}) {
        const QString code = QString::fromUtf16(area.code);
        for (int i = 0; i < 6; ++i)
            add(u"+1"_s + code + digits(7), code, u"local"_s, u"US"_s, QString::fromUtf16(area.rateCenter),
                QString::fromUtf16(area.state), {}, u"1.00"_s);
    }
    // No 855 numbers: a search that finds nothing must be seen too.
    for (const auto& [prefix, count] :
         {std::pair{u"800"_s, 4}, std::pair{u"888"_s, 4}, std::pair{u"877"_s, 3}, std::pair{u"866"_s, 2}})
        for (int i = 0; i < count; ++i)
            add(u"+1"_s + prefix + digits(7), prefix, u"toll_free"_s, u"US"_s, {}, {}, {}, u"2.00"_s);
    add(u"+18003569377"_s, u"800"_s, u"toll_free"_s, u"US"_s, {}, {}, u"800-FLOWERS"_s, u"25.00"_s);
    add(u"+18882255249"_s, u"888"_s, u"toll_free"_s, u"US"_s, {}, {}, u"888-CALL-BIZ"_s, u"25.00"_s);
    for (int i = 0; i < 4; ++i)
        add(u"+4930"_s + digits(8), u"30"_s, u"local"_s, u"DE"_s, u"BERLIN"_s, {}, {}, u"1.50"_s);
    for (int i = 0; i < 3; ++i)
        add(u"+4420"_s + digits(8), u"20"_s, u"local"_s, u"GB"_s, u"LONDON"_s, {}, {}, u"1.50"_s);
    return pool;
}

} // namespace trunkline::emulator::telnyx
