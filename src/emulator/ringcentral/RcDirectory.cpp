#include "emulator/ringcentral/RcDirectory.h"

#include <QJsonArray>
#include <array>
#include <cstdio>
#include <random>
#include <utility>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

namespace {

const std::array<const char16_t*, 24> kFirstNames = {
    u"Anna",  u"Ben",   u"Clara", u"David", u"Emma", u"Felix", u"Greta",  u"Hannes",
    u"Ida",   u"Jonas", u"Klara", u"Lukas", u"Mia",  u"Noah",  u"Olivia", u"Paul",
    u"Quinn", u"Rosa",  u"Simon", u"Tara",  u"Uwe",  u"Vera",  u"Wim",    u"Yara"};
const std::array<const char16_t*, 24> kLastNames = {
    u"Schmidt", u"Miller", u"Weber",    u"Garcia", u"Fischer", u"Johnson", u"Wagner",  u"Brown",
    u"Becker",  u"Davis",  u"Hoffmann", u"Lopez",  u"Koch",    u"Wilson",  u"Richter", u"Clark",
    u"Klein",   u"Lewis",  u"Wolf",     u"Young",  u"Neumann", u"Hall",    u"Braun",   u"Allen"};
const std::array<const char16_t*, 8> kJobTitles = {u"Sales",   u"Support",   u"Accounting", u"Engineer",
                                                   u"Manager", u"Reception", u"Marketing",  u"Logistics"};
const std::array<int, 10> kLocalAreas = {650, 415, 408, 212, 312, 617, 206, 303, 512, 702};
const std::array<const char16_t*, 10> kLocations = {
    u"Palo Alto, CA", u"San Francisco, CA", u"San Jose, CA", u"New York, NY", u"Chicago, IL",
    u"Boston, MA",    u"Seattle, WA",       u"Denver, CO",   u"Austin, TX",   u"Las Vegas, NV"};
const std::array<int, 5> kTollFreeAreas = {855, 877, 888, 866, 844};

// Unique numbers from a counter: multiplying by a number coprime with 8,000,000 permutes the subscriber
// space, so consecutive counters give scattered but never repeated 7-digit subscriber numbers.
QString usNumber(int area, qint64 counter, qint64 offset) {
    const qint64 subscriber = 2000000 + (counter * 7919 + offset) % 8000000;
    char text[24];
    // snprintf instead of QString concatenation: this runs 100,000 times at start-up.
    const int length =
        std::snprintf(text, sizeof text, "+1%03d%07lld", area, static_cast<long long>(subscriber));
    return QString::fromLatin1(text, length);
}

QString displayName(const RcExtension& e) {
    return e.lastName.isEmpty() ? e.firstName : e.firstName + u' ' + e.lastName;
}

} // namespace

QStringList RcPhoneNumber::features() const {
    if (type == u"FaxOnly")
        return {};
    if (usageType == u"DirectNumber")
        return {QStringLiteral("CallerId"), QStringLiteral("SmsSender")};
    if (usageType == u"MainCompanyNumber" || usageType == u"CompanyNumber" ||
        usageType == u"AdditionalCompanyNumber")
        return {QStringLiteral("CallerId")};
    return {};
}

int RcExtension::nextFreeFlipNumber() const {
    for (int candidate = 1;; ++candidate) {
        bool used = false;
        for (const auto& f : forwarding)
            used = used || f.flipNumber == candidate;
        if (!used)
            return candidate;
    }
}

RcDirectory RcDirectory::generate(quint32 seed, int numberCount, int extensionCount, qint64 nowMs) {
    // Default: a realistic small office, 12 extensions and 20 numbers.
    if (extensionCount < 0)
        extensionCount = 12;
    if (numberCount < 0)
        numberCount = 20;
    extensionCount = qMax(1, extensionCount); // the system (admin) extension always exists

    std::mt19937_64 random(0x5243454d55ULL ^ (static_cast<quint64>(seed) << 20) ^ seed);
    auto pick = [&random](auto size) {
        return static_cast<std::size_t>(random() % static_cast<quint64>(size));
    };

    RcDirectory d;
    d.accountId = 400100000008LL + static_cast<qint64>(seed % 100000U) * 1000000LL;
    d.companyName = QStringLiteral("Demo Office %1").arg(seed);
    d.createdMs = nowMs - 400LL * 24 * 3600 * 1000;
    const qint64 numberOffset = static_cast<qint64>(seed % 7919U) * 1009;

    // Extension numbers: 3 digits for a small office, more when needed (101.., 1001.., 10001..).
    int digits = 3;
    while (extensionCount + 100 >= [&] {
        int p = 1;
        for (int i = 0; i < digits; ++i)
            p *= 10;
        return p;
    }())
        ++digits;
    int base = 1;
    for (int i = 1; i < digits; ++i)
        base *= 10;

    const QString domain = QStringLiteral("demo%1.trunkline.invalid").arg(seed);
    d.extensions.reserve(static_cast<std::size_t>(extensionCount));
    const std::array<const char16_t*, 6> otherTypes = {u"Department", u"Announcement",     u"Voicemail",
                                                       u"IvrMenu",    u"SharedLinesGroup", u"ParkLocation"};
    for (int k = 0; k < extensionCount; ++k) {
        RcExtension e;
        // The system extension has the account's id (seed 001: "always the same as the ID of account").
        e.id = k == 0 ? d.accountId : d.accountId + 1000LL * k;
        e.extensionNumber = QString::number(base + k + 1);
        e.createdMs = d.createdMs + 3600LL * 1000 * k;
        e.company = d.companyName;
        e.timeFormat = QStringLiteral("12h");
        e.timezoneId = k % 5 == 4 ? QStringLiteral("70") : QStringLiteral("58");
        e.languageId = k % 5 == 4 ? QStringLiteral("1031") : QStringLiteral("1033");
        e.countryId = k % 5 == 4 ? QStringLiteral("83") : QStringLiteral("1");
        e.status = QStringLiteral("Enabled");
        // About one extension in eight is not a person: call queue, announcement, voicemail, IVR, ...
        const bool person = k < 2 || k % 8 != 7;
        if (person) {
            e.type = QStringLiteral("User");
            e.firstName = QString::fromUtf16(kFirstNames[pick(kFirstNames.size())]);
            e.lastName = QString::fromUtf16(kLastNames[pick(kLastNames.size())]);
            e.jobTitle = QString::fromUtf16(kJobTitles[pick(kJobTitles.size())]);
            e.department = e.jobTitle;
            e.name = displayName(e);
            e.email = e.firstName.toLower() + u'.' + e.lastName.toLower() + u'.' + e.extensionNumber + u'@' +
                      domain;
            e.internationalCalling = k % 3 == 0;
            if (k % 4 == 1)
                e.mobilePhone = usNumber(917, k, numberOffset);
            // Seed 000's endpoints: a desk phone, none (virtual), a softphone or the mobile app.
            static const std::array<const char16_t*, 4> devices = {u"HardPhone", u"", u"SoftPhone",
                                                                   u"MobileDevice"};
            e.deviceType = QString::fromUtf16(devices[static_cast<std::size_t>(k) % devices.size()]);
            const auto statusDraw = random() % 100;
            if (k >= 2 && statusDraw < 4)
                e.status = QStringLiteral("Disabled");
            else if (k >= 2 && statusDraw < 8)
                e.status = QStringLiteral("NotActivated");
        } else {
            e.type = QString::fromUtf16(otherTypes[static_cast<std::size_t>(k / 8) % otherTypes.size()]);
            e.firstName = e.type == u"Department" ? QStringLiteral("Sales Queue %1").arg(k)
                                                  : QStringLiteral("%1 %2").arg(e.type).arg(k);
            e.name = e.firstName;
            e.email = QStringLiteral("ext%1@").arg(e.extensionNumber) + domain;
        }
        e.admin = k == 0 || (k % 50 == 10);
        if (k == 0) {
            e.jobTitle = QStringLiteral("Administrator");
        }
        // Forwarding numbers for people: 0..3 external numbers (home, mobile, work), some German.
        if (e.type == u"User") {
            const int count = static_cast<int>((static_cast<quint64>(k) * 7 + seed) % 4);
            static const std::array<const char16_t*, 4> types = {u"Home", u"Mobile", u"Work", u"Other"};
            for (int f = 0; f < count; ++f) {
                RcForwardingNumber fw;
                fw.id = 0; // assigned below
                fw.type = QString::fromUtf16(types[static_cast<std::size_t>(f)]);
                fw.label = fw.type;
                fw.flipNumber = f + 1;
                if ((k + f) % 3 == 2)
                    fw.phoneNumber =
                        QStringLiteral("+49151") + QString::number(20000000 + (k * 4 + f) % 80000000);
                else
                    fw.phoneNumber = usNumber(f == 1 ? 646 : 510, k * 4LL + f, numberOffset);
                e.forwarding.append(fw);
            }
        }
        d.extensions.push_back(std::move(e));
    }
    // The second extension is the non-admin demo user and always a person with full data.
    if (d.extensions.size() > 1)
        d.extensions[1].admin = false;

    qint64 forwardingId = 30000000008LL + static_cast<qint64>(seed % 1000U) * 1000000LL;
    for (auto& e : d.extensions)
        for (auto& f : e.forwarding)
            f.id = forwardingId++;
    d.nextForwardingId = forwardingId;
    // Some people's calls are handled beyond business hours (RcCallHandlingApi makes the rules).
    for (std::size_t k = 2; k < d.extensions.size(); ++k) {
        RcExtension& e = d.extensions[k];
        e.demoCallRules = e.type == u"User" && k % 3 == 2;
        e.demoGreeting = e.type == u"User" && k % 4 == 3;
    }

    d.rebuildIndexes();

    // Numbers: main company number, a fax number, a direct number per person, then a mix of company,
    // toll-free, second direct and forwarded (external) numbers.
    d.numbers.reserve(static_cast<std::size_t>(qMax(0, numberCount)));
    qint64 numberId = 1000000008LL + static_cast<qint64>(seed % 1000U) * 10000000LL;
    qint64 localCounter = 0;
    qint64 tollFreeCounter = 0;
    std::array<QString, kLocations.size()> locations; // shared copies instead of one string per number
    for (std::size_t i = 0; i < kLocations.size(); ++i)
        locations[i] = QString::fromUtf16(kLocations[i]);
    auto addNumber = [&](const QString& usage, const QString& payment, qint64 extensionId) {
        RcPhoneNumber n;
        n.id = numberId;
        numberId += 1000;
        n.usageType = usage;
        n.paymentType = payment;
        n.extensionId = extensionId;
        n.type = usage == u"CompanyFaxNumber" ? QStringLiteral("FaxOnly")
                 : (localCounter % 3 == 0)    ? QStringLiteral("VoiceOnly")
                                              : QStringLiteral("VoiceFax");
        if (payment == u"TollFree") {
            n.phoneNumber = usNumber(kTollFreeAreas[static_cast<std::size_t>(tollFreeCounter % 5)],
                                     tollFreeCounter / 5, numberOffset);
            ++tollFreeCounter;
        } else if (payment == u"External") {
            n.phoneNumber = usNumber(971, localCounter, numberOffset);
            n.status = QStringLiteral("Normal");
            ++localCounter;
        } else {
            const auto area =
                static_cast<std::size_t>(localCounter % static_cast<qint64>(kLocalAreas.size()));
            n.phoneNumber = usNumber(kLocalAreas[area],
                                     localCounter / static_cast<qint64>(kLocalAreas.size()), numberOffset);
            n.location = locations[area];
            ++localCounter;
        }
        // Business phone of a person = the first direct number.
        if (extensionId != 0)
            if (RcExtension* owner = d.extension(extensionId); owner && owner->businessPhone.isEmpty())
                owner->businessPhone = n.phoneNumber;
        d.numbers.push_back(std::move(n));
    };

    if (numberCount > 0) {
        addNumber(QStringLiteral("MainCompanyNumber"), QStringLiteral("Local"), 0);
        d.numbers.back().primary = true;
    }
    if (numberCount > 1)
        addNumber(QStringLiteral("CompanyFaxNumber"), QStringLiteral("Local"), 0);
    std::vector<qint64> people;
    for (const auto& e : d.extensions)
        if (e.type == u"User")
            people.push_back(e.id);
    for (std::size_t i = 0; i < people.size() && static_cast<int>(d.numbers.size()) < numberCount; ++i) {
        addNumber(QStringLiteral("DirectNumber"), QStringLiteral("Local"), people[i]);
        d.numbers.back().primary = true;
    }
    for (qint64 extra = 0; static_cast<int>(d.numbers.size()) < numberCount; ++extra) {
        if (extra % 25 == 3)
            addNumber(QStringLiteral("ForwardedNumber"), QStringLiteral("External"), 0);
        else if (extra % 10 == 1)
            addNumber(QStringLiteral("CompanyNumber"), QStringLiteral("TollFree"), 0);
        else if (extra % 4 == 2 && !people.empty()) {
            addNumber(QStringLiteral("DirectNumber"), QStringLiteral("Local"),
                      people[static_cast<std::size_t>(extra / 4) % people.size()]);
            // Every other second direct number is a fax line: no caller ID, no SMS (its features say so).
            if (extra % 8 == 6)
                d.numbers.back().type = QStringLiteral("FaxOnly");
        } else if (extra == 0)
            addNumber(QStringLiteral("AdditionalCompanyNumber"), QStringLiteral("TollFree"), 0);
        else
            addNumber(QStringLiteral("CompanyNumber"), QStringLiteral("Local"), 0);
    }
    d.nextNumberId = numberId;
    d.nextExtensionId = d.accountId + 1000LL * extensionCount;
    return d;
}

void RcDirectory::rebuildIndexes() {
    m_extensionIndex.clear();
    m_extensionNumberIndex.clear();
    m_extensionIndex.reserve(static_cast<qsizetype>(extensions.size()));
    for (std::size_t i = 0; i < extensions.size(); ++i) {
        m_extensionIndex.insert(extensions[i].id, static_cast<int>(i));
        if (!extensions[i].extensionNumber.isEmpty())
            m_extensionNumberIndex.insert(extensions[i].extensionNumber, static_cast<int>(i));
    }
    m_numberIndexesValid = false;
}

void RcDirectory::ensureNumberIndexes() const {
    if (m_numberIndexesValid)
        return;
    m_numberIndex.clear();
    m_numberE164Index.clear();
    m_numbersByExtension.clear();
    m_numberIndex.reserve(static_cast<qsizetype>(numbers.size()));
    m_numberE164Index.reserve(static_cast<qsizetype>(numbers.size()));
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        m_numberIndex.insert(numbers[i].id, static_cast<int>(i));
        m_numberE164Index.insert(numbers[i].phoneNumber, static_cast<int>(i));
        if (numbers[i].extensionId != 0)
            m_numbersByExtension[numbers[i].extensionId].append(static_cast<int>(i));
    }
    m_numberIndexesValid = true;
}

bool RcDirectory::assignNumber(qint64 numberId, const QString& usageType, qint64 extensionId) {
    ensureNumberIndexes();
    const auto it = m_numberIndex.constFind(numberId);
    if (it == m_numberIndex.constEnd())
        return false;
    RcPhoneNumber& number = numbers[static_cast<std::size_t>(*it)];
    number.usageType = usageType;
    number.extensionId = extensionId;
    m_numberIndexesValid = false; // the owner's list changed
    return true;
}

RcExtension* RcDirectory::extension(qint64 id) {
    const auto it = m_extensionIndex.constFind(id);
    return it == m_extensionIndex.constEnd() ? nullptr : &extensions[static_cast<std::size_t>(*it)];
}

const RcExtension* RcDirectory::extension(qint64 id) const {
    const auto it = m_extensionIndex.constFind(id);
    return it == m_extensionIndex.constEnd() ? nullptr : &extensions[static_cast<std::size_t>(*it)];
}

const RcExtension* RcDirectory::extensionByNumber(const QString& extensionNumber) const {
    const auto it = m_extensionNumberIndex.constFind(extensionNumber);
    return it == m_extensionNumberIndex.constEnd() ? nullptr : &extensions[static_cast<std::size_t>(*it)];
}

const RcPhoneNumber* RcDirectory::number(qint64 id) const {
    ensureNumberIndexes();
    const auto it = m_numberIndex.constFind(id);
    return it == m_numberIndex.constEnd() ? nullptr : &numbers[static_cast<std::size_t>(*it)];
}

const RcPhoneNumber* RcDirectory::numberByE164(const QString& e164) const {
    ensureNumberIndexes();
    const auto it = m_numberE164Index.constFind(e164);
    return it == m_numberE164Index.constEnd() ? nullptr : &numbers[static_cast<std::size_t>(*it)];
}

QList<int> RcDirectory::numberIndexesOfExtension(qint64 extensionId) const {
    ensureNumberIndexes();
    return m_numbersByExtension.value(extensionId);
}

const RcPhoneNumber* RcDirectory::mainNumber() const {
    for (const auto& n : numbers)
        if (n.usageType == u"MainCompanyNumber")
            return &n;
    return nullptr;
}

RcExtension* RcDirectory::extensionOfForwarding(qint64 forwardingId) {
    for (auto& e : extensions)
        for (const auto& f : e.forwarding)
            if (f.id == forwardingId)
                return &e;
    return nullptr;
}

void RcDirectory::addExtension(RcExtension extension) {
    extensions.push_back(std::move(extension));
    const auto index = static_cast<int>(extensions.size() - 1);
    m_extensionIndex.insert(extensions.back().id, index);
    if (!extensions.back().extensionNumber.isEmpty())
        m_extensionNumberIndex.insert(extensions.back().extensionNumber, index);
}

void RcDirectory::removeExtension(qint64 id, bool keepNumbers) {
    std::erase_if(extensions, [id](const RcExtension& e) { return e.id == id; });
    if (keepNumbers) {
        for (auto& n : numbers) {
            if (n.extensionId == id) {
                n.extensionId = 0;
                n.usageType = QStringLiteral("CompanyNumber");
                n.primary = false;
            }
        }
    } else {
        std::erase_if(numbers, [id](const RcPhoneNumber& n) { return n.extensionId == id; });
    }
    rebuildIndexes();
}

void RcDirectory::renumberExtension(qint64 id, const QString& newNumber) {
    RcExtension* e = extension(id);
    if (!e)
        return;
    m_extensionNumberIndex.remove(e->extensionNumber);
    e->extensionNumber = newNumber;
    if (!newNumber.isEmpty())
        m_extensionNumberIndex.insert(newNumber, m_extensionIndex.value(id));
}

// --- state file --------------------------------------------------------------------------------------

namespace {

// An extension's members that the state file keeps as they are, by key: one list for writing and
// reading it.
const std::pair<QLatin1StringView, QString RcExtension::*> kExtensionTexts[] = {
    {"extensionNumber"_L1, &RcExtension::extensionNumber},
    {"type"_L1, &RcExtension::type},
    {"status"_L1, &RcExtension::status},
    {"name"_L1, &RcExtension::name},
    {"firstName"_L1, &RcExtension::firstName},
    {"lastName"_L1, &RcExtension::lastName},
    {"email"_L1, &RcExtension::email},
    {"company"_L1, &RcExtension::company},
    {"jobTitle"_L1, &RcExtension::jobTitle},
    {"department"_L1, &RcExtension::department},
    {"businessPhone"_L1, &RcExtension::businessPhone},
    {"mobilePhone"_L1, &RcExtension::mobilePhone},
    {"deviceType"_L1, &RcExtension::deviceType},
    {"timezoneId"_L1, &RcExtension::timezoneId},
    {"languageId"_L1, &RcExtension::languageId},
    {"countryId"_L1, &RcExtension::countryId},
    {"timeFormat"_L1, &RcExtension::timeFormat}};
const std::pair<QLatin1StringView, bool RcExtension::*> kExtensionFlags[] = {
    {"admin"_L1, &RcExtension::admin},
    {"internationalCalling"_L1, &RcExtension::internationalCalling},
    {"demoCallRules"_L1, &RcExtension::demoCallRules},
    {"demoGreeting"_L1, &RcExtension::demoGreeting}};
const std::pair<QLatin1StringView, QJsonObject RcExtension::*> kExtensionObjects[] = {
    {"callerId"_L1, &RcExtension::callerId},
    {"notificationSettings"_L1, &RcExtension::notificationSettings},
    {"businessHours"_L1, &RcExtension::businessHours},
    {"businessHoursRule"_L1, &RcExtension::businessHoursRule},
    {"afterHoursRule"_L1, &RcExtension::afterHoursRule},
    {"customRules"_L1, &RcExtension::customRules}};

QJsonObject forwardingToJson(const RcForwardingNumber& f) {
    return {{QStringLiteral("id"), QString::number(f.id)},
            {QStringLiteral("phoneNumber"), f.phoneNumber},
            {QStringLiteral("label"), f.label},
            {QStringLiteral("type"), f.type},
            {QStringLiteral("flipNumber"), f.flipNumber}};
}

} // namespace

QJsonObject RcDirectory::toJson() const {
    QJsonArray extensionArray;
    for (const auto& e : extensions) {
        QJsonArray forwarding;
        for (const auto& f : e.forwarding)
            forwarding.append(forwardingToJson(f));
        QJsonObject o{{QStringLiteral("id"), QString::number(e.id)},
                      {QStringLiteral("createdMs"), QString::number(e.createdMs)},
                      {QStringLiteral("forwarding"), forwarding}};
        for (const auto& [key, member] : kExtensionTexts)
            o.insert(key, e.*member);
        for (const auto& [key, member] : kExtensionFlags)
            o.insert(key, e.*member);
        for (const auto& [key, member] : kExtensionObjects)
            o.insert(key, e.*member);
        extensionArray.append(o);
    }
    // Numbers as positional arrays: the state file of 100,000 numbers stays a few MB.
    QJsonArray numberArray;
    for (const auto& n : numbers) {
        numberArray.append(QJsonArray{QString::number(n.id), n.phoneNumber, n.usageType, n.paymentType,
                                      n.type, n.status, QString::number(n.extensionId), n.label, n.location,
                                      n.primary});
    }
    return {{QStringLiteral("accountId"), QString::number(accountId)},
            {QStringLiteral("companyName"), companyName},
            {QStringLiteral("createdMs"), QString::number(createdMs)},
            {QStringLiteral("nextExtensionId"), QString::number(nextExtensionId)},
            {QStringLiteral("nextNumberId"), QString::number(nextNumberId)},
            {QStringLiteral("nextForwardingId"), QString::number(nextForwardingId)},
            {QStringLiteral("extensions"), extensionArray},
            {QStringLiteral("numbers"), numberArray}};
}

RcDirectory RcDirectory::fromJson(const QJsonObject& json) {
    auto s = [](const QJsonObject& o, const char* key) {
        return o.value(QLatin1String(key)).toString();
    };
    auto i64 = [&s](const QJsonObject& o, const char* key) {
        return s(o, key).toLongLong();
    };
    RcDirectory d;
    d.accountId = i64(json, "accountId");
    d.companyName = s(json, "companyName");
    d.createdMs = i64(json, "createdMs");
    d.nextExtensionId = i64(json, "nextExtensionId");
    d.nextNumberId = i64(json, "nextNumberId");
    d.nextForwardingId = i64(json, "nextForwardingId");
    for (const auto& value : json.value(QLatin1String("extensions")).toArray()) {
        const QJsonObject o = value.toObject();
        RcExtension e;
        e.id = i64(o, "id");
        for (const auto& [key, member] : kExtensionTexts)
            e.*member = o.value(key).toString();
        for (const auto& [key, member] : kExtensionFlags)
            e.*member = o.value(key).toBool();
        e.createdMs = i64(o, "createdMs");
        for (const auto& fv : o.value(QLatin1String("forwarding")).toArray()) {
            const QJsonObject fo = fv.toObject();
            RcForwardingNumber f;
            f.id = i64(fo, "id");
            f.phoneNumber = s(fo, "phoneNumber");
            f.label = s(fo, "label");
            f.type = s(fo, "type");
            f.flipNumber = fo.value(QLatin1String("flipNumber")).toInt();
            e.forwarding.append(f);
        }
        for (const auto& [key, member] : kExtensionObjects)
            e.*member = o.value(key).toObject();
        d.extensions.push_back(std::move(e));
    }
    for (const auto& value : json.value(QLatin1String("numbers")).toArray()) {
        const QJsonArray a = value.toArray();
        RcPhoneNumber n;
        n.id = a.at(0).toString().toLongLong();
        n.phoneNumber = a.at(1).toString();
        n.usageType = a.at(2).toString();
        n.paymentType = a.at(3).toString();
        n.type = a.at(4).toString();
        n.status = a.at(5).toString();
        n.extensionId = a.at(6).toString().toLongLong();
        n.label = a.at(7).toString();
        n.location = a.at(8).toString();
        n.primary = a.at(9).toBool();
        d.numbers.push_back(std::move(n));
    }
    d.rebuildIndexes();
    return d;
}

} // namespace trunkline::emulator::ringcentral
