#pragma once

#include "emulator/restcomm/IncomingNumber.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace trunkline::emulator {
struct EmulatorOptions;
}

namespace trunkline::emulator::restcomm {

struct RestcommAccount {
    QString sid;
    QString email;
    QString authToken; // what Basic auth compares with (docs/api/restcomm-numbers.md §1)
    QString parentSid; // empty: top-level (super admin)
    QString organizationSid;
    QString friendlyName;
    bool active = true;
};

// A number the emulated DID provider still has for sale (AvailablePhoneNumbers, then POST to buy it).
struct AvailableNumber {
    QString phoneNumber; // E.164
    QString friendlyName;
    QString isoCountry;
    QString type; // Local | TollFree | Mobile
    QString region;
    QString rateCenter;
    QString lata;
    QString postalCode;
    QString cost;
    bool voice = true;
    bool sms = true;
    bool mms = false;
    bool fax = false;
};

struct RestcommData {
    QList<RestcommAccount> accounts;
    QHash<QString, QString> organizations; // sid -> domain
    QHash<QString, QString> applications;  // sid -> friendly name
    QList<IncomingNumber> numbers;
    QList<AvailableNumber> available;

    QJsonObject toState() const;
    static RestcommData fromState(const QJsonObject& state);
};

// Seeded demo data: a super-admin account with a sub-account in another organisation, provider DIDs
// with voice/SMS URLs, SIP numbers and regex numbers ("*", "+1650*", "^\+1650.*", ...), and a pool of
// US numbers for sale. Same seed, same data.
class RestcommDemoData {
public:
    static RestcommData make(quint32 seed, const EmulatorOptions& options);
    static QString sid(const QString& prefix, QRandomGenerator& rng); // prefix + 32 lowercase hex
};

} // namespace trunkline::emulator::restcomm
