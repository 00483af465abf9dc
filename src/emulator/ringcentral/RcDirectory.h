#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

namespace trunkline::emulator::ringcentral {

struct RcForwardingNumber {
    qint64 id = 0; // a string in JSON
    QString phoneNumber;
    QString label;
    QString type; // Home, Mobile, Work, Other, ...
    int flipNumber = 0;
};

struct RcExtension {
    qint64 id = 0;
    QString extensionNumber; // empty for status Unassigned
    QString type;            // User, Department, ...
    QString status;          // Enabled, Disabled, Frozen, NotActivated, Unassigned
    QString name;            // display name (users: "First Last")
    QString firstName, lastName, email, company, jobTitle, department, businessPhone, mobilePhone;
    bool admin = false;
    bool internationalCalling = false;
    QString timezoneId, languageId, countryId, timeFormat;
    QString deviceType; // DeviceResource.type of its one device (HardPhone, SoftPhone, ...); empty = none
    qint64 createdMs = 0;
    QList<RcForwardingNumber> forwarding;
    // Settings objects, stored as sent once changed; empty = the generated default.
    QJsonObject callerId, notificationSettings, businessHours, businessHoursRule, afterHoursRule;
    // Custom answering rules: {"nextId": n, "records": [rule as stored, with its "id"]}; empty = the
    // generated default.
    QJsonObject customRules;
    // The demo's call handling beyond business hours (RcCallHandlingApi makes it on first use, so that a
    // big generated account costs nothing for it): after hours to the first call queue or IVR menu and
    // two custom rules; a custom voicemail greeting after hours.
    bool demoCallRules = false;
    bool demoGreeting = false;

    int nextFreeFlipNumber() const;
};

struct RcPhoneNumber {
    qint64 id = 0;
    QString phoneNumber; // E.164
    QString usageType;   // MainCompanyNumber, DirectNumber, ...
    QString paymentType; // Local, TollFree, External
    QString type;        // VoiceFax, VoiceOnly, FaxOnly
    QString status = QStringLiteral("Normal");
    qint64 extensionId = 0; // 0 = company-level
    QString label;
    QString location;
    bool primary = false;

    // What the number can be used for (docs/api/ringcentral.md §4.1 features), following its use and call
    // type: a fax-only number is never a caller ID or SMS sender, a direct number is both, a company
    // voice number is a caller ID (UNCONFIRMED: RingCentral decides this per number; this is the
    // emulator's rule).
    QStringList features() const;
};

// The whole RingCentral account the emulator serves: compact records plus lookup indexes. Made
// deterministically from a seed (any size: 100,000 numbers in well under a second), saved to and
// restored from JSON for --state.
class RcDirectory {
public:
    qint64 accountId = 0;
    QString companyName;
    qint64 createdMs = 0;
    std::vector<RcExtension> extensions;
    std::vector<RcPhoneNumber> numbers;
    qint64 nextExtensionId = 0;
    qint64 nextNumberId = 0;
    qint64 nextForwardingId = 0;

    static RcDirectory generate(quint32 seed, int numberCount, int extensionCount, qint64 nowMs);

    RcExtension* extension(qint64 id);
    const RcExtension* extension(qint64 id) const;
    const RcExtension* extensionByNumber(const QString& extensionNumber) const;
    const RcPhoneNumber* number(qint64 id) const;
    const RcPhoneNumber* numberByE164(const QString& e164) const;
    QList<int> numberIndexesOfExtension(qint64 extensionId) const;
    const RcPhoneNumber* mainNumber() const;
    // The extension owning a forwarding number id, or nullptr.
    RcExtension* extensionOfForwarding(qint64 forwardingId);

    void addExtension(RcExtension extension);
    // Deletes the extension; its direct numbers become company numbers if keepNumbers, else go away.
    void removeExtension(qint64 id, bool keepNumbers);
    void renumberExtension(qint64 id, const QString& newNumber);
    // Gives the number a new usage type and owner (0 = the company); false when there is no such number.
    bool assignNumber(qint64 numberId, const QString& usageType, qint64 extensionId);
    void rebuildIndexes();

    QJsonObject toJson() const;
    static RcDirectory fromJson(const QJsonObject& json);

private:
    void ensureNumberIndexes() const;

    QHash<qint64, int> m_extensionIndex;
    QHash<QString, int> m_extensionNumberIndex;
    // Number indexes are built on first use: start-up with 100,000 numbers should not pay for them.
    mutable bool m_numberIndexesValid = false;
    mutable QHash<qint64, int> m_numberIndex;
    mutable QHash<QString, int> m_numberE164Index;
    mutable QHash<qint64, QList<int>> m_numbersByExtension;
};

} // namespace trunkline::emulator::ringcentral
