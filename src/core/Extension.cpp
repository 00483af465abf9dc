#include "core/Extension.h"

#include "core/WireTable.h"

#include <QCoreApplication>

namespace trunkline::core {

namespace {

using detail::WireEntry;

constexpr std::array<WireEntry<ExtensionType>, 23> kExtensionTypes{{
    {ExtensionType::User, u"User"},
    {ExtensionType::Department, u"Department"},
    {ExtensionType::Announcement, u"Announcement"},
    {ExtensionType::Voicemail, u"Voicemail"},
    {ExtensionType::DigitalUser, u"DigitalUser"},
    {ExtensionType::VirtualUser, u"VirtualUser"},
    {ExtensionType::FaxUser, u"FaxUser"},
    {ExtensionType::PagingOnly, u"PagingOnly"},
    {ExtensionType::SharedLinesGroup, u"SharedLinesGroup"},
    {ExtensionType::DelegatedLinesGroup, u"DelegatedLinesGroup"},
    {ExtensionType::GroupCallPickup, u"GroupCallPickup"},
    {ExtensionType::IvrMenu, u"IvrMenu"},
    {ExtensionType::ApplicationExtension, u"ApplicationExtension"},
    {ExtensionType::ProxyAdmin, u"ProxyAdmin"},
    {ExtensionType::RoomConnector, u"RoomConnector"},
    {ExtensionType::ParkLocation, u"ParkLocation"},
    {ExtensionType::Limited, u"Limited"},
    {ExtensionType::Bot, u"Bot"},
    {ExtensionType::Site, u"Site"},
    {ExtensionType::Room, u"Room"},
    {ExtensionType::FlexibleUser, u"FlexibleUser"},
    {ExtensionType::TieLine, u"TieLine"},
    {ExtensionType::Unknown, u"Unknown"},
}};

constexpr std::array<WireEntry<ExtensionStatus>, 5> kExtensionStatuses{{
    {ExtensionStatus::Enabled, u"Enabled"},
    {ExtensionStatus::Disabled, u"Disabled"},
    {ExtensionStatus::Frozen, u"Frozen"},
    {ExtensionStatus::NotActivated, u"NotActivated"},
    {ExtensionStatus::Unassigned, u"Unassigned"},
}};

} // namespace

QString toWire(ExtensionType type) {
    return detail::wireOf(kExtensionTypes, type);
}

std::optional<ExtensionType> extensionTypeFromWire(QStringView wire) {
    return detail::valueOf(kExtensionTypes, wire);
}

QList<ExtensionType> allExtensionTypes() {
    return detail::valuesOf(kExtensionTypes);
}

QString displayName(ExtensionType type) {
    switch (type) {
    case ExtensionType::User:
        return QCoreApplication::translate("ExtensionType", "User");
    case ExtensionType::Department:
        return QCoreApplication::translate("ExtensionType", "Call queue");
    case ExtensionType::Announcement:
        return QCoreApplication::translate("ExtensionType", "Announcement only");
    case ExtensionType::Voicemail:
        return QCoreApplication::translate("ExtensionType", "Message only");
    case ExtensionType::DigitalUser:
        return QCoreApplication::translate("ExtensionType", "Digital user");
    case ExtensionType::VirtualUser:
        return QCoreApplication::translate("ExtensionType", "Virtual user");
    case ExtensionType::FaxUser:
        return QCoreApplication::translate("ExtensionType", "Fax user");
    case ExtensionType::PagingOnly:
        return QCoreApplication::translate("ExtensionType", "Paging only group");
    case ExtensionType::SharedLinesGroup:
        return QCoreApplication::translate("ExtensionType", "Shared lines group");
    case ExtensionType::DelegatedLinesGroup:
        return QCoreApplication::translate("ExtensionType", "Delegated lines group");
    case ExtensionType::GroupCallPickup:
        return QCoreApplication::translate("ExtensionType", "Group call pickup");
    case ExtensionType::IvrMenu:
        return QCoreApplication::translate("ExtensionType", "IVR menu");
    case ExtensionType::ApplicationExtension:
        return QCoreApplication::translate("ExtensionType", "Application extension");
    case ExtensionType::ProxyAdmin:
        return QCoreApplication::translate("ExtensionType", "Proxy admin");
    case ExtensionType::RoomConnector:
        return QCoreApplication::translate("ExtensionType", "Room connector");
    case ExtensionType::ParkLocation:
        return QCoreApplication::translate("ExtensionType", "Park location");
    case ExtensionType::Limited:
        return QCoreApplication::translate("ExtensionType", "Limited extension");
    case ExtensionType::Bot:
        return QCoreApplication::translate("ExtensionType", "Bot");
    case ExtensionType::Site:
        return QCoreApplication::translate("ExtensionType", "Site");
    case ExtensionType::Room:
        return QCoreApplication::translate("ExtensionType", "Room");
    case ExtensionType::FlexibleUser:
        return QCoreApplication::translate("ExtensionType", "Flexible user");
    case ExtensionType::TieLine:
        return QCoreApplication::translate("ExtensionType", "Tie line");
    case ExtensionType::Unknown:
        break;
    }
    return QCoreApplication::translate("ExtensionType", "Unknown");
}

QString toWire(ExtensionStatus status) {
    return detail::wireOf(kExtensionStatuses, status);
}

std::optional<ExtensionStatus> extensionStatusFromWire(QStringView wire) {
    return detail::valueOf(kExtensionStatuses, wire);
}

QList<ExtensionStatus> allExtensionStatuses() {
    return detail::valuesOf(kExtensionStatuses);
}

QString displayName(ExtensionStatus status) {
    switch (status) {
    case ExtensionStatus::Enabled:
        return QCoreApplication::translate("ExtensionStatus", "Enabled");
    case ExtensionStatus::Disabled:
        return QCoreApplication::translate("ExtensionStatus", "Disabled");
    case ExtensionStatus::Frozen:
        return QCoreApplication::translate("ExtensionStatus", "Frozen");
    case ExtensionStatus::NotActivated:
        return QCoreApplication::translate("ExtensionStatus", "Not activated");
    case ExtensionStatus::Unassigned:
        break;
    }
    return QCoreApplication::translate("ExtensionStatus", "Unassigned");
}

} // namespace trunkline::core
