#include "core/PhoneNumberRecord.h"

#include "core/WireTable.h"

#include <QCoreApplication>

namespace trunkline::core {

namespace {

using detail::WireEntry;

constexpr std::array<WireEntry<UsageType>, 20> kUsageTypes{{
    {UsageType::MainCompanyNumber, u"MainCompanyNumber"},
    {UsageType::AdditionalCompanyNumber, u"AdditionalCompanyNumber"},
    {UsageType::CompanyNumber, u"CompanyNumber"},
    {UsageType::DirectNumber, u"DirectNumber"},
    {UsageType::CompanyFaxNumber, u"CompanyFaxNumber"},
    {UsageType::FmcBusinessMobileNumber, u"FmcBusinessMobileNumber"},
    {UsageType::InventoryFmcBusinessMobileNumber, u"InventoryFmcBusinessMobileNumber"},
    {UsageType::ForwardedNumber, u"ForwardedNumber"},
    {UsageType::ForwardedCompanyNumber, u"ForwardedCompanyNumber"},
    {UsageType::ContactCenterNumber, u"ContactCenterNumber"},
    {UsageType::ConferencingNumber, u"ConferencingNumber"},
    {UsageType::MeetingsNumber, u"MeetingsNumber"},
    {UsageType::NumberPool, u"NumberPool"},
    {UsageType::BusinessMobileNumber, u"BusinessMobileNumber"},
    {UsageType::ELIN, u"ELIN"},
    {UsageType::PartnerBusinessMobileNumber, u"PartnerBusinessMobileNumber"},
    {UsageType::NumberPoolPartnerBusinessMobileNumber, u"NumberPoolPartnerBusinessMobileNumber"},
    {UsageType::NumberStorage, u"NumberStorage"},
    {UsageType::IntegrationNumber, u"IntegrationNumber"},
    {UsageType::InventoryMobileNumber, u"InventoryMobileNumber"},
}};

constexpr std::array<WireEntry<PaymentType>, 7> kPaymentTypes{{
    {PaymentType::External, u"External"},
    {PaymentType::TollFree, u"TollFree"},
    {PaymentType::Local, u"Local"},
    {PaymentType::BusinessMobileNumberProvider, u"BusinessMobileNumberProvider"},
    {PaymentType::ExternalNumberProvider, u"ExternalNumberProvider"},
    {PaymentType::ExternalNumberProviderTollFree, u"ExternalNumberProviderTollFree"},
    {PaymentType::Mobile, u"Mobile"},
}};

constexpr std::array<WireEntry<CallType>, 3> kCallTypes{{
    {CallType::VoiceFax, u"VoiceFax"},
    {CallType::VoiceOnly, u"VoiceOnly"},
    {CallType::FaxOnly, u"FaxOnly"},
}};

constexpr std::array<WireEntry<NumberStatus>, 5> kNumberStatuses{{
    {NumberStatus::Normal, u"Normal"},
    {NumberStatus::Pending, u"Pending"},
    {NumberStatus::PortedIn, u"PortedIn"},
    {NumberStatus::Temporary, u"Temporary"},
    {NumberStatus::Unknown, u"Unknown"},
}};

constexpr std::array<WireEntry<NumberFeature>, 6> kNumberFeatures{{
    {NumberFeature::CallerId, u"CallerId"},
    {NumberFeature::SmsSender, u"SmsSender"},
    {NumberFeature::A2PSmsSender, u"A2PSmsSender"},
    {NumberFeature::MmsSender, u"MmsSender"},
    {NumberFeature::InternationalSmsSender, u"InternationalSmsSender"},
    {NumberFeature::Delegated, u"Delegated"},
}};

} // namespace

QString toWire(UsageType usage) {
    return detail::wireOf(kUsageTypes, usage);
}

std::optional<UsageType> usageTypeFromWire(QStringView wire) {
    return detail::valueOf(kUsageTypes, wire);
}

QList<UsageType> allUsageTypes() {
    return detail::valuesOf(kUsageTypes);
}

QString displayName(UsageType usage) {
    switch (usage) {
    case UsageType::MainCompanyNumber:
        return QCoreApplication::translate("UsageType", "Main company number");
    case UsageType::AdditionalCompanyNumber:
        return QCoreApplication::translate("UsageType", "Additional company number");
    case UsageType::CompanyNumber:
        return QCoreApplication::translate("UsageType", "Company number");
    case UsageType::DirectNumber:
        return QCoreApplication::translate("UsageType", "Direct number");
    case UsageType::CompanyFaxNumber:
        return QCoreApplication::translate("UsageType", "Company fax number");
    case UsageType::FmcBusinessMobileNumber:
        return QCoreApplication::translate("UsageType", "FMC business mobile number");
    case UsageType::InventoryFmcBusinessMobileNumber:
        return QCoreApplication::translate("UsageType", "FMC business mobile number (inventory)");
    case UsageType::ForwardedNumber:
        return QCoreApplication::translate("UsageType", "Forwarded number");
    case UsageType::ForwardedCompanyNumber:
        return QCoreApplication::translate("UsageType", "Forwarded company number");
    case UsageType::ContactCenterNumber:
        return QCoreApplication::translate("UsageType", "Contact center number");
    case UsageType::ConferencingNumber:
        return QCoreApplication::translate("UsageType", "Conferencing number");
    case UsageType::MeetingsNumber:
        return QCoreApplication::translate("UsageType", "Meetings number");
    case UsageType::NumberPool:
        return QCoreApplication::translate("UsageType", "Number pool");
    case UsageType::BusinessMobileNumber:
        return QCoreApplication::translate("UsageType", "Business mobile number");
    case UsageType::ELIN:
        return QCoreApplication::translate("UsageType", "Emergency location number (ELIN)");
    case UsageType::PartnerBusinessMobileNumber:
        return QCoreApplication::translate("UsageType", "Partner business mobile number");
    case UsageType::NumberPoolPartnerBusinessMobileNumber:
        return QCoreApplication::translate("UsageType", "Partner business mobile number (pool)");
    case UsageType::NumberStorage:
        return QCoreApplication::translate("UsageType", "Number storage");
    case UsageType::IntegrationNumber:
        return QCoreApplication::translate("UsageType", "Integration number");
    case UsageType::InventoryMobileNumber:
        break;
    }
    return QCoreApplication::translate("UsageType", "Mobile number (inventory)");
}

QString toWire(PaymentType payment) {
    return detail::wireOf(kPaymentTypes, payment);
}

std::optional<PaymentType> paymentTypeFromWire(QStringView wire) {
    return detail::valueOf(kPaymentTypes, wire);
}

QList<PaymentType> allPaymentTypes() {
    return detail::valuesOf(kPaymentTypes);
}

QString displayName(PaymentType payment) {
    switch (payment) {
    case PaymentType::External:
        return QCoreApplication::translate("PaymentType", "External");
    case PaymentType::TollFree:
        return QCoreApplication::translate("PaymentType", "Toll-free");
    case PaymentType::Local:
        return QCoreApplication::translate("PaymentType", "Local");
    case PaymentType::BusinessMobileNumberProvider:
        return QCoreApplication::translate("PaymentType", "Business mobile provider");
    case PaymentType::ExternalNumberProvider:
        return QCoreApplication::translate("PaymentType", "External number provider");
    case PaymentType::ExternalNumberProviderTollFree:
        return QCoreApplication::translate("PaymentType", "External number provider (toll-free)");
    case PaymentType::Mobile:
        break;
    }
    return QCoreApplication::translate("PaymentType", "Mobile");
}

QString toWire(CallType callType) {
    return detail::wireOf(kCallTypes, callType);
}

std::optional<CallType> callTypeFromWire(QStringView wire) {
    // The RingCentral guide writes "VoiceAndFax"; the spec's value is "VoiceFax". Accept both.
    if (wire == u"VoiceAndFax") {
        return CallType::VoiceFax;
    }
    return detail::valueOf(kCallTypes, wire);
}

QList<CallType> allCallTypes() {
    return detail::valuesOf(kCallTypes);
}

QString displayName(CallType callType) {
    switch (callType) {
    case CallType::VoiceFax:
        return QCoreApplication::translate("CallType", "Voice and fax");
    case CallType::VoiceOnly:
        return QCoreApplication::translate("CallType", "Voice only");
    case CallType::FaxOnly:
        break;
    }
    return QCoreApplication::translate("CallType", "Fax only");
}

QString toWire(NumberStatus status) {
    return detail::wireOf(kNumberStatuses, status);
}

std::optional<NumberStatus> numberStatusFromWire(QStringView wire) {
    return detail::valueOf(kNumberStatuses, wire);
}

QList<NumberStatus> allNumberStatuses() {
    return detail::valuesOf(kNumberStatuses);
}

QString displayName(NumberStatus status) {
    switch (status) {
    case NumberStatus::Normal:
        return QCoreApplication::translate("NumberStatus", "Normal");
    case NumberStatus::Pending:
        return QCoreApplication::translate("NumberStatus", "Porting pending");
    case NumberStatus::PortedIn:
        return QCoreApplication::translate("NumberStatus", "Ported in");
    case NumberStatus::Temporary:
        return QCoreApplication::translate("NumberStatus", "Temporary");
    case NumberStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("NumberStatus", "Unknown");
}

QString toWire(NumberFeature feature) {
    return detail::wireOf(kNumberFeatures, feature);
}

std::optional<NumberFeature> numberFeatureFromWire(QStringView wire) {
    return detail::valueOf(kNumberFeatures, wire);
}

QList<NumberFeature> allNumberFeatures() {
    return detail::valuesOf(kNumberFeatures);
}

QString displayName(NumberFeature feature) {
    switch (feature) {
    case NumberFeature::CallerId:
        return QCoreApplication::translate("NumberFeature", "Caller ID");
    case NumberFeature::SmsSender:
        return QCoreApplication::translate("NumberFeature", "SMS sender");
    case NumberFeature::A2PSmsSender:
        return QCoreApplication::translate("NumberFeature", "A2P SMS sender");
    case NumberFeature::MmsSender:
        return QCoreApplication::translate("NumberFeature", "MMS sender");
    case NumberFeature::InternationalSmsSender:
        return QCoreApplication::translate("NumberFeature", "International SMS sender");
    case NumberFeature::Delegated:
        break;
    }
    return QCoreApplication::translate("NumberFeature", "Delegated");
}

QStringList numberFeaturesToWire(NumberFeatures features) {
    QStringList wire;
    for (const auto& entry : kNumberFeatures) {
        if (features.testFlag(entry.value)) {
            wire.append(entry.wire.toString());
        }
    }
    return wire;
}

NumberFeatures numberFeaturesFromWire(const QStringList& wire, QStringList* unknown) {
    NumberFeatures features;
    for (const QString& text : wire) {
        if (const auto feature = numberFeatureFromWire(text)) {
            features |= *feature;
        } else if (unknown) {
            unknown->append(text);
        }
    }
    return features;
}

} // namespace trunkline::core
