#include "core/PhoneNumberRecord.h"

#include "core/WireTable.h"

#include <QCoreApplication>

namespace trunkline::core {

namespace {

using detail::WireEntry;

constexpr std::array<WireEntry<UsageType>, 20> kUsageTypes{{
    {UsageType::MainCompanyNumber, u"MainCompanyNumber",
     QT_TRANSLATE_NOOP("UsageType", "Main company number")},
    {UsageType::AdditionalCompanyNumber, u"AdditionalCompanyNumber",
     QT_TRANSLATE_NOOP("UsageType", "Additional company number")},
    {UsageType::CompanyNumber, u"CompanyNumber", QT_TRANSLATE_NOOP("UsageType", "Company number")},
    {UsageType::DirectNumber, u"DirectNumber", QT_TRANSLATE_NOOP("UsageType", "Direct number")},
    {UsageType::CompanyFaxNumber, u"CompanyFaxNumber", QT_TRANSLATE_NOOP("UsageType", "Company fax number")},
    {UsageType::FmcBusinessMobileNumber, u"FmcBusinessMobileNumber",
     QT_TRANSLATE_NOOP("UsageType", "FMC business mobile number")},
    {UsageType::InventoryFmcBusinessMobileNumber, u"InventoryFmcBusinessMobileNumber",
     QT_TRANSLATE_NOOP("UsageType", "FMC business mobile number (inventory)")},
    {UsageType::ForwardedNumber, u"ForwardedNumber", QT_TRANSLATE_NOOP("UsageType", "Forwarded number")},
    {UsageType::ForwardedCompanyNumber, u"ForwardedCompanyNumber",
     QT_TRANSLATE_NOOP("UsageType", "Forwarded company number")},
    {UsageType::ContactCenterNumber, u"ContactCenterNumber",
     QT_TRANSLATE_NOOP("UsageType", "Contact center number")},
    {UsageType::ConferencingNumber, u"ConferencingNumber",
     QT_TRANSLATE_NOOP("UsageType", "Conferencing number")},
    {UsageType::MeetingsNumber, u"MeetingsNumber", QT_TRANSLATE_NOOP("UsageType", "Meetings number")},
    {UsageType::NumberPool, u"NumberPool", QT_TRANSLATE_NOOP("UsageType", "Number pool")},
    {UsageType::BusinessMobileNumber, u"BusinessMobileNumber",
     QT_TRANSLATE_NOOP("UsageType", "Business mobile number")},
    {UsageType::ELIN, u"ELIN", QT_TRANSLATE_NOOP("UsageType", "Emergency location number (ELIN)")},
    {UsageType::PartnerBusinessMobileNumber, u"PartnerBusinessMobileNumber",
     QT_TRANSLATE_NOOP("UsageType", "Partner business mobile number")},
    {UsageType::NumberPoolPartnerBusinessMobileNumber, u"NumberPoolPartnerBusinessMobileNumber",
     QT_TRANSLATE_NOOP("UsageType", "Partner business mobile number (pool)")},
    {UsageType::NumberStorage, u"NumberStorage", QT_TRANSLATE_NOOP("UsageType", "Number storage")},
    {UsageType::IntegrationNumber, u"IntegrationNumber",
     QT_TRANSLATE_NOOP("UsageType", "Integration number")},
    {UsageType::InventoryMobileNumber, u"InventoryMobileNumber",
     QT_TRANSLATE_NOOP("UsageType", "Mobile number (inventory)")},
}};

constexpr std::array<WireEntry<PaymentType>, 7> kPaymentTypes{{
    {PaymentType::External, u"External", QT_TRANSLATE_NOOP("PaymentType", "External")},
    {PaymentType::TollFree, u"TollFree", QT_TRANSLATE_NOOP("PaymentType", "Toll-free")},
    {PaymentType::Local, u"Local", QT_TRANSLATE_NOOP("PaymentType", "Local")},
    {PaymentType::BusinessMobileNumberProvider, u"BusinessMobileNumberProvider",
     QT_TRANSLATE_NOOP("PaymentType", "Business mobile provider")},
    {PaymentType::ExternalNumberProvider, u"ExternalNumberProvider",
     QT_TRANSLATE_NOOP("PaymentType", "External number provider")},
    {PaymentType::ExternalNumberProviderTollFree, u"ExternalNumberProviderTollFree",
     QT_TRANSLATE_NOOP("PaymentType", "External number provider (toll-free)")},
    {PaymentType::Mobile, u"Mobile", QT_TRANSLATE_NOOP("PaymentType", "Mobile")},
}};

constexpr std::array<WireEntry<CallType>, 4> kCallTypes{{
    {CallType::VoiceFax, u"VoiceFax", QT_TRANSLATE_NOOP("CallType", "Voice and fax")},
    // The RingCentral guide writes "VoiceAndFax"; the spec's value is "VoiceFax". Accept both. Not last:
    // a value missing from a table is named like the table's last row, and this row has no name.
    {CallType::VoiceFax, u"VoiceAndFax"},
    {CallType::VoiceOnly, u"VoiceOnly", QT_TRANSLATE_NOOP("CallType", "Voice only")},
    {CallType::FaxOnly, u"FaxOnly", QT_TRANSLATE_NOOP("CallType", "Fax only")},
}};

constexpr std::array<WireEntry<NumberStatus>, 5> kNumberStatuses{{
    {NumberStatus::Normal, u"Normal", QT_TRANSLATE_NOOP("NumberStatus", "Normal")},
    {NumberStatus::Pending, u"Pending", QT_TRANSLATE_NOOP("NumberStatus", "Porting pending")},
    {NumberStatus::PortedIn, u"PortedIn", QT_TRANSLATE_NOOP("NumberStatus", "Ported in")},
    {NumberStatus::Temporary, u"Temporary", QT_TRANSLATE_NOOP("NumberStatus", "Temporary")},
    {NumberStatus::Unknown, u"Unknown", QT_TRANSLATE_NOOP("NumberStatus", "Unknown")},
}};

constexpr std::array<WireEntry<NumberFeature>, 6> kNumberFeatures{{
    {NumberFeature::CallerId, u"CallerId", QT_TRANSLATE_NOOP("NumberFeature", "Caller ID")},
    {NumberFeature::SmsSender, u"SmsSender", QT_TRANSLATE_NOOP("NumberFeature", "SMS sender")},
    {NumberFeature::A2PSmsSender, u"A2PSmsSender", QT_TRANSLATE_NOOP("NumberFeature", "A2P SMS sender")},
    {NumberFeature::MmsSender, u"MmsSender", QT_TRANSLATE_NOOP("NumberFeature", "MMS sender")},
    {NumberFeature::InternationalSmsSender, u"InternationalSmsSender",
     QT_TRANSLATE_NOOP("NumberFeature", "International SMS sender")},
    {NumberFeature::Delegated, u"Delegated", QT_TRANSLATE_NOOP("NumberFeature", "Delegated")},
}};

} // namespace

TRUNKLINE_WIRE_ENUM(UsageType, kUsageTypes)

TRUNKLINE_WIRE_ENUM(PaymentType, kPaymentTypes)

TRUNKLINE_WIRE_ENUM(CallType, kCallTypes)

TRUNKLINE_WIRE_ENUM(NumberStatus, kNumberStatuses)

TRUNKLINE_WIRE_FLAGS(NumberFeature, kNumberFeatures)

} // namespace trunkline::core
