#include "BenchData.h"

#include "core/Extension.h"
#include "core/PhoneNumberRecord.h"
#include "store/Database.h"
#include "store/ExtensionRepository.h"
#include "store/NumberTableQuery.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <array>

using namespace Qt::StringLiterals;

namespace trunkline::bench {

namespace {

constexpr int kBatch = 5000;         // one transaction per upsert call, as a sync writes a page
constexpr int kExtensionsPer = 2000; // per profile; most numbers are direct numbers of one of them

const QStringList kFirstNames = {u"Anna"_s,  u"Jonas"_s, u"Lea"_s,   u"Max"_s,   u"Sofia"_s,  u"Paul"_s,
                                 u"Emma"_s,  u"Noah"_s,  u"Mia"_s,   u"Elias"_s, u"Olivia"_s, u"Liam"_s,
                                 u"Grace"_s, u"Henry"_s, u"Chloe"_s, u"Oscar"_s};
const QStringList kLastNames = {u"Berger"_s, u"Keller"_s, u"Hoffmann"_s, u"Schulz"_s, u"Smith"_s,
                                u"Jones"_s,  u"Taylor"_s, u"Brown"_s,    u"Wagner"_s, u"Becker"_s,
                                u"Walker"_s, u"Wright"_s, u"Fischer"_s,  u"Meyer"_s};
const QStringList kLabels = {u"Sales"_s,      u"Support"_s,    u"Reception"_s,  u"Billing"_s,
                             u"Fax"_s,        u"Marketing"_s,  u"Warehouse"_s,  u"Hotline"_s,
                             u"Front desk"_s, u"Night line"_s, u"Conference"_s, u"Campaign"_s};

struct ProfileSpec {
    QString name;
    QString provider;
    QString accountId;
    // Country code and area codes the profile's numbers are spread over; the subscriber part is
    // filled with pseudo-random digits up to the total length.
    QString countryCode;
    QStringList areaCodes;
    int nationalLength;
    double share; // of the total
};

const std::array<ProfileSpec, 3> kProfiles = {{
    {u"HQ (RingCentral US)"_s,
     core::kProviderRingCentral.toString(),
     u"400131424008"_s,
     u"1"_s,
     {u"212"_s, u"312"_s, u"415"_s, u"617"_s, u"650"_s, u"206"_s, u"303"_s, u"512"_s, u"646"_s, u"720"_s},
     10,
     0.4},
    {u"Berlin (Telnyx)"_s,
     core::kProviderTelnyx.toString(),
     u"telnyx-1"_s,
     u"49"_s,
     {u"30"_s, u"40"_s, u"89"_s, u"69"_s, u"221"_s, u"711"_s, u"211"_s, u"341"_s},
     11,
     0.4},
    {u"Contact centre (Restcomm)"_s,
     core::kProviderRestcomm.toString(),
     u"AC0000000000000000000000000000bench"_s,
     u"44"_s,
     {u"20"_s, u"161"_s, u"121"_s, u"131"_s},
     10,
     0.2},
}};

QString digits(QRandomGenerator& random, int count) {
    QString out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        out += QChar(u'0' + static_cast<char16_t>(random.bounded(10)));
    }
    return out;
}

core::Extension extensionFor(QRandomGenerator& random, int index) {
    core::Extension x;
    x.id = QString::number(62000000000LL + index);
    x.extensionNumber = QString::number(1000 + index);
    x.name = kFirstNames.at(random.bounded(static_cast<int>(kFirstNames.size()))) + u' ' +
             kLastNames.at(random.bounded(static_cast<int>(kLastNames.size())));
    x.type = core::ExtensionType::User;
    x.status = core::ExtensionStatus::Enabled;
    x.timeZone = u"Europe/Berlin"_s;
    return x;
}

core::PhoneNumberRecord numberFor(QRandomGenerator& random, const ProfileSpec& spec, qint64 serial) {
    core::PhoneNumberRecord n;
    n.provider = spec.provider;
    const QString area = spec.areaCodes.at(random.bounded(static_cast<int>(spec.areaCodes.size())));
    n.e164 =
        u'+' + spec.countryCode + area + digits(random, spec.nationalLength - static_cast<int>(area.size()));
    const int roll = random.bounded(100);
    if (roll < 70) {
        n.usageType = core::UsageType::DirectNumber;
    } else if (roll < 85) {
        n.usageType = core::UsageType::CompanyNumber;
    } else if (roll < 92) {
        n.usageType = core::UsageType::CompanyFaxNumber;
        n.callType = core::CallType::FaxOnly;
    } else if (roll < 97) {
        n.usageType = core::UsageType::ContactCenterNumber;
    } else {
        n.usageType = core::UsageType::ConferencingNumber;
    }
    n.paymentType = random.bounded(20) == 0 ? core::PaymentType::TollFree : core::PaymentType::Local;
    n.status = random.bounded(50) == 0 ? core::NumberStatus::PortedIn : core::NumberStatus::Normal;
    if (random.bounded(3) != 0) {
        n.label = kLabels.at(random.bounded(static_cast<int>(kLabels.size()))) + u' ' +
                  QString::number(random.bounded(1, 500));
    }
    if (n.usageType == core::UsageType::DirectNumber) {
        const int e = random.bounded(kExtensionsPer);
        n.extensionId = QString::number(62000000000LL + e);
        n.extensionNumber = QString::number(1000 + e);
        n.features = core::NumberFeature::CallerId;
        if (random.bounded(4) == 0) {
            n.features |= core::NumberFeature::SmsSender;
        }
    }
    if (spec.provider == core::kProviderRestcomm) {
        n.id = u"PN%1"_s.arg(static_cast<qlonglong>(serial), 32, 16, QChar(u'0'));
        core::RestcommAttributes r;
        r.accountSid = spec.accountId;
        r.voiceUrl = u"https://apps.example.com/voice/%1"_s.arg(serial % 97);
        r.voiceMethod = u"POST"_s;
        r.smsUrl = random.bounded(2) == 0 ? QString() : u"https://apps.example.com/sms"_s;
        r.smsMethod = u"POST"_s;
        r.voiceCapable = n.callType != core::CallType::FaxOnly;
        r.smsCapable = !r.smsUrl.isEmpty();
        r.faxCapable = n.callType != core::CallType::VoiceOnly;
        r.apiVersion = u"2012-04-24"_s;
        n.restcomm = r;
    } else {
        n.id = QString::number(1100000000LL + serial);
    }
    return n;
}

} // namespace

namespace {

int pageSizeOf(store::Database& database) {
    QSqlQuery query(database.connection());
    return query.exec(u"PRAGMA page_size"_s) && query.next() ? query.value(0).toInt() : 0;
}

} // namespace

BenchData::FileState BenchData::inspect(const QString& path) {
    if (!QFileInfo::exists(path)) {
        return {};
    }
    QString error;
    const std::unique_ptr<store::Database> database = store::Database::open(path, &error);
    if (!database) {
        return {};
    }
    return {store::NumberTableQuery(*database).count({}, &error), pageSizeOf(*database)};
}

int BenchData::newFilePageSize() {
    // Created through the store, as the console creates a file.
    const QTemporaryDir dir;
    QString error;
    const std::unique_ptr<store::Database> database =
        dir.isValid() ? store::Database::open(dir.filePath(u"new.sqlite"_s), &error) : nullptr;
    return database ? pageSizeOf(*database) : 0;
}

BenchData::Result BenchData::generate(const QString& path, qint64 total,
                                      const std::function<void(qint64, qint64)>& progress) {
    Result result;
    QElapsedTimer timer;
    timer.start();
    for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        QFile::remove(path + suffix);
    }
    const std::unique_ptr<store::Database> database = store::Database::open(path, &result.error);
    if (!database) {
        return result;
    }
    QRandomGenerator random(20261125);
    store::ProfileRepository profiles(*database);
    store::ExtensionRepository extensions(*database);
    store::PhoneNumberRepository numbers(*database);
    qint64 serial = 0;
    qint64 remaining = total;
    for (std::size_t p = 0; p < kProfiles.size(); ++p) {
        const ProfileSpec& spec = kProfiles.at(p);
        store::Profile profile;
        profile.name = spec.name;
        profile.provider = spec.provider;
        profile.baseUrl = u"http://127.0.0.1:8080"_s;
        profile.accountId = spec.accountId;
        if (!profiles.add(profile, &result.error)) {
            return result;
        }
        QList<core::Extension> people;
        for (int e = 0; e < kExtensionsPer; ++e) {
            people << extensionFor(random, e);
        }
        if (!extensions.upsert(profile.id, people, &result.error)) {
            return result;
        }
        const qint64 share = p + 1 == kProfiles.size()
                                 ? remaining
                                 : static_cast<qint64>(static_cast<double>(total) * spec.share);
        remaining -= share;
        for (qint64 done = 0; done < share;) {
            QList<core::PhoneNumberRecord> batch;
            const qint64 size = qMin<qint64>(kBatch, share - done);
            batch.reserve(size);
            for (qint64 i = 0; i < size; ++i) {
                batch << numberFor(random, spec, serial++);
            }
            if (!numbers.upsert(profile.id, batch, &result.error)) {
                return result;
            }
            done += size;
            result.numbers += size;
            if (progress) {
                progress(result.numbers, total);
            }
        }
    }
    result.ok = true;
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace trunkline::bench
