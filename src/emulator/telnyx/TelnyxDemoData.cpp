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
    return data;
}

} // namespace trunkline::emulator::telnyx
