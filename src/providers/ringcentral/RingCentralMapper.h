#pragma once

#include "core/Account.h"
#include "core/Extension.h"
#include "core/ForwardingNumber.h"
#include "core/PhoneNumberRecord.h"
#include "core/TimeZone.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <optional>

namespace trunkline::providers::ringcentral {

// RingCentral JSON (docs/api/ringcentral.md §2-§5) <-> Trunkline's records, with no network in sight so it
// can be tested on its own. Readers return nullopt and a translated *problem naming the record and the field
// when a record is not what the API documents; unknown extension types become Unknown, unknown number
// features are ignored (both are open sets), other unknown enum values are problems.
class RingCentralMapper {
    Q_DECLARE_TR_FUNCTIONS(RingCentralMapper)

public:
    // GET /account/~ plus GET /account/~/service-info (brand, plans and features are read from the latter
    // when present, else from accountInfo.serviceInfo) plus GET /account/~/business-address (empty when
    // the caller may not read it).
    static std::optional<core::Account> account(const QJsonObject& accountInfo,
                                                const QJsonObject& serviceInfo,
                                                const QJsonObject& businessAddress, QString* problem);
    static QJsonObject accountToJson(const core::Account& account);

    // A record of the extension list or GET /extension/{id}.
    static std::optional<core::Extension> extension(const QJsonObject& json, QString* problem);
    // The same shape back (the fields the record keeps).
    static QJsonObject extensionToJson(const core::Extension& extension);
    // Bodies of POST /extension and PUT /extension/{id} (ExtensionCreationRequest / ExtensionUpdateRequest).
    // An update carries the `fields` a change touches, as the app names them ("extensionNumber",
    // "status", "contact.jobTitle", …), cleared ones included.
    static QJsonObject extensionCreateBody(const core::Extension& extension);
    static QJsonObject extensionUpdateBody(const core::Extension& extension, const QStringList& fields);

    // CompanyPhoneNumberInfo (account list) or UserPhoneNumberInfo (extension list).
    static std::optional<core::PhoneNumberRecord> phoneNumber(const QJsonObject& json, QString* problem);
    static QJsonObject phoneNumberToJson(const core::PhoneNumberRecord& number);

    // The type of a DeviceResource of GET /extension/{id}/device (§3.9); HardPhone when absent, the
    // spec's default.
    static std::optional<QString> deviceType(const QJsonObject& json, QString* problem);

    // ForwardingNumberInfo.
    // An entry of the time zone dictionary: {id, name, description, bias}.
    static std::optional<core::TimeZone> timeZone(const QJsonObject& json, QString* problem);
    static std::optional<core::ForwardingNumber> forwardingNumber(const QJsonObject& json, QString* problem);
    static QJsonObject forwardingNumberToJson(const core::ForwardingNumber& forwarding);
    // POST body: flipNumber is an integer there; PUT body: a string (docs/api/ringcentral.md §5.1).
    static QJsonObject forwardingCreateBody(const core::ForwardingNumber& forwarding);
    static QJsonObject forwardingUpdateBody(const core::ForwardingNumber& forwarding,
                                            const QStringList& fields);

    // The number an ExtensionCallerIdInfo shows for outbound calls: feature RingOut if set to a phone
    // number, else the first feature that is. Empty when blocked or not set.
    static QString callerIdNumber(const QJsonObject& callerIdInfo);

    // RingCentral ids are int64 on the wire in some schemas and strings in others: both become text.
    static QString idText(const QJsonValue& value);
};

} // namespace trunkline::providers::ringcentral
