#pragma once

#include "core/WireEnum.h"

#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace trunkline::core {

// Provider keys as stored in PhoneNumberRecord::provider (and in the database).
inline constexpr QStringView kProviderRingCentral = u"ringcentral";
inline constexpr QStringView kProviderTelnyx = u"telnyx";
inline constexpr QStringView kProviderRestcomm = u"restcomm";
// What each provider can do, its name and its secrets: providers/ProviderRegistry.h.

// RingCentral v1 PhoneNumberUsageType.
enum class UsageType {
    MainCompanyNumber,
    AdditionalCompanyNumber,
    CompanyNumber,
    DirectNumber,
    CompanyFaxNumber,
    FmcBusinessMobileNumber,
    InventoryFmcBusinessMobileNumber,
    ForwardedNumber,
    ForwardedCompanyNumber,
    ContactCenterNumber,
    ConferencingNumber,
    MeetingsNumber,
    NumberPool,
    BusinessMobileNumber,
    ELIN,
    PartnerBusinessMobileNumber,
    NumberPoolPartnerBusinessMobileNumber,
    NumberStorage,
    IntegrationNumber,
    InventoryMobileNumber,
};

// RingCentral PlatformPaymentType.
enum class PaymentType {
    External,
    TollFree,
    Local,
    BusinessMobileNumberProvider,
    ExternalNumberProvider,
    ExternalNumberProviderTollFree,
    Mobile,
};

// RingCentral PhoneNumberType ("type" of a number). The wire value is VoiceFax; the older docs write
// VoiceAndFax, which fromWire<CallType>() accepts as well.
enum class CallType {
    VoiceFax,
    VoiceOnly,
    FaxOnly,
};

// RingCentral PhoneNumberStatus. Anything but Normal is an external number not yet ported.
enum class NumberStatus {
    Normal,
    Pending,
    PortedIn,
    Temporary,
    Unknown,
};

// RingCentral number features (extension phone-number list only).
enum class NumberFeature : unsigned {
    CallerId = 0x01,
    SmsSender = 0x02,
    A2PSmsSender = 0x04,
    MmsSender = 0x08,
    InternationalSmsSender = 0x10,
    Delegated = 0x20,
};
Q_DECLARE_FLAGS(NumberFeatures, NumberFeature)
Q_DECLARE_OPERATORS_FOR_FLAGS(NumberFeatures)

// Restcomm IncomingPhoneNumber fields beyond the common record (docs/api/restcomm-numbers.md §3). A null
// QString stands for JSON null; methods are "GET"/"POST" as text because Restcomm does not validate them.
struct RestcommAttributes {
    QString accountSid;
    QString voiceUrl;
    QString voiceMethod;
    QString voiceFallbackUrl;
    QString voiceFallbackMethod;
    QString statusCallback;
    QString statusCallbackMethod;
    bool voiceCallerIdLookup = false;
    QString voiceApplicationSid;
    QString smsUrl;
    QString smsMethod;
    QString smsFallbackUrl;
    QString smsFallbackMethod;
    QString smsApplicationSid;
    QString ussdUrl;
    QString ussdMethod;
    QString ussdFallbackUrl;
    QString ussdFallbackMethod;
    QString ussdApplicationSid;
    QString referUrl;
    QString referMethod;
    QString referApplicationSid;
    bool voiceCapable = false;
    bool smsCapable = false;
    bool mmsCapable = false;
    bool faxCapable = false;
    // isSIP on create: a pure SIP number is stored as typed and may be a regex (restcomm §5, §8).
    bool pureSip = false;
    QString apiVersion; // "2012-04-24" unless another was posted
    // The applications' names beside their sids, shown where the sid alone would mean nothing to the
    // admin. Only Restcomm's list sends them (its query joins the applications table; a single read or an
    // update answers null, §3), so they are display-only: never part of a record's version, never sent.
    QString voiceApplicationName;
    QString smsApplicationName;
    QString ussdApplicationName;
    QString referApplicationName;
    QDateTime dateCreated;
    QDateTime dateUpdated;

    // For a single read or an update's answer, which names no application: keeps the names the list gave
    // (`listed`) for the sids that did not change.
    void keepApplicationNames(const RestcommAttributes& listed) {
        auto keep = [](QString& name, const QString& sid, const QString& listedName,
                       const QString& listedSid) {
            if (name.isNull() && !sid.isEmpty() && sid == listedSid)
                name = listedName;
        };
        keep(voiceApplicationName, voiceApplicationSid, listed.voiceApplicationName,
             listed.voiceApplicationSid);
        keep(smsApplicationName, smsApplicationSid, listed.smsApplicationName, listed.smsApplicationSid);
        keep(ussdApplicationName, ussdApplicationSid, listed.ussdApplicationName, listed.ussdApplicationSid);
        keep(referApplicationName, referApplicationSid, listed.referApplicationName,
             listed.referApplicationSid);
    }

    friend bool operator==(const RestcommAttributes&, const RestcommAttributes&) = default;
};

// One phone number of any provider. `e164` holds the number as the provider knows it: E.164 for
// RingCentral/Telnyx; for a Restcomm pure SIP number it may be any text, including a regex.
struct PhoneNumberRecord {
    QString provider; // kProviderRingCentral | kProviderTelnyx | kProviderRestcomm
    QString id;       // provider's id (RingCentral int64 as text, Restcomm sid)
    QString e164;
    QString label; // RingCentral label / Restcomm friendly_name
    UsageType usageType = UsageType::DirectNumber;
    PaymentType paymentType = PaymentType::Local;
    CallType callType = CallType::VoiceFax;
    NumberStatus status = NumberStatus::Normal;
    NumberFeatures features;
    // Whether the provider reported the features at all: RingCentral's account list and a non-admin's
    // view of another extension's numbers leave them out, which is not "no features" (seed 001).
    bool featuresReported = false;
    QString extensionId; // empty for company-level numbers
    QString extensionNumber;
    std::optional<RestcommAttributes> restcomm; // set only for provider "restcomm"

    friend bool operator==(const PhoneNumberRecord&, const PhoneNumberRecord&) = default;
};

} // namespace trunkline::core
