#pragma once

#include "core/WireEnum.h"

#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

namespace trunkline::core {

// RingCentral AllExtensionTypesEnum (response/filter list). Unrecognised types come back as Unknown.
enum class ExtensionType {
    User,
    Department,
    Announcement,
    Voicemail,
    DigitalUser,
    VirtualUser,
    FaxUser,
    PagingOnly,
    SharedLinesGroup,
    DelegatedLinesGroup,
    GroupCallPickup,
    IvrMenu,
    ApplicationExtension,
    ProxyAdmin,
    RoomConnector,
    ParkLocation,
    Limited,
    Bot,
    Site,
    Room,
    FlexibleUser,
    TieLine,
    Unknown,
};

// RingCentral ExtensionStatusEnumFull. Unassigned means "no extensionNumber" and cannot be set by PUT.
enum class ExtensionStatus {
    Enabled,
    Disabled,
    Frozen,
    NotActivated,
    Unassigned,
};

struct ExtensionContact {
    QString firstName;
    QString lastName;
    QString company;
    QString jobTitle;
    QString email;
    QString businessPhone; // E.164
    QString mobilePhone;   // E.164, not toll-free
    QString department;

    friend bool operator==(const ExtensionContact&, const ExtensionContact&) = default;
};

// The display name RingCentral gives an extension: it is built from the contact's first and last name
// (ExtensionUpdateRequest has no name of its own), the first name alone when there is no last name.
QString derivedName(const ExtensionContact& contact);

struct Extension {
    QString id;
    QString extensionNumber; // up to 8 digits; empty when status is Unassigned
    QString name;
    ExtensionType type = ExtensionType::User;
    ExtensionStatus status = ExtensionStatus::Enabled;
    ExtensionContact contact;
    QString timeZone; // regionalSettings.timezone.name, e.g. "Europe/Berlin"
    bool admin = false;
    QString callerIdNumber; // E.164, empty = provider default

    friend bool operator==(const Extension&, const Extension&) = default;
};

} // namespace trunkline::core
