#include "core/ForwardingNumber.h"

#include "core/WireTable.h"

#include <QCoreApplication>

namespace trunkline::core {

namespace {

using detail::WireEntry;

constexpr std::array<WireEntry<ForwardingType>, 8> kForwardingTypes{{
    {ForwardingType::Home, u"Home", QT_TRANSLATE_NOOP("ForwardingType", "Home")},
    {ForwardingType::Mobile, u"Mobile", QT_TRANSLATE_NOOP("ForwardingType", "Mobile")},
    {ForwardingType::Work, u"Work", QT_TRANSLATE_NOOP("ForwardingType", "Work")},
    {ForwardingType::PhoneLine, u"PhoneLine", QT_TRANSLATE_NOOP("ForwardingType", "Phone line")},
    {ForwardingType::Outage, u"Outage", QT_TRANSLATE_NOOP("ForwardingType", "Outage")},
    {ForwardingType::Other, u"Other", QT_TRANSLATE_NOOP("ForwardingType", "Other")},
    {ForwardingType::BusinessMobilePhone, u"BusinessMobilePhone",
     QT_TRANSLATE_NOOP("ForwardingType", "Business mobile phone")},
    {ForwardingType::ExtensionApps, u"ExtensionApps", QT_TRANSLATE_NOOP("ForwardingType", "Extension apps")},
}};

constexpr std::array<WireEntry<ForwardingFeature>, 2> kForwardingFeatures{{
    {ForwardingFeature::CallForwarding, u"CallForwarding",
     QT_TRANSLATE_NOOP("ForwardingFeature", "Call forwarding")},
    {ForwardingFeature::CallFlip, u"CallFlip", QT_TRANSLATE_NOOP("ForwardingFeature", "Call flip")},
}};

} // namespace

TRUNKLINE_WIRE_ENUM(ForwardingType, kForwardingTypes)

TRUNKLINE_WIRE_FLAGS(ForwardingFeature, kForwardingFeatures)

} // namespace trunkline::core
