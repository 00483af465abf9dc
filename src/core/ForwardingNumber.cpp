#include "core/ForwardingNumber.h"

#include "core/WireTable.h"

#include <QCoreApplication>

namespace trunkline::core {

namespace {

using detail::WireEntry;

constexpr std::array<WireEntry<ForwardingType>, 8> kForwardingTypes{{
    {ForwardingType::Home, u"Home"},
    {ForwardingType::Mobile, u"Mobile"},
    {ForwardingType::Work, u"Work"},
    {ForwardingType::PhoneLine, u"PhoneLine"},
    {ForwardingType::Outage, u"Outage"},
    {ForwardingType::Other, u"Other"},
    {ForwardingType::BusinessMobilePhone, u"BusinessMobilePhone"},
    {ForwardingType::ExtensionApps, u"ExtensionApps"},
}};

constexpr std::array<WireEntry<ForwardingFeature>, 2> kForwardingFeatures{{
    {ForwardingFeature::CallForwarding, u"CallForwarding"},
    {ForwardingFeature::CallFlip, u"CallFlip"},
}};

} // namespace

QString toWire(ForwardingType type) {
    return detail::wireOf(kForwardingTypes, type);
}

std::optional<ForwardingType> forwardingTypeFromWire(QStringView wire) {
    return detail::valueOf(kForwardingTypes, wire);
}

QList<ForwardingType> allForwardingTypes() {
    return detail::valuesOf(kForwardingTypes);
}

QString displayName(ForwardingType type) {
    switch (type) {
    case ForwardingType::Home:
        return QCoreApplication::translate("ForwardingType", "Home");
    case ForwardingType::Mobile:
        return QCoreApplication::translate("ForwardingType", "Mobile");
    case ForwardingType::Work:
        return QCoreApplication::translate("ForwardingType", "Work");
    case ForwardingType::PhoneLine:
        return QCoreApplication::translate("ForwardingType", "Phone line");
    case ForwardingType::Outage:
        return QCoreApplication::translate("ForwardingType", "Outage");
    case ForwardingType::Other:
        return QCoreApplication::translate("ForwardingType", "Other");
    case ForwardingType::BusinessMobilePhone:
        return QCoreApplication::translate("ForwardingType", "Business mobile phone");
    case ForwardingType::ExtensionApps:
        break;
    }
    return QCoreApplication::translate("ForwardingType", "Extension apps");
}

QString toWire(ForwardingFeature feature) {
    return detail::wireOf(kForwardingFeatures, feature);
}

std::optional<ForwardingFeature> forwardingFeatureFromWire(QStringView wire) {
    return detail::valueOf(kForwardingFeatures, wire);
}

QList<ForwardingFeature> allForwardingFeatures() {
    return detail::valuesOf(kForwardingFeatures);
}

QString displayName(ForwardingFeature feature) {
    switch (feature) {
    case ForwardingFeature::CallForwarding:
        return QCoreApplication::translate("ForwardingFeature", "Call forwarding");
    case ForwardingFeature::CallFlip:
        break;
    }
    return QCoreApplication::translate("ForwardingFeature", "Call flip");
}

QStringList forwardingFeaturesToWire(ForwardingFeatures features) {
    QStringList wire;
    for (const auto& entry : kForwardingFeatures) {
        if (features.testFlag(entry.value)) {
            wire.append(entry.wire.toString());
        }
    }
    return wire;
}

ForwardingFeatures forwardingFeaturesFromWire(const QStringList& wire, QStringList* unknown) {
    ForwardingFeatures features;
    for (const QString& text : wire) {
        if (const auto feature = forwardingFeatureFromWire(text)) {
            features |= *feature;
        } else if (unknown) {
            unknown->append(text);
        }
    }
    return features;
}

} // namespace trunkline::core
