#include "core/Extension.h"

#include "core/ContactTextFields.h"
#include "core/WireTable.h"

#include <QCoreApplication>

namespace trunkline::core {

namespace {

using detail::WireEntry;

constexpr std::array<WireEntry<ExtensionType>, 23> kExtensionTypes{{
    {ExtensionType::User, u"User", QT_TRANSLATE_NOOP("ExtensionType", "User")},
    {ExtensionType::Department, u"Department", QT_TRANSLATE_NOOP("ExtensionType", "Call queue")},
    {ExtensionType::Announcement, u"Announcement", QT_TRANSLATE_NOOP("ExtensionType", "Announcement only")},
    {ExtensionType::Voicemail, u"Voicemail", QT_TRANSLATE_NOOP("ExtensionType", "Message only")},
    {ExtensionType::DigitalUser, u"DigitalUser", QT_TRANSLATE_NOOP("ExtensionType", "Digital user")},
    {ExtensionType::VirtualUser, u"VirtualUser", QT_TRANSLATE_NOOP("ExtensionType", "Virtual user")},
    {ExtensionType::FaxUser, u"FaxUser", QT_TRANSLATE_NOOP("ExtensionType", "Fax user")},
    {ExtensionType::PagingOnly, u"PagingOnly", QT_TRANSLATE_NOOP("ExtensionType", "Paging only group")},
    {ExtensionType::SharedLinesGroup, u"SharedLinesGroup",
     QT_TRANSLATE_NOOP("ExtensionType", "Shared lines group")},
    {ExtensionType::DelegatedLinesGroup, u"DelegatedLinesGroup",
     QT_TRANSLATE_NOOP("ExtensionType", "Delegated lines group")},
    {ExtensionType::GroupCallPickup, u"GroupCallPickup",
     QT_TRANSLATE_NOOP("ExtensionType", "Group call pickup")},
    {ExtensionType::IvrMenu, u"IvrMenu", QT_TRANSLATE_NOOP("ExtensionType", "IVR menu")},
    {ExtensionType::ApplicationExtension, u"ApplicationExtension",
     QT_TRANSLATE_NOOP("ExtensionType", "Application extension")},
    {ExtensionType::ProxyAdmin, u"ProxyAdmin", QT_TRANSLATE_NOOP("ExtensionType", "Proxy admin")},
    {ExtensionType::RoomConnector, u"RoomConnector", QT_TRANSLATE_NOOP("ExtensionType", "Room connector")},
    {ExtensionType::ParkLocation, u"ParkLocation", QT_TRANSLATE_NOOP("ExtensionType", "Park location")},
    {ExtensionType::Limited, u"Limited", QT_TRANSLATE_NOOP("ExtensionType", "Limited extension")},
    {ExtensionType::Bot, u"Bot", QT_TRANSLATE_NOOP("ExtensionType", "Bot")},
    {ExtensionType::Site, u"Site", QT_TRANSLATE_NOOP("ExtensionType", "Site")},
    {ExtensionType::Room, u"Room", QT_TRANSLATE_NOOP("ExtensionType", "Room")},
    {ExtensionType::FlexibleUser, u"FlexibleUser", QT_TRANSLATE_NOOP("ExtensionType", "Flexible user")},
    {ExtensionType::TieLine, u"TieLine", QT_TRANSLATE_NOOP("ExtensionType", "Tie line")},
    {ExtensionType::Unknown, u"Unknown", QT_TRANSLATE_NOOP("ExtensionType", "Unknown")},
}};

constexpr std::array<WireEntry<ExtensionStatus>, 5> kExtensionStatuses{{
    {ExtensionStatus::Enabled, u"Enabled", QT_TRANSLATE_NOOP("ExtensionStatus", "Enabled")},
    {ExtensionStatus::Disabled, u"Disabled", QT_TRANSLATE_NOOP("ExtensionStatus", "Disabled")},
    {ExtensionStatus::Frozen, u"Frozen", QT_TRANSLATE_NOOP("ExtensionStatus", "Frozen")},
    {ExtensionStatus::NotActivated, u"NotActivated", QT_TRANSLATE_NOOP("ExtensionStatus", "Not activated")},
    {ExtensionStatus::Unassigned, u"Unassigned", QT_TRANSLATE_NOOP("ExtensionStatus", "Unassigned")},
}};

} // namespace

TRUNKLINE_WIRE_ENUM(ExtensionType, kExtensionTypes)

TRUNKLINE_WIRE_ENUM(ExtensionStatus, kExtensionStatuses)

QString derivedName(const ExtensionContact& contact) {
    return contact.lastName.isEmpty() ? contact.firstName : contact.firstName + u' ' + contact.lastName;
}

const TextFields<ExtensionContact>& contactTextFields() {
    static const TextFields<ExtensionContact> fields = {
        {QStringLiteral("firstName"), &ExtensionContact::firstName},
        {QStringLiteral("lastName"), &ExtensionContact::lastName},
        {QStringLiteral("email"), &ExtensionContact::email},
        {QStringLiteral("company"), &ExtensionContact::company},
        {QStringLiteral("department"), &ExtensionContact::department},
        {QStringLiteral("jobTitle"), &ExtensionContact::jobTitle},
        {QStringLiteral("businessPhone"), &ExtensionContact::businessPhone},
        {QStringLiteral("mobilePhone"), &ExtensionContact::mobilePhone},
    };
    return fields;
}

} // namespace trunkline::core
